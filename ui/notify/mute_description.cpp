#include "mute_description.h"

namespace moim::ui {

using namespace Qt::StringLiterals;

QString MuteDescription::state(const NotificationSettings &settings, const QDateTime &now)
{
    if (settings.mutedForever)
        return tr("Muted until you turn them back on");
    if (!settings.isMutedAt(now.toSecsSinceEpoch()))
        return {};
    return tr("Muted until %1").arg(when(QDateTime::fromSecsSinceEpoch(settings.mutedUntil), now));
}

QString MuteDescription::when(const QDateTime &end, const QDateTime &now)
{
    const QDateTime localEnd = end.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = localEnd.toString(u"HH:mm"_s);
    if (localEnd.date() == today)
        return tr("today at %1").arg(time);
    if (localEnd.date() == today.addDays(1))
        return tr("tomorrow at %1").arg(time);
    return localEnd.toString(u"yyyy-MM-dd HH:mm"_s);
}

} // namespace moim::ui
