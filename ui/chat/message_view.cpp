#include "message_view.h"

#include "chat/chat.h"
#include "chat/history_model.h"
#include "common/date_text.h"
#include "common/notice.h"
#include "common/plain_text.h"
#include "conversation_intro.h"
#include "message_delegate.h"

#include <QAccessible>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <utility>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
// How far back a link's target is looked for before saying it cannot be found.
constexpr int MaxSeekPages = 40;
// The first unread message is looked for this far back; past it the view starts at the top.
constexpr int MaxUnreadPages = 8;
constexpr int HighlightMs = 4000;
constexpr int NotFoundMs = 5000;
} // namespace

MessageView::MessageView(HistoryModel *model, Chat *chat, QWidget *parent)
    : QListView(parent)
    , m_history(model)
    , m_chat(chat)
    , m_jumpToLatest(new QPushButton(this))
    , m_notFound(new QLabel(this))
    , m_intro(new ConversationIntro(this))
    , m_announcer(new QLabel(this))
    , m_highlightTimer(new QTimer(this))
    , m_notFoundTimer(new QTimer(this))
{
    setObjectName(u"MessageView"_s);
    setModel(model);
    auto *delegate = new MessageDelegate(chat, this);
    setItemDelegate(delegate);
    // A screen reader hears who wrote it and when, what it answers, whether it was edited, its
    // reactions, how many have not read it, and the state a sighted user sees under it.
    model->setAccessibleText([delegate, chat](const Message &message) {
        const QString when = DateText::time(QDateTime::fromSecsSinceEpoch(message.createdAt));
        const QString body = message.deleted ? MessageDelegate::deletedText() : message.body;
        QStringList parts;
        parts << tr("%1, %2: %3", "author, time: message").arg(message.authorName, when, body);
        if (message.replyTo && !message.deleted) {
            parts << tr("In reply to %1: %2")
                         .arg(MessageDelegate::quoteTitle(*message.replyTo),
                              MessageDelegate::quoteText(*message.replyTo));
        }
        if (message.editedAt > 0 && !message.deleted)
            parts << MessageDelegate::editedText();
        if (!message.deleted && message.authorId != chat->myId() && message.mentions(chat->myId()))
            parts << tr("Mentions you.");
        for (const Attachment &attachment : message.attachments)
            parts << tr("Attachment: %1.").arg(AttachmentTiles::accessibleText(attachment));
        for (const ReactionChip &chip : delegate->chipsFor(message))
            parts << ReactionChips::accessibleText(chip);
        if (message.authorId == chat->myId() && !message.deleted && message.seq > 0) {
            const int unread =
                chat->unreadBy(message.conversationId, message.seq, message.authorId);
            if (unread > 0)
                parts << tr("Not read by %n member(s).", nullptr, unread);
        }
        const QString state = MessageDelegate::stateText(message.state, message.failure);
        if (!state.isEmpty())
            parts << state;
        return parts.join(u' ');
    });
    connect(chat, &Chat::readMarksChanged, this, [this](const QString &conversationId) {
        if (conversationId == m_history->conversationId())
            viewport()->update();
    });
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setMouseTracking(true);
    setUniformItemSizes(false);
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(24);

    m_jumpToLatest->setObjectName(u"JumpToLatest"_s);
    m_jumpToLatest->setCursor(Qt::PointingHandCursor);
    setRole(m_jumpToLatest, "primary");
    m_jumpToLatest->hide();
    connect(m_jumpToLatest, &QPushButton::clicked, this, &MessageView::jumpToLatest);
    m_notFound->setObjectName(u"MessageNotFound"_s);
    m_notFound->setTextFormat(Qt::PlainText);
    m_notFound->setWordWrap(true);
    m_notFound->setAlignment(Qt::AlignCenter);
    m_notFound->setAutoFillBackground(true);
    m_notFound->setMargin(8);
    m_notFound->hide();
    m_notFoundTimer->setSingleShot(true);
    m_notFoundTimer->setInterval(NotFoundMs);
    connect(m_notFoundTimer, &QTimer::timeout, m_notFound, &QWidget::hide);
    m_highlightTimer->setSingleShot(true);
    m_highlightTimer->setInterval(HighlightMs);
    connect(m_highlightTimer, &QTimer::timeout, this, [this] {
        messageDelegate()->setHighlighted(QString());
        viewport()->update();
    });

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &MessageView::updateJumpButton);
    m_intro->hide();
    connect(model, &QAbstractItemModel::modelReset, this, &MessageView::onReset);
    connect(model, &QAbstractItemModel::modelReset, this, &MessageView::updateIntro);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MessageView::updateIntro);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MessageView::updateIntro);
    // An empty answer changes no row, but tells that the conversation has no history.
    connect(chat, &Chat::historyFetched, this, &MessageView::updateIntro);
    // A page that added nothing still answers a search: there may be nothing older.
    connect(chat, &Chat::historyFetched, this, [this] {
        // Knowing there is nothing older can put the "new messages" line above the first row:
        // its height changes without any row changing.
        if (m_history->readMarkAtOpen() >= 0)
            scheduleDelayedItemsLayout();
        if (m_seekingUnread || !m_targetId.isEmpty() || m_targetSeq > 0)
            scheduleSeek();
    });
    connect(chat, &Chat::windowFetched, this, &MessageView::updateIntro);
    connect(chat, &Chat::windowFetched, this, [this] {
        if (!m_targetId.isEmpty() || m_targetSeq > 0)
            scheduleSeek();
    });
    connect(chat, &Chat::newerFetched, this, [this] {
        m_loadingNewer = false;
        updateJumpButton();
    });
    // Remembered before any rows come: the model lets go of the top right after new rows came
    // at the bottom, and while rows are going the view cannot tell where any row is.
    // Live rows arriving below a reader kept at the newest end move nothing: the view follows
    // them down. Finding the place would lay every row out once per arrival of a live stream.
    // (A page of newer history is different: the reader stays where they are.)
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                if (first > 0 && first == m_history->rowCount() && m_stickToBottom &&
                    !m_loadingNewer && m_history->isAtNewest())
                    return;
                rememberPlace();
            });
    // While the top goes, the scroll bar's range shrinks under the reader: that is no scrolling
    // of theirs to answer by loading anything.
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first) { m_topGoing = first == 0; });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first) {
        if (first == 0)
            restorePlace();
        m_topGoing = false;
    });
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });

    // Qt 6.4 has no announcement event: a label of one transparent pixel whose name changes is
    // what AT-SPI readers speak without moving the user's place (like the typing line).
    m_announcer->setObjectName(u"NewMessageAnnouncer"_s);
    m_announcer->setFocusPolicy(Qt::NoFocus);
    m_announcer->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_announcer->setGeometry(0, 0, 1, 1);
}

