#include "net/backoff.h"

#include <QtTest>

using namespace moim;
using namespace std::chrono_literals;

class TestBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ceilingDoublesUpToTheCap()
    {
        Backoff backoff(500ms, 30s, [] { return 0.999; });
        QList<qint64> ceilings;
        for (int i = 0; i < 10; ++i) {
            ceilings.append(backoff.currentCeiling().count());
            backoff.nextDelay();
        }
        const QList<qint64> expected{500,   1000,  2000,  4000,  8000,
                                     16000, 30000, 30000, 30000, 30000};
        QCOMPARE(ceilings, expected);
    }

    void fullJitterSpansZeroToCeiling()
    {
        double next = 0.0;
        Backoff backoff(1000ms, 30s, [&next] { return next; });
        next = 0.0;
        QCOMPARE(backoff.nextDelay().count(), 0);
        next = 0.5;
        QCOMPARE(backoff.nextDelay().count(), 1000); // half of the 2 s ceiling
        next = 0.25;
        QCOMPARE(backoff.nextDelay().count(), 1000); // a quarter of 4 s
    }

    void realRandomStaysWithinBounds()
    {
        Backoff backoff(500ms, 30s);
        for (int i = 0; i < 200; ++i) {
            const auto ceiling = backoff.currentCeiling();
            const auto delay = backoff.nextDelay();
            QVERIFY(delay.count() >= 0);
            QVERIFY(delay <= ceiling);
            QVERIFY(delay <= 30s);
        }
    }

    void resetStartsOver()
    {
        Backoff backoff(500ms, 30s, [] { return 0.5; });
        for (int i = 0; i < 5; ++i)
            backoff.nextDelay();
        QVERIFY(backoff.currentCeiling() > 500ms);
        backoff.reset();
        QCOMPARE(backoff.attempt(), 0);
        QCOMPARE(backoff.currentCeiling(), 500ms);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "test_backoff.moc"
