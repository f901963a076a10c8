#include "conversation_delegate.h"

#include "common/date_text.h"
#include "common/plain_text.h"
#include "theme/theme.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QIcon>
#include <QPainter>
#include <QStaticText>
#include <QToolTip>
#include <cmath>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int SectionTitleHeight = 28;
constexpr int ItemHeight = 54;
constexpr int Padding = 10;
constexpr int IconSize = 16;

// Sizes and heights are given at the normal text size; the row grows with the user's.
int px(int pixels)
{
    return Theme::scaled(pixels);
}

QFont sized(QFont font, int pixelSize, QFont::Weight weight)
{
    font.setPixelSize(px(pixelSize));
    font.setWeight(weight);
    return font;
}

} // namespace

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::AccessibleTextRole)
        return ConversationModel::data(index, role);
    QStringList parts;
    const QString name = ConversationModel::data(index, Qt::DisplayRole).toString();
    parts.append(index.data(IsDirectRole).toBool() ? name : tr("channel %1").arg(name));
    if (const int unread = index.data(UnreadRole).toInt(); unread > 0)
        parts.append(tr("%n unread message(s)", nullptr, unread));
    if (index.data(MutedRole).toBool())
        parts.append(tr("muted"));
    if (const QString last = preview(index); !last.isEmpty()) {
        parts.append(last);
        parts.append(DateText::listTime(index.data(LastActivityRole).toDateTime(),
                                        QDateTime::currentDateTime()));
    }
    parts.removeAll(QString());
    return parts.join(u", "_s);
}

QString ConversationListModel::preview(const QModelIndex &index)
{
    const QString text = index.data(LastTextRole).toString();
    if (text.isEmpty())
        return {};
    const QString author =
        index.data(LastAuthorIsMeRole).toBool() ? tr("You") : index.data(LastAuthorRole).toString();
    return author.isEmpty() ? text : tr("%1: %2").arg(author, text);
}

QString ConversationListModel::sectionTitle(const QModelIndex &index)
{
    if (!index.data(FirstInSectionRole).toBool())
        return {};
    return index.data(IsDirectRole).toBool() ? tr("Direct messages") : tr("Channels");
}

int ConversationDelegate::drawLine(QPainter *painter, const QFont &font, const QRect &rect,
                                   const QString &text, Qt::Alignment alignment) const
{
    // Shaping text is most of what painting a row costs; the same row is painted again and
    // again (hover, selection, switching back), so each line is shaped once.
    const QString key = font.key() + QChar(0) + QString::number(rect.width()) + QChar(0) + text;
    auto line = m_lines.find(key);
    if (line == m_lines.end()) {
        if (m_lines.size() > 4000)
            m_lines.clear();
        QStaticText shaped(QFontMetrics(font).elidedText(text, Qt::ElideRight, rect.width()));
        shaped.setTextFormat(Qt::PlainText);
        shaped.setPerformanceHint(QStaticText::AggressiveCaching);
        shaped.prepare(QTransform(), font);
        line = m_lines.insert(key, shaped);
    }
    const QSizeF size = line->size();
    const qreal x = alignment & Qt::AlignRight ? rect.right() + 1 - size.width() : rect.left();
    painter->setFont(font);
    painter->drawStaticText(QPointF(x, rect.top() + (rect.height() - size.height()) / 2), *line);
    return int(std::ceil(size.width()));
}

QFont ConversationDelegate::nameFont(const QFont &base, const QModelIndex &index)
{
    // Bold says "unread" and nothing else: every row sets its weight, none inherits one.
    return sized(base, 14,
                 index.data(ConversationModel::UnreadRole).toInt() > 0 ? QFont::Bold
                                                                       : QFont::Normal);
}