void MessageView::announceArrivals(int first, int last)
{
    // Live arrivals come at the end a few at a time; a page of history or a whole conversation
    // being loaded is not news.
    if (first == 0 || last != m_history->rowCount() - 1 || last - first >= 5)
        return;
    for (int row = last; row >= first; --row) {
        const QModelIndex index = m_history->index(row);
        if (index.data(HistoryModel::MineRole).toBool())
            continue;
        const QString text =
            tr("New message: %1").arg(index.data(Qt::AccessibleTextRole).toString());
        m_announcer->setAccessibleName(text);
        QAccessibleEvent changed(m_announcer, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
        return;
    }
}

void MessageView::rememberPlace()
{
    m_placeId.clear();
    // The first row reaching into the viewport, by bisection: rows lie top to bottom. (indexAt
    // may miss it between rows or before a pending layout, which visualRect carries out.)
    int low = 0;
    int high = m_history->rowCount();
    while (low < high) {
        const int middle = low + (high - low) / 2;
        if (visualRect(m_history->index(middle)).bottom() < 0)
            low = middle + 1;
        else
            high = middle;
    }
    if (low >= m_history->rowCount())
        return;
    const QModelIndex first = m_history->index(low);
    m_placeId = first.data(HistoryModel::LocalIdRole).toString();
    m_placeOffset = visualRect(first).top();
}

void MessageView::restorePlace()
{
    if (m_placeId.isEmpty())
        return;
    const QString id = std::exchange(m_placeId, QString());
    for (int row = 0; row < m_history->rowCount(); ++row) {
        const QModelIndex index = m_history->index(row);
        if (index.data(HistoryModel::LocalIdRole).toString() != id)
            continue;
        scrollTo(index, QAbstractItemView::PositionAtTop);
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() - m_placeOffset);
        return;
    }
}

bool MessageView::isAtBottom() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

