#pragma once

#include <QSqlDatabase>
#include <QString>

namespace moim::server {

// The server's SQLite file. Owns one named connection (several servers can live in one test
// process), switches on WAL and foreign keys, and migrates the schema stepwise by
// PRAGMA user_version, each step in its own transaction. Used from the main thread only.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens and migrates to the newest schema; tests of a migration stop at an older one.
    bool open(const QString &path, QString *error, int schemaVersion = SchemaVersion);
    QSqlDatabase handle() const;

    static constexpr int SchemaVersion = 14;

private:
    bool migrate(int targetVersion, QString *error);

    QString m_connectionName;
};

} // namespace moim::server
