#pragma once

#include "account/conversation_model.h"

#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace moim::ui {

// The workspace's conversations as the list shows them: the model's rows, plus what a screen
// reader says for each (name, unread count, newest message, its time) in Moim's language.
class ConversationListModel : public ConversationModel
{
    Q_OBJECT

public:
    using ConversationModel::ConversationModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "Sender: text" of the newest message, empty when there is none.
    static QString preview(const QModelIndex &index);
    // The section a row opens, when it is the first of its section.
    static QString sectionTitle(const QModelIndex &index);
};

// One conversation per row: its kind (# or a person), name, the newest message on one line and
// its time, and the unread count. Bold exactly when something is unread; dimmed when muted. The
// first row of each section carries the section's title above it.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The font of a row's name: bold exactly when the conversation has unread messages.
    static QFont nameFont(const QFont &base, const QModelIndex &index);
    // The part of a row that is the conversation itself (below its section title, if any).
    static QRect itemRect(const QRect &rowRect, const QModelIndex &index);

protected:
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    // Draws one line of text in `rect`, elided to fit and vertically centred; its width.
    int drawLine(QPainter *painter, const QFont &font, const QRect &rect, const QString &text,
                 Qt::Alignment alignment) const;

    mutable QHash<QString, QStaticText> m_lines; // shaped lines by font, width and text
};

} // namespace moim::ui
