#include "profile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

namespace moim {

using namespace Qt::StringLiterals;

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"_s);
    return pattern.match(name).hasMatch();
}

Profile::Profile(QString name)
    : m_name(std::move(name))
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    m_configDir = config + u"/moim/"_s + m_name;
    m_dataDir = data + u"/moim/"_s + m_name;
    ensurePrivateDir(m_configDir);
    ensurePrivateDir(m_dataDir);
}

QString Profile::settingsFile() const
{
    return m_configDir + u"/settings.ini"_s;
}

QString Profile::accountDir(const QString &accountId) const
{
    QString safe = accountId;
    safe.replace(QRegularExpression(u"[^A-Za-z0-9_-]"_s), u"_"_s);
    return m_dataDir + u"/accounts/"_s + safe;
}

bool Profile::ensurePrivateDir(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    return QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
}

} // namespace moim
