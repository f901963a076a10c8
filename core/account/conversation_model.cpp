#include "conversation_model.h"

#include "chat/chat.h"

#include <algorithm>
#include <limits>

namespace moim {

namespace {

// Still on its way counts as newest: it is shown last in the conversation.
qint64 recency(const Message &message)
{
    return message.seq > 0 ? message.seq : std::numeric_limits<qint64>::max();
}

QString oneLine(const QString &text)
{
    return text.simplified();
}

} // namespace

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
    case UnreadRole:
        return m_chat ? m_chat->unread(conversation.id) : 0;
    case MutedRole:
        return m_chat && m_chat->isMuted(conversation.id);
    case LastAuthorRole:
        return m_newest.value(conversation.id).authorName;
    case LastAuthorIsMeRole: {
        const auto found = m_newest.constFind(conversation.id);
        return m_chat && found != m_newest.cend() && !found->authorId.isEmpty() &&
               found->authorId == m_chat->myId();
    }
    case LastTextRole:
        return oneLine(m_newest.value(conversation.id).body);
    case LastActivityRole: {
        // Without a known message, the server's word on when it was last active.
        const qint64 when =
            std::max(m_newest.value(conversation.id).createdAt, conversation.lastActivity);
        return when > 0 ? QDateTime::fromSecsSinceEpoch(when, Qt::UTC) : QDateTime();
    }
    case FirstInSectionRole:
        return index.row() == 0 || m_conversations.at(index.row() - 1).kind != conversation.kind;
    default:
        return {};
    }
}

void ConversationModel::setChat(Chat *chat)
{
    if (m_chat == chat)
        return;
    if (m_chat)
        disconnect(m_chat, nullptr, this, nullptr);
    m_chat = chat;
    if (!chat)
        return;
    connect(chat, &Chat::unreadChanged, this, [this](const QString &conversationId) {
        rowChanged(rowOf(conversationId), {UnreadRole, MutedRole});
    });
    connect(chat, &Chat::messageChanged, this, &ConversationModel::onMessageChanged);
    connect(chat, &Chat::messageRemoved, this, &ConversationModel::refreshLastMessage);
    // A device new to the account learns a conversation's newest message from its history.
    connect(chat, &Chat::historyFetched, this, [this](const QString &, const QList<Message> &page) {
        const auto newest =
            std::max_element(page.cbegin(), page.cend(), [](const Message &a, const Message &b) {
                return recency(a) < recency(b);
            });
        if (newest != page.cend())
            onMessageChanged(*newest);
    });
}

void ConversationModel::setOrder(Order order)
{
    if (order == m_order)
        return;
    m_order = order;
    resort();
}

void ConversationModel::setConversations(const QString &workspaceId,
                                         QList<Conversation> conversations)
{
    // Kept across workspaces (and kept current, see onMessageChanged): switching back asks the
    // cache nothing.
    if (m_chat) {
        QStringList unknown;
        for (const Conversation &conversation : std::as_const(conversations)) {
            if (!m_newest.contains(conversation.id))
                unknown.append(conversation.id);
        }
        if (!unknown.isEmpty()) {
            const QHash<QString, Message> found = m_chat->lastMessages(unknown);
            for (const QString &id : std::as_const(unknown))
                m_newest.insert(id, found.value(id));
        }
    }
    sortConversations(conversations);
    if (workspaceId == m_workspaceId && conversations == m_conversations)
        return;
    beginResetModel();
    m_workspaceId = workspaceId;
    m_conversations = std::move(conversations);
    indexRows();
    endResetModel();
}

void ConversationModel::onMessageChanged(const Message &message)
{
    const int row = rowOf(message.conversationId);
    const auto known = m_newest.constFind(message.conversationId);
    if (row < 0 && known == m_newest.cend())
        return; // looked up when its workspace is shown
    // The same message again: only a newer copy of it (an edit, a deletion) changes the row.
    const bool newer = known == m_newest.cend() || known->localId.isEmpty() ||
                       (message.localId == known->localId ? message.supersedes(*known)
                                                          : recency(message) >= recency(*known));
    if (!newer)
        return;
    m_newest.insert(message.conversationId, message);
    if (row < 0)
        return;
    rowChanged(row, {LastAuthorRole, LastAuthorIsMeRole, LastTextRole, LastActivityRole});
    if (m_order != Order::RecentActivity)
        return;
    // A flood into one conversation keeps it where it is: only a row out of place moves.
    const bool afterPrevious =
        row == 0 || !inOrder(m_conversations.at(row), m_conversations.at(row - 1));
    const bool beforeNext = row + 1 >= m_conversations.size() ||
                            !inOrder(m_conversations.at(row + 1), m_conversations.at(row));
    if (!afterPrevious || !beforeNext)
        resort();
}

void ConversationModel::refreshLastMessage(const QString &conversationId)
{
    const int row = rowOf(conversationId);
    if (!m_chat)
        return;
    if (row < 0) {
        m_newest.remove(conversationId);
        return;
    }
    m_newest.insert(conversationId, m_chat->lastMessage(conversationId));
    rowChanged(row, {LastAuthorRole, LastAuthorIsMeRole, LastTextRole, LastActivityRole});
    if (m_order == Order::RecentActivity)
        resort();
}

void ConversationModel::rowChanged(int row, const QList<int> &roles)
{
    if (row < 0)
        return;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, roles);
}

void ConversationModel::resort()
{
    QList<Conversation> sorted = m_conversations;
    sortConversations(sorted);
    if (sorted == m_conversations)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QStringList ids;
    for (const QModelIndex &index : before)
        ids.append(m_conversations.at(index.row()).id);
    m_conversations = std::move(sorted);
    indexRows();
    QModelIndexList after;
    for (const QString &id : std::as_const(ids))
        after.append(index(rowOf(id)));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ConversationModel::sortConversations(QList<Conversation> &conversations) const
{
    std::stable_sort(
        conversations.begin(), conversations.end(),
        [this](const Conversation &a, const Conversation &b) { return inOrder(a, b); });
}

// Whether `a` belongs strictly before `b`.
bool ConversationModel::inOrder(const Conversation &a, const Conversation &b) const
{
    if (a.kind != b.kind)
        return a.kind == Conversation::Kind::Channel;
    if (m_order == Order::RecentActivity) {
        const qint64 left = activity(a);
        const qint64 right = activity(b);
        if (left != right)
            return left > right;
    }
    // Hangul syllables are encoded in dictionary order, so this reads 가나다 as well as ABC.
    const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
    if (byName != 0)
        return byName < 0;
    return a.id < b.id;
}

qint64 ConversationModel::activity(const Conversation &conversation) const
{
    return std::max(conversation.lastActivity, m_newest.value(conversation.id).createdAt);
}

void ConversationModel::indexRows()
{
    m_rows.clear();
    m_rows.reserve(m_conversations.size());
    for (int row = 0; row < m_conversations.size(); ++row)
        m_rows.insert(m_conversations.at(row).id, row);
}

} // namespace moim
