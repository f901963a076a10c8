#pragma once

#include <QStyledItemDelegate>

namespace moim::ui {

// A row of the quick switcher: a workspace's tile, a channel's sign or a person's initials,
// the name, where it is, and what kind of place it is.
class SwitcherDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int RowHeight = 44;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // "Channel", "Person"…: said at the row's right edge.
    static QString kindText(const QModelIndex &index);
};

} // namespace moim::ui
