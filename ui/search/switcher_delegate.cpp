#include "switcher_delegate.h"

#include "chat/message_delegate.h"
#include "switcher_model.h"
#include "theme/theme.h"

#include <QIcon>
#include <QPainter>
#include <QPainterPath>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int Padding = 12;
constexpr int IconSize = 28;
constexpr int Gap = 10;

// Sizes and heights are given at the normal text size; rows grow with the user's.
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

QString SwitcherDelegate::kindText(const QModelIndex &index)
{
    switch (SwitcherEntry::Kind(index.data(SwitcherModel::KindRole).toInt())) {
    case SwitcherEntry::Kind::Workspace:
        return tr("Workspace");
    case SwitcherEntry::Kind::Conversation:
        return index.data(SwitcherModel::DirectRole).toBool() ? tr("Direct message")
                                                              : tr("Channel");
    case SwitcherEntry::Kind::Person:
        return tr("Person");
    }
    return {};
}

QSize SwitcherDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), px(RowHeight)};
}

void SwitcherDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect row = option.rect.adjusted(4, 1, -4, -1);
    if (option.state & QStyle::State_Selected) {
        QPainterPath band;
        band.addRoundedRect(row, 8, 8);
        painter->fillPath(band, colors.selection);
    } else if (option.state & QStyle::State_MouseOver) {
        QPainterPath band;
        band.addRoundedRect(row, 8, 8);
        painter->fillPath(band, colors.sunken);
    }

    const QRect icon(row.left() + Padding - 4, row.center().y() - px(IconSize) / 2 + 1,
                     px(IconSize), px(IconSize));
    const auto kind = SwitcherEntry::Kind(index.data(SwitcherModel::KindRole).toInt());
    const QString name = index.data(Qt::DisplayRole).toString();
    const bool direct = index.data(SwitcherModel::DirectRole).toBool();
    if (kind == SwitcherEntry::Kind::Workspace) {
        QPainterPath tile;
        tile.addRoundedRect(icon, 7, 7);
        const QColor color(index.data(SwitcherModel::ColorRole).toString());
        painter->fillPath(tile, color.isValid() ? color : colors.primary);
        painter->setPen(Qt::white);
        painter->setFont(sized(option.font, 11, QFont::Bold));
        painter->drawText(icon, Qt::AlignCenter,
                          index.data(SwitcherModel::InitialsRole).toString());
    } else if (kind == SwitcherEntry::Kind::Person || direct) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            MessageDelegate::memberColor(index.data(SwitcherModel::IdRole).toString()));
        painter->drawEllipse(icon);
        painter->setPen(Qt::white);
        painter->setFont(sized(option.font, 11, QFont::Bold));
        painter->drawText(icon, Qt::AlignCenter, MessageDelegate::initials(name));
    } else {
        QPainterPath tile;
        tile.addRoundedRect(icon, 7, 7);
        painter->fillPath(tile, colors.sunken);
        const QString file = index.data(SwitcherModel::PrivateRole).toBool()
                                 ? u":/moim/icons/lock.svg"_s
                                 : u":/moim/icons/hash.svg"_s;
        QIcon(file).paint(painter, icon.adjusted(6, 6, -6, -6));
    }

    const QFont nameFont = sized(option.font, 14, QFont::DemiBold);
    const QFont smallFont = sized(option.font, 12, QFont::Normal);
    const QString kindLabel = kindText(index);
    const QFontMetrics smallMetrics(smallFont);
    const int kindWidth = smallMetrics.horizontalAdvance(kindLabel);
    const int textLeft = icon.right() + Gap;
    const int right = row.right() - Padding;
    painter->setFont(smallFont);
    painter->setPen(colors.mutedText);
    painter->drawText(QRect(right - kindWidth, row.top(), kindWidth, row.height()),
                      Qt::AlignVCenter | Qt::AlignRight, kindLabel);

    const int available = right - kindWidth - Gap - textLeft;
    const QFontMetrics nameMetrics(nameFont);
    const QString shownName = nameMetrics.elidedText(name, Qt::ElideRight, available);
    const int nameWidth = nameMetrics.horizontalAdvance(shownName);
    painter->setFont(nameFont);
    painter->setPen(colors.text);
    painter->drawText(QRect(textLeft, row.top(), nameWidth, row.height()),
                      Qt::AlignVCenter | Qt::AlignLeft, shownName);

    // Where it is, and the English name or address that also matched, after the name.
    QStringList context;
    for (const int role : {int(SwitcherModel::DetailRole), int(SwitcherModel::WhereRole)}) {
        const QString text = index.data(role).toString();
        if (!text.isEmpty())
            context.append(text);
    }
    const int contextLeft = textLeft + nameWidth + Gap;
    const int contextWidth = available - nameWidth - Gap;
    if (!context.isEmpty() && contextWidth > 24) {
        painter->setFont(smallFont);
        painter->setPen(colors.mutedText);
        painter->drawText(
            QRect(contextLeft, row.top(), contextWidth, row.height()),
            Qt::AlignVCenter | Qt::AlignLeft,
            smallMetrics.elidedText(context.join(u" · "_s), Qt::ElideRight, contextWidth));
    }
    painter->restore();
}

} // namespace moim::ui
