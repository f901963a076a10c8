#include "search_result_delegate.h"

#include "chat/message_delegate.h"
#include "common/date_text.h"
#include "search_results_model.h"
#include "theme/theme.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int SectionTitleHeight = 30;
constexpr int PersonHeight = 48;
constexpr int MessageHeight = 64;
constexpr int Side = 16;
constexpr int Avatar = 32;
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

// One line of text with the matches marked, elided at `width`.
void drawHighlighted(QPainter *painter, const QRect &rect, const QFont &font, const QString &text,
                     const QList<search::MatchRange> &matches, const Theme::Colors &colors)
{
    const QFontMetrics metrics(font);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, rect.width());
    QTextLayout layout(shown, font);
    QList<QTextLayout::FormatRange> formats;
    for (const search::MatchRange &match : matches) {
        if (match.start >= shown.size())
            break;
        QTextLayout::FormatRange range;
        range.start = match.start;
        range.length = std::min<int>(match.length, int(shown.size()) - match.start);
        QColor marker = colors.mentionBar;
        marker.setAlpha(80);
        range.format.setBackground(marker);
        range.format.setFontWeight(QFont::Bold);
        formats.append(range);
    }
    layout.setFormats(formats);
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(rect.width());
    layout.endLayout();
    painter->setPen(colors.text);
    layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - line.height()) / 2));
}

} // namespace

QString SearchResultDelegate::messageButtonText()
{
    return tr("Message");
}

