// The whole server in-process on port 0 with a temporary data folder and the demo company,
// driven over real HTTP (QNetworkAccessManager) and a real WebSocket.
#include "admin_token.h"
#include "mock_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <protocol/protocol.h>

using namespace moim::server;
namespace path = moim::protocol::path;

namespace {

constexpr auto Password = "seoul-spring-gathering";
const QByteArray ClientHeader = QByteArray(moim::protocol::ClientHeader);

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QList<QNetworkReply::RawHeaderPair> headers;

    QString errorCode() const
    {
        return json.value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// Collects the frames and the close code of one client WebSocket.
struct EventClient
{
    QWebSocket socket;
    QList<QJsonObject> frames;
    bool disconnected = false;

    EventClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &frame) {
                             frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
                         });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket,
                         [this] { disconnected = true; });
    }

    bool open(const QUrl &url, const QByteArray &client = "moim-desktop/0.1.0")
    {
        QNetworkRequest request(url);
        if (!client.isEmpty())
            request.setRawHeader(ClientHeader, client);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        return connected.wait(5000);
    }

    void send(const QJsonObject &frame)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson()));
    }

    QStringList types() const
    {
        QStringList result;
        for (const QJsonObject &frame : frames)
            result.append(frame.value(QStringLiteral("type")).toString());
        return result;
    }
};

} // namespace

class TestServerHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = startServer(m_dir.path(), QString(), true);
        QVERIFY(m_server);
        QCOMPARE(m_server->url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server->port() != 0);
        QFile urlFile(m_dir.filePath(QStringLiteral("server-url")));
        QVERIFY(urlFile.open(QIODevice::ReadOnly));
        QCOMPARE(urlFile.readAll().trimmed(), m_server->url().toString().toUtf8());
        // Secrets are the owner's alone: nothing for group or others.
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFileInfo(m_dir.filePath(QStringLiteral("admin-token"))).permissions() & others,
                 QFile::Permissions());
        QCOMPARE(QFileInfo(m_dir.path()).permissions() & others, QFile::Permissions());
    }

    void cleanupTestCase() { m_server.reset(); }

    void serverInfo()
    {
        const auto result = call("GET", m_server->url(), path::Server);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.json.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Moim mock server"));
        QVERIFY(result.json.value(QStringLiteral("min_client_version")).isNull());
        QVERIFY(result.json.value(QStringLiteral("time")).toInteger() > 1'700'000'000);
        QVERIFY(result.header("Access-Control-Allow-Origin").isEmpty());
    }

    void loginReturnsGrantWithWorkspaces()
    {
        const auto result = login(QStringLiteral("  Jimin.Kim@moim.example"), Password);
        QCOMPARE(result.status, 200);
        const QJsonObject grant = result.json;
        QVERIFY(grant.value(QStringLiteral("session_id")).toString().startsWith(u"s_"));
        QCOMPARE(grant.value(QStringLiteral("access_expires_in")).toInt(), 900);
        QVERIFY(!grant.value(QStringLiteral("refresh_token")).toString().isEmpty());
        const QJsonObject account = grant.value(QStringLiteral("account")).toObject();
        QCOMPARE(account.value(QStringLiteral("email")).toString(),
                 QStringLiteral("jimin.kim@moim.example"));
        QCOMPARE(account.value(QStringLiteral("display_name")).toString(),
                 QStringLiteral("김지민"));
        const QJsonArray workspaces = grant.value(QStringLiteral("workspaces")).toArray();
        QCOMPARE(workspaces.size(), 3);
        QStringList names;
        for (const auto &workspace : workspaces)
            names.append(workspace.toObject().value(QStringLiteral("name_en")).toString());
        QCOMPARE(names, (QStringList{QStringLiteral("Moim HQ"), QStringLiteral("Design Studio"),
                                     QStringLiteral("Seoul Engineering")}));
        QCOMPARE(workspaces.at(0).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("모임 본사"));
        QCOMPARE(workspaces.at(0).toObject().value(QStringLiteral("initials")).toString(),
                 QStringLiteral("모"));

        const auto alex = login(QStringLiteral("alex.park@moim.example"), Password);
        QCOMPARE(alex.status, 200);
        QCOMPARE(alex.json.value(QStringLiteral("workspaces")).toArray().size(), 1);
    }

    // A device's name and OS are what it says about itself: kept as data, never as terminal or
    // layout control, whoever shows them later (the device list, mails, the phone).
    void deviceLabelsAreCleanedWhenTheyArrive()
    {
        const auto result =
            call("POST", m_server->url(), path::Login,
                 json({{QStringLiteral("email"), QStringLiteral("alex.park@moim.example")},
                       {QStringLiteral("password"), QString::fromUtf8(Password)},
                       {QStringLiteral("device"),
                        QJsonObject{{QStringLiteral("name"),
                                     QStringLiteral("Laptop\n  IP address seen by the server: "
                                                    "6.6.6.6\x1b[2K\u202Eexe.pdf")},
                                    {QStringLiteral("os"), QStringLiteral("\u2066Linux\r\n\x07")},
                                    {QStringLiteral("kind"), QStringLiteral("desktop")}}}}));
        QCOMPARE(result.status, 200);
        const QString access = result.json.value(QStringLiteral("access_token")).toString();
        const QJsonArray sessions = call("GET", m_server->url(), path::Sessions, {}, access)
                                        .json.value(QStringLiteral("sessions"))
                                        .toArray();
        QJsonObject device;
        for (const auto &session : sessions) {
            if (session.toObject().value(QStringLiteral("current")).toBool())
                device = session.toObject().value(QStringLiteral("device")).toObject();
        }
        QCOMPARE(device.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Laptop IP address seen by the server: 6.6.6.6[2Kexe.pdf"));
        QCOMPARE(device.value(QStringLiteral("os")).toString(), QStringLiteral("Linux"));

        // Nothing but controls is no name at all.
        const auto unnamed =
            call("POST", m_server->url(), path::Login,
                 json({{QStringLiteral("email"), QStringLiteral("alex.park@moim.example")},
                       {QStringLiteral("password"), QString::fromUtf8(Password)},
                       {QStringLiteral("device"),
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("\x1b\n\u202E")}}}}));
        QCOMPARE(unnamed.status, 200);
        const QJsonArray again = call("GET", m_server->url(), path::Sessions, {},
                                      unnamed.json.value(QStringLiteral("access_token")).toString())
                                     .json.value(QStringLiteral("sessions"))
                                     .toArray();
        bool sawUnnamed = false;
        for (const auto &session : again) {
            const QJsonObject object = session.toObject();
            if (object.value(QStringLiteral("current")).toBool())
                sawUnnamed = object.value(QStringLiteral("device"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString() == QStringLiteral("Unnamed computer");
        }
        QVERIFY(sawUnnamed);
    }

    void unknownEmailAndWrongPasswordLookAlike()
    {
        const auto unknown = login(QStringLiteral("nobody.here@moim.example"), "whatever-123");
        const auto wrong = login(QStringLiteral("jimin.kim@moim.example"), "whatever-123");
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrong.status, unknown.status);
        QCOMPARE(wrong.body, unknown.body);
    }

    void deactivatedUserIsUnauthorized()
    {
        const auto wrong = login(QStringLiteral("seojun.lee@moim.example"), "not-the-password");
        QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
        const auto result = login(QStringLiteral("seojun.lee@moim.example"), Password);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorCode(), QStringLiteral("unauthorized_user"));
    }

    void malformedJsonIsBadRequest()
    {
        for (const QByteArray &body :
             {QByteArray("{\"email\": "), QByteArray("[]"), QByteArray("{\"email\": 3}")}) {
            const auto result = call("POST", m_server->url(), path::Login, body);
            QCOMPARE(result.status, 400);
            QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
        }
        const auto refresh = call("POST", m_server->url(), path::Refresh, "nonsense");
        QCOMPARE(refresh.errorCode(), QStringLiteral("bad_request"));
    }

    void unknownPathIsNotFound()
    {
        const auto result = call("GET", m_server->url(), QStringLiteral("/api/v1/nothing"));
        QCOMPARE(result.status, 404);
        QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
    }

    void throttlesUnknownEmails()
    {
        const QString email = QStringLiteral("ghost@moim.example");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(email, "wrong-password").status, 401);
        const auto throttled = login(email, "wrong-password");
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), QStringLiteral("too_many_attempts"));
        const int retryAfter = throttled.json.value(QStringLiteral("error"))
                                   .toObject()
                                   .value(QStringLiteral("retry_after"))
                                   .toInt();
        QVERIFY(retryAfter >= 1);
        QCOMPARE(throttled.header("Retry-After"), QByteArray::number(retryAfter));
        m_server->clock().advance(retryAfter);
        QCOMPARE(login(email, "wrong-password").status, 401);
    }

    void meConversationsRefreshLogout()
    {
        const auto grant = login(QStringLiteral("jimin.kim@moim.example"), Password).json;
        const QString access = grant.value(QStringLiteral("access_token")).toString();
        const auto me = call("GET", m_server->url(), path::Me, {}, access);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(QStringLiteral("workspaces")).toArray().size(), 3);

        const QString hq = grant.value(QStringLiteral("workspaces"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const auto conversations =
            call("GET", m_server->url(), path::Workspaces + hq + path::Conversations, {}, access);
        QCOMPARE(conversations.status, 200);
        const QJsonArray list = conversations.json.value(QStringLiteral("conversations")).toArray();
        QVERIFY(list.size() >= 4);
        QStringList names;
        for (const auto &conversation : list)
            names.append(conversation.toObject().value(QStringLiteral("name")).toString());
        QVERIFY(names.contains(QStringLiteral("일반")));
        QVERIFY(names.contains(QStringLiteral("최민지"))); // a direct message, named for jimin
        QCOMPARE(call("GET", m_server->url(),
                      path::Workspaces + QStringLiteral("w_nope") + path::Conversations, {}, access)
                     .status,
                 404);
        QCOMPARE(call("GET", m_server->url(), path::Me, {}, QStringLiteral("bogus")).errorCode(),
                 QStringLiteral("invalid_token"));

        const QString refreshToken = grant.value(QStringLiteral("refresh_token")).toString();
        const auto refreshed = call("POST", m_server->url(), path::Refresh,
                                    json({{QStringLiteral("refresh_token"), refreshToken}}));
        QCOMPARE(refreshed.status, 200);
        QVERIFY(refreshed.json.value(QStringLiteral("refresh_token")).toString() != refreshToken);
        const QString newAccess = refreshed.json.value(QStringLiteral("access_token")).toString();

        QCOMPARE(call("POST", m_server->url(), path::Logout, {}, newAccess).status, 204);
        QCOMPARE(call("GET", m_server->url(), path::Me, {}, newAccess).status, 401);
        QCOMPARE(call("POST", m_server->url(), path::Logout, {}, newAccess).status, 204);
        QCOMPARE(call("POST", m_server->url(), path::Logout, "{}").status, 400);
    }

    void updateRequired()
    {
        QTemporaryDir dir;
        auto strict = startServer(dir.path(), QStringLiteral("0.2.0"), false);
        QVERIFY(strict);
        const auto old = call("GET", strict->url(), path::Server);
        QCOMPARE(old.status, 426);
        QCOMPARE(old.errorCode(), QStringLiteral("update_required"));
        QCOMPARE(old.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("min_version"))
                     .toString(),
                 QStringLiteral("0.2.0"));
        QCOMPARE(call("POST", strict->url(), path::Login, "{}", {}, "").status, 426);
        QCOMPARE(
            call("GET", strict->url(), path::Server, {}, {}, "moim-desktop/0.2.0-beta.1").status,
            426);
        const auto current = call("GET", strict->url(), path::Server, {}, {}, "moim-desktop/0.2.0");
        QCOMPARE(current.status, 200);
        QCOMPARE(current.json.value(QStringLiteral("min_client_version")).toString(),
                 QStringLiteral("0.2.0"));
        QCOMPARE(call("GET", strict->url(), path::Server, {}, {}, "moim-phone/0.10.1").status, 200);

        EventClient client;
        QVERIFY(client.open(eventsUrl(strict->url())));
        client.send({{QStringLiteral("type"), QStringLiteral("auth")},
                     {QStringLiteral("access_token"), QStringLiteral("anything")}});
        QTRY_VERIFY(client.disconnected);
        QCOMPARE(client.types(), QStringList{QStringLiteral("error")});
        QCOMPARE(client.frames.at(0).value(QStringLiteral("code")).toString(),
                 QStringLiteral("update_required"));
        QCOMPARE(int(client.socket.closeCode()), 4026);
    }

    void adminApiGuards()
    {
        const QString token = AdminToken::read(m_dir.path());
        QVERIFY(!token.isEmpty());
        const QUrl url = m_server->url();
        QCOMPARE(adminCall("GET", path::AdminClock, {}, token).status, 200);
        const auto wrongToken = adminCall("GET", path::AdminClock, {}, QStringLiteral("nope"));
        QCOMPARE(wrongToken.status, 403);
        QCOMPARE(wrongToken.errorCode(), QStringLiteral("forbidden"));
        QCOMPARE(adminCall("GET", path::AdminClock, {}, {}).status, 403);
        const QByteArray port = QByteArray::number(url.port());
        for (const QByteArray &host :
             {QByteArray("evil.example:") + port, QByteArray("127.0.0.1.evil.example:") + port,
              QByteArray("127.0.0.1:1"), QByteArray("localhost")}) {
            const auto result = adminCall("GET", path::AdminClock, {}, token, host);
            QCOMPARE(result.status, 403);
            QVERIFY(result.header("Access-Control-Allow-Origin").isEmpty());
        }
        QCOMPARE(adminCall("GET", path::AdminClock, {}, token, "localhost:" + port).status, 200);

        const auto moved =
            adminCall("POST", path::AdminClock, json({{QStringLiteral("advance"), 60}}), token);
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.json.value(QStringLiteral("offset")).toInteger(),
                 m_server->clock().offset());
        QCOMPARE(adminCall("POST", path::AdminClock, json({{QStringLiteral("offset"), 0}}), token)
                     .json.value(QStringLiteral("offset"))
                     .toInteger(),
                 0);
        QCOMPARE(adminCall("POST", path::AdminClock, "{}", token).status, 400);
        QCOMPARE(adminCall("POST", path::AdminDeactivate,
                           json({{QStringLiteral("email"), QStringLiteral("no@moim.example")}}),
                           token)
                     .status,
                 404);
    }

    void tokenInUrlDoesNotAuthenticate()
    {
        const QString access = login(QStringLiteral("alex.park@moim.example"), Password)
                                   .json.value(QStringLiteral("access_token"))
                                   .toString();
        QUrl url = eventsUrl(m_server->url());
        url.setQuery(QStringLiteral("access_token=") + access);
        EventClient client;
        QVERIFY(client.open(url));
        QTRY_VERIFY(client.disconnected);
        QVERIFY(client.frames.isEmpty());
        QCOMPARE(int(client.socket.closeCode()), 4000);

        EventClient bad;
        QVERIFY(bad.open(eventsUrl(m_server->url())));
        bad.send({{QStringLiteral("type"), QStringLiteral("auth")},
                  {QStringLiteral("access_token"), QStringLiteral("forged")}});
        QTRY_VERIFY(bad.disconnected);
        QCOMPARE(bad.types(), QStringList{QStringLiteral("error")});
        QCOMPARE(int(bad.socket.closeCode()), 4001);
    }

    void eventsMembershipRemovalAndDeactivation()
    {
        const auto grant = login(QStringLiteral("jimin.kim@moim.example"), Password).json;
        const QString access = grant.value(QStringLiteral("access_token")).toString();
        EventClient client;
        QVERIFY(client.open(eventsUrl(m_server->url())));
        client.send({{QStringLiteral("type"), QStringLiteral("auth")},
                     {QStringLiteral("access_token"), access}});
        QTRY_COMPARE(client.types(), QStringList{QStringLiteral("ready")});
        QCOMPARE(client.frames.at(0).value(QStringLiteral("session_id")).toString(),
                 grant.value(QStringLiteral("session_id")).toString());
        // The client's watchdog is set from it: the server's interval, in milliseconds.
        QCOMPARE(client.frames.at(0).value(QStringLiteral("ping_interval_ms")).toInteger(),
                 qint64(moim::protocol::limits::PingIntervalSeconds) * 1000);

        const QString token = AdminToken::read(m_dir.path());
        const QString seoul = grant.value(QStringLiteral("workspaces"))
                                  .toArray()
                                  .at(2)
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        QCOMPARE(
            adminCall("POST", path::AdminRemoveMembership,
                      json({{QStringLiteral("email"), QStringLiteral("jimin.kim@moim.example")},
                            {QStringLiteral("workspace_id"), seoul}}),
                      token)
                .status,
            200);
        QTRY_COMPARE(client.frames.size(), 2);
        QCOMPARE(client.types().at(1), QStringLiteral("workspaces.changed"));
        QCOMPARE(client.frames.at(1).value(QStringLiteral("workspaces")).toArray().size(), 2);

        QCOMPARE(
            adminCall("POST", path::AdminDeactivate,
                      json({{QStringLiteral("email"), QStringLiteral("jimin.kim@moim.example")}}),
                      token)
                .status,
            200);
        QTRY_VERIFY(client.disconnected);
        QCOMPARE(client.types().last(), QStringLiteral("session.revoked"));
        QCOMPARE(client.frames.last().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("deactivated"));
        QCOMPARE(int(client.socket.closeCode()), 4003);
        QCOMPARE(call("GET", m_server->url(), path::Me, {}, access).status, 401);
        QCOMPARE(login(QStringLiteral("jimin.kim@moim.example"), Password).errorCode(),
                 QStringLiteral("unauthorized_user"));

        QCOMPARE(
            adminCall("POST", path::AdminReactivate,
                      json({{QStringLiteral("email"), QStringLiteral("jimin.kim@moim.example")}}),
                      token)
                .status,
            200);
        const auto again = login(QStringLiteral("jimin.kim@moim.example"), Password);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("workspaces")).toArray().size(), 2);
    }

