#pragma once

#include <QListView>

namespace moim {
class Chat;
class HistoryModel;
} // namespace moim

namespace moim::ui {

// A conversation's history: grouped by author, plain text, mentions of the user marked, the
// state of messages written here (sending, not sent — click to retry). Scrolling to the top
// loads older messages; new ones keep the view at the bottom if it was there.
class MessageView : public QListView
{
    Q_OBJECT

public:
    MessageView(HistoryModel *model, Chat *chat, QWidget *parent = nullptr);

    bool isAtBottom() const;

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onScrolled(int value);

    HistoryModel *m_history;
    Chat *m_chat;
    bool m_stickToBottom = true;
};

} // namespace moim::ui
