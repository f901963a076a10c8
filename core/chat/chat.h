#pragma once

#include "account/workspace.h"
#include "chat/message.h"
#include "chat/outbox.h"
#include "chat/upload_manager.h"
#include "net/authorized_api.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <optional>

namespace moim {

class LocalCache;
class OutboxStore;

// Where someone's reading stands in a conversation: everything up to lastReadSeq is read.
struct ReadMarkEntry
{
    QString userId;
    QString name;
    qint64 lastReadSeq = 0;
    bool operator==(const ReadMarkEntry &) const = default;
};

// The account's conversations in motion: messages arriving live over the event stream,
// catching up after a gap ("everything changed after version N"), changes to messages (edits,
// deletions, reactions), unread counts per conversation and workspace, read marks (the account's
// own and everyone's), who is typing, history pages, and sending through the outbox.
class Chat : public QObject
{
    Q_OBJECT

public:
    // `outboxStore` keeps what is written here until the server has it; messages an older
    // version left unsent in the cache (or that were rescued from a damaged one) move there.
    Chat(AuthorizedApi *api, LocalCache *cache, OutboxStore *outboxStore, QString myId,
         QString myName, QObject *parent = nullptr);

    Outbox *outbox() { return &m_outbox; }
    // The account's files on their way out, kept in the outbox store beside its messages;
    // pasted data waits in an "outgoing" folder beside that store.
    UploadManager *uploads() { return &m_uploads; }
    QString myId() const { return m_myId; }

    // The message as queued; nothing when it could not be saved (then it is not sent either:
    // the caller keeps the text and says so). A reply names the message it answers, whose quote
    // it shows while it waits. `entities` are the mentions in `body`, bound to members' ids.
    // `attachments` name uploads (UploadManager keys) or files the server has (file ids), at
    // most Attachment::MaxPerMessage: the message goes once every upload is done, and `body`
    // may then be empty.
    std::optional<Message> send(const QString &conversationId, const QString &body,
                                const QString &replyToId = {},
                                const QList<moim::protocol::MessageEntity> &entities = {},
                                const QStringList &attachments = {});
    void retry(const QString &localId) { m_outbox.retry(localId); }
    // Gives up a message that was not sent.
    void discard(const QString &localId) { m_outbox.discard(localId); }
    // Changes to one's own messages. Unsent: the outbox row is edited or discarded, before it
    // goes; on its way: done as soon as the server has it. Sent: asked of the server, and the
    // answer's copy is applied like any other (messageChanged); a refusal is actionFailed.
    // The edited body replaces the old one with its mentions: `entities` are the new body's.
    void edit(const QString &localId, const QString &body,
              const QList<moim::protocol::MessageEntity> &entities = {});
    void remove(const QString &localId);
    // Adds or takes back this account's emoji on a message the server has.
    void react(const QString &localId, const QString &emoji, bool add);

    // The user changed the composer's text: others are told this account is typing, at most
    // once per TypingInterval per conversation. Only for the user's own keystrokes: a draft
    // put back into the composer (on opening a conversation) is not typing, and the caller
    // does not call this for it.
    void noteTyping(const QString &conversationId);
    // Who else is typing in a conversation (display names, in the order they started); each
    // goes TypingTimeout after their last `typing` event.
    QStringList typingNames(const QString &conversationId) const;
    // Drops whoever stopped typing by now. A timer calls it when the next one is due; it is
    // public for a caller whose clock moved (a test's).
    void expireTyping();
    static constexpr qint64 TypingInterval = 3000; // ms
    static constexpr qint64 TypingTimeout = 6000;  // ms
    // Monotonic milliseconds; typing is timed with it.
    using Clock = std::function<qint64()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }

    // Every member's read mark in a conversation, as last fetched and kept live since; empty
    // until fetchReadMarks() answered.
    void fetchReadMarks(const QString &conversationId);
    QList<ReadMarkEntry> readMarks(const QString &conversationId) const;
    // How many members other than the author have not read the message at `seq`; -1 while
    // the conversation's read marks are unknown.
    int unreadBy(const QString &conversationId, qint64 seq, const QString &authorId) const;

    // The conversation on screen: what arrives there counts as read at once.
    void setActiveConversation(const QString &conversationId);
    QString activeConversation() const { return m_active; }
    void markRead(const QString &conversationId);

