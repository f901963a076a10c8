#include "chat_access.h"

#include "account_store.h"
#include "api_server.h"
#include "conversation_store.h"
#include "event_hub.h"
#include "message_store.h"

#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace error = moim::protocol::error;
namespace event = moim::protocol::event;

ChatAccess::ChatAccess(Services services)
    : m_services(services)
{}

std::optional<TokenService::SessionRef> ChatAccess::admit(const QString &conversationId,
                                                          const QHttpServerRequest &request,
                                                          JsonReply *refusal,
                                                          Outsiders outsiders) const
{
    if (auto outdated = m_services.api.refuseClient(request)) {
        *refusal = *outdated;
        return std::nullopt;
    }
    auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session) {
        *refusal = JsonReply::error(error::InvalidToken, u"Sign in again."_s);
        return std::nullopt;
    }
    if (!m_services.messages.conversationExists(conversationId)) {
        *refusal = JsonReply::error(error::NotFound, u"No such conversation."_s);
        return std::nullopt;
    }
    if (!m_services.messages.canAccess(session->userId, conversationId)) {
        *refusal =
            outsiders == Outsiders::AsNoSuchMessage
                ? JsonReply::error(error::NotFound, u"No such message in this conversation."_s)
                : notMember(conversationId);
        return std::nullopt;
    }
    if (isLocked(*session, conversationId)) {
        *refusal = ApiServer::workspaceLocked();
        return std::nullopt;
    }
    return session;
}

std::optional<QList<moim::protocol::MessageEntity>>
ChatAccess::admitEntities(const QString &userId, const QString &conversationId, const QString &body,
                          const QJsonValue &value, JsonReply *refusal) const
{
    using moim::protocol::MessageEntity;
    const auto refuse = [refusal](QLatin1StringView code, const QString &message) {
        *refusal = JsonReply::error(code, message).withErrorField(u"field"_s, u"entities"_s);
        return std::nullopt;
    };
    QString why;
    const auto entities = moim::protocol::parseMessageEntities(value, body, &why);
    if (!entities)
        return refuse(error::BadRequest, why);
    const QStringList audience = m_services.messages.audience(conversationId);
    for (const MessageEntity &entity : *entities) {
        if (entity.type == MessageEntity::Type::Mention && !audience.contains(entity.userId))
            return refuse(error::BadRequest,
                          u"A mention names someone who does not see this conversation."_s);
    }
    if (moim::protocol::entitiesAddressEveryone(*entities) &&
        !m_services.conversations.mayEdit(userId, conversationId))
        return refuse(error::Forbidden,
                      u"Only the channel's admins may mention @channel or @here."_s);
    return entities;
}

JsonReply ChatAccess::notMember(const QString &conversationId) const
{
    // A private channel does not exist for those outside it.
    if (m_services.messages.isPrivate(conversationId))
        return JsonReply::error(error::NotFound, u"No such conversation."_s);
    return JsonReply::error(error::Forbidden, u"Not a member of this conversation."_s);
}

bool ChatAccess::isLocked(const TokenService::SessionRef &session,
                          const QString &conversationId) const
{
    return m_services.accounts.isLockedFor(session.userId, session.sessionId,
                                           m_services.messages.workspaceOf(conversationId));
}

void ChatAccess::pushMessageEvent(QJsonObject event, const QJsonObject &message)
{
    const QString conversationId = message.value("conversation_id"_L1).toString();
    const QString authorId = message.value("author"_L1).toObject().value("id"_L1).toString();
    const QString workspaceId = m_services.messages.workspaceOf(conversationId);
    event.insert(u"workspace_id"_s, workspaceId);
    event.insert(u"conversation_id"_s, conversationId);
    event.insert(u"message"_s, message);
    // The author's own devices match the echo to their outbox by its client id; everyone else
    // gets the message without it. Sessions the workspace is closed to get neither.
    QStringList others = m_services.messages.audience(conversationId);
    if (others.removeAll(authorId) > 0)
        m_services.events.pushWorkspaceEvent(workspaceId, {authorId}, event);
    event.insert(u"message"_s, MessageStore::asSeenBy(message, QString()));
    m_services.events.pushWorkspaceEvent(workspaceId, others, event);
}

void ChatAccess::pushReadMarkMoved(const QString &userId, const QString &conversationId, qint64 seq)
{
    const QString workspaceId = m_services.messages.workspaceOf(conversationId);
    QStringList others = m_services.messages.audience(conversationId);
    others.removeAll(userId);
    m_services.events.pushWorkspaceEvent(workspaceId, others,
                                         {{u"type"_s, QString(event::ReadMarkMoved)},
                                          {u"workspace_id"_s, workspaceId},
                                          {u"conversation_id"_s, conversationId},
                                          {u"user_id"_s, userId},
                                          {u"seq"_s, seq}});
}

} // namespace moim::server
