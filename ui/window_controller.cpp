#include "window_controller.h"

#include "login/login_window.h"
#include "login/password_page.h"
#include "main/main_window.h"

#include <QSettings>

namespace moim::ui {

WindowController::WindowController(SessionManager *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_uiState(
          std::make_unique<QSettings>(sessions->profile().settingsFile(), QSettings::IniFormat))
{
    connect(m_sessions, &SessionManager::stateChanged, this, &WindowController::onStateChanged);
    connect(m_sessions, &SessionManager::signedOut, this, &WindowController::onSignedOut);
    connect(m_sessions, &SessionManager::accountChanged, this, &WindowController::showMain);
    connect(m_sessions, &SessionManager::keychainUnavailable, this, [this] {
        m_keychainUnavailable = true;
        if (m_main)
            m_main->showKeychainUnavailable();
    });
}

WindowController::~WindowController()
{
    delete m_main;
    delete m_login;
}

void WindowController::start()
{
    // restore() paints from the cache synchronously, so the first window is the right one.
    if (!m_sessions->restore())
        showLogin();
    else if (m_sessions->state() == SessionManager::State::SignedIn)
        showMain();
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
    }
    return m_login;
}

void WindowController::showLogin()
{
    if (m_main) {
        m_main->hide();
        m_main->deleteLater();
    }
    LoginWindow *login = ensureLoginWindow();
    if (!login->isVisible()) {
        login->show();
        login->showPage(LoginWindow::Page::Password);
    }
    login->raise();
    login->activateWindow();
}

void WindowController::openLink(const QString &link)
{
    if (link.isEmpty()) {
        QWidget *window = m_main ? static_cast<QWidget *>(m_main) : ensureLoginWindow();
        window->show();
        window->raise();
        window->activateWindow();
        return;
    }
    LoginWindow *login = ensureLoginWindow();
    login->show();
    login->openLink(link);
    login->raise();
    login->activateWindow();
}

void WindowController::showMain()
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
        if (m_keychainUnavailable)
            m_main->showKeychainUnavailable();
    }
    m_main->show();
    m_main->raise();
    m_main->activateWindow();
    if (m_login) {
        m_login->hide();
        m_login->deleteLater();
    }
}

} // namespace moim::ui
