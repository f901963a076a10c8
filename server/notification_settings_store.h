#pragma once

#include <QString>
#include <protocol/notification_settings.h>

namespace moim::server {

class Clock;
class Database;

// Each user's notification settings, one set per workspace. A workspace the user never changed
// has the defaults; nothing is stored until the first change.
class NotificationSettingsStore
{
public:
    NotificationSettingsStore(Database &database, const Clock &clock);

    NotificationSettings get(const QString &userId, const QString &workspaceId) const;
    bool put(const QString &userId, const QString &workspaceId,
             const NotificationSettings &settings);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