void MessageView::onReset()
{
    m_loadingNewer = false;
    m_placeId.clear();
    const QString conversation = m_history->conversationId();
    if (conversation != m_shownConversation) {
        // Another conversation: what was pending for the last one is over.
        m_shownConversation = conversation;
        m_seekingUnread = m_history->readMarkAtOpen() >= 0;
        m_targetId.clear();
        m_targetSeq = 0;
        m_seekPages = 0;
        m_unseen = 0;
        messageDelegate()->setHighlighted(QString());
        m_notFound->hide();
    }
    if (m_seekingUnread || !m_targetId.isEmpty() || m_targetSeq > 0) {
        m_stickToBottom = false;
        scheduleSeek();
    } else {
        m_stickToBottom = true;
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
    }
    updateJumpButton();
}

void MessageView::onRowsInserted(int first, int last)
{
    announceArrivals(first, last);
    if (first == 0 && last < m_history->rowCount() - 1) {
        // Older messages above: keep the reader's place.
        restorePlace();
    } else if (m_loadingNewer) {
        // Newer history below the reader, who stays where they are.
        m_stickToBottom = false;
    } else if (m_stickToBottom) {
        // Once for a burst of arrivals, after the view has laid them out.
        if (!m_scrollToBottomQueued) {
            m_scrollToBottomQueued = true;
            QTimer::singleShot(0, this, [this] {
                m_scrollToBottomQueued = false;
                scrollToBottom();
            });
        }
    } else {
        for (int row = first; row <= last; ++row) {
            if (!m_history->index(row).data(HistoryModel::MineRole).toBool())
                ++m_unseen;
        }
    }
    if (m_seekingUnread || !m_targetId.isEmpty() || m_targetSeq > 0)
        scheduleSeek();
    updateJumpButton();
}

void MessageView::scheduleSeek()
{
    // After the view has laid the new rows out, and once for a burst of changes.
    if (m_seekScheduled)
        return;
    m_seekScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_seekScheduled = false;
        seek();
    });
}

void MessageView::seek()
{
    if (!m_targetId.isEmpty() || m_targetSeq > 0) {
        const int row = m_history->rowOfMessage(m_targetId, m_targetSeq);
        if (row >= 0) {
            const QModelIndex index = m_history->index(row);
            m_targetId.clear();
            m_targetSeq = 0;
            m_seekingUnread = false;
            m_stickToBottom = false;
            messageDelegate()->setHighlighted(index.data(HistoryModel::LocalIdRole).toString());
            m_highlightTimer->start();
            scrollTo(index, QAbstractItemView::PositionAtCenter);
            viewport()->update();
            updateJumpButton();
            return;
        }
        if (m_history->isLoadingOlder() || m_history->isLoadingWindow())
            return; // the page on its way calls back
        if (m_history->mayHoldOlder(m_targetSeq) && m_seekPages < MaxSeekPages &&
            m_history->canLoadOlder()) {
            ++m_seekPages;
            m_history->loadOlder();
            return;
        }
        m_targetId.clear();
        m_targetSeq = 0;
        showNote(tr("That message could not be found. It may have been deleted."));
        return;
    }
    if (!m_seekingUnread)
        return;
    const int row = m_history->firstUnreadRow();
    if (row >= 0) {
        m_seekingUnread = false;
        scrollTo(m_history->index(row), QAbstractItemView::PositionAtTop);
        // A little of what was read before stays in sight above the line.
        QScrollBar *bar = verticalScrollBar();
        if (bar->value() < bar->maximum())
            bar->setValue(bar->value() - 2 * fontMetrics().height());
        // When all that is unread fits on screen, the view is at the newest end and follows it.
        QTimer::singleShot(0, this, [this] {
            if (isAtBottom())
                m_stickToBottom = true;
            updateJumpButton();
        });
        return;
    }
    if (m_history->isLoadingOlder())
        return;
    if (m_history->hasOlder() && m_seekPages < MaxUnreadPages && m_history->canLoadOlder()) {
        ++m_seekPages;
        m_history->loadOlder();
        return;
    }
    // Unread messages further back than is worth loading (or only one's own): the oldest loaded
    // then, or the newest when nothing is unread after all.
    m_seekingUnread = false;
    if (m_history->hasOlder()) {
        scrollToTop();
    } else {
        m_stickToBottom = true;
        scrollToBottom();
    }
}

