#include "conversation_store.h"

#include "clock.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace moim::server {

using namespace Qt::StringLiterals;

namespace {

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Conversation query failed:" << query.lastError().text();
    return false;
}

const auto ActiveMember = u"EXISTS (SELECT 1 FROM memberships wm JOIN users wu ON wu.id = "
                          "wm.user_id AND wu.deactivated = 0 WHERE wm.workspace_id = "
                          "c.workspace_id AND wm.user_id = %1)"_s;

// Everything conversationJson() shows, as the viewer bound to :user sees it.
QString conversationColumns()
{
    return u"c.id, c.workspace_id, c.kind, COALESCE(c.name, ''), c.topic, "
           "COALESCE((SELECT MAX(created_at) FROM messages WHERE conversation_id = c.id), "
           "c.created_at), "
           "(SELECT group_concat(u.display_name, ', ') FROM conversation_members cm JOIN users u "
           "ON u.id = cm.user_id WHERE cm.conversation_id = c.id AND cm.user_id <> :user), "
           "c.private, c.created_at, COALESCE(c.created_by, ''), COALESCE(cu.display_name, ''), "
           "COALESCE((SELECT mute_level FROM conversation_settings s WHERE s.user_id = :user AND "
           "s.conversation_id = c.id), 'inherit'), "
           "c.kind = 'channel' AND (c.created_by = :user OR EXISTS (SELECT 1 FROM memberships r "
           "WHERE r.user_id = :user AND r.workspace_id = c.workspace_id AND r.role = 'admin')), "
           "(SELECT COUNT(*) FROM memberships ms JOIN users mu ON mu.id = ms.user_id AND "
           "mu.deactivated = 0 WHERE ms.workspace_id = c.workspace_id AND "_s +
           ConversationStore::memberCondition(u"ms.user_id"_s) +
           u"), COALESCE(pm.id, ''), pm.author, COALESCE(pau.display_name, ''), pm.body, "
           "pm.created_at, pm.seq, COALESCE(c.pinned_by, ''), COALESCE(pu.display_name, ''), "
           "c.pinned_at"_s;
}

const auto ConversationTables =
    u" FROM conversations c LEFT JOIN users cu ON cu.id = c.created_by LEFT JOIN messages pm ON "
    "pm.id = c.pinned_message_id AND pm.conversation_id = c.id AND pm.deleted = 0 LEFT JOIN users "
    "pau ON pau.id = "
    "pm.author LEFT JOIN users pu ON pu.id = c.pinned_by"_s;

QJsonObject conversationFrom(const QSqlQuery &query)
{
    const QString kind = query.value(2).toString();
    const bool direct = kind == "direct"_L1;
    QJsonObject conversation{
        {u"id"_s, query.value(0).toString()},
        {u"workspace_id"_s, query.value(1).toString()},
        {u"kind"_s, kind},
        {u"name"_s, direct ? query.value(6).toString() : query.value(3).toString()},
        {u"topic"_s, query.value(4).toString()},
        {u"last_activity"_s, query.value(5).toLongLong()},
        {u"private"_s, query.value(7).toBool()},
        {u"created_at"_s, query.value(8).toLongLong()},
        {u"mute_level"_s, query.value(11).toString()},
        {u"can_edit"_s, query.value(12).toBool()},
        {u"member_count"_s, query.value(13).toInt()},
    };
    if (!query.value(9).toString().isEmpty()) {
        conversation.insert(u"created_by"_s,
                            QJsonObject{{u"id"_s, query.value(9).toString()},
                                        {u"display_name"_s, query.value(10).toString()}});
    }
    if (!query.value(14).toString().isEmpty()) {
        // The notice is shown to every member alike, so without the author's client id.
        const QJsonObject message{
            {u"id"_s, query.value(14).toString()},
            {u"conversation_id"_s, query.value(0).toString()},
            {u"author"_s, QJsonObject{{u"id"_s, query.value(15).toString()},
                                      {u"display_name"_s, query.value(16).toString()}}},
            {u"body"_s, query.value(17).toString()},
            {u"created_at"_s, query.value(18).toLongLong()},
            {u"seq"_s, query.value(19).toLongLong()}};
        conversation.insert(
            u"pinned"_s, QJsonObject{{u"message"_s, message},
                                     {u"pinned_by"_s,
                                      QJsonObject{{u"id"_s, query.value(20).toString()},
                                                  {u"display_name"_s, query.value(21).toString()}}},
                                     {u"pinned_at"_s, query.value(22).toLongLong()}});
    }
    return conversation;
}

} // namespace

ConversationStore::ConversationStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

