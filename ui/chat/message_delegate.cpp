#include "message_delegate.h"

#include "chat/chat.h"
#include "chat/history_model.h"
#include "chat/message.h"
#include "chat/text_link.h"
#include "common/date_text.h"
#include "theme/theme.h"
#include "timeline_fonts.h"

#include <QApplication>
#include <QCursor>
#include <QDateTime>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>
#include <cmath>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int SideMargin = 20;
constexpr int AvatarSize = 36;
constexpr int AvatarGap = 10;
// Where the text starts, right of the avatar column.
constexpr int TextLeft = SideMargin + AvatarSize + AvatarGap;
constexpr int RightMargin = 24;
// Lines longer than this are tiring to read: wide windows get a column, centred.
constexpr int MaxTextWidth = 720;
constexpr int GroupGap = 10;
constexpr int LineGap = 2;
// Kept free right of the user's own messages for the count of those who have not read them, so
// the count coming and going never changes a row's height.
constexpr int ReadCountWidth = 30;
constexpr int QuoteMaxWidth = 520;
constexpr int QuotePadding = 6;
constexpr int QuoteBar = 3;

int textWidth(const QRect &row)
{
    return std::clamp(row.width() - TextLeft - RightMargin, 100, MaxTextWidth);
}

// The left edge of the reading column in a row.
int columnLeft(const QRect &row)
{
    const int column = TextLeft + textWidth(row) + RightMargin;
    return row.left() + std::max(0, (row.width() - column) / 2);
}

int separatorHeight(const QFont &font)
{
    return QFontMetrics(boldFont(smallFont(font))).height() + 20;
}

int unreadLineHeight(const QFont &font)
{
    return QFontMetrics(boldFont(smallFont(font))).height() + 8;
}

int quoteHeight(const QFont &font)
{
    return QFontMetrics(boldFont(smallFont(font))).height() +
           QFontMetrics(smallFont(font)).height() + 2 * QuotePadding;
}

QFont deletedFont(const QFont &font)
{
    QFont italic = font;
    italic.setItalic(true);
    return italic;
}

Message messageOf(const QModelIndex &index)
{
    return index.data(HistoryModel::MessageRole).value<Message>();
}

// The row's message without a copy when the model is a HistoryModel (else a copy in `storage`).
const Message &messageAt(const QModelIndex &index, Message &storage)
{
    if (const auto *history = qobject_cast<const HistoryModel *>(index.model()))
        return history->messages().at(index.row());
    storage = messageOf(index);
    return storage;
}

bool isOwnSentMessage(const QModelIndex &index)
{
    return index.data(HistoryModel::MineRole).toBool() &&
           Message::State(index.data(HistoryModel::StateRole).toInt()) == Message::State::Sent &&
           !index.data(HistoryModel::DeletedRole).toBool();
}
} // namespace

