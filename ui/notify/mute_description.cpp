#include "mute_description.h"

#include "common/date_text.h"

namespace moim::ui {

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
    return DateText::moment(end, now);
}

} // namespace moim::ui
