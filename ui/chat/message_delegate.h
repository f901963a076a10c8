#pragma once

#include <QStyledItemDelegate>

namespace moim::ui {

// Draws one message: author and time above the first of a group, the body as plain text,
// a soft highlight when it mentions the user, and the state of messages still on their way.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Text of the state line ("Sending…", "Not sent — click to retry"), empty when sent.
    static QString stateText(const QModelIndex &index);

private:
    struct Layout
    {
        QRect header;
        QRect body;
        QRect state;
        int height = 0;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace moim::ui
