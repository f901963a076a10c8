// Notification settings on the server, in-process on port 0 with the demo company: defaults,
// strict validation (422 with the field), membership, the live event to the user's other
// clients only, one workspace never touching another, and surviving a restart.
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
#include <protocol/notification_settings.h>
#include <protocol/protocol.h>

using namespace moim;
using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

constexpr auto Password = "seoul-spring-gathering";

struct HttpResult
{
    int status = 0;
    QJsonObject json;
    QString errorCode() const
    {
        return json.value("error"_L1).toObject().value("code"_L1).toString();
    }
    QString errorField() const
    {
        return json.value("error"_L1).toObject().value("field"_L1).toString();
    }
};

// The frames one client's event stream receives.
struct EventClient
{
    QWebSocket socket;
    QList<QJsonObject> frames;

    EventClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &frame) {
                             frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
                         });
    }

    QList<QJsonObject> ofType(QLatin1StringView type) const
    {
        QList<QJsonObject> result;
        for (const QJsonObject &frame : frames) {
            if (frame.value("type"_L1).toString() == type)
                result.append(frame);
        }
        return result;
    }
};

} // namespace

class TestNotificationSettingsServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;

    bool start()
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir.path();
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        m_server = std::make_unique<MockServer>(config);
        QString error;
        if (!m_server->start(&error)) {
            qWarning() << "server failed to start:" << error;
            return false;
        }
        return true;
    }

    HttpResult call(const QByteArray &verb, const QString &apiPath, const QByteArray &body = {},
                    const QString &bearer = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        request.setRawHeader(moim::protocol::ClientHeader, "moim-desktop/0.1.0");
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
        result.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return result;
    }

    // Signs in and returns the access token (and the workspace ids, in sidebar order).
    QString signIn(const QString &email, QStringList *workspaceIds = nullptr)
    {
        const QByteArray body =
            QJsonDocument(
                QJsonObject{{u"email"_s, email}, {u"password"_s, QString::fromLatin1(Password)}})
                .toJson(QJsonDocument::Compact);
        const HttpResult result = call("POST", path::Login, body);
        if (workspaceIds) {
            workspaceIds->clear();
            for (const QJsonValue &workspace : result.json.value("workspaces"_L1).toArray())
                workspaceIds->append(workspace.toObject().value("id"_L1).toString());
        }
        return result.json.value("access_token"_L1).toString();
    }

    static QString settingsPath(const QString &workspaceId)
    {
        return path::Workspaces + workspaceId + path::NotificationSettingsSuffix;
    }

    static QByteArray json(const QJsonObject &object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    static NotificationSettings evenings()
    {
        NotificationSettings settings;
        settings.level = NotificationSettings::Level::MentionsAndDirect;
        settings.quietHours = {true, {1, 2, 3, 4, 5}, 19 * 60, 8 * 60 + 30};
        settings.preview = false;
        settings.countInTotal = false;
        return settings;
    }

    bool openEvents(EventClient &client, const QString &token)
    {
        QUrl url = m_server->url();
        url.setScheme(u"ws"_s);
        url.setPath(path::Events);
        QNetworkRequest request(url);
        request.setRawHeader(moim::protocol::ClientHeader, "moim-desktop/0.1.0");
        QSignalSpy connected(&client.socket, &QWebSocket::connected);
        client.socket.open(request);
        if (!connected.wait(5000))
            return false;
        client.socket.sendTextMessage(
            QString::fromUtf8(json({{u"type"_s, u"auth"_s}, {u"access_token"_s, token}})));
        return QTest::qWaitFor([&] { return !client.ofType("ready"_L1).isEmpty(); }, 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(start());
    }

    void cleanupTestCase() { m_server.reset(); }

    void everyWorkspaceStartsWithTheDefaults()
    {
        QStringList workspaces;
        const QString token = signIn(u"minji.choi@moim.example"_s, &workspaces);
        QVERIFY(!token.isEmpty());
        const HttpResult all = call("GET", path::NotificationSettings, {}, token);
        QCOMPARE(all.status, 200);
        const QJsonArray entries = all.json.value("workspaces"_L1).toArray();
        QCOMPARE(entries.size(), workspaces.size());
        for (const QJsonValue &entry : entries) {
            QVERIFY(workspaces.contains(entry.toObject().value("workspace_id"_L1).toString()));
            const auto settings =
                NotificationSettings::fromJson(entry.toObject().value("settings"_L1).toObject());
            QVERIFY(settings);
            QCOMPARE(*settings, NotificationSettings());
        }
        const HttpResult one = call("GET", settingsPath(workspaces.first()), {}, token);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json.value("settings"_L1).toObject(), NotificationSettings().toJson());
    }

    void putStoresOneWorkspaceOnly()
    {
        QStringList workspaces;
        const QString token = signIn(u"jimin.kim@moim.example"_s, &workspaces);
        QStringList alexWorkspaces;
        const QString alex = signIn(u"alex.park@moim.example"_s, &alexWorkspaces);
        QVERIFY(workspaces.size() >= 2 && alexWorkspaces.size() == 1);
        // A: the workspace Jimin shares with Alex; B: another of Jimin's.
        const QString a = alexWorkspaces.first();
        QVERIFY(workspaces.contains(a));
        const QString b = workspaces.first() == a ? workspaces.at(1) : workspaces.first();

        const HttpResult put = call("PUT", settingsPath(a), json(evenings().toJson()), token);
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json.value("workspace_id"_L1).toString(), a);
        QCOMPARE(put.json.value("settings"_L1).toObject(), evenings().toJson());
        QCOMPARE(call("GET", settingsPath(a), {}, token).json.value("settings"_L1).toObject(),
                 evenings().toJson());
        // Workspace B keeps its own settings…
        QCOMPARE(call("GET", settingsPath(b), {}, token).json.value("settings"_L1).toObject(),
                 NotificationSettings().toJson());
        // …and another member of workspace A keeps theirs.
        QCOMPARE(call("GET", settingsPath(a), {}, alex).json.value("settings"_L1).toObject(),
                 NotificationSettings().toJson());
    }

    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");

        const auto changed = [](const QString &key, const QJsonValue &value) {
            QJsonObject object = NotificationSettings().toJson();
            object.insert(key, value);
            return json(object);
        };
        const auto quiet = [](const QString &key, const QJsonValue &value) {
            QJsonObject object = NotificationSettings().toJson();
            QJsonObject hours = object.value("quiet_hours"_L1).toObject();
            hours.insert(key, value);
            object.insert(u"quiet_hours"_s, hours);
            return json(object);
        };
        QTest::newRow("bad level")
            << changed(u"level"_s, u"loud"_s) << 422 << u"invalid_settings"_s << u"level"_s;
        QTest::newRow("start 25:00") << quiet(u"start"_s, u"25:00"_s) << 422
                                     << u"invalid_settings"_s << u"quiet_hours.start"_s;
        QTest::newRow("end 7 o'clock")
            << quiet(u"end"_s, u"7"_s) << 422 << u"invalid_settings"_s << u"quiet_hours.end"_s;
        QTest::newRow("unknown day") << quiet(u"days"_s, QJsonArray{u"someday"_s}) << 422
                                     << u"invalid_settings"_s << u"quiet_hours.days"_s;
        QTest::newRow("negative mute")
            << changed(u"muted_until"_s, -1) << 422 << u"invalid_settings"_s << u"muted_until"_s;
        QTest::newRow("preview as text")
            << changed(u"preview"_s, u"no"_s) << 422 << u"invalid_settings"_s << u"preview"_s;
        QTest::newRow("missing field")
            << json({{u"level"_s, u"all"_s}}) << 422 << u"invalid_settings"_s << u"muted_until"_s;
        QTest::newRow("malformed JSON")
            << QByteArray("{\"level\": ") << 400 << u"bad_request"_s << QString();
        QTest::newRow("an array") << QByteArray("[]") << 400 << u"bad_request"_s << QString();
    }

    void badInputIsRefusedClearly()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QStringList workspaces;
        const QString token = signIn(u"daniel.cho@moim.example"_s, &workspaces);
        QVERIFY(!workspaces.isEmpty());
        const HttpResult before = call("GET", settingsPath(workspaces.first()), {}, token);
        const HttpResult refused = call("PUT", settingsPath(workspaces.first()), body, token);
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.errorCode(), code);
        QCOMPARE(refused.errorField(), field);
        QVERIFY(
            !refused.json.value("error"_L1).toObject().value("message"_L1).toString().isEmpty());
        // Nothing was stored.
        QCOMPARE(call("GET", settingsPath(workspaces.first()), {}, token).json, before.json);
    }

    void onlyMembersReachAWorkspacesSettings()
    {
        QStringList jiminWorkspaces;
        signIn(u"jimin.kim@moim.example"_s, &jiminWorkspaces);
        QStringList alexWorkspaces;
        const QString alex = signIn(u"alex.park@moim.example"_s, &alexWorkspaces);
        QString notAlexs;
        for (const QString &id : std::as_const(jiminWorkspaces)) {
            if (!alexWorkspaces.contains(id))
                notAlexs = id;
        }
        QVERIFY(!notAlexs.isEmpty());
        const QByteArray body = json(evenings().toJson());
        QCOMPARE(call("PUT", settingsPath(notAlexs), body, alex).errorCode(), u"forbidden"_s);
        QCOMPARE(call("GET", settingsPath(notAlexs), {}, alex).status, 403);
        QCOMPARE(call("PUT", settingsPath(u"w_nope"_s), body, alex).status, 404);
        QCOMPARE(call("PUT", settingsPath(notAlexs), body, {}).status, 401);
        QCOMPARE(call("GET", path::NotificationSettings, {}, u"not-a-token"_s).errorCode(),
                 u"invalid_token"_s);
        // Alex's list names only Alex's workspaces.
        const QJsonArray alexAll =
            call("GET", path::NotificationSettings, {}, alex).json.value("workspaces"_L1).toArray();
        QCOMPARE(alexAll.size(), alexWorkspaces.size());
    }

    void aChangeReachesTheUsersOtherClientsLive()
    {
        QStringList workspaces;
        const QString desk = signIn(u"hayoon.jung@moim.example"_s, &workspaces);
        const QString laptop = signIn(u"hayoon.jung@moim.example"_s);
        const QString other = signIn(u"alex.park@moim.example"_s);
        EventClient deskEvents, laptopEvents, otherEvents;
        QVERIFY(openEvents(deskEvents, desk));
        QVERIFY(openEvents(laptopEvents, laptop));
        QVERIFY(openEvents(otherEvents, other));

        NotificationSettings muted = evenings();
        muted.mutedForever = true;
        QCOMPARE(call("PUT", settingsPath(workspaces.first()), json(muted.toJson()), desk).status,
                 200);
        const auto event = "notification_settings.changed"_L1;
        QTRY_COMPARE(laptopEvents.ofType(event).size(), 1);
        const QJsonObject frame = laptopEvents.ofType(event).first();
        QCOMPARE(frame.value("workspace_id"_L1).toString(), workspaces.first());
        QCOMPARE(frame.value("settings"_L1).toObject(), muted.toJson());
        QTRY_COMPARE(deskEvents.ofType(event).size(), 1);
        // Nobody else hears about it (it would have come with the others).
        QCOMPARE(otherEvents.ofType(event).size(), 0);

        // A refused change tells nobody.
        call("PUT", settingsPath(workspaces.first()), "{\"level\":\"loud\"}", desk);
        QCOMPARE(call("GET", settingsPath(workspaces.first()), {}, desk)
                     .json.value("settings"_L1)
                     .toObject(),
                 muted.toJson());
        QCOMPARE(laptopEvents.ofType(event).size(), 1);
    }

    void settingsSurviveARestart()
    {
        QStringList workspaces;
        const QString token = signIn(u"sarah.lee@moim.example"_s, &workspaces);
        QVERIFY(!workspaces.isEmpty());
        NotificationSettings settings = evenings();
        settings.mutedUntil = 1795000000;
        settings.sound = false;
        QCOMPARE(
            call("PUT", settingsPath(workspaces.first()), json(settings.toJson()), token).status,
            200);

        m_server.reset();
        QVERIFY(start());
        const QString again = signIn(u"sarah.lee@moim.example"_s);
        const HttpResult stored = call("GET", settingsPath(workspaces.first()), {}, again);
        QCOMPARE(stored.status, 200);
        QCOMPARE(stored.json.value("settings"_L1).toObject(), settings.toJson());
    }
};

QTEST_GUILESS_MAIN(TestNotificationSettingsServer)
#include "test_notification_settings_server.moc"
