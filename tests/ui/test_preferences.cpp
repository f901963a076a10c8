// Preferences and the main window on the desktop, offscreen against the real mock server:
// reached from the account menu; autostart, appearance (the desktop portal faked on a private
// bus) and proxy take effect; the window's size, the sidebar width and the last workspace come
// back; and without a tray, closing the window quits.
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/history_model.h"
#include "common/notice.h"
#include "desktop/appearance_controller.h"
#include "desktop/preferences_dialog.h"
#include "fake_portal.h"
#include "language.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "main/workspace_tile.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/notification_settings_page.h"
#include "secrets/memory_secret_store.h"
#include "storage/preferences.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QNetworkProxyFactory>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTimeEdit>
#include <QToolButton>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

QColor windowColor()
{
    return qApp->palette().color(QPalette::Window);
}

// With MOIM_SCREENSHOT_DIR set, the screens a reviewer should look at are saved there.
void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    widget->grab().save(dir + u'/' + name + u".png"_s);
}
} // namespace

class TestPreferences : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;

    struct Fixture
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<Preferences> preferences;
        std::unique_ptr<AppearanceController> appearance;
        std::unique_ptr<WindowController> windows;
    };

    std::unique_ptr<Fixture> open(MemorySecretStore &secrets)
    {
        auto f = std::make_unique<Fixture>();
        f->api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                             u"moim-desktop"_s, u"0.1.0"_s);
        const Profile profile;
        f->sessions = std::make_unique<SessionManager>(profile, f->api.get(), &secrets);
        f->preferences = std::make_unique<Preferences>(profile.settingsFile());
        f->appearance = std::make_unique<AppearanceController>(*qApp, f->preferences.get());
        f->windows = std::make_unique<WindowController>(f->sessions.get(), f->preferences.get());
        f->windows->setAppearance(f->appearance.get());
        f->windows->setAutostartEntry(AutostartEntry(u"default"_s, u"/usr/bin/moim"_s));
        f->windows->start();
        return f;
    }

    MainWindow *signIn(Fixture &f)
    {
        if (!f.windows->mainWindow())
            f.windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                f.windows->mainWindow() && f.windows->mainWindow()->isVisible(), 20000);
        }();
        return f.windows->mainWindow();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void cleanup()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        ProxySettings().apply();
    }

    void reachedFromTheAccountMenu()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        // Beside "My account…" in the account menu, and in the Moim menu with Ctrl+,.
        const QList<QAction *> accountMenu = main->sidebar()->accountButton()->menu()->actions();
        QVERIFY(accountMenu.contains(main->myAccountAction()));
        QVERIFY(accountMenu.contains(main->preferencesAction()));
        QCOMPARE(accountMenu.indexOf(main->preferencesAction()),
                 accountMenu.indexOf(main->myAccountAction()) + 1);
        main->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(main));
        QTest::keyClick(main, Qt::Key_Comma, Qt::ControlModifier);
        auto *dialog = main->findChild<PreferencesDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), u"Preferences"_s);
        // Without a tray (offscreen), closing to the tray is offered but cannot be chosen.
        QVERIFY(!dialog->closeToTrayBox()->isEnabled());
        QVERIFY(!dialog->closeToTrayBox()->isChecked());
        screenshot(dialog, u"preferences-light"_s);
        // Opening it again brings the same dialog forward.
        QCOMPARE(f->windows->openPreferences(), dialog);
    }

    void autostartIsWrittenAndRemoved()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        signIn(*f);
        PreferencesDialog *dialog = f->windows->openPreferences();
        const QString entry = m_home->path() + u"/config/autostart/moim.desktop"_s;
        QVERIFY(!dialog->autostartBox()->isChecked());
        dialog->autostartBox()->click();
        QVERIFY(QFile::exists(entry));
        QVERIFY(dialog->startupNotice()->isHidden());
        dialog->autostartBox()->click();
        QVERIFY(!QFile::exists(entry));

        // A folder that refuses: the box stays off and the user is told why.
        QVERIFY(QDir(m_home->path() + u"/config/autostart"_s).removeRecursively());
        QFile blocker(m_home->path() + u"/config/autostart"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        dialog->autostartBox()->click();
        QVERIFY(!dialog->autostartBox()->isChecked());
        QVERIFY(!dialog->startupNotice()->isHidden());
        QVERIFY(dialog->startupNotice()->message().contains(u"could not add"_s));
    }

    void appearanceFollowsTheChoiceAndTheDesktop()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no session bus (the test runs under dbus-run-session)");
        const QColor light = Theme::colors(Theme::Scheme::Light).window;
        const QColor dark = Theme::colors(Theme::Scheme::Dark).window;
        test::FakePortal portal(2); // the desktop prefers light
        QVERIFY(portal.isRegistered());
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QCOMPARE(windowColor(), light);
        if (qEnvironmentVariableIsSet("MOIM_SCREENSHOT_DIR")) {
            // The README's picture of the main window: light, a channel open, at its size.
            main->resize(1100, 720);
            main->sidebar()->selectIndex(0);
            QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
            const QModelIndex first = main->conversationList()->model()->index(0, 0);
            main->conversationList()->setCurrentIndex(first);
            QTRY_VERIFY_WITH_TIMEOUT(main->history()->rowCount() > 0, 10000);
            screenshot(main, u"main-window"_s);
        }
        PreferencesDialog *dialog = f->windows->openPreferences();
        QVERIFY(dialog->appearanceButton(Preferences::Appearance::System)->isChecked());
        QVERIFY(dialog->appearanceCaption()->text().contains(u"prefers light"_s));

        dialog->appearanceButton(Preferences::Appearance::Dark)->click();
        QCOMPARE(f->preferences->appearance(), Preferences::Appearance::Dark);
        QCOMPARE(windowColor(), dark);
        QCOMPARE(Theme::current(), Theme::Scheme::Dark);
        screenshot(dialog, u"preferences-dark"_s);
        main->sidebar()->selectIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
        const QModelIndex first = main->conversationList()->model()->index(0, 0);
        main->conversationList()->setCurrentIndex(first);
        Q_EMIT main->conversationList()->activated(first);
        QTRY_VERIFY_WITH_TIMEOUT(main->history()->rowCount() > 0, 10000);
        screenshot(main, u"main-window-dark"_s);

        // Back to the system's: the desktop says light, and then flips to dark.
        dialog->appearanceButton(Preferences::Appearance::System)->click();
        QCOMPARE(windowColor(), light);
        portal.setColorScheme(1);
        QTRY_COMPARE(windowColor(), dark);
        QVERIFY(dialog->appearanceCaption()->text().contains(u"prefers dark"_s));
        // An explicit Light wins over the dark desktop, and is remembered. Chosen here as a
        // screen reader does, with the button's Toggle action: it must act like a click.
        QAccessibleInterface *lightChoice = QAccessible::queryAccessibleInterface(
            dialog->appearanceButton(Preferences::Appearance::Light));
        QVERIFY(lightChoice && lightChoice->actionInterface());
        lightChoice->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
        QVERIFY(dialog->appearanceButton(Preferences::Appearance::Light)->isChecked());
        QCOMPARE(windowColor(), light);
        QCOMPARE(Preferences(Profile().settingsFile()).appearance(),
                 Preferences::Appearance::Light);
    }

    void manualProxyIsCheckedThenApplied()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        signIn(*f);
        PreferencesDialog *dialog = f->windows->openPreferences();
        QVERIFY(dialog->proxyModeButton(ProxySettings::Mode::System)->isChecked());
        QVERIFY(!dialog->proxyHostField()->isEnabled());

        dialog->proxyModeButton(ProxySettings::Mode::Manual)->click();
        QVERIFY(dialog->proxyHostField()->isEnabled());
        // Nothing is applied while the proxy is incomplete.
        QCOMPARE(f->preferences->proxy().mode, ProxySettings::Mode::System);
        QTest::keyClicks(dialog->proxyHostField(), u"http://proxy.corp.example"_s);
        QTest::keyClicks(dialog->proxyPortField(), u"3128"_s);
        dialog->applyProxyButton()->click();
        QVERIFY(!dialog->proxyNotice()->isHidden());
        QVERIFY(dialog->proxyNotice()->message().contains(u"without http://"_s));
        QCOMPARE(f->preferences->proxy().mode, ProxySettings::Mode::System);
        // What was typed is still there to be corrected.
        QCOMPARE(dialog->proxyHostField()->text(), u"http://proxy.corp.example"_s);

        dialog->proxyHostField()->setSelection(0, 7);
        QTest::keyClick(dialog->proxyHostField(), Qt::Key_Delete);
        dialog->proxyTypeBox()->setCurrentIndex(1); // SOCKS5
        screenshot(dialog, u"preferences-proxy"_s);
        QTest::keyClick(dialog->proxyHostField(), Qt::Key_Return);
        const ProxySettings applied = f->preferences->proxy();
        QCOMPARE(applied.mode, ProxySettings::Mode::Manual);
        QCOMPARE(applied.type, ProxySettings::Type::Socks5);
        QCOMPARE(applied.host, u"proxy.corp.example"_s);
        QCOMPARE(applied.port, 3128);
        QVERIFY(dialog->proxyNotice()->message().contains(u"proxy.corp.example:3128"_s));
        QVERIFY(!dialog->applyProxyButton()->isEnabled()); // nothing left to apply

        // "No proxy" switches at once and keeps the manual proxy for later.
        dialog->proxyModeButton(ProxySettings::Mode::None)->click();
        QCOMPARE(f->preferences->proxy().mode, ProxySettings::Mode::None);
        QCOMPARE(f->preferences->proxy().host, u"proxy.corp.example"_s);
        QVERIFY(!dialog->proxyHostField()->isEnabled());
        QCOMPARE(dialog->proxyHostField()->text(), u"proxy.corp.example"_s);
    }

    void windowComesBackAsItWasLeft()
    {
        MemorySecretStore secrets;
        QString workspace;
        QRect geometry;
        {
            auto f = open(secrets);
            MainWindow *main = signIn(*f);
            // Within the offscreen screen (800×800): a larger window is fitted to it.
            main->resize(790, 560);
            main->move(40, 30);
            main->splitter()->setSizes({340, 400});
            Q_EMIT main->splitter()->splitterMoved(340, 1);
            main->sidebar()->selectIndex(1);
            workspace = main->currentWorkspaceId();
            geometry = main->geometry();
            // Remembered: the refresh token and the sign-in's device proof.
            QTRY_COMPARE(secrets.contents().size(), 2);
            main->close(); // no tray here: the window goes
            QVERIFY(!main->isVisible());
        }
        auto f = open(secrets);
        MainWindow *main = f->windows->mainWindow();
        QVERIFY(main && main->isVisible());
        QCOMPARE(main->size(), geometry.size());
        QCOMPARE(main->sidebarWidth(), 340);
        QCOMPARE(main->currentWorkspaceId(), workspace);
    }

    void withoutATrayClosingQuits()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QVERIFY(f->preferences->closeToTray()); // the choice is on by default…
        QVERIFY(!f->windows->trayIcon());       // …but there is no tray to close to
        QVERIFY(!main->hidesOnClose());
        QVERIFY(qApp->quitOnLastWindowClosed());
        QVERIFY(main->close());
        const auto visible = [] {
            for (QWidget *window : QApplication::topLevelWidgets()) {
                if (window->isVisible())
                    return true;
            }
            return false;
        };
        // The last window closed: Qt quits the application.
        QVERIFY(!visible());

        // Quit from the menu asks the owner of the event loop to end.
        auto g = open(secrets);
        QSignalSpy quit(g->windows.get(), &WindowController::quitRequested);
        g->windows->mainWindow()->quitAction()->trigger();
        QCOMPARE(quit.size(), 1);
    }

    void languageAndTextSizeApplyAtOnce()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        QVERIFY(installLanguage(*qApp, u"en"_s));
        followLanguageChoice(*qApp, f->preferences.get());
        MainWindow *main = signIn(*f);
        PreferencesDialog *dialog = f->windows->openPreferences();
        QCOMPARE(dialog->languageBox()->currentData().toString(), QString()); // the system's

        // Korean, chosen by keys in the box: every window retranslates, no restart.
        dialog->languageBox()->setFocus();
        const int korean = dialog->languageBox()->findData(u"ko"_s);
        while (dialog->languageBox()->currentIndex() < korean)
            QTest::keyClick(dialog->languageBox(), Qt::Key_Down);
        QCOMPARE(f->preferences->language(), u"ko"_s);
        QTRY_COMPARE(dialog->windowTitle(), u"환경설정"_s);
        QCOMPARE(main->myAccountAction()->text(), u"내 계정…"_s);
        QCOMPARE(dialog->languageBox()->currentIndex(), korean);
        QVERIFY(!showsEnglishNames());
        screenshot(dialog, u"preferences-korean"_s);
        // Back to English; the choice is kept for the next start.
        dialog->languageBox()->setCurrentIndex(dialog->languageBox()->findData(u"en"_s));
        QTRY_COMPARE(dialog->windowTitle(), u"Preferences"_s);
        QCOMPARE(main->myAccountAction()->text(), u"My account…"_s);
        QCOMPARE(Preferences(Profile().settingsFile()).language(), u"en"_s);

        // Text size by keys from any window, and in the box.
        QLabel *title = nullptr;
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->property("role").toString() == "title"_L1)
                title = label;
        }
        QVERIFY(title);
        const int normalTitle = title->fontInfo().pixelSize();
        const qreal normalFont = QApplication::font().pointSizeF();
        main->sidebar()->selectIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 1, 10000);
        const int normalRow = main->conversationList()->sizeHintForRow(1);
        QTest::keyClick(dialog->textSizeBox(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(f->preferences->textSize(), 110);
        QTest::keyClick(main->conversationList(), Qt::Key_Plus,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(f->preferences->textSize(), 125);
        QCOMPARE(dialog->textSizeBox()->currentData().toInt(), 125);
        QCOMPARE(QApplication::font().pointSizeF(), normalFont * 1.25);
        QTRY_COMPARE(title->fontInfo().pixelSize(), qRound(22 * 1.25));
        QVERIFY(title->fontInfo().pixelSize() > normalTitle);
        QVERIFY(main->conversationList()->sizeHintForRow(1) > normalRow);
        QTest::keyClick(main, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(f->preferences->textSize(), 110);
        QTest::keyClick(main, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(f->preferences->textSize(), 100);
        QCOMPARE(QApplication::font().pointSizeF(), normalFont);
        QTRY_COMPARE(title->fontInfo().pixelSize(), normalTitle);
        QCOMPARE(main->conversationList()->sizeHintForRow(1), normalRow);
        // At either end a step goes no further.
        dialog->textSizeBox()->setCurrentIndex(dialog->textSizeBox()->count() - 1);
        QCOMPARE(f->preferences->textSize(), 200);
        QTest::keyClick(main, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(f->preferences->textSize(), 200);
        QVERIFY(dialog->width() >= dialog->minimumSizeHint().width());
        // What has a fixed size grows too: the quiet hours' day buttons, the composer's line.
        NotificationSettingsPage *notifications =
            main->openNotificationSettings(main->currentWorkspaceId());
        QVERIFY(notifications);
        QCOMPARE(notifications->quietStartEdit()->width(), 2 * 84);
        // The workspace tiles and the account button too, drawn sharp at their new size.
        WorkspaceSidebar *sidebar = main->sidebar();
        QTRY_COMPARE(sidebar->width(), 2 * WorkspaceTile::Width);
        QTRY_COMPARE(sidebar->tiles().first()->height(), 2 * (WorkspaceTile::TileSize + 12));
        QCOMPARE(sidebar->accountButton()->iconSize(), QSize(72, 72));
        const QSize avatar = sidebar->accountButton()->icon().availableSizes().value(0);
        QVERIFY2(avatar.width() >= 72, qPrintable(QString::number(avatar.width())));
        screenshot(dialog, u"preferences-large-text"_s);
        screenshot(main, u"main-window-large-text"_s);
        QCOMPARE(Preferences(Profile().settingsFile()).textSize(), 200);
    }

    void textSizeStepsAndStoredValues()
    {
        QCOMPARE(Preferences::steppedTextSize(100, +1), 110);
        QCOMPARE(Preferences::steppedTextSize(100, -1), 90);
        QCOMPARE(Preferences::steppedTextSize(80, -1), 80);
        QCOMPARE(Preferences::steppedTextSize(200, +1), 200);
        QCOMPARE(Preferences::steppedTextSize(105, +1), 110); // between steps: the next one
        QCOMPARE(Preferences::steppedTextSize(105, -1), 100);
        Preferences preferences(Profile().settingsFile());
        QCOMPARE(preferences.textSize(), 100);
        QSignalSpy changed(&preferences, &Preferences::textSizeChanged);
        preferences.setTextSize(123); // not a step
        QCOMPARE(preferences.textSize(), 100);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!preferences.setLanguage(u"fr"_s));
        QVERIFY(preferences.setLanguage(u"ko"_s));
        QVERIFY(preferences.setLanguage(QString()));
        QCOMPARE(preferences.language(), QString());
        QSettings file(Profile().settingsFile(), QSettings::IniFormat);
        file.setValue(u"appearance/textSize"_s, 130); // edited by hand
        file.setValue(u"appearance/language"_s, u"xx"_s);
        file.sync();
        QCOMPARE(Preferences(Profile().settingsFile()).textSize(), 125);
        QCOMPARE(Preferences(Profile().settingsFile()).language(), QString());
    }
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"
