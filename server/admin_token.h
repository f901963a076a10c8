#pragma once

#include <QByteArray>
#include <QString>

namespace moim::server {

// The admin API's bearer token. Created once in <data>/admin-token (mode 0600) so the admin
// subcommand, run by the same user, can read it; the server keeps only its SHA-256 in memory.
class AdminToken
{
public:
    // Reads the token file, creating it on first start. False (with error) when unusable.
    bool loadOrCreate(const QString &dataDir, QString *error);
    bool matches(const QString &presented) const;

    static QString filePath(const QString &dataDir);
    // For the admin subcommand: the token itself, or empty when the file cannot be read.
    static QString read(const QString &dataDir);

private:
    QByteArray m_hash;
};

} // namespace moim::server
