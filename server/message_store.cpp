#include "message_store.h"

#include "account_store.h"
#include "clock.h"
#include "conversation_store.h"
#include "database.h"
#include "file_store.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <protocol/message_entities.h>
#include <protocol/protocol.h>
#include <search/search_text.h>

namespace moim::server {

using namespace Qt::StringLiterals;
using moim::protocol::MessageEntity;

namespace {

// The message (m, its author u), the message it replies to (rm, its author ru), its reactions as
// a JSON array of [order, emoji, user id, display name], its files as a JSON array of [position,
// id, name, size, type, width, height, preview], and its entities as the wire spells them: what
// messageFrom() reads.
// The quote and the reactions are computed when served, so they follow every later change.
const auto MessageColumns =
    u"m.id, m.conversation_id, m.author, u.display_name, m.body, m.created_at, m.seq, "
    "COALESCE(m.client_id, ''), m.version, m.edited_at, m.deleted, COALESCE(rm.id, ''), rm.seq, "
    "rm.author, ru.display_name, rm.body, rm.deleted, (SELECT json_group_array(json_array("
    "r.rowid, r.emoji, r.user_id, reu.display_name)) FROM reactions r JOIN users reu ON reu.id = "
    "r.user_id WHERE r.message_id = m.id), (SELECT json_group_array(json_array(f.position, f.id, "
    "f.name, b.size, b.type, COALESCE(b.width, 0), COALESCE(b.height, 0), b.preview)) FROM files "
    "f JOIN blobs b ON b.sha256 = f.sha256 WHERE f.message_id = m.id), COALESCE(m.entities, '')"_s;
constexpr int MessageColumnCount = 20;
// The tables MessageColumns reads besides m itself.
const auto MessageJoins =
    u" JOIN users u ON u.id = m.author LEFT JOIN messages rm ON rm.id = m.reply_to_id LEFT JOIN "
    "users ru ON ru.id = rm.author"_s;
const auto MessageTables = u" FROM messages m"_s + MessageJoins;

// The next number of the one global sequence: every new message and every change of one takes
// it (as seq and version, or as the new version). Messages are never removed, so the highest
// version is the sequence's current value.
const auto NextVersion = u"(SELECT COALESCE(MAX(version), 0) + 1 FROM messages)"_s;

// What a reply quotes: the first line, at most ReplySnippetLength characters (never half of
// a surrogate pair).
QString snippetOf(const QString &body)
{
    const QString line = body.trimmed().section(u'\n', 0, 0).trimmed();
    qsizetype end = 0;
    for (int characters = 0;
         end < line.size() && characters < moim::protocol::limits::ReplySnippetLength; ++characters)
        end += line.at(end).isHighSurrogate() && end + 1 < line.size() ? 2 : 1;
    return line.left(end);
}

// Grouped by emoji in the order each was first given, users in the order they reacted.
QJsonArray reactionsFrom(const QString &rows)
{
    QJsonArray all = QJsonDocument::fromJson(rows.toUtf8()).array();
    QList<QJsonArray> ordered;
    for (const QJsonValue &row : std::as_const(all))
        ordered.append(row.toArray());
    std::sort(ordered.begin(), ordered.end(), [](const QJsonArray &a, const QJsonArray &b) {
        return a.at(0).toInteger() < b.at(0).toInteger();
    });
    QJsonArray reactions;
    QHash<QString, qsizetype> indexOf;
    for (const QJsonArray &row : std::as_const(ordered)) {
        const QString emoji = row.at(1).toString();
        const QJsonObject user{{u"id"_s, row.at(2).toString()},
                               {u"display_name"_s, row.at(3).toString()}};
        const auto found = indexOf.constFind(emoji);
        if (found == indexOf.cend()) {
            indexOf.insert(emoji, reactions.size());
            reactions.append(QJsonObject{{u"emoji"_s, emoji}, {u"users"_s, QJsonArray{user}}});
            continue;
        }
        QJsonObject reaction = reactions.at(*found).toObject();
        QJsonArray users = reaction.value("users"_L1).toArray();
        users.append(user);
        reaction.insert(u"users"_s, users);
        reactions.replace(*found, reaction);
    }
    return reactions;
}

// A message's attachments in the order they were given, as FileStore::attachmentJson shapes
// them.
QJsonArray attachmentsFrom(const QString &rows)
{
    const QJsonArray all = QJsonDocument::fromJson(rows.toUtf8()).array();
    QList<QJsonArray> ordered;
    for (const QJsonValue &row : all)
        ordered.append(row.toArray());
    std::sort(ordered.begin(), ordered.end(), [](const QJsonArray &a, const QJsonArray &b) {
        return a.at(0).toInteger() < b.at(0).toInteger();
    });
    QJsonArray attachments;
    for (const QJsonArray &row : std::as_const(ordered))
        attachments.append(FileStore::attachmentJson(
            row.at(1).toString(), row.at(2).toString(), row.at(3).toInteger(), row.at(4).toString(),
            row.at(5).toInt(), row.at(6).toInt(), row.at(7).toInt() != 0));
    return attachments;
}

MessageStore::Change refused(MessageStore::Refusal refusal)
{
    return {refusal, false, QJsonObject()};
}

QJsonObject messageFrom(const QSqlQuery &query, const QString &viewerId)
{
    QJsonObject message{{u"id"_s, query.value(0).toString()},
                        {u"conversation_id"_s, query.value(1).toString()},
                        {u"author"_s, QJsonObject{{u"id"_s, query.value(2).toString()},
                                                  {u"display_name"_s, query.value(3).toString()}}},
                        {u"body"_s, query.value(4).toString()},
                        {u"created_at"_s, query.value(5).toLongLong()},
                        {u"seq"_s, query.value(6).toLongLong()},
                        {u"version"_s, query.value(8).toLongLong()}};
    if (!query.value(7).toString().isEmpty())
        message.insert(u"client_id"_s, query.value(7).toString());
    if (!query.value(9).isNull())
        message.insert(u"edited_at"_s, query.value(9).toLongLong());
    if (query.value(10).toBool()) {
        // A tombstone: who wrote what when, nothing of what it said.
        message.insert(u"deleted"_s, true);
        return MessageStore::asSeenBy(message, viewerId);
    }
    if (!query.value(11).toString().isEmpty()) {
        const bool originalDeleted = query.value(16).toBool();
        message.insert(
            u"reply_to"_s,
            QJsonObject{
                {u"id"_s, query.value(11).toString()},
                {u"seq"_s, query.value(12).toLongLong()},
                {u"author"_s, QJsonObject{{u"id"_s, query.value(13).toString()},
                                          {u"display_name"_s, query.value(14).toString()}}},
                {u"snippet"_s, originalDeleted ? QString() : snippetOf(query.value(15).toString())},
                {u"deleted"_s, originalDeleted}});
    }
    const QJsonArray reactions = reactionsFrom(query.value(17).toString());
    if (!reactions.isEmpty())
        message.insert(u"reactions"_s, reactions);
    const QJsonArray attachments = attachmentsFrom(query.value(18).toString());
    if (!attachments.isEmpty())
        message.insert(u"attachments"_s, attachments);
    const QJsonArray entities =
        QJsonDocument::fromJson(query.value(19).toString().toUtf8()).array();
    if (!entities.isEmpty())
        message.insert(u"entities"_s, entities);
    return MessageStore::asSeenBy(message, viewerId);
}

// The entities column: the wire's JSON array, or NULL for none (what COALESCE reads back as '').
QVariant entitiesColumn(const QList<MessageEntity> &entities)
{
    if (entities.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromUtf8(QJsonDocument(moim::protocol::messageEntitiesToJson(entities))
                                 .toJson(QJsonDocument::Compact));
}

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Message query failed:" << query.lastError().text();
    return false;
}

// Conversations the user sees: those of workspaces with an active membership that the user
// belongs to (ConversationStore::memberCondition).
const QString VisibleConversations =
    u"SELECT c.id FROM conversations c JOIN memberships ms ON ms.workspace_id = c.workspace_id "
    "JOIN users u ON u.id = ms.user_id AND u.deactivated = 0 WHERE ms.user_id = :user AND "_s +
    ConversationStore::memberCondition(u":user"_s);

// Appended to VisibleConversations where a session asks (binds :session): leaves out the
// workspaces closed to it until it passes 2-step verification.
const QString OpenToSession =
    u" AND c.workspace_id NOT IN ("_s + AccountStore::lockedWorkspacesQuery() + u")"_s;

} // namespace

MessageStore::MessageStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

bool MessageStore::canAccess(const QString &userId, const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT 1 FROM ("_s + VisibleConversations +
                  u") v WHERE v.id = :conversation"_s);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":conversation"_s, conversationId);
    return execOrWarn(query) && query.next();
}

