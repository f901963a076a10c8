#include "chat.h"

#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrl>
#include <QUrlQuery>
#include <limits>

Q_LOGGING_CATEGORY(lcChat, "moim.core.chat")

namespace moim {

using namespace Qt::StringLiterals;
namespace wire = protocol;

Chat::Chat(AuthorizedApi *api, LocalCache *cache, OutboxStore *outboxStore, QString myId,
           QString myName, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
    , m_myId(std::move(myId))
    , m_myName(std::move(myName))
    , m_uploads(api, outboxStore,
                outboxStore && !outboxStore->filePath().isEmpty()
                    ? QFileInfo(outboxStore->filePath()).absolutePath() + u"/outgoing"_s
                    : QString())
    , m_outbox(api, outboxStore, m_myId, m_myName, &m_uploads)
    , m_clock([] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    })
{
    m_lastSeq = m_cache->isOpen() ? m_cache->lastSeq() : 0;
    if (m_cache->isOpen()) {
        for (const LocalCache::ReadState &state : m_cache->readStates())
            m_read.insert(state.conversationId,
                          {state.workspaceId, state.unread, state.lastReadSeq});
    }
    m_countedSeq = m_lastSeq;
    m_announcedTotal = totalUnread();
    connect(&m_outbox, &Outbox::messageChanged, this, [this](const Message &message) {
        if (message.state == Message::State::Sent) {
            // Sent: from now on it is history like any other message, kept by the cache.
            m_unflushed.append(message);
            scheduleFlush();
            if (m_read.contains(message.conversationId))
                readUpToOwnMessage(message.conversationId, message.seq);
        }
        Q_EMIT messageChanged(message);
        if (message.state != Message::State::Pending)
            runFollowUp(message);
    });
    connect(&m_outbox, &Outbox::messageDiscarded, this, &Chat::messageRemoved);
    // Unsent rows an older version kept in the cache, and rows rescued from a damaged cache,
    // move to the outbox; the cache lets go of them only once the outbox has them written down.
    if (m_cache->isOpen() || !m_cache->rescuedMessages().isEmpty()) {
        const QList<Message> left = m_cache->rescuedMessages() + m_cache->unsentMessages();
        if (!left.isEmpty()) {
            m_outbox.adopt(left);
            if (m_outbox.canStore())
                m_cache->removeUnsentMessages();
        }
    }
    m_syncRetryTimer.setSingleShot(true);
    connect(&m_syncRetryTimer, &QTimer::timeout, this, &Chat::sync);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &Chat::flush);
    m_typingTimer.setSingleShot(true);
    connect(&m_typingTimer, &QTimer::timeout, this, &Chat::expireTyping);
}

void Chat::scheduleFlush()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void Chat::flush()
{
    m_flushTimer.stop();
    if (!m_cache->isOpen()) {
        m_unflushed.clear();
        return;
    }
    // Only the conversations whose marks moved, and everything in one transaction: live traffic
    // into the open conversation flushes at every message, and each flush costs one commit.
    QList<LocalCache::ReadState> states;
    for (const QString &id : std::as_const(m_dirtyReadStates)) {
        if (const auto it = m_read.constFind(id); it != m_read.cend())
            states.append({id, it->workspaceId, it->unread, it->lastReadSeq});
    }
    m_dirtyReadStates.clear();
    m_cache->storeBatch(m_unflushed, m_unflushed.isEmpty() ? -1 : m_lastSeq, states);
    m_unflushed.clear();
}

QString Chat::messagesPath(const QString &conversationId) const
{
    return QString(wire::path::ConversationsBase) +
           QString::fromLatin1(QUrl::toPercentEncoding(conversationId));
}

QString Chat::messagePath(const Message &message) const
{
    return messagesPath(message.conversationId) + wire::path::MessagesSuffix + u'/' +
           QString::fromLatin1(QUrl::toPercentEncoding(message.id));
}

