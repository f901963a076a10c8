#pragma once

#include <QDateTime>
#include <QString>

namespace moim::ui {

// When a conversation was last active, as short as the list's time column allows: the time
// today (오후 3:57 / 3:57 PM), 어제 / Yesterday, the day this year (11.28. / 28 Nov), else the
// full date. In Moim's language, in the local time zone; empty for an invalid time.
QString conversationListTime(const QDateTime &when, const QDateTime &now);

} // namespace moim::ui
