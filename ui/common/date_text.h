#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace moim::ui {

// Every date and time the app shows, worded in the language chosen in Moim (never the system
// locale, which may be C or another language than the one on screen). Korean: 오후 3:57, 오늘,
// 11월 30일 (월); English: 3:57 PM, Today, Mon 30 Nov. The year is written only when it is not the
// current one.
class DateText
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::DateText)

public:
    // "ko" or "en"; set when the language is installed.
    static void setLanguage(const QString &language);
    static QString language();
    // The locale of the chosen language, for anything else that formats numbers or dates.
    static QLocale locale();

    // 오후 3:57 / 3:57 PM, without seconds.
    static QString time(const QDateTime &moment);
    // A day separator in a conversation: 오늘, 어제, 11월 30일 (월), 2025년 11월 30일 (일) /
    // Today, Yesterday, Mon 30 Nov, Sun 30 Nov 2025.
    static QString day(const QDate &date, const QDate &today);
    // The conversation list's time column: the time today, 어제 / Yesterday, 11.28. / 28 Nov this
    // year, 2025.11.28. / 28 Nov 2025 before.
    static QString listTime(const QDateTime &moment, const QDateTime &now);
    // A date on its own: 2026년 12월 2일 / 2 Dec 2026.
    static QString date(const QDate &date);
    // A moment in a sentence: "오늘 오후 3:57", "어제 …", "12월 3일 (목) 오후 4:07" /
    // "today at 3:57 PM", "yesterday at …", "Thu 3 Dec at 4:07 PM"; tomorrow too (deadlines).
    static QString moment(const QDateTime &moment, const QDateTime &now);
    // Everything, for a tooltip: 2026년 11월 30일 (월) 오후 3:57:12 / Mon 30 Nov 2026, 3:57:12 PM.
    static QString full(const QDateTime &moment);
    // How long to wait, as people say it: 45초 / 45 seconds under a minute, 15분 / 15 minutes
    // under an hour (rounded up: a wait is never shorter than said), then 1시간 5분 / 1 hour
    // 5 minutes. For "Try again in %1" and the like, never "897초".
    static QString waitLength(int seconds);

private:
    static bool korean();
    // Day and month with the weekday; the year only when it differs from `thisYear`.
    static QString calendarDay(const QDate &date, int thisYear);
};

} // namespace moim::ui