bool MessageStore::conversationExists(const QString &conversationId) const
{
    return !workspaceOf(conversationId).isEmpty();
}

bool MessageStore::isPrivate(const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT private FROM conversations WHERE id = ?"_s);
    query.addBindValue(conversationId);
    return execOrWarn(query) && query.next() && query.value(0).toBool();
}

MessageStore::Kind MessageStore::kindOf(const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT kind, name FROM conversations WHERE id = ?"_s);
    query.addBindValue(conversationId);
    if (!execOrWarn(query) || !query.next())
        return {};
    const QString kind = query.value(0).toString();
    return {kind, kind == "channel"_L1 ? query.value(1).toString() : QString()};
}

QString MessageStore::workspaceOf(const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT workspace_id FROM conversations WHERE id = ?"_s);
    query.addBindValue(conversationId);
    return execOrWarn(query) && query.next() ? query.value(0).toString() : QString();
}

QStringList MessageStore::audience(const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT ms.user_id FROM conversations c JOIN memberships ms ON "
                  "ms.workspace_id = c.workspace_id WHERE c.id = :conversation AND "_s +
                  ConversationStore::memberCondition(u"ms.user_id"_s));
    query.bindValue(u":conversation"_s, conversationId);
    QStringList users;
    if (!execOrWarn(query))
        return users;
    while (query.next())
        users.append(query.value(0).toString());
    return users;
}

