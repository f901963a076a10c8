#pragma once

#include "message_delegate.h"

#include <QKeySequence>
#include <QListView>
#include <QUrl>

class QLabel;
class QPushButton;

namespace moim {
class Chat;
class HistoryModel;
} // namespace moim

namespace moim::ui {

class ConversationIntro;

// A conversation's history: separated by day, grouped by author, plain text, mentions of the user
// marked, the state of messages written here (sending, not sent — click to retry). Opening a
// conversation with unread messages shows the first of them under a "new messages" line; else
// the newest. Web links in a message open in the browser on click; the context menu copies a
// message, a link in it or a link to it. Scrolling to the top loads older messages; new ones keep
// the view at the bottom if it was there, and a button counts those that arrived while the reader
// was further up. Jumping to a message far back opens a window around it; scrolling to the bottom
// of a window that is not the newest loads newer messages.
class MessageView : public QListView
{
    Q_OBJECT

public:
    MessageView(HistoryModel *model, Chat *chat, QWidget *parent = nullptr);

    bool isAtBottom() const;
    // The web link under `position` (viewport coordinates), if any.
    QUrl linkAt(const QPoint &position) const;
    // The workspace of the conversation shown, for links to its messages.
    void setWorkspaceId(const QString &workspaceId) { m_workspaceId = workspaceId; }
    // moim://message/<workspace>/<conversation>/<seq>, or empty while the message is not sent.
    QUrl messageLink(const QModelIndex &index) const;
    // Scrolls to a message of the conversation shown and highlights it, loading a window around
    // it when it is not in the one shown (older pages until it is found when only its id is
    // known); says so in the view when it cannot be found.
    void jumpToMessage(const QString &messageId, qint64 seq);
    // The message a link pointed at (local id), highlighted for a moment; empty when none.
    QString highlightedMessage() const;
    // "Jump to latest ↓ (N)": shown when scrolled up while messages arrive.
    QPushButton *jumpToLatestButton() const { return m_jumpToLatest; }
    // Messages of others that arrived while the newest end was out of sight.
    int unseenCount() const { return m_unseen; }
    // What the conversation shown is, for the introduction an empty one shows.
    // Who created a channel and when (seconds since the epoch), when the server says.
    void setConversationInfo(const QString &name, const QString &topic, bool direct,
                             const QString &createdBy = {}, qint64 createdAt = 0);
    ConversationIntro *intro() const { return m_intro; }
    // Where a new message of someone else in the conversation shown is announced to a screen
    // reader, politely (a name change on a label without looks): its accessible name is the
    // latest such message, read in full.
    QLabel *newMessageAnnouncer() const { return m_announcer; }
    // Says something over the timeline for a few seconds (a message that cannot be found, a
    // change the server refused).
    void showNote(const QString &text);
    // The line that says a message could not be found (hidden otherwise).
    QLabel *notFoundLabel() const { return m_notFound; }
    // The message pinned as the conversation's notice: its context menu offers to unpin it.
    void setPinnedMessage(const QString &messageId) { m_pinnedMessageId = messageId; }

    // Replies to the message with the keyboard's focus, or to the newest one.
    static inline const QKeySequence ReplyShortcut{Qt::CTRL | Qt::Key_R};
    // The message a keyboard command is about: the one with the keyboard's focus in the view,
    // else the newest sent one (local id; empty when there is none).
    QString keyboardMessage() const;
    // Who has and has not read one of the user's messages, as its tooltip lists them.
    QString readersText(const QModelIndex &index) const;

Q_SIGNALS:
    void pinRequested(const QString &messageId);
    void unpinRequested();
    void replyRequested(const QString &localId);
    void editRequested(const QString &localId);
    // `anchor`: where the picker should open, in global coordinates.
    void reactionPickerRequested(const QString &localId, const QRect &anchor);
    // A file of a message was clicked: its image or card (to open it), Open, Save as… or the
    // Cancel of its transfer.
    void attachmentActivated(const moim::Message &message, int attachment,
                             moim::ui::AttachmentTiles::Part part);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    QString m_pinnedMessageId;

    void onScrolled(int value);
    void onReset();
    void onRowsInserted(int first, int last);
    void announceArrivals(int first, int last);
    // Rows coming or going above the reader keep what the reader sees where it is.
    void rememberPlace();
    void restorePlace();
    // Continues to the first unread message or to the target of a link, loading older pages
    // while it is not in the window.
    void seek();
    void scheduleSeek();
    void jumpToLatest();
    void updateJumpButton();
    void placeOverlays();
    void updateIntro();
    MessageDelegate *messageDelegate() const;
    MessageDelegate::Hit hitAt(const QPoint &position) const;
    QString hitToolTip(const QModelIndex &index, const MessageDelegate::Hit &hit) const;
    // Asks before a message is deleted for everyone.
    void confirmDelete(const QString &localId);

    HistoryModel *m_history;
    Chat *m_chat;
    QString m_workspaceId;
    QString m_shownConversation;
    bool m_stickToBottom = true;
    bool m_scrollToBottomQueued = false;
    // Going to the first unread message of the conversation just opened.
    bool m_seekingUnread = false;
    // Going to a message a link pointed at.
    QString m_targetId;
    qint64 m_targetSeq = 0;
    int m_seekPages = 0;
    bool m_seekScheduled = false;
    int m_unseen = 0;
    // A newer page is on its way because the reader reached the bottom: its rows are history,
    // not news, and do not pull the view along.
    bool m_loadingNewer = false;
    // The first row in sight (local id) and how far its top is from the viewport's.
    QString m_placeId;
    int m_placeOffset = 0;
    bool m_topGoing = false;
    QPushButton *m_jumpToLatest;
    QLabel *m_notFound;
    ConversationIntro *m_intro;
    QLabel *m_announcer;
    QTimer *m_highlightTimer;
    QTimer *m_notFoundTimer;
    // The link a left press went down on: a click opens it only if released on it too.
    QUrl m_pressedLink;
};

} // namespace moim::ui
