#include "chat.h"

#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"

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
    , m_outbox(api, outboxStore, m_myId, m_myName)
{
    m_lastSeq = m_cache->isOpen() ? m_cache->lastSeq() : 0;
    if (m_cache->isOpen()) {
        for (const LocalCache::ReadState &state : m_cache->readStates())
            m_read.insert(state.conversationId,
                          {state.workspaceId, state.unread, state.lastReadSeq});
    }
    m_announcedTotal = totalUnread();
    connect(&m_outbox, &Outbox::messageChanged, this, [this](const Message &message) {
        if (message.state == Message::State::Sent) {
            // Sent: from now on it is history like any other message, kept by the cache.
            m_unflushed.append(message);
            scheduleFlush();
            if (m_read.contains(message.conversationId)) {
                ReadInfo &info = m_read[message.conversationId];
                info.lastReadSeq = std::max(info.lastReadSeq, message.seq);
            }
        }
        Q_EMIT messageChanged(message);
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
    if (!m_unflushed.isEmpty()) {
        m_cache->storeMessages(m_unflushed);
        m_unflushed.clear();
        m_cache->setLastSeq(m_lastSeq);
    }
    if (m_readStateDirty) {
        m_readStateDirty = false;
        QList<LocalCache::ReadState> states;
        for (auto it = m_read.cbegin(); it != m_read.cend(); ++it)
            states.append({it.key(), it->workspaceId, it->unread, it->lastReadSeq});
        m_cache->storeReadStates(states);
    }
}

QString Chat::messagesPath(const QString &conversationId) const
{
    return QString(wire::path::ConversationsBase) +
           QString::fromLatin1(QUrl::toPercentEncoding(conversationId));
}

std::optional<Message> Chat::send(const QString &conversationId, const QString &body)
{
    return m_outbox.queue(conversationId, body);
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
}

void Chat::sync()
{
    if (m_syncing || !m_online)
        return;
    m_syncing = true;
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
        m_cache->storeMessages(batch);
        for (const Message &message : batch) {
            m_outbox.confirm(message); // ours, sent before a crash took the answer
            m_lastSeq = std::max(m_lastSeq, message.seq);
            Q_EMIT messageChanged(message);
        }
        // The server's read state is the truth after a gap (other devices may have read).
        QSet<QString> touched;
        for (const QJsonValue &value : result.body.value("read_state"_L1).toArray()) {
            const QJsonObject state = value.toObject();
            const QString id = state.value("conversation_id"_L1).toString();
            ReadInfo info{state.value("workspace_id"_L1).toString(),
                          state.value("unread"_L1).toInt(),
                          state.value("last_read_seq"_L1).toInteger()};
            if (id == m_active && info.unread > 0) {
                info.unread = 0;
                markRead(id);
            }
            m_read.insert(id, info);
            // The level travels with the counts, so every workspace's badge leaves its muted
            // conversations out before its list was ever loaded.
            if (state.value("mute_level"_L1).toString() == "nothing"_L1)
                m_muted.insert(id);
            else if (state.contains("mute_level"_L1))
                m_muted.remove(id);
            touched.insert(id);
        }
        m_lastSeq = std::max(m_lastSeq, result.body.value("last_seq"_L1).toInteger());
        if (m_cache->isOpen())
            m_cache->setLastSeq(m_lastSeq);
        persistReadState();
        for (const QString &id : std::as_const(touched))
            announceUnread(id, m_read.value(id).workspaceId);
        if (result.body.value("has_more"_L1).toBool()) {
            sync();
            return;
        }
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
    if (type == wire::event::ReadUpdated) {
        const QString id = event.value("conversation_id"_L1).toString();
        const qint64 seq = event.value("seq"_L1).toInteger();
        ReadInfo &info = m_read[id];
        if (seq >= info.lastReadSeq) {
            info.lastReadSeq = seq;
            info.unread = 0;
            persistReadState();
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
    Message stored = message;
    // Our own message from another device, or the echo of one sent here: one row either way.
    stored.state = Message::State::Sent;
    m_outbox.confirm(stored);
    m_unflushed.append(stored);
    m_lastSeq = std::max(m_lastSeq, message.seq);
    scheduleFlush();
    Q_EMIT messageChanged(stored);

    ReadInfo &info = m_read[message.conversationId];
    if (!workspaceId.isEmpty())
        info.workspaceId = workspaceId;
    if (message.authorId == m_myId) {
        info.lastReadSeq = std::max(info.lastReadSeq, message.seq);
        return;
    }
    if (live && isNew)
        Q_EMIT messageArrived(stored, conversation);
    if (live && message.conversationId == m_active) {
        markRead(message.conversationId);
        return;
    }
    if (message.seq > info.lastReadSeq) {
        ++info.unread;
        persistReadState();
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
        persistReadState();
        if (m_online && seq > 0) {
            m_api->post(messagesPath(conversationId) + wire::path::ReadSuffix, {{u"seq"_s, seq}},
                        this, [](const ApiResult &) {});
        }
    }
    if (hadUnread)
        announceUnread(conversationId, info.workspaceId);
}

int Chat::unread(const QString &conversationId) const
{
    return m_read.value(conversationId).unread;
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
    persistReadState();
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

void Chat::persistReadState()
{
    m_readStateDirty = true;
    scheduleFlush();
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

void Chat::fetchHistory(const QString &conversationId, qint64 beforeSeq, int limit)
{
    QString path = messagesPath(conversationId) + wire::path::MessagesSuffix + u"?limit="_s +
                   QString::number(limit);
    if (beforeSeq > 0)
        path += u"&before_seq="_s + QString::number(beforeSeq);
    m_api->get(path, this, [this, conversationId](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcChat) << "history page failed:" << errorName(result.error.code);
            // Told with an empty page, so whoever waits for it stops waiting.
            Q_EMIT historyFetched(conversationId, {}, true);
            return;
        }
        QList<Message> page;
        for (const QJsonValue &value : result.body.value("messages"_L1).toArray())
            page.append(Message::fromJson(value.toObject(), m_myId));
        m_cache->storeMessages(page);
        for (const Message &message : std::as_const(page))
            m_outbox.confirm(message);
        Q_EMIT historyFetched(conversationId, page, result.body.value("has_more"_L1).toBool());
    });
}

} // namespace moim
