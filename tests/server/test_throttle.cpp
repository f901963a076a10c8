// Throttle: 5 free failures, then 1 s after the 5th, doubling, capped at 15 minutes; cleared by
// a success; keyed by any normalised email, existing or not; persisted across instances.
#include "clock.h"
#include "database.h"
#include "email_address.h"
#include "throttle.h"

#include <QTemporaryDir>
#include <QTest>

using namespace moim::server;

class TestThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<Clock>();
        m_database = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("t.sqlite")), &error),
                 qPrintable(error));
        m_throttle = std::make_unique<Throttle>(*m_database, *m_clock);
    }

    void cleanup()
    {
        m_throttle.reset();
        m_database.reset();
        m_dir.reset();
    }

    void fiveFreeFailures()
    {
        const QString key = QStringLiteral("nobody@moim.example");
        for (int i = 0; i < 4; ++i) {
            m_throttle->recordFailure(key);
            QVERIFY(!m_throttle->retryAfter(key));
        }
        m_throttle->recordFailure(key); // the 5th
        QCOMPARE(m_throttle->retryAfter(key), std::optional<qint64>(1));
        m_clock->advance(1);
        QVERIFY(!m_throttle->retryAfter(key));
    }

    void doublingAndCap()
    {
        const QString key = QStringLiteral("jimin.kim@moim.example");
        for (int i = 0; i < 5; ++i)
            m_throttle->recordFailure(key);
        qint64 expected = 1;
        for (int failure = 5; failure < 20; ++failure) {
            QCOMPARE(m_throttle->retryAfter(key), std::optional<qint64>(expected));
            // Time passes within the delay: the wait shrinks accordingly.
            if (expected > 1) {
                m_clock->advance(1);
                QCOMPARE(m_throttle->retryAfter(key), std::optional<qint64>(expected - 1));
                m_clock->advance(expected - 1);
            } else {
                m_clock->advance(expected);
            }
            QVERIFY(!m_throttle->retryAfter(key));
            m_throttle->recordFailure(key);
            expected = qMin<qint64>(expected * 2, 15 * 60);
        }
        QCOMPARE(m_throttle->retryAfter(key), std::optional<qint64>(15 * 60));
        QCOMPARE(Throttle::delayAfter(1000), 15 * 60);
    }

    void clearedOnSuccess()
    {
        const QString key = QStringLiteral("alex.park@moim.example");
        for (int i = 0; i < 7; ++i)
            m_throttle->recordFailure(key);
        QVERIFY(m_throttle->retryAfter(key));
        m_throttle->clear(key);
        QVERIFY(!m_throttle->retryAfter(key));
        QCOMPARE(m_throttle->failures(key), 0);
        // The count starts again from zero.
        for (int i = 0; i < 4; ++i)
            m_throttle->recordFailure(key);
        QVERIFY(!m_throttle->retryAfter(key));
    }

    void keyedByNormalisedEmail()
    {
        // "é" precomposed vs. "e" + combining acute: the same address after NFC.
        const QString composed =
            EmailAddress::normalise(QStringLiteral(" Jos\u00E9@Moim.Example "));
        const QString decomposed =
            EmailAddress::normalise(QStringLiteral("JOSE\u0301@moim.example"));
        QCOMPARE(composed, decomposed);
        QCOMPARE(composed, QStringLiteral("jos\u00E9@moim.example"));
        for (int i = 0; i < 5; ++i)
            m_throttle->recordFailure(i % 2 ? composed : decomposed);
        QVERIFY(m_throttle->retryAfter(composed));
        QVERIFY(!m_throttle->retryAfter(QStringLiteral("someone.else@moim.example")));
    }

    void persisted()
    {
        const QString key = QStringLiteral("ghost@moim.example");
        for (int i = 0; i < 6; ++i)
            m_throttle->recordFailure(key);
        Throttle other(*m_database, *m_clock);
        QCOMPARE(other.failures(key), 6);
        QCOMPARE(other.retryAfter(key), std::optional<qint64>(2));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Throttle> m_throttle;
};

QTEST_GUILESS_MAIN(TestThrottle)
#include "test_throttle.moc"
