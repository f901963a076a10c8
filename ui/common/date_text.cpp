#include "date_text.h"

#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
QString &chosenLanguage()
{
    static QString language = u"en"_s;
    return language;
}

QLocale localeOf(const QString &language)
{
    // Built from the language explicitly: QLocale() would be the system's.
    return language == "ko"_L1 ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                               : QLocale(QLocale::English, QLocale::UnitedStates);
}

QLocale &chosenLocale()
{
    static QLocale locale = localeOf(chosenLanguage());
    return locale;
}
} // namespace

void DateText::setLanguage(const QString &language)
{
    chosenLanguage() = language == "ko"_L1 ? u"ko"_s : u"en"_s;
    chosenLocale() = localeOf(chosenLanguage());
}

QString DateText::language()
{
    return chosenLanguage();
}

bool DateText::korean()
{
    return chosenLanguage() == "ko"_L1;
}

QLocale DateText::locale()
{
    return chosenLocale();
}

QString DateText::time(const QDateTime &moment)
{
    const QTime time = moment.toLocalTime().time();
    return korean() ? locale().toString(time, u"AP h:mm"_s) : locale().toString(time, u"h:mm AP"_s);
}

QString DateText::calendarDay(const QDate &date, int thisYear)
{
    const QLocale words = locale();
    if (korean()) {
        return date.year() == thisYear ? words.toString(date, u"M월 d일 (ddd)"_s)
                                       : words.toString(date, u"yyyy년 M월 d일 (ddd)"_s);
    }
    return date.year() == thisYear ? words.toString(date, u"ddd d MMM"_s)
                                   : words.toString(date, u"ddd d MMM yyyy"_s);
}

QString DateText::day(const QDate &date, const QDate &today)
{
    if (date == today)
        return tr("Today");
    if (date == today.addDays(-1))
        return tr("Yesterday");
    return calendarDay(date, today.year());
}

QString DateText::listTime(const QDateTime &moment, const QDateTime &now)
{
    if (!moment.isValid())
        return {}; // never active: no time rather than a made-up one
    const QDate date = moment.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    if (date == today)
        return time(moment);
    if (date == today.addDays(-1))
        return tr("Yesterday");
    const QLocale words = locale();
    if (korean()) {
        return date.year() == today.year() ? words.toString(date, u"M.d."_s)
                                           : words.toString(date, u"yyyy.M.d."_s);
    }
    return date.year() == today.year() ? words.toString(date, u"d MMM"_s)
                                       : words.toString(date, u"d MMM yyyy"_s);
}

QString DateText::date(const QDate &date)
{
    return korean() ? locale().toString(date, u"yyyy년 M월 d일"_s)
                    : locale().toString(date, u"d MMM yyyy"_s);
}

QString DateText::moment(const QDateTime &moment, const QDateTime &now)
{
    const QDate date = moment.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    const QString clock = time(moment);
    if (date == today)
        return tr("today at %1").arg(clock);
    if (date == today.addDays(-1))
        return tr("yesterday at %1").arg(clock);
    if (date == today.addDays(1))
        return tr("tomorrow at %1").arg(clock);
    return tr("%1 at %2", "a day, then a time").arg(calendarDay(date, today.year()), clock);
}

QString DateText::full(const QDateTime &moment)
{
    const QDateTime local = moment.toLocalTime();
    const QLocale words = locale();
    if (korean())
        return words.toString(local, u"yyyy년 M월 d일 (ddd) AP h:mm:ss"_s);
    return words.toString(local, u"ddd d MMM yyyy, h:mm:ss AP"_s);
}

QString DateText::waitLength(int seconds)
{
    seconds = std::max(1, seconds);
    if (seconds < 60)
        return tr("%n second(s)", nullptr, seconds);
    const int minutes = (seconds + 59) / 60;
    if (minutes < 60)
        return tr("%n minute(s)", nullptr, minutes);
    const int hours = minutes / 60;
    const int minutesLeft = minutes % 60;
    if (minutesLeft == 0)
        return tr("%n hour(s)", nullptr, hours);
    //: An hour count and a minute count, as in "1 hour 5 minutes" / "1시간 5분".
    return tr("%1 %2").arg(tr("%n hour(s)", nullptr, hours),
                           tr("%n minute(s)", nullptr, minutesLeft));
}

} // namespace moim::ui
