#include "notification_policy.h"

namespace moim {

using namespace Qt::StringLiterals;
using Verdict = NotificationDecision::Verdict;

namespace {
constexpr int MinutesPerDay = 24 * 60;
constexpr int NightEndsHour = 4;
} // namespace

NotificationDecision NotificationPolicy::decide(const NotificationSettings &settings,
                                                const IncomingMessage &message,
                                                const QDateTime &now, const QTimeZone &zone)
{
    NotificationDecision decision;
    // A conversation's own level wins over the workspace's, both ways: a loud channel in a
    // quiet workspace notifies, a muted one in a loud workspace does not.
    const NotificationSettings::Level level = message.conversationLevel.value_or(settings.level);
    // Order matters only for the verdict reported; every reason alone is enough to stay silent.
    if (message.fromMe)
        decision.verdict = Verdict::OwnMessage;
    else if (message.focused)
        decision.verdict = Verdict::Focused;
    else if (level == NotificationSettings::Level::Nothing)
        decision.verdict = Verdict::LevelNothing;
    else if (level == NotificationSettings::Level::MentionsAndDirect && !message.direct &&
             !message.mentionsMe)
        decision.verdict = Verdict::NotForMe;
    else if (settings.isMutedAt(now.toSecsSinceEpoch()))
        decision.verdict = Verdict::Muted;
    else if (isQuietAt(settings.quietHours, now, zone))
        decision.verdict = Verdict::QuietHours;
    if (!decision.notify())
        return decision;

    decision.author = message.message.authorName;
    decision.conversationName = message.direct ? QString() : message.conversationName;
    decision.workspaceName = message.workspaceName;
    decision.direct = message.direct;
    decision.mention = message.mentionsMe;
    decision.preview = settings.preview ? previewText(message.message.body) : QString();
    decision.sound = settings.sound;
    return decision;
}

bool NotificationPolicy::isQuietAt(const NotificationSettings::QuietHours &quiet,
                                   const QDateTime &now, const QTimeZone &zone)
{
    if (!quiet.enabled || quiet.days.isEmpty())
        return false;
    const QDateTime local = zone.isValid() ? now.toTimeZone(zone) : now.toLocalTime();
    const int minute = local.time().hour() * 60 + local.time().minute();
    const int today = local.date().dayOfWeek();
    const int yesterday = today == 1 ? 7 : today - 1;
    // A period is [start, start + length) minutes; one that reaches past midnight continues
    // into the next day, where it belongs to the day it started on.
    int length = quiet.endMinute - quiet.startMinute;
    if (length <= 0)
        length += MinutesPerDay;
    const int end = quiet.startMinute + length;
    if (quiet.startsOn(today) && minute >= quiet.startMinute && minute < end)
        return true;
    return end > MinutesPerDay && quiet.startsOn(yesterday) && minute < end - MinutesPerDay;
}

NotificationSettings NotificationPolicy::muted(NotificationSettings settings, MuteDuration duration,
                                               const QDateTime &now, const QTimeZone &zone)
{
    settings.mutedForever = false;
    switch (duration) {
    case MuteDuration::OneHour:
        settings.mutedUntil = now.toSecsSinceEpoch() + 3600;
        break;
    case MuteDuration::EightHours:
        settings.mutedUntil = now.toSecsSinceEpoch() + 8 * 3600;
        break;
    case MuteDuration::UntilTomorrow: {
        const QDateTime local = zone.isValid() ? now.toTimeZone(zone) : now.toLocalTime();
        const QDate day =
            local.time().hour() < NightEndsHour ? local.date() : local.date().addDays(1);
        const QDateTime morning = zone.isValid() ? QDateTime(day, QTime(TomorrowHour, 0), zone)
                                                 : QDateTime(day, QTime(TomorrowHour, 0));
        settings.mutedUntil = morning.toSecsSinceEpoch();
        break;
    }
    case MuteDuration::UntilTurnedOn:
        settings.mutedUntil = 0;
        settings.mutedForever = true;
        break;
    }
    return settings;
}

NotificationSettings NotificationPolicy::unmuted(NotificationSettings settings)
{
    settings.mutedUntil = 0;
    settings.mutedForever = false;
    return settings;
}

bool NotificationPolicy::isSilenced(const NotificationSettings &settings, const QDateTime &now)
{
    return settings.level == NotificationSettings::Level::Nothing ||
           settings.isMutedAt(now.toSecsSinceEpoch());
}

QString NotificationPolicy::previewText(const QString &body)
{
    const QString line = body.simplified();
    if (line.size() <= PreviewLength)
        return line;
    // Never cut a surrogate pair (an emoji) in half.
    qsizetype cut = PreviewLength - 1;
    if (line.at(cut).isLowSurrogate())
        --cut;
    return line.left(cut).trimmed() + u'…';
}

} // namespace moim