QString ConversationStore::memberCondition(const QString &userExpression)
{
    return u"(EXISTS (SELECT 1 FROM conversation_members cm0 WHERE cm0.conversation_id = c.id "
           "AND cm0.user_id = %1) OR (c.kind = 'channel' AND c.listed_members = 0 AND NOT EXISTS "
           "(SELECT 1 FROM conversation_leaves cl0 WHERE cl0.conversation_id = c.id AND "
           "cl0.user_id = %1)))"_s.arg(userExpression);
}

ConversationStore::Standing ConversationStore::standing(const QString &userId,
                                                        const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT c.private, "_s + ActiveMember.arg(u":user"_s) + u", "_s +
                  memberCondition(u":user"_s) + u" FROM conversations c WHERE c.id = :id"_s);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":id"_s, conversationId);
    if (!execOrWarn(query) || !query.next())
        return Standing::Hidden;
    const bool isPrivate = query.value(0).toBool();
    const bool inWorkspace = query.value(1).toBool();
    const bool member = query.value(2).toBool();
    if (inWorkspace && member)
        return Standing::Member;
    return isPrivate ? Standing::Hidden : Standing::Outside;
}

QJsonArray ConversationStore::list(const QString &userId, const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + conversationColumns() + ConversationTables +
                  u" WHERE c.workspace_id = :workspace AND "_s + memberCondition(u":user"_s) +
                  u" ORDER BY c.kind, 6 DESC, c.id"_s);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":workspace"_s, workspaceId);
    QJsonArray result;
    if (!execOrWarn(query))
        return result;
    while (query.next())
        result.append(conversationFrom(query));
    return result;
}

QJsonObject ConversationStore::conversationJson(const QString &viewerId,
                                                const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + conversationColumns() + ConversationTables +
                  u" WHERE c.id = :id"_s);
    query.bindValue(u":user"_s, viewerId);
    query.bindValue(u":id"_s, conversationId);
    return execOrWarn(query) && query.next() ? conversationFrom(query) : QJsonObject();
}

QJsonArray ConversationStore::browse(const QString &viewerId, const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + conversationColumns() + u", "_s + memberCondition(u":user"_s) +
                  ConversationTables +
                  u" WHERE c.workspace_id = :workspace AND c.kind = 'channel' AND c.private = 0 "
                  "ORDER BY lower(c.name), c.id"_s);
    query.bindValue(u":user"_s, viewerId);
    query.bindValue(u":workspace"_s, workspaceId);
    QJsonArray result;
    if (!execOrWarn(query))
        return result;
    while (query.next()) {
        QJsonObject channel = conversationFrom(query);
        channel.insert(u"member"_s, query.value(23).toBool());
        result.append(channel);
    }
    return result;
}

QJsonArray ConversationStore::workspaceMembers(const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"SELECT u.id, u.display_name, m.role, u.email FROM memberships m JOIN users u ON "
        "u.id = "
        "m.user_id WHERE m.workspace_id = ? AND u.deactivated = 0 ORDER BY "
        "u.display_name, u.id"_s);
    query.addBindValue(workspaceId);
    QJsonArray result;
    if (!execOrWarn(query))
        return result;
    while (query.next()) {
        result.append(QJsonObject{{u"id"_s, query.value(0).toString()},
                                  {u"display_name"_s, query.value(1).toString()},
                                  {u"role"_s, query.value(2).toString()},
                                  {u"email"_s, query.value(3).toString()}});
    }
    return result;
}

QStringList ConversationStore::members(const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT ms.user_id FROM conversations c JOIN memberships ms ON "
                  "ms.workspace_id = c.workspace_id JOIN users u ON u.id = ms.user_id AND "
                  "u.deactivated = 0 WHERE c.id = :id AND "_s +
                  memberCondition(u"ms.user_id"_s));
    query.bindValue(u":id"_s, conversationId);
    QStringList users;
    if (!execOrWarn(query))
        return users;
    while (query.next())
        users.append(query.value(0).toString());
    return users;
}

bool ConversationStore::channelNameTaken(const QString &workspaceId, const QString &name,
                                         const QString &exceptId) const
{
    // Compared in C++: SQLite's lower() folds ASCII only.
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT id, name FROM conversations WHERE workspace_id = ? AND kind = "
                  "'channel'"_s);
    query.addBindValue(workspaceId);
    if (!execOrWarn(query))
        return true;
    const QString folded = name.toCaseFolded();
    while (query.next()) {
        if (query.value(0).toString() != exceptId &&
            query.value(1).toString().toCaseFolded() == folded)
            return true;
    }
    return false;
}

