#include "admin_token.h"

#include "secure_token.h"

#include <QDir>
#include <QFile>

namespace moim::server {

QString AdminToken::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("admin-token"));
}

QString AdminToken::read(const QString &dataDir)
{
    QFile file(filePath(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

bool AdminToken::loadOrCreate(const QString &dataDir, QString *error)
{
    QString token = read(dataDir);
    if (token.isEmpty()) {
        token = SecureToken::generate();
        QFile file(filePath(dataDir));
        // Restrict the mode before any secret byte is written.
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
            file.write(token.toLatin1() + '\n') < 0 || !file.flush()) {
            *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
    } else {
        // An existing file keeps working, but never readable by others.
        QFile::setPermissions(filePath(dataDir), QFile::ReadOwner | QFile::WriteOwner);
    }
    m_hash = SecureToken::sha256(token);
    return true;
}

bool AdminToken::matches(const QString &presented) const
{
    // Comparing fixed-length hashes in constant time reveals nothing about the token's bytes.
    return !m_hash.isEmpty() && SecureToken::equal(m_hash, SecureToken::sha256(presented));
}

} // namespace moim::server