MessageDelegate::MessageDelegate(const Chat *chat, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_chat(chat)
{}

QString MessageDelegate::editedText()
{
    return tr("(edited)");
}

QString MessageDelegate::deletedText()
{
    return tr("This message was deleted.");
}

QString MessageDelegate::quoteTitle(const ReplyQuote &quote)
{
    return quote.authorName.isEmpty() ? tr("A message") : quote.authorName;
}

QString MessageDelegate::quoteText(const ReplyQuote &quote)
{
    if (quote.deleted)
        return tr("The original message was deleted.");
    return quote.snippet.section(u'\n', 0, 0);
}

int MessageDelegate::unreadCount(const QModelIndex &index) const
{
    if (!m_chat || !isOwnSentMessage(index))
        return -1;
    Message storage;
    return m_chat->unreadBy(messageAt(index, storage).conversationId,
                            index.data(HistoryModel::SeqRole).toLongLong(),
                            index.data(HistoryModel::AuthorIdRole).toString());
}

QList<ReactionChip> MessageDelegate::chipsFor(const Message &message) const
{
    QList<ReactionChip> chips;
    const QString me = m_chat ? m_chat->myId() : QString();
    for (const Reaction &reaction : message.reactions) {
        if (reaction.userIds.isEmpty())
            continue;
        chips.append({reaction.emoji, reaction.userNames, reaction.userIds.contains(me)});
    }
    return chips;
}

QString MessageDelegate::initials(const QString &name)
{
    const QStringList words = name.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return u"?"_s;
    const QString &first = words.first();
    // Korean names are written together: the given name (last two syllables) is what people use.
    if (first.front().script() == QChar::Script_Hangul)
        return words.size() == 1 && first.size() >= 3 ? first.right(2) : first.left(2);
    QString letters = first.left(1).toUpper();
    if (words.size() > 1)
        letters += words.last().left(1).toUpper();
    return letters;
}

QColor MessageDelegate::memberColor(const QString &memberId)
{
    // FNV-1a over the id: the same member has the same colour on every device and every run.
    quint32 hash = 2166136261u;
    for (const QChar c : memberId) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    // Hues spread around the wheel, dark enough for white initials in light and dark themes.
    return QColor::fromHsl(int(hash % 360), 150, 105);
}

const QTextLayout &MessageDelegate::bodyLayout(const QStyleOptionViewItem &option,
                                               const QModelIndex &index, int width,
                                               int *height) const
{
    Message storage;
    const Message &message = messageAt(index, storage);
    const Theme::Scheme scheme = Theme::current();
    // A deleted message's words follow the language shown.
    const QString shown = message.deleted ? deletedText() : message.body;
    if (BodyLayout *known = m_bodyLayouts.object(message.localId);
        known && known->width == width && known->deleted == message.deleted &&
        known->scheme == scheme && known->body == shown && known->font == option.font &&
        known->entities == message.entities) {
        *height = known->height;
        return known->layout;
    }
    auto *laid = new BodyLayout;
    laid->body = shown;
    laid->font = option.font;
    laid->width = width;
    laid->deleted = message.deleted;
    laid->scheme = scheme;
    laid->entities = message.entities;
    QTextLayout &layout = laid->layout;
    QString body = shown;
    // The text stays plain: links are character formats over it, never markup parsed from it.
    const QList<TextLink> links = message.deleted ? QList<TextLink>() : TextLink::findAll(body);
    body.replace(u'\n', QChar::LineSeparator);
    layout.setText(body);
    layout.setFont(message.deleted ? deletedFont(option.font) : option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    QList<QTextLayout::FormatRange> formats;
    const Theme::Colors colors = Theme::colors(scheme);
    for (const TextLink &link : links) {
        QTextLayout::FormatRange range;
        range.start = int(link.start);
        range.length = int(link.length);
        range.format.setForeground(colors.primary);
        range.format.setFontUnderline(true);
        formats.append(range);
    }
    if (!message.deleted) {
        for (const moim::protocol::MessageEntity &mention : message.entities) {
            QTextLayout::FormatRange range;
            range.start = mention.offset;
            range.length = mention.length;
            range.format.setFontWeight(QFont::DemiBold);
            const bool me = mention.type != moim::protocol::MessageEntity::Type::Mention ||
                            (m_chat && mention.userId == m_chat->myId());
            // The warning text colour reads well on the mention band in both themes.
            range.format.setForeground(me ? colors.warning : colors.primary);
            if (me)
                range.format.setBackground(colors.mention);
            formats.append(range);
        }
    }
    layout.setFormats(formats);
    // Kept shaped: without this Qt frees the glyphs at endLayout(), and every paint of a kept
    // layout would shape its text again.
    layout.setCacheEnabled(true);
    layout.beginLayout();
    qreal lineTop = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, lineTop));
        lineTop += line.height();
    }
    layout.endLayout();
    laid->height = int(std::ceil(lineTop));
    *height = laid->height;
    m_bodyLayouts.insert(message.localId, laid);
    return laid->layout;
}

QString MessageDelegate::stateText(const QModelIndex &index)
{
    return stateText(Message::State(index.data(HistoryModel::StateRole).toInt()),
                     index.data(HistoryModel::FailureRole).toString());
}

QString MessageDelegate::stateText(Message::State state, const QString &failure)
{
    switch (state) {
    case Message::State::Pending:
        return tr("Sending…");
    case Message::State::Failed:
        return tr("Not sent: %1 Click to retry, or right-click to delete.")
            .arg(failureText(failure));
    case Message::State::Sent:
        break;
    }
    return {};
}

