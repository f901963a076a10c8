#include "net/api_client.h"
#include "protocol/protocol.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

// Answers every HTTP request with one canned response, so the client's mapping of odd and
// broken replies can be tested without a real server's cooperation.
class CannedHttpServer : public QTcpServer
{
public:
    QByteArray response;
    QByteArray lastRequest;

    CannedHttpServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    lastRequest += socket->readAll();
                    if (!lastRequest.contains("\r\n\r\n"))
                        return;
                    socket->write(response);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

QByteArray httpResponse(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n" +
           extraHeaders + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace

class TestApiError : public QObject
{
    Q_OBJECT

    ApiResult call(CannedHttpServer &server)
    {
        ApiClient api(ServerAddress::parse(u"http://127.0.0.1:%1"_s.arg(server.serverPort())),
                      u"moim-test"_s, u"1.2.3"_s);
        ApiResult received;
        bool done = false;
        api.post(protocol::path::Login, {{u"email"_s, u"a@b.c"_s}}, {}, this,
                 [&](const ApiResult &result) {
                     received = result;
                     done = true;
                 });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        return received;
    }

private Q_SLOTS:
    void everyWireCodeHasAType_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<int>("code");
        using C = ApiError::Code;
        QTest::newRow("bad_request") << u"bad_request"_s << int(C::BadRequest);
        QTest::newRow("invalid_credentials")
            << u"invalid_credentials"_s << int(C::InvalidCredentials);
        QTest::newRow("invalid_token") << u"invalid_token"_s << int(C::InvalidToken);
        QTest::newRow("unauthorized_user") << u"unauthorized_user"_s << int(C::UnauthorizedUser);
        QTest::newRow("forbidden") << u"forbidden"_s << int(C::Forbidden);
        QTest::newRow("not_found") << u"not_found"_s << int(C::NotFound);
        QTest::newRow("update_required") << u"update_required"_s << int(C::UpdateRequired);
        QTest::newRow("too_many_attempts") << u"too_many_attempts"_s << int(C::TooManyAttempts);
        QTest::newRow("server_error") << u"server_error"_s << int(C::ServerError);
        QTest::newRow("weak_password") << u"weak_password"_s << int(C::WeakPassword);
        QTest::newRow("invite_invalid") << u"invite_invalid"_s << int(C::InviteInvalid);
        QTest::newRow("invite_expired") << u"invite_expired"_s << int(C::InviteExpired);
        QTest::newRow("invite_used") << u"invite_used"_s << int(C::InviteUsed);
        QTest::newRow("invite_revoked") << u"invite_revoked"_s << int(C::InviteRevoked);
        QTest::newRow("invite_replaced") << u"invite_replaced"_s << int(C::InviteReplaced);
        QTest::newRow("reset_invalid") << u"reset_invalid"_s << int(C::ResetInvalid);
        QTest::newRow("reset_expired") << u"reset_expired"_s << int(C::ResetExpired);
        QTest::newRow("reset_used") << u"reset_used"_s << int(C::ResetUsed);
        QTest::newRow("qr_expired") << u"qr_expired"_s << int(C::QrExpired);
        QTest::newRow("qr_used") << u"qr_used"_s << int(C::QrUsed);
        QTest::newRow("wrong_code") << u"wrong_code"_s << int(C::WrongCode);
        QTest::newRow("invalid_settings") << u"invalid_settings"_s << int(C::InvalidSettings);
        QTest::newRow("too_many_pending") << u"too_many_pending"_s << int(C::TooManyPending);
        QTest::newRow("push_blocked") << u"push_blocked"_s << int(C::PushBlocked);
        QTest::newRow("push_expired") << u"push_expired"_s << int(C::PushExpired);
        QTest::newRow("push_used") << u"push_used"_s << int(C::PushUsed);
        QTest::newRow("already_linked") << u"already_linked"_s << int(C::AlreadyLinked);
        QTest::newRow("server_busy") << u"server_busy"_s << int(C::ServerBusy);
        QTest::newRow("request_timeout") << u"request_timeout"_s << int(C::RequestTimeout);
        QTest::newRow("payload_too_large") << u"payload_too_large"_s << int(C::PayloadTooLarge);
        QTest::newRow("headers_too_large") << u"headers_too_large"_s << int(C::HeadersTooLarge);
        QTest::newRow("length_required") << u"length_required"_s << int(C::LengthRequired);
        QTest::newRow("unknown") << u"teapot"_s << int(C::Unknown);
    }

    void everyWireCodeHasAType()
    {
        QFETCH(QString, wire);
        QFETCH(int, code);
        QCOMPARE(int(ApiError::codeFromWire(wire)), code);
        if (code != int(ApiError::Code::Unknown))
            QCOMPARE(errorName(ApiError::Code(code)), wire);
    }

    void repliesMapToErrors_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<QString>("minimumVersion");
        using C = ApiError::Code;
        QTest::newRow("invalid credentials")
            << httpResponse(401, R"({"error":{"code":"invalid_credentials","message":"no"}})")
            << int(C::InvalidCredentials) << 0 << QString();
        QTest::newRow("throttled")
            << httpResponse(429, R"({"error":{"code":"too_many_attempts","retry_after":8}})",
                            "Retry-After: 8\r\n")
            << int(C::TooManyAttempts) << 8 << QString();
        QTest::newRow("too old")
            << httpResponse(426, R"({"error":{"code":"update_required","min_version":"2.0.0"}})")
            << int(C::UpdateRequired) << 0 << u"2.0.0"_s;
        QTest::newRow("500 without body")
            << httpResponse(500, {}) << int(C::ServerError) << 0 << QString();
        QTest::newRow("html error page")
            << httpResponse(404, "<html>nope</html>") << int(C::InvalidResponse) << 0 << QString();
        QTest::newRow("success but not json")
            << httpResponse(200, "hello") << int(C::InvalidResponse) << 0 << QString();
        QTest::newRow("success but array")
            << httpResponse(200, "[1,2]") << int(C::InvalidResponse) << 0 << QString();
        QTest::newRow("unknown code") << httpResponse(418, R"({"error":{"code":"teapot"}})")
                                      << int(C::Unknown) << 0 << QString();
        QTest::newRow("server busy")
            << httpResponse(503, R"({"error":{"code":"server_busy","retry_after":4}})",
                            "Retry-After: 4\r\n")
            << int(C::ServerBusy) << 4 << QString();
        QTest::newRow("429 without a code, header only")
            << httpResponse(429, "<html>slow down</html>", "Retry-After: 7\r\n")
            << int(C::RateLimited) << 7 << QString();
        QTest::newRow("408 without a body")
            << httpResponse(408, {}) << int(C::RequestTimeout) << 0 << QString();
        QTest::newRow("unknown code on a 5xx")
            << httpResponse(502, R"({"error":{"code":"bad_gateway"}})") << int(C::ServerError) << 0
            << QString();
        QTest::newRow("ok") << httpResponse(200, R"({"fine":true})") << int(C::None) << 0
                            << QString();
    }