std::optional<Message> Chat::send(const QString &conversationId, const QString &body,
                                  const QString &replyToId,
                                  const QList<moim::protocol::MessageEntity> &entities,
                                  const QStringList &attachments)
{
    QList<Attachment> files;
    for (const QString &name : attachments) {
        if (const std::optional<Upload> upload = m_uploads.find(name)) {
            files.append(upload->attachment());
            files.last().uploadKey = upload->key;
        } else {
            // A file the server has: the server's copy of the message describes it.
            Attachment file;
            file.fileId = name;
            file.name = name;
            files.append(file);
        }
    }
    std::optional<ReplyQuote> quote;
    if (!replyToId.isEmpty()) {
        // What the reply shows until the server's copy brings the quote as it works it out.
        quote = ReplyQuote{};
        quote->id = replyToId;
        if (const std::optional<Message> original = findMessage(replyToId)) {
            quote->seq = original->seq;
            quote->authorId = original->authorId;
            quote->authorName = original->authorName;
            quote->deleted = original->deleted;
            quote->snippet = original->deleted ? QString() : ReplyQuote::snippetOf(original->body);
        }
    }
    return m_outbox.queue(conversationId, body, quote, entities, files);
}

std::optional<Message> Chat::findMessage(const QString &localId)
{
    if (localId.isEmpty())
        return std::nullopt;
    if (std::optional<Message> unsent = m_outbox.find(localId))
        return unsent;
    flush();
    if (m_cache->isOpen()) {
        if (std::optional<Message> cached = m_cache->message(localId))
            return cached;
    }
    const auto onScreen = m_onScreenOnly.constFind(localId);
    if (onScreen != m_onScreenOnly.cend())
        return *onScreen;
    return std::nullopt;
}

void Chat::edit(const QString &localId, const QString &body,
                const QList<moim::protocol::MessageEntity> &entities)
{
    if (m_outbox.isOnItsWay(localId)) {
        m_followUps.insert(localId, {FollowUp::Kind::Edit, body, entities});
        return;
    }
    if (m_outbox.edit(localId, body, entities))
        return;
    const std::optional<Message> message = findMessage(localId);
    if (!message || message->id.isEmpty() || message->authorId != m_myId) {
        Q_EMIT actionFailed(localId, QString(wire::error::NotFound));
        return;
    }
    requestChange(
        localId, AuthorizedApi::Method::Patch, messagePath(*message),
        {{u"body"_s, body}, {u"entities"_s, moim::protocol::messageEntitiesToJson(entities)}});
}

void Chat::remove(const QString &localId)
{
    if (m_outbox.isOnItsWay(localId)) {
        m_followUps.insert(localId, {FollowUp::Kind::Remove, {}, {}});
        return;
    }
    if (m_outbox.discard(localId))
        return;
    const std::optional<Message> message = findMessage(localId);
    if (!message || message->id.isEmpty() || message->authorId != m_myId) {
        Q_EMIT actionFailed(localId, QString(wire::error::NotFound));
        return;
    }
    requestChange(localId, AuthorizedApi::Method::Delete, messagePath(*message), {});
}

void Chat::react(const QString &localId, const QString &emoji, bool add)
{
    const std::optional<Message> message = findMessage(localId);
    if (!message || message->id.isEmpty()) {
        Q_EMIT actionFailed(localId, QString(wire::error::NotFound));
        return;
    }
    requestChange(localId, AuthorizedApi::Method::Post,
                  messagePath(*message) + wire::path::ReactionsSuffix,
                  {{u"emoji"_s, emoji}, {u"add"_s, add}});
}

void Chat::requestChange(const QString &localId, AuthorizedApi::Method method, const QString &path,
                         const QJsonObject &body)
{
    m_api->call(method, path, body, this, [this, localId](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcChat) << "change refused:" << errorName(result.error.code)
                           << result.error.serverCode;
            Q_EMIT actionFailed(localId, result.error.serverCode.isEmpty()
                                             ? errorName(result.error.code)
                                             : result.error.serverCode);
            return;
        }
        const Message changed =
            Message::fromJson(result.body.value("message"_L1).toObject(), m_myId);
        if (changed.id.isEmpty() || changed.conversationId.isEmpty()) {
            Q_EMIT actionFailed(localId, errorName(ApiError::Code::InvalidResponse));
            return;
        }
        // Not from the stream: the catch-up position stays where the stream has brought it, so
        // a change that happened before this one and is still on its way is not skipped.
        applyChange(changed, false);
    });
}

