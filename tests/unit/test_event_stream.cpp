// The event stream against an in-process WebSocket server that speaks the protocol's first
// frames (auth → ready with a short ping interval): the watchdog drops a server that goes silent
// without closing, pings and events keep a stream alive, an attempt that never reaches ready is
// given up, reconnects back off with full jitter and start over after a ready, and checkNow()
// reconnects at once while folding bursts.
#include "net/event_stream.h"
#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Answers auth with ready and then sends a keep-alive frame every interval, like the real
// server; a test can make it fall silent (the sockets stay open), stop answering auth, or
// close everything.
class FakeEventServer : public QObject
{
    Q_OBJECT

public:
    enum class KeepAlive
    {
        Pings,
        Events, // other frames instead of pings: any frame shows the link is alive
        Silent  // nothing at all, and nothing closes
    };
    Q_ENUM(KeepAlive)

    explicit FakeEventServer(std::chrono::milliseconds pingInterval)
        : m_pingInterval(pingInterval)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this,
                &FakeEventServer::onNewConnection);
        connect(&m_keepAliveTimer, &QTimer::timeout, this, &FakeEventServer::sendKeepAlive);
        m_keepAliveTimer.start(m_pingInterval);
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    QUrl url() const
    {
        return QUrl(u"ws://127.0.0.1:%1/api/v1/events"_s.arg(m_server.serverPort()));
    }

    void setKeepAlive(KeepAlive keepAlive) { m_keepAlive = keepAlive; }
    void setAnswersAuth(bool answers) { m_answersAuth = answers; }
    // An older server's ready has no ping_interval_ms.
    void setAnnouncesInterval(bool announces) { m_announcesInterval = announces; }
    void closeAll()
    {
        for (QWebSocket *socket : std::as_const(m_sockets))
            socket->close();
    }

    int connections = 0;
    int readies = 0;
    int pongs = 0;
    int keepAlivesSent = 0;
    // Since the newest connection came in, and since the last frame the server sent.
    QElapsedTimer sinceNewestConnection;
    QElapsedTimer sinceLastFrame;
    qint64 silenceBeforeNewestConnection = -1; // ms from the last frame sent to that connection
    // Whether the first socket the server accepted is still open on its side.
    bool firstSocketOpen() const
    {
        return !m_sockets.isEmpty() &&
               m_sockets.first()->state() == QAbstractSocket::ConnectedState;
    }

private:
    void onNewConnection()
    {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            m_sockets.append(socket);
            ++connections;
            silenceBeforeNewestConnection =
                sinceLastFrame.isValid() ? sinceLastFrame.elapsed() : -1;
            sinceNewestConnection.start();
            connect(socket, &QWebSocket::textMessageReceived, this,
                    [this, socket](const QString &text) { onFrame(socket, text); });
        }
    }

    void onFrame(QWebSocket *socket, const QString &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value("type"_L1).toString();
        if (type == protocol::event::Auth && m_answersAuth) {
            QVERIFY(!frame.value("access_token"_L1).toString().isEmpty());
            QJsonObject ready{{u"type"_s, QString(protocol::event::Ready)},
                              {u"session_id"_s, u"s_test"_s},
                              {u"time"_s, 1795000000}};
            if (m_announcesInterval)
                ready.insert(protocol::field::PingIntervalMs, qint64(m_pingInterval.count()));
            send(socket, ready);
            m_ready.insert(socket);
            ++readies;
        } else if (type == protocol::event::Pong) {
            ++pongs;
        }
    }

    void sendKeepAlive()
    {
        if (m_keepAlive == KeepAlive::Silent)
            return;
        const QJsonObject frame{{u"type"_s, m_keepAlive == KeepAlive::Pings
                                                ? QString(protocol::event::Ping)
                                                : u"something.happened"_s}};
        for (QWebSocket *socket : std::as_const(m_sockets)) {
            if (m_ready.contains(socket) && socket->state() == QAbstractSocket::ConnectedState) {
                send(socket, frame);
                ++keepAlivesSent;
            }
        }
    }

    void send(QWebSocket *socket, const QJsonObject &frame)
    {
        socket->sendTextMessage(compact(frame));
        sinceLastFrame.start();
    }

    QWebSocketServer m_server{u"fake moim events"_s, QWebSocketServer::NonSecureMode};
    std::chrono::milliseconds m_pingInterval;
    QTimer m_keepAliveTimer;
    KeepAlive m_keepAlive = KeepAlive::Pings;
    bool m_answersAuth = true;
    bool m_announcesInterval = true;
    QList<QWebSocket *> m_sockets;
    QSet<QWebSocket *> m_ready;
};

