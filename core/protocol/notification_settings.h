// One workspace's notification settings for one user, as both sides of the protocol read and
// write them (docs/protocol.md "Notification settings"). The server validates with fromJson()
// before it stores anything; the client reads the server's answers with the same function, so
// the two can never disagree about what a well-formed value is.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace moim {

struct NotificationSettings
{
    enum class Level
    {
        All,
        MentionsAndDirect,
        Nothing
    };

    // A weekly schedule of quiet periods in the user's local time zone. A period starts at
    // `startMinute` on each of `days` and ends at `endMinute`: the same day when the end is
    // later, otherwise the next day (22:00–08:00). Equal start and end is a whole day.
    struct QuietHours
    {
        bool enabled = false;
        QList<int> days = everyDay(); // ISO weekdays, 1 = Monday; sorted, unique
        int startMinute = 22 * 60;    // minutes after local midnight
        int endMinute = 8 * 60;

        bool startsOn(int isoWeekday) const { return days.contains(isoWeekday); }
        static QList<int> everyDay();
        bool operator==(const QuietHours &) const = default;
    };

    // Why a value was refused: the field (a JSON path such as "quiet_hours.start") and an
    // English explanation for logs and for the error body.
    struct Problem
    {
        QString field;
        QString message;
    };

    Level level = Level::All;
    qint64 mutedUntil = 0; // seconds since the epoch; 0 (or past): not muted for a while
    bool mutedForever = false;
    QuietHours quietHours;
    bool preview = true;
    bool sound = true;
    bool countInTotal = true; // the workspace's unread messages count toward the app's total

    bool isMutedAt(qint64 nowSeconds) const { return mutedForever || mutedUntil > nowSeconds; }
    bool operator==(const NotificationSettings &) const = default;

    QJsonObject toJson() const;
    // Strict: every field present, of the right type and in range; otherwise nullopt and, when
    // asked, the first problem found.
    static std::optional<NotificationSettings> fromJson(const QJsonObject &object,
                                                        Problem *problem = nullptr);

    static QString levelName(Level level);
    static std::optional<Level> levelFromName(const QString &name);
    // "mon" … "sun" for ISO weekdays 1 … 7.
    static QString dayName(int isoWeekday);
    // "HH:MM" for minutes after midnight, and back (exactly two digits each, 00:00–23:59).
    static QString timeText(int minutes);
    static std::optional<int> minutesFromText(const QString &text);

    // The latest mute end the server accepts (the end of year 9999).
    static constexpr qint64 MaxMutedUntil = 253402300799;
};

} // namespace moim