QJsonObject MessageStore::asSeenBy(const QJsonObject &message, const QString &viewerId)
{
    const QString authorId = message.value("author"_L1).toObject().value("id"_L1).toString();
    if (authorId == viewerId || !message.contains("client_id"_L1))
        return message;
    QJsonObject seen = message;
    seen.remove("client_id"_L1);
    return seen;
}

QJsonObject MessageStore::messageJson(const QString &id, const QString &viewerId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + MessageColumns + MessageTables + u" WHERE m.id = ?"_s);
    query.addBindValue(id);
    return execOrWarn(query) && query.next() ? messageFrom(query, viewerId) : QJsonObject();
}

std::optional<QJsonObject> MessageStore::post(const QString &userId, const QString &conversationId,
                                              const QString &clientId, const QString &body,
                                              const QString &replyToId,
                                              const QList<MessageEntity> &entities,
                                              const QStringList &attachments, bool *duplicate)
{
    *duplicate = false;
    if (!clientId.isEmpty()) {
        // Only the author's own earlier send in this conversation is a repeat of this one.
        QSqlQuery existing(m_database.handle());
        existing.prepare(u"SELECT id FROM messages WHERE author = ? AND conversation_id = ? AND "
                         "client_id = ?"_s);
        existing.addBindValue(userId);
        existing.addBindValue(conversationId);
        existing.addBindValue(clientId);
        if (execOrWarn(existing) && existing.next()) {
            *duplicate = true;
            return messageJson(existing.value(0).toString(), userId);
        }
    }
    const QString id = SecureToken::randomId("m_"_L1);
    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery insert(db);
    // Both take the same next number: one statement reads the sequence once.
    insert.prepare(u"INSERT INTO messages (id, conversation_id, author, body, created_at, seq, "
                   "version, client_id, reply_to_id, entities) VALUES (?, ?, ?, ?, ?, "_s +
                   NextVersion + u", "_s + NextVersion + u", ?, ?, ?)"_s);
    insert.addBindValue(id);
    insert.addBindValue(conversationId);
    insert.addBindValue(userId);
    insert.addBindValue(body);
    insert.addBindValue(m_clock.now());
    insert.addBindValue(clientId.isEmpty() ? QVariant() : QVariant(clientId));
    insert.addBindValue(replyToId.isEmpty() ? QVariant() : QVariant(replyToId));
    insert.addBindValue(entitiesColumn(entities));
    if (!execOrWarn(insert)) {
        db.rollback();
        return std::nullopt;
    }
    for (qsizetype position = 0; position < attachments.size(); ++position) {
        QSqlQuery attach(db);
        attach.prepare(u"UPDATE files SET message_id = ?, position = ? WHERE id = ?"_s);
        attach.addBindValue(id);
        attach.addBindValue(position);
        attach.addBindValue(attachments.at(position));
        if (!execOrWarn(attach)) {
            db.rollback();
            return std::nullopt;
        }
    }
    if (!db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    const QJsonObject message = messageJson(id, userId);
    // The author has read what they wrote.
    advanceReadMark(userId, conversationId, message.value("seq"_L1).toInteger());
    return message;
}

bool MessageStore::isRepeat(const QString &userId, const QString &conversationId,
                            const QString &clientId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT 1 FROM messages WHERE author = ? AND conversation_id = ? AND "
                  "client_id = ?"_s);
    query.addBindValue(userId);
    query.addBindValue(conversationId);
    query.addBindValue(clientId);
    return execOrWarn(query) && query.next();
}

