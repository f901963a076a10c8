#include "outbox.h"

#include "net/api_client.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcOutbox, "moim.core.outbox")

namespace moim {

using namespace Qt::StringLiterals;

Outbox::Outbox(ApiClient *api, LocalCache *cache, TokenProvider accessToken, QString authorId,
               QString authorName, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
    , m_accessToken(std::move(accessToken))
    , m_authorId(std::move(authorId))
    , m_authorName(std::move(authorName))
{}

int Outbox::pendingCount() const
{
    return int(m_cache->pendingMessages().size());
}

Message Outbox::queue(const QString &conversationId, const QString &body)
{
    Message message;
    message.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.localId = message.clientId;
    message.conversationId = conversationId;
    message.authorId = m_authorId;
    message.authorName = m_authorName;
    message.body = body;
    message.createdAt = QDateTime::currentSecsSinceEpoch();
    message.state = Message::State::Pending;
    // Stored before the first attempt: a crash from here on still sends it, once.
    m_cache->storeMessage(message);
    Q_EMIT messageChanged(message);
    flush();
    return message;
}

void Outbox::setOnline(bool online)
{
    m_online = online;
    if (online)
        flush();
}

void Outbox::flush()
{
    if (!m_online || m_sending)
        return;
    sendNext();
}

void Outbox::retry(const QString &localId)
{
    m_cache->setMessageState(localId, Message::State::Pending);
    for (const Message &message : m_cache->pendingMessages()) {
        if (message.localId == localId)
            Q_EMIT messageChanged(message);
    }
    flush();
}

void Outbox::sendNext()
{
    const QList<Message> pending = m_cache->pendingMessages();
    if (pending.isEmpty() || !m_online) {
        m_sending = false;
        return;
    }
    m_sending = true;
    const Message message = pending.first();
    const QString path = protocol::path::ConversationsBase +
                         QString::fromLatin1(QUrl::toPercentEncoding(message.conversationId)) +
                         protocol::path::MessagesSuffix;
    m_api->post(path, {{u"client_id"_s, message.clientId}, {u"body"_s, message.body}},
                m_accessToken(), this, [this, message](const ApiResult &result) {
                    if (result.ok()) {
                        Message sent = Message::fromJson(result.body.value("message"_L1).toObject(),
                                                         m_authorId);
                        // The answer to our own send confirms the row written here, which
                        // it replaces (stored from now on under the server's id).
                        sent.clientId = message.clientId;
                        sent.state = Message::State::Sent;
                        m_cache->storeMessage(sent);
                        Q_EMIT messageChanged(sent);
                        sendNext();
                        return;
                    }
                    m_sending = false;
                    if (result.error.isTransient()) {
                        // Offline: it stays pending, first in line, until we are back.
                        qCInfo(lcOutbox) << "send deferred:" << result.error.message;
                        m_online = false;
                        return;
                    }
                    if (result.error.code == ApiError::Code::InvalidToken) {
                        m_online = false;
                        Q_EMIT tokenRejected();
                        return;
                    }
                    // Refused for good (e.g. no longer a member): say so, go on with the rest.
                    qCWarning(lcOutbox) << "send refused:" << errorName(result.error.code);
                    Message failed = message;
                    failed.state = Message::State::Failed;
                    m_cache->setMessageState(message.localId, Message::State::Failed);
                    Q_EMIT messageChanged(failed);
                    m_sending = true;
                    sendNext();
                });
}

} // namespace moim
