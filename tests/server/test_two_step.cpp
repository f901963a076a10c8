// 2-step verification on the server, in-process over real HTTP: enrolment, the sign-in
// challenge, replay and expiry, recovery codes, the workspace policy with its live unlock,
// password change and the sessions list. Codes come from Debian's oathtool, an implementation
// independent of ours, where it matters that they agree.
#include "account_store.h"
#include "mock_server.h"
#include "qr_login_service.h"
#include "secret_box.h"
#include "throttle.h"
#include "token_service.h"
#include "two_step_check.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <otp/totp.h>
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

constexpr auto Password = "seoul-spring-gathering";

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

// A code from oathtool (the oath-toolkit command), at the server's time.
QString oathtoolCode(const QString &base32Secret, qint64 unixTime)
{
    QProcess process;
    process.start(u"oathtool"_s, {u"--totp"_s, u"--base32"_s, u"--now"_s,
                                  u"@"_s + QString::number(unixTime), base32Secret});
    if (!process.waitForFinished(10'000) || process.exitCode() != 0)
        return {};
    return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestTwoStep : public QObject
{
    Q_OBJECT

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

    void enrolSignInReplayAndRecovery()
    {
        const QString email = u"alex.park@moim.example"_s;
        const QString access = grant(email).value("access_token"_L1).toString();
        QVERIFY(!access.isEmpty());
        QCOMPARE(call("GET", path::AccountSecurity, {}, access)
                     .json.value("two_step_enabled"_L1)
                     .toBool(),
                 false);

        const Reply setup = call("POST", path::TwoStepSetup, {}, access);
        QCOMPARE(setup.status, 200);
        const QString secret = setup.json.value("secret"_L1).toString();
        QCOMPARE(moim::otp::Totp::fromBase32(secret)->size(), 20); // 160 bits
        QVERIFY(setup.json.value("uri"_L1).toString().startsWith(u"otpauth://totp/Moim:"_s));
        // Until confirmed, sign-in is unchanged.
        QCOMPARE(login(email).status, 200);

        // A wrong code does not enable it; oathtool's code does.
        QCOMPARE(call("POST", path::TwoStepEnable, {{u"code"_s, u"000000"_s}}, access).errorCode(),
                 u"invalid_code"_s);
        const qint64 now = m_server->clock().now();
        const QString first = oathtoolCode(secret, now);
        QVERIFY2(first.size() == 6, "oathtool must be installed (scripts/install-deps.sh)");
        const Reply enabled = call("POST", path::TwoStepEnable, {{u"code"_s, first}}, access);
        QCOMPARE(enabled.status, 200);
        const QJsonArray recovery = enabled.json.value("recovery_codes"_L1).toArray();
        QCOMPARE(recovery.size(), 10);
        QCOMPARE(recovery.at(0).toString().remove(u'-').size(), 16); // 80 bits of base32

        // The password alone now gets a challenge, not a session.
        Reply answer = login(email);
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.errorCode(), u"second_factor_required"_s);
        QString challenge = answer.errorField("challenge_id"_L1).toString();
        QVERIFY(challenge.size() >= 40);
        QVERIFY(answer.json.value("access_token"_L1).isUndefined());

        // The code used for enrolment is spent; the next step's code from oathtool is fine.
        QCOMPARE(secondFactor(challenge, u"code"_s, first).errorCode(), u"code_reused"_s);
        const QString next = oathtoolCode(secret, now + 30);
        const Reply signedIn = secondFactor(challenge, u"code"_s, next);
        QCOMPARE(signedIn.status, 200);
        QVERIFY(!signedIn.json.value("access_token"_L1).toString().isEmpty());
        // A finished challenge cannot be answered again, and the code is spent everywhere.
        QCOMPARE(secondFactor(challenge, u"code"_s, next).errorCode(), u"challenge_ended"_s);
        challenge = login(email).errorField("challenge_id"_L1).toString();
        QCOMPARE(secondFactor(challenge, u"code"_s, next).errorCode(), u"code_reused"_s);

        // A code of a step long past is called expired, not wrong.
        const Reply expired = secondFactor(challenge, u"code"_s, oathtoolCode(secret, now - 150));
        QCOMPARE(expired.errorCode(), u"code_expired"_s);
        QCOMPARE(expired.errorField("attempts_left"_L1).toInt(), 3);

        // A recovery code works once, in any case and spacing.
        const QString recoveryCode = recovery.at(3).toString();
        QCOMPARE(secondFactor(challenge, u"recovery_code"_s, recoveryCode.toLower()).status, 200);
        challenge = login(email).errorField("challenge_id"_L1).toString();
        QCOMPARE(secondFactor(challenge, u"recovery_code"_s, recoveryCode).errorCode(),
                 u"invalid_code"_s);
        QCOMPARE(call("GET", path::AccountSecurity, {}, access)
                     .json.value("recovery_codes_left"_L1)
                     .toInt(),
                 9);

        // Regenerating needs a code and invalidates the old set.
        const qint64 later = now + 60;
        m_server->clock().advance(60);
        const Reply regenerated =
            call("POST", path::RecoveryCodes, {{u"code"_s, oathtoolCode(secret, later)}}, access);
        QCOMPARE(regenerated.status, 200);
        QCOMPARE(secondFactor(challenge, u"recovery_code"_s, recovery.at(5).toString()).errorCode(),
                 u"invalid_code"_s);
        const QString fresh =
            regenerated.json.value("recovery_codes"_L1).toArray().at(0).toString();
        QCOMPARE(secondFactor(challenge, u"recovery_code"_s, fresh).status, 200);

        // Disabling needs a current code.
        QCOMPARE(call("POST", path::TwoStepDisable, {{u"code"_s, u"123456"_s}}, access).status,
                 401);
        m_server->clock().advance(30);
        QCOMPARE(call("POST", path::TwoStepDisable,
                      {{u"code"_s, oathtoolCode(secret, m_server->clock().now())}}, access)
                     .status,
                 204);
        QCOMPARE(login(email).status, 200);
        forgetFailures(email);
    }

    void fiveWrongCodesEndTheChallenge()
    {
        const QString email = u"jimin.kim@moim.example"_s;
        const QString access = grant(email).value("access_token"_L1).toString();
        const QString secret = enrol(access);
        QString challenge = login(email).errorField("challenge_id"_L1).toString();
        for (int left = 4; left >= 1; --left) {
            const Reply wrong = secondFactor(challenge, u"code"_s, u"000000"_s);
            QCOMPARE(wrong.errorCode(), u"invalid_code"_s);
            QCOMPARE(wrong.errorField("attempts_left"_L1).toInt(), left);
        }
        QCOMPARE(secondFactor(challenge, u"code"_s, u"000000"_s).errorCode(), u"challenge_ended"_s);
        // The wrong codes counted in the account's throttle: even the password waits now.
        QCOMPARE(login(email).errorCode(), u"too_many_attempts"_s);
        // Later, even the right code cannot revive the ended challenge.
        m_server->clock().advance(30);
        const QString right = oathtoolCode(secret, m_server->clock().now());
        QCOMPARE(secondFactor(challenge, u"code"_s, right).errorCode(), u"challenge_ended"_s);
        forgetFailures(email);
        disable(access, secret);
    }

    void requiredWorkspaceIsLockedUntilEnrolment()
    {
        const QString email = u"jimin.kim@moim.example"_s;
        const QJsonObject session = grant(email);
        const QString access = session.value("access_token"_L1).toString();
        const QJsonObject hq = session.value("workspaces"_L1).toArray().at(0).toObject();
        QVERIFY(!hq.contains("locked"_L1));

        QWebSocket socket;
        QList<QJsonObject> frames;
        connect(&socket, &QWebSocket::textMessageReceived, this, [&](const QString &frame) {
            frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
        });
        QUrl events = m_server->url();
        events.setScheme(u"ws"_s);
        events.setPath(path::Events);
        QNetworkRequest request(events);
        request.setRawHeader(moim::protocol::ClientHeader, "moim-desktop/0.1.0");
        socket.open(request);
        QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, access}})
                .toJson()));
        QTRY_COMPARE(frames.size(), 1);

        QVERIFY(m_server->accounts().setRequireTwoStep(hq.value("name_en"_L1).toString(), true,
                                                       &m_members));
        const QString hqId = hq.value("id"_L1).toString();
        const QString conversations = path::Workspaces + hqId + path::Conversations;
        const Reply locked = call("GET", conversations, {}, access);
        QCOMPARE(locked.status, 403);
        QCOMPARE(locked.errorCode(), u"two_step_required"_s);
        // The member still signs in, and sees which workspace waits and why.
        const QJsonArray list = grant(email).value("workspaces"_L1).toArray();
        QCOMPARE(list.at(0).toObject().value("locked"_L1).toString(), u"two_step_required"_s);
        QVERIFY(!list.at(1).toObject().contains("locked"_L1));
        QVERIFY(call("GET", path::AccountSecurity, {}, access)
                    .json.value("two_step_required"_L1)
                    .toBool());

        // Enrolling unlocks it live, on the event stream.
        const QString secret = enrol(access);
        QTRY_VERIFY(!frames.isEmpty() &&
                    frames.last().value("type"_L1).toString() == u"workspaces.changed"_s);
        const QJsonObject pushed = frames.last().value("workspaces"_L1).toArray().at(0).toObject();
        QVERIFY(!pushed.contains("locked"_L1));
        QCOMPARE(call("GET", conversations, {}, access).status, 200);
        QStringList members;
        m_server->accounts().setRequireTwoStep(hqId, false, &members);
        disable(access, secret);
    }

    void changePasswordNeedsCodeAndEndsOtherSessions()
    {
        const QString email = u"alex.park@moim.example"_s;
        const QString access = grant(email).value("access_token"_L1).toString();
        const QString secret = enrol(access);
        // Another device signs in with the password and a code (turning 2-step on ended the
        // password-only ones).
        const QString challenge = login(email).errorField("challenge_id"_L1).toString();
        m_server->clock().advance(30);
        const QJsonObject other =
            secondFactor(challenge, u"code"_s, oathtoolCode(secret, m_server->clock().now())).json;
        QCOMPARE(call("GET", path::Sessions, {}, access).json.value("sessions"_L1).toArray().size(),
                 2);
        const QString newPassword = u"a-quieter-evening-in-busan"_s;
        const QJsonObject change{{u"current_password"_s, QString::fromLatin1(Password)},
                                 {u"new_password"_s, newPassword}};
        QCOMPARE(call("POST", path::ChangePassword, change, access).errorCode(),
                 u"second_factor_required"_s);
        QJsonObject tooShort = change;
        tooShort.insert(u"new_password"_s, u"short"_s);
        QCOMPARE(call("POST", path::ChangePassword, tooShort, access).errorCode(),
                 u"weak_password"_s);
        QJsonObject wrongCurrent = change;
        wrongCurrent.insert(u"current_password"_s, u"not-my-password-at-all"_s);
        wrongCurrent.insert(u"code"_s, u"000000"_s);
        QCOMPARE(call("POST", path::ChangePassword, wrongCurrent, access).errorCode(),
                 u"invalid_credentials"_s);
        forgetFailures(email);
        m_server->clock().advance(30);
        QJsonObject withCode = change;
        withCode.insert(u"code"_s, oathtoolCode(secret, m_server->clock().now()));
        QCOMPARE(call("POST", path::ChangePassword, withCode, access).status, 204);

        // The other device is signed out; this one stays.
        const Reply refreshed =
            call("POST", path::Refresh, {{u"refresh_token"_s, other.value("refresh_token"_L1)}});
        QCOMPARE(refreshed.errorCode(), u"invalid_token"_s);
        const QJsonArray sessions =
            call("GET", path::Sessions, {}, access).json.value("sessions"_L1).toArray();
        QCOMPARE(sessions.size(), 1);
        QVERIFY(sessions.at(0).toObject().value("current"_L1).toBool());
        QCOMPARE(login(email, Password).errorCode(), u"invalid_credentials"_s);
        QCOMPARE(login(email, newPassword.toUtf8()).errorCode(), u"second_factor_required"_s);
        forgetFailures(email);
    }

    void onlyASessionThatPassedMayApprove()
    {
        // What QR approval will ask: a session from before enrolment may not vouch for others.
        const QString email = u"jimin.kim@moim.example"_s;
        const QJsonObject before = grant(email);
        const QJsonObject enroller = grant(email);
        const QString secret = enrol(enroller.value("access_token"_L1).toString());
        auto &check = m_server->twoStep();
        const QString userId = enroller.value("account"_L1).toObject().value("id"_L1).toString();
        QVERIFY(!check.sessionMayApprove(before.value("session_id"_L1).toString(), userId));
        QVERIFY(check.sessionMayApprove(enroller.value("session_id"_L1).toString(), userId));
        // QR approval asks the same check: the older session may not vouch for a sign-in.
        const auto account = m_server->accounts().findById(userId);
        QVERIFY(account.has_value());
        JsonReply refusal = JsonReply::noContent();
        QLatin1StringView desktopReason;
        QVERIFY(!m_server->qr().approvalAllowed({before.value("session_id"_L1).toString(), userId},
                                                *account, &refusal, &desktopReason));
        QCOMPARE(refusal.errorCode(), u"two_step_required"_s);
        // The desktop is told why, so that it does not blame the account.
        QCOMPARE(desktopReason, "two_step_required"_L1);
        QVERIFY(m_server->qr().approvalAllowed({enroller.value("session_id"_L1).toString(), userId},
                                               *account, &refusal, &desktopReason));

        const QString challenge = login(email).errorField("challenge_id"_L1).toString();
        m_server->clock().advance(30);
        const Reply passed =
            secondFactor(challenge, u"code"_s, oathtoolCode(secret, m_server->clock().now()));
        QVERIFY(check.sessionMayApprove(passed.json.value("session_id"_L1).toString(), userId));

        // Turning 2-step on ended the older session already. Sessions: sign out another device.
        QVERIFY(!m_server->tokens().isLive(before.value("session_id"_L1).toString()));
        const QString access = enroller.value("access_token"_L1).toString();
        QCOMPARE(call("POST", path::SessionsRevoke,
                      {{u"session_id"_s, passed.json.value("session_id"_L1)}}, access)
                     .status,
                 204);
        QCOMPARE(
            call("POST", path::SessionsRevoke, {{u"session_id"_s, u"s_nope"_s}}, access).status,
            404);
        QCOMPARE(call("POST", path::SessionsRevokeOthers, {}, access).status, 204);
        QCOMPARE(call("GET", path::Sessions, {}, access).json.value("sessions"_L1).toArray().size(),
                 1);
        disable(access, secret);
    }

    void badInputIsRefused()
    {
        const Reply missing = call("POST", path::SecondFactor, {{u"code"_s, u"123456"_s}});
        QCOMPARE(missing.errorCode(), u"bad_request"_s);
        const Reply unknown = secondFactor(u"made-up"_s, u"code"_s, u"123456"_s);
        QCOMPARE(unknown.errorCode(), u"challenge_ended"_s);
        const Reply tooLong = secondFactor(QString(1000, u'x'), u"code"_s, u"123456"_s);
        QCOMPARE(tooLong.errorCode(), u"bad_request"_s);
        // A body over the transport limit never reaches the handler.
        const Reply huge = secondFactor(QString(100000, u'x'), u"code"_s, u"123456"_s);
        QCOMPARE(huge.errorCode(), u"payload_too_large"_s);
        QCOMPARE(call("POST", path::TwoStepSetup).errorCode(), u"invalid_token"_s);
    }

    // TOTP secrets are stored sealed under a key that is not in the database, and the files
    // that hold them are the owner's alone.
    void secretsAreSealedAtRest()
    {
        const QString email = u"jimin.kim@moim.example"_s;
        const QString access = grant(email).value("access_token"_L1).toString();
        const QString secret = enrol(access);
        const QByteArray raw = *moim::otp::Totp::fromBase32(secret);
        QCOMPARE(raw.size(), 20);
        QVERIFY(call("GET", path::AccountSecurity, {}, access)
                    .json.value("two_step_enabled"_L1)
                    .toBool());

        const QDir data(m_dir.path());
        const QString database = data.filePath(u"server.sqlite"_s);
        for (const QString &file : {database, database + u"-wal"_s}) {
            QFile stored(file);
            QVERIFY2(stored.open(QIODevice::ReadOnly), qPrintable(file));
            const QByteArray bytes = stored.readAll();
            QVERIFY2(!bytes.contains(raw), qPrintable(file));
            QVERIFY2(!bytes.contains(secret.toLatin1()), qPrintable(file));
        }
        const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
        for (const QString &file : {SecretBox::keyPath(m_dir.path()), database,
                                    database + u"-wal"_s, database + u"-shm"_s}) {
            QVERIFY2(QFile::exists(file), qPrintable(file));
            const auto permissions =
                QFile::permissions(file) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser);
            QCOMPARE(permissions, QFileDevice::Permissions(ownerOnly));
        }

        // A sealed value opens only with its key and only for the row it was sealed for.
        SecretBox box;
        QString error;
        QVERIFY2(box.loadOrCreate(m_dir.path(), &error), qPrintable(error));
        const QByteArray sealed = box.seal(raw, "u_1");
        QVERIFY(SecretBox::isSealed(sealed));
        QCOMPARE(box.open(sealed, "u_1"), std::optional<QByteArray>(raw));
        QVERIFY(!box.open(sealed, "u_2"));
        QTemporaryDir otherData;
        SecretBox otherKey;
        QVERIFY(otherKey.loadOrCreate(otherData.path(), &error));
        QVERIFY(!otherKey.open(sealed, "u_1"));
        QVERIFY(!SecretBox::isSealed(raw));
        disable(access, secret);
    }

    // A secret an older version stored in clear is sealed at the next start and keeps working.
    // Runs last: it restarts the server.
    void clearSecretsOfAnOlderVersionAreSealedAtStart()
    {
        const QString email = u"jimin.kim@moim.example"_s;
        const QString secret = enrol(grant(email).value("access_token"_L1).toString());
        const QByteArray raw = *moim::otp::Totp::fromBase32(secret);
        const qint64 offset = m_server->clock().now() - QDateTime::currentSecsSinceEpoch();
        m_server.reset();
        const QString userId = u"clear-secret-check"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, userId);
            db.setDatabaseName(QDir(m_dir.path()).filePath(u"server.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery query(db);
            query.prepare(u"UPDATE two_step SET secret = ? WHERE user_id = "
                          "(SELECT id FROM users WHERE email = ?)"_s);
            query.addBindValue(raw);
            query.addBindValue(email);
            QVERIFY(query.exec());
            QCOMPARE(query.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(userId);

        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir.path();
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        config.clockOffsetSeconds = offset;
        m_server = std::make_unique<MockServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QFile stored(QDir(m_dir.path()).filePath(u"server.sqlite"_s));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QVERIFY(!stored.readAll().contains(raw));

        const Reply challenged = login(email);
        QCOMPARE(challenged.errorCode(), u"second_factor_required"_s);
        m_server->clock().advance(60);
        const Reply signedIn =
            secondFactor(challenged.errorField("challenge_id"_L1).toString(), u"code"_s,
                         oathtoolCode(secret, m_server->clock().now()));
        QCOMPARE(signedIn.status, 200);
        disable(signedIn.json.value("access_token"_L1).toString(), secret);
    }

private:
    // Clears the failures this test's sign-ins counted (anonymous, from the loopback address),
    // so that the next test starts unthrottled.
    void forgetFailures(const QString &email)
    {
        m_server->throttle().clear(Throttle::signInKeys(email, QString(), u"127.0.0.1"_s));
    }
    QString enrol(const QString &access)
    {
        const QString secret =
            call("POST", path::TwoStepSetup, {}, access).json.value("secret"_L1).toString();
        m_server->clock().advance(30);
        const Reply enabled =
            call("POST", path::TwoStepEnable,
                 {{u"code"_s, oathtoolCode(secret, m_server->clock().now())}}, access);
        if (enabled.status != 200)
            qWarning() << "enrolment failed" << enabled.json;
        return secret;
    }

    void disable(const QString &access, const QString &secret)
    {
        m_server->clock().advance(30);
        const Reply done =
            call("POST", path::TwoStepDisable,
                 {{u"code"_s, oathtoolCode(secret, m_server->clock().now())}}, access);
        QCOMPARE(done.status, 204);
    }

    QJsonObject grant(const QString &email)
    {
        const Reply reply = login(email);
        if (reply.status != 200)
            qWarning() << "sign-in failed" << reply.json;
        return reply.json;
    }

    Reply login(const QString &email, const QByteArray &password = Password)
    {
        return call("POST", path::Login,
                    {{u"email"_s, email}, {u"password"_s, QString::fromUtf8(password)}});
    }

    Reply secondFactor(const QString &challenge, const QString &field, const QString &code)
    {
        return call("POST", path::SecondFactor, {{u"challenge_id"_s, challenge}, {field, code}});
    }

    Reply call(const QByteArray &verb, QLatin1StringView apiPath, const QJsonObject &body = {},
               const QString &bearer = {})
    {
        return call(verb, QString(apiPath), body, bearer);
    }

    Reply call(const QByteArray &verb, const QString &apiPath, const QJsonObject &body = {},
               const QString &bearer = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        request.setRawHeader(moim::protocol::ClientHeader, "moim-desktop/0.1.0");
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        QNetworkReply *reply =
            verb == "GET"
                ? m_network.get(request)
                : m_network.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;
    QStringList m_members;
};

QTEST_GUILESS_MAIN(TestTwoStep)
#include "test_two_step.moc"