bool MessageStore::canReplyTo(const QString &conversationId, const QString &messageId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT 1 FROM messages WHERE id = ? AND conversation_id = ? AND deleted = 0"_s);
    query.addBindValue(messageId);
    query.addBindValue(conversationId);
    return execOrWarn(query) && query.next();
}

std::optional<MessageStore::Stored> MessageStore::stored(const QString &conversationId,
                                                         const QString &messageId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"SELECT author, body, deleted, COALESCE(entities, '') FROM messages WHERE id = ? AND "
        "conversation_id = ?"_s);
    query.addBindValue(messageId);
    query.addBindValue(conversationId);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return Stored{query.value(0).toString(), query.value(1).toString(), query.value(2).toBool(),
                  query.value(3).toString()};
}

MessageStore::Change MessageStore::changed(const QString &messageId, const QString &viewerId,
                                           bool isNewVersion) const
{
    return {Refusal::None, isNewVersion, messageJson(messageId, viewerId)};
}

MessageStore::Change MessageStore::edit(const QString &userId, const QString &conversationId,
                                        const QString &messageId, const QString &body,
                                        const QList<MessageEntity> &entities)
{
    const auto message = stored(conversationId, messageId);
    if (!message)
        return refused(Refusal::NotFound);
    if (message->author != userId)
        return refused(Refusal::NotAuthor);
    if (message->deleted)
        return refused(Refusal::Deleted);
    const QVariant entitiesValue = entitiesColumn(entities);
    if (message->body == body && message->entities == entitiesValue.toString())
        return changed(messageId, userId, false);
    QSqlQuery update(m_database.handle());
    update.prepare(u"UPDATE messages SET body = ?, entities = ?, edited_at = ?, version = "_s +
                   NextVersion + u" WHERE id = ?"_s);
    update.addBindValue(body);
    update.addBindValue(entitiesValue);
    update.addBindValue(m_clock.now());
    update.addBindValue(messageId);
    if (!execOrWarn(update))
        return refused(Refusal::Failed);
    return changed(messageId, userId, true);
}

