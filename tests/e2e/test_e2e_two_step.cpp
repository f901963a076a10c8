// 2-step verification end to end: the real server process, the real keychain, the real windows
// (offscreen), moim-phone as the authenticator that scans the QR code, and Debian's oathtool as
// an independent TOTP implementation.
#include "account/account_security.h"
#include "account/my_account_page.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "common/notice.h"
#include "login/new_password_fields.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "main/workspace_tile.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "onboarding/deep_link.h"
#include "onboarding/invite_flow.h"
#include "secrets/keychain_secret_store.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestE2eTwoStep : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    QTemporaryDir m_phoneDir;
    qint64 m_clockOffset = 0;

    struct Client
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<KeychainSecretStore> secrets;
        std::unique_ptr<SessionManager> sessions;
    };

    Client makeClient(const QString &profileName = {})
    {
        Client client;
        client.api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                                 u"moim-desktop"_s, u"0.1.0"_s);
        const Profile profile = profileName.isEmpty() ? Profile() : Profile(profileName);
        client.secrets = std::make_unique<KeychainSecretStore>(
            SessionManager::keychainService(profile, client.api.get()));
        client.sessions =
            std::make_unique<SessionManager>(profile, client.api.get(), client.secrets.get());
        return client;
    }

    // Moves the server clock to the next 30-second step, so the next code is a fresh one.
    qint64 nextStep()
    {
        m_clockOffset += 30;
        m_server.admin({u"clock"_s, u"--offset"_s, QString::number(m_clockOffset)});
        return QDateTime::currentSecsSinceEpoch() + m_clockOffset;
    }

    static QString oathtool(const QString &secret, qint64 time)
    {
        QProcess process;
        process.start(u"oathtool"_s,
                      {u"--totp"_s, u"-b"_s, u"--now"_s, u"@"_s + QString::number(time), secret});
        process.waitForFinished(10000);
        return QString::fromLatin1(process.readAllStandardOutput()).trimmed();
    }

    // Runs moim-phone with this test's phone profile; returns exit code and output.
    QPair<int, QString> phone(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(test::MockServerProcess::phoneBinary(),
                      QStringList{u"--server"_s, m_server.url().toString(), u"--profile"_s,
                                  m_phoneDir.path()} +
                          arguments);
        process.waitForStarted();
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(30000);
        return {process.exitCode(), QString::fromUtf8(process.readAll())};
    }

    // Enrols the signed-in account from My account: the QR code goes to moim-phone as an
    // image, its code confirms. Returns the setup secret and fills the recovery codes.
    // startSetup false: the page was opened at the setup already (from a locked workspace).
    QString enrolFromDesktop(ui::MyAccountPage &page, const QString &account, QStringList *recovery,
                             bool startSetup = true)
    {
        QString secret;
        [&] {
            if (startSetup)
                page.startTwoStepSetup();
            QTRY_COMPARE_WITH_TIMEOUT(page.twoStepView(), ui::MyAccountPage::TwoStepView::Setup,
                                      10000);
            const QString image = m_phoneDir.filePath(u"qr.png"_s);
            QVERIFY(page.qrImage().save(image));
            const auto added = phone({u"totp"_s, u"add"_s, u"--image"_s, image});
            QVERIFY2(added.first == 0, qPrintable(added.second));
            QVERIFY(added.second.contains(account));
            nextStep();
            const auto code = phone({u"totp"_s, u"code"_s, account});
            QCOMPARE(code.first, 0);
            // moim-phone's code is for real time; the server is ahead: use its own clock.
            secret = page.setupSecret().remove(u' ');
            // Without sight: the key is text in the label's name, and both it and the
            // otpauth link can be copied.
            QVERIFY2(page.setupKeyLabel()->accessibleName().contains(secret.left(4) + u' ' +
                                                                     secret.mid(4, 4)),
                     qPrintable(page.setupKeyLabel()->accessibleName()));
            page.copyKeyButton()->click();
            QCOMPARE(QGuiApplication::clipboard()->text(), secret);
            page.copySetupLinkButton()->click();
            QVERIFY(QGuiApplication::clipboard()->text().startsWith(u"otpauth://totp/"_s));
            QVERIFY(QGuiApplication::clipboard()->text().contains(secret));
            if (startSetup) {
                // A typo keeps the scanned key: the page stays, says why, and the same key
                // confirms afterwards (no dead entry in the app).
                QTest::keyClicks(page.setupCodeField(), u"000000"_s);
                QTRY_VERIFY_WITH_TIMEOUT(!page.setupNotice()->isHidden(), 10000);
                QCOMPARE(page.twoStepView(), ui::MyAccountPage::TwoStepView::Setup);
                QCOMPARE(page.setupSecret().remove(u' '), secret);
                QVERIFY(page.setupCodeField()->text().isEmpty());
                QTest::qWait(1100); // the one-second pause after a counted wrong code
            }
            page.setupCodeField()->setText(
                oathtool(secret, QDateTime::currentSecsSinceEpoch() + m_clockOffset));
            // The phone agrees with oathtool (either side of a step boundary).
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            QVERIFY2(code.second.trimmed() == oathtool(secret, now) ||
                         code.second.trimmed() == oathtool(secret, now - 30),
                     qPrintable(code.second));
            page.confirmButton()->click();
            QTRY_COMPARE_WITH_TIMEOUT(page.twoStepView(),
                                      ui::MyAccountPage::TwoStepView::RecoveryCodes, 10000);
            *recovery = page.recoveryCodes();
            QCOMPARE(recovery->size(), 10);
            page.doneButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(page.isTwoStepEnabled(), 10000);
        }();
        return secret;
    }

    void waitFor(PasswordLogin &login, std::initializer_list<PasswordLogin::State> states)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            std::find(states.begin(), states.end(), login.state()) != states.end(), 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_phoneDir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void enableSignInWithCodesAndRecovery()
    {
        Client client = makeClient();
        {
            PasswordLogin login(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
            login.submit(Alex, Password, true, false);
            waitFor(login, {PasswordLogin::State::SignedIn, PasswordLogin::State::Failed});
            QCOMPARE(login.state(), PasswordLogin::State::SignedIn);
        }
        QStringList recovery;
        QString secret;
        {
            ui::MyAccountPage page(client.sessions->account());
            QTRY_VERIFY_WITH_TIMEOUT(page.enableButton()->isVisible() || !page.isVisible(), 5000);
            secret = enrolFromDesktop(page, u"alex.park"_s, &recovery);
        }
        QVERIFY(!secret.isEmpty());
        const QString confirmCode =
            oathtool(secret, QDateTime::currentSecsSinceEpoch() + m_clockOffset);

        // Sign out; the password alone no longer signs in.
        client.sessions->logout();
        QTRY_COMPARE(client.sessions->state(), SessionManager::State::SignedOut);
        PasswordLogin login(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Alex, Password, true, false);
        waitFor(login, {PasswordLogin::State::NeedsSecondFactor, PasswordLogin::State::Failed});
        QCOMPARE(login.state(), PasswordLogin::State::NeedsSecondFactor);
        QCOMPARE(client.sessions->state(), SessionManager::State::SignedOut);

        // The code that confirmed the setup was spent there.
        login.submitCode(confirmCode);
        QTRY_COMPARE_WITH_TIMEOUT(login.error().code, ApiError::Code::CodeReused, 10000);
        QCOMPARE(login.state(), PasswordLogin::State::NeedsSecondFactor);

        // oathtool's code for the next step is accepted.
        const QString fresh = oathtool(secret, nextStep());
        login.submitCode(fresh);
        waitFor(login, {PasswordLogin::State::SignedIn, PasswordLogin::State::Failed});
        QCOMPARE(login.state(), PasswordLogin::State::SignedIn);
        QCOMPARE(client.sessions->state(), SessionManager::State::SignedIn);

        // The same code again is refused.
        client.sessions->logout();
        QTRY_COMPARE(client.sessions->state(), SessionManager::State::SignedOut);
        login.reset();
        login.submit(Alex, Password, true, false);
        waitFor(login, {PasswordLogin::State::NeedsSecondFactor, PasswordLogin::State::Failed});
        login.submitCode(fresh);
        QTRY_COMPARE_WITH_TIMEOUT(login.error().code, ApiError::Code::CodeReused, 10000);

        // A recovery code works once.
        login.submitRecoveryCode(recovery.at(0));
        waitFor(login, {PasswordLogin::State::SignedIn, PasswordLogin::State::Failed});
        QCOMPARE(login.state(), PasswordLogin::State::SignedIn);
        client.sessions->logout();
        QTRY_COMPARE(client.sessions->state(), SessionManager::State::SignedOut);
        login.reset();
        login.submit(Alex, Password, true, false);
        waitFor(login, {PasswordLogin::State::NeedsSecondFactor, PasswordLogin::State::Failed});
        login.submitRecoveryCode(recovery.at(0));
        QTRY_COMPARE_WITH_TIMEOUT(login.error().code, ApiError::Code::InvalidCode, 10000);
        QCOMPARE(login.state(), PasswordLogin::State::NeedsSecondFactor);
        login.reset();

        // The phone's own sign-in asks for the code: without one it is refused ...
        const auto refused = phone({u"login"_s, u"--email"_s, Alex, u"--password-stdin"_s},
                                   Password.toUtf8() + '\n');
        QVERIFY(refused.first != 0);
        QVERIFY2(refused.second.contains(u"2-step"_s), qPrintable(refused.second));
        // ... and with the code on the next line of input it signs in.
        const QByteArray withCode =
            (Password + u'\n' + oathtool(secret, nextStep()) + u'\n').toUtf8();
        const auto signedIn =
            phone({u"login"_s, u"--email"_s, Alex, u"--password-stdin"_s}, withCode);
        QVERIFY2(signedIn.first == 0, qPrintable(signedIn.second));
        QVERIFY(signedIn.second.contains(u"Signed in on this phone"_s));
        m_secret = secret;
    }

    void changePasswordEndsOtherSessions()
    {
        QVERIFY(!m_secret.isEmpty());
        Client other = makeClient(u"other"_s);
        Client mine = makeClient();
        for (Client *client : {&other, &mine}) {
            // The other device is a phone: the device list says so in the UI's language.
            PasswordLogin login(client->sessions.get(),
                                client == &other
                                    ? DeviceInfo{u"galaxy"_s, u"Android 14"_s, u"mobile"_s}
                                    : DeviceInfo::thisMachine(u"desktop"_s));
            login.submit(Alex, Password, false, false);
            waitFor(login, {PasswordLogin::State::NeedsSecondFactor, PasswordLogin::State::Failed});
            login.submitCode(oathtool(m_secret, nextStep()));
            waitFor(login, {PasswordLogin::State::SignedIn, PasswordLogin::State::Failed});
            QCOMPARE(login.state(), PasswordLogin::State::SignedIn);
        }
        QTRY_COMPARE_WITH_TIMEOUT(other.sessions->account()->connection(),
                                  Account::Connection::Online, 10000);
        QSignalSpy otherSignedOut(other.sessions.get(), &SessionManager::signedOut);

        ui::MyAccountPage page(mine.sessions->account());
        QTRY_VERIFY_WITH_TIMEOUT(page.isTwoStepEnabled(), 10000);
        page.findChild<QTabWidget *>()->setCurrentIndex(2);
        const auto listed = [&page](const QString &line) {
            return !page.sessionList()->findItems(line, Qt::MatchStartsWith).isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(u"Phone: galaxy · Android 14 — last active"_s), 10000);
        page.currentPasswordField()->setText(Password);
        // A confirmation that differs is caught before anything is sent.
        page.newPasswordFields()->passwordField()->setText(u"a-quieter-evening-in-busan"_s);
        page.newPasswordFields()->confirmField()->setText(u"a-quieter-evening-in-pusan"_s);
        page.passwordCodeField()->setText(u"000000"_s);
        page.changePasswordButton()->click();
        QVERIFY(!page.passwordNotice()->isHidden());
        QCOMPARE(page.passwordNotice()->message(), u"The two passwords don't match."_s);
        QVERIFY(page.changePasswordButton()->isEnabled());
        page.newPasswordFields()->confirmField()->setText(u"a-quieter-evening-in-busan"_s);
        page.passwordCodeField()->setText(oathtool(m_secret, nextStep()));
        page.changePasswordButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.passwordNotice()->isHidden(), 20000);
        QVERIFY2(page.passwordNotice()->message().contains(u"signed out"_s),
                 qPrintable(page.passwordNotice()->message()));
        // The other desktop is told at once, over its event stream.
        QTRY_COMPARE_WITH_TIMEOUT(other.sessions->state(), SessionManager::State::SignedOut, 10000);
        QCOMPARE(mine.sessions->state(), SessionManager::State::SignedIn);
    }

    void requiredWorkspaceLocksUntilEnrolment()
    {
        QString output;
        QCOMPARE(m_server.admin({u"require-2sv"_s, u"Moim HQ"_s}, &output), 0);
        Client client = makeClient();
        {
            // No code yet: a member without 2-step still signs in.
            PasswordLogin login(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
            login.submit(Jimin, Password, false, false);
            waitFor(login, {PasswordLogin::State::SignedIn, PasswordLogin::State::Failed});
            QCOMPARE(login.state(), PasswordLogin::State::SignedIn);
        }
        Account *account = client.sessions->account();
        QTRY_COMPARE_WITH_TIMEOUT(account->connection(), Account::Connection::Online, 10000);
        WorkspaceModel *model = account->workspaces();
        const int hq = [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->workspaces().at(row).nameEn == u"Moim HQ"_s)
                    return row;
            }
            return -1;
        }();
        QVERIFY(hq >= 0);
        QCOMPARE(model->index(hq).data(WorkspaceModel::LockedRole).toString(),
                 u"two_step_required"_s);

        QSettings uiState(m_home->path() + u"/ui.ini"_s, QSettings::IniFormat);
        ui::MainWindow window(client.sessions.get(), &uiState);
        window.show();
        window.sidebar()->selectIndex(hq);
        QVERIFY(window.unlockButton()->isVisible());
        QVERIFY(window.sidebar()->findChildren<ui::WorkspaceTile *>().size() >= 3);

        // The lock leads to enrolment; enrolling unlocks it live.
        window.unlockButton()->click();
        auto *page = window.findChild<ui::MyAccountPage *>();
        QVERIFY(page);
        QStringList recovery;
        const QString secret = enrolFromDesktop(*page, u"jimin"_s, &recovery, false);
        QVERIFY(!secret.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            model->index(hq).data(WorkspaceModel::LockedRole).toString().isEmpty(), 10000);
        window.sidebar()->selectIndex(hq);
        QTRY_VERIFY(!window.unlockButton()->isVisible());

        // From now on the password alone is not enough, on the desktop or the phone.
        Client second = makeClient(u"second"_s);
        PasswordLogin login(second.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Jimin, Password, false, false);
        waitFor(login, {PasswordLogin::State::NeedsSecondFactor, PasswordLogin::State::Failed});
        QCOMPARE(login.state(), PasswordLogin::State::NeedsSecondFactor);
        const auto phoneRefused = phone({u"login"_s, u"--email"_s, Jimin, u"--password-stdin"_s},
                                        Password.toUtf8() + '\n');
        QVERIFY(phoneRefused.first != 0);
    }

    // Joining another workspace with an account that has 2-step verification is a sign-in
    // too: the password alone is not enough.
    void invitationIntoAnEnrolledAccountNeedsTheCode()
    {
        QVERIFY(!m_secret.isEmpty());
        const QString changedPassword = u"a-quieter-evening-in-busan"_s; // see above
        const QString workspace = m_server.createWorkspace(u"인천 팀"_s, u"Incheon Team"_s);
        const auto link = DeepLink::parse(m_server.invite(Alex, workspace));
        QVERIFY(link.has_value());
        Client client = makeClient();
        InviteFlow flow(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        flow.start(link->token);
        QTRY_COMPARE_WITH_TIMEOUT(flow.state(), InviteFlow::State::Ready, 10000);
        QVERIFY(flow.preview().accountExists);

        flow.accept(changedPassword, QString(), false, false);
        QTRY_VERIFY_WITH_TIMEOUT(flow.state() != InviteFlow::State::Submitting, 20000);
        QCOMPARE(flow.state(), InviteFlow::State::Failed);
        QCOMPARE(flow.error().code, ApiError::Code::SecondFactorRequired);

        flow.accept(changedPassword, QString(), false, false, u"000000"_s);
        QTRY_VERIFY_WITH_TIMEOUT(flow.state() != InviteFlow::State::Submitting, 20000);
        QCOMPARE(flow.state(), InviteFlow::State::Failed);
        QVERIFY2(flow.error().code == ApiError::Code::InvalidCode ||
                     flow.error().code == ApiError::Code::CodeReused,
                 qPrintable(errorName(flow.error().code)));

        flow.accept(changedPassword, QString(), false, false, oathtool(m_secret, nextStep()));
        QTRY_VERIFY_WITH_TIMEOUT(flow.state() != InviteFlow::State::Submitting, 20000);
        QCOMPARE(flow.state(), InviteFlow::State::SignedIn);
        QVERIFY(client.sessions->account()->workspaces()->indexOf(workspace) >= 0);
    }

    void phoneRefusesBadOtpauthInput()
    {
        const QString secret = u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s;
        const QList<QPair<QString, QString>> cases{
            {u"otpauth://totp/Moim:a?issuer=Moim"_s, u"no secret"_s},
            {u"otpauth://totp/Moim:a?secret=!!!"_s, u"not valid base32"_s},
            {u"otpauth://totp/Moim:a?digits=8&secret="_s + secret, u"6-digit"_s},
            {u"otpauth://totp/Moim:a?algorithm=SHA512&secret="_s + secret, u"SHA1"_s},
            {u"otpauth://hotp/Moim:a?secret="_s + secret, u"time-based"_s},
            {u"otpauth://totp/"_s + QString(5000, u'x') + u"?secret="_s + secret, u"too long"_s},
        };
        for (const auto &[uri, message] : cases) {
            const auto result = phone({u"totp"_s, u"add"_s, u"--uri"_s, uri});
            QCOMPARE(result.first, 1);
            QVERIFY2(result.second.contains(message), qPrintable(result.second));
        }
        // An image without a QR code is reported, not a crash.
        QImage blank(200, 200, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString path = m_phoneDir.filePath(u"blank.png"_s);
        QVERIFY(blank.save(path));
        const auto none = phone({u"totp"_s, u"add"_s, u"--image"_s, path});
        QCOMPARE(none.first, 1);
        QVERIFY(none.second.contains(u"no QR code"_s));
    }

private:
    QString m_secret;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestE2eTwoStep test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_e2e_two_step.moc"
