// Dates and times read the same everywhere in the app, in the language chosen in Moim, whatever
// the system locale is (the test runs under LANG=C.UTF-8).
#include "common/date_text.h"
#include "language.h"

#include <QApplication>
#include <QTranslator>
#include <QtTest>

using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
// Monday 30 November 2026, 15:57:12 local time.
const QDateTime Now(QDate(2026, 11, 30), QTime(15, 57, 12));
} // namespace

class TestDateText : public QObject
{
    Q_OBJECT

    void useLanguage(const QString &language)
    {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(installLanguage(*qApp, language));
        QCOMPARE(DateText::language(), language);
    }

private Q_SLOTS:
    void theSystemLocaleIsNotTheLanguage()
    {
        // What the app must not follow: a C locale would write "Mon" and "PM" in Korean screens.
        QLocale::setDefault(QLocale::c());
        useLanguage(u"ko"_s);
        QCOMPARE(DateText::time(Now), u"오후 3:57"_s);
        useLanguage(u"en"_s);
        QCOMPARE(DateText::time(Now), u"3:57 PM"_s);
    }

    void formats_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QDateTime>("moment");
        QTest::addColumn<QString>("expected");

        const QDateTime morning(QDate(2026, 11, 30), QTime(9, 5, 0));
        const QDateTime yesterday(QDate(2026, 11, 29), QTime(22, 40, 0));
        const QDateTime thisYear(QDate(2026, 11, 28), QTime(13, 2, 0));
        const QDateTime otherYear(QDate(2025, 11, 30), QTime(0, 15, 0));
        const QDateTime tomorrow(QDate(2026, 12, 1), QTime(8, 0, 0));

        QTest::newRow("ko time") << u"ko"_s << u"time"_s << Now << u"오후 3:57"_s;
        QTest::newRow("ko time morning") << u"ko"_s << u"time"_s << morning << u"오전 9:05"_s;
        QTest::newRow("ko day today") << u"ko"_s << u"day"_s << morning << u"오늘"_s;
        QTest::newRow("ko day yesterday") << u"ko"_s << u"day"_s << yesterday << u"어제"_s;
        QTest::newRow("ko day this year") << u"ko"_s << u"day"_s << thisYear << u"11월 28일 (토)"_s;
        QTest::newRow("ko day other year")
            << u"ko"_s << u"day"_s << otherYear << u"2025년 11월 30일 (일)"_s;
        QTest::newRow("ko list today") << u"ko"_s << u"list"_s << Now << u"오후 3:57"_s;
        QTest::newRow("ko list yesterday") << u"ko"_s << u"list"_s << yesterday << u"어제"_s;
        QTest::newRow("ko list this year") << u"ko"_s << u"list"_s << thisYear << u"11.28."_s;
        QTest::newRow("ko list other year")
            << u"ko"_s << u"list"_s << otherYear << u"2025.11.30."_s;
        QTest::newRow("ko moment today")
            << u"ko"_s << u"moment"_s << morning << u"오늘 오전 9:05"_s;
        QTest::newRow("ko moment tomorrow")
            << u"ko"_s << u"moment"_s << tomorrow << u"내일 오전 8:00"_s;
        QTest::newRow("ko moment other year")
            << u"ko"_s << u"moment"_s << otherYear << u"2025년 11월 30일 (일) 오전 12:15"_s;
        QTest::newRow("ko full") << u"ko"_s << u"full"_s << Now
                                 << u"2026년 11월 30일 (월) 오후 3:57:12"_s;
        QTest::newRow("ko date") << u"ko"_s << u"date"_s << otherYear << u"2025년 11월 30일"_s;

