#pragma once

#include <QStyledItemDelegate>

namespace moim::ui {

// A row of the search results: a person with a "Message" button, or a message with its author,
// where it was written, when, and its text with the searched words highlighted.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Where a person row's "Message" button is, within the row's rectangle.
    static QRect messageButton(const QRect &row, const QFont &font);
    static QString messageButtonText();
};

} // namespace moim::ui