QString MessageDelegate::failureText(const QString &failure)
{
    if (failure == "forbidden"_L1)
        return tr("you are not a member of this conversation.");
    if (failure == "not_found"_L1)
        return tr("this conversation no longer exists.");
    if (failure == "two_step_required"_L1)
        return tr("this workspace requires 2-step verification.");
    if (failure == "payload_too_large"_L1)
        return tr("the message is too long.");
    if (failure == "upload_failed"_L1)
        return tr("a file it carries could not be uploaded.");
    if (failure == "bad_request"_L1)
        return tr("the server does not accept this message (it may be too long).");
    return tr("the server refused it.");
}

MessageDelegate::Layout MessageDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                   const QModelIndex &index) const
{
    Layout layout;
    const int width = textWidth(option.rect);
    const int left = columnLeft(option.rect);
    const int columnWidth = TextLeft + width + RightMargin;
    int y = option.rect.top();
    if (index.data(HistoryModel::DayStartRole).toBool()) {
        layout.daySeparator = QRect(left, y, columnWidth, separatorHeight(option.font));
        y += layout.daySeparator.height();
    }
    if (index.data(HistoryModel::FirstUnreadRole).toBool()) {
        layout.unreadLine = QRect(left, y, columnWidth, unreadLineHeight(option.font));
        y += layout.unreadLine.height();
    }
    layout.messageTop = y;
    int bottom = y;
    if (index.data(HistoryModel::GroupStartRole).toBool()) {
        y += GroupGap;
        layout.avatar = QRect(left + SideMargin, y, AvatarSize, AvatarSize);
        bottom = layout.avatar.bottom() + 1;
        const int headerHeight = QFontMetrics(boldFont(option.font)).height();
        layout.header = QRect(left + TextLeft, y, width, headerHeight);
        y += headerHeight + LineGap;
    }
    Message storage;
    const Message &message = messageAt(index, storage);
    if (message.replyTo && !message.deleted) {
        layout.quote = QRect(left + TextLeft, y + LineGap, std::min(width, QuoteMaxWidth),
                             quoteHeight(option.font));
        y = layout.quote.bottom() + 1 + 2 * LineGap;
    }
    const bool mine = index.data(HistoryModel::MineRole).toBool();
    const int bodyWidth = mine ? std::max(60, width - ReadCountWidth) : width;
    // Files sent without words have no empty line above them.
    const bool filesOnly =
        !message.deleted && message.body.isEmpty() && !message.attachments.isEmpty();
    static const QTextLayout noWords;
    int bodyHeight = 0;
    const QTextLayout &body =
        filesOnly ? noWords : bodyLayout(option, index, bodyWidth, &bodyHeight);
    layout.body = QRect(left + TextLeft, y, bodyWidth, bodyHeight);
    const int firstLine = body.lineCount() > 0 ? int(std::ceil(body.lineAt(0).height()))
                                               : QFontMetrics(option.font).height();
    layout.hoverTime = QRect(left + 2, y, TextLeft - 2 - AvatarGap, firstLine);
    y += bodyHeight;
    const QTextLine lastLine =
        body.lineCount() > 0 ? body.lineAt(body.lineCount() - 1) : QTextLine();
    if (message.editedAt > 0 && !message.deleted) {
        // After the last line when it fits there, else on a line of its own.
        const QFontMetrics small(smallFont(option.font));
        const int editedWidth = small.horizontalAdvance(editedText());
        const int lastWidth = lastLine.isValid() ? int(std::ceil(lastLine.naturalTextWidth())) : 0;
        if (lastLine.isValid() && lastWidth + 6 + editedWidth <= bodyWidth) {
            layout.edited =
                QRect(layout.body.left() + lastWidth + 6, layout.body.top() + int(lastLine.y()),
                      editedWidth, int(std::ceil(lastLine.height())));
        } else {
            layout.edited = QRect(layout.body.left(), y, editedWidth, small.height());
            y += small.height();
        }
    }
    if (mine) {
        const int lineTop = lastLine.isValid() ? layout.body.top() + int(lastLine.y()) : y;
        const int lineHeight = lastLine.isValid() ? int(std::ceil(lastLine.height())) : firstLine;
        layout.readCount = QRect(layout.body.right() + 1, lineTop, width - bodyWidth, lineHeight);
    }
    if (!message.deleted && !message.attachments.isEmpty()) {
        layout.attachments = AttachmentTiles(message.attachments);
        if (!filesOnly)
            y += 2 * LineGap;
        y += layout.attachments.layout(option.font, QPoint(left + TextLeft, y), bodyWidth);
        y += LineGap;
    }
    const QList<ReactionChip> chips = message.deleted ? QList<ReactionChip>() : chipsFor(message);
    if (!chips.isEmpty()) {
        layout.reactions = ReactionChips(chips, true);
        y += 4;
        y += layout.reactions.layout(option.font, QPoint(left + TextLeft, y), width);
    }
    if (!stateText(index).isEmpty()) {
        const int stateHeight = QFontMetrics(smallFont(option.font)).height();
        layout.state = QRect(left + TextLeft, y + LineGap, width, stateHeight);
        y += stateHeight + LineGap;
    }
    layout.height = std::max(y, bottom) - option.rect.top() + 3;
    return layout;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // The list asks every row's height each time it lays itself out — for each burst of a live
    // stream — so a row already measured answers from what the model holds, without copying
    // the message or preparing a style option.
    Message storage;
    const Message &message = messageAt(index, storage);
    const int width = option.rect.width();
    const int marks = (index.data(HistoryModel::DayStartRole).toBool() ? 1 : 0) |
                      (index.data(HistoryModel::FirstUnreadRole).toBool() ? 2 : 0) |
                      (index.data(HistoryModel::GroupStartRole).toBool() ? 4 : 0);
    const QString words = message.deleted        ? deletedText()
                          : message.editedAt > 0 ? editedText()
                                                 : QString();
    if (const RowHeight *known = m_rowHeights.object(message.localId);
        known && known->width == width && known->marks == marks && known->words == words &&
        known->font == option.font && known->message == message)
        return {width, known->height};

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect.setTop(0);
    auto *row = new RowHeight{message, width, option.font, marks, words, 0};
    row->height = layoutFor(opt, index).height;
    const QSize size(width, row->height);
    m_rowHeights.insert(message.localId, row);
    return size;
}

