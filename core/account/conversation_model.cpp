#include "conversation_model.h"

#include <algorithm>

namespace moim {

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conversations.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conversation &conversation = m_conversations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return conversation.name;
    case Qt::ToolTipRole:
    case TopicRole:
        return conversation.topic;
    case IdRole:
        return conversation.id;
    case KindRole:
        return int(conversation.kind);
    case IsDirectRole:
        return conversation.kind == Conversation::Kind::Direct;
    default:
        return {};
    }
}

void ConversationModel::setConversations(const QString &workspaceId,
                                         QList<Conversation> conversations)
{
    // Channels before direct messages, each group in the server's order.
    std::stable_sort(conversations.begin(), conversations.end(),
                     [](const Conversation &a, const Conversation &b) {
                         return a.kind == Conversation::Kind::Channel &&
                                b.kind == Conversation::Kind::Direct;
                     });
    if (workspaceId == m_workspaceId && conversations == m_conversations)
        return;
    beginResetModel();
    m_workspaceId = workspaceId;
    m_conversations = std::move(conversations);
    endResetModel();
}

} // namespace moim
