// The login window offscreen, against the real mock server: every state and message a user can
// meet, in English and Korean, and sign-in with the keyboard alone.
#include "account/my_account_page.h"
#include "auth/session_manager.h"
#include "common/accessible_fields.h"
#include "common/notice.h"
#include "language.h"
#include "login/code_page.h"
#include "login/info_page.h"
#include "login/login_window.h"
#include "login/new_password_fields.h"
#include "login/password_page.h"
#include "login/push_page.h"
#include "login/qr_page.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "otp/totp.h"
#include "screen_reader_on.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTcpServer>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Seojun = u"seojun.lee@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

namespace {

// Stands where Qt's AT-SPI bridge would: every text that text events carry, as sent.
QStringList textsSentToScreenReaders;
void recordTextEvents(QAccessibleEvent *event)
{
    switch (event->type()) {
    case QAccessible::TextInserted:
        textsSentToScreenReaders
            << static_cast<QAccessibleTextInsertEvent *>(event)->textInserted();
        break;
    case QAccessible::TextRemoved:
        textsSentToScreenReaders << static_cast<QAccessibleTextRemoveEvent *>(event)->textRemoved();
        break;
    case QAccessible::TextUpdated: {
        auto *updated = static_cast<QAccessibleTextUpdateEvent *>(event);
        textsSentToScreenReaders << updated->textRemoved() << updated->textInserted();
        break;
    }
    default:
        break;
    }
}

} // namespace