QString ConversationStore::createChannel(const QString &workspaceId, const QString &creatorId,
                                         const QString &name, const QString &topic, bool isPrivate)
{
    const QString id = SecureToken::randomId("c_"_L1);
    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO conversations (id, workspace_id, kind, name, topic, created_at, "
                   "private, listed_members, created_by) VALUES (?, ?, 'channel', ?, COALESCE(?, "
                   "''), ?, ?, 1, "
                   "?)"_s);
    for (const QVariant &value :
         {QVariant(id), QVariant(workspaceId), QVariant(name), QVariant(topic),
          QVariant(m_clock.now()), QVariant(isPrivate ? 1 : 0), QVariant(creatorId)})
        insert.addBindValue(value);
    QSqlQuery member(db);
    member.prepare(u"INSERT INTO conversation_members (conversation_id, user_id) VALUES (?, ?)"_s);
    member.addBindValue(id);
    member.addBindValue(creatorId);
    if (!execOrWarn(insert) || !execOrWarn(member)) {
        db.rollback();
        return {};
    }
    db.commit();
    return id;
}

QString ConversationStore::findDirect(const QString &workspaceId, QStringList userIds) const
{
    userIds.removeDuplicates();
    std::sort(userIds.begin(), userIds.end());
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT c.id, cm.user_id FROM conversations c JOIN conversation_members cm ON "
                  "cm.conversation_id = c.id WHERE c.workspace_id = ? AND c.kind = 'direct' "
                  "ORDER BY c.created_at, c.id, cm.user_id"_s);
    query.addBindValue(workspaceId);
    if (!execOrWarn(query))
        return {};
    QString current;
    QStringList currentMembers;
    const auto matches = [&] { return !current.isEmpty() && currentMembers == userIds; };
    while (query.next()) {
        const QString id = query.value(0).toString();
        if (id != current) {
            if (matches())
                return current;
            current = id;
            currentMembers.clear();
        }
        currentMembers.append(query.value(1).toString());
    }
    return matches() ? current : QString();
}

QString ConversationStore::createDirect(const QString &workspaceId, const QString &creatorId,
                                        const QStringList &userIds)
{
    const QString id = SecureToken::randomId("c_"_L1);
    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO conversations (id, workspace_id, kind, topic, created_at, "
                   "listed_members, created_by) VALUES (?, ?, 'direct', '', ?, 1, ?)"_s);
    insert.addBindValue(id);
    insert.addBindValue(workspaceId);
    insert.addBindValue(m_clock.now());
    insert.addBindValue(creatorId);
    bool ok = execOrWarn(insert);
    for (const QString &userId : userIds) {
        QSqlQuery member(db);
        member.prepare(u"INSERT OR IGNORE INTO conversation_members (conversation_id, user_id) "
                       "VALUES (?, ?)"_s);
        member.addBindValue(id);
        member.addBindValue(userId);
        ok = ok && execOrWarn(member);
    }
    if (!ok) {
        db.rollback();
        return {};
    }
    db.commit();
    return id;
}

bool ConversationStore::join(const QString &userId, const QString &conversationId)
{
    QSqlQuery leaves(m_database.handle());
    leaves.prepare(u"DELETE FROM conversation_leaves WHERE conversation_id = ? AND user_id = ?"_s);
    leaves.addBindValue(conversationId);
    leaves.addBindValue(userId);
    QSqlQuery member(m_database.handle());
    member.prepare(u"INSERT OR IGNORE INTO conversation_members (conversation_id, user_id) "
                   "SELECT id, ? FROM conversations WHERE id = ? AND listed_members = 1"_s);
    member.addBindValue(userId);
    member.addBindValue(conversationId);
    return execOrWarn(leaves) && execOrWarn(member);
}

bool ConversationStore::leave(const QString &userId, const QString &conversationId)
{
    QSqlQuery member(m_database.handle());
    member.prepare(u"DELETE FROM conversation_members WHERE conversation_id = ? AND user_id = ?"_s);
    member.addBindValue(conversationId);
    member.addBindValue(userId);
    // A channel everyone belongs to remembers who left it.
    QSqlQuery leaves(m_database.handle());
    leaves.prepare(u"INSERT OR IGNORE INTO conversation_leaves (conversation_id, user_id) SELECT "
                   "id, ? FROM conversations WHERE id = ? AND listed_members = 0"_s);
    leaves.addBindValue(userId);
    leaves.addBindValue(conversationId);
    return execOrWarn(member) && execOrWarn(leaves);
}

QString ConversationStore::workspaceRole(const QString &userId, const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT role FROM memberships WHERE user_id = ? AND workspace_id = ?"_s);
    query.addBindValue(userId);
    query.addBindValue(workspaceId);
    return execOrWarn(query) && query.next() ? query.value(0).toString() : QString();
}

bool ConversationStore::mayEdit(const QString &userId, const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT kind, COALESCE(created_by, ''), workspace_id FROM conversations WHERE "
                  "id = ?"_s);
    query.addBindValue(conversationId);
    if (!execOrWarn(query) || !query.next() || query.value(0).toString() != "channel"_L1)
        return false;
    return query.value(1).toString() == userId ||
           workspaceRole(userId, query.value(2).toString()) == "admin"_L1;
}