    int unread(const QString &conversationId) const;
    // The newest message read in the conversation, on any of the account's devices as far as
    // this one knows.
    qint64 lastReadSeq(const QString &conversationId) const;
    // The workspace's badge: what it has unread outside muted conversations.
    int workspaceUnread(const QString &workspaceId) const;
    // The application-wide total (window title, tray): every workspace whose badge counts
    // toward it (a notification setting), all of them unless told otherwise.
    int totalUnread() const;
    void setCountedInTotal(const QString &workspaceId, bool counted);
    // The newest message of a conversation this computer knows (sent or still on its way),
    // for the conversation list; an empty message when none is known.
    Message lastMessage(const QString &conversationId);
    // The same for many conversations at once (those with none are left out).
    QHash<QString, Message> lastMessages(const QStringList &conversationIds);
    // A muted conversation keeps its own count but adds nothing to its workspace's badge or to
    // the total.
    void setMuted(const QString &conversationId, bool muted);
    bool isMuted(const QString &conversationId) const { return m_muted.contains(conversationId); }
    // The workspace of every conversation the account's read state covers (all it may read,
    // once caught up), by conversation id: also those whose lists were never opened here.
    QHash<QString, QString> conversationWorkspaces() const;
    // The account left the conversation: its count goes from every badge.
    void forgetConversation(const QString &conversationId);

    // History: cached pages now (the newest page ends with what is not sent yet), older or fresher
    // pages from the server via historyFetched.
    QList<Message> cachedMessages(const QString &conversationId, qint64 beforeSeq, int limit);
    // What waits to be sent in a conversation (the newest end of its history), in queued order.
    QList<Message> unsentMessages(const QString &conversationId) const;
    // How a page from the server is kept: pages that continue the cache's history back from the
    // newest message are stored; pages of a window elsewhere (around a search result) are not,
    // so the cache never holds islands that a later page read from it would step across.
    enum class Keep
    {
        InCache,
        OnScreenOnly,
    };
    void fetchHistory(const QString &conversationId, qint64 beforeSeq, int limit,
                      Keep keep = Keep::InCache);
    // The page right after `afterSeq` (newerFetched), and a window centred on `seq`
    // (windowFetched), neither kept in the cache.
    void fetchNewer(const QString &conversationId, qint64 afterSeq, int limit);
    void fetchAround(const QString &conversationId, qint64 seq, int limit);

    // Online: catch up on what was missed, then send what waits at once. Offline: the outbox
    // keeps trying on its own.
    void setOnline(bool online);
    // Live messages are written to the cache in batches: one transaction per burst instead of
    // several writes per message keeps the event loop free under a flood. The owner flushes
    // before the cache closes.
    void flush();

    // Handles chat events of the stream; false for events that are not chat's.
    bool handleEvent(const QString &type, const QJsonObject &event);

Q_SIGNALS:
    // A message is new or changed (arrived, caught up, sent, failed).
    void messageChanged(const moim::Message &message);
    void unreadChanged(const QString &conversationId, const QString &workspaceId);
    void totalUnreadChanged(int total);
    // A message of someone else arrived live and is new to this account: what desktop
    // notifications look at. `conversation` says what the server told about where it was
    // posted (kind, and the name for a channel).
    void messageArrived(const moim::Message &message, const moim::Conversation &conversation);
    void historyFetched(const QString &conversationId, const QList<moim::Message> &messages,
                        bool hasMore);
    // A failed request answers with an empty page and hasMore true (newerFetched), or with
    // failed true (windowFetched), so whoever waits stops waiting.
    void newerFetched(const QString &conversationId, const QList<moim::Message> &messages,
                      bool hasMore);
    void windowFetched(const QString &conversationId, qint64 aroundSeq,
                       const QList<moim::Message> &messages, bool hasOlder, bool hasNewer,
                       bool failed);
    // An unsent message was given up; its row goes.
    void messageRemoved(const QString &conversationId, const QString &localId);
    void typingChanged(const QString &conversationId);
    void readMarksChanged(const QString &conversationId);
    // The server refused an edit, deletion or reaction: its wire error code (e.g.
    // "not_editable", "forbidden"), or the client's name for a failure that never reached it.
    void actionFailed(const QString &localId, const QString &error);

private:
    struct ReadInfo
    {
        QString workspaceId;
        int unread = 0;
        qint64 lastReadSeq = 0;
    };