QRect ConversationDelegate::itemRect(const QRect &rowRect, const QModelIndex &index)
{
    const int top =
        index.data(ConversationModel::FirstInSectionRole).toBool() ? px(SectionTitleHeight) : 0;
    return rowRect.adjusted(0, top, 0, 0);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const bool titled = index.data(ConversationModel::FirstInSectionRole).toBool();
    return {option.rect.width() > 0 ? option.rect.width() : 200,
            px(ItemHeight) + (titled ? px(SectionTitleHeight) : 0)};
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QString section = ConversationListModel::sectionTitle(index);
    if (!section.isEmpty()) {
        const QFont font = sized(option.font, 12, QFont::DemiBold);
        painter->setFont(font);
        painter->setPen(colors.mutedText);
        const QRect title(option.rect.left() + Padding, option.rect.top() + px(6),
                          option.rect.width() - 2 * Padding, px(SectionTitleHeight - 8));
        drawLine(painter, font, title, section, Qt::AlignLeft);
    }

    const QRect item = itemRect(option.rect, index).adjusted(0, 1, 0, -1);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    if (selected || hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? colors.selection : colors.window);
        painter->drawRoundedRect(item, 6, 6);
    }
    // The keyboard's place is always visible, also where it agrees with the selection.
    if (option.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(colors.primary, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(item).adjusted(1, 1, -1, -1), 6, 6);
    }

    const bool muted = index.data(ConversationModel::MutedRole).toBool();
    const bool direct = index.data(ConversationModel::IsDirectRole).toBool();
    const QColor strong = muted ? colors.mutedText : colors.text;
    const QColor quiet = colors.mutedText;
    const int left = item.left() + Padding;
    const int right = item.right() - Padding;
    const QString preview = ConversationListModel::preview(index);
    const int unread = index.data(ConversationModel::UnreadRole).toInt();
    // With nothing for the second line (no message known, no count), the name sits in the
    // middle of its row.
    const bool oneLine = preview.isEmpty() && unread <= 0;
    const QRect nameLine(left, oneLine ? item.center().y() - px(10) : item.top() + px(8),
                         right - left, px(20));
    const QRect previewLine(left, item.top() + px(29), right - left, px(18));

    static const QIcon hash(u":/moim/icons/hash.svg"_s);
    static const QIcon person(u":/moim/icons/person.svg"_s);
    (direct ? person : hash)
        .paint(painter, QRect(left, nameLine.center().y() - IconSize / 2 + 1, IconSize, IconSize),
               Qt::AlignCenter, muted ? QIcon::Disabled : QIcon::Normal);
    const int textLeft = left + IconSize + 8;

    const QString time = DateText::listTime(
        index.data(ConversationModel::LastActivityRole).toDateTime(), QDateTime::currentDateTime());
    const QFont timeFont = sized(option.font, 11, QFont::Normal);
    int timeWidth = 0;
    if (!time.isEmpty()) {
        painter->setPen(unread > 0 && !muted ? colors.primary : quiet);
        timeWidth = drawLine(painter, timeFont, nameLine, time, Qt::AlignRight);
    }

    const QFont nameFont = ConversationDelegate::nameFont(option.font, index);
    painter->setPen(strong);
    const int nameWidth = right - textLeft - (timeWidth > 0 ? timeWidth + 8 : 0);
    drawLine(painter, nameFont, QRect(textLeft, nameLine.top(), nameWidth, nameLine.height()),
             index.data().toString(), Qt::AlignLeft);

    int previewRight = right;
    if (unread > 0) {
        const QString count = unread > 99 ? u"99+"_s : QString::number(unread);
        const QFont badgeFont = sized(option.font, 11, QFont::Bold);
        const int height = px(18);
        const int width =
            std::max(px(20), QFontMetrics(badgeFont).horizontalAdvance(count) + px(12));
        const QRect badge(right - width, previewLine.center().y() - height / 2, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(muted ? colors.border : QColor(0xe5, 0x48, 0x4d));
        painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
        painter->setFont(badgeFont);
        painter->setPen(muted ? colors.mutedText : QColor(Qt::white));
        painter->drawText(badge, Qt::AlignCenter, count);
        previewRight = badge.left() - 8;
    }
    if (!preview.isEmpty()) {
        painter->setPen(quiet);
        drawLine(painter, sized(option.font, 12, QFont::Normal),
                 QRect(textLeft, previewLine.top(), previewRight - textLeft, previewLine.height()),
                 preview, Qt::AlignLeft);
    }
    painter->restore();
}

bool ConversationDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    // Topics come from the server: shown literally, never as markup.
    const QString topic = index.data(ConversationModel::TopicRole).toString();
    if (topic.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), plainToolTip(topic), view);
    return true;
}

} // namespace moim::ui
