#include "notification_settings_store.h"

#include "clock.h"
#include "database.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace moim::server {

using namespace Qt::StringLiterals;

NotificationSettingsStore::NotificationSettingsStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

NotificationSettings NotificationSettingsStore::get(const QString &userId,
                                                    const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT level, muted_until, muted_forever, quiet_enabled, quiet_days, "
                  "quiet_start, quiet_end, preview, sound, count_in_total "
                  "FROM notification_settings WHERE user_id = ? AND workspace_id = ?"_s);
    query.addBindValue(userId);
    query.addBindValue(workspaceId);
    NotificationSettings settings;
    if (!query.exec()) {
        qCWarning(lcDb) << "Notification settings query failed:" << query.lastError().text();
        return settings;
    }
    if (!query.next())
        return settings;
    settings.level = NotificationSettings::levelFromName(query.value(0).toString())
                         .value_or(NotificationSettings::Level::All);
    settings.mutedUntil = query.value(1).toLongLong();
    settings.mutedForever = query.value(2).toBool();
    settings.quietHours.enabled = query.value(3).toBool();
    settings.quietHours.days.clear();
    for (const QString &day : query.value(4).toString().split(u',', Qt::SkipEmptyParts)) {
        for (int weekday = 1; weekday <= 7; ++weekday) {
            if (NotificationSettings::dayName(weekday) == day)
                settings.quietHours.days.append(weekday);
        }
    }
    settings.quietHours.startMinute = query.value(5).toInt();
    settings.quietHours.endMinute = query.value(6).toInt();
    settings.preview = query.value(7).toBool();
    settings.sound = query.value(8).toBool();
    settings.countInTotal = query.value(9).toBool();
    return settings;
}

bool NotificationSettingsStore::put(const QString &userId, const QString &workspaceId,
                                    const NotificationSettings &settings)
{
    QStringList days;
    for (int day : settings.quietHours.days)
        days.append(NotificationSettings::dayName(day));
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT OR REPLACE INTO notification_settings (user_id, workspace_id, level, "
                  "muted_until, muted_forever, quiet_enabled, quiet_days, quiet_start, "
                  "quiet_end, preview, sound, count_in_total, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(userId);
    query.addBindValue(workspaceId);
    query.addBindValue(NotificationSettings::levelName(settings.level));
    query.addBindValue(settings.mutedUntil);
    query.addBindValue(settings.mutedForever ? 1 : 0);
    query.addBindValue(settings.quietHours.enabled ? 1 : 0);
    query.addBindValue(days.join(u','));
    query.addBindValue(settings.quietHours.startMinute);
    query.addBindValue(settings.quietHours.endMinute);
    query.addBindValue(settings.preview ? 1 : 0);
    query.addBindValue(settings.sound ? 1 : 0);
    query.addBindValue(settings.countInTotal ? 1 : 0);
    query.addBindValue(m_clock.now());
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Cannot store notification settings:" << query.lastError().text();
    return false;
}

} // namespace moim::server
