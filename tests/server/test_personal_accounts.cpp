// Personal accounts on the server, in-process over real HTTP and real WebSockets: the
// provider's own sign-in, linking with the phone's approval (mailed), push sign-in on the login
// channel with number matching, the 60 s expiry, the cap of 3 waiting requests, denial and
// report, the 2-step check after an approval, and unlinking.
#include "account_store.h"
#include "admin_token.h"
#include "demo_seeder.h"
#include "mailbox.h"
#include "mock_server.h"
#include "personal_account_store.h"
#include "throttle.h"

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
#include <QWebSocket>
#include <otp/totp.h>
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

const QByteArray Client = "moim-desktop/0.1.0";
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto WorkPassword = u"seoul-spring-gathering"_s;
const QString JiminPersonal = QString::fromLatin1(DemoSeeder::JiminPersonal);
const QString AlexPersonal = QString::fromLatin1(DemoSeeder::AlexPersonal);
const QString PersonalPassword = QString::fromLatin1(DemoSeeder::PersonalPassword);

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

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

// A WebSocket and every frame it received.
struct Socket
{
    QWebSocket socket;
    QList<QJsonObject> frames;

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

    // The newest frame of this type (empty when none came yet).
    QJsonObject last(const QString &type) const
    {
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (it->value("type"_L1).toString() == type)
                return *it;
        }
        return {};
    }
};

// A desktop asking for a push sign-in on its login channel.
struct PushDesktop : Socket
{
    QString secret = u"desktop-secret-"_s + QString::number(QRandomGenerator::global()->generate());

    bool start(const QUrl &base, const QString &personalId,
               const QJsonObject &device = {{u"name"_s, u"jimin-laptop"_s}, {u"os"_s, u"TestOS"_s}})
    {
        if (!open(base, path::LoginChannel))
            return false;
        send({{u"type"_s, u"push.start"_s},
              {u"request"_s, 1},
              {u"secret_hash"_s,
               base64Url(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256))},
              {u"personal_account"_s, personalId},
              {u"device"_s, device}});
        return QTest::qWaitFor([this] { return !frames.isEmpty(); }, 5000);
    }
    QString requestId() const
    {
        return last(u"push.pending"_s).value("push_request"_L1).toString();
    }
    QString checkCode() const { return last(u"push.pending"_s).value("check_code"_L1).toString(); }
};

QString otherCode(const QString &code)
{
    return u"%1"_s.arg((code.toInt() + 37) % 100, 2, 10, QChar(u'0'));
}

} // namespace

