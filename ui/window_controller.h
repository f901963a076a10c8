#pragma once

#include "auth/session_manager.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "notify/desktop_notifications.h"

#include <QObject>
#include <QPointer>

class QSettings;

namespace moim::ui {

// Shows the login window or the main window, whichever the session state calls for, and
// carries the reason across when a session ends by itself.
class WindowController : public QObject
{
    Q_OBJECT

public:
    explicit WindowController(SessionManager *sessions, QObject *parent = nullptr);
    ~WindowController() override;

    // Shows the first window: the main window at once when a remembered session exists.
    void start();
    // Opens an invitation or reset link in the login window (which comes forward for it, also
    // while signed in), or just brings Moim forward when `link` is empty.
    void openLink(const QString &link);

    LoginWindow *loginWindow() const { return m_login; }
    MainWindow *mainWindow() const { return m_main; }
    // Desktop notifications of every account this controller shows; the owner of the tray
    // icon hands it in here (setTrayIcon) for the fallback.
    DesktopNotifications *notifications() { return &m_notifications; }

private:
    void onStateChanged(SessionManager::State state);
    void onSignedOut(SessionManager::SignOutReason reason);
    void showLogin();
    void showMain();
    LoginWindow *ensureLoginWindow();

    SessionManager *m_sessions;
    std::unique_ptr<QSettings> m_uiState;
    DesktopNotifications m_notifications;
    QPointer<LoginWindow> m_login;
    QPointer<MainWindow> m_main;
    bool m_keychainUnavailable = false;
};

} // namespace moim::ui
