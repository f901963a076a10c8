#include "message_view.h"

#include "chat/chat.h"
#include "chat/history_model.h"
#include "message_delegate.h"

#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>

namespace moim::ui {

MessageView::MessageView(HistoryModel *model, Chat *chat, QWidget *parent)
    : QListView(parent)
    , m_history(model)
    , m_chat(chat)
{
    setObjectName(QStringLiteral("MessageView"));
    setModel(model);
    setItemDelegate(new MessageDelegate(this));
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setMouseTracking(true);
    setUniformItemSizes(false);
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(24);

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageView::onScrolled);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_stickToBottom = true;
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (first == 0 && last < m_history->rowCount() - 1) {
                    // Older messages above: keep the reader's place.
                    scrollTo(m_history->index(last + 1), QAbstractItemView::PositionAtTop);
                } else if (m_stickToBottom) {
                    QTimer::singleShot(0, this, &QListView::scrollToBottom);
                }
            });
}

bool MessageView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void MessageView::onScrolled(int value)
{
    m_stickToBottom = isAtBottom();
    if (value == verticalScrollBar()->minimum() && m_history->canLoadOlder())
        m_history->loadOlder();
    if (m_stickToBottom && !m_history->isAtNewest())
        m_history->jumpToNewest();
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    QListView::resizeEvent(event);
    // Row heights depend on the width (wrapping).
    scheduleDelayedItemsLayout();
    if (atBottom)
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid() &&
        Message::State(index.data(HistoryModel::StateRole).toInt()) == Message::State::Failed) {
        m_chat->retry(index.data(HistoryModel::LocalIdRole).toString());
        return;
    }
    QListView::mouseReleaseEvent(event);
}

} // namespace moim::ui
