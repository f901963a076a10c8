#pragma once

#include "chat/message.h"

#include <QStyledItemDelegate>
#include <QUrl>

class QTextLayout;

namespace moim::ui {

// Draws one message: author and time above the first of a group, the body as plain text with the
// web links the client found in it underlined, a soft highlight when it mentions the user, and
// the state of messages still on their way.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Text of the state line, empty when sent.
    static QString stateText(const QModelIndex &index);
    // "Sending…", "Not sent: <why>…", or nothing for a sent message.
    static QString stateText(Message::State state, const QString &failure);
    // Why a message was not sent, from the server's refusal code.
    static QString failureText(const QString &failure);
    // The link under `position` (view coordinates) in the row drawn in `option.rect`, if any.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &position) const;

private:
    struct Layout
    {
        QRect header;
        QRect body;
        QRect state;
        int height = 0;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Lays the body out in `width` (origin at the body's top left); returns its height.
    static int layoutBody(QTextLayout &layout, const QStyleOptionViewItem &option,
                          const QModelIndex &index, int width);
};

} // namespace moim::ui