        QTest::newRow("en time") << u"en"_s << u"time"_s << Now << u"3:57 PM"_s;
        QTest::newRow("en time morning") << u"en"_s << u"time"_s << morning << u"9:05 AM"_s;
        QTest::newRow("en day today") << u"en"_s << u"day"_s << morning << u"Today"_s;
        QTest::newRow("en day yesterday") << u"en"_s << u"day"_s << yesterday << u"Yesterday"_s;
        QTest::newRow("en day this year") << u"en"_s << u"day"_s << thisYear << u"Sat 28 Nov"_s;
        QTest::newRow("en day other year")
            << u"en"_s << u"day"_s << otherYear << u"Sun 30 Nov 2025"_s;
        QTest::newRow("en list today") << u"en"_s << u"list"_s << Now << u"3:57 PM"_s;
        QTest::newRow("en list yesterday") << u"en"_s << u"list"_s << yesterday << u"Yesterday"_s;
        QTest::newRow("en list this year") << u"en"_s << u"list"_s << thisYear << u"28 Nov"_s;
        QTest::newRow("en list other year")
            << u"en"_s << u"list"_s << otherYear << u"30 Nov 2025"_s;
        QTest::newRow("en moment today")
            << u"en"_s << u"moment"_s << morning << u"today at 9:05 AM"_s;
        QTest::newRow("en moment tomorrow")
            << u"en"_s << u"moment"_s << tomorrow << u"tomorrow at 8:00 AM"_s;
        QTest::newRow("en moment other year")
            << u"en"_s << u"moment"_s << otherYear << u"Sun 30 Nov 2025 at 12:15 AM"_s;
        QTest::newRow("en full") << u"en"_s << u"full"_s << Now << u"Mon 30 Nov 2026, 3:57:12 PM"_s;
        QTest::newRow("en date") << u"en"_s << u"date"_s << otherYear << u"30 Nov 2025"_s;
    }

    void formats()
    {
        QFETCH(QString, language);
        QFETCH(QString, kind);
        QFETCH(QDateTime, moment);
        QFETCH(QString, expected);
        useLanguage(language);
        QString shown;
        if (kind == "time"_L1)
            shown = DateText::time(moment);
        else if (kind == "day"_L1)
            shown = DateText::day(moment.date(), Now.date());
        else if (kind == "list"_L1)
            shown = DateText::listTime(moment, Now);
        else if (kind == "moment"_L1)
            shown = DateText::moment(moment, Now);
        else if (kind == "full"_L1)
            shown = DateText::full(moment);
        else
            shown = DateText::date(moment.date());
        QCOMPARE(shown, expected);
    }

    // Long waits read as minutes and hours, never "897초".
    void waitLengths_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ko 1 s") << u"ko"_s << 1 << u"1초"_s;
        QTest::newRow("ko 45 s") << u"ko"_s << 45 << u"45초"_s;
        QTest::newRow("ko 60 s") << u"ko"_s << 60 << u"1분"_s;
        QTest::newRow("ko 897 s") << u"ko"_s << 897 << u"15분"_s;
        QTest::newRow("ko 3600 s") << u"ko"_s << 3600 << u"1시간"_s;
        QTest::newRow("ko 3900 s") << u"ko"_s << 3900 << u"1시간 5분"_s;
        QTest::newRow("en 1 s") << u"en"_s << 1 << u"1 second"_s;
        QTest::newRow("en 45 s") << u"en"_s << 45 << u"45 seconds"_s;
        QTest::newRow("en 61 s") << u"en"_s << 61 << u"2 minutes"_s;
        QTest::newRow("en 897 s") << u"en"_s << 897 << u"15 minutes"_s;
        QTest::newRow("en 7200 s") << u"en"_s << 7200 << u"2 hours"_s;
        QTest::newRow("en 3660 s") << u"en"_s << 3660 << u"1 hour 1 minute"_s;
        QTest::newRow("zero is not now") << u"en"_s << 0 << u"1 second"_s;
    }

    void waitLengths()
    {
        QFETCH(QString, language);
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        useLanguage(language);
        QCOMPARE(DateText::waitLength(seconds), expected);
    }
};

QTEST_MAIN(TestDateText)
#include "test_date_text.moc"
