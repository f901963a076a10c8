// Resource limits of the transport (docs/protocol.md "Transport"), each exercised by the attack
// it defends against: huge and unbounded bodies, oversize headers and WebSocket frames, requests
// that never finish, floods of half-open connections, event streams and password checks. The
// server runs in-process on port 0; the attacks speak raw TCP on loopback only, bounded in count.
#include "connection_guard.h"
#include "event_hub.h"
#include "mock_server.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <algorithm>
#include <memory>
#include <protocol/protocol.h>
#include <vector>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace closeCode = moim::protocol::closeCode;

namespace {

constexpr auto Password = "seoul-spring-gathering";
constexpr auto Email = "jimin.kim@moim.example";
const QByteArray ClientHeader = "X-Moim-Client: moim-desktop/0.1.0\r\n";

// One raw HTTP/1.1 connection: what it sent is exactly what the test wrote.
struct RawHttp
{
    QTcpSocket socket;
    QByteArray received;
    bool closed = false;

    RawHttp()
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { closed = true; });
    }

    bool open(quint16 port, const QHostAddress &from = {})
    {
        if (!from.isNull() && !socket.bind(from))
            return false;
        QSignalSpy connected(&socket, &QTcpSocket::connected);
        socket.connectToHost(QHostAddress::LocalHost, port);
        return connected.wait(5000);
    }

    void send(const QByteArray &bytes) { socket.write(bytes); }

    qsizetype headerEnd() const { return received.indexOf("\r\n\r\n"); }
    bool hasResponse() const
    {
        const qsizetype end = headerEnd();
        if (end < 0)
            return false;
        const QByteArray head = received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qint64 length =
            at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return received.size() >= end + 4 + length;
    }
    int status() const { return received.mid(9, 3).toInt(); }
    QByteArray header(const QByteArray &name) const
    {
        const QList<QByteArray> lines = received.left(headerEnd()).split('\n');
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith(name.toLower() + ':'))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }
    QJsonObject error() const
    {
        return QJsonDocument::fromJson(received.mid(headerEnd() + 4))
            .object()
            .value("error"_L1)
            .toObject();
    }
};

