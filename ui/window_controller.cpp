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

void WindowController::showLogin()
{
    if (m_main) {
        m_main->hide();
        m_main->deleteLater();
    }
    if (!m_login)
        m_login = new LoginWindow(m_sessions);
    if (!m_login->isVisible()) {
        m_login->show();
        m_login->showPage(LoginWindow::Page::Password);
    }
    m_login->raise();
    m_login->activateWindow();
}

void WindowController::showMain()
{
    if (!m_main) {
        m_main = new MainWindow(m_sessions, m_uiState.get());
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