MessageStore::Change MessageStore::remove(const QString &userId, const QString &conversationId,
                                          const QString &messageId)
{
    const auto message = stored(conversationId, messageId);
    if (!message)
        return refused(Refusal::NotFound);
    if (message->author != userId)
        return refused(Refusal::NotAuthor);
    if (message->deleted)
        return changed(messageId, userId, false);
    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery reactions(db);
    reactions.prepare(u"DELETE FROM reactions WHERE message_id = ?"_s);
    reactions.addBindValue(messageId);
    // Erasing the body also takes it out of the search index (message_search_update).
    QSqlQuery erase(db);
    erase.prepare(u"UPDATE messages SET body = '', deleted = 1, reply_to_id = NULL, entities = "
                  "NULL, version = "_s +
                  NextVersion + u" WHERE id = ?"_s);
    erase.addBindValue(messageId);
    // Its files go with it; FileStore::removeUnreferencedBlobs() then drops content no file
    // names any more.
    QSqlQuery files(db);
    files.prepare(u"DELETE FROM files WHERE message_id = ?"_s);
    files.addBindValue(messageId);
    if (!execOrWarn(reactions) || !execOrWarn(erase) || !execOrWarn(files) || !db.commit()) {
        db.rollback();
        return refused(Refusal::Failed);
    }
    return changed(messageId, userId, true);
}

MessageStore::Change MessageStore::react(const QString &userId, const QString &conversationId,
                                         const QString &messageId, const QString &emoji, bool add)
{
    const auto message = stored(conversationId, messageId);
    if (!message)
        return refused(Refusal::NotFound);
    if (message->deleted)
        return refused(Refusal::Deleted);
    QSqlQuery present(m_database.handle());
    present.prepare(u"SELECT EXISTS (SELECT 1 FROM reactions WHERE message_id = :message AND "
                    "emoji = :emoji AND user_id = :user), EXISTS (SELECT 1 FROM reactions WHERE "
                    "message_id = :message AND emoji = :emoji), (SELECT COUNT(DISTINCT emoji) "
                    "FROM reactions WHERE message_id = :message)"_s);
    present.bindValue(u":message"_s, messageId);
    present.bindValue(u":emoji"_s, emoji);
    present.bindValue(u":user"_s, userId);
    if (!execOrWarn(present) || !present.next())
        return refused(Refusal::Failed);
    const bool mine = present.value(0).toBool();
    if (mine == add)
        return changed(messageId, userId, false);
    if (add && !present.value(1).toBool() &&
        present.value(2).toInt() >= moim::protocol::limits::MaxReactionsPerMessage)
        return refused(Refusal::TooManyReactions);
    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery reaction(db);
    if (add) {
        reaction.prepare(u"INSERT INTO reactions (message_id, emoji, user_id, created_at) VALUES "
                         "(?, ?, ?, ?)"_s);
        reaction.addBindValue(messageId);
        reaction.addBindValue(emoji);
        reaction.addBindValue(userId);
        reaction.addBindValue(m_clock.now());
    } else {
        reaction.prepare(
            u"DELETE FROM reactions WHERE message_id = ? AND emoji = ? AND user_id = ?"_s);
        reaction.addBindValue(messageId);
        reaction.addBindValue(emoji);
        reaction.addBindValue(userId);
    }
    QSqlQuery bump(db);
    bump.prepare(u"UPDATE messages SET version = "_s + NextVersion + u" WHERE id = ?"_s);
    bump.addBindValue(messageId);
    if (!execOrWarn(reaction) || !execOrWarn(bump) || !db.commit()) {
        db.rollback();
        return refused(Refusal::Failed);
    }
    return changed(messageId, userId, true);
}

