// The client's defences against bad answers: each case is a real socket answering the way a broken
// server, a captive portal or a hostile peer would, and each asserts how the call is classified.
#include "net/api_client.h"
#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <atomic>

#if defined(__SANITIZE_ADDRESS__)
// The sanitizer runtime provides this; GCC does not ship the header that declares it.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

using namespace moim;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Answers every connection one way, chosen per test. Counts what it managed to send and notices
// when the client hangs up, so a test can tell that the client stopped reading.
class BadServer : public QTcpServer
{
public:
    enum class Behaviour
    {
        Canned,  // writes `response` and closes
        Silent,  // accepts, reads the request, never answers
        Stream,  // writes `response` (the headers), then body bytes at 25 MB/s, forever
        Trickle, // writes `response` (the headers), then one chunked byte every 50 ms
        Stalled, // writes `response` and keeps the connection open without another byte
    };

    Behaviour behaviour = Behaviour::Canned;
    QByteArray response;
    bool chunked = false; // with Stream: frame the body as chunks
    std::atomic<qint64> bodyBytesWritten = 0;
    std::atomic<bool> clientHungUp = false;

    BadServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                accept(socket);
        });
    }

private:
    void accept(QTcpSocket *socket)
    {
        auto request = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, request] {
            const bool hadHeaders = request->contains("\r\n\r\n");
            *request += socket->readAll();
            if (hadHeaders || !request->contains("\r\n\r\n"))
                return;
            answer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            clientHungUp = true;
            socket->deleteLater();
        });
    }

    void answer(QTcpSocket *socket)
    {
        switch (behaviour) {
        case Behaviour::Canned:
            socket->write(response);
            socket->disconnectFromHost();
            break;
        case Behaviour::Silent:
            break;
        case Behaviour::Stalled:
            socket->write(response);
            break;
        case Behaviour::Stream: {
            socket->write(response);
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [this, socket] {
                if (socket->bytesToWrite() < 1024 * 1024)
                    writeBlock(socket);
            });
            timer->start(10ms);
            break;
        }
        case Behaviour::Trickle: {
            socket->write(response);
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [this, socket] {
                socket->write("1\r\n \r\n");
                ++bodyBytesWritten;
            });
            timer->start(50ms);
            break;
        }
        }
    }

    void writeBlock(QTcpSocket *socket)
    {
        static const QByteArray block(256 * 1024, ' ');
        if (chunked)
            socket->write(QByteArray::number(block.size(), 16) + "\r\n" + block + "\r\n");
        else
            socket->write(block);
        bodyBytesWritten += block.size();
    }
};

QByteArray httpResponse(int status, const QByteArray &body, const QByteArray &contentType,
                        const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType +
           "\r\n" + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray jsonResponse(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return httpResponse(status, body, "application/json", extraHeaders);
}

QByteArray htmlResponse(int status, const QByteArray &extraHeaders = {})
{
    return httpResponse(status,
                        "<!DOCTYPE html><html><body><h1>Welcome to Airport Wi-Fi</h1>"
                        "<form>Accept the terms</form></body></html>",
                        "text/html; charset=utf-8", extraHeaders);
}

// A bad server on its own thread, as a real one would be: neither side's work slows the other's
// event loop, so what the client buffers is what its own reading allows.
class ServerOnItsOwnThread
{
public:
    ServerOnItsOwnThread(BadServer::Behaviour behaviour, const QByteArray &response,
                         bool chunked = false)
        : m_server(new BadServer)
    {
        m_server->behaviour = behaviour;
        m_server->response = response;
        m_server->chunked = chunked;
        m_listening = m_server->listen(QHostAddress::LocalHost);
        m_server->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
        m_thread.start();
    }
    ~ServerOnItsOwnThread()
    {
        m_thread.quit();
        m_thread.wait();
    }

    bool isListening() const { return m_listening; }
    const BadServer &server() const { return *m_server; }

private:
    QThread m_thread;
    BadServer *m_server;
    bool m_listening = false;
};

// The most the process has ever held in RAM, in bytes (Linux); -1 where that is not known.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#else
constexpr bool kUnderAddressSanitizer = false;
#endif

// Live heap bytes as the address sanitizer counts them. Under the sanitizer the resident set says
// nothing about what the client holds: freed blocks wait in its quarantine and every block has
// shadow memory, so the heap itself is measured instead.
qint64 liveHeapBytes()
{
#if defined(__SANITIZE_ADDRESS__)
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    return -1;
#endif
}

qint64 peakResidentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

    static std::unique_ptr<ApiClient> clientFor(const BadServer &server)
    {
        return std::make_unique<ApiClient>(
            ServerAddress::parse(u"http://127.0.0.1:%1"_s.arg(server.serverPort())), u"moim-test"_s,
            u"1.0.0"_s);
    }

    // Runs one call to its end and says how long it took.
    ApiResult call(ApiClient &api, qint64 *elapsedMs = nullptr)
    {
        ApiResult received;
        bool done = false;
        QElapsedTimer clock;
        clock.start();
        api.post(protocol::path::Login, {{u"email"_s, u"a@b.c"_s}}, {}, this,
                 [&](const ApiResult &result) {
                     received = result;
                     done = true;
                 });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 30000); }();
        if (elapsedMs)
            *elapsedMs = clock.elapsed();
        return received;
    }

