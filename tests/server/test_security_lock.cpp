// The 2-step lock of a workspace on every path, security mails and link hygiene, in-process over
// real HTTP and real WebSockets. Each test performs an attack and asserts the defence: a session
// that has not passed 2-step reading, writing or listening to a workspace that requires it; a
// password-only session outliving the owner turning 2-step on; a change or a sign-in the owner
// is not told about; an old reset link after a password change; a refresh token replayed after
// its chain moved on.
#include "account_store.h"
#include "admin_token.h"
#include "demo_seeder.h"
#include "mailbox.h"
#include "message_store.h"
#include "mock_server.h"
#include "token_service.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <otp/totp.h>
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

const QByteArray Client = "moim-desktop/0.1.0";
const auto Password = u"seoul-spring-gathering"_s;
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Daniel = u"daniel.cho@moim.example"_s;
const auto Minji = u"minji.choi@moim.example"_s;

struct Reply
{
    int status = 0;
    QJsonObject json;
    QString errorCode() const
    {
        return json.value("error"_L1).toObject().value("code"_L1).toString();
    }
    QJsonValue errorField(QLatin1StringView name) const
    {
        return json.value("error"_L1).toObject().value(name);
    }
};

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A WebSocket (event stream or login channel) and every frame it received.
struct Socket
{
    QWebSocket socket;
    QList<QJsonObject> frames;
    QString secret = u"desktop-secret-"_s + QString::number(QRandomGenerator::global()->generate());

    Socket()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &frame) {
                             frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
                         });
    }

    bool open(const QUrl &base, QLatin1StringView socketPath)
    {
        QUrl url = base;
        url.setScheme(u"ws"_s);
        url.setPath(QString(socketPath));
        QNetworkRequest request(url);
        request.setRawHeader(moim::protocol::ClientHeader, Client);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        return connected.wait(5000);
    }

    void send(const QJsonObject &frame)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson()));
    }

    QString secretHash() const
    {
        return base64Url(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256));
    }

    // The newest frame of this type (empty when none came yet).
    QJsonObject last(const QString &type) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (it->value("type"_L1).toString() == type)
                return *it;
        }
        return {};
    }

    // Every frame of this type, oldest first.
    QList<QJsonObject> all(const QString &type) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &frame : frames) {
            if (frame.value("type"_L1).toString() == type)
                found.append(frame);
        }
        return found;
    }
};

// The message bodies of message.created frames.
QStringList createdBodies(const Socket &events)
{
    QStringList bodies;
    for (const QJsonObject &frame : events.all(u"message.created"_s))
        bodies.append(frame.value("message"_L1).toObject().value("body"_L1).toString());
    return bodies;
}

} // namespace

class TestSecurityLock : public QObject
{
    Q_OBJECT

    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;

