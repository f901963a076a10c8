#pragma once

#include "account/account.h"
#include "account/conversation_model.h"
#include "chat/composer.h"
#include "main/conversation_delegate.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QWidgetAction;
class QListView;
class QStackedWidget;
class QMenu;
class QPushButton;
class QSettings;
class QSplitter;
class QTimer;
class QToolButton;

namespace moim {
class SessionManager;
}

namespace moim {
class HistoryModel;
class NotificationSink;
class NotificationTexts;
class Notifier;
} // namespace moim

namespace moim::ui {

class AttachmentStrip;
class ComposerContextBar;
class MentionPicker;
class MessageActions;
class MessageFiles;
class OutgoingFiles;
class TypingLine;
class ConversationActions;
class MessageView;
class PinnedNoticeBar;
class QuickSwitcher;
class SearchPanel;

class MyAccountPage;
class Notice;
class NotificationSettingsPage;
class WorkspaceSidebar;

// Where people work: the workspace sidebar, the selected workspace's conversations, and the
// conversation itself. It shows what the account holds; it never calls the server directly.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(SessionManager *sessions, QSettings *uiState, QWidget *parent = nullptr);
    ~MainWindow() override;

    Account *account() const { return m_account; }
    WorkspaceSidebar *sidebar() const { return m_sidebar; }
    QListView *conversationList() const { return m_conversationList; }
    Notice *connectionBanner() const { return m_banner; }
    QString currentWorkspaceId() const;
    QString workspaceTitle() const;
    QToolButton *workspaceSettingsButton() const { return m_workspaceSettings; }

    // Shown once when no keychain works and the session will not be remembered.
    void showKeychainUnavailable();
    // Opens My account; with startTwoStepSetup, right at turning on 2-step verification.
    MyAccountPage *openMyAccount(bool startTwoStepSetup = false);
    QPushButton *unlockButton() const { return m_unlockButton; }
    Composer *composer() const { return m_composer; }
    ComposerContextBar *composerBar() const { return m_composerBar; }
    AttachmentStrip *attachmentStrip() const { return m_attachmentStrip; }
    QToolButton *attachButton() const { return m_attachButton; }
    OutgoingFiles *outgoingFiles() const { return m_outgoingFiles; }
    MessageFiles *messageFiles() const { return m_messageFiles; }
    TypingLine *typingLine() const { return m_typingLine; }
    MentionPicker *mentionPicker() const { return m_mentionPicker; }
    MessageActions *messageActions() const { return m_messageActions; }
    MessageView *messageView() const { return m_messageView; }
    HistoryModel *history() const { return m_history; }
    QString openConversationId() const { return m_openConversation; }
    ConversationActions *conversationActions() const { return m_conversationActions; }
    PinnedNoticeBar *pinnedNotice() const { return m_pinnedNotice; }
    // Opens a conversation of the current workspace (as a click on it does).
    void openConversation(const QString &conversationId);
    QAction *myAccountAction() const { return m_myAccountAction; }
    // Ctrl+K: jump to a workspace, a conversation or a person.
    QuickSwitcher *openQuickSwitcher();
    // Ctrl+F (the open conversation) and Ctrl+Shift+F (everywhere): the search field and results.
    SearchPanel *searchPanel() const { return m_searchPanel; }
    void startSearch(bool everywhere);
    QAction *preferencesAction() const { return m_preferencesAction; }
    QAction *quitAction() const { return m_quitAction; }
    QSplitter *splitter() const { return m_splitter; }
    QAction *orderByNameAction() const { return m_orderByName; }
    QAction *orderByActivityAction() const { return m_orderByActivity; }
    // The width of the conversation list beside the workspace tiles, as the user dragged it.
    int sidebarWidth() const;

    // Closing the window then only hides it (Moim keeps running in the tray); otherwise closing
    // lets the window go, and with it the application.
    void setHidesOnClose(bool hides) { m_hidesOnClose = hides; }
    bool hidesOnClose() const { return m_hidesOnClose; }

