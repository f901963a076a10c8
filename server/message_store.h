#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <protocol/message_entities.h>

namespace moim::server {

class Clock;
class Database;

// Messages and read state. Every message gets the next number of one global sequence as its seq
// and its version, and every later change of it (an edit, a delete, a reaction) the next number
// as its new version, so a client that was away asks for "everything after N" and misses neither
// a message nor a change. A client-chosen id
// per author and conversation makes sending idempotent: a retried send returns the message
// already stored. That id is the author's own: only the author is ever shown it, so no one else
// can post under it or mistake another's message for their own.
class MessageStore
{
public:
    static constexpr int MaxBodyLength = 10000;
    static constexpr int MaxPage = 200;

    MessageStore(Database &database, const Clock &clock);

    // Whether the user may read and write the conversation (an active member of its workspace,
    // and a participant if it is a direct conversation).
    bool canAccess(const QString &userId, const QString &conversationId) const;
    bool conversationExists(const QString &conversationId) const;
    bool isPrivate(const QString &conversationId) const;
    QString workspaceOf(const QString &conversationId) const;
    // "channel" or "direct", and a channel's name (a direct conversation is named per viewer,
    // so not here).
    struct Kind
    {
        QString kind;
        QString channelName;
    };
    Kind kindOf(const QString &conversationId) const;
    // Everyone who sees the conversation, for pushing events.
    QStringList audience(const QString &conversationId) const;

    // A message as `viewerId` may see it: without its client id unless the viewer wrote it.
    static QJsonObject asSeenBy(const QJsonObject &message, const QString &viewerId);

    // Stores a message, or finds the one the same author stored earlier in the same
    // conversation under the same client id. The answer is as the author sees it.
    // `replyToId` (may be empty) must be a message canReplyTo() accepts, `entities` are checked
    // against the body already (ChatAccess::admitEntities), and `attachments` are files
    // FileStore::canAttach() accepts.
    std::optional<QJsonObject> post(const QString &userId, const QString &conversationId,
                                    const QString &clientId, const QString &body,
                                    const QString &replyToId,
                                    const QList<moim::protocol::MessageEntity> &entities,
                                    const QStringList &attachments, bool *duplicate);
    // Whether the author already stored a message in the conversation under this client id.
    bool isRepeat(const QString &userId, const QString &conversationId,
                  const QString &clientId) const;
    // Whether a new message may quote this one: a message of the conversation, not deleted.
    bool canReplyTo(const QString &conversationId, const QString &messageId) const;

    // Why a change of a message was refused.
    enum class Refusal
    {
        None,
        NotFound,  // no such message in the conversation
        NotAuthor, // only the author edits or deletes
        Deleted,   // a deleted message takes no edit or reaction
        TooManyReactions,
        Failed, // the database failed
    };
    struct Change
    {
        Refusal refusal = Refusal::None;
        // Whether the message took a new version; a change that changes nothing (the same
        // body, a reaction already there, a second delete) answers the message as it is.
        bool isNewVersion = false;
        QJsonObject message; // as the user who asked sees it
    };
    // The body and its entities together: the same body with other entities is a change too.
    Change edit(const QString &userId, const QString &conversationId, const QString &messageId,
                const QString &body, const QList<moim::protocol::MessageEntity> &entities);
    // Leaves a tombstone: the body is erased, the quote, the reactions and the files go.
    Change remove(const QString &userId, const QString &conversationId, const QString &messageId);
    Change react(const QString &userId, const QString &conversationId, const QString &messageId,
                 const QString &emoji, bool add);

    // Up to `limit` messages before `beforeSeq` (0: the newest), oldest first, as the viewer
    // sees them.
    QJsonArray page(const QString &viewerId, const QString &conversationId, qint64 beforeSeq,
                    int limit, bool *hasMore) const;
    // Up to `limit` messages after `afterSeq`, oldest first; hasMore says newer ones exist.
    QJsonArray pageAfter(const QString &viewerId, const QString &conversationId, qint64 afterSeq,
                         int limit, bool *hasMore) const;
    // A window centred on `seq` (which need not be a message of this conversation: sequence
    // numbers are global): up to limit/2 messages before it, then the rest from `seq` on, oldest
    // first.
    QJsonArray pageAround(const QString &viewerId, const QString &conversationId, qint64 seq,
                          int limit, bool *hasOlder, bool *hasNewer) const;
    // The user's messages whose version is after `afterSeq`, in version order, at most `limit`,
    // as the user sees them,
    // leaving out the workspaces closed to the session sessionId
    // (AccountStore::lockedWorkspacesQuery).
    QJsonArray since(const QString &userId, const QString &sessionId, qint64 afterSeq, int limit,
                     bool *hasMore) const;
    // The sequence's current value: the newest message's seq or the newest change's version.
    qint64 lastSeq() const;

    // What a search asks for: every term must occur (moim::search rules); the other fields
    // narrow it when set.
    struct Search
    {
        QStringList terms;
        QString workspaceId;
        QString conversationId;
        QString authorId;
        qint64 after = 0;     // created_at strictly after (epoch s), 0: none
        qint64 before = 0;    // created_at strictly before, 0: none
        qint64 beforeSeq = 0; // paging: seq strictly below, 0: none
        int limit = 20;
    };
    // The matching messages of conversations the user may read in workspaces open to the session,
    // newest first, each with its workspace_id, as the user sees them.
    QJsonArray search(const QString &userId, const QString &sessionId, const Search &search,
                      bool *hasMore) const;

    // A channel and an active member of its workspace, at random (for demo chatter).
    bool randomChannelAndMember(QString *conversationId, QString *userId) const;

    struct ReadMark
    {
        qint64 lastReadSeq = 0;
        int unread = 0;     // messages of others after the mark, not counting deleted ones
        bool moved = false; // whether this call moved it
    };
    // Moves the user's mark forward to `seq` (never back) and answers where it now stands.
    ReadMark markRead(const QString &userId, const QString &conversationId, qint64 seq);
    // {conversation_id, workspace_id, unread, last_read_seq, mute_level} for every conversation
    // the user sees
    // in a workspace open to the session sessionId.
    QJsonArray readState(const QString &userId, const QString &sessionId) const;
    // {id, display_name, last_read_seq} of everyone who sees the conversation; nullopt when they
    // are more than limits::MaxReadsMembers.
    std::optional<QJsonArray> readMarks(const QString &conversationId) const;

private:
    // Whether the mark moved.
    bool advanceReadMark(const QString &userId, const QString &conversationId, qint64 seq);
    struct Stored
    {
        QString author;
        QString body;
        bool deleted = false;
        QString entities; // as stored: the wire's JSON array, or empty
    };
    std::optional<Stored> stored(const QString &conversationId, const QString &messageId) const;
    Change changed(const QString &messageId, const QString &viewerId, bool isNewVersion) const;
    QJsonObject messageJson(const QString &id, const QString &viewerId) const;
    // Up to `limit` + 1 messages of a conversation on one side of `seq` (exclusive when
    // `older`, inclusive otherwise), nearest first.
    QList<QJsonObject> nearest(const QString &viewerId, const QString &conversationId, qint64 seq,
                               bool older, int limit) const;

    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
