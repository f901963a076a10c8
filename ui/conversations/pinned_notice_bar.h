#pragma once

#include "account/workspace.h"

#include <QFrame>
#include <QSet>

class QLabel;
class QToolButton;

namespace moim::ui {

// The conversation's notice (a pinned message) at the top of the conversation: one line when
// folded, the whole message when unfolded, hidden when nothing is pinned. Folding is kept per
// conversation and notice, so a new notice shows unfolded again.
class PinnedNoticeBar : public QFrame
{
    Q_OBJECT

public:
    explicit PinnedNoticeBar(QWidget *parent = nullptr);

    // Nothing, or a conversation without a notice: hidden.
    void setConversation(const std::optional<Conversation> &conversation);
    bool isFolded() const;
    void setFolded(bool folded);

Q_SIGNALS:
    void unpinRequested(const QString &conversationId);
    // "Go to message": the pinned message in the timeline.
    void showRequested(const QString &conversationId, const QString &messageId, qint64 seq);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();

    QLabel *m_title;
    QLabel *m_text;
    QToolButton *m_show;
    QToolButton *m_fold;
    QToolButton *m_unpin;
    std::optional<Conversation> m_conversation;
    QSet<QString> m_folded; // "conversation/message" of the notices folded away
};

} // namespace moim::ui