void Chat::runFollowUp(const Message &answered)
{
    const auto found = m_followUps.constFind(answered.clientId);
    if (found == m_followUps.cend())
        return;
    const FollowUp followUp = *found;
    m_followUps.erase(found);
    // Sent, it lives under its server id from now on; refused, it is back in the outbox.
    if (followUp.kind == FollowUp::Kind::Edit)
        edit(answered.localId, followUp.body, followUp.entities);
    else
        remove(answered.localId);
}

void Chat::applyChange(const Message &message, bool live)
{
    if (message.id.isEmpty() || message.conversationId.isEmpty())
        return;
    flush(); // the copy held may still be on its way to the cache
    std::optional<Message> held = m_cache->isOpen() ? m_cache->message(message.id) : std::nullopt;
    const auto onScreen = m_onScreenOnly.find(message.id);
    if (!held && onScreen != m_onScreenOnly.end())
        held = *onScreen;
    if (live) {
        m_lastSeq = std::max(m_lastSeq, message.version);
        if (m_cache->isOpen())
            m_cache->setLastSeq(m_lastSeq);
    }
    if (held && !message.supersedes(*held))
        return; // an older copy than the one kept: out of order, or a repeat
    if (m_cache->isOpen())
        m_cache->updateMessages({message});
    if (onScreen != m_onScreenOnly.end())
        *onScreen = message;
    Q_EMIT messageChanged(message);
}

void Chat::setOnline(bool online)
{
    m_online = online;
    if (online) {
        m_syncBackoff.reset();
        sync(); // the outbox is nudged after the catch-up, so order on screen stays true
    } else {
        m_syncRetryTimer.stop();
        m_outbox.setOnline(false);
    }
    m_uploads.setOnline(online);
}

void Chat::sync()
{
    if (m_syncing || !m_online)
        return;
    m_syncing = true;
    if (m_catchUpFrom < 0)
        m_catchUpFrom = m_lastSeq;
    // A first sign-in has nothing to catch up on: it takes the read state and the current
    // sequence number, and each conversation loads its history when it is opened.
    const qint64 after = m_lastSeq > 0 ? m_lastSeq : std::numeric_limits<qint64>::max() / 2;
    const QString path = QString(wire::path::Sync) + u"?after_seq="_s + QString::number(after);
    m_api->get(path, this, [this](const ApiResult &result) {
        m_syncing = false;
        if (!result.ok()) {
            qCInfo(lcChat) << "catch-up failed:" << errorName(result.error.code);
            if (m_online)
                m_syncRetryTimer.start(
                    std::max(m_syncBackoff.nextDelay(), result.error.retryAfter()));
            return;
        }
        m_syncBackoff.reset();
        QList<Message> batch;
        for (const QJsonValue &value : result.body.value("messages"_L1).toArray()) {
            const Message message = Message::fromJson(value.toObject(), m_myId);
            if (!message.id.isEmpty())
                batch.append(message);
        }
        flush(); // live messages that came meanwhile are counted from the cache below
        // The page is ordered by version, which is no longer the order messages were written
        // in: what was written since the catch-up began is stored, what is older only updates
        // the copy the cache holds.
        QList<Message> written;
        QList<Message> changed;
        for (const Message &message : std::as_const(batch))
            (message.seq > m_catchUpFrom ? written : changed).append(message);
        m_cache->storeMessages(written);
        m_cache->updateMessages(changed);
        for (const Message &message : batch) {
            m_outbox.confirm(message); // ours, sent before a crash took the answer
            m_lastSeq = std::max(m_lastSeq, message.version);
            Q_EMIT messageChanged(message);
        }
        // The server's read state is the truth after a gap (other devices may have read). Its
        // counts include every message up to its last_seq, also those on later pages.
        const qint64 serverLastSeq = result.body.value("last_seq"_L1).toInteger();
        for (const QJsonValue &value : result.body.value("read_state"_L1).toArray()) {
            const QJsonObject state = value.toObject();
            const QString id = state.value("conversation_id"_L1).toString();
            // The level travels with the counts, so every workspace's badge leaves its muted
            // conversations out before its list was ever loaded.
            if (state.value("mute_level"_L1).toString() == "nothing"_L1)
                m_muted.insert(id);
            else if (state.contains("mute_level"_L1))
                m_muted.remove(id);
            applyServerReadState(id, state.value("workspace_id"_L1).toString(),
                                 state.value("last_read_seq"_L1).toInteger(),
                                 state.value("unread"_L1).toInt(), serverLastSeq);
        }
        m_countedSeq = std::max(m_countedSeq, serverLastSeq);
        if (result.body.value("has_more"_L1).toBool()) {
            // Go on from the last message of this page (the highest version), not from the
            // server's last_seq: the pages between are still to come.
            if (m_cache->isOpen())
                m_cache->setLastSeq(m_lastSeq);
            sync();
            return;
        }
        m_lastSeq = std::max(m_lastSeq, serverLastSeq);
        m_catchUpFrom = -1;
        if (m_cache->isOpen())
            m_cache->setLastSeq(m_lastSeq);
        m_outbox.setOnline(m_online);
    });
}

