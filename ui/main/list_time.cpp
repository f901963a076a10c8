#include "list_time.h"

#include "language.h"

#include <QCoreApplication>
#include <QLocale>

namespace moim::ui {

using namespace Qt::StringLiterals;

QString conversationListTime(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const QLocale locale = uiLocale();
    const bool korean = locale.language() == QLocale::Korean;
    const QDateTime local = when.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QDate day = local.date();
    if (day == today)
        return locale.toString(local.time(), korean ? u"AP h:mm"_s : u"h:mm AP"_s);
    if (day == today.addDays(-1))
        return QCoreApplication::translate("moim::ui::ConversationList", "Yesterday");
    if (day.year() == today.year())
        return locale.toString(day, korean ? u"M.d."_s : u"d MMM"_s);
    return locale.toString(day, korean ? u"yyyy.M.d."_s : u"d MMM yyyy"_s);
}

} // namespace moim::ui