QJsonArray MessageStore::page(const QString &viewerId, const QString &conversationId,
                              qint64 beforeSeq, int limit, bool *hasMore) const
{
    QSqlQuery query(m_database.handle());
    // Two plain forms, so SQLite answers from the (conversation_id, seq) index, however long.
    query.prepare(
        u"SELECT "_s + MessageColumns + MessageTables + u" WHERE m.conversation_id = ?"_s +
        (beforeSeq > 0 ? u" AND m.seq < ?"_s : QString()) + u" ORDER BY m.seq DESC LIMIT ?"_s);
    query.addBindValue(conversationId);
    if (beforeSeq > 0)
        query.addBindValue(beforeSeq);
    query.addBindValue(limit + 1);
    QList<QJsonObject> newestFirst;
    if (execOrWarn(query)) {
        while (query.next())
            newestFirst.append(messageFrom(query, viewerId));
    }
    *hasMore = newestFirst.size() > limit;
    if (*hasMore)
        newestFirst.removeLast();
    QJsonArray result;
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        result.append(*it);
    return result;
}

QList<QJsonObject> MessageStore::nearest(const QString &viewerId, const QString &conversationId,
                                         qint64 seq, bool older, int limit) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + MessageColumns + MessageTables +
                  u" WHERE m.conversation_id = ? AND "_s +
                  (older ? u"m.seq < ? ORDER BY m.seq DESC"_s : u"m.seq >= ? ORDER BY m.seq"_s) +
                  u" LIMIT ?"_s);
    query.addBindValue(conversationId);
    query.addBindValue(seq);
    query.addBindValue(limit + 1);
    QList<QJsonObject> messages;
    if (execOrWarn(query)) {
        while (query.next())
            messages.append(messageFrom(query, viewerId));
    }
    return messages;
}

QJsonArray MessageStore::pageAfter(const QString &viewerId, const QString &conversationId,
                                   qint64 afterSeq, int limit, bool *hasMore) const
{
    QList<QJsonObject> newer = nearest(viewerId, conversationId, afterSeq + 1, false, limit);
    *hasMore = newer.size() > limit;
    if (*hasMore)
        newer.removeLast();
    QJsonArray result;
    for (const QJsonObject &message : std::as_const(newer))
        result.append(message);
    return result;
}

QJsonArray MessageStore::pageAround(const QString &viewerId, const QString &conversationId,
                                    qint64 seq, int limit, bool *hasOlder, bool *hasNewer) const
{
    const int olderLimit = limit / 2;
    QList<QJsonObject> older = nearest(viewerId, conversationId, seq, true, olderLimit);
    *hasOlder = older.size() > olderLimit;
    if (*hasOlder)
        older.removeLast();
    // When there are fewer older ones, the newer side fills the page.
    const int newerLimit = limit - int(older.size());
    QList<QJsonObject> newer = nearest(viewerId, conversationId, seq, false, newerLimit);
    *hasNewer = newer.size() > newerLimit;
    if (*hasNewer)
        newer.removeLast();
    QJsonArray result;
    for (auto it = older.crbegin(); it != older.crend(); ++it)
        result.append(*it);
    for (const QJsonObject &message : std::as_const(newer))
        result.append(message);
    return result;
}

QJsonArray MessageStore::since(const QString &userId, const QString &sessionId, qint64 afterSeq,
                               int limit, bool *hasMore) const
{
    QSqlQuery query(m_database.handle());
    // By version: a message changed since brings its new version along with the new messages.
    query.prepare(u"SELECT "_s + MessageColumns + MessageTables +
                  u" WHERE m.version > :after AND m.conversation_id IN ("_s + VisibleConversations +
                  OpenToSession + u") ORDER BY m.version LIMIT :limit"_s);
    query.bindValue(u":after"_s, afterSeq);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":session"_s, sessionId);
    query.bindValue(u":limit"_s, limit + 1);
    QJsonArray result;
    if (execOrWarn(query)) {
        while (query.next())
            result.append(messageFrom(query, userId));
    }
    *hasMore = result.size() > limit;
    if (*hasMore)
        result.removeLast();
    return result;
}

