#include "window_controller.h"

#include "common/accessible_fields.h"
#include "desktop/appearance_controller.h"
#include "desktop/preferences_dialog.h"
#include "desktop/tray_icon.h"
#include "first_paint_probe.h"
#include "login/login_window.h"
#include "login/password_page.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "onboarding/deep_link.h"
#include "storage/preferences.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QSettings>

namespace moim::ui {

WindowController::WindowController(SessionManager *sessions, Preferences *preferences,
                                   QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_uiState(
          std::make_unique<QSettings>(sessions->profile().settingsFile(), QSettings::IniFormat))
    , m_ownPreferences(
          preferences ? nullptr : std::make_unique<Preferences>(sessions->profile().settingsFile()))
    , m_preferences(preferences ? preferences : m_ownPreferences.get())
    , m_autostart(sessions->profile().name(), QCoreApplication::applicationFilePath())
{
    installPasswordEventMask();
    connect(m_sessions, &SessionManager::stateChanged, this, &WindowController::onStateChanged);
    connect(m_sessions, &SessionManager::signedOut, this, &WindowController::onSignedOut);
    connect(m_sessions, &SessionManager::accountChanged, this, &WindowController::showMain);
    connect(m_sessions, &SessionManager::keychainUnavailable, this, [this] {
        m_keychainUnavailable = true;
        if (m_main)
            m_main->showKeychainUnavailable();
    });
    connect(m_preferences, &Preferences::closeToTrayChanged, this,
            &WindowController::updateCloseBehaviour);
    // The desktop session is ending: every window must close, none may hide in the tray.
    connect(qGuiApp, &QGuiApplication::commitDataRequest, this, [this] {
        m_quitting = true;
        updateCloseBehaviour();
    });
}

WindowController::~WindowController()
{
    delete m_preferencesDialog;
    delete m_main;
    delete m_login;
}

void WindowController::start(bool background)
{
    // Started at log-in: a remembered session goes to the tray (or minimised), not on screen.
    m_startInBackground = background;
    // restore() paints from the cache synchronously, so the first window is the right one.
    if (!m_sessions->restore()) {
        m_startInBackground = false;
        showLogin();
    } else if (m_sessions->state() == SessionManager::State::SignedIn) {
        showMain();
    }
    m_startInBackground = false;
}

void WindowController::setAppearance(AppearanceController *appearance)
{
    m_appearance = appearance;
}

void WindowController::quit()
{
    m_quitting = true;
    updateCloseBehaviour();
    Q_EMIT quitRequested();
}

void WindowController::onStateChanged(SessionManager::State state)
{
    if (state == SessionManager::State::SignedIn)
        showMain();
    else
        showLogin();
}

void WindowController::onSignedOut(SessionManager::SignOutReason reason)
{
    showLogin();
    switch (reason) {
    case SessionManager::SignOutReason::Deactivated:
        m_login->showPage(LoginWindow::Page::Unauthorized);
        break;
    case SessionManager::SignOutReason::PasswordReset:
        m_login->showSessionEnded(
            tr("Your password was changed, so every session ended. Sign in with the new "
               "password."));
        break;
    case SessionManager::SignOutReason::TwoStepEnabled:
        m_login->showSessionEnded(
            tr("2-step verification was turned on for your account, so this session ended. Sign "
               "in again with your password and a code from your authenticator."));
        break;
    case SessionManager::SignOutReason::SessionEnded:
        m_login->showSessionEnded(tr("Your session ended. Sign in again to continue."));
        break;
    case SessionManager::SignOutReason::UserLoggedOut:
        m_login->showPage(LoginWindow::Page::Password);
        break;
    }
}

LoginWindow *WindowController::ensureLoginWindow()
{
    if (!m_login) {
        m_login = new LoginWindow(m_sessions);
        // An accepted invitation lands in its workspace.
        connect(m_login, &LoginWindow::landingWorkspace, this, [this](const QString &id) {
            m_uiState->setValue(QStringLiteral("ui/lastWorkspace"), id);
        });
        connect(m_login, &LoginWindow::quitRequested, this, &WindowController::quit);
    }
    return m_login;
}

void WindowController::showLogin()
{
    if (m_main) {
        m_main->hide();
        m_main->deleteLater();
    }
    updateTray();
    LoginWindow *login = ensureLoginWindow();
    FirstPaintProbe::mark("window-built");
    if (!login->isVisible()) {
        login->show();
        FirstPaintProbe::mark("window-shown");
        login->showPage(LoginWindow::Page::Password);
    }
    login->raise();
    login->activateWindow();
}

void WindowController::openLink(const QString &link)
{
    if (link.isEmpty()) {
        QWidget *window = m_main ? static_cast<QWidget *>(m_main) : ensureLoginWindow();
        if (window->isMinimized())
            window->showNormal();
        window->show();
        window->raise();
        window->activateWindow();
        return;
    }
    if (const auto parsed = DeepLink::parse(link);
        parsed && parsed->kind == DeepLink::Kind::Message) {
        // A link to a message: for the window of the signed-in account; else just Moim.
        if (m_main) {
            m_main->openMessageLink(parsed->workspaceId, parsed->conversationId, parsed->messageId,
                                    parsed->messageSeq);
        } else {
            openLink(QString());
        }
        return;
    }
    LoginWindow *login = ensureLoginWindow();
    login->show();
    login->openLink(link);
    login->raise();
    login->activateWindow();
}

MainWindow *WindowController::ensureMainWindow()
{
    if (m_main && m_main->account() != m_sessions->account()) {
        // Signed in anew (an accepted invitation): the old window shows the old account.
        m_main->hide();
        m_main->deleteLater();
        m_main = nullptr;
    }
    if (!m_main) {
        m_main = new MainWindow(m_sessions, m_uiState.get());
        m_main->setNotificationSink(m_notifications.sink(), m_notifications.texts());
        connect(m_main, &MainWindow::logoutRequested, m_sessions, &SessionManager::logout);
        connect(m_main, &MainWindow::preferencesRequested, this,
                &WindowController::openPreferences);
        connect(m_main, &MainWindow::quitRequested, this, &WindowController::quit);
        connect(m_main, &MainWindow::hiddenToTray, this, &WindowController::onHiddenToTray);
        if (m_keychainUnavailable)
            m_main->showKeychainUnavailable();
    }
    if (m_login) {
        m_login->hide();
        m_login->deleteLater();
    }
    return m_main;
}

void WindowController::showMain()
{
    MainWindow *main = ensureMainWindow();
    FirstPaintProbe::mark("window-built");
    updateTray();
    if (m_startInBackground) {
        if (!trayUsable() && !main->isMinimized())
            main->showMinimized();
        return;
    }
    if (main->isMinimized())
        main->showNormal();
    main->show();
    FirstPaintProbe::mark("window-shown");
    main->raise();
    main->activateWindow();
}

bool WindowController::trayUsable() const
{
    return m_tray && m_tray->isVisible() && TrayIcon::isSystemTrayAvailable();
}

void WindowController::updateTray()
{
    Account *account =
        m_sessions->state() == SessionManager::State::SignedIn ? m_sessions->account() : nullptr;
    if (!m_tray && account && TrayIcon::isSystemTrayAvailable()) {
        m_tray = new TrayIcon(this);
        connect(m_tray, &TrayIcon::openRequested, this, [this] { openLink(QString()); });
        connect(m_tray, &TrayIcon::workspaceRequested, this, [this](const QString &id) {
            showMain();
            m_main->sidebar()->selectWorkspace(id);
        });
        connect(m_tray, &TrayIcon::logoutRequested, this, [this] { m_sessions->logout(false); });
        connect(m_tray, &TrayIcon::quitRequested, this, &WindowController::quit);
        // Where no notification service runs, notifications show as the tray's messages.
        m_notifications.setTrayIcon(m_tray->systemTrayIcon());
    }
    if (m_tray)
        m_tray->setAccount(account);
    updateCloseBehaviour();
}

void WindowController::updateCloseBehaviour()
{
    if (m_main)
        m_main->setHidesOnClose(!m_quitting && m_preferences->closeToTray() && trayUsable());
}

void WindowController::onHiddenToTray()
{
    // The first time only: say where Moim went, so a closed window does not look like a quit.
    if (!m_tray || m_preferences->trayHintShown())
        return;
    m_preferences->setTrayHintShown();
    m_tray->showMessage(tr("Moim is still running"),
                        tr("Messages keep arriving. Open Moim from its icon in the tray, or quit "
                           "from the tray menu."));
}

PreferencesDialog *WindowController::openPreferences()
{
    if (!m_preferencesDialog) {
        m_preferencesDialog = new PreferencesDialog(
            m_preferences, m_autostart, TrayIcon::isSystemTrayAvailable(), m_appearance, m_main);
        m_preferencesDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_preferencesDialog->show();
    m_preferencesDialog->raise();
    m_preferencesDialog->activateWindow();
    return m_preferencesDialog;
}

} // namespace moim::ui