void MessageView::jumpToMessage(const QString &messageId, qint64 seq)
{
    m_notFound->hide();
    m_targetId = messageId;
    m_targetSeq = seq;
    m_seekPages = 0;
    m_seekingUnread = false;
    if (m_history->rowOfMessage(messageId, seq) < 0 && seq > 0) {
        // A window around it, however far back: the seek goes on when it is here.
        m_history->loadAround(messageId, seq);
        return;
    }
    if (m_history->rowOfMessage(messageId, seq) < 0 && !m_history->isAtNewest()) {
        // Search back from the live end, where the window knows what is older.
        m_history->jumpToNewest();
        return;
    }
    seek();
}

QString MessageView::highlightedMessage() const
{
    return messageDelegate()->highlighted();
}

void MessageView::jumpToLatest()
{
    m_seekingUnread = false;
    m_unseen = 0;
    m_stickToBottom = true;
    if (!m_history->isAtNewest())
        m_history->jumpToNewest();
    else
        scrollToBottom();
    updateJumpButton();
}

void MessageView::updateJumpButton()
{
    const QScrollBar *bar = verticalScrollBar();
    const bool farUp = bar->maximum() - bar->value() > viewport()->height();
    const bool show = !isAtBottom() && (m_unseen > 0 || farUp || !m_history->isAtNewest());
    if (show) {
        m_jumpToLatest->setText(m_unseen > 0 ? tr("Jump to latest ↓ (%1)").arg(m_unseen)
                                             : tr("Jump to latest ↓"));
        m_jumpToLatest->setAccessibleName(
            m_unseen > 0 ? tr("Jump to the latest message, %n new", nullptr, m_unseen)
                         : tr("Jump to the latest message"));
        m_jumpToLatest->adjustSize();
        placeOverlays();
        m_jumpToLatest->raise();
    }
    m_jumpToLatest->setVisible(show);
}

void MessageView::setConversationInfo(const QString &name, const QString &topic, bool direct,
                                      const QString &createdBy, qint64 createdAt)
{
    m_intro->setConversation(name, topic, direct, createdBy, createdAt);
}

void MessageView::updateIntro()
{
    const bool empty = !m_history->conversationId().isEmpty() && m_history->rowCount() == 0 &&
                       !m_history->hasOlder();
    if (empty) {
        placeOverlays();
        m_intro->raise();
    }
    m_intro->setVisible(empty);
}

void MessageView::placeOverlays()
{
    const QRect area = viewport()->geometry();
    const QSize button = m_jumpToLatest->sizeHint();
    m_jumpToLatest->setGeometry(area.right() - button.width() - 16,
                                area.bottom() - button.height() - 12, button.width(),
                                button.height());
    const int width = std::min(area.width() - 32, 480);
    m_notFound->setFixedWidth(width);
    m_notFound->adjustSize();
    m_notFound->move(area.left() + (area.width() - width) / 2, area.top() + 12);
    // The introduction sits where the first message will, in the same reading column.
    const int column = std::min(area.width(), 66 + 720 + 24);
    m_intro->setGeometry(area.left() + (area.width() - column) / 2, area.top(), column,
                         area.height());
}

void MessageView::onScrolled(int value)
{
    if (m_topGoing)
        return;
    m_stickToBottom = isAtBottom();
    if (value == verticalScrollBar()->minimum() && m_history->canLoadOlder())
        m_history->loadOlder();
    if (m_stickToBottom && m_history->canLoadNewer()) {
        m_history->loadNewer();
        m_loadingNewer = m_history->isLoadingNewer();
    }
    if (m_stickToBottom && m_history->isAtNewest())
        m_unseen = 0;
    updateJumpButton();
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    const bool atBottom = isAtBottom();
    QListView::resizeEvent(event);
    // Row heights depend on the width (wrapping).
    scheduleDelayedItemsLayout();
    if (atBottom)
        QTimer::singleShot(0, this, &QListView::scrollToBottom);
    placeOverlays();
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

QUrl MessageView::messageLink(const QModelIndex &index) const
{
    const qint64 seq = index.data(HistoryModel::SeqRole).toLongLong();
    if (seq <= 0 || m_workspaceId.isEmpty() || m_history->conversationId().isEmpty())
        return {};
    QUrl link;
    link.setScheme(u"moim"_s);
    link.setHost(u"message"_s);
    link.setPath(u"/%1/%2/%3"_s.arg(m_workspaceId, m_history->conversationId()).arg(seq));
    return link;
}

bool MessageView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = indexAt(help->pos());
        if (!index.isValid()) {
            QToolTip::hideText();
            return true;
        }
        const MessageDelegate::Hit hit = hitAt(help->pos());
        if (hit.kind != MessageDelegate::Hit::Kind::None) {
            // Other people's names and words: never read as markup.
            QToolTip::showText(help->globalPos(), plainToolTip(hitToolTip(index, hit)), viewport(),
                               hit.rect);
            return true;
        }
        const QUrl link = linkAt(help->pos());
        // The address a link really opens, in full (wrapping may cut it); else when it was sent,
        // and when it was last edited.
        QString text = link.toDisplayString();
        if (link.isEmpty()) {
            text = DateText::full(
                QDateTime::fromSecsSinceEpoch(index.data(HistoryModel::TimeRole).toLongLong()));
            const qint64 editedAt = index.data(HistoryModel::EditedAtRole).toLongLong();
            if (editedAt > 0 && !index.data(HistoryModel::DeletedRole).toBool()) {
                text +=
                    u'\n' +
                    tr("Edited %1").arg(DateText::full(QDateTime::fromSecsSinceEpoch(editedAt)));
            }
        }
        QToolTip::showText(help->globalPos(), text, viewport(), visualRect(index));
        return true;
    }
    return QListView::viewportEvent(event);
}

