// Sign-in end to end: the real mock server process, the real Secret Service (gnome-keyring in a
// private D-Bus session, see scripts/with-private-keyring.sh) and the real moim-phone.
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "secrets/keychain_secret_store.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Seojun = u"seojun.lee@moim.example"_s;
const auto Hayoon = u"hayoon.jung@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

// Every item the Secret Service holds under a Moim service name, asked with secret-tool.
QString keychainItemsFor(const QString &service)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s, service});
    tool.waitForFinished(10000);
    return QString::fromUtf8(tool.readAll());
}
} // namespace

class TestE2eSignIn : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;

    struct Client
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<KeychainSecretStore> secrets;
        std::unique_ptr<SessionManager> sessions;
    };

    Client makeClient()
    {
        Client client;
        client.api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                                 u"moim-desktop"_s, u"0.1.0"_s);
        const Profile profile;
        client.secrets = std::make_unique<KeychainSecretStore>(
            SessionManager::keychainService(profile, client.api.get()));
        client.sessions =
            std::make_unique<SessionManager>(profile, client.api.get(), client.secrets.get());
        return client;
    }

    ApiError attempt(SessionManager &sessions, const QString &email, const QString &password,
                     bool keep = true)
    {
        PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(email, password, keep, false);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(login.state() == PasswordLogin::State::SignedIn ||
                                         login.state() == PasswordLogin::State::Failed,
                                     20000);
        }();
        return login.error();
    }

    // The raw answer to a login, to compare what a prober would see.
    QPair<int, QByteArray> rawLogin(const QString &email, const QString &password)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_server.url().resolved(QUrl(u"/api/v1/auth/login"_s)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader(protocol::ClientHeader, "moim-desktop/0.1.0");
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, password}})
                .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = network.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] { QVERIFY(finished.wait(20000)); }();
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void signInListsTheUsersWorkspaces()
    {
        Client client = makeClient();
        QCOMPARE(attempt(*client.sessions, Jimin, Password).code, ApiError::Code::None);
        QStringList names;
        for (const Workspace &workspace : client.sessions->account()->workspaces()->workspaces())
            names.append(workspace.nameEn);
        names.sort();
        QCOMPARE(names, (QStringList{u"Design Studio"_s, u"Moim HQ"_s, u"Seoul Engineering"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(client.sessions->account()->connection(),
                                  Account::Connection::Online, 10000);
        client.sessions->logout();
    }

    void unknownEmailAndWrongPasswordLookTheSame()
    {
        const auto unknown = rawLogin(u"nobody.here@moim.example"_s, u"whatever-password"_s);
        const auto wrong = rawLogin(Jimin, u"whatever-password"_s);
        QCOMPARE(unknown.first, 401);
        QCOMPARE(unknown, wrong);

        Client client = makeClient();
        QCOMPARE(attempt(*client.sessions, u"nobody.here@moim.example"_s, u"x-password"_s).code,
                 ApiError::Code::InvalidCredentials);
    }

    void deactivatedMemberIsUnauthorized()
    {
        Client client = makeClient();
        QCOMPARE(attempt(*client.sessions, Seojun, Password).code,
                 ApiError::Code::UnauthorizedUser);
        // Only after the right password: a wrong one gets the generic answer.
        QCOMPARE(attempt(*client.sessions, Seojun, u"wrong-password-here"_s).code,
                 ApiError::Code::InvalidCredentials);
    }

    void throttlingAppliesToUnknownEmailsToo()
    {
        Client client = makeClient();
        const QString email = u"ghost.%1@moim.example"_s.arg(QDateTime::currentMSecsSinceEpoch());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt(*client.sessions, email, u"guess-number-%1"_s.arg(i)).code,
                     ApiError::Code::InvalidCredentials);
        // After the 5th failure a wait of 1 s starts, doubling with each failure. A slow machine
        // may let a guess in after its wait; guessing on until a refusal leaves more than a
        // second to wait, the check below cannot see the wait run out however slow it is.
        ApiError throttled;
        for (int i = 6; i <= 60 && !(throttled.code == ApiError::Code::TooManyAttempts &&
                                     throttled.retryAfterSeconds >= 2);
             ++i)
            throttled = attempt(*client.sessions, email, u"guess-number-%1"_s.arg(i));
        QCOMPARE(throttled.code, ApiError::Code::TooManyAttempts);
        QVERIFY(throttled.retryAfterSeconds >= 1);
        // The address is normalised: case and spaces do not buy more guesses.
        QCOMPARE(attempt(*client.sessions, u"  "_s + email.toUpper(), u"guess"_s).code,
                 ApiError::Code::TooManyAttempts);
    }

    void rememberedSessionNeedsNoPasswordAndLogoutLeavesNoItem()
    {
        QString service;
        {
            Client first = makeClient();
            service = first.secrets->service();
            QCOMPARE(attempt(*first.sessions, Jimin, Password).code, ApiError::Code::None);
            QTRY_VERIFY_WITH_TIMEOUT(!keychainItemsFor(service).isEmpty(), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(first.sessions->account()->connection(),
                                      Account::Connection::Online, 10000);
        }
        Client second = makeClient();
        QVERIFY(second.sessions->restore());
        QCOMPARE(second.sessions->account()->workspaces()->rowCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(second.sessions->account()->connection(),
                                  Account::Connection::Online, 10000);

        second.sessions->logout();
        // No session secret is left; the device proof of the sign-in stays (it signs nobody in,
        // and spares this computer from others' failed guesses at the next sign-in).
        QTRY_VERIFY_WITH_TIMEOUT(!keychainItemsFor(service).contains(u"refresh_token"_s), 10000);
        QVERIFY(keychainItemsFor(service).contains(u"device_proof"_s));
        Client third = makeClient();
        QVERIFY(!third.sessions->restore());
    }

    void anAttackersGuessesDoNotLockTheOwnerOut()
    {
        QString service;
        {
            Client owner = makeClient();
            service = owner.secrets->service();
            QCOMPARE(attempt(*owner.sessions, Hayoon, Password).code, ApiError::Code::None);
            QTRY_VERIFY_WITH_TIMEOUT(
                keychainItemsFor(service).contains(u"hayoon.jung@moim.example/device_proof"_s),
                10000);
            owner.sessions->logout();
        }
        // Guesses from this very address, without the proof, until they are throttled.
        int status = 0;
        for (int i = 0; i < 9 && status != 429; ++i)
            status = rawLogin(Hayoon, u"guess-number-%1"_s.arg(i)).first;
        QCOMPARE(status, 429);

        // The owner's next run of the app reads the proof from the keychain and gets in.
        Client owner = makeClient();
        QCOMPARE(attempt(*owner.sessions, Hayoon, Password).code, ApiError::Code::None);
        owner.sessions->logout();
    }

    void phoneSignsInAsAMobileDevice()
    {
        QProcess phone;
        phone.setProcessChannelMode(QProcess::MergedChannels);
        const QString profileDir = m_home->path() + u"/phone"_s;
        phone.start(test::MockServerProcess::phoneBinary(),
                    {u"--server"_s, m_server.url().toString(), u"--profile"_s, profileDir,
                     u"login"_s, u"--email"_s, Alex, u"--password-stdin"_s});
        QVERIFY(phone.waitForStarted());
        phone.write((Password + u'\n').toUtf8());
        phone.closeWriteChannel();
        QVERIFY(phone.waitForFinished(30000));
        const QString output = QString::fromUtf8(phone.readAll());
        QVERIFY2(phone.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"디자인 스튜디오"_s), qPrintable(output));
        const QString sessionFile = profileDir + u"/session.json"_s;
        QVERIFY(QFile::exists(sessionFile));
        QCOMPARE(int(QFile::permissions(sessionFile) & 0x0077), 0);

        QProcess wrong;
        wrong.setProcessChannelMode(QProcess::MergedChannels);
        wrong.start(test::MockServerProcess::phoneBinary(),
                    {u"--server"_s, m_server.url().toString(), u"--profile"_s, profileDir,
                     u"login"_s, u"--email"_s, Alex, u"--password-stdin"_s});
        wrong.write("not-the-password\n");
        wrong.closeWriteChannel();
        QVERIFY(wrong.waitForFinished(30000));
        QCOMPARE(wrong.exitCode(), 1);
        QVERIFY(QString::fromUtf8(wrong.readAll()).contains(u"not right"_s));
    }

    void deactivationSignsTheClientOutAtOnce()
    {
        Client client = makeClient();
        QCOMPARE(attempt(*client.sessions, Alex, Password).code, ApiError::Code::None);
        QTRY_COMPARE_WITH_TIMEOUT(client.sessions->account()->connection(),
                                  Account::Connection::Online, 10000);
        QSignalSpy signedOut(client.sessions.get(), &SessionManager::signedOut);
        QString output;
        QCOMPARE(m_server.admin({u"deactivate"_s, Alex}, &output), 0);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        QCOMPARE(signedOut.first().first().value<SessionManager::SignOutReason>(),
                 SessionManager::SignOutReason::Deactivated);
        QCOMPARE(client.sessions->state(), SessionManager::State::SignedOut);
        QCOMPARE(attempt(*client.sessions, Alex, Password).code, ApiError::Code::UnauthorizedUser);
        QCOMPARE(m_server.admin({u"reactivate"_s, Alex}, &output), 0);
        QCOMPARE(attempt(*client.sessions, Alex, Password).code, ApiError::Code::None);
    }
};

QTEST_GUILESS_MAIN(TestE2eSignIn)
#include "test_e2e_signin.moc"
