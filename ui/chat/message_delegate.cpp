#include "message_delegate.h"

#include "chat/history_model.h"
#include "chat/message.h"
#include "chat/text_link.h"
#include "theme/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextLayout>
#include <cmath>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int SideMargin = 24;
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
int bodyWidth(const QStyleOptionViewItem &option)
{
    return std::max(100, option.rect.width() - 2 * SideMargin);
}
} // namespace

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
    const int width = bodyWidth(option);
    int y = option.rect.top();
    const bool groupStart = index.data(HistoryModel::GroupStartRole).toBool();
    if (groupStart) {
        y += GroupGap;
        const int headerHeight = QFontMetrics(boldFont(option.font)).height();
        layout.header = QRect(option.rect.left() + SideMargin, y, width, headerHeight);
        y += headerHeight + LineGap;
    }
    QTextLayout body;
    const int bodyHeight = layoutBody(body, option, index, width);
    layout.body = QRect(option.rect.left() + SideMargin, y, width, bodyHeight);
    y += bodyHeight;
    if (!stateText(index).isEmpty()) {
        const int stateHeight = QFontMetrics(smallFont(option.font)).height();
        layout.state = QRect(option.rect.left() + SideMargin, y + LineGap, width, stateHeight);
        y += stateHeight + LineGap;
    }
    layout.height = y - option.rect.top() + 3;
    return layout;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect.setTop(0);
    return {option.rect.width(), layoutFor(opt, index).height};
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const Theme::Colors colors = Theme::colors(Theme::current());
    const Layout layout = layoutFor(opt, index);
    painter->save();
    if (index.data(HistoryModel::MentionsMeRole).toBool()) {
        // A mention of the user: a warm band with an accent bar, as the best clients do.
        const QRect band(opt.rect.left(), opt.rect.top(), opt.rect.width(), layout.height);
        painter->fillRect(band, colors.mention);
        painter->fillRect(QRect(band.left(), band.top(), 3, band.height()), colors.mentionBar);
    } else if (opt.state & QStyle::State_MouseOver) {
        painter->fillRect(QRect(opt.rect.left(), opt.rect.top(), opt.rect.width(), layout.height),
                          colors.sunken);
    }
    const bool pending =
        Message::State(index.data(HistoryModel::StateRole).toInt()) != Message::State::Sent;
    if (layout.header.isValid()) {
        painter->setFont(boldFont(opt.font));
        painter->setPen(colors.text);
        const QString author = index.data(HistoryModel::AuthorRole).toString();
        painter->drawText(layout.header, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          author);
        const int authorWidth = QFontMetrics(boldFont(opt.font)).horizontalAdvance(author);
        const QDateTime when =
            QDateTime::fromSecsSinceEpoch(index.data(HistoryModel::TimeRole).toLongLong());
        const QLocale locale;
        const QString clock = locale.toString(when.time(), QLocale::ShortFormat);
        const QString time =
            when.date() == QDate::currentDate()
                ? clock
                : locale.toString(when.date(), QLocale::ShortFormat) + u' ' + clock;
        painter->setFont(smallFont(opt.font));
        painter->setPen(colors.mutedText);
        painter->drawText(layout.header.adjusted(authorWidth + 8, 0, 0, 0),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, time);
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