void MessageView::mousePressEvent(QMouseEvent *event)
{
    m_pressedLink =
        event->button() == Qt::LeftButton ? linkAt(event->position().toPoint()) : QUrl();
    QListView::mousePressEvent(event);
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    // Chips outline themselves under the mouse.
    viewport()->update(visualRect(indexAt(position)));
    if (linkAt(position).isEmpty() && hitAt(position).kind == MessageDelegate::Hit::Kind::None)
        viewport()->unsetCursor();
    else
        viewport()->setCursor(Qt::PointingHandCursor);
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
    QAction *copyText =
        menu.addAction(tr("Copy text"), this, [body] { QApplication::clipboard()->setText(body); });
    copyText->setObjectName(u"CopyText"_s);
    const QUrl messageLink = this->messageLink(index);
    if (!messageLink.isEmpty()) {
        QAction *copyLink = menu.addAction(tr("Copy link to message"), this, [messageLink] {
            QApplication::clipboard()->setText(messageLink.toString(QUrl::FullyEncoded));
        });
        copyLink->setObjectName(u"CopyMessageLink"_s);
    }
    const auto state = Message::State(index.data(HistoryModel::StateRole).toInt());
    const QString localId = index.data(HistoryModel::LocalIdRole).toString();
    const bool deleted = index.data(HistoryModel::DeletedRole).toBool();
    const bool mine = index.data(HistoryModel::MineRole).toBool();
    if (deleted)
        copyText->setEnabled(false);
    if (state == Message::State::Sent && !deleted) {
        menu.addSeparator();
        QAction *reply =
            menu.addAction(tr("Reply"), this, [this, localId] { Q_EMIT replyRequested(localId); });
        reply->setObjectName(u"Reply"_s);
        reply->setShortcut(ReplyShortcut);
        const QRect anchor(viewport()->mapToGlobal(event->pos()), QSize(1, 1));
        QAction *react = menu.addAction(tr("Add reaction…"), this, [this, localId, anchor] {
            Q_EMIT reactionPickerRequested(localId, anchor);
        });
        react->setObjectName(u"AddReaction"_s);
    }
    if (mine && !deleted) {
        if (state == Message::State::Sent)
            menu.addSeparator();
        QAction *edit =
            menu.addAction(tr("Edit"), this, [this, localId] { Q_EMIT editRequested(localId); });
        edit->setObjectName(u"Edit"_s);
        if (state == Message::State::Sent) {
            QAction *remove =
                menu.addAction(tr("Delete…"), this, [this, localId] { confirmDelete(localId); });
            remove->setObjectName(u"Delete"_s);
        }
    }
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
    if (event->button() == Qt::LeftButton && index.isValid()) {
        const MessageDelegate::Hit hit = hitAt(event->position().toPoint());
        const QString localId = index.data(HistoryModel::LocalIdRole).toString();
        switch (hit.kind) {
        case MessageDelegate::Hit::Kind::Quote:
            jumpToMessage(hit.quote.id, hit.quote.seq);
            return;
        case MessageDelegate::Hit::Kind::Reaction:
            m_chat->react(localId, hit.toggle.emoji, hit.toggle.add);
            return;
        case MessageDelegate::Hit::Kind::AddReaction:
            Q_EMIT reactionPickerRequested(
                localId, QRect(viewport()->mapToGlobal(hit.rect.topLeft()), hit.rect.size()));
            return;
        case MessageDelegate::Hit::Kind::ReadCount:
            QToolTip::showText(viewport()->mapToGlobal(hit.rect.bottomLeft()),
                               plainToolTip(hitToolTip(index, hit)), viewport(), hit.rect);
            return;
        case MessageDelegate::Hit::Kind::Attachment:
            Q_EMIT attachmentActivated(index.data(HistoryModel::MessageRole).value<Message>(),
                                       hit.attachment, hit.attachmentPart);
            return;
        case MessageDelegate::Hit::Kind::None:
            break;
        }
    }
    if (index.isValid() &&
        Message::State(index.data(HistoryModel::StateRole).toInt()) == Message::State::Failed) {
        m_chat->retry(index.data(HistoryModel::LocalIdRole).toString());
        return;
    }
    QListView::mouseReleaseEvent(event);
}

