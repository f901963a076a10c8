#pragma once

#include <QString>

namespace moim::server {

class Clock;
class Database;
class PasswordHasher;

// Seeds the demo company of `--demo` into an empty database: four workspaces, Korean and English
// members, channels and direct messages with a few dozen messages each. Tests rely on the
// accounts, passwords and memberships listed in credentialsText().
class DemoSeeder
{
public:
    static constexpr auto Password = "seoul-spring-gathering";
    // The demo's personal accounts (their own provider passwords): jimin's is linked to her work
    // account, alex's is not yet.
    static constexpr auto PersonalPassword = "han-river-evening-walk";
    static constexpr auto JiminPersonal = "jimin@personal.example";
    static constexpr auto AlexPersonal = "alex@personal.example";

    DemoSeeder(Database &database, const PasswordHasher &hasher, const Clock &clock);

    // Seeds only when there are no users yet; true when the demo data is (now) present.
    bool seedIfEmpty(QString *error);

    // mailCommand: how to read the dev mailbox (the admin subcommand for this data folder).
    static QString credentialsText(const QString &url, const QString &mailCommand);

private:
    Database &m_database;
    const PasswordHasher &m_hasher;
    const Clock &m_clock;
};

} // namespace moim::server
