#pragma once

#include "chat/message.h"
#include "workspace.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>

namespace moim {

class Chat;

// The conversations of the workspace on screen: channels first, then direct conversations,
// each section by name or by recent activity. With a Chat, each row also knows its unread
// count and its newest message, and stays current as messages arrive and are read.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        KindRole,
        TopicRole,
        IsDirectRole,
        UnreadRole,         // int
        MutedRole,          // bool: dimmed, and its unread count adds to no total
        LastAuthorRole,     // QString: who wrote the newest message
        LastAuthorIsMeRole, // bool
        LastTextRole,       // QString: the newest message on one line
        LastActivityRole,   // QDateTime (UTC) of the newest message; invalid when none
        FirstInSectionRole, // bool: the first channel, or the first direct conversation
    };

    enum class Order
    {
        RecentActivity,
        Name
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Where unread counts and the newest messages come from (it outlives the model or is
    // cleared first).
    void setChat(Chat *chat);
    void setOrder(Order order);
    Order order() const { return m_order; }

    QString workspaceId() const { return m_workspaceId; }
    const QList<Conversation> &conversations() const { return m_conversations; }
    void setConversations(const QString &workspaceId, QList<Conversation> conversations);
    // The row of a conversation, -1 when it is not listed.
    int rowOf(const QString &conversationId) const { return m_rows.value(conversationId, -1); }

private:
    void onMessageChanged(const Message &message);
    void refreshLastMessage(const QString &conversationId);
    void rowChanged(int row, const QList<int> &roles);
    // Puts the rows in order again, keeping selections and the current row on their rows.
    void resort();
    void sortConversations(QList<Conversation> &conversations) const;
    bool inOrder(const Conversation &a, const Conversation &b) const;
    qint64 activity(const Conversation &conversation) const;
    void indexRows();

    QPointer<Chat> m_chat;
    Order m_order = Order::RecentActivity;
    QString m_workspaceId;
    QList<Conversation> m_conversations;
    QHash<QString, int> m_rows;       // row by conversation id
    QHash<QString, Message> m_newest; // newest known message by conversation id
};

} // namespace moim
