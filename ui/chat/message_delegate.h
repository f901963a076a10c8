#pragma once

#include "chat/message.h"

#include <QColor>
#include <QStyledItemDelegate>
#include <QUrl>

class QTextLayout;

namespace moim::ui {

// Draws one message: a date separator above the first of a day and the "new messages" line above
// the first unread one; avatar, author and time at the start of a group (the other messages show
// their time on hover); the body as plain text with the web links the client found in it
// underlined, in a column no wider than a comfortable line; a soft highlight when it mentions the
// user or a link pointed at it; and the state of messages still on their way.
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
    // The time a message was written, without seconds, in the app's language.
    static QString timeText(const QModelIndex &index);
    static QString newMessagesText();
    // What the avatar shows until profile pictures exist: 지민 for 김지민, JK for Jane Kim.
    static QString initials(const QString &name);
    // A member's colour, the same everywhere the member appears.
    static QColor memberColor(const QString &memberId);
    // The message (by local id) to mark as the one a link pointed at; empty for none.
    void setHighlighted(const QString &localId) { m_highlighted = localId; }
    QString highlighted() const { return m_highlighted; }
    // The link under `position` (view coordinates) in the row drawn in `option.rect`, if any.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &position) const;

private:
    struct Layout
    {
        QRect daySeparator;
        QRect unreadLine;
        int messageTop = 0;
        QRect avatar;
        QRect hoverTime;
        QRect header;
        QRect body;
        QRect state;
        int height = 0;
    };
    void paintDaySeparator(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const;
    void paintUnreadLine(QPainter *painter, const QRect &rect,
                         const QStyleOptionViewItem &option) const;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // Lays the body out in `width` (origin at the body's top left); returns its height.
    static int layoutBody(QTextLayout &layout, const QStyleOptionViewItem &option,
                          const QModelIndex &index, int width);

    QString m_highlighted;
};

} // namespace moim::ui