QByteArray loginRequest(const QString &email, const QString &password)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, password}})
            .toJson(QJsonDocument::Compact);
    return "POST " + QByteArray(path::Login.data()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           ClientHeader +
           "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

QByteArray serverInfoRequest()
{
    return "GET " + QByteArray(path::Server.data()) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           ClientHeader + "\r\n";
}

qint64 residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestSecurityLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startServer(m_dir.path(), [](ServerConfig &) {});
        QVERIFY(m_server);
    }

    void cleanupTestCase() { m_server.reset(); }

    void hugeDeclaredBodyIsRefusedUnread()
    {
        // 200 MB announced, one byte sent: the answer comes at once, not after 200 MB.
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send("POST " + QByteArray(path::Login.data()) +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Content-Length: 209715200\r\n\r\n{");
        QTRY_VERIFY(client.hasResponse());
        QCOMPARE(client.status(), 413);
        QCOMPARE(client.error().value("code"_L1).toString(), u"payload_too_large"_s);
        QCOMPARE(client.error().value("max_bytes"_L1).toInteger(),
                 moim::protocol::limits::MaxJsonBodyBytes);
        QTRY_VERIFY(client.closed);
    }

    // A piece of an upload is the one body allowed beyond a message's 64 KiB, up to 8 MiB.
    void anUploadPieceHasItsOwnLimit()
    {
        const qint64 limit = moim::protocol::limits::MaxUploadPieceBytes;
        RawHttp over;
        QVERIFY(over.open(m_server->port()));
        over.send("PATCH " + QByteArray(path::UploadsBase.data()) +
                  "up_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ClientHeader +
                  "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                  "Content-Length: " +
                  QByteArray::number(limit + 1) + "\r\n\r\nx");
        QTRY_VERIFY(over.hasResponse());
        QCOMPARE(over.status(), 413);
        QCOMPARE(over.error().value("max_bytes"_L1).toInteger(), limit);
        QTRY_VERIFY(over.closed);

        // A full piece reaches the endpoint, which asks who is sending it.
        const QByteArray piece(limit, 'x');
        RawHttp within;
        QVERIFY(within.open(m_server->port()));
        within.send("PATCH " + QByteArray(path::UploadsBase.data()) +
                    "up_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ClientHeader +
                    "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                    "Content-Length: " +
                    QByteArray::number(piece.size()) + "\r\n\r\n" + piece);
        QTRY_VERIFY_WITH_TIMEOUT(within.hasResponse(), 30'000);
        QCOMPARE(within.status(), 401);
        QCOMPARE(within.error().value("code"_L1).toString(), u"invalid_token"_s);
        // Anywhere else under the uploads, the usual limit holds.
        ConnectionGuard::Limits guard;
        guard.maxJsonBodyBytes = moim::protocol::limits::MaxJsonBodyBytes;
        guard.maxMessageBodyBytes = moim::protocol::limits::MaxMessageBodyBytes;
        guard.maxUploadPieceBytes = limit;
        const QByteArray upload = QByteArray(path::UploadsBase.data()) + "up_1";
        QCOMPARE(ConnectionGuard::bodyLimit("PATCH", upload, guard), limit);
        QCOMPARE(ConnectionGuard::bodyLimit("PATCH", upload + "/x", guard), guard.maxJsonBodyBytes);
        QCOMPARE(ConnectionGuard::bodyLimit("POST", upload, guard), guard.maxJsonBodyBytes);
    }

    void realBodyOverLimitIsRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<qint64>("limit");
        QTest::newRow("login") << QByteArray(path::Login.data())
                               << qint64(moim::protocol::limits::MaxJsonBodyBytes);
        QTest::newRow("message") << QByteArray("/api/v1/conversations/c_1/messages")
                                 << qint64(moim::protocol::limits::MaxMessageBodyBytes);
    }

    void realBodyOverLimitIsRefused()
    {
        QFETCH(QByteArray, target);
        QFETCH(qint64, limit);
        const QByteArray body(2 * 1024 * 1024, 'x');
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + ClientHeader +
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_VERIFY(client.hasResponse());
        QCOMPARE(client.status(), 413);
        QCOMPARE(client.error().value("max_bytes"_L1).toInteger(), limit);
        QTRY_VERIFY(client.closed);
    }

    void largestMessageFitsItsLimit()
    {
        // The longest message a client may post (10,000 characters, each escaped to six bytes in
        // JSON) is over the general JSON limit but within the message limit.
        QNetworkAccessManager network;
        const QJsonObject grant = postJson(network, m_server->url().resolved(QUrl(path::Login)),
                                           {{u"email"_s, QString::fromLatin1(Email)},
                                            {u"password"_s, QString::fromLatin1(Password)}});
        const QString token = grant.value("access_token"_L1).toString();
        QVERIFY(!token.isEmpty());
        const QString workspace =
            grant.value("workspaces"_L1).toArray().first().toObject().value("id"_L1).toString();
        const QJsonObject conversations = getJson(
            network,
            m_server->url().resolved(QUrl(path::Workspaces + workspace + path::Conversations)),
            token);
        const QString conversation = conversations.value("conversations"_L1)
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value("id"_L1)
                                         .toString();
        QVERIFY(!conversation.isEmpty());
        const QString text = QString(9999, QChar(0x01)) + u'!';
        const QJsonObject message{{u"body"_s, text}, {u"client_id"_s, u"m-largest"_s}};
        const qsizetype size = QJsonDocument(message).toJson(QJsonDocument::Compact).size();
        QVERIFY(size > moim::protocol::limits::MaxJsonBodyBytes);
        QVERIFY(size < moim::protocol::limits::MaxMessageBodyBytes);
        int status = 0;
        postJson(network,
                 m_server->url().resolved(
                     QUrl(path::ConversationsBase + conversation + path::MessagesSuffix)),
                 message, token, &status);
        QVERIFY2(status == 200 || status == 201, QByteArray::number(status).constData());
    }

    void unboundedOrOversizeRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("chunked") << QByteArray("POST " + QByteArray(path::Login.data()) +
                                               " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                               "Transfer-Encoding: chunked\r\n\r\n4\r\n{}{}")
                                 << 411 << u"length_required"_s;
        QTest::newRow("headers") << QByteArray("GET " + QByteArray(path::Server.data()) +
                                               " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " +
                                               QByteArray(20'000, 'a') + "\r\n\r\n")
                                 << 431 << u"headers_too_large"_s;
        QTest::newRow("two lengths")
            << QByteArray("POST " + QByteArray(path::Login.data()) +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                          "Content-Length: 90000\r\n\r\n{}")
            << 400 << u"bad_request"_s;
    }

    void unboundedOrOversizeRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, code);
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send(request);
        QTRY_VERIFY(client.hasResponse());
        QCOMPARE(client.status(), status);
        QCOMPARE(client.error().value("code"_L1).toString(), code);
        QTRY_VERIFY(client.closed);
    }

    void unfinishedRequestsAreClosedInTime_data()
    {
        QTest::addColumn<QByteArray>("partial");
        QTest::newRow("headers") << QByteArray("GET " + QByteArray(path::Server.data()) +
                                               " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QTest::newRow("body") << QByteArray("POST " + QByteArray(path::Login.data()) +
                                            " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            "Content-Length: 100\r\n\r\n{\"email\":");
    }

    void unfinishedRequestsAreClosedInTime()
    {
        QFETCH(QByteArray, partial);
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send(partial);
        QElapsedTimer timer;
        timer.start();
        // The test server's timeouts are 400 ms; QTRY gives up after 5 s.
        QTRY_VERIFY(client.closed);
        QVERIFY(timer.elapsed() >= 300);
        QCOMPARE(client.status(), 408);
        QCOMPARE(client.error().value("code"_L1).toString(), u"request_timeout"_s);
    }

    void idleConnectionIsClosed()
    {
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send(serverInfoRequest());
        QTRY_VERIFY(client.hasResponse());
        QCOMPARE(client.status(), 200);
        QVERIFY(!client.closed);
        // Idle timeout 800 ms in the test server.
        QTRY_VERIFY(client.closed);
    }

    void connectionCloseIsHonoured()
    {
        // With a long idle timeout, only the request's own wish can close the connection in
        // QTRY's five seconds.
        QTemporaryDir dir;
        auto server = startServer(
            dir.path(), [](ServerConfig &config) { config.idleTimeout = std::chrono::minutes(1); });
        QVERIFY(server);
        RawHttp client;
        QVERIFY(client.open(server->port()));
        client.send(serverInfoRequest().chopped(2) + "Connection: close\r\n\r\n");
        QTRY_VERIFY(client.closed);
        QVERIFY(client.hasResponse());
        QCOMPARE(client.status(), 200);
    }

    void upgradeHeaderElsewhereDoesNotEscapeTheLimits()
    {
        // "Upgrade: websocket" on a plain endpoint is an ordinary request: still timed out.
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send("POST " + QByteArray(path::Login.data()) +
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    "Connection: Upgrade\r\nContent-Length: 100\r\n\r\n{");
        QTRY_VERIFY(client.closed);
        QCOMPARE(client.status(), 408);
    }

    void keepAliveConnectionServesSeveralRequests()
    {
        // The limits follow request boundaries: pipelined requests on one connection all pass.
        RawHttp client;
        QVERIFY(client.open(m_server->port()));
        client.send(serverInfoRequest() + serverInfoRequest());
        QTRY_COMPARE(client.received.count("HTTP/1.1 200"), 2);
        client.received.clear();
        client.send(loginRequest(QString::fromLatin1(Email), u"wrong-password-1"_s));
        QTRY_VERIFY(client.hasResponse());
        QCOMPARE(client.status(), 401);
    }

    void halfOpenConnectionsDoNotStarveTheServer()
    {
#ifndef Q_OS_UNIX
        QSKIP("needs setrlimit");
#else
        // A flood of half-sent requests larger than what the descriptor limit allows. With the
        // common soft limit of 1024 a few hundred used to exhaust the server's descriptors, and
        // QTcpServer then stops accepting for good.
        rlimit saved{};
        QVERIFY(getrlimit(RLIMIT_NOFILE, &saved) == 0);
        rlimit lowered = saved;
        lowered.rlim_cur = std::min<rlim_t>(saved.rlim_cur, 700);
        QVERIFY(setrlimit(RLIMIT_NOFILE, &lowered) == 0);
        const auto restore = qScopeGuard([&saved] { setrlimit(RLIMIT_NOFILE, &saved); });

        QTemporaryDir dir;
        auto server = startServer(dir.path(), [](ServerConfig &config) {
            config.headerTimeout = std::chrono::seconds(30);
            config.connectionsPerIp = 64;
        });
        QVERIFY(server);
        constexpr int Attackers = 500;
        std::vector<std::unique_ptr<QTcpSocket>> attackers;
        int connected = 0;
        for (int i = 0; i < Attackers; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QObject::connect(socket.get(), &QTcpSocket::connected, socket.get(),
                             [&connected, raw = socket.get()] {
                                 ++connected;
                                 raw->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n");
                             });
            socket->connectToHost(QHostAddress::LocalHost, server->port());
            attackers.push_back(std::move(socket));
            if (i % 50 == 49)
                QTRY_COMPARE_WITH_TIMEOUT(connected, i + 1, 10'000);
        }

        std::vector<qint64> latencies;
        for (int i = 0; i < 20; ++i) {
            QElapsedTimer timer;
            timer.start();
            RawHttp client;
            QVERIFY(client.open(server->port()));
            client.send(serverInfoRequest());
            QTRY_VERIFY_WITH_TIMEOUT(client.hasResponse(), 5000);
            latencies.push_back(timer.elapsed());
            QCOMPARE(client.status(), 200);
        }
        std::sort(latencies.begin(), latencies.end());
        qInfo() << "GET /server under" << Attackers << "half-open connections: median"
                << latencies[latencies.size() / 2] << "ms, worst" << latencies.back()
                << "ms; test process RSS" << residentKiB() / 1024 << "MiB";
        QVERIFY2(latencies[latencies.size() * 9 / 10] < 100,
                 QByteArray::number(latencies[latencies.size() * 9 / 10]).constData());
#endif
    }

    void webSocketFrameOverLimitCloses_data()
    {
        QTest::addColumn<QString>("socketPath");
        QTest::addColumn<qint64>("frameSize");
        QTest::newRow("event stream, one frame") << QString(path::Events) << qint64(512 * 1024);
        QTest::newRow("event stream, fragments") << QString(path::Events) << qint64(16 * 1024);
        QTest::newRow("login channel") << QString(path::LoginChannel) << qint64(512 * 1024);
    }

    void webSocketFrameOverLimitCloses()
    {
        QFETCH(QString, socketPath);
        QFETCH(qint64, frameSize);
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        socket.setOutgoingFrameSize(quint64(frameSize));
        QUrl url = m_server->url();
        url.setScheme(u"ws"_s);
        url.setPath(socketPath);
        QNetworkRequest request(url);
        request.setRawHeader("X-Moim-Client", "moim-desktop/0.1.0");
        socket.open(request);
        QVERIFY(connected.wait(5000));
        // 100 KiB: over the 64 KiB limit as one frame, and as a message of 16 KiB fragments.
        socket.sendTextMessage(QString(100 * 1024, u'a'));
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    }

    void eventStreamsPerSessionAreCapped()
    {
        QNetworkAccessManager network;
        const QJsonObject grant = postJson(network, m_server->url().resolved(QUrl(path::Login)),
                                           {{u"email"_s, QString::fromLatin1(Email)},
                                            {u"password"_s, QString::fromLatin1(Password)}});
        const QString token = grant.value("access_token"_L1).toString();
        QVERIFY(!token.isEmpty());
        const int before = m_server->events().authenticatedCount();
        const int cap = moim::protocol::limits::EventStreamsPerSession;
        std::vector<std::unique_ptr<QWebSocket>> streams;
        for (int i = 0; i <= cap; ++i) {
            auto socket = std::make_unique<QWebSocket>();
            QSignalSpy connected(socket.get(), &QWebSocket::connected);
            QSignalSpy frames(socket.get(), &QWebSocket::textMessageReceived);
            socket->open(eventsRequest());
            QVERIFY(connected.wait(5000));
            socket->sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, token}})
                    .toJson(QJsonDocument::Compact)));
            QVERIFY(frames.wait(5000));
            streams.push_back(std::move(socket));
        }
        // The ninth stream is in; the oldest was closed to keep the session at eight.
        QTRY_COMPARE(streams.front()->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(int(streams.front()->closeCode()), closeCode::TooManyChannels);
        QCOMPARE(streams.front()->closeReason(), u"too_many_streams"_s);
        QCOMPARE(streams.back()->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_server->events().authenticatedCount(), before + cap);
    }

    void eventStreamsPerIpAreCapped()
    {
        QTemporaryDir dir;
        auto server =
            startServer(dir.path(), [](ServerConfig &config) { config.eventStreamsPerIp = 3; });
        QVERIFY(server);
        std::vector<std::unique_ptr<QWebSocket>> streams;
        for (int i = 0; i < 4; ++i) {
            auto socket = std::make_unique<QWebSocket>();
            QSignalSpy connected(socket.get(), &QWebSocket::connected);
            socket->open(eventsRequest(server->url()));
            QVERIFY(connected.wait(5000));
            streams.push_back(std::move(socket));
        }
        // Unauthenticated streams count too: the fourth is closed at once.
        QTRY_COMPARE(streams.back()->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(int(streams.back()->closeCode()), closeCode::TooManyChannels);
        QCOMPARE(streams.front()->state(), QAbstractSocket::ConnectedState);
    }

    void fullHashQueueAnswersBusyAtOnce()
    {
        // Real (interactive) argon2id, one thread: each check takes long enough for the queue
        // to be full while the flood arrives.
        QTemporaryDir dir;
        auto server = startServer(dir.path(), [](ServerConfig &config) {
            config.hashLimits = PasswordHasher::Limits::interactive();
            config.hashThreads = 1;
            config.hashesWaiting = 4;
            config.hashesPerIp = 3;
            // The answers wait for slow hashes; the connections must not time out meanwhile.
            config.idleTimeout = std::chrono::seconds(30);
        });
        QVERIFY(server);
        constexpr int Flood = 12;
        std::vector<std::unique_ptr<RawHttp>> flood;
        QStringList arrivals; // "busy" or "checked", in the order the answers came
        for (int i = 0; i < Flood; ++i) {
            auto client = std::make_unique<RawHttp>();
            QVERIFY(client->open(server->port()));
            flood.push_back(std::move(client));
        }
        // Another address (loopback is 127.0.0.0/8) gets its fair turn despite the flood.
        RawHttp other;
        QVERIFY(other.open(server->port(), QHostAddress(u"127.0.0.2"_s)));
        for (int i = 0; i < Flood; ++i) {
            RawHttp *client = flood[size_t(i)].get();
            QObject::connect(
                &client->socket, &QTcpSocket::readyRead, &client->socket, [client, &arrivals] {
                    if (client->hasResponse())
                        arrivals.append(client->status() == 503 ? u"busy"_s : u"checked"_s);
                });
            client->send(loginRequest(u"flood-%1@example.com"_s.arg(i), u"guess-%1"_s.arg(i)));
        }
        QObject::connect(&other.socket, &QTcpSocket::readyRead, &other.socket, [&other, &arrivals] {
            if (other.hasResponse())
                arrivals.append(u"other"_s);
        });
        other.send(loginRequest(QString::fromLatin1(Email), u"not-the-password"_s));

        // While the queue is full, the server still answers at once.
        QTRY_VERIFY(arrivals.contains(u"busy"_s));
        std::vector<qint64> latencies;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            RawHttp info;
            QVERIFY(info.open(server->port()));
            info.send(serverInfoRequest());
            QTRY_VERIFY(info.hasResponse());
            latencies.push_back(timer.elapsed());
            QCOMPARE(info.status(), 200);
        }
        std::sort(latencies.begin(), latencies.end());
        QVERIFY2(latencies[2] < 100, QByteArray::number(latencies[2]).constData());

        QTRY_COMPARE_WITH_TIMEOUT(arrivals.size(), Flood + 1, 30'000);
        const qsizetype busy = arrivals.count(u"busy"_s);
        QCOMPARE(busy, Flood - 3);
        // Refusals do not wait for any hash: they all came before the first checked answer.
        QCOMPARE(arrivals.indexOf(u"checked"_s), busy);
        // The other address was checked before the flooding address's last check.
        QVERIFY(arrivals.indexOf(u"other"_s) < arrivals.lastIndexOf(u"checked"_s));
        for (const auto &client : flood) {
            if (client->status() != 503)
                continue;
            QCOMPARE(client->error().value("code"_L1).toString(), u"server_busy"_s);
            const qint64 retryAfter = client->error().value("retry_after"_L1).toInteger();
            QVERIFY(retryAfter >= 1);
            QCOMPARE(client->header("Retry-After").toLongLong(), retryAfter);
        }
        QCOMPARE(other.status(), 401);
    }

    // A check the full queue refused was never made: it must not count as a failed attempt,
    // or a flood of busy answers would throttle the owner without a single guess being tried.
    void aBusyRefusalIsNotACountedAttempt()
    {
        QTemporaryDir dir;
        auto server = startServer(dir.path(), [](ServerConfig &config) {
            config.hashLimits = PasswordHasher::Limits::interactive();
            config.hashThreads = 1;
            config.hashesWaiting = 1;
            config.hashesPerIp = 1;
            config.idleTimeout = std::chrono::seconds(30);
        });
        QVERIFY(server);
        server->clock().freeze();
        constexpr int Burst = 8;
        std::vector<std::unique_ptr<RawHttp>> burst;
        for (int i = 0; i < Burst; ++i) {
            auto client = std::make_unique<RawHttp>();
            QVERIFY(client->open(server->port()));
            client->send(loginRequest(QString::fromLatin1(Email), u"wrong-guess-%1"_s.arg(i)));
            burst.push_back(std::move(client));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(burst.begin(), burst.end(),
                        [](const auto &client) { return client->hasResponse(); }),
            30'000);
        int checked = 0;
        int busy = 0;
        for (const auto &client : burst) {
            // Throttled answers (429) would mean the refused checks had been counted: with 5
            // free failures, the sixth reservation would already be refused.
            QVERIFY2(client->status() == 401 || client->status() == 503,
                     QByteArray::number(client->status()).constData());
            (client->status() == 401 ? checked : busy) += 1;
        }
        QVERIFY(checked >= 1);
        QCOMPARE(checked + busy, Burst);
        QVERIFY(busy >= Burst - 2);
        // Only the checks that ran are failures: the owner's right password still gets in.
        RawHttp owner;
        QVERIFY(owner.open(server->port()));
        owner.send(loginRequest(QString::fromLatin1(Email), QString::fromLatin1(Password)));
        QTRY_VERIFY_WITH_TIMEOUT(owner.hasResponse(), 30'000);
        QCOMPARE(owner.status(), 200);
    }

private:
    template<typename Tweak>
    static std::unique_ptr<MockServer> startServer(const QString &dataDir, Tweak tweak)
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = dataDir;
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        config.headerTimeout = std::chrono::milliseconds(400);
        config.bodyTimeout = std::chrono::milliseconds(400);
        config.idleTimeout = std::chrono::milliseconds(800);
        tweak(config);
        auto server = std::make_unique<MockServer>(config);
        QString error;
        if (!server->start(&error)) {
            qWarning() << "server failed to start:" << error;
            return nullptr;
        }
        return server;
    }

    QNetworkRequest eventsRequest(QUrl base = {}) const
    {
        QUrl url = base.isEmpty() ? m_server->url() : base;
        url.setScheme(u"ws"_s);
        url.setPath(path::Events);
        QNetworkRequest request(url);
        request.setRawHeader("X-Moim-Client", "moim-desktop/0.1.0");
        return request;
    }

    static QJsonObject finish(QNetworkReply *reply, int *status)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return json;
    }

    static QJsonObject postJson(QNetworkAccessManager &network, const QUrl &url,
                                const QJsonObject &body, const QString &token = {},
                                int *status = nullptr)
    {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        request.setRawHeader("X-Moim-Client", "moim-desktop/0.1.0");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return finish(network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)),
                      status);
    }

    static QJsonObject getJson(QNetworkAccessManager &network, const QUrl &url,
                               const QString &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("X-Moim-Client", "moim-desktop/0.1.0");
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return finish(network.get(request), nullptr);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
};

QTEST_GUILESS_MAIN(TestSecurityLimits)
#include "test_security_limits.moc"