QString MessageDelegate::timeText(const QModelIndex &index)
{
    return DateText::time(
        QDateTime::fromSecsSinceEpoch(index.data(HistoryModel::TimeRole).toLongLong()));
}

QString MessageDelegate::newMessagesText()
{
    return tr("New messages");
}

void MessageDelegate::paintDaySeparator(QPainter *painter, const QRect &rect,
                                        const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    const QDate day =
        QDateTime::fromSecsSinceEpoch(index.data(HistoryModel::TimeRole).toLongLong()).date();
    const QString text = DateText::day(day, QDate::currentDate());
    const QFont font = boldFont(smallFont(option.font));
    const QFontMetrics metrics(font);
    const int pillWidth = metrics.horizontalAdvance(text) + 24;
    const int pillHeight = metrics.height() + 8;
    const QRect pill(rect.center().x() - pillWidth / 2, rect.center().y() - pillHeight / 2,
                     pillWidth, pillHeight);
    const int lineY = rect.center().y();
    painter->setPen(colors.border);
    painter->drawLine(rect.left() + SideMargin, lineY, pill.left() - 8, lineY);
    painter->drawLine(pill.right() + 8, lineY, rect.right() - RightMargin, lineY);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(colors.surface);
    painter->drawRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), pillHeight / 2.0,
                             pillHeight / 2.0);
    painter->setFont(font);
    painter->setPen(colors.mutedText);
    painter->drawText(pill, Qt::AlignCenter | Qt::TextSingleLine, text);
}

