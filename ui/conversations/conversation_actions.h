#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace moim {
class Account;
}

namespace moim::ui {

// The "Conversation" menu: new channel, browse channels, new message, and for the conversation
// on screen edit, notification level and leave; "mark all as read" for the workspace. Also
// pins and unpins a message as a conversation's notice for whatever offers that (the message
// context menu). Dialogs open over `window`; the window tells which workspace and conversation
// are on screen, and opens what the menu asks for.
class ConversationActions : public QObject
{
    Q_OBJECT

public:
    ConversationActions(Account *account, QWidget *window);

    QMenu *menu() const { return m_menu; }
    void setCurrent(const QString &workspaceId, const QString &conversationId);
    void retranslate();

public Q_SLOTS:
    void newChannel();
    void browseChannels();
    void newDirect();
    void editChannel();
    void leaveChannel();
    void markAllRead();
    void pinMessage(const QString &conversationId, const QString &messageId);
    void unpin(const QString &conversationId);

Q_SIGNALS:
    void openRequested(const QString &conversationId);

private:
    void updateActions();

    QPointer<Account> m_account;
    QWidget *m_window;
    QMenu *m_menu;
    QMenu *m_levelMenu;
    QAction *m_newChannel;
    QAction *m_browse;
    QAction *m_newDirect;
    QAction *m_edit;
    QAction *m_leave;
    QAction *m_markAllRead;
    QActionGroup *m_levels;
    QList<QAction *> m_levelActions; // in the order of Conversation::MuteLevel
    QString m_workspaceId;
    QString m_conversationId;
};

} // namespace moim::ui