void MessageView::showNote(const QString &text)
{
    m_notFound->setText(text);
    placeOverlays();
    m_notFound->show();
    m_notFound->raise();
    m_notFoundTimer->start();
}

MessageDelegate::Hit MessageView::hitAt(const QPoint &position) const
{
    const QModelIndex index = indexAt(position);
    if (!index.isValid())
        return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    return messageDelegate()->hitAt(option, index, position);
}

QString MessageView::hitToolTip(const QModelIndex &index, const MessageDelegate::Hit &hit) const
{
    switch (hit.kind) {
    case MessageDelegate::Hit::Kind::Quote:
        return MessageDelegate::quoteTitle(hit.quote) + u'\n' +
               MessageDelegate::quoteText(hit.quote);
    case MessageDelegate::Hit::Kind::Reaction:
        return ReactionChips::toolTip(hit.chip);
    case MessageDelegate::Hit::Kind::AddReaction:
        return ReactionChips::addChipText();
    case MessageDelegate::Hit::Kind::ReadCount:
        return readersText(index);
    case MessageDelegate::Hit::Kind::Attachment:
        switch (hit.attachmentPart) {
        case AttachmentTiles::Part::Open:
        case AttachmentTiles::Part::Save:
        case AttachmentTiles::Part::Cancel:
            return {}; // the words on the button say it
        case AttachmentTiles::Part::Image:
        case AttachmentTiles::Part::Card:
        case AttachmentTiles::Part::None:
            break;
        }
        return AttachmentTiles::accessibleText(hit.file);
    case MessageDelegate::Hit::Kind::None:
        break;
    }
    return {};
}

QString MessageView::readersText(const QModelIndex &index) const
{
    // Long lists are cut: a tooltip is not a roster.
    constexpr int NamedPeople = 15;
    const auto names = [](const QStringList &all) {
        QString text = all.mid(0, NamedPeople).join(u", "_s);
        if (all.size() > NamedPeople)
            text += u' ' + tr("and %n more", nullptr, int(all.size() - NamedPeople));
        return text;
    };
    const Message message = index.data(HistoryModel::MessageRole).value<Message>();
    QStringList unread;
    QStringList read;
    for (const ReadMarkEntry &entry : m_chat->readMarks(message.conversationId)) {
        if (entry.userId == message.authorId)
            continue;
        (entry.lastReadSeq >= message.seq ? read : unread).append(entry.name);
    }
    QStringList lines;
    if (!unread.isEmpty())
        lines << tr("Not read yet (%1): %2").arg(unread.size()).arg(names(unread));
    if (!read.isEmpty())
        lines << tr("Read (%1): %2").arg(read.size()).arg(names(read));
    return lines.join(u'\n');
}

void MessageView::confirmDelete(const QString &localId)
{
    QMessageBox box(QMessageBox::Question, tr("Delete message"),
                    tr("Delete this message for everyone? This cannot be undone."),
                    QMessageBox::NoButton, this);
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == remove)
        m_chat->remove(localId);
}

QString MessageView::keyboardMessage() const
{
    const QModelIndex current = currentIndex();
    if (current.isValid() && hasFocus())
        return current.data(HistoryModel::LocalIdRole).toString();
    for (int row = model()->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = model()->index(row, 0);
        if (Message::State(index.data(HistoryModel::StateRole).toInt()) == Message::State::Sent &&
            !index.data(HistoryModel::DeletedRole).toBool())
            return index.data(HistoryModel::LocalIdRole).toString();
    }
    return {};
}

} // namespace moim::ui