void MessageDelegate::paintUnreadLine(QPainter *painter, const QRect &rect,
                                      const QStyleOptionViewItem &option) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    const QFont font = boldFont(smallFont(option.font));
    const QString text = newMessagesText();
    const int textWidth = QFontMetrics(font).horizontalAdvance(text);
    const int lineY = rect.center().y();
    const int right = rect.right() - RightMargin;
    painter->setPen(QPen(colors.danger, 1));
    painter->drawLine(rect.left() + SideMargin, lineY, right - textWidth - 8, lineY);
    painter->setFont(font);
    painter->drawText(QRect(right - textWidth, rect.top(), textWidth, rect.height()),
                      Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, text);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Theme::Colors colors = Theme::colors(Theme::current());
    const Layout layout = layoutFor(opt, index);
    painter->save();
    if (layout.daySeparator.isValid())
        paintDaySeparator(painter, layout.daySeparator, opt, index);
    if (layout.unreadLine.isValid())
        paintUnreadLine(painter, layout.unreadLine, opt);
    const QRect band(opt.rect.left(), layout.messageTop, opt.rect.width(),
                     opt.rect.top() + layout.height - layout.messageTop);
    const bool hovered = opt.state & QStyle::State_MouseOver;
    if (!m_highlighted.isEmpty() &&
        index.data(HistoryModel::LocalIdRole).toString() == m_highlighted) {
        // The message a link pointed at: found at a glance.
        painter->fillRect(band, colors.selection);
        painter->fillRect(QRect(band.left(), band.top(), 3, band.height()), colors.primary);
    } else if (index.data(HistoryModel::MentionsMeRole).toBool()) {
        // A mention of the user: a warm band with an accent bar, as the best clients do.
        painter->fillRect(band, colors.mention);
        painter->fillRect(QRect(band.left(), band.top(), 3, band.height()), colors.mentionBar);
    } else if (hovered) {
        painter->fillRect(band, colors.sunken);
    }
    const bool mine = index.data(HistoryModel::MineRole).toBool();
    const bool pending =
        Message::State(index.data(HistoryModel::StateRole).toInt()) != Message::State::Sent;
    const QString author = index.data(HistoryModel::AuthorRole).toString();
    if (layout.avatar.isValid()) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(memberColor(index.data(HistoryModel::AuthorIdRole).toString()));
        painter->drawEllipse(layout.avatar);
        QFont initialsFont = boldFont(smallFont(opt.font));
        painter->setFont(initialsFont);
        painter->setPen(Qt::white);
        painter->drawText(layout.avatar, Qt::AlignCenter | Qt::TextSingleLine, initials(author));
    }
    if (layout.header.isValid()) {
        painter->setFont(boldFont(opt.font));
        // Own messages: the name in the accent colour, found at a glance when scrolling back.
        painter->setPen(mine ? colors.primary : colors.text);
        const QFontMetrics authorMetrics(boldFont(opt.font));
        const QString shownAuthor =
            authorMetrics.elidedText(author, Qt::ElideRight, layout.header.width() * 2 / 3);
        painter->drawText(layout.header, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          shownAuthor);
        const int authorWidth = authorMetrics.horizontalAdvance(shownAuthor);
        painter->setFont(smallFont(opt.font));
        painter->setPen(colors.mutedText);
        painter->drawText(layout.header.adjusted(authorWidth + 8, 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, timeText(index));
    } else if (hovered) {
        // The rest of a group shows its own time where the avatar would be, on hover.
        painter->setFont(smallFont(opt.font));
        painter->setPen(colors.mutedText);
        painter->drawText(layout.hoverTime, Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine,
                          timeText(index));
    }
    Message storage;
    const Message &message = messageAt(index, storage);
    if (layout.quote.isValid() && message.replyTo)
        paintQuote(painter, layout.quote, opt, *message.replyTo);
    painter->setFont(opt.font);
    painter->setPen(pending || message.deleted ? colors.mutedText : colors.text);
    // Drawn as plain text: whatever the server sends is never markup.
    if (layout.body.height() > 0) {
        int bodyHeight = 0;
        bodyLayout(opt, index, layout.body.width(), &bodyHeight)
            .draw(painter, layout.body.topLeft());
    }
    if (layout.edited.isValid()) {
        painter->setFont(smallFont(opt.font));
        painter->setPen(colors.mutedText);
        painter->drawText(layout.edited, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine,
                          editedText());
    }
    if (layout.readCount.isValid()) {
        const int unread = unreadCount(index);
        if (unread > 0) {
            painter->setFont(boldFont(smallFont(opt.font)));
            painter->setPen(colors.primary);
            painter->drawText(layout.readCount,
                              Qt::AlignRight | Qt::AlignBottom | Qt::TextSingleLine,
                              QString::number(unread));
        }
    }
    if (!layout.attachments.attachments().isEmpty()) {
        const QPoint mouse = opt.widget ? opt.widget->mapFromGlobal(QCursor::pos()) : QPoint();
        layout.attachments.paint(painter, m_attachmentSources,
                                 hovered ? layout.attachments.hitAt(mouse, m_attachmentSources)
                                         : AttachmentTiles::Hit());
    }
    if (!layout.reactions.chips().isEmpty()) {
        const QPoint mouse = opt.widget ? opt.widget->mapFromGlobal(QCursor::pos()) : QPoint();
        layout.reactions.paint(painter, hovered ? layout.reactions.chipAt(mouse) : -1);
    }
    if (layout.state.isValid()) {
        const bool failed =
            Message::State(index.data(HistoryModel::StateRole).toInt()) == Message::State::Failed;
        painter->setFont(smallFont(opt.font));
        painter->setPen(failed ? colors.danger : colors.mutedText);
        painter->drawText(layout.state, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          stateText(index));
    }
    painter->restore();
}