bool Chat::handleEvent(const QString &type, const QJsonObject &event)
{
    if (type == wire::event::MessageCreated) {
        const Message message = Message::fromJson(event.value("message"_L1).toObject(), m_myId);
        Conversation conversation;
        conversation.id = message.conversationId;
        conversation.workspaceId = event.value("workspace_id"_L1).toString();
        conversation.kind = event.value("conversation_kind"_L1).toString() == "direct"_L1
                                ? Conversation::Kind::Direct
                                : Conversation::Kind::Channel;
        conversation.name = event.value("conversation_name"_L1).toString();
        receive(message, conversation.workspaceId, true, conversation);
        return true;
    }
    if (type == wire::event::MessageUpdated) {
        applyChange(Message::fromJson(event.value("message"_L1).toObject(), m_myId), true);
        return true;
    }
    if (type == wire::event::Typing) {
        receiveTyping(event);
        return true;
    }
    if (type == wire::event::ReadMarkMoved) {
        receiveReadMark(event.value("conversation_id"_L1).toString(),
                        event.value("user_id"_L1).toString(), event.value("seq"_L1).toInteger());
        return true;
    }
    if (type == wire::event::ReadUpdated) {
        const QString id = event.value("conversation_id"_L1).toString();
        const qint64 seq = event.value("seq"_L1).toInteger();
        receiveReadMark(id, m_myId, seq);
        if (seq < m_read.value(id).lastReadSeq)
            return true; // an older mark: this device has read further
        flush();
        if (event.contains("unread"_L1)) {
            applyServerReadState(id, QString(), seq, event.value("unread"_L1).toInt(),
                                 event.value("last_seq"_L1).toInteger());
        } else {
            // A server that does not say what is left: what this device holds after the mark.
            ReadInfo &info = m_read[id];
            info.lastReadSeq = seq;
            info.unread = m_cache->countByOthersAfter(id, seq, m_myId);
            persistReadState(id);
            announceUnread(id, info.workspaceId);
        }
        return true;
    }
    return false;
}

void Chat::receive(const Message &message, const QString &workspaceId, bool live,
                   const Conversation &conversation)
{
    if (message.id.isEmpty() || message.conversationId.isEmpty())
        return;
    // New to this account: someone else's, past what was read (an echo or a repeat is not).
    const bool isNew = message.authorId != m_myId &&
                       message.seq > m_read.value(message.conversationId).lastReadSeq;
    const bool counted = message.seq <= m_countedSeq;
    m_countedSeq = std::max(m_countedSeq, message.seq);
    Message stored = message;
    // Our own message from another device, or the echo of one sent here: one row either way.
    stored.state = Message::State::Sent;
    m_outbox.confirm(stored);
    m_unflushed.append(stored);
    m_lastSeq = std::max(m_lastSeq, message.version);
    scheduleFlush();
    Q_EMIT messageChanged(stored);

    ReadInfo &info = m_read[message.conversationId];
    if (!workspaceId.isEmpty())
        info.workspaceId = workspaceId;
    if (message.authorId == m_myId) {
        readUpToOwnMessage(message.conversationId, message.seq);
        return;
    }
    if (live) {
        // What they were typing has arrived.
        auto typing = m_typing.find(message.conversationId);
        if (typing != m_typing.end() && typing->removeIf([&](const TypingEntry &entry) {
                return entry.userId == message.authorId;
            }) > 0)
            Q_EMIT typingChanged(message.conversationId);
    }
    if (live && isNew)
        Q_EMIT messageArrived(stored, conversation);
    if (live && message.conversationId == m_active) {
        markRead(message.conversationId);
        return;
    }
    if (message.seq > info.lastReadSeq && !counted) {
        ++info.unread;
        persistReadState(message.conversationId);
        announceUnread(message.conversationId, info.workspaceId);
    }
}

