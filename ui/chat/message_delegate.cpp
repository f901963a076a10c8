#include "message_delegate.h"

#include "chat/history_model.h"
#include "chat/message.h"
#include "chat/text_link.h"
#include "common/date_text.h"
#include "theme/theme.h"

#include <QApplication>
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

QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    return bold;
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(std::max(7.0, font.pointSizeF() - 1.5));
    return small;
}

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
} // namespace

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

int MessageDelegate::layoutBody(QTextLayout &layout, const QStyleOptionViewItem &option,
                                const QModelIndex &index, int width)
{
    QString body = index.data(HistoryModel::BodyRole).toString();
    // The text stays plain: links are character formats over it, never markup parsed from it.
    const QList<TextLink> links = TextLink::findAll(body);
    body.replace(u'\n', QChar::LineSeparator);
    layout.setText(body);
    layout.setFont(option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    QList<QTextLayout::FormatRange> formats;
    const Theme::Colors colors = Theme::colors(Theme::current());
    for (const TextLink &link : links) {
        QTextLayout::FormatRange range;
        range.start = int(link.start);
        range.length = int(link.length);
        range.format.setForeground(colors.primary);
        range.format.setFontUnderline(true);
        formats.append(range);
    }
    layout.setFormats(formats);
    layout.beginLayout();
    qreal height = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return int(std::ceil(height));
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
    QTextLayout body;
    const int bodyHeight = layoutBody(body, option, index, width);
    layout.body = QRect(left + TextLeft, y, width, bodyHeight);
    const int firstLine = body.lineCount() > 0 ? int(std::ceil(body.lineAt(0).height()))
                                               : QFontMetrics(option.font).height();
    layout.hoverTime = QRect(left + 2, y, TextLeft - 2 - AvatarGap, firstLine);
    y += bodyHeight;
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
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect.setTop(0);
    return {option.rect.width(), layoutFor(opt, index).height};
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
    painter->setFont(opt.font);
    painter->setPen(pending ? colors.mutedText : colors.text);
    // Drawn as plain text: whatever the server sends is never markup.
    QTextLayout body;
    layoutBody(body, opt, index, layout.body.width());
    body.draw(painter, layout.body.topLeft());
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

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &position) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Layout layout = layoutFor(opt, index);
    if (!layout.body.contains(position))
        return {};
    QTextLayout body;
    layoutBody(body, opt, index, layout.body.width());
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
