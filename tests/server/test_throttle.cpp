// Throttle: 5 free failures, then 1 s after the 5th, doubling, capped at 15 minutes; cleared by
// a success; keyed by any normalised email, existing or not, and where the attempt came from;
// persisted across instances. An attempt is counted when admitted, and a refused one is not.
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
        // Only advance() moves time here: a slow run (a sanitizer build) crossing a second
        // between two calls must not change the waits the test reads.
        m_clock->freeze();
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
        const Key key = ipKey(QStringLiteral("nobody@moim.example"));
        for (int i = 0; i < 4; ++i) {
            recordFailure(key);
            QVERIFY(!m_throttle->retryAfter({key}));
        }
        recordFailure(key); // the 5th
        QCOMPARE(m_throttle->retryAfter({key}), std::optional<qint64>(1));
        m_clock->advance(1);
        QVERIFY(!m_throttle->retryAfter({key}));
    }

    void doublingAndCap()
    {
        const Key key = ipKey(QStringLiteral("jimin.kim@moim.example"));
        for (int i = 0; i < 5; ++i)
            recordFailure(key);
        qint64 expected = 1;
        for (int failure = 5; failure < 20; ++failure) {
            QCOMPARE(m_throttle->retryAfter({key}), std::optional<qint64>(expected));
            // Time passes within the delay: the wait shrinks accordingly.
            if (expected > 1) {
                m_clock->advance(1);
                QCOMPARE(m_throttle->retryAfter({key}), std::optional<qint64>(expected - 1));
                m_clock->advance(expected - 1);
            } else {
                m_clock->advance(expected);
            }
            QVERIFY(!m_throttle->retryAfter({key}));
            recordFailure(key);
            expected = qMin<qint64>(expected * 2, 15 * 60);
        }
        QCOMPARE(m_throttle->retryAfter({key}), std::optional<qint64>(15 * 60));
        QCOMPARE(Throttle::delayAfter(1000, 5), 15 * 60);
    }

    void clearedOnSuccess()
    {
        const Key key = ipKey(QStringLiteral("alex.park@moim.example"));
        for (int i = 0; i < 7; ++i)
            recordFailure(key);
        QVERIFY(m_throttle->retryAfter({key}));
        m_throttle->clear({key});
        QVERIFY(!m_throttle->retryAfter({key}));
        QCOMPARE(m_throttle->failures(key), 0);
        // The count starts again from zero.
        for (int i = 0; i < 4; ++i)
            recordFailure(key);
        QVERIFY(!m_throttle->retryAfter({key}));
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
            recordFailure(ipKey(i % 2 ? composed : decomposed));
        QVERIFY(m_throttle->retryAfter({ipKey(composed)}));
        QVERIFY(!m_throttle->retryAfter({ipKey(QStringLiteral("someone.else@moim.example"))}));
    }

    void persisted()
    {
        const Key key = ipKey(QStringLiteral("ghost@moim.example"));
        for (int i = 0; i < 6; ++i)
            recordFailure(key);
        Throttle other(*m_database, *m_clock);
        QCOMPARE(other.failures(key), 6);
        QCOMPARE(other.retryAfter({key}), std::optional<qint64>(2));
    }

    void parallelAttemptsAreCountedWhenAdmitted()
    {
        // Five attempts admitted before any of them is settled fill the free allowance: the
        // sixth is refused at once, and being refused does not count.
        const Key key = ipKey(QStringLiteral("jimin.kim@moim.example"));
        for (int i = 0; i < 5; ++i)
            QVERIFY(!m_throttle->reserve({key}));
        const auto refused = m_throttle->reserve({key});
        QCOMPARE(refused, std::optional<qint64>(1));
        QCOMPARE(m_throttle->failures(key), 5);
        // An attempt that turns out to be no failure (the right password before its 2-step code)
        // is taken back.
        m_throttle->release({key});
        QCOMPARE(m_throttle->failures(key), 4);
        QVERIFY(!m_throttle->reserve({key}));
    }

    void allKeysOrNone()
    {
        // Without a proof an attempt counts under its address and the account's anonymous pool;
        // refused under one, it counts under neither.
        const QString email = QStringLiteral("jimin.kim@moim.example");
        const auto first = Throttle::signInKeys(email, QString(), QStringLiteral("192.0.2.1"));
        QCOMPARE(first.size(), 2);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!m_throttle->reserve(first));
        QVERIFY(m_throttle->reserve(first));
        QCOMPARE(m_throttle->failures(first.at(1)), 5);
        // Other addresses draw on the same pool, which has 20 free failures.
        for (int address = 2; address <= 4; ++address) {
            const auto keys =
                Throttle::signInKeys(email, QString(), QStringLiteral("192.0.2.%1").arg(address));
            for (int i = 0; i < 5; ++i)
                QVERIFY(!m_throttle->reserve(keys));
        }
        const auto fresh = Throttle::signInKeys(email, QString(), QStringLiteral("192.0.2.99"));
        QCOMPARE(m_throttle->reserve(fresh), std::optional<qint64>(1));
        QCOMPARE(m_throttle->failures(fresh.at(0)), 0);
        // A client with a device proof counts under the proof alone.
        const auto proof =
            Throttle::signInKeys(email, QStringLiteral("dp_1"), QStringLiteral("192.0.2.1"));
        QCOMPARE(proof.size(), 1);
        QCOMPARE(proof.at(0), Throttle::deviceProofKey(email, QStringLiteral("dp_1")));
        QVERIFY(!m_throttle->reserve(proof));
    }

    void sourcesOfAddresses()
    {
        QCOMPARE(Throttle::sourceOf(QHostAddress(QStringLiteral("192.0.2.7"))),
                 QStringLiteral("192.0.2.7"));
        QCOMPARE(Throttle::sourceOf(QHostAddress(QStringLiteral("::ffff:192.0.2.7"))),
                 QStringLiteral("192.0.2.7"));
        // One host owns a whole /64: its addresses are one source.
        QCOMPARE(Throttle::sourceOf(QHostAddress(QStringLiteral("2001:db8:1:2:aaaa::1"))),
                 Throttle::sourceOf(QHostAddress(QStringLiteral("2001:db8:1:2:bbbb::2"))));
        QVERIFY(Throttle::sourceOf(QHostAddress(QStringLiteral("2001:db8:1:2::1"))) !=
                Throttle::sourceOf(QHostAddress(QStringLiteral("2001:db8:1:3::1"))));
    }

private:
    using Key = Throttle::Key;

    static Key ipKey(const QString &email)
    {
        return Throttle::signInKeys(email, QString(), QStringLiteral("192.0.2.1")).first();
    }

    // One more failure under key, waiting out any delay first as a patient attacker would.
    void recordFailure(const Key &key)
    {
        if (const auto wait = m_throttle->retryAfter({key}))
            m_clock->advance(*wait);
        QVERIFY(!m_throttle->reserve({key}));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Throttle> m_throttle;
};

QTEST_GUILESS_MAIN(TestThrottle)
#include "test_throttle.moc"