    // Desktop notifications for this window's account go to `sink`, worded by `texts` (both
    // outlive the window); activating one opens its conversation here.
    void setNotificationSink(NotificationSink *sink, const NotificationTexts *texts);
    Notifier *notifier() const { return m_notifier; }
    // Opens a workspace's notification settings (one page per workspace).
    NotificationSettingsPage *openNotificationSettings(const QString &workspaceId);
    // Brings the window forward on a workspace and one of its conversations (a notification
    // was clicked); the conversation opens as soon as the workspace's list has it.
    void showConversation(const QString &workspaceId, const QString &conversationId);
    // A link to a message (moim://message/…): its conversation opens at the message, which is
    // highlighted; by server id or by seq.
    void openMessageLink(const QString &workspaceId, const QString &conversationId,
                         const QString &messageId, qint64 seq);

Q_SIGNALS:
    void logoutRequested(bool deleteLocalData);
    void preferencesRequested();
    void quitRequested();
    // The user closed the window and it went to the tray.
    void hiddenToTray();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void onWorkspaceChanged(const QString &workspaceId);
    void onConnectionChanged(Account::Connection connection);
    void updateBannerTimer();
    void onWorkspaceRemoved(const QString &workspaceId);
    void onConversationActivated(const QModelIndex &index);
    void showWorkspaceWelcome();
    // Closes the open conversation; with showEmptyPage, the pane shows the empty state.
    void closeConversation(bool showEmptyPage = true);
    // Whether a message with these mentions may go: asked first when it notifies a big channel.
    bool confirmAddressingEveryone(const QList<moim::protocol::MessageEntity> &mentions);
    void updateWindowTitle();
    void showBannerText();
    void buildMenus();
    void buildSearch();
    void restoreWindowState();
    void saveWindowState();
    void openPendingConversation();
    // Highlights the open conversation's row (after the list was refreshed).
    void selectOpenConversation();
    // Opens the next (step 1) or previous (step -1) conversation with unread messages.
    void openNextUnread(int step);
    void fitToScreen();

    // Where the user was reading in a workspace: the conversation, and the message at the top
    // of the view with its offset (none when at the bottom).
    struct ReadingPlace
    {
        QString conversationId;
        QString topMessage;
        int topOffset = 0;
    };
    void rememberReadingPlace();
    void restoreReadingPlace(const ReadingPlace &place);
    // Tells the notifier which conversation the user is looking at, if any.
    void updateFocusedConversation();
    // Managing conversations: the menu and the notice bar follow what is on screen.
    void buildConversationManagement();
    void syncConversationManagement();

    SessionManager *m_sessions;
    // The account goes away at logout, possibly before this window does.
    QPointer<Account> m_account;
    QSettings *m_uiState;
    WorkspaceSidebar *m_sidebar;
    QLabel *m_workspaceTitle;
    QLabel *m_workspaceSubtitle;
    QToolButton *m_workspaceSettings = nullptr;
    QListView *m_conversationList;
    ConversationListModel m_conversations;
    Notice *m_banner;
    QLabel *m_conversationTitle;
    QLabel *m_conversationTopic;
    QLabel *m_emptyIcon;
    QLabel *m_emptyText;
    QMenu *m_accountMenu;
    QWidgetAction *m_accountHeader;
    QLabel *m_accountName;
    QLabel *m_accountEmail;
    QAction *m_myAccountAction;
    QAction *m_preferencesAction;
    QPushButton *m_unlockButton;
    QPointer<MyAccountPage> m_myAccount;
    QAction *m_logoutAction;
    QAction *m_logoutWipeAction;
    QAction *m_quitAction;
    QMenu *m_moimMenu;
    QMenu *m_workspaceMenu;
    QMenu *m_sortMenu;
    QAction *m_orderByActivity;
    QAction *m_orderByName;
    QAction *m_nextAction;
    QAction *m_previousAction;
    QTimer *m_bannerTimer;
    HistoryModel *m_history;
    QStackedWidget *m_contentStack;
    QSplitter *m_splitter;
    MessageView *m_messageView;
    PinnedNoticeBar *m_pinnedNotice;
    ConversationActions *m_conversationActions = nullptr;
    Composer *m_composer;
    ComposerContextBar *m_composerBar;
    TypingLine *m_typingLine;
    MentionPicker *m_mentionPicker;
    MessageActions *m_messageActions;
    AttachmentStrip *m_attachmentStrip;
    QToolButton *m_attachButton;
    OutgoingFiles *m_outgoingFiles;
    MessageFiles *m_messageFiles;
    QString m_openConversation;
    QHash<QString, ComposerText> m_drafts; // unsent text per conversation
    QString m_removedNotice;
    Notifier *m_notifier = nullptr;
    QHash<QString, QPointer<NotificationSettingsPage>> m_notificationPages;
    QAction *m_notificationSettingsAction;
    QAction *m_jumpAction;
    QuickSwitcher *m_quickSwitcher = nullptr; // made at its first use
    SearchPanel *m_searchPanel;
    QAction *m_findAction;
    QAction *m_findEverywhereAction;
    QString m_pendingWorkspace;
    QString m_pendingConversation; // to open once its workspace lists it
    // The message a link asked for, shown once its conversation is open.
    QString m_pendingMessageConversation;
    QString m_pendingMessageId;
    qint64 m_pendingMessageSeq = 0;
    QHash<QString, ReadingPlace> m_readingPlaces; // by workspace
    bool m_keychainNotice = false;
    bool m_sendNotSaved = false; // the last message could not be written down
    bool m_hidesOnClose = false;
    bool m_fittedOnShow = false;
};

} // namespace moim::ui