class TestPersonalAccounts : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;

    Reply call(QByteArrayView method, QLatin1StringView apiPath, const QJsonObject &body = {},
               const QString &bearer = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(QString(apiPath))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(moim::protocol::ClientHeader, Client);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        QNetworkReply *reply = method == "GET"
                                   ? m_network.get(request)
                                   : m_network.post(request, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    Reply post(QLatin1StringView apiPath, const QJsonObject &body, const QString &bearer = {})
    {
        return call("POST", apiPath, body, bearer);
    }

    // A work session (desktop) of the demo account.
    QJsonObject workGrant(const QString &email)
    {
        return post(path::Login, {{u"email"_s, email},
                                  {u"password"_s, WorkPassword},
                                  {u"device"_s, QJsonObject{{u"name"_s, u"work-desktop"_s},
                                                            {u"os"_s, u"TestOS"_s}}}})
            .json;
    }

    // The phone's sign-in to a personal account; returns its token.
    QString phoneToken(const QString &personalId)
    {
        return post(path::PersonalLogin, {{u"personal_account"_s, personalId},
                                          {u"password"_s, PersonalPassword},
                                          {u"device"_s, QJsonObject{{u"name"_s, u"phone"_s}}}})
            .json.value("token"_L1)
            .toString();
    }

    QJsonArray pending(const QString &phone)
    {
        return call("GET", path::PersonalRequests, {}, phone).json.value("requests"_L1).toArray();
    }

    // The mails to `to`, newest first.
    QList<QJsonObject> mailsTo(const QString &to, const QString &kind)
    {
        QList<QJsonObject> found;
        const QJsonArray all = m_server->mailbox().toJson();
        for (const QJsonValue &value : all) {
            const QJsonObject mail = value.toObject();
            if (mail.value("to"_L1).toString() == to && mail.value("kind"_L1).toString() == kind)
                found.append(mail);
        }
        return found;
    }

    // An event stream authenticated as the session of `access`.
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

    void unlinkJimin()
    {
        const QString access = workGrant(Jimin).value("access_token"_L1).toString();
        post(path::PersonalLinkRemove, {}, access);
    }

    void relinkJimin()
    {
        const auto account = m_server->accounts().findByEmail(Jimin);
        QVERIFY(account);
        if (!m_server->personalAccounts().linkOfUser(account->id))
            QCOMPARE(m_server->personalAccounts().link(JiminPersonal, account->id),
                     PersonalAccountStore::LinkResult::Linked);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir.path();
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        m_server = std::make_unique<MockServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.reset(); }

    void init()
    {
        // Each test starts from the demo's state: jimin linked, no throttle, and the requests of
        // the tests before are over.
        relinkJimin();
        m_server->throttle().clear(Throttle::signInKeys(Jimin, QString(), u"127.0.0.1"_s) +
                                   Throttle::pushApprovalKeys(Jimin, JiminPersonal));
        m_server->clock().advance(61);
    }

    void personalIdsAreNormalised()
    {
        QCOMPARE(PersonalAccountStore::normaliseId(u"  Jimin@Personal.Example "_s),
                 u"jimin@personal.example"_s);
        QVERIFY(PersonalAccountStore::normaliseId(u"ab"_s).isEmpty());
        QVERIFY(PersonalAccountStore::normaliseId(u"two words"_s).isEmpty());
        QVERIFY(PersonalAccountStore::normaliseId(QString(101, u'a')).isEmpty());
        QVERIFY(PersonalAccountStore::normaliseId(u"tab\there"_s).isEmpty());
    }

    void thePhoneSignsInToThePersonalAccount()
    {
        const Reply ok =
            post(path::PersonalLogin, {{u"personal_account"_s, u"JIMIN@personal.example"_s},
                                       {u"password"_s, PersonalPassword}});
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.json.value("token"_L1).toString().size() >= 43);
        QCOMPARE(ok.json.value("personal_account"_L1).toObject().value("id"_L1).toString(),
                 JiminPersonal);

        // Unknown id and wrong password: one answer.
        const Reply wrong = post(path::PersonalLogin, {{u"personal_account"_s, JiminPersonal},
                                                       {u"password"_s, u"not-the-password"_s}});
        const Reply unknown =
            post(path::PersonalLogin, {{u"personal_account"_s, u"nobody@personal.example"_s},
                                       {u"password"_s, u"not-the-password"_s}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), u"invalid_credentials"_s);
        QCOMPARE(unknown.errorCode(), u"invalid_credentials"_s);
        QCOMPARE(post(path::PersonalLogin, {{u"personal_account"_s, JiminPersonal}}).errorCode(),
                 u"bad_request"_s);

        // Throttled like a work sign-in, on a key of its own.
        for (int i = 0; i < 5; ++i)
            post(path::PersonalLogin, {{u"personal_account"_s, u"nobody@personal.example"_s},
                                       {u"password"_s, u"not-the-password"_s}});
        const Reply throttled =
            post(path::PersonalLogin, {{u"personal_account"_s, u"nobody@personal.example"_s},
                                       {u"password"_s, u"not-the-password"_s}});
        QCOMPARE(throttled.errorCode(), u"too_many_attempts"_s);
        QVERIFY(throttled.errorField("retry_after"_L1).toInt() >= 1);
        QCOMPARE(m_server->throttle().failures(
                     Throttle::signInKeys(Jimin, QString(), u"127.0.0.1"_s).first()),
                 0);

        // Personal tokens are not work tokens, and the other way round.
        const QString phone = ok.json.value("token"_L1).toString();
        QCOMPARE(call("GET", path::Me, {}, phone).errorCode(), u"invalid_token"_s);
        const QString work = workGrant(Jimin).value("access_token"_L1).toString();
        QCOMPARE(call("GET", path::PersonalRequests, {}, work).errorCode(), u"invalid_token"_s);
    }

    void linkingNeedsThePhonesApprovalWithTheNumber()
    {
        const QJsonObject grant = workGrant(Alex);
        const QString access = grant.value("access_token"_L1).toString();
        auto stream = events(access);
        QVERIFY(stream);
        QCOMPARE(call("GET", path::PersonalLink, {}, access).json.value("personal_account"_L1),
                 QJsonValue(QJsonValue::Null));
        const QString phone = phoneToken(AlexPersonal);
        QVERIFY(!phone.isEmpty());

        const Reply started =
            post(path::PersonalLink, {{u"personal_account"_s, AlexPersonal}}, access);
        QCOMPARE(started.status, 200);
        const QString requestId = started.json.value("link_request"_L1).toString();
        const QString code = started.json.value("check_code"_L1).toString();
        QVERIFY(requestId.startsWith(u"p_"_s));
        QCOMPARE(code.size(), 2);
        QCOMPARE(started.json.value("expires_in"_L1).toInt(), 60);

        // The phone sees who asks and from where, but never the number.
        const QJsonArray listed = pending(phone);
        QCOMPARE(listed.size(), 1);
        const QJsonObject request = listed.first().toObject();
        QCOMPARE(request.value("kind"_L1).toString(), u"link"_s);
        QCOMPARE(request.value("request_id"_L1).toString(), requestId);
        QCOMPARE(request.value("work_account"_L1).toObject().value("email"_L1).toString(), Alex);
        QCOMPARE(request.value("ip"_L1).toString(), u"127.0.0.1"_s);
        QCOMPARE(request.value("device"_L1).toObject().value("name"_L1).toString(),
                 u"work-desktop"_s);
        QVERIFY(request.value("device"_L1).toObject().value("claimed"_L1).toBool());
        QVERIFY(!request.contains("check_code"_L1));
        QVERIFY(!QJsonDocument(request).toJson().contains("check_code"));

        // Nothing is linked until the approval; then the desktop hears it and a mail goes out.
        QVERIFY(mailsTo(Alex, u"personal_linked"_s).isEmpty());
        const Reply approved = post(path::PersonalApprove,
                                    {{u"request_id"_s, requestId}, {u"check_code"_s, code}}, phone);
        QCOMPARE(approved.status, 200);
        QTRY_VERIFY(!stream->last(u"personal_link.changed"_s).isEmpty());
        const QJsonObject changed = stream->last(u"personal_link.changed"_s);
        QCOMPARE(changed.value("link_request"_L1).toString(), requestId);
        QCOMPARE(changed.value("personal_account"_L1).toObject().value("id"_L1).toString(),
                 AlexPersonal);
        const auto mails = mailsTo(Alex, u"personal_linked"_s);
        QCOMPARE(mails.size(), 1);
        QVERIFY(mails.first().value("body"_L1).toString().contains(AlexPersonal));
        QCOMPARE(call("GET", path::PersonalLink, {}, access)
                     .json.value("personal_account"_L1)
                     .toObject()
                     .value("id"_L1)
                     .toString(),
                 AlexPersonal);
        QVERIFY(pending(phone).isEmpty());

        // A work account links one personal account; a second request is refused at once.
        QCOMPARE(
            post(path::PersonalLink, {{u"personal_account"_s, JiminPersonal}}, access).errorCode(),
            u"already_linked"_s);

        // Unlink: mailed, and every device of the user hears it.
        const Reply removed = post(path::PersonalLinkRemove, {}, access);
        QCOMPARE(removed.status, 204);
        QCOMPARE(mailsTo(Alex, u"personal_unlinked"_s).size(), 1);
        QTRY_VERIFY(stream->last(u"personal_link.changed"_s).value("personal_account"_L1).isNull());
        QCOMPARE(post(path::PersonalLinkRemove, {}, access).errorCode(), u"not_found"_s);
    }

    void aPersonalAccountLinksToOneWorkAccountOnly()
    {
        // jimin's personal account is linked to jimin; alex asks to link it.
        const QString access = workGrant(Alex).value("access_token"_L1).toString();
        auto stream = events(access);
        QVERIFY(stream);
        const Reply started =
            post(path::PersonalLink, {{u"personal_account"_s, JiminPersonal}}, access);
        // The same answer as for any id: the desktop learns nothing about other people's links.
        QCOMPARE(started.status, 200);
        const QString phone = phoneToken(JiminPersonal);
        const Reply approved = post(path::PersonalApprove,
                                    {{u"request_id"_s, started.json.value("link_request"_L1)},
                                     {u"check_code"_s, started.json.value("check_code"_L1)}},
                                    phone);
        QCOMPARE(approved.errorCode(), u"already_linked"_s);
        QTRY_COMPARE(stream->last(u"personal_link.ended"_s).value("reason"_L1).toString(),
                     u"already_linked"_s);
        const auto jimin = m_server->accounts().findByEmail(Jimin);
        QCOMPARE(m_server->personalAccounts().linkOfPersonal(JiminPersonal)->userId, jimin->id);
    }

    void anUnknownPersonalAccountLooksTheSameAndReachesNobody()
    {
        const QString access = workGrant(Alex).value("access_token"_L1).toString();
        const Reply started = post(path::PersonalLink,
                                   {{u"personal_account"_s, u"nobody@personal.example"_s}}, access);
        QCOMPARE(started.status, 200);
        QCOMPARE(started.json.keys(),
                 (QStringList{u"check_code"_s, u"expires_in"_s, u"link_request"_s}));
        // The desktop can withdraw it.
        QCOMPARE(post(path::PersonalLinkCancel,
                      {{u"link_request"_s, started.json.value("link_request"_L1)}}, access)
                     .status,
                 204);
        QCOMPARE(post(path::PersonalLink, {{u"personal_account"_s, u"x"_s}}, access).errorCode(),
                 u"bad_request"_s);

        PushDesktop desktop;
        QVERIFY(desktop.start(m_server->url(), u"nobody@personal.example"_s));
        QCOMPARE(desktop.frames.first().value("type"_L1).toString(), u"push.pending"_s);
        QCOMPARE(desktop.checkCode().size(), 2);
    }

    void aWrongLinkNumberEndsTheRequest()
    {
        unlinkJimin();
        const QString access = workGrant(Jimin).value("access_token"_L1).toString();
        auto stream = events(access);
        QVERIFY(stream);
        const Reply started =
            post(path::PersonalLink, {{u"personal_account"_s, JiminPersonal}}, access);
        const QString requestId = started.json.value("link_request"_L1).toString();
        const QString code = started.json.value("check_code"_L1).toString();
        const QString phone = phoneToken(JiminPersonal);
        QCOMPARE(post(path::PersonalApprove,
                      {{u"request_id"_s, requestId}, {u"check_code"_s, otherCode(code)}}, phone)
                     .errorCode(),
                 u"wrong_code"_s);
        QTRY_COMPARE(stream->last(u"personal_link.ended"_s).value("reason"_L1).toString(),
                     u"wrong_code"_s);
        QCOMPARE(post(path::PersonalApprove,
                      {{u"request_id"_s, requestId}, {u"check_code"_s, code}}, phone)
                     .errorCode(),
                 u"push_used"_s);
        const auto jimin = m_server->accounts().findByEmail(Jimin);
        QVERIFY(!m_server->personalAccounts().linkOfUser(jimin->id));
    }

    void pushSignInWithTheRightNumber()
    {
        // Failed sign-ins from anywhere else, however many, do not stop the owner's phone.
        for (int address = 1; address <= 5; ++address) {
            const auto keys = Throttle::signInKeys(Jimin, QString(), u"192.0.2.%1"_s.arg(address));
            for (int i = 0; i < 5; ++i)
                m_server->throttle().reserve(keys);
        }
        PushDesktop desktop;
        QVERIFY(desktop.start(m_server->url(), u" Jimin@Personal.example"_s));
        const QString requestId = desktop.requestId();
        const QString code = desktop.checkCode();
        QVERIFY(requestId.startsWith(u"p_"_s));
        QCOMPARE(desktop.last(u"push.pending"_s).value("expires_in"_L1).toInt(), 60);
        QCOMPARE(desktop.last(u"push.pending"_s).value("request"_L1).toInt(), 1);

        const QString phone = phoneToken(JiminPersonal);
        const QJsonArray listed = pending(phone);
        QCOMPARE(listed.size(), 1);
        const QJsonObject request = listed.first().toObject();
        QCOMPARE(request.value("kind"_L1).toString(), u"sign_in"_s);
        QCOMPARE(request.value("work_account"_L1).toObject().value("email"_L1).toString(), Jimin);
        QCOMPARE(request.value("device"_L1).toObject().value("name"_L1).toString(),
                 u"jimin-laptop"_s);
        QCOMPARE(request.value("device"_L1).toObject().value("os"_L1).toString(), u"TestOS"_s);
        QCOMPARE(request.value("ip"_L1).toString(), u"127.0.0.1"_s);
        QVERIFY(request.value("expires_in"_L1).toInt() > 50);

        // Another personal account's phone cannot answer it.
        const QString otherPhone = phoneToken(AlexPersonal);
        QVERIFY(pending(otherPhone).isEmpty());
        QCOMPARE(post(path::PersonalApprove,
                      {{u"request_id"_s, requestId}, {u"check_code"_s, code}}, otherPhone)
                     .errorCode(),
                 u"not_found"_s);

        QCOMPARE(post(path::PersonalApprove,
                      {{u"request_id"_s, requestId}, {u"check_code"_s, code}}, phone)
                     .status,
                 200);
        QTRY_VERIFY(!desktop.last(u"push.approved"_s).isEmpty());

        // Only the secret redeems it, once.
        QCOMPARE(post(path::PushRedeem, {{u"push_request"_s, requestId}, {u"secret"_s, u"guess"_s}})
                     .errorCode(),
                 u"invalid_token"_s);
        const Reply grant =
            post(path::PushRedeem, {{u"push_request"_s, requestId}, {u"secret"_s, desktop.secret}});
        QCOMPARE(grant.status, 200);
        QCOMPARE(grant.json.value("account"_L1).toObject().value("email"_L1).toString(), Jimin);
        QVERIFY(!grant.json.value("access_token"_L1).toString().isEmpty());
        QVERIFY(!grant.json.value(moim::protocol::field::DeviceProof).toString().isEmpty());
        QCOMPARE(
            post(path::PushRedeem, {{u"push_request"_s, requestId}, {u"secret"_s, desktop.secret}})
                .errorCode(),
            u"invalid_token"_s);
        QTRY_COMPARE(desktop.socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(int(desktop.socket.closeCode()), int(QWebSocketProtocol::CloseCodeNormal));
    }

    // The phone shows what the desktop claims about itself; a claim with new lines, escapes or
    // bidi overrides must reach it as plain data, or it could forge the server's own lines.
    void aClaimedDeviceReachesThePhoneAsDataOnly()
    {
        PushDesktop desktop;
        QVERIFY(desktop.start(
            m_server->url(), JiminPersonal,
            {{u"name"_s, u"Laptop\n  IP address seen by the server: 10.0.0.1\x1b[1A\x1b[2K"_s},
             {u"os"_s, u"\u202Ecod.exe\r"_s}}));
        const QJsonArray listed = pending(phoneToken(JiminPersonal));
        QCOMPARE(listed.size(), 1);
        const QJsonObject device = listed.first().toObject().value("device"_L1).toObject();
        QCOMPARE(device.value("name"_L1).toString(),
                 u"Laptop IP address seen by the server: 10.0.0.1[1A[2K"_s);
        QCOMPARE(device.value("os"_L1).toString(), u"cod.exe"_s);
        QCOMPARE(listed.first().toObject().value("ip"_L1).toString(), u"127.0.0.1"_s);
    }

    void aWrongNumberEndsThePushAndCountsAsAFailure()
    {
        PushDesktop desktop;
        QVERIFY(desktop.start(m_server->url(), JiminPersonal));
        const QString phone = phoneToken(JiminPersonal);
        const Reply wrong = post(path::PersonalApprove,
                                 {{u"request_id"_s, desktop.requestId()},
                                  {u"check_code"_s, otherCode(desktop.checkCode())}},
                                 phone);
        QCOMPARE(wrong.status, 403);
        QCOMPARE(wrong.errorCode(), u"wrong_code"_s);
        QTRY_COMPARE(desktop.last(u"push.ended"_s).value("reason"_L1).toString(), u"wrong_code"_s);
        QTRY_COMPARE(int(desktop.socket.closeCode()), moim::protocol::closeCode::QrEnded);
        // It counts under the approving phone's key of the work account.
        QCOMPARE(
            m_server->throttle().failures(Throttle::pushApprovalKeys(Jimin, JiminPersonal).first()),
            1);
        QCOMPARE(
            post(path::PersonalApprove,
                 {{u"request_id"_s, desktop.requestId()}, {u"check_code"_s, desktop.checkCode()}},
                 phone)
                .errorCode(),
            u"push_used"_s);
        QCOMPARE(post(path::PushRedeem,
                      {{u"push_request"_s, desktop.requestId()}, {u"secret"_s, desktop.secret}})
                     .errorCode(),
                 u"invalid_token"_s);
    }

    void aDenialIsPushedAndAReportBlocksPushes()
    {
        PushDesktop denied;
        QVERIFY(denied.start(m_server->url(), JiminPersonal));
        const QString phone = phoneToken(JiminPersonal);
        QCOMPARE(post(path::PersonalDeny, {{u"request_id"_s, denied.requestId()}}, phone).status,
                 200);
        QTRY_COMPARE(denied.last(u"push.ended"_s).value("reason"_L1).toString(), u"denied"_s);

        PushDesktop reported;
        PushDesktop waiting;
        QVERIFY(reported.start(m_server->url(), JiminPersonal));
        QVERIFY(waiting.start(m_server->url(), JiminPersonal));
        const Reply report =
            post(path::PersonalDeny, {{u"request_id"_s, reported.requestId()}, {u"report"_s, true}},
                 phone);
        QCOMPARE(report.status, 200);
        QCOMPARE(report.json.value("blocked_for"_L1).toInt(), 3600);
        QTRY_COMPARE(reported.last(u"push.ended"_s).value("reason"_L1).toString(), u"reported"_s);
        // The other request that was waiting ends too.
        QTRY_COMPARE(waiting.last(u"push.ended"_s).value("reason"_L1).toString(), u"reported"_s);
        QCOMPARE(mailsTo(Jimin, u"push_reported"_s).size(), 1);

        PushDesktop refused;
        QVERIFY(refused.start(m_server->url(), JiminPersonal));
        QCOMPARE(refused.frames.first().value("code"_L1).toString(), u"push_blocked"_s);
        QVERIFY(refused.frames.first().value("retry_after"_L1).toInt() > 3500);
        QTRY_COMPARE(int(refused.socket.closeCode()), moim::protocol::closeCode::TooManyChannels);
        // Linking is a push too.
        unlinkJimin();
        const QString access = workGrant(Jimin).value("access_token"_L1).toString();
        QCOMPARE(
            post(path::PersonalLink, {{u"personal_account"_s, JiminPersonal}}, access).errorCode(),
            u"push_blocked"_s);

        // An hour later pushes work again.
        m_server->clock().advance(3601);
        relinkJimin();
        PushDesktop again;
        QVERIFY(again.start(m_server->url(), JiminPersonal));
        QCOMPARE(again.frames.first().value("type"_L1).toString(), u"push.pending"_s);
    }

    void aRequestExpiresAfterSixtySeconds()
    {
        PushDesktop desktop;
        QVERIFY(desktop.start(m_server->url(), JiminPersonal));
        const QString phone = phoneToken(JiminPersonal);
        QCOMPARE(pending(phone).size(), 1);
        m_server->clock().advance(61);
        QTRY_COMPARE_WITH_TIMEOUT(desktop.last(u"push.ended"_s).value("reason"_L1).toString(),
                                  u"expired"_s, 5000);
        QVERIFY(pending(phone).isEmpty());
        const QString code = desktop.checkCode();
        const Reply late =
            post(path::PersonalApprove,
                 {{u"request_id"_s, desktop.requestId()}, {u"check_code"_s, code}}, phone);
        QVERIFY2(late.errorCode() == u"push_used"_s || late.errorCode() == u"push_expired"_s,
                 qPrintable(late.errorCode()));
    }

    void atMostThreeRequestsWaitPerPersonalAccount()
    {
        for (const QString &id : {JiminPersonal, u"nobody@personal.example"_s}) {
            std::vector<std::unique_ptr<PushDesktop>> desktops;
            for (int i = 0; i < 3; ++i) {
                desktops.push_back(std::make_unique<PushDesktop>());
                QVERIFY(desktops.back()->start(m_server->url(), id));
                QCOMPARE(desktops.back()->frames.first().value("type"_L1).toString(),
                         u"push.pending"_s);
            }
            // The fourth is refused, alike for an account that exists and one that does not.
            PushDesktop fourth;
            QVERIFY(fourth.start(m_server->url(), id));
            QCOMPARE(fourth.frames.first().value("code"_L1).toString(), u"too_many_pending"_s);
            const int retry = fourth.frames.first().value("retry_after"_L1).toInt();
            QVERIFY2(retry >= 1 && retry <= 60, qPrintable(QString::number(retry)));
            // Closing a channel withdraws its request.
            desktops.front()->socket.close();
            QTRY_VERIFY(desktops.front()->socket.state() == QAbstractSocket::UnconnectedState);
            PushDesktop fifth;
            QTRY_VERIFY([&] {
                fifth.frames.clear();
                fifth.socket.abort();
                return fifth.start(m_server->url(), id) &&
                       fifth.frames.first().value("type"_L1).toString() == u"push.pending"_s;
            }());
            if (id == JiminPersonal) {
                // A linking request counts in the same inbox of the phone.
                unlinkJimin();
                const QString access = workGrant(Jimin).value("access_token"_L1).toString();
                QCOMPARE(post(path::PersonalLink, {{u"personal_account"_s, JiminPersonal}}, access)
                             .errorCode(),
                         u"too_many_pending"_s);
            }
        }
    }

    void twoStepStillFollowsTheApproval()
    {
        const QString access = workGrant(Alex).value("access_token"_L1).toString();
        const QString secret =
            post(path::TwoStepSetup, {}, access).json.value("secret"_L1).toString();
        const auto secretBytes = moim::otp::Totp::fromBase32(secret);
        QVERIFY(secretBytes);
        QCOMPARE(
            post(path::TwoStepEnable,
                 {{u"code"_s, moim::otp::Totp::generate(*secretBytes, m_server->clock().now())}},
                 access)
                .status,
            200);
        const auto alex = m_server->accounts().findByEmail(Alex);
        QCOMPARE(m_server->personalAccounts().link(AlexPersonal, alex->id),
                 PersonalAccountStore::LinkResult::Linked);

        PushDesktop desktop;
        QVERIFY(desktop.start(m_server->url(), AlexPersonal));
        const QString phone = phoneToken(AlexPersonal);
        QCOMPARE(
            post(path::PersonalApprove,
                 {{u"request_id"_s, desktop.requestId()}, {u"check_code"_s, desktop.checkCode()}},
                 phone)
                .status,
            200);
        const Reply redeemed = post(path::PushRedeem, {{u"push_request"_s, desktop.requestId()},
                                                       {u"secret"_s, desktop.secret}});
        QCOMPARE(redeemed.errorCode(), u"second_factor_required"_s);
        QVERIFY(redeemed.json.value("access_token"_L1).isUndefined());
        const QString challenge = redeemed.errorField("challenge_id"_L1).toString();
        QVERIFY(!challenge.isEmpty());
        m_server->clock().advance(30);
        const Reply grant =
            post(path::SecondFactor,
                 {{u"challenge_id"_s, challenge},
                  {u"code"_s, moim::otp::Totp::generate(*secretBytes, m_server->clock().now())}});
        QCOMPARE(grant.status, 200);
        QCOMPARE(grant.json.value("account"_L1).toObject().value("email"_L1).toString(), Alex);
    }

    void unlinkingEndsPushSignIn()
    {
        PushDesktop approved;
        QVERIFY(approved.start(m_server->url(), JiminPersonal));
        const QString phone = phoneToken(JiminPersonal);
        QCOMPARE(
            post(path::PersonalApprove,
                 {{u"request_id"_s, approved.requestId()}, {u"check_code"_s, approved.checkCode()}},
                 phone)
                .status,
            200);
        unlinkJimin();
        QCOMPARE(mailsTo(Jimin, u"personal_unlinked"_s).size() >= 1, true);
        // An approval given before the unlink no longer redeems…
        QCOMPARE(post(path::PushRedeem,
                      {{u"push_request"_s, approved.requestId()}, {u"secret"_s, approved.secret}})
                     .errorCode(),
                 u"invalid_token"_s);
        // …and new requests never reach the phone.
        PushDesktop after;
        QVERIFY(after.start(m_server->url(), JiminPersonal));
        QCOMPARE(after.frames.first().value("type"_L1).toString(), u"push.pending"_s);
        QVERIFY(pending(phone).isEmpty());
        QCOMPARE(post(path::PersonalApprove,
                      {{u"request_id"_s, after.requestId()}, {u"check_code"_s, after.checkCode()}},
                      phone)
                     .errorCode(),
                 u"not_found"_s);
    }

    void aDeactivatedAccountIsRefusedAtApproval()
    {
        PushDesktop desktop;
        QVERIFY(desktop.start(m_server->url(), JiminPersonal));
        QString userId;
        QCOMPARE(m_server->accounts().setDeactivated(Jimin, true, &userId),
                 AccountStore::Result::Ok);
        const QString phone = phoneToken(JiminPersonal);
        const Reply refused =
            post(path::PersonalApprove,
                 {{u"request_id"_s, desktop.requestId()}, {u"check_code"_s, desktop.checkCode()}},
                 phone);
        QCOMPARE(m_server->accounts().setDeactivated(Jimin, false, &userId),
                 AccountStore::Result::Ok);
        QCOMPARE(refused.errorCode(), u"unauthorized_user"_s);
        QTRY_COMPARE(desktop.last(u"push.ended"_s).value("reason"_L1).toString(), u"refused"_s);
    }

    void badFirstFramesAreRefused()
    {
        PushDesktop noId;
        QVERIFY(noId.start(m_server->url(), u""_s));
        QCOMPARE(noId.frames.first().value("code"_L1).toString(), u"bad_request"_s);
        QTRY_COMPARE(noId.socket.state(), QAbstractSocket::UnconnectedState);

        Socket noHash;
        QVERIFY(noHash.open(m_server->url(), path::LoginChannel));
        noHash.send({{u"type"_s, u"push.start"_s}, {u"personal_account"_s, JiminPersonal}});
        QTRY_COMPARE(noHash.last(u"error"_s).value("code"_L1).toString(), u"bad_request"_s);
    }

    void theAdminCreatesPersonalAccounts()
    {
        const QJsonObject minji{{u"id"_s, u"Minji@Personal.example"_s},
                                {u"display_name"_s, u"최민지"_s},
                                {u"password"_s, u"jeju-tangerine-harvest"_s}};
        // Over the admin gate only: without the admin token it is forbidden.
        QCOMPARE(post(path::AdminPersonalAccounts, minji).errorCode(), u"forbidden"_s);
        const QString admin = AdminToken::read(m_dir.path());
        QVERIFY(!admin.isEmpty());
        const Reply created = post(path::AdminPersonalAccounts, minji, admin);
        QCOMPARE(created.status, 200);
        QCOMPARE(created.json.value("personal_account"_L1).toObject().value("id"_L1).toString(),
                 u"minji@personal.example"_s);
        QCOMPARE(post(path::AdminPersonalAccounts, minji, admin).errorCode(), u"bad_request"_s);
        QJsonObject weak = minji;
        weak.insert(u"id"_s, u"weak@personal.example"_s);
        weak.insert(u"password"_s, u"short"_s);
        QCOMPARE(post(path::AdminPersonalAccounts, weak, admin).errorCode(), u"weak_password"_s);
        const Reply signedIn =
            post(path::PersonalLogin, {{u"personal_account"_s, u"minji@personal.example"_s},
                                       {u"password"_s, u"jeju-tangerine-harvest"_s}});
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(signedIn.json.value("personal_account"_L1)
                     .toObject()
                     .value("display_name"_L1)
                     .toString(),
                 u"최민지"_s);
    }
};

QTEST_GUILESS_MAIN(TestPersonalAccounts)
#include "test_personal_accounts.moc"
