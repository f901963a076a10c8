// Onboarding in the windows, offscreen, against the real server: a link handed over by a
// second `moim` process, the invite page with its strength meter, link problems, forgot password.
#include "auth/session_manager.h"
#include "common/notice.h"
#include "login/info_page.h"
#include "login/invite_page.h"
#include "login/login_window.h"
#include "login/new_password_fields.h"
#include "login/password_page.h"
#include "login/recovery_pages.h"
#include "main/main_window.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "platform/single_instance.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QUuid>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

class TestOnboardingWindow : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<ApiClient> m_api;
    MemorySecretStore m_secrets;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    QTemporaryDir m_runtime;

    QString uniqueEmail()
    {
        return u"ui.%1@moim.example"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init()
    {
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
        m_windows = std::make_unique<WindowController>(m_sessions.get());
        m_windows->start();
    }

    void cleanup()
    {
        m_windows.reset();
        m_sessions.reset();
        m_api.reset();
    }

    void secondStartHandsItsLinkToTheFirst()
    {
        const QString profile = u"ui-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        SingleInstance primary(profile);
        QVERIFY(primary.becomePrimary());
        connect(&primary, &SingleInstance::activationRequested, m_windows.get(),
                &WindowController::openLink);

        const QString workspace = m_server.createWorkspace(u"제주 팀"_s, u"Jeju Team"_s);
        const QString link = m_server.invite(uniqueEmail(), workspace);
        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(qEnvironmentVariable("MOIM_APP_BIN"),
                     {u"--profile"_s, profile, u"--server"_s, m_server.url().toString(), link});
        QVERIFY(second.waitForStarted());
        // The second start delivers and leaves; the first shows the invitation.
        QTRY_VERIFY_WITH_TIMEOUT(second.state() == QProcess::NotRunning, 20000);
        QVERIFY2(second.exitCode() == 0, second.readAll().constData());
        LoginWindow *login = m_windows->loginWindow();
        QTRY_COMPARE_WITH_TIMEOUT(login->currentPage(), LoginWindow::Page::Invite, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(login->inviteFlow()->state(), InviteFlow::State::Ready, 10000);
        QVERIFY2(login->invitePage()->summaryText().contains(u"제주 팀"_s),
                 qPrintable(login->invitePage()->summaryText()));
        QVERIFY(login->invitePage()->summaryText().contains(u"김지민"_s));
    }

    void profilesHaveTheirOwnSocketAndStaleOnesAreRecovered()
    {
        const QString base = QUuid::createUuid().toString(QUuid::Id128).left(8);
        SingleInstance first(u"a-"_s + base);
        SingleInstance second(u"b-"_s + base);
        QVERIFY(first.socketPath() != second.socketPath());
        QVERIFY(first.socketPath().startsWith(m_runtime.path()));
        QVERIFY(first.becomePrimary());
        QVERIFY(second.becomePrimary()); // another profile runs side by side

        // The same profile again is refused (the hand-over itself needs a second process,
        // see the test above).
        SingleInstance sameAsFirst(u"a-"_s + base);
        QVERIFY(!sameAsFirst.becomePrimary());

        // A file left where a crashed instance's socket was: the next start takes over.
        SingleInstance crashed(u"c-"_s + base);
        QFile stale(crashed.socketPath());
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("left behind");
        stale.close();
        QVERIFY(crashed.becomePrimary());
        SingleInstance later(u"c-"_s + base);
        QVERIFY(!later.becomePrimary());
    }

    void newMemberJoinsWithAStrongPassword()
    {
        const QString workspace = m_server.createWorkspace(u"광주 팀"_s, u"Gwangju Team"_s);
        const QString email = uniqueEmail();
        m_windows->openLink(m_server.invite(email, workspace));
        LoginWindow *login = m_windows->loginWindow();
        QTRY_COMPARE_WITH_TIMEOUT(login->inviteFlow()->state(), InviteFlow::State::Ready, 10000);
        InvitePage *page = login->invitePage();
        NewPasswordFields *fields = page->newPassword();

        page->nameField()->setText(u"새 사람"_s);
        // The meter speaks as the user types, with the server's own rule.
        QTest::keyClicks(fields->passwordField(), u"short"_s);
        QVERIFY2(fields->strengthText().contains(u"Too short"_s),
                 qPrintable(fields->strengthText()));
        fields->passwordField()->setText(u"gwangju-team-2026"_s.left(12));
        fields->passwordField()->setText(u"aaaaaaaaaaaaaa"_s);
        QCOMPARE(fields->strengthText(), u"Too easy to guess"_s);
        QCOMPARE(fields->findChild<QProgressBar *>()->property("level").toByteArray(), "weak");
        fields->passwordField()->setText(u"jeju-sunrise-hallasan-42"_s);
        QVERIFY(fields->score() >= 2);
        QVERIFY(fields->findChild<QProgressBar *>()->property("level").toByteArray() != "weak");
        // One eye shows both fields, to compare them; it is named and reached with Tab.
        const auto eyes = fields->passwordField()->findChildren<QToolButton *>();
        QCOMPARE(eyes.size(), 1);
        QCOMPARE(eyes.first()->accessibleName(), u"Show password"_s);
        QVERIFY(eyes.first()->focusPolicy() & Qt::TabFocus);
        eyes.first()->defaultAction()->trigger();
        QCOMPARE(fields->passwordField()->echoMode(), QLineEdit::Normal);
        QCOMPARE(fields->confirmField()->echoMode(), QLineEdit::Normal);
        QCOMPARE(eyes.first()->accessibleName(), u"Hide password"_s);
        eyes.first()->defaultAction()->trigger();
        QCOMPARE(fields->confirmField()->echoMode(), QLineEdit::Password);
        // A mismatch is caught before anything is sent.
        fields->confirmField()->setText(u"jeju-sunrise"_s);
        QTest::mouseClick(page->joinButton(), Qt::LeftButton);
        QVERIFY(page->isErrorVisible());
        QVERIFY(page->errorText().contains(u"don't match"_s));
        fields->confirmField()->setText(u"jeju-sunrise-hallasan-42"_s);
        QTest::mouseClick(page->joinButton(), Qt::LeftButton);

        // Signed in, and landed in the workspace of the invitation.
        QTRY_VERIFY_WITH_TIMEOUT(m_windows->mainWindow() && m_windows->mainWindow()->isVisible(),
                                 20000);
        QCOMPARE(m_windows->mainWindow()->currentWorkspaceId(), workspace);
    }

    void brokenLinksGetAnExplanation()
    {
        LoginWindow *login = m_windows->loginWindow();
        // From the command line: an explanation page with the seed's guidance.
        m_windows->openLink(u"moim://invite/too-short"_s);
        QCOMPARE(login->currentPage(), LoginWindow::Page::LinkProblem);
        QVERIFY(login->linkProblemPage()->bodyText().contains(u"spam"_s));
        QVERIFY(login->linkProblemPage()->bodyText().contains(u"resend"_s));

        // A well-formed link the server does not know.
        m_windows->openLink(u"moim://invite/"_s + QString(43, u'Q'));
        QTRY_COMPARE_WITH_TIMEOUT(login->currentPage(), LoginWindow::Page::LinkProblem, 10000);
        QCOMPARE(login->linkProblemPage()->title(), u"This invitation link doesn't work"_s);

        // Pasted by hand: the error stays beside what was typed.
        QTest::mouseClick(login->linkProblemPage()->backButton(), Qt::LeftButton);
        QTest::mouseClick(login->passwordPage()->pasteLinkButton(), Qt::LeftButton);
        QCOMPARE(login->currentPage(), LoginWindow::Page::PasteLink);
        login->pasteLinkPage()->linkField()->setText(u"https://example.com/not-moim"_s);
        QTest::mouseClick(login->pasteLinkPage()->openButton(), Qt::LeftButton);
        QCOMPARE(login->currentPage(), LoginWindow::Page::PasteLink);
        QVERIFY(login->pasteLinkPage()->errorText().contains(u"moim://"_s));
    }

    void usedInvitationSaysSo()
    {
        const QString workspace = m_server.createWorkspace(u"울산 팀"_s, u"Ulsan Team"_s);
        const QString link = m_server.invite(u"alex.park@moim.example"_s, workspace);
        LoginWindow *login = m_windows->loginWindow();
        m_windows->openLink(link);
        QTRY_COMPARE_WITH_TIMEOUT(login->inviteFlow()->state(), InviteFlow::State::Ready, 10000);
        // An existing account is asked for its password, not a new one.
        QVERIFY(login->invitePage()->existingPasswordField()->isVisibleTo(login));
        login->invitePage()->existingPasswordField()->setText(u"seoul-spring-gathering"_s);
        QTest::mouseClick(login->invitePage()->joinButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_windows->mainWindow() && m_windows->mainWindow()->isVisible(),
                                 20000);
        QCOMPARE(m_windows->mainWindow()->currentWorkspaceId(), workspace);
        m_sessions->logout();
        QTRY_VERIFY(m_windows->loginWindow() && m_windows->loginWindow()->isVisible());
        m_windows->openLink(link);
        login = m_windows->loginWindow();
        QTRY_COMPARE_WITH_TIMEOUT(login->currentPage(), LoginWindow::Page::LinkProblem, 10000);
        QCOMPARE(login->linkProblemPage()->title(), u"This invitation was already used"_s);
    }

    void forgotPasswordAnswersTheSameForEveryone()
    {
        LoginWindow *login = m_windows->loginWindow();
        login->passwordPage()->emailField()->setText(u"nobody@moim.example"_s);
        QTest::mouseClick(login->passwordPage()->forgotButton(), Qt::LeftButton);
        QCOMPARE(login->currentPage(), LoginWindow::Page::ForgotPassword);
        // What was typed on the sign-in page comes along.
        QCOMPARE(login->forgotPasswordPage()->emailField()->text(), u"nobody@moim.example"_s);
        QTest::mouseClick(login->forgotPasswordPage()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            login->forgotPasswordPage()->messageText().contains(u"If nobody@moim.example has"_s),
            10000);
        QVERIFY(login->forgotPasswordPage()->messageText().contains(u"spam"_s));
        // A confirmation, in the info look: not red, not an alert.
        auto *notice = login->forgotPasswordPage()->findChild<Notice *>();
        QVERIFY(notice);
        QCOMPARE(notice->kind(), Notice::Kind::Info);
        QCOMPARE(notice->property("role").toString(), u"infoBox"_s);
    }
};

QTEST_MAIN(TestOnboardingWindow)
#include "test_onboarding_window.moc"
