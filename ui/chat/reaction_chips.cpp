#include "reaction_chips.h"

#include "common/emoji_font.h"
#include "theme/theme.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int EmojiPixelSize = 16;
constexpr int PaddingX = 8;
constexpr int PaddingY = 3;
constexpr int InnerGap = 5;
constexpr int ChipGap = 6;
constexpr int LineGap = 4;
// A tooltip lists this many people; the rest are counted.
constexpr int NamedPeople = 10;
// A display name is someone else's text: bounded before it is shown.
constexpr int NameLength = 64;

QFont countFont(const QFont &font)
{
    QFont count = font;
    count.setWeight(QFont::DemiBold);
    return count;
}

int chipHeight(const QFont &font)
{
    return std::max(QFontMetrics(emojiFont(font, Theme::scaled(EmojiPixelSize))).height(),
                    QFontMetrics(countFont(font)).height()) +
           2 * PaddingY;
}

QString countText(const ReactionChip &chip)
{
    return QString::number(chip.names.size());
}

// The outline of a smiling face with a plus in a gap of its outline, in the pen's colour:
// "add a reaction".
void paintAddIcon(QPainter *painter, const QPointF &center)
{
    constexpr qreal Radius = 6.5;
    QPen pen = painter->pen();
    pen.setWidthF(1.4);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const QRectF face(center - QPointF(Radius, Radius), QSizeF(2 * Radius, 2 * Radius));
    painter->drawArc(face, 95 * 16, 310 * 16); // open from 45° to 95°, where the plus sits
    painter->drawArc(face.adjusted(2.8, 2.2, -2.8, -3.4), 205 * 16, 130 * 16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    painter->drawEllipse(center + QPointF(-2.3, -1.6), 1.0, 1.0);
    painter->drawEllipse(center + QPointF(2.3, -1.6), 1.0, 1.0);
    painter->setPen(pen);
    const QPointF plus = center + QPointF(Radius * 0.6, -Radius * 0.85);
    constexpr qreal Arm = 2.6;
    painter->drawLine(plus - QPointF(Arm, 0), plus + QPointF(Arm, 0));
    painter->drawLine(plus - QPointF(0, Arm), plus + QPointF(0, Arm));
}

} // namespace

ReactionChips::ReactionChips(QList<ReactionChip> chips, bool withAddChip)
    : m_chips(std::move(chips))
    , m_withAddChip(withAddChip)
{}

int ReactionChips::layout(const QFont &font, const QPoint &topLeft, int width)
{
    m_font = font;
    m_rects.clear();
    m_addRect = QRect();
    if (m_chips.isEmpty() && !m_withAddChip)
        return 0;
    const int height = chipHeight(font);
    const QFontMetrics emojiMetrics(emojiFont(font, Theme::scaled(EmojiPixelSize)));
    const QFontMetrics countMetrics(countFont(font));
    const int right = topLeft.x() + std::max(width, 0);
    QPoint at = topLeft;
    const auto place = [&](int chipWidth) {
        if (at.x() > topLeft.x() && at.x() + chipWidth > right)
            at = QPoint(topLeft.x(), at.y() + height + LineGap);
        const QRect rect(at, QSize(chipWidth, height));
        at.rx() += chipWidth + ChipGap;
        return rect;
    };
    for (const ReactionChip &chip : std::as_const(m_chips)) {
        m_rects.append(place(PaddingX + emojiMetrics.horizontalAdvance(chip.emoji) + InnerGap +
                             countMetrics.horizontalAdvance(countText(chip)) + PaddingX));
    }
    if (m_withAddChip)
        m_addRect = place(2 * PaddingX + Theme::scaled(EmojiPixelSize) + 4);
    const QRect last = m_withAddChip ? m_addRect : m_rects.constLast();
    return last.bottom() + 1 - topLeft.y();
}

int ReactionChips::chipAt(const QPoint &position) const
{
    for (int chip = 0; chip < m_rects.size(); ++chip) {
        if (m_rects.at(chip).contains(position))
            return chip;
    }
    return m_addRect.contains(position) ? AddChip : -1;
}

std::optional<ReactionChips::Toggle> ReactionChips::toggleAt(const QPoint &position) const
{
    const int chip = chipAt(position);
    if (chip < 0)
        return std::nullopt;
    return Toggle{m_chips.at(chip).emoji, !m_chips.at(chip).mine};
}

void ReactionChips::paint(QPainter *painter, int hovered) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const auto paintChip = [&](const QRect &rect, bool mine, bool hover) {
        const QRectF box = QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5);
        painter->setPen(
            QPen(mine ? colors.primary : (hover ? colors.mutedText : colors.border), 1));
        painter->setBrush(mine ? colors.selection : (hover ? colors.surface : colors.sunken));
        painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    };
    for (int chip = 0; chip < m_rects.size(); ++chip) {
        const ReactionChip &reaction = m_chips.at(chip);
        const QRect rect = m_rects.at(chip);
        paintChip(rect, reaction.mine, chip == hovered);
        QRect content = rect.adjusted(PaddingX, 0, -PaddingX, 0);
        painter->setFont(emojiFont(m_font, Theme::scaled(EmojiPixelSize)));
        painter->setPen(colors.text);
        const int emojiWidth = QFontMetrics(painter->font()).horizontalAdvance(reaction.emoji);
        painter->drawText(content, Qt::AlignLeft | Qt::AlignVCenter, reaction.emoji);
        content.setLeft(content.left() + emojiWidth + InnerGap);
        painter->setFont(countFont(m_font));
        painter->setPen(reaction.mine ? colors.primary : colors.mutedText);
        painter->drawText(content, Qt::AlignLeft | Qt::AlignVCenter, countText(reaction));
    }
    if (m_addRect.isValid()) {
        paintChip(m_addRect, false, hovered == AddChip);
        painter->setPen(hovered == AddChip ? colors.text : colors.mutedText);
        paintAddIcon(painter, QRectF(m_addRect).center() + QPointF(-1, 1));
    }
    painter->restore();
}

QString ReactionChips::toolTip(const ReactionChip &chip)
{
    QStringList named;
    for (const QString &name : chip.names.mid(0, NamedPeople))
        named.append(name.simplified().left(NameLength));
    QString people = named.join(u", "_s);
    if (const qsizetype rest = chip.names.size() - named.size(); rest > 0)
        people = tr("%1 and %n other(s)", "people who reacted", int(rest)).arg(people);
    return tr("%1 %n: %2", "an emoji, how many reacted with it, who", int(chip.names.size()))
        .arg(chip.emoji, people);
}

QString ReactionChips::accessibleText(const ReactionChip &chip)
{
    return chip.mine ? tr("%1, including you").arg(toolTip(chip)) : toolTip(chip);
}

QString ReactionChips::addChipText()
{
    return tr("Add a reaction");
}

} // namespace moim::ui