bool ConversationStore::setName(const QString &conversationId, const QString &name)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"UPDATE conversations SET name = ? WHERE id = ?"_s);
    query.addBindValue(name);
    query.addBindValue(conversationId);
    return execOrWarn(query);
}

bool ConversationStore::setTopic(const QString &conversationId, const QString &topic)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"UPDATE conversations SET topic = COALESCE(?, '') WHERE id = ?"_s);
    query.addBindValue(topic);
    query.addBindValue(conversationId);
    return execOrWarn(query);
}

bool ConversationStore::isMuteLevel(const QString &level)
{
    return level == "inherit"_L1 || level == "all"_L1 || level == "mentions_and_direct"_L1 ||
           level == "nothing"_L1;
}

QString ConversationStore::muteLevel(const QString &userId, const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT mute_level FROM conversation_settings WHERE user_id = ? AND "
                  "conversation_id = ?"_s);
    query.addBindValue(userId);
    query.addBindValue(conversationId);
    return execOrWarn(query) && query.next() ? query.value(0).toString() : u"inherit"_s;
}

bool ConversationStore::setMuteLevel(const QString &userId, const QString &conversationId,
                                     const QString &level)
{
    QSqlQuery query(m_database.handle());
    if (level == "inherit"_L1) {
        query.prepare(u"DELETE FROM conversation_settings WHERE user_id = ? AND conversation_id = "
                      "?"_s);
        query.addBindValue(userId);
        query.addBindValue(conversationId);
    } else {
        query.prepare(u"INSERT INTO conversation_settings (user_id, conversation_id, mute_level) "
                      "VALUES (?, ?, ?) ON CONFLICT (user_id, conversation_id) DO UPDATE SET "
                      "mute_level = excluded.mute_level"_s);
        query.addBindValue(userId);
        query.addBindValue(conversationId);
        query.addBindValue(level);
    }
    return execOrWarn(query);
}

bool ConversationStore::messageBelongs(const QString &messageId,
                                       const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?"_s);
    query.addBindValue(messageId);
    query.addBindValue(conversationId);
    return execOrWarn(query) && query.next();
}

bool ConversationStore::setPinned(const QString &conversationId, const QString &messageId,
                                  const QString &userId)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"UPDATE conversations SET pinned_message_id = ?, pinned_by = ?, pinned_at = ? "
                  "WHERE id = ?"_s);
    const bool clear = messageId.isEmpty();
    query.addBindValue(clear ? QVariant() : QVariant(messageId));
    query.addBindValue(clear ? QVariant() : QVariant(userId));
    query.addBindValue(clear ? QVariant() : QVariant(m_clock.now()));
    query.addBindValue(conversationId);
    return execOrWarn(query);
}

QList<std::pair<QString, qint64>> ConversationStore::markAllRead(const QString &userId,
                                                                 const QString &workspaceId)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT c.id, (SELECT MAX(seq) FROM messages m WHERE m.conversation_id = "
                  "c.id) AS newest, COALESCE((SELECT last_read_seq FROM reads r WHERE r.user_id "
                  "= :user AND r.conversation_id = c.id), 0) FROM conversations c WHERE "
                  "c.workspace_id = :workspace AND "_s +
                  memberCondition(u":user"_s));
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":workspace"_s, workspaceId);
    QList<std::pair<QString, qint64>> moved;
    if (!execOrWarn(query))
        return moved;
    while (query.next()) {
        const qint64 newest = query.value(1).toLongLong();
        if (newest > query.value(2).toLongLong())
            moved.append({query.value(0).toString(), newest});
    }
    for (const auto &[conversationId, seq] : moved) {
        QSqlQuery mark(m_database.handle());
        mark.prepare(u"INSERT INTO reads (user_id, conversation_id, last_read_seq) VALUES (?, ?, "
                     "?) ON CONFLICT (user_id, conversation_id) DO UPDATE SET last_read_seq = "
                     "MAX(last_read_seq, excluded.last_read_seq)"_s);
        mark.addBindValue(userId);
        mark.addBindValue(conversationId);
        mark.addBindValue(seq);
        execOrWarn(mark);
    }
    return moved;
}

void ConversationStore::markCaughtUp(const QString &userId, const QString &conversationId)
{
    QSqlQuery mark(m_database.handle());
    mark.prepare(u"INSERT INTO reads (user_id, conversation_id, last_read_seq) SELECT ?, ?, "
                 "COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = ? ON CONFLICT "
                 "(user_id, conversation_id) DO UPDATE SET last_read_seq = MAX(last_read_seq, "
                 "excluded.last_read_seq)"_s);
    mark.addBindValue(userId);
    mark.addBindValue(conversationId);
    mark.addBindValue(conversationId);
    execOrWarn(mark);
}

} // namespace moim::server
