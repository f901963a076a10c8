#pragma once

#include <QListView>
#include <QUrl>

namespace moim {
class Chat;
class HistoryModel;
} // namespace moim

namespace moim::ui {

class MessageDelegate;

// A conversation's history: grouped by author, plain text, mentions of the user marked, the
// state of messages written here (sending, not sent — click to retry). Web links in a message open
// in the browser on click; the context menu copies a message or a link. Scrolling to the top
// loads older messages; new ones keep the view at the bottom if it was there.
class MessageView : public QListView
{
    Q_OBJECT

public:
    MessageView(HistoryModel *model, Chat *chat, QWidget *parent = nullptr);

    bool isAtBottom() const;
    // The web link under `position` (viewport coordinates), if any.
    QUrl linkAt(const QPoint &position) const;
    // The message pinned as the conversation's notice: its context menu offers to unpin it.
    void setPinnedMessage(const QString &messageId) { m_pinnedMessageId = messageId; }

Q_SIGNALS:
    void pinRequested(const QString &messageId);
    void unpinRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QString m_pinnedMessageId;

    void onScrolled(int value);
    MessageDelegate *messageDelegate() const;

    HistoryModel *m_history;
    Chat *m_chat;
    bool m_stickToBottom = true;
    // The link a left press went down on: a click opens it only if released on it too.
    QUrl m_pressedLink;
};

} // namespace moim::ui
