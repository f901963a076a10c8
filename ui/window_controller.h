#pragma once

#include "auth/session_manager.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "notify/desktop_notifications.h"
#include "platform/autostart_entry.h"

#include <QObject>
#include <QPointer>

class QSettings;

namespace moim {
class Preferences;
}

namespace moim::ui {

class AppearanceController;
class PreferencesDialog;
class TrayIcon;

// Shows the login window or the main window, whichever the session state calls for, and
// carries the reason across when a session ends by itself. It also owns Moim's place on the
// desktop while signed in: the tray icon, closing to the tray, and the way out (quit).
class WindowController : public QObject
{
    Q_OBJECT

public:
    // Without `preferences`, the profile's own are used.
    explicit WindowController(SessionManager *sessions, Preferences *preferences = nullptr,
                              QObject *parent = nullptr);
    ~WindowController() override;

    // Shows the first window: the main window at once when a remembered session exists. With
    // `background` (a start at log-in), a remembered session goes straight to the tray; with no
    // tray, the window starts minimised.
    void start(bool background = false);
    // Opens an invitation or reset link in the login window (which comes forward for it, also
    // while signed in), or just brings Moim forward when `link` is empty.
    void openLink(const QString &link);
    // Opens Preferences over the main window.
    PreferencesDialog *openPreferences();
    // Ends Moim: no window goes to the tray on the way out.
    void quit();

    // Where Preferences reads and writes "Start Moim when I log in" (the running program by
    // default), and who applies Light/Dark/System.
    void setAutostartEntry(const AutostartEntry &entry) { m_autostart = entry; }
    void setAppearance(AppearanceController *appearance);

    LoginWindow *loginWindow() const { return m_login; }
    MainWindow *mainWindow() const { return m_main; }
    // The tray icon while signed in on a desktop that has a tray, else nullptr. Desktop
    // notifications fall back to it.
    TrayIcon *trayIcon() const { return m_tray; }
    Preferences *preferences() const { return m_preferences; }
    // Desktop notifications of every account this controller shows; they fall back to the tray
    // icon (handed in with setTrayIcon) where no notification service runs.
    DesktopNotifications *notifications() { return &m_notifications; }

Q_SIGNALS:
    // Moim should end now (the owner of the event loop quits it).
    void quitRequested();

private:
    void onStateChanged(SessionManager::State state);
    void onSignedOut(SessionManager::SignOutReason reason);
    void showLogin();
    void showMain();
    MainWindow *ensureMainWindow();
    LoginWindow *ensureLoginWindow();
    void updateTray();
    void updateCloseBehaviour();
    bool trayUsable() const;
    void onHiddenToTray();

    SessionManager *m_sessions;
    std::unique_ptr<QSettings> m_uiState;
    std::unique_ptr<Preferences> m_ownPreferences;
    Preferences *m_preferences;
    AutostartEntry m_autostart;
    QPointer<AppearanceController> m_appearance;
    DesktopNotifications m_notifications;
    QPointer<LoginWindow> m_login;
    QPointer<MainWindow> m_main;
    QPointer<PreferencesDialog> m_preferencesDialog;
    TrayIcon *m_tray = nullptr;
    bool m_keychainUnavailable = false;
    bool m_quitting = false;
    bool m_startInBackground = false;
};

} // namespace moim::ui
