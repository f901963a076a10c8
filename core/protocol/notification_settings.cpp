#include "notification_settings.h"

#include <QJsonArray>
#include <algorithm>
#include <array>

namespace moim {

using namespace Qt::StringLiterals;

namespace {

constexpr std::array<QLatin1StringView, 7> DayNames{"mon"_L1, "tue"_L1, "wed"_L1, "thu"_L1,
                                                    "fri"_L1, "sat"_L1, "sun"_L1};

struct Reader
{
    const QJsonObject &object;
    QString prefix;
    NotificationSettings::Problem *problem;
    bool ok = true;

    bool fail(QLatin1StringView field, const QString &message)
    {
        if (ok && problem)
            *problem = {prefix + field, message};
        ok = false;
        return false;
    }

    QJsonValue require(QLatin1StringView field)
    {
        const QJsonValue value = object.value(field);
        if (value.isUndefined())
            fail(field, u"is missing"_s);
        return value;
    }

    bool boolean(QLatin1StringView field)
    {
        const QJsonValue value = require(field);
        if (ok && !value.isBool())
            fail(field, u"must be true or false"_s);
        return value.toBool();
    }
};

} // namespace

QList<int> NotificationSettings::QuietHours::everyDay()
{
    QList<int> days;
    for (int day = 1; day <= 7; ++day)
        days.append(day);
    return days;
}

QString NotificationSettings::levelName(Level level)
{
    switch (level) {
    case Level::All:
        return u"all"_s;
    case Level::MentionsAndDirect:
        return u"mentions_and_direct"_s;
    case Level::Nothing:
        return u"nothing"_s;
    }
    return u"all"_s;
}

std::optional<NotificationSettings::Level> NotificationSettings::levelFromName(const QString &name)
{
    for (Level level : {Level::All, Level::MentionsAndDirect, Level::Nothing}) {
        if (levelName(level) == name)
            return level;
    }
    return std::nullopt;
}

QString NotificationSettings::dayName(int isoWeekday)
{
    if (isoWeekday < 1 || isoWeekday > 7)
        return {};
    return DayNames.at(std::size_t(isoWeekday - 1));
}

QString NotificationSettings::timeText(int minutes)
{
    return u"%1:%2"_s.arg(minutes / 60, 2, 10, QChar(u'0')).arg(minutes % 60, 2, 10, QChar(u'0'));
}

std::optional<int> NotificationSettings::minutesFromText(const QString &text)
{
    // Exactly "HH:MM": no seconds, no single digits, no "24:00", no spaces.
    if (text.size() != 5 || text.at(2) != u':')
        return std::nullopt;
    for (int i : {0, 1, 3, 4}) {
        if (text.at(i) < u'0' || text.at(i) > u'9')
            return std::nullopt;
    }
    const int hours = text.left(2).toInt();
    const int minutes = text.mid(3).toInt();
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return hours * 60 + minutes;
}

QJsonObject NotificationSettings::toJson() const
{
    QJsonArray dayList;
    for (int day : quietHours.days)
        dayList.append(dayName(day));
    return {{u"level"_s, levelName(level)},
            {u"muted_until"_s, mutedUntil},
            {u"muted_forever"_s, mutedForever},
            {u"quiet_hours"_s, QJsonObject{{u"enabled"_s, quietHours.enabled},
                                           {u"days"_s, dayList},
                                           {u"start"_s, timeText(quietHours.startMinute)},
                                           {u"end"_s, timeText(quietHours.endMinute)}}},
            {u"preview"_s, preview},
            {u"sound"_s, sound},
            {u"count_in_total"_s, countInTotal}};
}

std::optional<NotificationSettings> NotificationSettings::fromJson(const QJsonObject &object,
                                                                   Problem *problem)
{
    NotificationSettings settings;
    Reader top{object, QString(), problem};

    const QJsonValue level = top.require("level"_L1);
    if (top.ok) {
        if (const auto parsed = levelFromName(level.toString()); parsed && level.isString())
            settings.level = *parsed;
        else
            top.fail("level"_L1, u"must be one of all, mentions_and_direct, nothing"_s);
    }

    const QJsonValue mutedUntil = top.require("muted_until"_L1);
    if (top.ok) {
        const double seconds = mutedUntil.toDouble(-1);
        if (!mutedUntil.isDouble() || seconds < 0 || seconds > double(MaxMutedUntil) ||
            seconds != double(qint64(seconds)))
            top.fail("muted_until"_L1,
                     u"must be a whole number of seconds since the epoch, 0 when not muted"_s);
        else
            settings.mutedUntil = qint64(seconds);
    }
    if (top.ok)
        settings.mutedForever = top.boolean("muted_forever"_L1);

    const QJsonValue quiet = top.require("quiet_hours"_L1);
    if (top.ok && !quiet.isObject())
        top.fail("quiet_hours"_L1, u"must be an object"_s);
    if (top.ok) {
        const QJsonObject quietObject = quiet.toObject();
        Reader inner{quietObject, u"quiet_hours."_s, problem};
        settings.quietHours.enabled = inner.boolean("enabled"_L1);

        const QJsonValue days = inner.ok ? inner.require("days"_L1) : QJsonValue();
        if (inner.ok && !days.isArray())
            inner.fail("days"_L1, u"must be an array of mon, tue, wed, thu, fri, sat, sun"_s);
        if (inner.ok) {
            QList<int> parsed;
            for (const QJsonValue &day : days.toArray()) {
                const auto found = std::find(DayNames.cbegin(), DayNames.cend(), day.toString());
                if (!day.isString() || found == DayNames.cend()) {
                    inner.fail("days"_L1,
                               u"must be an array of mon, tue, wed, thu, fri, sat, sun"_s);
                    break;
                }
                const int weekday = int(found - DayNames.cbegin()) + 1;
                if (parsed.contains(weekday)) {
                    inner.fail("days"_L1, u"names %1 twice"_s.arg(day.toString()));
                    break;
                }
                parsed.append(weekday);
            }
            std::sort(parsed.begin(), parsed.end());
            settings.quietHours.days = parsed;
            if (inner.ok && settings.quietHours.enabled && parsed.isEmpty())
                inner.fail("days"_L1, u"must name at least one day when quiet hours are on"_s);
        }

        for (auto [field, target] : {std::pair{"start"_L1, &settings.quietHours.startMinute},
                                     std::pair{"end"_L1, &settings.quietHours.endMinute}}) {
            if (!inner.ok)
                break;
            const QJsonValue value = inner.require(field);
            const auto minutes =
                value.isString() ? minutesFromText(value.toString()) : std::nullopt;
            if (inner.ok && !minutes)
                inner.fail(field, u"must be a time of day as HH:MM, 00:00 to 23:59"_s);
            else if (minutes)
                *target = *minutes;
        }
        top.ok = inner.ok;
    }

    if (top.ok)
        settings.preview = top.boolean("preview"_L1);
    if (top.ok)
        settings.sound = top.boolean("sound"_L1);
    if (top.ok)
        settings.countInTotal = top.boolean("count_in_total"_L1);
    if (!top.ok)
        return std::nullopt;
    return settings;
}

} // namespace moim