void Chat::setActiveConversation(const QString &conversationId)
{
    m_active = conversationId;
    if (!conversationId.isEmpty())
        markRead(conversationId);
}

void Chat::markRead(const QString &conversationId)
{
    flush(); // the newest message may still be on its way to the cache
    ReadInfo &info = m_read[conversationId];
    const QList<Message> newest = m_cache->messages(conversationId, 0, 1);
    qint64 seq = info.lastReadSeq;
    for (const Message &message : newest)
        seq = std::max(seq, message.seq);
    const bool hadUnread = info.unread > 0;
    info.unread = 0;
    if (seq > info.lastReadSeq || hadUnread) {
        info.lastReadSeq = seq;
        receiveReadMark(conversationId, m_myId, seq);
        persistReadState(conversationId);
        // Offline, or should this call fail: the next catch-up finds the server's mark behind
        // this one and sends it again.
        postReadMark(conversationId, seq);
    }
    if (hadUnread)
        announceUnread(conversationId, info.workspaceId);
}

void Chat::postReadMark(const QString &conversationId, qint64 seq)
{
    if (m_online && seq > 0) {
        m_api->post(messagesPath(conversationId) + wire::path::ReadSuffix, {{u"seq"_s, seq}}, this,
                    [](const ApiResult &) {});
    }
}

void Chat::applyServerReadState(const QString &conversationId, const QString &workspaceId,
                                qint64 lastReadSeq, int unread, qint64 countedUpTo)
{
    ReadInfo &info = m_read[conversationId];
    if (!workspaceId.isEmpty())
        info.workspaceId = workspaceId;
    const int before = info.unread;
    if (conversationId == m_active) {
        // On screen: read up to the newest message held here, whatever the server had heard.
        qint64 seq = std::max(info.lastReadSeq, lastReadSeq);
        for (const Message &message : m_cache->messages(conversationId, 0, 1))
            seq = std::max(seq, message.seq);
        info.lastReadSeq = seq;
        info.unread = 0;
        if (seq > lastReadSeq)
            postReadMark(conversationId, seq);
    } else if (lastReadSeq >= info.lastReadSeq) {
        info.lastReadSeq = lastReadSeq;
        info.unread = unread + m_cache->countByOthersAfter(
                                   conversationId, std::max(countedUpTo, lastReadSeq), m_myId);
    } else {
        // Read further here than the server has heard (marked offline, or the mark is still on
        // its way): this device's mark stands, and the server is told again.
        info.unread = m_cache->countByOthersAfter(conversationId, info.lastReadSeq, m_myId);
        postReadMark(conversationId, info.lastReadSeq);
    }
    persistReadState(conversationId);
    if (info.unread != before)
        announceUnread(conversationId, info.workspaceId);
}

void Chat::readUpToOwnMessage(const QString &conversationId, qint64 seq)
{
    ReadInfo &info = m_read[conversationId];
    if (seq <= info.lastReadSeq)
        return;
    info.lastReadSeq = seq;
    receiveReadMark(conversationId, m_myId, seq);
    flush();
    const int unread = m_cache->countByOthersAfter(conversationId, seq, m_myId);
    persistReadState(conversationId);
    if (unread != info.unread) {
        info.unread = unread;
        announceUnread(conversationId, info.workspaceId);
    }
}

