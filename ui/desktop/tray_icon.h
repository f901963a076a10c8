#pragma once

#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

class QAction;
class QMenu;

namespace moim {
class Account;
}

namespace moim::ui {

// Moim in the tray (a StatusNotifierItem, through QSystemTrayIcon): the application-wide unread
// total on the icon and in the tooltip, and a menu to open Moim, jump to a workspace, log out
// or quit. The one owner of the tray: desktop notifications that find no notification service
// fall back to its showMessage().
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons at all (a StatusNotifierWatcher with a host, or an
    // XEmbed tray).
    static bool isSystemTrayAvailable();

    // The account whose workspaces and unread total it shows; nullptr when signed out, which
    // hides the icon.
    void setAccount(Account *account);
    bool isVisible() const;
    int unreadTotal() const { return m_unread; }
    QString toolTip() const;

    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu.get(); }
    void showMessage(const QString &title, const QString &body);

    // The icon for `unread` messages: the Moim mark, with a red badge when there are any,
    // rendered from SVG at each tray size so it stays crisp.
    static QIcon iconFor(int unread);

Q_SIGNALS:
    void openRequested();
    void workspaceRequested(const QString &workspaceId);
    void logoutRequested();
    void quitRequested();
    // The user clicked a message shown by showMessage().
    void messageClicked();

private:
    void rebuildMenu();
    void setUnread(int total);

    QSystemTrayIcon *m_tray;
    std::unique_ptr<QMenu> m_menu; // a tray menu has no parent widget
    QAction *m_openAction;
    QAction *m_workspacesEnd; // the separator the workspace entries go before
    QAction *m_logoutAction;
    QAction *m_quitAction;
    QList<QAction *> m_workspaceActions;
    QPointer<Account> m_account;
    QList<QMetaObject::Connection> m_accountConnections;
    int m_unread = 0;
};

} // namespace moim::ui