QJsonArray MessageStore::search(const QString &userId, const QString &sessionId,
                                const Search &search, bool *hasMore) const
{
    *hasMore = false;
    QJsonArray result;
    const QString match = moim::search::matchExpression(search.terms);
    if (match.isEmpty())
        return result;
    QString sql =
        u"SELECT "_s + MessageColumns +
        u", c.workspace_id FROM message_search s JOIN messages m ON m.rowid = s.rowid"_s +
        MessageJoins +
        u" JOIN conversations c ON c.id = m.conversation_id WHERE message_search MATCH :match AND m.conversation_id IN ("_s +
        VisibleConversations + OpenToSession + u")"_s;
    if (!search.workspaceId.isEmpty())
        sql += u" AND c.workspace_id = :workspace"_s;
    if (!search.conversationId.isEmpty())
        sql += u" AND m.conversation_id = :conversation"_s;
    if (!search.authorId.isEmpty())
        sql += u" AND m.author = :author"_s;
    if (search.after > 0)
        sql += u" AND m.created_at > :after"_s;
    if (search.before > 0)
        sql += u" AND m.created_at < :before"_s;
    if (search.beforeSeq > 0)
        sql += u" AND m.seq < :before_seq"_s;
    sql += u" ORDER BY m.seq DESC"_s;
    QSqlQuery query(m_database.handle());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.bindValue(u":match"_s, match);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":session"_s, sessionId);
    if (!search.workspaceId.isEmpty())
        query.bindValue(u":workspace"_s, search.workspaceId);
    if (!search.conversationId.isEmpty())
        query.bindValue(u":conversation"_s, search.conversationId);
    if (!search.authorId.isEmpty())
        query.bindValue(u":author"_s, search.authorId);
    if (search.after > 0)
        query.bindValue(u":after"_s, search.after);
    if (search.before > 0)
        query.bindValue(u":before"_s, search.before);
    if (search.beforeSeq > 0)
        query.bindValue(u":before_seq"_s, search.beforeSeq);
    if (!execOrWarn(query))
        return result;
    while (query.next()) {
        // The index finds candidates; the text decides (a phrase query lets near misses through,
        // such as v2.1 against "v2 1").
        if (!moim::search::matchesAll(query.value(4).toString(), search.terms))
            continue;
        if (result.size() == search.limit) {
            *hasMore = true;
            break;
        }
        QJsonObject message = messageFrom(query, userId);
        message.insert(u"workspace_id"_s, query.value(MessageColumnCount).toString());
        result.append(message);
    }
    return result;
}

qint64 MessageStore::lastSeq() const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT COALESCE(MAX(version), 0) FROM messages"_s);
    return execOrWarn(query) && query.next() ? query.value(0).toLongLong() : 0;
}

bool MessageStore::randomChannelAndMember(QString *conversationId, QString *userId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT c.id, ms.user_id FROM conversations c JOIN memberships ms ON "
                  "ms.workspace_id = c.workspace_id JOIN users u ON u.id = ms.user_id WHERE "
                  "c.kind = 'channel' AND u.deactivated = 0 AND "_s +
                  ConversationStore::memberCondition(u"ms.user_id"_s) +
                  u" ORDER BY RANDOM() LIMIT 1"_s);
    if (!execOrWarn(query) || !query.next())
        return false;
    *conversationId = query.value(0).toString();
    *userId = query.value(1).toString();
    return true;
}

