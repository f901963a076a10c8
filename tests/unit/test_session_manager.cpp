// The session manager and the password flow against the real mock server, with the keychain
// replaced by memory (the real keychain has its own tests).
#include "auth/device_proof_store.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/file_downloads.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Daniel = u"daniel.cho@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestSessionManager : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::MockServerProcess> m_server;
    std::unique_ptr<test::IsolatedHome> m_home;

    std::unique_ptr<ApiClient> makeApi()
    {
        return std::make_unique<ApiClient>(ServerAddress::parse(m_server->url().toString()),
                                           u"moim-desktop"_s, u"0.1.0"_s);
    }

    // Signs in with the password flow and waits for the end state.
    PasswordLogin::State signIn(SessionManager &sessions, const QString &email,
                                const QString &password, bool keep, bool shared = false,
                                ApiError *error = nullptr)
    {
        PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
        QList<PasswordLogin::State> states;
        connect(&login, &PasswordLogin::stateChanged, this,
                [&](PasswordLogin::State state) { states.append(state); });
        login.submit(email, password, keep, shared);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(login.state() == PasswordLogin::State::SignedIn ||
                                         login.state() == PasswordLogin::State::Failed,
                                     20000);
        }();
        if (error)
            *error = login.error();
        if (login.state() == PasswordLogin::State::SignedIn)
            [&] { QCOMPARE(states.first(), PasswordLogin::State::Verifying); }();
        return login.state();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<test::MockServerProcess>();
        QVERIFY2(m_server->start(), qPrintable(m_server->output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void passwordFlowSignsIn()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        QCOMPARE(signIn(sessions, Jimin, Password, true), PasswordLogin::State::SignedIn);
        QCOMPARE(sessions.state(), SessionManager::State::SignedIn);
        QCOMPARE(sessions.account()->workspaces()->rowCount(), 3);
        QCOMPARE(sessions.account()->identity().displayName, u"김지민"_s);
        QTRY_COMPARE_WITH_TIMEOUT(sessions.account()->connection(), Account::Connection::Online,
                                  10000);
        // Remembered: exactly two secrets in the store, the refresh token and the device proof
        // of this sign-in; none in settings.
        QTRY_COMPARE(secrets.contents().size(), 2);
        QCOMPARE(secrets.contents().value(sessions.keychainKey(sessions.account()->identity().id)),
                 sessions.account()->refreshToken());
        const QString proof = secrets.contents().value(DeviceProofStore::keychainKey(Jimin));
        QVERIFY(proof.size() >= 22); // at least 128 bits in base64url
        QFile settings(sessions.profile().settingsFile());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray settingsText = settings.readAll();
        QVERIFY(!settingsText.contains(sessions.account()->refreshToken().toUtf8()));
        QVERIFY(!settingsText.contains(proof.toUtf8()));
    }

    void theDeviceProofIsKeptAndSentAtTheNextSignIn()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        QString first;
        {
            SessionManager sessions(Profile(), api.get(), &secrets);
            QCOMPARE(signIn(sessions, Daniel, Password, true), PasswordLogin::State::SignedIn);
            QTRY_VERIFY(secrets.contents().contains(DeviceProofStore::keychainKey(Daniel)));
            first = secrets.contents().value(DeviceProofStore::keychainKey(Daniel));
            sessions.logout();
            // Signing out ends the session, not what says this computer signed in before.
            QTRY_COMPARE(secrets.contents().keys(),
                         QStringList{DeviceProofStore::keychainKey(Daniel)});
        }
        // Someone guesses at the account from this computer's address until it is throttled.
        ApiError guessed;
        for (int i = 0; i < 9 && guessed.code != ApiError::Code::TooManyAttempts; ++i) {
            bool done = false;
            api->post(protocol::path::Login,
                      {{u"email"_s, Daniel}, {u"password"_s, u"guess-number-%1"_s.arg(i)}}, {},
                      this, [&](const ApiResult &result) {
                          guessed = result.error;
                          done = true;
                      });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        }
        QCOMPARE(guessed.code, ApiError::Code::TooManyAttempts);
        // The next run presents the stored proof (whatever case the address is typed in), so
        // the owner is not locked out, and gets a new proof.
        SessionManager sessions(Profile(), api.get(), &secrets);
        QCOMPARE(signIn(sessions, u" Daniel.Cho@MOIM.example"_s, Password, true),
                 PasswordLogin::State::SignedIn);
        QTRY_VERIFY(secrets.contents().value(DeviceProofStore::keychainKey(Daniel)) != first);
        // "Delete local data" takes it too.
        sessions.logout(true);
        QTRY_VERIFY(secrets.contents().isEmpty());
    }

    void emptyFieldsFailWithoutARequest()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        ApiError error;
        QCOMPARE(signIn(sessions, u"  "_s, Password, true, false, &error),
                 PasswordLogin::State::Failed);
        QCOMPARE(error.code, ApiError::Code::InvalidInput);
    }

    void wrongPasswordFailsAndCanBeRetried()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Alex, u"not-the-password"_s, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::Failed, 20000);
        QCOMPARE(login.error().code, ApiError::Code::InvalidCredentials);
        QCOMPARE(sessions.state(), SessionManager::State::SignedOut);
        login.submit(Alex, Password, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
    }

    void rememberedSessionRestoresFromCacheFirst()
    {
        MemorySecretStore secrets;
        QString firstToken;
        {
            auto api = makeApi();
            SessionManager sessions(Profile(), api.get(), &secrets);
            QCOMPARE(signIn(sessions, Jimin, Password, true), PasswordLogin::State::SignedIn);
            QTRY_COMPARE(secrets.contents().size(), 2);
            firstToken =
                secrets.contents().value(sessions.keychainKey(sessions.account()->identity().id));
        }
        auto api = makeApi();
        SessionManager restored(Profile(), api.get(), &secrets);
        QVERIFY(restored.restore());
        // Before any network answer: signed in, with the cached workspaces on screen.
        QCOMPARE(restored.state(), SessionManager::State::SignedIn);
        QCOMPARE(restored.account()->workspaces()->rowCount(), 3);
        QCOMPARE(restored.account()->identity().displayName, u"김지민"_s);
        // Then online, with the refresh token rotated and the new one stored.
        QTRY_COMPARE_WITH_TIMEOUT(restored.account()->connection(), Account::Connection::Online,
                                  10000);
        const QString tokenKey = restored.keychainKey(restored.account()->identity().id);
        QTRY_VERIFY(secrets.contents().value(tokenKey) != firstToken);
        QCOMPARE(secrets.contents().value(tokenKey), restored.account()->refreshToken());
    }

    void notKeepingSignedInRemembersNothing()
    {
        MemorySecretStore secrets;
        {
            auto api = makeApi();
            SessionManager sessions(Profile(), api.get(), &secrets);
            QCOMPARE(signIn(sessions, Jimin, Password, false), PasswordLogin::State::SignedIn);
            QVERIFY(sessions.isSessionOnly());
        }
        QVERIFY(secrets.contents().isEmpty());
        auto api = makeApi();
        SessionManager next(Profile(), api.get(), &secrets);
        QVERIFY(!next.restore());
        QCOMPARE(next.state(), SessionManager::State::SignedOut);
    }

    void unavailableKeychainKeepsTheSessionInMemoryOnly()
    {
        MemorySecretStore secrets;
        secrets.setAvailable(false);
        auto api = makeApi();
        SessionManager sessions(Profile(), api.get(), &secrets);
        QSignalSpy unavailable(&sessions, &SessionManager::keychainUnavailable);
        QCOMPARE(signIn(sessions, Jimin, Password, true), PasswordLogin::State::SignedIn);
        QTRY_COMPARE(unavailable.size(), 1);
        QVERIFY(sessions.isSessionOnly());
        QCOMPARE(sessions.state(), SessionManager::State::SignedIn);
        // Nothing anywhere on disk names the token.
        const QString token = sessions.account()->refreshToken();
        QDirIterator files(m_home->path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(token.toUtf8()), qPrintable(file.fileName()));
        }
        // Told once, not at every rotation.
        sessions.account()->retryNow();
        QCOMPARE(unavailable.size(), 1);
    }

    void logoutRevokesAndForgets()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        QCOMPARE(signIn(sessions, Jimin, Password, true), PasswordLogin::State::SignedIn);
        QTRY_COMPARE(secrets.contents().size(), 2);
        const QString refreshToken = sessions.account()->refreshToken();
        const QString tokenKey = sessions.keychainKey(sessions.account()->identity().id);
        const QString cacheFile = sessions.cacheFile(sessions.account()->identity().id);
        QSignalSpy signedOut(&sessions, &SessionManager::signedOut);
        sessions.logout();
        QCOMPARE(sessions.state(), SessionManager::State::SignedOut);
        QCOMPARE(signedOut.size(), 1);
        // The refresh token is gone; only the device proof stays (it signs nobody in).
        QTRY_VERIFY(!secrets.contents().contains(tokenKey));
        QCOMPARE(secrets.contents().keys(), QStringList{DeviceProofStore::keychainKey(Jimin)});
        QVERIFY(QFile::exists(cacheFile)); // kept: not a shared computer, not asked to delete

        // The server forgot the session: its refresh token no longer works.
        bool done = false;
        ApiResult refreshed;
        api->post(protocol::path::Refresh, {{u"refresh_token"_s, refreshToken}}, {}, this,
                  [&](const ApiResult &result) {
                      refreshed = result;
                      done = true;
                  });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(refreshed.error.code, ApiError::Code::InvalidToken);
    }

    void sharedComputerDeletesTheCacheAtLogout()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        QCOMPARE(signIn(sessions, Jimin, Password, true, true), PasswordLogin::State::SignedIn);
        // A shared computer never remembers, whatever "keep me signed in" said.
        QVERIFY(sessions.isSessionOnly());
        const QString accountId = sessions.account()->identity().id;
        const QString cacheFile = sessions.cacheFile(accountId);
        QVERIFY(QFile::exists(cacheFile));
        const QString opened = FileDownloads::cacheDirFor(accountId) + u"/files/report.pdf"_s;
        QVERIFY(QDir().mkpath(QFileInfo(opened).path()));
        QFile file(opened);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("%PDF-1.7");
        file.close();
        sessions.logout();
        QVERIFY(!QFile::exists(cacheFile));
        QVERIFY(!QDir(FileDownloads::cacheDirFor(accountId)).exists());
        QVERIFY(!QDir(sessions.profile().accountDir(accountId)).exists());
        QVERIFY(secrets.contents().isEmpty());
    }

    void sharedComputerDeletesItsDataAtQuit()
    {
        MemorySecretStore secrets;
        QString accountDir, cacheFile, fileCacheDir;
        {
            auto api = makeApi();
            SessionManager sessions(Profile(), api.get(), &secrets);
            QVERIFY(!sessions.lastSignInWasShared());
            QCOMPARE(signIn(sessions, Jimin, Password, true, true), PasswordLogin::State::SignedIn);
            const QString accountId = sessions.account()->identity().id;
            accountDir = sessions.profile().accountDir(accountId);
            cacheFile = sessions.cacheFile(accountId);
            QVERIFY(QFile::exists(cacheFile));
            // What a killed process would leave is already named on disk, for the next start.
            QSettings onDisk(sessions.profile().settingsFile(), QSettings::IniFormat);
            QCOMPARE(onDisk.value(u"sharedComputer/deleteAccountData"_s).toStringList(),
                     QStringList{accountId});
            QCOMPARE(sessions.accountsMarkedForDeletion(), QStringList{accountId});
            // Anything else the account keeps in its folder goes too, not only the cache.
            QFile other(accountDir + u"/outbox.sqlite"_s);
            QVERIFY(other.open(QIODevice::WriteOnly));
            other.write("pending");
            other.close();
            // And the files it opened and the previews it kept, in the cache folder.
            fileCacheDir = FileDownloads::cacheDirFor(accountId);
            QVERIFY(QDir().mkpath(fileCacheDir + u"/previews"_s));
            QFile preview(fileCacheDir + u"/previews/f_1.jpg"_s);
            QVERIFY(preview.open(QIODevice::WriteOnly));
            preview.write("jpeg");
            preview.close();
        } // Quit: the session manager goes without a logout.
        QVERIFY(!QDir(fileCacheDir).exists());
        QVERIFY(!QFile::exists(cacheFile));
        QVERIFY(!QFileInfo::exists(cacheFile + u"-wal"_s));
        QVERIFY(!QDir(accountDir).exists());
        QVERIFY(secrets.contents().isEmpty());

        auto api = makeApi();
        SessionManager next(Profile(), api.get(), &secrets);
        QVERIFY(next.accountsMarkedForDeletion().isEmpty());
        QVERIFY(!next.restore());
        // The next person is offered the same choice.
        QVERIFY(next.lastSignInWasShared());
        // Until someone signs in on a computer of their own: then it is the default again.
        QCOMPARE(signIn(next, Alex, Password, true, false), PasswordLogin::State::SignedIn);
        QVERIFY(!next.lastSignInWasShared());
        QVERIFY(next.accountsMarkedForDeletion().isEmpty());
    }

    void aNewSignInEndsTheSharedSessionAndItsData()
    {
        auto api = makeApi();
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        QCOMPARE(signIn(sessions, Jimin, Password, false, true), PasswordLogin::State::SignedIn);
        const QString sharedDir = sessions.profile().accountDir(sessions.account()->identity().id);
        QVERIFY(QDir(sharedDir).exists());
        QCOMPARE(signIn(sessions, Alex, Password, true, false), PasswordLogin::State::SignedIn);
        QVERIFY(!QDir(sharedDir).exists());
        QVERIFY(sessions.accountsMarkedForDeletion().isEmpty());
        // The remembered session of a computer of one's own keeps its data.
        const QString ownCache = sessions.cacheFile(sessions.account()->identity().id);
        QVERIFY(QFile::exists(ownCache));
        sessions.logout();
        QVERIFY(QFile::exists(ownCache));
    }

    void offlineLogoutQueuesTheRevocation()
    {
        // A server of its own, so stopping it does not disturb the other tests.
        test::MockServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        auto api = std::make_unique<ApiClient>(ServerAddress::parse(server.url().toString()),
                                               u"moim-desktop"_s, u"0.1.0"_s);
        MemorySecretStore secrets;
        SessionManager sessions(Profile(), api.get(), &secrets);
        QCOMPARE(signIn(sessions, Jimin, Password, true), PasswordLogin::State::SignedIn);
        const QString refreshToken = sessions.account()->refreshToken();

        server.stop();
        sessions.logout();
        // Local session secrets go at once, offline or not (the device proof stays).
        QCOMPARE(sessions.state(), SessionManager::State::SignedOut);
        QTRY_COMPARE(secrets.contents().keys(), QStringList{DeviceProofStore::keychainKey(Jimin)});
        QTRY_COMPARE_WITH_TIMEOUT(sessions.pendingRevocationCount(), 1, 10000);
        QFile settings(sessions.profile().settingsFile());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(refreshToken.toUtf8()));

        // Back online: the owed revocation is delivered and the session is gone at the server.
        QVERIFY2(server.restart(), qPrintable(server.output()));
        sessions.flushPendingRevocations();
        QTRY_COMPARE_WITH_TIMEOUT(sessions.pendingRevocationCount(), 0, 10000);
        bool done = false;
        ApiResult refreshed;
        api->post(protocol::path::Refresh, {{u"refresh_token"_s, refreshToken}}, {}, this,
                  [&](const ApiResult &result) {
                      refreshed = result;
                      done = true;
                  });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QCOMPARE(refreshed.error.code, ApiError::Code::InvalidToken);
    }
};

QTEST_GUILESS_MAIN(TestSessionManager)
#include "test_session_manager.moc"