private Q_SLOTS:
    void defaultsBoundEveryCall()
    {
        BadServer server;
        const auto api = clientFor(server);
        QCOMPARE(api->idleTimeout(), 15000ms);
        QCOMPARE(api->deadline(), 60000ms);
        QCOMPARE(api->maxResponseBytes(), qint64(16) * 1024 * 1024);
    }

    void answersAreClassified_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("transient");
        QTest::addColumn<int>("retryAfterMs");
        using C = ApiError::Code;
        // Success without a body is still success (logout's 204); callers that need fields
        // check for them.
        QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
                             << int(C::None) << false << 0;
        QTest::newRow("empty 200") << jsonResponse(200, {}) << int(C::None) << false << 0;
        QTest::newRow("{}") << jsonResponse(200, "{}") << int(C::None) << false << 0;
        QTest::newRow("captive portal 200")
            << htmlResponse(200) << int(C::InvalidResponse) << true << 0;
        QTest::newRow("garbage 200")
            << jsonResponse(200, "\x01\x02garbage") << int(C::InvalidResponse) << true << 0;
        QTest::newRow("json array 200")
            << jsonResponse(200, "[1,2,3]") << int(C::InvalidResponse) << true << 0;
        QTest::newRow("captive portal redirect")
            << QByteArray("HTTP/1.1 302 Found\r\nLocation: http://portal.example/login\r\n"
                          "Content-Length: 0\r\nConnection: close\r\n\r\n")
            << int(C::InvalidResponse) << true << 0;
        QTest::newRow("500 html") << htmlResponse(500) << int(C::ServerError) << true << 0;
        QTest::newRow("502 html from a proxy")
            << htmlResponse(502) << int(C::ServerError) << true << 0;
        QTest::newRow("404 html") << htmlResponse(404) << int(C::InvalidResponse) << true << 0;
        QTest::newRow("503 server_busy")
            << jsonResponse(503, R"({"error":{"code":"server_busy","retry_after":3}})",
                            "Retry-After: 3\r\n")
            << int(C::ServerBusy) << true << 3000;
        QTest::newRow("429 without a code")
            << jsonResponse(429, R"({"error":{"message":"slow down","retry_after":1}})")
            << int(C::RateLimited) << true << 1000;
        QTest::newRow("429 with an unknown code")
            << jsonResponse(429, R"({"error":{"code":"slow_down","retry_after":1}})")
            << int(C::RateLimited) << true << 1000;
        QTest::newRow("429 html, header only")
            << htmlResponse(429, "Retry-After: 2\r\n") << int(C::RateLimited) << true << 2000;
        QTest::newRow("429 too_many_attempts")
            << jsonResponse(429, R"({"error":{"code":"too_many_attempts","retry_after":8}})")
            << int(C::TooManyAttempts) << true << 8000;
        QTest::newRow("408 request_timeout")
            << jsonResponse(408, R"({"error":{"code":"request_timeout"}})")
            << int(C::RequestTimeout) << true << 0;
        QTest::newRow("413 payload_too_large")
            << jsonResponse(413, R"({"error":{"code":"payload_too_large","max_bytes":65536}})")
            << int(C::PayloadTooLarge) << false << 0;
        QTest::newRow("403 forbidden") << jsonResponse(403, R"({"error":{"code":"forbidden"}})")
                                       << int(C::Forbidden) << false << 0;
    }

    void answersAreClassified()
    {
        QFETCH(QByteArray, response);
        QFETCH(int, code);
        QFETCH(bool, transient);
        QFETCH(int, retryAfterMs);
        BadServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.response = response;
        const auto api = clientFor(server);
        const ApiResult result = call(*api);
        QCOMPARE(int(result.error.code), code);
        QCOMPARE(result.ok(), code == int(ApiError::Code::None));
        QCOMPARE(result.error.isTransient(), transient);
        QCOMPARE(result.error.retryAfter(), std::chrono::milliseconds(retryAfterMs));
        if (result.ok())
            QVERIFY(result.body.isEmpty());
    }

    void anEndlessAnswerIsCutOffAndMemoryStaysBounded()
    {
        const qint64 peakBefore = kUnderAddressSanitizer ? -1 : peakResidentBytes();
        const qint64 heapBefore = liveHeapBytes();
        qint64 heapPeak = heapBefore;
        QTimer heapSampler;
        if (kUnderAddressSanitizer) {
            connect(&heapSampler, &QTimer::timeout, this,
                    [&heapPeak] { heapPeak = std::max(heapPeak, liveHeapBytes()); });
            heapSampler.start(1);
        }
        // Over six times the rate at which the hung sign-in used to grow, and still the call
        // ends soon and holds no more than about the limit.
        const ServerOnItsOwnThread running(BadServer::Behaviour::Stream,
                                           "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                           "Transfer-Encoding: chunked\r\n\r\n",
                                           true);
        QVERIFY(running.isListening());
        const BadServer &server = running.server();
        const auto api = clientFor(server);
        qint64 elapsedMs = 0;
        const ApiResult result = call(*api, &elapsedMs);
        QCOMPARE(result.error.code, ApiError::Code::InvalidResponse);
        QVERIFY(result.error.isTransient());
        // Cut by size, long before the deadline could have ended it.
        QVERIFY2(elapsedMs < 10000, QByteArray::number(elapsedMs).constData());
        QTRY_VERIFY_WITH_TIMEOUT(server.clientHungUp, 5000);
        const qint64 writtenAtHangUp = server.bodyBytesWritten;
        // What got out beyond the limit is what sockets buffer, not an ever-growing body.
        QVERIFY2(writtenAtHangUp < 2 * api->maxResponseBytes(),
                 QByteArray::number(writtenAtHangUp).constData());
        heapSampler.stop();
        const qint64 growth =
            kUnderAddressSanitizer ? heapPeak - heapBefore : peakResidentBytes() - peakBefore;
        if (kUnderAddressSanitizer || peakBefore > 0)
            QVERIFY2(growth < 3 * api->maxResponseBytes(), QByteArray::number(growth).constData());
    }

    void readingStopsNearALowerLimit()
    {
        // No length and no chunks: the body runs until the server closes, which it never does.
        const ServerOnItsOwnThread running(
            BadServer::Behaviour::Stream,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n");
        QVERIFY(running.isListening());
        const BadServer &server = running.server();
        const auto api = clientFor(server);
        api->setMaxResponseBytes(256 * 1024);
        const ApiResult result = call(*api);
        QCOMPARE(result.error.code, ApiError::Code::InvalidResponse);
        QVERIFY(result.error.isTransient());
        QCOMPARE(result.error.httpStatus, 200);
        QTRY_VERIFY_WITH_TIMEOUT(server.clientHungUp, 5000);
        QVERIFY2(server.bodyBytesWritten < 8 * 1024 * 1024,
                 QByteArray::number(server.bodyBytesWritten).constData());
    }

    void anAnnouncedGiantIsRefusedFromItsHeaders()
    {
        BadServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.behaviour = BadServer::Behaviour::Stalled;
        // Headers only: refusing must not wait for a body that never comes.
        server.response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 10000000000\r\n\r\n";
        const auto api = clientFor(server);
        qint64 elapsedMs = 0;
        const ApiResult result = call(*api, &elapsedMs);
        QCOMPARE(result.error.code, ApiError::Code::InvalidResponse);
        QVERIFY(result.error.isTransient());
        QVERIFY2(elapsedMs < 5000, QByteArray::number(elapsedMs).constData());
    }

    void aServerThatNeverAnswersIsANetworkError()
    {
        BadServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.behaviour = BadServer::Behaviour::Silent;
        const auto api = clientFor(server);
        api->setIdleTimeout(500ms);
        qint64 elapsedMs = 0;
        const ApiResult result = call(*api, &elapsedMs);
        QCOMPARE(result.error.code, ApiError::Code::Network);
        QVERIFY(result.error.isTransient());
        QVERIFY2(elapsedMs >= 400 && elapsedMs < 5000, QByteArray::number(elapsedMs).constData());
    }

    void anAnswerThatStopsHalfwayIsANetworkError()
    {
        // The status line said 200, but the body never completes: that is not a success.
        BadServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.behaviour = BadServer::Behaviour::Stalled;
        server.response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 1000\r\n\r\n{\"message\":";
        const auto api = clientFor(server);
        api->setIdleTimeout(500ms);
        const ApiResult result = call(*api);
        QCOMPARE(result.error.code, ApiError::Code::Network);
        QVERIFY(result.error.isTransient());
    }

    void anAnswerCutByTheServerIsANetworkError()
    {
        BadServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 1000\r\nConnection: close\r\n\r\n{\"message\":";
        const auto api = clientFor(server);
        const ApiResult result = call(*api);
        QCOMPARE(result.error.code, ApiError::Code::Network);
        QVERIFY(result.error.isTransient());
    }

    void aTrickleThatNeverEndsHitsTheDeadline()
    {
        BadServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.behaviour = BadServer::Behaviour::Trickle;
        server.response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n";
        const auto api = clientFor(server);
        // Every byte arrives well within the idle timeout; only the deadline can end this.
        api->setIdleTimeout(2000ms);
        api->setDeadline(1000ms);
        qint64 elapsedMs = 0;
        const ApiResult result = call(*api, &elapsedMs);
        QCOMPARE(result.error.code, ApiError::Code::Network);
        QVERIFY(result.error.isTransient());
        QVERIFY2(elapsedMs >= 900 && elapsedMs < 5000, QByteArray::number(elapsedMs).constData());
        QVERIFY(server.bodyBytesWritten > 3);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "test_api_client.moc"