int Chat::unread(const QString &conversationId) const
{
    return m_read.value(conversationId).unread;
}

qint64 Chat::lastReadSeq(const QString &conversationId) const
{
    return m_read.value(conversationId).lastReadSeq;
}

int Chat::workspaceUnread(const QString &workspaceId) const
{
    int total = 0;
    for (auto it = m_read.cbegin(); it != m_read.cend(); ++it) {
        if (it->workspaceId == workspaceId && !m_muted.contains(it.key()))
            total += it->unread;
    }
    return total;
}

int Chat::totalUnread() const
{
    int total = 0;
    for (auto it = m_read.cbegin(); it != m_read.cend(); ++it) {
        if (!m_notCounted.contains(it->workspaceId) && !m_muted.contains(it.key()))
            total += it->unread;
    }
    return total;
}

void Chat::setMuted(const QString &conversationId, bool muted)
{
    const bool changed = muted ? !m_muted.contains(conversationId) : m_muted.remove(conversationId);
    if (!changed)
        return;
    if (muted)
        m_muted.insert(conversationId);
    announceUnread(conversationId, m_read.value(conversationId).workspaceId);
}

void Chat::forgetConversation(const QString &conversationId)
{
    m_muted.remove(conversationId);
    const auto found = m_read.constFind(conversationId);
    if (found == m_read.cend())
        return;
    const QString workspaceId = found->workspaceId;
    m_read.erase(found);
    if (m_active == conversationId)
        m_active.clear();
    persistReadState(conversationId);
    announceUnread(conversationId, workspaceId);
}

void Chat::setCountedInTotal(const QString &workspaceId, bool counted)
{
    if (counted)
        m_notCounted.remove(workspaceId);
    else
        m_notCounted.insert(workspaceId);
    announceTotal();
}

Message Chat::lastMessage(const QString &conversationId)
{
    const QList<Message> unsent = m_outbox.unsent(conversationId);
    if (!unsent.isEmpty())
        return unsent.last();
    for (auto it = m_unflushed.crbegin(); it != m_unflushed.crend(); ++it) {
        if (it->conversationId == conversationId)
            return *it;
    }
    if (!m_cache->isOpen())
        return {};
    const QList<Message> newest = m_cache->messages(conversationId, 0, 1);
    return newest.isEmpty() ? Message() : newest.first();
}

QHash<QString, Message> Chat::lastMessages(const QStringList &conversationIds)
{
    flush(); // what arrived in the last moments is in the cache too
    QHash<QString, Message> newest =
        m_cache->isOpen() ? m_cache->newestMessages(conversationIds) : QHash<QString, Message>();
    for (const QString &id : conversationIds) {
        const QList<Message> unsent = m_outbox.unsent(id);
        if (!unsent.isEmpty())
            newest.insert(id, unsent.last());
    }
    return newest;
}

void Chat::announceUnread(const QString &conversationId, const QString &workspaceId)
{
    Q_EMIT unreadChanged(conversationId, workspaceId);
    announceTotal();
}

void Chat::announceTotal()
{
    const int total = totalUnread();
    if (total != m_announcedTotal) {
        m_announcedTotal = total;
        Q_EMIT totalUnreadChanged(total);
    }
}

void Chat::persistReadState(const QString &conversationId)
{
    m_dirtyReadStates.insert(conversationId);
    scheduleFlush();
}

QHash<QString, QString> Chat::conversationWorkspaces() const
{
    QHash<QString, QString> workspaces;
    for (auto it = m_read.cbegin(); it != m_read.cend(); ++it) {
        if (!it->workspaceId.isEmpty())
            workspaces.insert(it.key(), it->workspaceId);
    }
    return workspaces;
}

QList<Message> Chat::cachedMessages(const QString &conversationId, qint64 beforeSeq, int limit)
{
    flush();
    QList<Message> page =
        m_cache->isOpen() ? m_cache->messages(conversationId, beforeSeq, limit) : QList<Message>();
    if (beforeSeq <= 0)
        page += m_outbox.unsent(conversationId);
    return page;
}

