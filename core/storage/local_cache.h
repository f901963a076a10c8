#pragma once

#include "account/workspace.h"
#include "chat/message.h"
#include "protocol/notification_settings.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace moim {

class SearchIndexBuilder;

// A search of the cached messages: every term must occur (moim::search's rules), within the
// filters given.
struct LocalSearch
{
    QStringList terms;
    QStringList conversationIds; // empty: every conversation
    QString authorId;            // empty: anyone
    qint64 afterTime = 0;        // epoch s, 0: none; created strictly after
    qint64 beforeTime = 0;       // epoch s, 0: none; created strictly before
    qint64 beforeSeq = 0;        // 0: from the newest; else older than this seq (paging)
    int limit = 50;
};

// One account's local cache in SQLite: what the next start paints before the network answers.
// It never holds a secret, so it can be deleted at any time (and is, on a shared computer).
// Nor does it keep what only this computer has: unsent messages and settings live in the
// OutboxStore. Unsent rows an older version kept here are handed over to it once.
// The schema is versioned with PRAGMA user_version and migrated step by step, each step in a
// transaction; a file that is not a healthy database of this schema (damaged, truncated, written
// by a newer Moim, or with other tables than the migrations make) is moved aside and started
// afresh.
class LocalCache
{
public:
    enum class OpenResult
    {
        Opened,
        Recovered,
        Failed
    };

    static constexpr int SchemaVersion = 9;

    LocalCache();
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    OpenResult open(const QString &filePath);
    void close();
    bool isOpen() const;
    QString filePath() const { return m_filePath; }
    // The path a damaged file was moved to by the last open(), if any.
    QString quarantinedPath() const { return m_quarantinedPath; }
    int schemaVersion() const;

    AccountIdentity identity() const;
    bool storeIdentity(const AccountIdentity &identity);

    QList<Workspace> workspaces() const;
    bool storeWorkspaces(const QList<Workspace> &workspaces);

    QList<Conversation> conversations(const QString &workspaceId) const;
    bool storeConversations(const QString &workspaceId, const QList<Conversation> &conversations);

    // Messages: stored or updated by local id, which is the server's id for every message the
    // server has. One that carries a client id (the account's own: Message::fromJson keeps no
    // one else's) takes the place of the unsent row written here under that client id, if
    // that row is by the same author in the same conversation. A copy with a version no higher
    // than the stored one's changes nothing (Message::supersedes). An edited or deleted message
    // brings the quotes of the stored replies to it up to date.
    bool storeMessage(const Message &message);
    bool storeMessages(const QList<Message> &messages);
    // Newer copies of messages held here; one not held is not added: the cache keeps one
    // unbroken run of each conversation back from its newest message, and an old message that
    // changed would be an island in it.
    bool updateMessages(const QList<Message> &messages);
    // The message stored under `localId`, if any.
    std::optional<Message> message(const QString &localId) const;
    // Up to `limit` messages of a conversation before `beforeSeq` (0: newest), oldest first;
    // pending messages (seq 0) come last, in queued order.
    QList<Message> messages(const QString &conversationId, qint64 beforeSeq, int limit) const;
    // The newest message the server has of each conversation that has any, by conversation id.
    QHash<QString, Message> newestMessages(const QStringList &conversationIds) const;
    // Pending messages of every conversation, oldest first.
    QList<Message> pendingMessages() const;
    // Unsent rows (pending or refused) of every conversation, oldest first, and their removal
    // once the outbox has them.
    QList<Message> unsentMessages() const;
    bool removeUnsentMessages();
    // Unsent rows read from a damaged file before open() moved it aside.
    QList<Message> rescuedMessages() const { return m_rescued; }

    // How many stored messages of a conversation, written by anyone but `authorId`, come after
    // `afterSeq`: the unread messages this device knows beyond what the server last counted.
    int countByOthersAfter(const QString &conversationId, qint64 afterSeq,
                           const QString &authorId) const;

    // Messages the server has (never unsent ones) that match the search, newest first. While the
    // index is being built, what it holds so far.
    QList<Message> searchMessages(const LocalSearch &search) const;
    // Whether the index covers every cached message: false while it is (re)built in the
    // background after an upgrade or damage.
    bool isSearchIndexComplete() const;

    // Where the catch-up goes on from: the highest message version seen (the server's counter,
    // which a new message's seq and every change's version come from).
    qint64 lastSeq() const;
    bool setLastSeq(qint64 seq);

    struct ReadState
    {
        QString conversationId;
        QString workspaceId;
        int unread = 0;
        qint64 lastReadSeq = 0;
    };
    QList<ReadState> readStates() const;
    bool storeReadStates(const QList<ReadState> &states);
    // What live traffic and catch-up leave to write, in one transaction: messages, the event
    // stream's position (lastSeq < 0 leaves it) and read states.
    bool storeBatch(const QList<Message> &messages, qint64 lastSeq,
                    const QList<ReadState> &readStates);

    struct CachedNotificationSettings
    {
        QString workspaceId;
        NotificationSettings settings;
        bool pending = false; // changed here, not yet accepted by the server
    };
    QList<CachedNotificationSettings> notificationSettings() const;
    bool storeNotificationSettings(const QString &workspaceId, const NotificationSettings &settings,
                                   bool pending);

    // Deletes the database with its WAL and shared-memory files.
    static bool removeFiles(const QString &filePath);

private:
    static QList<Message> readUnsent(const QString &filePath);
    bool openDatabase();
    // Whether the file reads whole (see open() for when it is read page by page).
    bool isHealthy(bool closedCleanly);
    static QString inUseMarkPath(const QString &filePath);
    void markInUse() const;
    bool migrate();
    bool hasExpectedSchema();
    bool writeReadStates(const QList<ReadState> &states); // inside a transaction
    bool refreshQuotesOf(const Message &original);
    bool ensureSearchIndex();
    bool resetSearchIndex() const;
    void startSearchIndexing() const;
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

    QString m_connectionName;
    QString m_filePath;
    QString m_quarantinedPath;
    QList<Message> m_rescued;
    QSqlDatabase m_db;
    // storeMessage()'s statement, prepared once per connection: a live stream stores every
    // message alone, and parsing the statement anew each time was a fifth of the work.
    std::unique_ptr<QSqlQuery> m_storeMessageQuery;
    // Searching is const, but a query that finds the index damaged starts its rebuild.
    mutable std::unique_ptr<SearchIndexBuilder> m_indexBuilder;
};

} // namespace moim