// A loopback port nothing listens on (just now): connecting to it is refused at once.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

std::unique_ptr<EventStream> streamTo(const QUrl &url)
{
    auto stream = std::make_unique<EventStream>(url, u"moim-desktop/0.1.0"_s);
    stream->setAccessToken(u"access-token"_s);
    return stream;
}

} // namespace

class TestEventStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void learnsThePingIntervalFromReady()
    {
        FakeEventServer server(250ms);
        QVERIFY(server.listen());
        auto stream = streamTo(server.url());
        QCOMPARE(stream->pingInterval(), std::chrono::milliseconds(30s)); // until told
        stream->start();
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
        QCOMPARE(stream->pingInterval(), 250ms);
        QCOMPARE(stream->silenceLimit(), 500ms);

        // A ready without the field means the protocol's default again.
        server.setAnnouncesInterval(false);
        server.closeAll();
        QTRY_COMPARE(server.readies, 2);
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
        QCOMPARE(stream->pingInterval(), std::chrono::milliseconds(30s));
    }

    void watchdogReconnectsWhenTheServerFallsSilent()
    {
        FakeEventServer server(200ms);
        QVERIFY(server.listen());
        auto stream = streamTo(server.url());
        stream->start();
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
        QTRY_VERIFY(server.keepAlivesSent >= 2);

        QSignalSpy states(stream.get(), &EventStream::stateChanged);
        QSignalSpy silences(stream.get(), &EventStream::silenceDetected);
        // The server stops sending but keeps the TCP connection open: a half-open link.
        server.setKeepAlive(FakeEventServer::KeepAlive::Silent);
        QTRY_COMPARE_WITH_TIMEOUT(server.connections, 2, 5000);
        const qint64 silentFor = server.silenceBeforeNewestConnection;
        // Not before twice the interval; after it, within the first backoff wait (≤ 500 ms) and
        // some scheduling slack.
        qInfo() << "reconnected after" << silentFor << "ms of silence (limit"
                << stream->silenceLimit().count() << "ms)";
        QVERIFY2(silentFor >= 400, qPrintable(QString::number(silentFor)));
        QVERIFY2(silentFor <= 400 + 500 + 1000, qPrintable(QString::number(silentFor)));
        QCOMPARE(states.first().first().value<EventStream::State>(),
                 EventStream::State::WaitingToRetry);
        QCOMPARE(silences.size(), 1);
        // The dead socket was dropped, not left behind.
        QTRY_VERIFY(!server.firstSocketOpen());

        server.setKeepAlive(FakeEventServer::KeepAlive::Pings);
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
        QCOMPARE(server.readies, 2);
    }

    void keepAlivesKeepTheStreamUp_data()
    {
        QTest::addColumn<FakeEventServer::KeepAlive>("keepAlive");
        QTest::newRow("pings") << FakeEventServer::KeepAlive::Pings;
        QTest::newRow("other events") << FakeEventServer::KeepAlive::Events;
    }

    void keepAlivesKeepTheStreamUp()
    {
        QFETCH(FakeEventServer::KeepAlive, keepAlive);
        FakeEventServer server(200ms);
        server.setKeepAlive(keepAlive);
        QVERIFY(server.listen());
        auto stream = streamTo(server.url());
        QSignalSpy events(stream.get(), &EventStream::eventReceived);
        stream->start();
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);

        QSignalSpy states(stream.get(), &EventStream::stateChanged);
        const int before = server.keepAlivesSent;
        // Ten intervals: five times the silence limit.
        QTRY_VERIFY_WITH_TIMEOUT(server.keepAlivesSent >= before + 10, 10000);
        QCOMPARE(server.connections, 1);
        QVERIFY(states.isEmpty());
        QCOMPARE(stream->state(), EventStream::State::Connected);
        if (keepAlive == FakeEventServer::KeepAlive::Pings)
            QVERIFY(server.pongs >= 9);
        else
            QVERIFY(events.size() >= 10); // ready and the events, all delivered
    }

    void attemptWithoutReadyIsGivenUp()
    {
        FakeEventServer server(200ms);
        QVERIFY(server.listen());
        auto stream = streamTo(server.url());
        stream->start();
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);

        // The server still accepts WebSockets but no longer answers auth.
        server.setAnswersAuth(false);
        server.closeAll();
        QTRY_COMPARE(server.connections, 2);
        QTRY_COMPARE(stream->state(), EventStream::State::Authenticating);
        QElapsedTimer stuck;
        stuck.start();
        // Given up after twice the interval learned from the last ready, then tried again.
        QTRY_COMPARE_WITH_TIMEOUT(stream->state(), EventStream::State::WaitingToRetry, 5000);
        QVERIFY2(stuck.elapsed() <= 400 + 1000, qPrintable(QString::number(stuck.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(server.connections, 3, 5000);
        QCOMPARE(server.readies, 1);
    }

    void backoffGrowsWithFullJitterAndResetsAfterReady()
    {
        const quint16 port = closedPort();
        const QUrl url(u"ws://127.0.0.1:%1/api/v1/events"_s.arg(port));
        QList<double> draws;
        struct Wait
        {
            qint64 ceiling;
            qint64 delay;
            double draw;
        };
        QList<Wait> waits;
        auto stream = streamTo(url);
        stream->backoff() = Backoff(50ms, 400ms, [&draws] {
            draws.append(QRandomGenerator::global()->generateDouble());
            return draws.last();
        });
        connect(stream.get(), &EventStream::stateChanged, this, [&](EventStream::State state) {
            if (state != EventStream::State::WaitingToRetry)
                return;
            const int attempt = stream->backoff().attempt(); // already counts this wait
            const qint64 ceiling = std::min<qint64>(50 << (attempt - 1), 400);
            waits.append({ceiling, stream->msUntilRetry(), draws.last()});
        });
        stream->start();
        // Refused every time: seven waits take at most 50+100+200+400+400+400+400 ms.
        QTRY_VERIFY_WITH_TIMEOUT(waits.size() >= 7, 10000);
        QList<qint64> ceilings;
        for (const Wait &wait : std::as_const(waits)) {
            ceilings.append(wait.ceiling);
            // Full jitter: the wait is the random draw times the ceiling, anywhere in [0, ceiling]
            // (give or take the 5 % a coarse timer may shift its deadline).
            const double slack = 2.0 + 0.05 * double(wait.ceiling);
            QVERIFY2(wait.delay >= 0 && double(wait.delay) <= double(wait.ceiling) + slack,
                     qPrintable(u"%1 of %2"_s.arg(wait.delay).arg(wait.ceiling)));
            QVERIFY2(
                std::abs(double(wait.delay) - wait.draw * double(wait.ceiling)) <= slack,
                qPrintable(u"%1 vs %2 × %3"_s.arg(wait.delay).arg(wait.draw).arg(wait.ceiling)));
        }
        QCOMPARE(ceilings.mid(0, 7), (QList<qint64>{50, 100, 200, 400, 400, 400, 400}));
        qInfo() << "waits (ms):" << [&] {
            QStringList shown;
            for (const Wait &wait : std::as_const(waits))
                shown.append(u"%1/%2"_s.arg(wait.delay).arg(wait.ceiling));
            return shown.join(u", "_s);
        }();

        // The server comes up on that port: a ready starts the backoff over.
        FakeEventServer server(200ms);
        QVERIFY(server.listen(port));
        QTRY_COMPARE_WITH_TIMEOUT(stream->state(), EventStream::State::Connected, 5000);
        QCOMPARE(stream->backoff().attempt(), 0);
        waits.clear();
        server.closeAll();
        QTRY_COMPARE(waits.size(), 1);
        QCOMPARE(waits.first().ceiling, 50);
        QVERIFY(waits.first().delay <= 50 + 5);
    }

    void checkNowReconnectsAtOnceAndFoldsBursts()
    {
        // A long interval, so that nothing but checkNow() could explain a quick reconnect.
        FakeEventServer server(1000ms);
        QVERIFY(server.listen());
        auto stream = streamTo(server.url());
        stream->start();
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);

        // Right after connecting: only another check's attempt folds a check, never an ordinary
        // one (which may date from before a sleep).
        QElapsedTimer sinceCheck;
        sinceCheck.start();
        for (int i = 0; i < 5; ++i)
            stream->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(server.readies, 2, 5000);
        const qint64 reconnectedIn = sinceCheck.elapsed();
        qInfo() << "reconnected" << reconnectedIn << "ms after checkNow() (silence limit"
                << stream->silenceLimit().count() << "ms)";
        QVERIFY2(reconnectedIn < 1000, qPrintable(QString::number(reconnectedIn)));
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
        QTRY_VERIFY(!server.firstSocketOpen());
        // The burst made one new connection, nothing more after it.
        const int pingsBefore = server.keepAlivesSent;
        QTRY_VERIFY_WITH_TIMEOUT(server.keepAlivesSent >= pingsBefore + 2, 5000);
        QCOMPARE(server.connections, 2);

        // A later hint is not folded into that attempt any more.
        QVERIFY(sinceCheck.elapsed() > 1000);
        stream->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(server.connections, 3, 2000);
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
    }

    void checkNowRetriesAWaitingStreamNow()
    {
        const quint16 port = closedPort();
        auto stream = streamTo(QUrl(u"ws://127.0.0.1:%1/api/v1/events"_s.arg(port)));
        // A long wait: only checkNow() can end it within the test's patience.
        stream->backoff() = Backoff(60s, 60s, [] { return 0.99; });
        stream->start();
        QTRY_COMPARE(stream->state(), EventStream::State::WaitingToRetry);
        QVERIFY(stream->msUntilRetry() > 50000);

        FakeEventServer server(200ms);
        QVERIFY(server.listen(port));
        QElapsedTimer sinceCheck;
        sinceCheck.start();
        for (int i = 0; i < 5; ++i)
            stream->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(stream->state(), EventStream::State::Connected, 3000);
        const qint64 connectedIn = sinceCheck.elapsed();
        qInfo() << "connected" << connectedIn << "ms after checkNow()";
        QVERIFY2(connectedIn < 900, qPrintable(QString::number(connectedIn)));
        QCOMPARE(server.connections, 1);
        QCOMPARE(stream->backoff().attempt(), 0);

        // The network flaps: lost again, and another hint right after the first. It is folded,
        // but the waiting stream still gets its attempt when the second is over, not in a
        // minute.
        server.closeAll();
        QTRY_COMPARE(stream->state(), EventStream::State::WaitingToRetry);
        QVERIFY(stream->msUntilRetry() > 50000);
        stream->checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(server.connections, 2, 3000);
        const qint64 retriedAfter = sinceCheck.elapsed();
        qInfo() << "flapping: retried" << retriedAfter << "ms after the first check";
        QVERIFY2(retriedAfter >= 900, qPrintable(QString::number(retriedAfter)));
        QTRY_COMPARE(stream->state(), EventStream::State::Connected);
    }

    void checkNowLeavesAStoppedStreamAlone()
    {
        FakeEventServer server(200ms);
        QVERIFY(server.listen());
        auto stream = streamTo(server.url());
        QSignalSpy states(stream.get(), &EventStream::stateChanged);
        // A connection attempt would announce Connecting right away.
        stream->checkNow();
        QVERIFY(states.isEmpty());
        QCOMPARE(stream->state(), EventStream::State::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "test_event_stream.moc"