QList<Message> Chat::unsentMessages(const QString &conversationId) const
{
    return m_outbox.unsent(conversationId);
}

QList<Message> Chat::pageFrom(const QJsonObject &answer, Keep keep)
{
    QList<Message> page;
    for (const QJsonValue &value : answer.value("messages"_L1).toArray())
        page.append(Message::fromJson(value.toObject(), m_myId));
    if (keep == Keep::InCache) {
        m_cache->storeMessages(page);
    } else {
        // Bounded by a few windows' worth; a window opened again brings its messages back.
        if (m_onScreenOnly.size() + page.size() > 2000)
            m_onScreenOnly.clear();
        for (const Message &message : std::as_const(page))
            m_onScreenOnly.insert(message.localId, message);
    }
    for (const Message &message : std::as_const(page))
        m_outbox.confirm(message);
    return page;
}

void Chat::fetchHistory(const QString &conversationId, qint64 beforeSeq, int limit, Keep keep)
{
    QString path = messagesPath(conversationId) + wire::path::MessagesSuffix + u"?limit="_s +
                   QString::number(limit);
    if (beforeSeq > 0)
        path += u"&before_seq="_s + QString::number(beforeSeq);
    m_api->get(path, this, [this, conversationId, keep](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcChat) << "history page failed:" << errorName(result.error.code);
            // Told with an empty page, so whoever waits for it stops waiting.
            Q_EMIT historyFetched(conversationId, {}, true);
            return;
        }
        const QList<Message> page = pageFrom(result.body, keep);
        Q_EMIT historyFetched(conversationId, page, result.body.value("has_more"_L1).toBool());
    });
}

void Chat::fetchNewer(const QString &conversationId, qint64 afterSeq, int limit)
{
    const QString path = messagesPath(conversationId) + wire::path::MessagesSuffix + u"?limit="_s +
                         QString::number(limit) + u"&after_seq="_s + QString::number(afterSeq);
    m_api->get(path, this, [this, conversationId](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcChat) << "newer history page failed:" << errorName(result.error.code);
            Q_EMIT newerFetched(conversationId, {}, true);
            return;
        }
        const QList<Message> page = pageFrom(result.body, Keep::OnScreenOnly);
        Q_EMIT newerFetched(conversationId, page, result.body.value("has_more"_L1).toBool());
    });
}

void Chat::fetchAround(const QString &conversationId, qint64 seq, int limit)
{
    const QString path = messagesPath(conversationId) + wire::path::MessagesSuffix + u"?limit="_s +
                         QString::number(limit) + u"&around_seq="_s + QString::number(seq);
    m_api->get(path, this, [this, conversationId, seq](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcChat) << "history window failed:" << errorName(result.error.code);
            Q_EMIT windowFetched(conversationId, seq, {}, true, true, true);
            return;
        }
        const QList<Message> page = pageFrom(result.body, Keep::OnScreenOnly);
        Q_EMIT windowFetched(conversationId, seq, page, result.body.value("has_older"_L1).toBool(),
                             result.body.value("has_newer"_L1).toBool(), false);
    });
}

void Chat::noteTyping(const QString &conversationId)
{
    if (!m_online || conversationId.isEmpty())
        return;
    const qint64 at = now();
    const auto sent = m_typingSent.constFind(conversationId);
    if (sent != m_typingSent.cend() && at - *sent < TypingInterval)
        return;
    m_typingSent.insert(conversationId, at);
    // Nothing to do with the answer: a lost one only means others see no "typing" this time.
    m_api->post(messagesPath(conversationId) + wire::path::TypingSuffix, {}, this,
                [](const ApiResult &) {});
}

void Chat::receiveTyping(const QJsonObject &event)
{
    const QString conversationId = event.value("conversation_id"_L1).toString();
    const QJsonObject user = event.value("user"_L1).toObject();
    const QString userId = user.value("id"_L1).toString();
    if (conversationId.isEmpty() || userId.isEmpty() || userId == m_myId)
        return;
    const QString name = user.value("display_name"_L1).toString().left(200);
    QList<TypingEntry> &entries = m_typing[conversationId];
    const qint64 until = now() + TypingTimeout;
    const auto entry = std::find_if(entries.begin(), entries.end(),
                                    [&](const TypingEntry &e) { return e.userId == userId; });
    const bool changed = entry == entries.end() || entry->name != name;
    if (entry == entries.end())
        entries.append({userId, name, until});
    else
        *entry = {userId, name, until};
    scheduleTypingExpiry();
    if (changed)
        Q_EMIT typingChanged(conversationId);
}