    Reply call(QByteArrayView method, const QString &apiPath, const QJsonObject &body = {},
               const QString &bearer = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(moim::protocol::ClientHeader, Client);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        QNetworkReply *reply = method == "GET"
                                   ? m_network.get(request)
                                   : m_network.sendCustomRequest(request, method.toByteArray(),
                                                                 QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    Reply post(const QString &apiPath, const QJsonObject &body, const QString &bearer = {})
    {
        return call("POST", apiPath, body, bearer);
    }

    Reply login(const QString &email, const QString &deviceName = u"test-desktop"_s,
                const QString &kind = u"desktop"_s)
    {
        return post(path::Login, {{u"email"_s, email},
                                  {u"password"_s, Password},
                                  {u"device"_s, QJsonObject{{u"name"_s, deviceName},
                                                            {u"os"_s, u"TestOS"_s},
                                                            {u"kind"_s, kind}}}});
    }

    QString userId(const QString &email) { return m_server->accounts().findByEmail(email)->id; }

    QString adminToken() { return AdminToken::read(m_dir->path()); }

    // The id of a demo workspace by its English name (Minji is in the one Jimin is not in).
    QString workspaceId(const QString &nameEn)
    {
        for (const QString &email : {Jimin, Minji}) {
            const QJsonArray all = m_server->accounts().activeWorkspaces(userId(email));
            for (const QJsonValue &workspace : all) {
                if (workspace.toObject().value("name_en"_L1).toString() == nameEn)
                    return workspace.toObject().value("id"_L1).toString();
            }
        }
        return {};
    }

    // The channels of a workspace.
    QSet<QString> channelsOf(const QString &workspace)
    {
        QSet<QString> channels;
        const QJsonArray conversations =
            m_server->accounts().conversations(userId(Jimin), workspace);
        for (const QJsonValue &conversation : conversations) {
            if (conversation.toObject().value("kind"_L1).toString() == u"channel"_s)
                channels.insert(conversation.toObject().value("id"_L1).toString());
        }
        return channels;
    }

    // The conversations of the messages a catch-up returned.
    static QSet<QString> conversationsIn(const Reply &sync)
    {
        QSet<QString> conversations;
        for (const QJsonValue &message : sync.json.value("messages"_L1).toArray())
            conversations.insert(message.toObject().value("conversation_id"_L1).toString());
        return conversations;
    }

    // Posts as a member through the admin API (no session of that member involved).
    bool postAs(const QString &email, const QString &conversation, const QString &body)
    {
        return post(path::AdminMessages,
                    {{u"email"_s, email}, {u"conversation_id"_s, conversation}, {u"body"_s, body}},
                    adminToken())
                   .status == 200;
    }

    std::unique_ptr<Socket> events(const QString &access)
    {
        auto socket = std::make_unique<Socket>();
        if (!socket->open(m_server->url(), path::Events))
            return nullptr;
        socket->send({{u"type"_s, u"auth"_s}, {u"access_token"_s, access}});
        if (!QTest::qWaitFor([&] { return !socket->last(u"ready"_s).isEmpty(); }, 5000))
            return nullptr;
        return socket;
    }

    // Turns 2-step on from the session of `access`; returns the secret.
    QByteArray enrol(const QString &access)
    {
        const QString secret =
            post(path::TwoStepSetup, {}, access).json.value("secret"_L1).toString();
        const auto bytes = moim::otp::Totp::fromBase32(secret);
        if (!bytes)
            return {};
        const Reply enabled = post(path::TwoStepEnable, {{u"code"_s, currentCode(*bytes)}}, access);
        return enabled.status == 200 ? *bytes : QByteArray();
    }

    // A fresh code: the clock moves on a step first, so no code is ever a replay.
    QString currentCode(const QByteArray &secret)
    {
        m_server->clock().advance(30);
        return moim::otp::Totp::generate(secret, m_server->clock().now());
    }

    // The mails of this kind to `to`, newest first.
    QList<Mailbox::Mail> mailsTo(const QString &to, const QString &kind)
    {
        QList<Mailbox::Mail> found;
        for (const Mailbox::Mail &mail : m_server->mailbox().newestFirst()) {
            if (mail.recipient == to && mail.kind == kind)
                found.append(mail);
        }
        return found;
    }

    // Whether a "new sign-in" mail to `to` names this device.
    bool newSignInMailed(const QString &to, const QString &deviceName)
    {
        const auto mails = mailsTo(to, u"new_sign_in"_s);
        return std::any_of(mails.cbegin(), mails.cend(), [&](const Mailbox::Mail &mail) {
            return mail.body.contains(deviceName);
        });
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir->path();
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        m_server = std::make_unique<MockServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        m_server.reset();
        delete m_dir;
        m_dir = nullptr;
    }

    void lockedWorkspaceIsClosedToASessionWithout2Step()
    {
        const QString hq = workspaceId(u"Moim HQ"_s);
        const QString design = workspaceId(u"Design Studio"_s);
        const QSet<QString> hqChannels = channelsOf(hq);
        const QSet<QString> designChannels = channelsOf(design);
        QVERIFY(!hqChannels.isEmpty() && !designChannels.isEmpty());
        const QString hqChannel = *hqChannels.cbegin();
        const QString designChannel = *designChannels.cbegin();

        // Daniel (HQ and Design) signs in with his password; then HQ starts requiring 2-step.
        const QString access = login(Daniel).json.value("access_token"_L1).toString();
        QVERIFY(!access.isEmpty());
        auto stream = events(access);
        QVERIFY(stream);
        QStringList members;
        QVERIFY(m_server->accounts().setRequireTwoStep(u"Moim HQ"_s, true, &members));

        // The catch-up leaves HQ out entirely: no message, no read state; Design stays.
        const Reply sync = call("GET", path::Sync + u"?after_seq=0"_s, {}, access);
        QCOMPARE(sync.status, 200);
        QVERIFY(!conversationsIn(sync).intersects(hqChannels));
        QVERIFY(conversationsIn(sync).intersects(designChannels));
        const QJsonArray readState = sync.json.value("read_state"_L1).toArray();
        QVERIFY(!readState.isEmpty());
        for (const QJsonValue &state : readState)
            QVERIFY(state.toObject().value("workspace_id"_L1).toString() != hq);

        // Every call scoped to HQ answers two_step_required.
        const QString messages = path::ConversationsBase + hqChannel + path::MessagesSuffix;
        const QString read = path::ConversationsBase + hqChannel + path::ReadSuffix;
        const QString settings = path::Workspaces + hq + path::NotificationSettingsSuffix;
        const QList<Reply> refused{
            call("GET", path::Workspaces + hq + path::Conversations, {}, access),
            call("GET", messages, {}, access),
            post(messages, {{u"body"_s, u"let me in"_s}, {u"client_id"_s, u"c-1"_s}}, access),
            post(read, {{u"seq"_s, 1}}, access),
            call("GET", settings, {}, access),
            call("PUT", settings, {{u"level"_s, u"all"_s}}, access),
        };
        for (const Reply &reply : refused) {
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.errorCode(), u"two_step_required"_s);
        }
        const QJsonArray allSettings = call("GET", path::NotificationSettings, {}, access)
                                           .json.value("workspaces"_L1)
                                           .toArray();
        QVERIFY(!allSettings.isEmpty());
        for (const QJsonValue &entry : allSettings)
            QVERIFY(entry.toObject().value("workspace_id"_L1).toString() != hq);
        // Design is not locked: the same calls work there.
        QCOMPARE(
            call("GET", path::ConversationsBase + designChannel + path::MessagesSuffix, {}, access)
                .status,
            200);

        // Live: an HQ message never reaches the stream; Design's, sent after it, does.
        QVERIFY(postAs(Minji, hqChannel, u"HQ secret plan"_s));
        QVERIFY(postAs(Alex, designChannel, u"Design hello"_s));
        QTRY_VERIFY(createdBodies(*stream).contains(u"Design hello"_s));
        QVERIFY(!createdBodies(*stream).contains(u"HQ secret plan"_s));

        // A session of an account with 2-step on that never passed it (from before this rule)
        // stays shut out as well: the lock is a property of the session, not only of the user.
        const QString jiminAccess = login(Jimin).json.value("access_token"_L1).toString();
        QVERIFY(!enrol(jiminAccess).isEmpty());
        const auto unproven = m_server->tokens().createSession(
            userId(Jimin), {u"old-laptop"_s, u"TestOS"_s, u"desktop"_s});
        QVERIFY(unproven);
        QCOMPARE(call("GET", messages, {}, unproven->accessToken).errorCode(),
                 u"two_step_required"_s);
        const Reply unprovenGrant = call("GET", path::Me, {}, unproven->accessToken);
        QCOMPARE(unprovenGrant.json.value("workspaces"_L1)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("locked"_L1)
                     .toString(),
                 u"two_step_required"_s);

        // The session that passed 2-step (by turning it on) has HQ on every path, live too.
        auto passedStream = events(jiminAccess);
        QVERIFY(passedStream);
        const Reply passedSync = call("GET", path::Sync + u"?after_seq=0"_s, {}, jiminAccess);
        QVERIFY(conversationsIn(passedSync).intersects(hqChannels));
        QCOMPARE(call("GET", messages, {}, jiminAccess).status, 200);
        QCOMPARE(
            post(messages, {{u"body"_s, u"welcome"_s}, {u"client_id"_s, u"c-2"_s}}, jiminAccess)
                .status,
            200);
        QCOMPARE(post(read, {{u"seq"_s, 1}}, jiminAccess).status, 204);
        QCOMPARE(call("GET", settings, {}, jiminAccess).status, 200);
        QTRY_VERIFY(createdBodies(*passedStream).contains(u"welcome"_s));
        QVERIFY(!passedStream->last(u"read.updated"_s).isEmpty());
        // Daniel's stream never saw Jimin's HQ message or read mark either.
        QVERIFY(postAs(Alex, designChannel, u"Design again"_s));
        QTRY_VERIFY(createdBodies(*stream).contains(u"Design again"_s));
        QVERIFY(!createdBodies(*stream).contains(u"welcome"_s));
    }

    void turningTwoStepOnEndsPasswordOnlySessionsAndSaysSo()
    {
        const Reply desktop = login(Jimin, u"jimin-desktop"_s);
        const Reply phone = login(Jimin, u"jimin-phone"_s, u"mobile"_s);
        const QString phoneAccess = phone.json.value("access_token"_L1).toString();
        auto phoneStream = events(phoneAccess);
        QVERIFY(phoneStream);
        QStringList members;
        QVERIFY(m_server->accounts().setRequireTwoStep(u"Moim HQ"_s, true, &members));

        const QString access = desktop.json.value("access_token"_L1).toString();
        QVERIFY(!enrol(access).isEmpty());
        // The phone's password-only session ends at once, and is told why.
        QTRY_COMPARE(phoneStream->last(u"session.revoked"_s).value("reason"_L1).toString(),
                     u"two_step_enabled"_s);
        QCOMPARE(post(path::Refresh, {{u"refresh_token"_s, phone.json.value("refresh_token"_L1)}})
                     .errorCode(),
                 u"invalid_token"_s);
        QCOMPARE(call("GET", path::Workspaces + workspaceId(u"Moim HQ"_s) + path::Conversations, {},
                      phoneAccess)
                     .errorCode(),
                 u"invalid_token"_s);
        // The session that turned it on stays, and HQ is open to it.
        QCOMPARE(call("GET", path::Workspaces + workspaceId(u"Moim HQ"_s) + path::Conversations, {},
                      access)
                     .status,
                 200);
        const auto mails = mailsTo(Jimin, u"two_step_enabled"_s);
        QCOMPARE(mails.size(), 1);
        QVERIFY(mails.first().body.contains(u"jimin-desktop"_s));
        QVERIFY(mails.first().body.contains(u"127.0.0.1"_s));
    }

    void everySecurityChangeIsMailed()
    {
        const QString access = login(Alex).json.value("access_token"_L1).toString();
        const QByteArray secret = enrol(access);
        QVERIFY(!secret.isEmpty());
        QCOMPARE(mailsTo(Alex, u"two_step_enabled"_s).size(), 1);

        QCOMPARE(post(path::RecoveryCodes, {{u"code"_s, currentCode(secret)}}, access).status, 200);
        QCOMPARE(mailsTo(Alex, u"recovery_codes_regenerated"_s).size(), 1);

        QCOMPARE(post(path::TwoStepDisable, {{u"code"_s, currentCode(secret)}}, access).status,
                 204);
        QCOMPARE(mailsTo(Alex, u"two_step_disabled"_s).size(), 1);

        QCOMPARE(post(path::ChangePassword,
                      {{u"current_password"_s, Password},
                       {u"new_password"_s, u"a-quieter-evening-in-busan"_s}},
                      access)
                     .status,
                 204);
        const auto changed = mailsTo(Alex, u"password_changed"_s);
        QCOMPARE(changed.size(), 1);
        QVERIFY(changed.first().body.contains(u"127.0.0.1"_s));
    }

    void aPasswordChangeKillsOutstandingResetLinks()
    {
        QCOMPARE(post(path::PasswordResetRequest, {{u"email"_s, Alex}}).status, 200);
        const auto resetMails = mailsTo(Alex, u"password_reset"_s);
        QCOMPARE(resetMails.size(), 1);
        const QString link = resetMails.first().links.value(0);
        const QString token = link.section(u'/', -1);
        QVERIFY(link.startsWith(u"moim://reset/"_s) && !token.isEmpty());
        QCOMPARE(post(path::PasswordResetPreview, {{u"token"_s, token}}).status, 200);

        // The owner changes the password in My account: the link mailed before is dead.
        const QString access = login(Alex).json.value("access_token"_L1).toString();
        QCOMPARE(post(path::ChangePassword,
                      {{u"current_password"_s, Password},
                       {u"new_password"_s, u"a-quieter-evening-in-busan"_s}},
                      access)
                     .status,
                 204);
        QCOMPARE(post(path::PasswordResetPreview, {{u"token"_s, token}}).errorCode(),
                 u"reset_used"_s);
        QCOMPARE(post(path::PasswordResetComplete,
                      {{u"token"_s, token}, {u"password"_s, u"someone-elses-new-password"_s}})
                     .errorCode(),
                 u"reset_used"_s);
        // The password is still the owner's.
        QCOMPARE(post(path::Login,
                      {{u"email"_s, Alex}, {u"password"_s, u"a-quieter-evening-in-busan"_s}})
                     .status,
                 200);
    }

    void everySignInPathMailsANewDevice()
    {
        // Password.
        QCOMPARE(login(Jimin, u"password-laptop"_s).status, 200);
        QVERIFY(newSignInMailed(Jimin, u"password-laptop"_s));
        // The same device again is not news.
        const int before = mailsTo(Jimin, u"new_sign_in"_s).size();
        QCOMPARE(login(Jimin, u"password-laptop"_s).status, 200);
        QCOMPARE(mailsTo(Jimin, u"new_sign_in"_s).size(), before);

        // QR: Jimin's phone approves a desktop's QR session.
        const QString phone =
            login(Jimin, u"jimin-phone"_s, u"mobile"_s).json.value("access_token"_L1).toString();
        Socket qrDesktop;
        QVERIFY(qrDesktop.open(m_server->url(), path::LoginChannel));
        qrDesktop.send(
            {{u"type"_s, u"qr.start"_s},
             {u"request"_s, 1},
             {u"secret_hash"_s, qrDesktop.secretHash()},
             {u"device"_s, QJsonObject{{u"name"_s, u"qr-laptop"_s}, {u"os"_s, u"TestOS"_s}}}});
        QTRY_VERIFY(!qrDesktop.last(u"qr.code"_s).isEmpty());
        const QUrlQuery code(QUrl(qrDesktop.last(u"qr.code"_s).value("uri"_L1).toString()));
        const Reply scan = post(path::QrScan,
                                {{u"qr_session"_s, code.queryItemValue(u"s"_s)},
                                 {u"nonce"_s, code.queryItemValue(u"n"_s)}},
                                phone);
        QCOMPARE(scan.status, 200);
        QTRY_VERIFY(!qrDesktop.last(u"qr.scanned"_s).isEmpty());
        QCOMPARE(post(path::QrApprove,
                      {{u"request_id"_s, scan.json.value("request_id"_L1)},
                       {u"check_code"_s, qrDesktop.last(u"qr.scanned"_s).value("check_code"_L1)}},
                      phone)
                     .status,
                 200);
        QCOMPARE(post(path::QrRedeem, {{u"qr_session"_s, code.queryItemValue(u"s"_s)},
                                       {u"secret"_s, qrDesktop.secret}})
                     .status,
                 200);
        QVERIFY(newSignInMailed(Jimin, u"qr-laptop"_s));

        // Push: the phone of Jimin's linked personal account approves.
        Socket pushDesktop;
        QVERIFY(pushDesktop.open(m_server->url(), path::LoginChannel));
        pushDesktop.send(
            {{u"type"_s, u"push.start"_s},
             {u"request"_s, 1},
             {u"secret_hash"_s, pushDesktop.secretHash()},
             {u"personal_account"_s, QString::fromLatin1(DemoSeeder::JiminPersonal)},
             {u"device"_s, QJsonObject{{u"name"_s, u"push-laptop"_s}, {u"os"_s, u"TestOS"_s}}}});
        QTRY_VERIFY(!pushDesktop.last(u"push.pending"_s).isEmpty());
        const QJsonObject pending = pushDesktop.last(u"push.pending"_s);
        const QString personalPhone =
            post(path::PersonalLogin,
                 {{u"personal_account"_s, QString::fromLatin1(DemoSeeder::JiminPersonal)},
                  {u"password"_s, QString::fromLatin1(DemoSeeder::PersonalPassword)},
                  {u"device"_s, QJsonObject{{u"name"_s, u"phone"_s}}}})
                .json.value("token"_L1)
                .toString();
        QCOMPARE(post(path::PersonalApprove,
                      {{u"request_id"_s, pending.value("push_request"_L1)},
                       {u"check_code"_s, pending.value("check_code"_L1)}},
                      personalPhone)
                     .status,
                 200);
        QCOMPARE(post(path::PushRedeem, {{u"push_request"_s, pending.value("push_request"_L1)},
                                         {u"secret"_s, pushDesktop.secret}})
                     .status,
                 200);
        QVERIFY(newSignInMailed(Jimin, u"push-laptop"_s));

        // Invitation acceptance by an existing account.
        const Reply invited =
            post(path::AdminInvites,
                 {{u"email"_s, Jimin}, {u"workspace_id"_s, workspaceId(u"Busan Branch"_s)}},
                 adminToken());
        QCOMPARE(invited.status, 200);
        const QString inviteToken =
            mailsTo(Jimin, u"invite"_s).first().links.first().section(u'/', -1);
        QCOMPARE(
            post(path::InviteAccept, {{u"token"_s, inviteToken},
                                      {u"password"_s, Password},
                                      {u"device"_s, QJsonObject{{u"name"_s, u"invite-laptop"_s}}}})
                .status,
            200);
        QVERIFY(newSignInMailed(Jimin, u"invite-laptop"_s));

        // Password and 2-step code.
        const QString access = login(Alex).json.value("access_token"_L1).toString();
        const QByteArray secret = enrol(access);
        QVERIFY(!secret.isEmpty());
        const Reply challenge = login(Alex, u"two-step-laptop"_s);
        QCOMPARE(challenge.errorCode(), u"second_factor_required"_s);
        QVERIFY(!newSignInMailed(Alex, u"two-step-laptop"_s));
        QCOMPARE(
            post(path::SecondFactor, {{u"challenge_id"_s, challenge.errorField("challenge_id"_L1)},
                                      {u"code"_s, currentCode(secret)}})
                .status,
            200);
        QVERIFY(newSignInMailed(Alex, u"two-step-laptop"_s));
    }

    void aReplayAfterTheChainMovedOnRevokesTheSession()
    {
        const Reply first = login(Jimin);
        const QString stolen = first.json.value("refresh_token"_L1).toString();
        const Reply second = post(path::Refresh, {{u"refresh_token"_s, stolen}});
        QCOMPARE(second.status, 200);
        // A lost answer replayed at once still gets the unused successor.
        const Reply replayed = post(path::Refresh, {{u"refresh_token"_s, stolen}});
        QCOMPARE(replayed.status, 200);
        QCOMPARE(replayed.json.value("refresh_token"_L1), second.json.value("refresh_token"_L1));
        // The owner's client moves on; the thief replays the old token within the 30 s grace.
        const Reply third =
            post(path::Refresh, {{u"refresh_token"_s, second.json.value("refresh_token"_L1)}});
        QCOMPARE(third.status, 200);
        auto stream = events(third.json.value("access_token"_L1).toString());
        QVERIFY(stream);
        const Reply thief = post(path::Refresh, {{u"refresh_token"_s, stolen}});
        QCOMPARE(thief.errorCode(), u"invalid_token"_s);
        // The whole session ends: nobody holds a working token of that chain any more.
        QTRY_COMPARE(stream->last(u"session.revoked"_s).value("reason"_L1).toString(),
                     u"reuse_detected"_s);
        QCOMPARE(post(path::Refresh, {{u"refresh_token"_s, third.json.value("refresh_token"_L1)}})
                     .errorCode(),
                 u"invalid_token"_s);
        QCOMPARE(
            call("GET", path::Me, {}, third.json.value("access_token"_L1).toString()).errorCode(),
            u"invalid_token"_s);
    }
};

QTEST_GUILESS_MAIN(TestSecurityLock)
#include "test_security_lock.moc"
