#include "message_view.h"

#include "chat/chat.h"
#include "chat/history_model.h"
#include "message_delegate.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimer>
#include <utility>

namespace moim::ui {

MessageView::MessageView(HistoryModel *model, Chat *chat, QWidget *parent)
    : QListView(parent)
    , m_history(model)
    , m_chat(chat)
{
    setObjectName(QStringLiteral("MessageView"));
    setModel(model);
    setItemDelegate(new MessageDelegate(this));
    // A screen reader hears the state a sighted user sees under the message.
    model->setAccessibleText([](const Message &message) {
        const QString state = MessageDelegate::stateText(message.state, message.failure);
        const QString text = tr("%1: %2").arg(message.authorName, message.body);
        return state.isEmpty() ? text : text + u' ' + state;
    });
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

MessageDelegate *MessageView::messageDelegate() const
{
    return static_cast<MessageDelegate *>(itemDelegate());
}

QUrl MessageView::linkAt(const QPoint &position) const
{
    const QModelIndex index = indexAt(position);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return messageDelegate()->linkAt(option, index, position);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressedLink =
        event->button() == Qt::LeftButton ? linkAt(event->position().toPoint()) : QUrl();
    QListView::mousePressEvent(event);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    const QUrl link = linkAt(event->position().toPoint());
    if (link.isEmpty()) {
        viewport()->unsetCursor();
        viewport()->setToolTip(QString());
    } else {
        viewport()->setCursor(Qt::PointingHandCursor);
        // The address it really opens, in full: the text may have been cut by wrapping.
        viewport()->setToolTip(link.toDisplayString());
    }
    QListView::mouseMoveEvent(event);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    const QUrl link = linkAt(event->pos());
    QMenu menu(this);
    if (!link.isEmpty()) {
        menu.addAction(tr("Open link"), this, [link] { QDesktopServices::openUrl(link); });
        menu.addAction(tr("Copy link address"), this, [link] {
            QApplication::clipboard()->setText(link.toString(QUrl::FullyEncoded));
        });
        menu.addSeparator();
    }
    const QString body = index.data(HistoryModel::BodyRole).toString();
    menu.addAction(tr("Copy message"), this, [body] { QApplication::clipboard()->setText(body); });
    const auto state = Message::State(index.data(HistoryModel::StateRole).toInt());
    const QString localId = index.data(HistoryModel::LocalIdRole).toString();
    if (state == Message::State::Failed) {
        menu.addSeparator();
        menu.addAction(tr("Retry sending"), this, [this, localId] { m_chat->retry(localId); });
    }
    if (state != Message::State::Sent) {
        if (state != Message::State::Failed)
            menu.addSeparator();
        menu.addAction(tr("Delete unsent message"), this,
                       [this, localId] { m_chat->discard(localId); });
    }
    // The conversation's notice: a sent message's local id is its server id.
    if (state == Message::State::Sent) {
        menu.addSeparator();
        if (localId == m_pinnedMessageId)
            menu.addAction(tr("Unpin notice"), this, [this] { Q_EMIT unpinRequested(); });
        else
            menu.addAction(tr("Pin as notice"), this,
                           [this, localId] { Q_EMIT pinRequested(localId); });
    }
    menu.exec(event->globalPos());
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && !m_pressedLink.isEmpty()) {
        const QUrl link = std::exchange(m_pressedLink, QUrl());
        if (linkAt(event->position().toPoint()) == link) {
            QDesktopServices::openUrl(link);
            return;
        }
    }
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid() &&
        Message::State(index.data(HistoryModel::StateRole).toInt()) == Message::State::Failed) {
        m_chat->retry(index.data(HistoryModel::LocalIdRole).toString());
        return;
    }
    QListView::mouseReleaseEvent(event);
}

} // namespace moim::ui
