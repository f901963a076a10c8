#pragma once

#include "protocol/notification_settings.h"

#include <QCoreApplication>
#include <QDateTime>

namespace moim::ui {

// How a mute reads, in the sidebar's tooltip and on the settings page alike.
class MuteDescription
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::MuteDescription)

public:
    // "Muted until today at 6:30 PM", "Muted until you turn them back on"; empty when not muted.
    static QString state(const NotificationSettings &settings, const QDateTime &now);
    // "today at 6:30 PM", "tomorrow at 8:00 AM", or the day and time, in the app's language.
    static QString when(const QDateTime &end, const QDateTime &now);
};

} // namespace moim::ui