    struct TypingEntry
    {
        QString userId;
        QString name;
        qint64 until = 0; // on m_clock
    };
    // What to do with an unsent message once the server has it: it was changed on its way.
    struct FollowUp
    {
        enum class Kind
        {
            Edit,
            Remove
        } kind;
        QString body;
        QList<moim::protocol::MessageEntity> entities;
    };

    void sync();
    // A changed copy of a message: kept if newer than what is held (Message::supersedes), then
    // shown. `live`: from the event stream, which moves the catch-up position along.
    void applyChange(const Message &message, bool live);
    // A message this device knows, wherever it is kept: unsent, in the cache, or on screen only.
    std::optional<Message> findMessage(const QString &localId);
    // Asks the server to change a message of ours; the answer is the changed message.
    void requestChange(const QString &localId, AuthorizedApi::Method method, const QString &path,
                       const QJsonObject &body);
    // A change made while the message was on its way, once it arrived or was refused.
    void runFollowUp(const Message &answered);
    void receiveTyping(const QJsonObject &event);
    void receiveReadMark(const QString &conversationId, const QString &userId, qint64 seq);
    void scheduleTypingExpiry();
    qint64 now() const { return m_clock(); }
    void receive(const Message &message, const QString &workspaceId, bool live,
                 const Conversation &conversation = {});
    // Unread counts follow one rule on every path: the server's count as of its last answer,
    // plus the messages of others this device holds that came after what that answer counted.
    void applyServerReadState(const QString &conversationId, const QString &workspaceId,
                              qint64 lastReadSeq, int unread, qint64 countedUpTo);
    // Sending moves the author's mark to the new message on the server; the same here.
    void readUpToOwnMessage(const QString &conversationId, qint64 seq);
    void postReadMark(const QString &conversationId, qint64 seq);
    void announceUnread(const QString &conversationId, const QString &workspaceId);
    void announceTotal();
    // The conversation's read state is written at the next flush.
    void persistReadState(const QString &conversationId);
    void scheduleFlush();
    QString messagesPath(const QString &conversationId) const;
    // The path of one message the server has.
    QString messagePath(const Message &message) const;
    // The messages of a history answer, stored if asked; each confirms its outbox row if it was
    // sent from here.
    QList<Message> pageFrom(const QJsonObject &answer, Keep keep);

    AuthorizedApi *m_api;
    LocalCache *m_cache;
    QString m_myId;
    QString m_myName;
    UploadManager m_uploads; // before the outbox, which waits for it
    Outbox m_outbox;
    QHash<QString, ReadInfo> m_read; // by conversation
    QString m_active;
    QSet<QString> m_notCounted; // workspaces left out of the total
    QSet<QString> m_muted;      // conversations left out of every badge
    int m_announcedTotal = 0;
    // The catch-up position: the highest version seen (a new message's version is its seq).
    qint64 m_lastSeq = 0;
    // The highest seq reflected in the unread counts: a live message at or below it was counted
    // already (by the server's answer to a catch-up, or on an earlier arrival) and counts no
    // more. The event stream and the catch-up answer race, and either may come first.
    qint64 m_countedSeq = 0;
    bool m_online = false;
    bool m_syncing = false;
    Backoff m_syncBackoff;
    QTimer m_syncRetryTimer; // a catch-up that failed is tried again while online
    QList<Message> m_unflushed;
    QSet<QString> m_dirtyReadStates;
    QTimer m_flushTimer;
    // Where the catch-up under way started: a message written after it is new and joins the
    // cache; an older one that changed is only updated where the cache holds it. -1: none.
    qint64 m_catchUpFrom = -1;
    // Messages of pages kept on screen only (around a search result), so that they can be
    // replied to, edited and reacted to like cached ones. Bounded: it is let go when full.
    QHash<QString, Message> m_onScreenOnly;
    QHash<QString, FollowUp> m_followUps; // by client id
    Clock m_clock;
    QHash<QString, QList<TypingEntry>> m_typing; // by conversation
    QHash<QString, qint64> m_typingSent;         // by conversation, on m_clock
    QTimer m_typingTimer;
    QHash<QString, QList<ReadMarkEntry>> m_readMarks; // by conversation
};

} // namespace moim