class TestLoginWindow : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;

    struct Fixture
    {
        std::unique_ptr<ApiClient> api;
        MemorySecretStore secrets;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<WindowController> windows;
    };

    std::unique_ptr<Fixture> open(const QUrl &server, const QString &version = u"0.1.0"_s)
    {
        auto fixture = std::make_unique<Fixture>();
        fixture->api = std::make_unique<ApiClient>(ServerAddress::parse(server.toString()),
                                                   u"moim-desktop"_s, version);
        fixture->sessions =
            std::make_unique<SessionManager>(Profile(), fixture->api.get(), &fixture->secrets);
        fixture->windows = std::make_unique<WindowController>(fixture->sessions.get());
        fixture->windows->start();
        return fixture;
    }

    void typeAndSubmit(LoginWindow *login, const QString &email, const QString &password)
    {
        PasswordPage *page = login->passwordPage();
        page->emailField()->setText(email);
        page->passwordField()->setText(password);
        QTest::mouseClick(page->signInButton(), Qt::LeftButton);
    }

    // Waits for the attempt to finish and returns the message shown.
    QString waitForError(LoginWindow *login)
    {
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(login->passwordPage()->isErrorVisible() &&
                                         login->passwordPage()->signInButton()->text() !=
                                             u"Signing in…"_s,
                                     20000);
        }();
        return login->passwordPage()->errorText();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        // The recorder first, so that Moim's mask (installed by the first window controller
        // otherwise) passes its events on to it as it would to the platform's bridge.
        QAccessible::installUpdateHandler(recordTextEvents);
        installPasswordEventMask();
    }

    void thePasswordNeverReachesScreenReaders()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        PasswordPage *page = login->passwordPage();
        test::turnScreenReaderOn();
        textsSentToScreenReaders.clear();
        const QString secret = u"hunter2-비밀"_s;
        QTest::keyClicks(page->passwordField(), u"hunter2-"_s);
        page->passwordField()->insert(u"비밀"_s); // as an input method commits it
        page->passwordField()->clear();           // Qt sends the whole old text in one event here
        QVERIFY(textsSentToScreenReaders.size() >= secret.size());
        for (const QString &text : std::as_const(textsSentToScreenReaders))
            QVERIFY2(text.count(u'*') == text.size(), qPrintable(text));
        QVERIFY(textsSentToScreenReaders.join(QString()).size() >= 2 * secret.size());

        // The field itself exposes the count, not the characters.
        page->passwordField()->insert(secret);
        QAccessibleInterface *field = QAccessible::queryAccessibleInterface(page->passwordField());
        QCOMPARE(field->text(QAccessible::Value), QString(secret.size(), u'*'));
        if (QAccessibleTextInterface *text = field->textInterface())
            QVERIFY(!text->text(0, int(secret.size())).contains(u"hunter"_s));

        // Other fields keep their text: a screen reader must read back the email typed.
        textsSentToScreenReaders.clear();
        QTest::keyClicks(page->emailField(), u"jimin"_s);
        QCOMPARE(textsSentToScreenReaders.join(QString()), u"jimin"_s);
        test::turnScreenReaderOn(false);

        // The buttons inside the fields have names and are reached with Tab.
        const auto buttons = page->passwordField()->findChildren<QToolButton *>();
        QVERIFY(!buttons.isEmpty());
        for (QToolButton *button : buttons) {
            QCOMPARE(button->accessibleName(), u"Show password"_s);
            QVERIFY(button->focusPolicy() & Qt::TabFocus);
        }
        bool clearNamed = false;
        for (QToolButton *button : page->emailField()->findChildren<QToolButton *>())
            clearNamed = clearNamed || button->accessibleName() == u"Clear email"_s;
        QVERIFY(clearNamed);
    }

    void busyAndErrorsAreSaidNotOnlyPainted()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        PasswordPage *page = login->passwordPage();
        page->emailField()->setText(u"nobody@moim.example"_s);
        page->passwordField()->setText(u"wrong password"_s);
        page->signInButton()->click();
        QCOMPARE(page->signInButton()->accessibleName(), page->signInButton()->text());
        QTRY_VERIFY_WITH_TIMEOUT(page->isErrorVisible(), 10000);
        QCOMPARE(page->signInButton()->accessibleName(), u"Sign in"_s);
        QCOMPARE(page->passwordField()->accessibleDescription(), page->errorText());
        auto *notice = page->findChild<Notice *>();
        QVERIFY(notice);
        QAccessibleInterface *alert = QAccessible::queryAccessibleInterface(notice);
        QCOMPARE(alert->role(), QAccessible::AlertMessage);
        QCOMPARE(alert->text(QAccessible::Name), page->errorText());
        page->clearError();
        QVERIFY(page->passwordField()->accessibleDescription().isEmpty());
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void startsSignedOutWithSensibleDefaults()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        QVERIFY(login && login->isVisible());
        QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
        PasswordPage *page = login->passwordPage();
        QVERIFY(page->keepSignedInBox()->isChecked());
        QVERIFY(!page->sharedComputerBox()->isChecked());
        QVERIFY(!page->isErrorVisible());
        // Every control a keyboard can reach has a name a screen reader can say.
        for (QWidget *widget : login->findChildren<QWidget *>()) {
            if (widget->isVisibleTo(login) && widget->focusPolicy() & Qt::TabFocus &&
                !qobject_cast<QLineEdit *>(widget->parentWidget()))
                QVERIFY2(!widget->accessibleName().isEmpty() ||
                             !widget->property("text").toString().isEmpty(),
                         widget->metaObject()->className());
        }
        QVERIFY(!page->emailField()->accessibleName().isEmpty());
        QVERIFY(!page->passwordField()->accessibleName().isEmpty());
    }

    void onlyTheShownPageIsBuilt()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        // Start-up builds the password page alone; every other page waits until it is needed.
        QVERIFY(login->isPageBuilt(LoginWindow::Page::Password));
        for (const auto page : {LoginWindow::Page::Unauthorized, LoginWindow::Page::InviteHelp,
                                LoginWindow::Page::Invite, LoginWindow::Page::LinkProblem,
                                LoginWindow::Page::ForgotPassword, LoginWindow::Page::ResetPassword,
                                LoginWindow::Page::PasteLink, LoginWindow::Page::Qr,
                                LoginWindow::Page::SecondFactor, LoginWindow::Page::Push})
            QVERIFY2(!login->isPageBuilt(page),
                     QMetaEnum::fromType<LoginWindow::Page>().valueToKey(int(page)));
        QVERIFY(login->findChildren<QrPage *>().isEmpty());

        login->passwordPage()->qrButton()->click();
        QCOMPARE(login->currentPage(), LoginWindow::Page::Qr);
        QVERIFY(login->isPageBuilt(LoginWindow::Page::Qr));
        QCOMPARE(login->findChildren<QrPage *>().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(login->qrLogin()->state(), QrLogin::State::Waiting, 10000);
        // The page built late still fits the window it joined: look at it with
        // MOIM_SCREENSHOT_DIR set.
        if (const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR"); !dir.isEmpty())
            login->grab().save(dir + u"/login-qr.png"_s);
        // Leaving and coming back reuses the page built the first time.
        login->qrPage()->backButton()->click();
        QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
        login->passwordPage()->qrButton()->click();
        QCOMPARE(login->findChildren<QrPage *>().size(), 1);
        QVERIFY(!login->isPageBuilt(LoginWindow::Page::Push));
    }

    void aPageBuiltEarlierFollowsALanguageChange()
    {
        QVERIFY(installLanguage(*qApp, u"en"_s));
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        login->passwordPage()->helpButton()->click();
        QCOMPARE(login->inviteHelpPage()->title(), u"Invited but no mail?"_s);
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        QTRY_VERIFY(login->inviteHelpPage()->title() != u"Invited but no mail?"_s);
        QVERIFY(login->inviteHelpPage()->bodyText().contains(u"초대"_s));
        QVERIFY(installLanguage(*qApp, u"en"_s));
        QTRY_COMPARE(login->inviteHelpPage()->title(), u"Invited but no mail?"_s);
    }

    void growsWithTheTextSize()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        auto *card = login->findChild<QFrame *>(u"LoginCard"_s);
        QVERIFY(card);
        const int normalWidth = card->width();
        Theme::apply(*qApp, Theme::Scheme::Light, 150);
        const auto normalSize = qScopeGuard([] { Theme::apply(*qApp, Theme::Scheme::Light); });
        QTRY_COMPARE(card->width(), normalWidth * 3 / 2);
        // Nothing on the page is squeezed below what its text needs.
        QCoreApplication::processEvents();
        for (QPushButton *button : login->passwordPage()->findChildren<QPushButton *>()) {
            if (button->isVisibleTo(login))
                QVERIFY2(button->width() >= button->minimumSizeHint().width(),
                         qPrintable(button->text()));
        }
        if (const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR"); !dir.isEmpty()) {
            login->resize(login->sizeHint());
            QCoreApplication::processEvents();
            login->grab().save(dir + u"/login-large-text.png"_s);
        }
    }

    void sharedComputerTurnsOffKeepSignedIn()
    {
        auto f = open(m_server.url());
        PasswordPage *page = f->windows->loginWindow()->passwordPage();
        page->sharedComputerBox()->click();
        QVERIFY(!page->keepSignedInBox()->isChecked());
        QVERIFY(!page->keepSignedInBox()->isEnabled());
        page->sharedComputerBox()->click();
        QVERIFY(page->keepSignedInBox()->isEnabled());
    }

    void sharedComputerChoiceStaysForTheNextPerson()
    {
        {
            auto f = open(m_server.url());
            LoginWindow *login = f->windows->loginWindow();
            login->passwordPage()->sharedComputerBox()->click();
            typeAndSubmit(login, Jimin, Password);
            QTRY_VERIFY_WITH_TIMEOUT(
                f->windows->mainWindow() && f->windows->mainWindow()->isVisible(), 20000);
            QVERIFY(f->sessions->isSharedComputer());
        } // Quit while signed in.
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        QVERIFY(login && login->isVisible());
        PasswordPage *page = login->passwordPage();
        QVERIFY(page->sharedComputerBox()->isChecked());
        QVERIFY(!page->keepSignedInBox()->isChecked());
        QVERIFY(!page->keepSignedInBox()->isEnabled());

        // Someone at a computer of their own unticks it: from then on the usual default is back.
        page->sharedComputerBox()->click();
        page->keepSignedInBox()->click();
        typeAndSubmit(login, Alex, Password);
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 20000);
        QVERIFY(!f->sessions->isSharedComputer());
        f->sessions->logout();
        f.reset();
        auto again = open(m_server.url());
        PasswordPage *fresh = again->windows->loginWindow()->passwordPage();
        QVERIFY(!fresh->sharedComputerBox()->isChecked());
        QVERIFY(fresh->keepSignedInBox()->isChecked());
    }

    void emptyFieldsAreExplained()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        QTest::mouseClick(login->passwordPage()->signInButton(), Qt::LeftButton);
        QCOMPARE(waitForError(login), u"Enter your work email and password."_s);
    }

    void wrongPasswordGivesTheGenericMessage()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        typeAndSubmit(login, Jimin, u"definitely-wrong-password"_s);
        const QString message = waitForError(login);
        QVERIFY2(message.contains(u"incorrect"_s), qPrintable(message));
        QVERIFY2(message.contains(u"invited"_s), qPrintable(message)); // the seed's hint
        QVERIFY(login->passwordPage()->passwordField()->text().isEmpty());
        QCOMPARE(login->passwordPage()->emailField()->text(), Jimin); // what was typed stays
    }

    void deactivatedMemberSeesUnauthorizedUser()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        typeAndSubmit(login, Seojun, Password);
        QTRY_COMPARE_WITH_TIMEOUT(login->currentPage(), LoginWindow::Page::Unauthorized, 20000);
        QCOMPARE(login->unauthorizedPage()->title(), u"Unauthorized user"_s);
        const QString guidance = login->unauthorizedPage()->bodyText();
        QVERIFY(guidance.contains(u"matches the account"_s));
        QVERIFY(guidance.contains(u"deactivated"_s));
        QTest::mouseClick(login->unauthorizedPage()->backButton(), Qt::LeftButton);
        QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
    }

    void inviteHelpExplainsSpamAndResend()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        QTest::mouseClick(login->passwordPage()->helpButton(), Qt::LeftButton);
        QCOMPARE(login->currentPage(), LoginWindow::Page::InviteHelp);
        const QString help = login->inviteHelpPage()->bodyText();
        QVERIFY(help.contains(u"spam"_s));
        QVERIFY(help.contains(u"resend"_s));
        QVERIFY(help.contains(u"24 hours"_s));
    }

    void escapeGoesBackAndCtrlQQuits()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        login->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(login));
        for (QPushButton *opener :
             {login->passwordPage()->helpButton(), login->passwordPage()->qrButton(),
              login->passwordPage()->pushButton()}) {
            opener->click();
            QVERIFY(login->currentPage() != LoginWindow::Page::Password);
            QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : login,
                            Qt::Key_Escape);
            QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
        }
        // On the first page there is nowhere to go back to: Escape leaves it as it is.
        QTest::keyClick(login, Qt::Key_Escape);
        QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
        QVERIFY(login->isVisible());

        QSignalSpy quit(login, &LoginWindow::quitRequested);
        QTest::keyClick(login, Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(quit.size(), 1);
    }

    void codeFieldSubmitsAWholeCodeByItself()
    {
        CodePage page;
        page.start(u"alex@moim.example"_s);
        QSignalSpy codes(&page, &CodePage::codeSubmitted);
        QSignalSpy recoveryCodes(&page, &CodePage::recoveryCodeSubmitted);
        QTest::keyClicks(page.codeField(), u"12345"_s);
        QCOMPARE(codes.size(), 0);
        QTest::keyClicks(page.codeField(), u"6"_s);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.at(0).at(0).toString(), u"123456"_s);
        // Grouped as authenticators show it, too.
        page.codeField()->clear();
        QTest::keyClicks(page.codeField(), u"123 457"_s);
        QCOMPARE(codes.size(), 2);

        page.recoveryButton()->click();
        QTest::keyClicks(page.codeField(), u"ABCD-EFGH-IJKL-MNO"_s);
        QCOMPARE(recoveryCodes.size(), 0);
        QTest::keyClicks(page.codeField(), u"P"_s);
        QCOMPARE(recoveryCodes.size(), 1);
        QCOMPARE(codes.size(), 2);
    }

    void throttlingCountsDownAndBlocksTheButton()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        const QString email =
            u"ui-ghost-%1@moim.example"_s.arg(QDateTime::currentMSecsSinceEpoch());
        for (int i = 0; i < 5; ++i) {
            typeAndSubmit(login, email, u"guess-%1"_s.arg(i));
            waitForError(login);
        }
        // The waits double from 1 s; a slow machine may let one more guess through first.
        for (int i = 6; i <= 9 && !login->passwordPage()->errorText().contains(u"Try again in"_s);
             ++i) {
            typeAndSubmit(login, email, u"guess-%1"_s.arg(i));
            waitForError(login);
        }
        QVERIFY(login->passwordPage()->errorText().contains(u"Try again in"_s));
        QVERIFY(!login->passwordPage()->signInButton()->isEnabled());
        // The wait runs out and the button comes back by itself.
        QTRY_VERIFY_WITH_TIMEOUT(login->passwordPage()->signInButton()->isEnabled(), 10000);
    }

    void unreachableServerOffersRetry()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl nowhere(u"http://127.0.0.1:%1"_s.arg(closed.serverPort()));
        closed.close();
        auto f = open(nowhere);
        LoginWindow *login = f->windows->loginWindow();
        typeAndSubmit(login, Jimin, Password);
        const QString message = waitForError(login);
        QVERIFY2(message.contains(u"can't reach the server"_s), qPrintable(message));
        auto *notice = login->passwordPage()->findChild<Notice *>();
        QVERIFY(notice->actionButton()->isVisible());
        QCOMPARE(notice->actionButton()->text(), u"Retry"_s);
    }

    void tooOldClientIsToldToUpdate()
    {
        test::MockServerProcess strict({u"--min-client-version"_s, u"9.0.0"_s});
        QVERIFY2(strict.start(), qPrintable(strict.output()));
        auto f = open(strict.url());
        LoginWindow *login = f->windows->loginWindow();
        typeAndSubmit(login, Jimin, Password);
        const QString message = waitForError(login);
        QVERIFY2(message.contains(u"Update Moim to version 9.0.0"_s), qPrintable(message));
    }

    void keyboardAloneSignsIn()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        login->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(login));
        // The email field has focus from the start; Tab and Return do the rest.
        QTRY_COMPARE(QApplication::focusWidget(), login->passwordPage()->emailField());
        QTest::keyClicks(QApplication::focusWidget(), Jimin);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), login->passwordPage()->passwordField());
        QTest::keyClicks(QApplication::focusWidget(), Password);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 20000);
        QCOMPARE(f->windows->mainWindow()->sidebar()->count(), 3);
    }

    void koreanIsComplete()
    {
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        QCOMPARE(login->passwordPage()->signInButton()->text(), u"로그인"_s);
        QCOMPARE(login->unauthorizedPage()->title(), u"승인되지 않은 사용자"_s);
        typeAndSubmit(login, Jimin, u"definitely-wrong-password"_s);
        QVERIFY(waitForError(login).contains(u"올바르지 않습니다"_s));
        // Back to English for whatever runs next.
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QTRY_COMPARE(login->passwordPage()->signInButton()->text(), u"Sign in"_s);
    }

    void englishSaysOneSecondAndTwoSeconds()
    {
        QVERIFY(installLanguage(*qApp, u"en"_s));
        const auto conversations = [](int n) {
            return QCoreApplication::translate("moim::ui::MainWindow", "%n conversation(s)",
                                               nullptr, n);
        };
        QCOMPARE(conversations(1), u"1 conversation"_s);
        QCOMPARE(conversations(5), u"5 conversations"_s);
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    void pushPageByKeyboardInKorean()
    {
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        PasswordPage *passwordPage = login->passwordPage();
        QCOMPARE(passwordPage->pushButton()->text(), u"개인 계정"_s);
        QCOMPARE(passwordPage->pushButton()->accessibleName(), u"개인 계정으로 로그인"_s);
        // Tab from "QR code" reaches it, and Space opens the page with the id field focused.
        passwordPage->qrButton()->setFocus();
        QTest::keyClick(passwordPage->qrButton(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), passwordPage->pushButton());
        QTest::keyClick(passwordPage->pushButton(), Qt::Key_Space);
        QCOMPARE(login->currentPage(), LoginWindow::Page::Push);
        PushPage *page = login->pushPage();
        QTRY_COMPARE(QApplication::focusWidget(), page->idField());
        QCOMPARE(page->idField()->accessibleName(), u"개인 계정 ID"_s);
        for (QWidget *widget : page->findChildren<QWidget *>()) {
            if (widget->isVisibleTo(page) && widget->focusPolicy() & Qt::TabFocus)
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }

        // Return sends the request; the number comes, large, with the countdown in Korean.
        QTest::keyClicks(page->idField(), u"jimin@personal.example"_s);
        QTest::keyClick(page->idField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(login->pushLogin()->state(), PushLogin::State::WaitingForPhone,
                                  10000);
        QTRY_VERIFY(page->checkCodeLabel()->isVisible());
        QCOMPARE(page->checkCodeLabel()->text(), login->pushLogin()->checkCode());
        QVERIFY2(page->statusText().contains(u"초 후에 만료됩니다"_s),
                 qPrintable(page->statusText()));
        QTRY_COMPARE(QApplication::focusWidget(), page->checkCodeLabel());

        // Cancelling withdraws it and keeps what was typed.
        QTest::mouseClick(page->cancelButton(), Qt::LeftButton);
        QCOMPARE(login->pushLogin()->state(), PushLogin::State::Idle);
        QTRY_VERIFY(page->idField()->isVisible());
        QCOMPARE(page->idField()->text(), u"jimin@personal.example"_s);
        // Leaving the page while waiting withdraws the request too.
        QTest::keyClick(page->idField(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(login->pushLogin()->state(), PushLogin::State::WaitingForPhone,
                                  10000);
        QTest::mouseClick(page->backButton(), Qt::LeftButton);
        QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
        QCOMPARE(login->pushLogin()->state(), PushLogin::State::Idle);

        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QTRY_COMPARE(passwordPage->pushButton()->text(), u"Personal account"_s);
    }

    void codePageFollowsThePasswordWhenTwoStepIsOn()
    {
        auto f = open(m_server.url());
        LoginWindow *login = f->windows->loginWindow();
        typeAndSubmit(login, Alex, Password);
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 20000);
        // Turn it on from My account, with a code computed from the key shown as text.
        MyAccountPage *account = f->windows->mainWindow()->openMyAccount(true);
        QTRY_COMPARE_WITH_TIMEOUT(account->twoStepView(), MyAccountPage::TwoStepView::Setup, 10000);
        // With MOIM_SCREENSHOT_DIR set, the screens to look at are saved there, in both themes.
        const auto screenshot = [](QWidget *window, const QString &name) {
            const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR");
            if (dir.isEmpty())
                return;
            auto *app = static_cast<QApplication *>(QCoreApplication::instance());
            for (const auto scheme : {Theme::Scheme::Light, Theme::Scheme::Dark}) {
                Theme::apply(*app, scheme);
                QCoreApplication::processEvents();
                window->grab().save(dir + u'/' + name +
                                    (scheme == Theme::Scheme::Dark ? u"-dark.png"_s : u".png"_s));
            }
            Theme::apply(*app, Theme::Scheme::Light);
        };
        screenshot(account->window(), u"two_step_setup"_s);
        if (auto *tabs = account->findChild<QTabWidget *>()) {
            tabs->setCurrentIndex(1);
            account->newPasswordFields()->passwordField()->setText(u"busan-harbour"_s);
            screenshot(account->window(), u"change_password"_s);
            account->newPasswordFields()->clear();
            tabs->setCurrentIndex(0);
        }
        const auto secret = otp::Totp::fromBase32(account->setupSecret());
        QVERIFY(secret);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // The current step's code: reused below, it must still be inside the server's window
        // (one step either side) after the sign-out and the password, slow as they may be.
        account->setupCodeField()->setText(otp::Totp::generate(*secret, now));
        account->confirmButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(account->twoStepView(), MyAccountPage::TwoStepView::RecoveryCodes,
                                  10000);
        account->doneButton()->click();
        f->sessions->logout();
        QTRY_VERIFY_WITH_TIMEOUT(
            f->windows->loginWindow() && f->windows->loginWindow()->isVisible(), 20000);
        login = f->windows->loginWindow();

        // The password leads to the code page, which names the account.
        typeAndSubmit(login, Alex, Password);
        QTRY_COMPARE_WITH_TIMEOUT(login->currentPage(), LoginWindow::Page::SecondFactor, 20000);
        CodePage *codes = login->codePage();
        QTRY_COMPARE(QApplication::focusWidget(), codes->codeField());
        screenshot(login, u"code_page"_s);
        QVERIFY(!codes->codeField()->accessibleName().isEmpty());
        // The sixth digit sends the code by itself: no Return needed.
        QTest::keyClicks(codes->codeField(), u"000000"_s);
        QTRY_VERIFY_WITH_TIMEOUT(codes->isErrorVisible(), 10000);
        QVERIFY2(codes->errorText().contains(u"not right"_s), qPrintable(codes->errorText()));
        QVERIFY(codes->errorText().contains(u"4 attempt"_s));
        // The code already used to turn it on is called reused, not wrong.
        codes->codeField()->setText(otp::Totp::generate(*secret, now));
        codes->verifyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(codes->errorText().contains(u"already used"_s), 10000);
        // The recovery link switches the field, and back.
        codes->recoveryButton()->click();
        QVERIFY(codes->isRecoveryMode());
        codes->recoveryButton()->click();
        QVERIFY(!codes->isRecoveryMode());
        codes->codeField()->setText(otp::Totp::generate(*secret, now + 30));
        codes->verifyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 20000);
    }
};

QTEST_MAIN(TestLoginWindow)
#include "test_login_window.moc"