private:
    static std::unique_ptr<MockServer> startServer(const QString &dataDir,
                                                   const QString &minVersion, bool demo)
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = dataDir;
        config.demo = demo;
        config.minClientVersion = minVersion;
        // Cheap hashes keep the suite fast; the real server uses interactive limits.
        config.hashLimits = PasswordHasher::Limits::minimal();
        config.eventAuthTimeout = std::chrono::milliseconds(300);
        auto server = std::make_unique<MockServer>(config);
        QString error;
        if (!server->start(&error)) {
            qWarning() << "server failed to start:" << error;
            return nullptr;
        }
        return server;
    }

    static QUrl eventsUrl(const QUrl &base)
    {
        QUrl url = base;
        url.setScheme(QStringLiteral("ws"));
        url.setPath(path::Events);
        return url;
    }

    static QByteArray json(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    HttpResult login(const QString &email, const char *password)
    {
        return call("POST", m_server->url(), path::Login,
                    json({{QStringLiteral("email"), email},
                          {QStringLiteral("password"), QString::fromUtf8(password)},
                          {QStringLiteral("device"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("test-host")},
                                       {QStringLiteral("kind"), QStringLiteral("desktop")}}}}));
    }

    HttpResult adminCall(const QByteArray &verb, const QString &apiPath, const QByteArray &body,
                         const QString &token, const QByteArray &host = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        if (!host.isEmpty())
            request.setRawHeader("Host", host);
        return send(verb, request, body, token);
    }

    HttpResult call(const QByteArray &verb, const QUrl &base, const QString &apiPath,
                    const QByteArray &body = {}, const QString &bearer = {},
                    const QByteArray &client = "moim-desktop/0.1.0")
    {
        QNetworkRequest request(base.resolved(QUrl(apiPath)));
        if (!client.isEmpty())
            request.setRawHeader(ClientHeader, client);
        return send(verb, request, body, bearer);
    }

    HttpResult send(const QByteArray &verb, QNetworkRequest request, const QByteArray &body,
                    const QString &bearer)
    {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        QNetworkReply *reply = verb == "GET" ? m_network.get(request)
                                             : m_network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "test_server_http.moc"
