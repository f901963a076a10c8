#include "authenticator_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace moim::phone {

using namespace Qt::StringLiterals;

AuthenticatorStore::AuthenticatorStore(QString profileDir)
    : m_profileDir(std::move(profileDir))
{}

QString AuthenticatorStore::filePath() const
{
    return QDir(m_profileDir).filePath(u"authenticator.json"_s);
}

QList<AuthenticatorStore::Entry> AuthenticatorStore::entries() const
{
    QFile file(filePath());
    QList<Entry> result;
    if (!file.open(QIODevice::ReadOnly))
        return result;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QByteArray secret =
            QByteArray::fromBase64(object.value("secret"_L1).toString().toLatin1());
        if (!secret.isEmpty())
            result.append({object.value("label"_L1).toString(), secret});
    }
    return result;
}

bool AuthenticatorStore::add(const Entry &entry) const
{
    QList<Entry> all = entries();
    all.removeIf([&](const Entry &existing) { return existing.label == entry.label; });
    all.append(entry);
    QJsonArray array;
    for (const Entry &each : std::as_const(all)) {
        array.append(QJsonObject{{u"label"_s, each.label},
                                 {u"secret"_s, QString::fromLatin1(each.secret.toBase64())}});
    }
    if (!QDir().mkpath(m_profileDir))
        return false;
    QFile::setPermissions(m_profileDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSaveFile file(filePath());
    // Owner-only before the secrets are written, not after.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
        return false;
    file.write(QJsonDocument(array).toJson());
    return file.commit();
}

std::optional<AuthenticatorStore::Entry> AuthenticatorStore::find(const QString &account) const
{
    const QList<Entry> all = entries();
    QList<Entry> matches;
    for (const Entry &entry : all) {
        if (account.isEmpty() || entry.label.contains(account, Qt::CaseInsensitive))
            matches.append(entry);
    }
    if (matches.size() != 1)
        return std::nullopt;
    return matches.first();
}

} // namespace moim::phone
