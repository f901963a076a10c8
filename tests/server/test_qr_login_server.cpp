// QR sign-in on the server, in-process over real HTTP and real WebSockets: the login channel's
// first frame, the per-IP caps, approvalAllowed, and redemption only with the desktop's secret.
#include "account_store.h"
#include "mock_server.h"
#include "throttle.h"
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
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

const QByteArray Client = "moim-desktop/0.1.0";

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// One desktop's login channel: the frames it got and how it closed.
struct Desktop
{
    QWebSocket socket;
    QList<QJsonObject> frames;
    QString secret = u"desktop-secret-"_s + QString::number(QRandomGenerator::global()->generate());

    Desktop()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &frame) {
                             frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
                         });
    }

    bool open(const QUrl &base)
    {
        QUrl url = base;
        url.setScheme(u"ws"_s);
        url.setPath(QString(path::LoginChannel));
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

    void start()
    {
        send({{u"type"_s, u"qr.start"_s},
              {u"request"_s, 1},
              {u"secret_hash"_s,
               base64Url(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256))},
              {u"device"_s, QJsonObject{{u"name"_s, u"test-desktop"_s}, {u"os"_s, u"TestOS"_s}}}});
    }

    QJsonObject last() const { return frames.isEmpty() ? QJsonObject() : frames.last(); }
    QString lastType() const { return last().value(u"type"_s).toString(); }
    QUrlQuery code() const { return QUrlQuery(QUrl(last().value(u"uri"_s).toString())); }
};

} // namespace

class TestQrLoginServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;

    static std::unique_ptr<MockServer> startServer(const QString &dataDir, int qrSessionsPerIp)
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = dataDir;
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        config.eventAuthTimeout = std::chrono::milliseconds(300);
        config.qrSessionsPerIp = qrSessionsPerIp;
        auto server = std::make_unique<MockServer>(config);
        QString error;
        if (!server->start(&error))
            return nullptr;
        return server;
    }

    QPair<int, QJsonObject> post(const QString &apiPath, const QJsonObject &body,
                                 const QString &bearer = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(moim::protocol::ClientHeader, Client);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object()};
    }

    static QString errorCode(const QJsonObject &body)
    {
        return body.value(u"error"_s).toObject().value(u"code"_s).toString();
    }

    QString phoneToken(const QString &email)
    {
        const auto grant =
            post(QString(path::Login), {{u"email"_s, email},
                                        {u"password"_s, u"seoul-spring-gathering"_s},
                                        {u"device"_s, QJsonObject{{u"kind"_s, u"mobile"_s}}}});
        return grant.second.value(u"access_token"_s).toString();
    }

    // Opens a desktop's session and scans it with the phone; returns the request id.
    QString scanned(Desktop &desktop, const QString &phone)
    {
        if (!desktop.open(m_server->url()))
            return {};
        desktop.start();
        if (!QTest::qWaitFor([&] { return desktop.lastType() == u"qr.code"_s; }, 5000))
            return {};
        const QUrlQuery code = desktop.code();
        const auto scan = post(QString(path::QrScan),
                               {{u"qr_session"_s, code.queryItemValue(u"s"_s)},
                                {u"nonce"_s, code.queryItemValue(u"n"_s)}},
                               phone);
        return scan.second.value(u"request_id"_s).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = startServer(m_dir.path(), 30);
        QVERIFY(m_server);
    }

    void cleanupTestCase() { m_server.reset(); }

    void theChannelNeedsAWebSocketAndAStartFrame()
    {
        QNetworkRequest plain(m_server->url().resolved(QUrl(QString(path::LoginChannel))));
        QNetworkReply *reply = m_network.get(plain);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        reply->deleteLater();

        Desktop wrongFirst;
        QVERIFY(wrongFirst.open(m_server->url()));
        wrongFirst.send({{u"type"_s, u"auth"_s}});
        QTRY_COMPARE(wrongFirst.socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(int(wrongFirst.socket.closeCode()), moim::protocol::closeCode::NoAuth);

        Desktop notAHash;
        QVERIFY(notAHash.open(m_server->url()));
        notAHash.send({{u"type"_s, u"qr.start"_s}, {u"secret_hash"_s, u"short"_s}});
        QTRY_COMPARE(notAHash.socket.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(notAHash.last().value(u"code"_s).toString(), u"bad_request"_s);
    }

    void theCodeHoldsOnlyASessionAndANonce()
    {
        Desktop desktop;
        QVERIFY(desktop.open(m_server->url()));
        desktop.start();
        QTRY_COMPARE(desktop.lastType(), u"qr.code"_s);
        const QUrl uri(desktop.last().value(u"uri"_s).toString());
        QCOMPARE(uri.scheme(), u"moim"_s);
        QCOMPARE(uri.host(), u"qr-login"_s);
        QCOMPARE(QUrlQuery(uri).queryItems().size(), 2);
        QVERIFY(!uri.toString().contains(desktop.secret));
        QCOMPARE(desktop.last().value(u"nonce_expires_in"_s).toInt(), 30);
        QCOMPARE(desktop.last().value(u"expires_in"_s).toInt(), 300);

        // A refresh replaces the nonce, echoing the request number.
        const QString first = desktop.code().queryItemValue(u"n"_s);
        desktop.send({{u"type"_s, u"qr.refresh"_s}, {u"request"_s, 2}});
        QTRY_COMPARE(desktop.last().value(u"request"_s).toInt(), 2);
        QVERIFY(desktop.code().queryItemValue(u"n"_s) != first);
    }

    void onlyTheSecretRedeemsAnApprovedSessionOnce()
    {
        const QString phone = phoneToken(u"jimin.kim@moim.example"_s);
        Desktop desktop;
        const QString request = scanned(desktop, phone);
        QVERIFY(!request.isEmpty());
        QTRY_COMPARE(desktop.lastType(), u"qr.scanned"_s);
        const QString checkCode = desktop.last().value(u"check_code"_s).toString();
        QCOMPARE(checkCode.size(), 2);
        const QString session = QUrlQuery(QUrl(desktop.frames.first().value(u"uri"_s).toString()))
                                    .queryItemValue(u"s"_s);

        // Not approved yet: even the right secret gets nothing.
        QCOMPARE(post(QString(path::QrRedeem),
                      {{u"qr_session"_s, session}, {u"secret"_s, desktop.secret}})
                     .first,
                 401);
        const auto approved =
            post(QString(path::QrApprove),
                 {{u"request_id"_s, request}, {u"check_code"_s, checkCode}}, phone);
        QCOMPARE(approved.first, 200);
        QTRY_COMPARE(desktop.lastType(), u"qr.approved"_s);

        const QString hash = base64Url(
            QCryptographicHash::hash(desktop.secret.toUtf8(), QCryptographicHash::Sha256));
        for (const QString &wrong : {u"guess"_s, hash}) {
            const auto refused =
                post(QString(path::QrRedeem), {{u"qr_session"_s, session}, {u"secret"_s, wrong}});
            QCOMPARE(refused.first, 401);
            QCOMPARE(errorCode(refused.second), u"invalid_token"_s);
        }
        const auto grant = post(QString(path::QrRedeem),
                                {{u"qr_session"_s, session}, {u"secret"_s, desktop.secret}});
        QCOMPARE(grant.first, 200);
        QVERIFY(!grant.second.value(u"access_token"_s).toString().isEmpty());
        QCOMPARE(grant.second.value(u"workspaces"_s).toArray().size(), 3);
        const auto again = post(QString(path::QrRedeem),
                                {{u"qr_session"_s, session}, {u"secret"_s, desktop.secret}});
        QCOMPARE(again.first, 401);
    }

    void approvalNeedsAnActiveUnthrottledAccount()
    {
        // Alex loses his only membership after signing in on the phone.
        const QString alexPhone = phoneToken(u"alex.park@moim.example"_s);
        Desktop alexDesktop;
        const QString alexRequest = scanned(alexDesktop, alexPhone);
        QTRY_COMPARE(alexDesktop.lastType(), u"qr.scanned"_s);
        const QString workspace =
            m_server->accounts()
                .activeWorkspaces(m_server->accounts().findByEmail(u"alex.park@moim.example"_s)->id)
                .first()
                .toObject()
                .value(u"id"_s)
                .toString();
        QString userId;
        QCOMPARE(
            m_server->accounts().removeMembership(u"alex.park@moim.example"_s, workspace, &userId),
            AccountStore::Result::Ok);
        const auto refused =
            post(QString(path::QrApprove),
                 {{u"request_id"_s, alexRequest},
                  {u"check_code"_s, alexDesktop.last().value(u"check_code"_s).toString()}},
                 alexPhone);
        QCOMPARE(refused.first, 403);
        QCOMPARE(errorCode(refused.second), u"unauthorized_user"_s);
        QTRY_COMPARE(alexDesktop.lastType(), u"qr.ended"_s);
        QCOMPARE(alexDesktop.last().value(u"reason"_s).toString(), u"refused"_s);

        // Failed sign-ins from anywhere else, however many, do not stop the owner's phone.
        const QString jimin = u"jimin.kim@moim.example"_s;
        const QString phone = phoneToken(jimin);
        for (int address = 1; address <= 5; ++address) {
            const auto keys = Throttle::signInKeys(jimin, QString(), u"192.0.2.%1"_s.arg(address));
            for (int i = 0; i < 5; ++i)
                m_server->throttle().reserve(keys);
        }
        QVERIFY(m_server->throttle().retryAfter(Throttle::signInKeys(jimin, QString(), u"x"_s)));
        Desktop owner;
        const QString ownerRequest = scanned(owner, phone);
        QTRY_COMPARE(owner.lastType(), u"qr.scanned"_s);
        QCOMPARE(post(QString(path::QrApprove),
                      {{u"request_id"_s, ownerRequest},
                       {u"check_code"_s, owner.last().value(u"check_code"_s).toString()}},
                      phone)
                     .first,
                 200);
        QTRY_COMPARE(owner.lastType(), u"qr.approved"_s);

        // The phone's own wrong check codes do: a throttled phone session cannot approve.
        const auto phoneKeys =
            Throttle::sessionKeys(jimin, m_server->tokens().authenticate(phone)->sessionId);
        for (int i = 0; i < 7; ++i) {
            if (const auto wait = m_server->throttle().retryAfter(phoneKeys))
                m_server->clock().advance(*wait);
            m_server->throttle().reserve(phoneKeys);
        }
        Desktop desktop;
        const QString request = scanned(desktop, phone);
        QTRY_COMPARE(desktop.lastType(), u"qr.scanned"_s);
        const auto throttled =
            post(QString(path::QrApprove),
                 {{u"request_id"_s, request},
                  {u"check_code"_s, desktop.last().value(u"check_code"_s).toString()}},
                 phone);
        QCOMPARE(throttled.first, 429);
        m_server->throttle().clear(phoneKeys);
    }

    void onlyAPhoneCanScan()
    {
        // A desktop's session (no device kind given means desktop) cannot vouch for a computer.
        const auto desktopGrant =
            post(QString(path::Login), {{u"email"_s, u"jimin.kim@moim.example"_s},
                                        {u"password"_s, u"seoul-spring-gathering"_s}});
        Desktop desktop;
        QVERIFY(desktop.open(m_server->url()));
        desktop.start();
        QTRY_COMPARE(desktop.lastType(), u"qr.code"_s);
        const auto scan = post(QString(path::QrScan),
                               {{u"qr_session"_s, desktop.code().queryItemValue(u"s"_s)},
                                {u"nonce"_s, desktop.code().queryItemValue(u"n"_s)}},
                               desktopGrant.second.value(u"access_token"_s).toString());
        QCOMPARE(scan.first, 403);
        QCOMPARE(errorCode(scan.second), u"forbidden"_s);
        QCOMPARE(desktop.lastType(), u"qr.code"_s);
    }

    void anotherPhoneCannotApproveARequest()
    {
        const QString phone = phoneToken(u"jimin.kim@moim.example"_s);
        const QString otherPhone = phoneToken(u"jimin.kim@moim.example"_s);
        Desktop desktop;
        const QString request = scanned(desktop, phone);
        QTRY_COMPARE(desktop.lastType(), u"qr.scanned"_s);
        const auto foreign =
            post(QString(path::QrApprove),
                 {{u"request_id"_s, request},
                  {u"check_code"_s, desktop.last().value(u"check_code"_s).toString()}},
                 otherPhone);
        QCOMPARE(foreign.first, 404);
        QCOMPARE(desktop.lastType(), u"qr.scanned"_s);
    }

    void qrSessionsAreCappedPerIp()
    {
        QTemporaryDir dir;
        auto capped = startServer(dir.path(), 3);
        QVERIFY(capped);
        for (int i = 0; i < 4; ++i) {
            Desktop desktop;
            QVERIFY(desktop.open(capped->url()));
            desktop.start();
            QTRY_VERIFY(!desktop.frames.isEmpty());
            if (i < 3) {
                QCOMPARE(desktop.lastType(), u"qr.code"_s);
            } else {
                QCOMPARE(desktop.last().value(u"code"_s).toString(), u"too_many_attempts"_s);
                QTRY_COMPARE(desktop.socket.state(), QAbstractSocket::UnconnectedState);
                QCOMPARE(int(desktop.socket.closeCode()),
                         moim::protocol::closeCode::TooManyChannels);
            }
            desktop.socket.close();
        }
    }
};

QTEST_GUILESS_MAIN(TestQrLoginServer)
#include "test_qr_login_server.moc"