QRect SearchResultDelegate::messageButton(const QRect &row, const QFont &font)
{
    const QFontMetrics metrics(sized(font, 13, QFont::DemiBold));
    const int width = metrics.horizontalAdvance(messageButtonText()) + px(24);
    const int height = px(28);
    const int bottom = row.bottom();
    return {row.right() - Side - width, bottom - px(PersonHeight) + (px(PersonHeight) - height) / 2,
            width, height};
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    const bool person = index.data(SearchResultsModel::IsPersonRole).toBool();
    const bool titled = !index.data(SearchResultsModel::SectionTitleRole).toString().isEmpty();
    return {option.rect.width(), (person ? px(PersonHeight) : px(MessageHeight)) +
                                     (titled ? px(SectionTitleHeight) : 0)};
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    const auto *model = qobject_cast<const SearchResultsModel *>(index.model());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect row = option.rect;
    const QString title = index.data(SearchResultsModel::SectionTitleRole).toString();
    if (!title.isEmpty()) {
        painter->setFont(sized(option.font, 12, QFont::Bold));
        painter->setPen(colors.mutedText);
        painter->drawText(
            QRect(row.left() + Side, row.top(), row.width() - 2 * Side, px(SectionTitleHeight)),
            Qt::AlignLeft | Qt::AlignBottom, title.toUpper());
        row.setTop(row.top() + px(SectionTitleHeight));
    }
    const QRect band = row.adjusted(6, 1, -6, -1);
    if (option.state & (QStyle::State_Selected | QStyle::State_MouseOver)) {
        QPainterPath path;
        path.addRoundedRect(band, 8, 8);
        painter->fillPath(path,
                          option.state & QStyle::State_Selected ? colors.selection : colors.sunken);
    }
    const bool person = index.data(SearchResultsModel::IsPersonRole).toBool();
    const QString name = index.data(Qt::DisplayRole).toString();
    const QRect avatar(row.left() + Side,
                       row.top() + (person ? (row.height() - px(Avatar)) / 2 : px(10)), px(Avatar),
                       px(Avatar));
    painter->setPen(Qt::NoPen);
    painter->setBrush(
        MessageDelegate::memberColor(index.data(SearchResultsModel::AuthorIdRole).toString()));
    painter->drawEllipse(avatar);
    painter->setPen(Qt::white);
    painter->setFont(sized(option.font, 12, QFont::Bold));
    painter->drawText(avatar, Qt::AlignCenter, MessageDelegate::initials(name));

    const int left = avatar.right() + Gap;
    const QFont nameFont = sized(option.font, 14, QFont::DemiBold);
    const QFont smallFont = sized(option.font, 12, QFont::Normal);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics smallMetrics(smallFont);
    if (person) {
        const QRect button = messageButton(row, option.font);
        QPainterPath pill;
        pill.addRoundedRect(button, 8, 8);
        painter->setPen(QPen(colors.border, 1));
        painter->setBrush(colors.surface);
        painter->drawPath(pill);
        painter->setPen(colors.primary);
        painter->setFont(sized(option.font, 13, QFont::DemiBold));
        painter->drawText(button, Qt::AlignCenter, messageButtonText());
        const int width = button.left() - Gap - left;
        const QString shownName = nameMetrics.elidedText(name, Qt::ElideRight, width);
        const QRect nameRect(left, row.top(), nameMetrics.horizontalAdvance(shownName),
                             row.height());
        painter->setFont(nameFont);
        drawHighlighted(painter, nameRect, nameFont, shownName,
                        model ? model->matches(index.row()) : QList<search::MatchRange>(), colors);
        QStringList detail;
        for (const int role :
             {int(SearchResultsModel::DetailRole), int(SearchResultsModel::WorkspaceRole)}) {
            if (const QString text = index.data(role).toString(); !text.isEmpty())
                detail.append(text);
        }
        const int detailLeft = nameRect.right() + Gap;
        painter->setFont(smallFont);
        painter->setPen(colors.mutedText);
        painter->drawText(
            QRect(detailLeft, row.top(), button.left() - Gap - detailLeft, row.height()),
            Qt::AlignVCenter | Qt::AlignLeft,
            smallMetrics.elidedText(detail.join(u" · "_s), Qt::ElideRight,
                                    button.left() - Gap - detailLeft));
        painter->restore();
        return;
    }

    // Line 1: author, where, and when.
    const int right = row.right() - Side;
    const QDateTime time = index.data(SearchResultsModel::TimeRole).toDateTime();
    const QString when = DateText::listTime(time, QDateTime::currentDateTime());
    const int whenWidth = smallMetrics.horizontalAdvance(when);
    const QRect firstLine(left, row.top() + px(8), right - left, px(20));
    painter->setFont(smallFont);
    painter->setPen(colors.mutedText);
    painter->drawText(QRect(right - whenWidth, firstLine.top(), whenWidth, firstLine.height()),
                      Qt::AlignVCenter | Qt::AlignRight, when);
    const int available = firstLine.width() - whenWidth - Gap;
    const QString shownName = nameMetrics.elidedText(name, Qt::ElideRight, available / 2);
    const int nameWidth = nameMetrics.horizontalAdvance(shownName);
    painter->setFont(nameFont);
    painter->setPen(colors.text);
    painter->drawText(QRect(left, firstLine.top(), nameWidth, firstLine.height()),
                      Qt::AlignVCenter | Qt::AlignLeft, shownName);
    QStringList where;
    for (const int role :
         {int(SearchResultsModel::ConversationRole), int(SearchResultsModel::WorkspaceRole)}) {
        if (const QString text = index.data(role).toString(); !text.isEmpty())
            where.append(text);
    }
    const int whereLeft = left + nameWidth + Gap;
    const int whereWidth = available - nameWidth - Gap;
    painter->setFont(smallFont);
    painter->setPen(colors.mutedText);
    painter->drawText(QRect(whereLeft, firstLine.top(), whereWidth, firstLine.height()),
                      Qt::AlignVCenter | Qt::AlignLeft,
                      smallMetrics.elidedText(where.join(u" · "_s), Qt::ElideRight, whereWidth));

    // Line 2: the text, the words found marked.
    const QFont bodyFont = sized(option.font, 14, QFont::Normal);
    drawHighlighted(painter, QRect(left, firstLine.bottom() + px(4), right - left, px(24)),
                    bodyFont, index.data(SearchResultsModel::BodyRole).toString(),
                    model ? model->matches(index.row()) : QList<search::MatchRange>(), colors);
    painter->restore();
}

} // namespace moim::ui