    void repliesMapToErrors()
    {
        QFETCH(QByteArray, response);
        QFETCH(int, code);
        QFETCH(int, retryAfter);
        QFETCH(QString, minimumVersion);
        CannedHttpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.response = response;
        const ApiResult result = call(server);
        QCOMPARE(int(result.error.code), code);
        QCOMPARE(result.error.retryAfterSeconds, retryAfter);
        QCOMPARE(result.error.minimumVersion, minimumVersion);
        // Every request names the client, so the server can ask for an update.
        QVERIFY(server.lastRequest.contains("X-Moim-Client: moim-test/1.2.3"));
    }

    void transientMeansWorthRetrying_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("transient");
        using C = ApiError::Code;
        // Retrying the same request later can succeed without anyone changing anything.
        QTest::newRow("network") << int(C::Network) << true;
        QTest::newRow("invalid response") << int(C::InvalidResponse) << true;
        QTest::newRow("server error") << int(C::ServerError) << true;
        QTest::newRow("server busy") << int(C::ServerBusy) << true;
        QTest::newRow("request timeout") << int(C::RequestTimeout) << true;
        QTest::newRow("rate limited") << int(C::RateLimited) << true;
        QTest::newRow("too many attempts") << int(C::TooManyAttempts) << true;
        QTest::newRow("too many pending") << int(C::TooManyPending) << true;
        // Refusals: the same request gets the same answer.
        QTest::newRow("none") << int(C::None) << false;
        QTest::newRow("tls") << int(C::Tls) << false;
        QTest::newRow("payload too large") << int(C::PayloadTooLarge) << false;
        QTest::newRow("headers too large") << int(C::HeadersTooLarge) << false;
        QTest::newRow("length required") << int(C::LengthRequired) << false;
        QTest::newRow("push blocked") << int(C::PushBlocked) << false;
        QTest::newRow("bad request") << int(C::BadRequest) << false;
        QTest::newRow("invalid token") << int(C::InvalidToken) << false;
        QTest::newRow("forbidden") << int(C::Forbidden) << false;
        QTest::newRow("not found") << int(C::NotFound) << false;
        QTest::newRow("update required") << int(C::UpdateRequired) << false;
        QTest::newRow("unknown") << int(C::Unknown) << false;
    }

    void transientMeansWorthRetrying()
    {
        QFETCH(int, code);
        QFETCH(bool, transient);
        QCOMPARE(ApiError::fromCode(ApiError::Code(code)).isTransient(), transient);
    }

    void retryAfterIsInMilliseconds()
    {
        using namespace std::chrono_literals;
        ApiError error =
            ApiError::fromHttpAnswer(503, R"({"error":{"code":"server_busy","retry_after":3}})");
        QCOMPARE(error.code, ApiError::Code::ServerBusy);
        QCOMPARE(error.retryAfter(), 3000ms);
        error = ApiError::fromHttpAnswer(429, R"({"error":{"retry_after":1}})");
        QCOMPARE(error.code, ApiError::Code::RateLimited);
        QCOMPARE(error.retryAfter(), 1000ms);
        // Not said, or nonsense: the caller's own backoff decides.
        QCOMPARE(ApiError::fromHttpAnswer(500, {}).retryAfter(), 0ms);
        QCOMPARE(ApiError::fromHttpAnswer(429, R"({"error":{"retry_after":-5}})").retryAfter(),
                 0ms);
    }

    void htmlAnswersAreClassifiedByStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        using C = ApiError::Code;
        QTest::newRow("200 portal") << 200 << int(C::InvalidResponse);
        QTest::newRow("302 portal") << 302 << int(C::InvalidResponse);
        QTest::newRow("403 portal") << 403 << int(C::InvalidResponse);
        QTest::newRow("408 proxy") << 408 << int(C::RequestTimeout);
        QTest::newRow("413 proxy") << 413 << int(C::PayloadTooLarge);
        QTest::newRow("429 proxy") << 429 << int(C::RateLimited);
        QTest::newRow("500") << 500 << int(C::ServerError);
        QTest::newRow("502 proxy") << 502 << int(C::ServerError);
        QTest::newRow("503 proxy") << 503 << int(C::ServerError);
    }

    void htmlAnswersAreClassifiedByStatus()
    {
        QFETCH(int, status);
        QFETCH(int, code);
        const ApiError error =
            ApiError::fromHttpAnswer(status, "<!DOCTYPE html><html><body>Log in</body></html>");
        QCOMPARE(int(error.code), code);
        QCOMPARE(error.httpStatus, status);
    }

    void unreachableServerIsANetworkError()
    {
        CannedHttpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close(); // nothing listens there now
        ApiClient api(ServerAddress::parse(u"http://127.0.0.1:%1"_s.arg(port)), u"moim-test"_s,
                      u"1.0.0"_s);
        ApiResult received;
        bool done = false;
        api.get(protocol::path::Server, {}, this, [&](const ApiResult &result) {
            received = result;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(received.error.code, ApiError::Code::Network);
        QVERIFY(received.error.isTransient());
    }

    void noCallbackAfterTheContextDied()
    {
        CannedHttpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        server.response = httpResponse(200, "{}");
        ApiClient api(ServerAddress::parse(u"http://127.0.0.1:%1"_s.arg(server.serverPort())),
                      u"moim-test"_s, u"1.0.0"_s);
        bool called = false;
        auto *context = new QObject;
        api.get(protocol::path::Server, {}, context, [&](const ApiResult &) { called = true; });
        delete context;
        // Once the server has answered it, a later request's answer arrives after the first one's:
        // by then the orphaned callback would have run.
        QTRY_VERIFY_WITH_TIMEOUT(server.lastRequest.contains("\r\n\r\n"), 10000);
        bool laterDone = false;
        api.get(protocol::path::Server, {}, this, [&](const ApiResult &) { laterDone = true; });
        QTRY_VERIFY_WITH_TIMEOUT(laterDone, 10000);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "test_api_error.moc"