void MessageDelegate::paintQuote(QPainter *painter, const QRect &rect,
                                 const QStyleOptionViewItem &option, const ReplyQuote &quote) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.sunken);
    painter->drawRoundedRect(QRectF(rect), 6, 6);
    painter->setBrush(memberColor(quote.authorId));
    painter->drawRoundedRect(QRectF(rect.left(), rect.top(), QuoteBar, rect.height()), 1.5, 1.5);
    const QRect inner = rect.adjusted(QuoteBar + 8, QuotePadding, -8, -QuotePadding);
    const QFont titleFont = boldFont(smallFont(option.font));
    const QFontMetrics titleMetrics(titleFont);
    painter->setFont(titleFont);
    painter->setPen(colors.text);
    painter->drawText(QRect(inner.left(), inner.top(), inner.width(), titleMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      titleMetrics.elidedText(quoteTitle(quote), Qt::ElideRight, inner.width()));
    QFont textFont = smallFont(option.font);
    textFont.setItalic(quote.deleted);
    const QFontMetrics textMetrics(textFont);
    painter->setFont(textFont);
    painter->setPen(colors.mutedText);
    painter->drawText(QRect(inner.left(), inner.top() + titleMetrics.height(), inner.width(),
                            textMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      textMetrics.elidedText(quoteText(quote), Qt::ElideRight, inner.width()));
    painter->restore();
}

MessageDelegate::Hit MessageDelegate::hitAt(const QStyleOptionViewItem &option,
                                            const QModelIndex &index, const QPoint &position) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout layout = layoutFor(opt, index);
    Hit hit;
    if (layout.quote.contains(position)) {
        Message storage;
        const Message &message = messageAt(index, storage);
        if (message.replyTo) {
            hit.kind = Hit::Kind::Quote;
            hit.rect = layout.quote;
            hit.quote = *message.replyTo;
        }
        return hit;
    }
    const AttachmentTiles::Hit tile = layout.attachments.hitAt(position, m_attachmentSources);
    if (tile.index >= 0) {
        hit.kind = Hit::Kind::Attachment;
        hit.rect = tile.rect;
        hit.attachment = tile.index;
        hit.attachmentPart = tile.part;
        hit.file = layout.attachments.attachments().at(tile.index);
        return hit;
    }
    const int chip = layout.reactions.chipAt(position);
    if (chip == ReactionChips::AddChip) {
        hit.kind = Hit::Kind::AddReaction;
        hit.rect = layout.reactions.addChipRect();
        return hit;
    }
    if (chip >= 0) {
        hit.kind = Hit::Kind::Reaction;
        hit.rect = layout.reactions.chipRect(chip);
        hit.chip = layout.reactions.chips().at(chip);
        hit.toggle = *layout.reactions.toggleAt(position);
        return hit;
    }
    if (layout.readCount.contains(position) && unreadCount(index) > 0) {
        hit.kind = Hit::Kind::ReadCount;
        hit.rect = layout.readCount;
    }
    return hit;
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &position) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout layout = layoutFor(opt, index);
    if (!layout.body.contains(position))
        return {};
    int bodyHeight = 0;
    const QTextLayout &body = bodyLayout(opt, index, layout.body.width(), &bodyHeight);
    const QPointF local = position - layout.body.topLeft();
    for (int i = 0; i < body.lineCount(); ++i) {
        const QTextLine line = body.lineAt(i);
        if (local.y() < line.y() || local.y() >= line.y() + line.height())
            continue;
        if (local.x() > line.naturalTextWidth())
            return {};
        const int at = line.xToCursor(local.x(), QTextLine::CursorOnCharacter);
        const QString text = index.data(HistoryModel::BodyRole).toString();
        for (const TextLink &link : TextLink::findAll(text)) {
            if (at >= link.start && at < link.start + link.length)
                return link.url;
        }
        return {};
    }
    return {};
}

} // namespace moim::ui