bool MessageStore::advanceReadMark(const QString &userId, const QString &conversationId, qint64 seq)
{
    QSqlQuery before(m_database.handle());
    before.prepare(u"SELECT COALESCE(MAX(last_read_seq), 0) FROM reads WHERE user_id = ? AND "
                   "conversation_id = ?"_s);
    before.addBindValue(userId);
    before.addBindValue(conversationId);
    const qint64 previous = execOrWarn(before) && before.next() ? before.value(0).toLongLong() : 0;
    // Read marks only move forward: an old device catching up must not un-read newer messages.
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT INTO reads (user_id, conversation_id, last_read_seq) VALUES (?, ?, ?) "
                  "ON CONFLICT (user_id, conversation_id) DO UPDATE SET last_read_seq = "
                  "MAX(last_read_seq, excluded.last_read_seq)"_s);
    query.addBindValue(userId);
    query.addBindValue(conversationId);
    query.addBindValue(seq);
    return execOrWarn(query) && seq > previous;
}

MessageStore::ReadMark MessageStore::markRead(const QString &userId, const QString &conversationId,
                                              qint64 seq)
{
    const bool moved = advanceReadMark(userId, conversationId, seq);
    QSqlQuery mark(m_database.handle());
    mark.prepare(u"SELECT r.last_read_seq, (SELECT COUNT(*) FROM messages m WHERE "
                 "m.conversation_id = r.conversation_id AND m.seq > r.last_read_seq AND "
                 "m.author <> r.user_id AND m.deleted = 0) FROM reads r WHERE r.user_id = ? AND "
                 "r.conversation_id = ?"_s);
    mark.addBindValue(userId);
    mark.addBindValue(conversationId);
    if (!execOrWarn(mark) || !mark.next())
        return {seq, 0, moved};
    return {mark.value(0).toLongLong(), mark.value(1).toInt(), moved};
}

QJsonArray MessageStore::readState(const QString &userId, const QString &sessionId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"SELECT c.id, c.workspace_id, COALESCE(r.last_read_seq, 0), "
        "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.seq > "
        "COALESCE(r.last_read_seq, 0) AND m.author <> :user AND m.deleted = 0), COALESCE((SELECT "
        "mute_level FROM conversation_settings s WHERE s.user_id = :user AND "
        "s.conversation_id = c.id), 'inherit') FROM conversations c "
        "LEFT JOIN reads r ON r.conversation_id = c.id AND r.user_id = :user "
        "WHERE c.id IN ("_s +
        VisibleConversations + OpenToSession + u")"_s);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":session"_s, sessionId);
    QJsonArray result;
    if (!execOrWarn(query))
        return result;
    while (query.next()) {
        result.append(QJsonObject{{u"conversation_id"_s, query.value(0).toString()},
                                  {u"workspace_id"_s, query.value(1).toString()},
                                  {u"last_read_seq"_s, query.value(2).toLongLong()},
                                  {u"unread"_s, query.value(3).toInt()},
                                  {u"mute_level"_s, query.value(4).toString()}});
    }
    return result;
}

std::optional<QJsonArray> MessageStore::readMarks(const QString &conversationId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT u.id, u.display_name, COALESCE(r.last_read_seq, 0) FROM conversations "
                  "c JOIN memberships ms ON ms.workspace_id = c.workspace_id JOIN users u ON "
                  "u.id = ms.user_id AND u.deactivated = 0 LEFT JOIN reads r ON r.user_id = u.id "
                  "AND r.conversation_id = c.id WHERE c.id = :conversation AND "_s +
                  ConversationStore::memberCondition(u"ms.user_id"_s) +
                  u" ORDER BY u.display_name, u.id LIMIT :limit"_s);
    query.bindValue(u":conversation"_s, conversationId);
    query.bindValue(u":limit"_s, moim::protocol::limits::MaxReadsMembers + 1);
    QJsonArray members;
    if (!execOrWarn(query))
        return members;
    while (query.next()) {
        if (members.size() == moim::protocol::limits::MaxReadsMembers)
            return std::nullopt;
        members.append(QJsonObject{{u"id"_s, query.value(0).toString()},
                                   {u"display_name"_s, query.value(1).toString()},
                                   {u"last_read_seq"_s, query.value(2).toLongLong()}});
    }
    return members;
}

} // namespace moim::server