QStringList Chat::typingNames(const QString &conversationId) const
{
    QStringList names;
    const qint64 at = now();
    for (const TypingEntry &entry : m_typing.value(conversationId)) {
        if (entry.until > at)
            names.append(entry.name);
    }
    return names;
}

void Chat::expireTyping()
{
    const qint64 at = now();
    QStringList changed;
    for (auto it = m_typing.begin(); it != m_typing.end();) {
        const qsizetype removed =
            it->removeIf([at](const TypingEntry &e) { return e.until <= at; });
        if (removed > 0)
            changed.append(it.key());
        it = it->isEmpty() ? m_typing.erase(it) : std::next(it);
    }
    scheduleTypingExpiry();
    for (const QString &conversationId : std::as_const(changed))
        Q_EMIT typingChanged(conversationId);
}

void Chat::scheduleTypingExpiry()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const QList<TypingEntry> &entries : std::as_const(m_typing)) {
        for (const TypingEntry &entry : entries)
            next = std::min(next, entry.until);
    }
    if (next == std::numeric_limits<qint64>::max()) {
        m_typingTimer.stop();
        return;
    }
    m_typingTimer.start(int(std::clamp<qint64>(next - now(), 0, TypingTimeout)));
}

void Chat::fetchReadMarks(const QString &conversationId)
{
    m_api->get(messagesPath(conversationId) + wire::path::ReadsSuffix, this,
               [this, conversationId](const ApiResult &result) {
                   if (!result.ok()) {
                       // Unknown stays unknown (-1), not "nobody read it".
                       qCInfo(lcChat) << "read marks failed:" << errorName(result.error.code)
                                      << result.error.serverCode;
                       return;
                   }
                   QList<ReadMarkEntry> marks;
                   for (const QJsonValue &value : result.body.value("members"_L1).toArray()) {
                       const QJsonObject member = value.toObject();
                       const QString id = member.value("id"_L1).toString();
                       if (id.isEmpty())
                           continue;
                       marks.append(
                           {id, member.value("display_name"_L1).toString().left(200),
                            std::max<qint64>(member.value("last_read_seq"_L1).toInteger(), 0)});
                   }
                   m_readMarks.insert(conversationId, marks);
                   // This device may have read further than the server had heard.
                   receiveReadMark(conversationId, m_myId, lastReadSeq(conversationId));
                   Q_EMIT readMarksChanged(conversationId);
               });
}

void Chat::receiveReadMark(const QString &conversationId, const QString &userId, qint64 seq)
{
    // Only for a table fetched: a mark alone does not say who else sees the conversation.
    const auto marks = m_readMarks.find(conversationId);
    if (marks == m_readMarks.end() || userId.isEmpty())
        return;
    const auto entry = std::find_if(marks->begin(), marks->end(),
                                    [&](const ReadMarkEntry &e) { return e.userId == userId; });
    if (entry == marks->end()) {
        // A member who joined after the table was fetched.
        marks->append({userId, QString(), seq});
    } else if (seq > entry->lastReadSeq) {
        entry->lastReadSeq = seq; // marks only move forward
    } else {
        return;
    }
    Q_EMIT readMarksChanged(conversationId);
}

QList<ReadMarkEntry> Chat::readMarks(const QString &conversationId) const
{
    return m_readMarks.value(conversationId);
}

int Chat::unreadBy(const QString &conversationId, qint64 seq, const QString &authorId) const
{
    const auto marks = m_readMarks.constFind(conversationId);
    if (marks == m_readMarks.cend())
        return -1;
    return int(std::count_if(marks->cbegin(), marks->cend(), [&](const ReadMarkEntry &entry) {
        return entry.userId != authorId && entry.lastReadSeq < seq;
    }));
}

} // namespace moim
