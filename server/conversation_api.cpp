#include "conversation_api.h"

#include "account_store.h"
#include "api_server.h"
#include "chat_access.h"
#include "conversation_store.h"
#include "event_hub.h"
#include "message_store.h"
#include "token_service.h"

#include <QHttpServer>
#include <QJsonArray>
#include <protocol/device_label.h>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace event = moim::protocol::event;
using Method = QHttpServerRequest::Method;

namespace {

JsonReply badField(const QString &field, const QString &message)
{
    return JsonReply::error(error::BadRequest, message).withErrorField(u"field"_s, field);
}

qsizetype codePoints(const QString &text)
{
    return text.toUcs4().size();
}

// A channel name as stored: 1–80 characters after whitespace is folded, and no control or
// invisible formatting characters at all (refused rather than silently dropped, so what the
// user typed is what everyone sees).
std::optional<QString> channelName(const QJsonValue &value, JsonReply *refusal)
{
    if (!value.isString()) {
        *refusal = badField(u"name"_s, u"name must be a string."_s);
        return std::nullopt;
    }
    const QString raw = value.toString();
    for (const char32_t codePoint : raw.toUcs4()) {
        if (protocol::isHiddenOrControl(codePoint)) {
            *refusal = badField(u"name"_s, u"name must not contain control characters."_s);
            return std::nullopt;
        }
    }
    const QString name = protocol::cleanLabel(raw, ConversationStore::MaxNameLength + 1);
    if (name.isEmpty() || codePoints(name) > ConversationStore::MaxNameLength) {
        *refusal = badField(u"name"_s, u"name must be 1-80 characters."_s);
        return std::nullopt;
    }
    return name;
}

// A description: up to 500 characters, several lines allowed, no other control characters.
std::optional<QString> channelTopic(const QJsonValue &value, JsonReply *refusal)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString()) {
        *refusal = badField(u"topic"_s, u"topic must be a string."_s);
        return std::nullopt;
    }
    const QString topic = value.toString().trimmed();
    for (const char32_t codePoint : topic.toUcs4()) {
        if (codePoint != U'\n' && protocol::isHiddenOrControl(codePoint)) {
            *refusal = badField(u"topic"_s, u"topic must not contain control characters."_s);
            return std::nullopt;
        }
    }
    if (codePoints(topic) > ConversationStore::MaxTopicLength) {
        *refusal = badField(u"topic"_s, u"topic must be at most 500 characters."_s);
        return std::nullopt;
    }
    return topic;
}

} // namespace

ConversationApi::ConversationApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    const auto workspaceRoute = [&](QLatin1StringView suffix, Method method, auto handler) {
        http.route(path::Workspaces + u"<arg>"_s + suffix, method,
                   [this, handler](const QString &id, const QHttpServerRequest &request) {
                       return (this->*handler)(id, request).toResponse();
                   });
    };
    const auto conversationRoute = [&](QLatin1StringView suffix, Method method, auto handler) {
        http.route(path::ConversationsBase + u"<arg>"_s + suffix, method,
                   [this, handler](const QString &id, const QHttpServerRequest &request) {
                       return (this->*handler)(id, request).toResponse();
                   });
    };
    workspaceRoute(path::Conversations, Method::Post, &ConversationApi::createChannel);
    workspaceRoute(path::DirectSuffix, Method::Post, &ConversationApi::openDirect);
    workspaceRoute(path::ChannelsSuffix, Method::Get, &ConversationApi::browse);
    workspaceRoute(path::MembersSuffix, Method::Get, &ConversationApi::members);
    workspaceRoute(path::ReadSuffix, Method::Post, &ConversationApi::markAllRead);
    conversationRoute(path::JoinSuffix, Method::Post, &ConversationApi::join);
    conversationRoute(path::LeaveSuffix, Method::Post, &ConversationApi::leave);
    conversationRoute(path::DetailsSuffix, Method::Put, &ConversationApi::editDetails);
    conversationRoute(path::NotificationLevelSuffix, Method::Put,
                      &ConversationApi::setNotificationLevel);
    conversationRoute(path::PinSuffix, Method::Put, &ConversationApi::pin);
}

std::optional<TokenService::SessionRef>
ConversationApi::inWorkspace(const QString &workspaceId, const QHttpServerRequest &request,
                             JsonReply *refusal) const
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
    if (!m_services.accounts.workspaceExists(workspaceId)) {
        *refusal = JsonReply::error(error::NotFound, u"No such workspace."_s);
        return std::nullopt;
    }
    if (!m_services.accounts.isActiveMember(session->userId, workspaceId)) {
        *refusal = JsonReply::error(error::Forbidden, u"Not a member of this workspace."_s);
        return std::nullopt;
    }
    if (m_services.accounts.isLockedFor(session->userId, session->sessionId, workspaceId)) {
        *refusal = ApiServer::workspaceLocked();
        return std::nullopt;
    }
    return session;
}

std::optional<TokenService::SessionRef>
ConversationApi::atConversation(const QString &conversationId, const QHttpServerRequest &request,
                                bool needMember, JsonReply *refusal) const
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
    const QString workspaceId = m_services.messages.workspaceOf(conversationId);
    const auto standing = m_services.conversations.standing(session->userId, conversationId);
    if (workspaceId.isEmpty() || standing == ConversationStore::Standing::Hidden) {
        *refusal = JsonReply::error(error::NotFound, u"No such conversation."_s);
        return std::nullopt;
    }
    if (!m_services.accounts.isActiveMember(session->userId, workspaceId)) {
        *refusal = JsonReply::error(error::Forbidden, u"Not a member of this workspace."_s);
        return std::nullopt;
    }
    if (m_services.accounts.isLockedFor(session->userId, session->sessionId, workspaceId)) {
        *refusal = ApiServer::workspaceLocked();
        return std::nullopt;
    }
    if (needMember && standing != ConversationStore::Standing::Member) {
        *refusal = JsonReply::error(error::Forbidden, u"Not a member of this conversation."_s);
        return std::nullopt;
    }
    return session;
}

void ConversationApi::pushConversation(QLatin1StringView type, const QString &conversationId,
                                       const QStringList &userIds, const QJsonObject &extra)
{
    const QString workspaceId = m_services.messages.workspaceOf(conversationId);
    for (const QString &userId : userIds) {
        QJsonObject payload = extra;
        payload.insert(u"type"_s, QString(type));
        payload.insert(u"workspace_id"_s, workspaceId);
        payload.insert(u"conversation_id"_s, conversationId);
        payload.insert(u"conversation"_s,
                       m_services.conversations.conversationJson(userId, conversationId));
        m_services.events.pushWorkspaceEvent(workspaceId, {userId}, payload);
    }
}

JsonReply ConversationApi::createChannel(const QString &workspaceId,
                                         const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = inWorkspace(workspaceId, request, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    if (!body)
        return JsonReply::error(error::BadRequest, u"Expected a JSON object."_s);
    const auto name = channelName(body->value("name"_L1), &refusal);
    if (!name)
        return refusal;
    const auto topic = channelTopic(body->value("topic"_L1), &refusal);
    if (!topic)
        return refusal;
    const QJsonValue isPrivate = body->value("private"_L1);
    if (!isPrivate.isUndefined() && !isPrivate.isBool())
        return badField(u"private"_s, u"private must be true or false."_s);
    if (m_services.conversations.channelNameTaken(workspaceId, *name))
        return JsonReply::error(error::Conflict, u"A channel of that name exists already."_s)
            .withErrorField(u"field"_s, u"name"_s);
    const QString id = m_services.conversations.createChannel(workspaceId, session->userId, *name,
                                                              *topic, isPrivate.toBool());
    if (id.isEmpty())
        return JsonReply::error(error::ServerError, u"Could not create the channel."_s);
    pushConversation(event::ConversationCreated, id, {session->userId});
    return JsonReply::ok(
        {{u"conversation"_s, m_services.conversations.conversationJson(session->userId, id)}});
}

JsonReply ConversationApi::openDirect(const QString &workspaceId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = inWorkspace(workspaceId, request, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    const QJsonValue ids = body ? body->value("member_ids"_L1) : QJsonValue();
    if (!ids.isArray())
        return badField(u"member_ids"_s, u"Expected member_ids, a list of user ids."_s);
    QStringList participants{session->userId};
    for (const QJsonValue &id : ids.toArray()) {
        if (!id.isString() || !m_services.accounts.isActiveMember(id.toString(), workspaceId))
            return badField(u"member_ids"_s,
                            u"Every member must be an active member of the workspace."_s);
        if (!participants.contains(id.toString()))
            participants.append(id.toString());
    }
    if (participants.size() < 2 || participants.size() > ConversationStore::MaxDirectMembers + 1)
        return badField(u"member_ids"_s, u"Expected 1-8 other members."_s);
    QString id = m_services.conversations.findDirect(workspaceId, participants);
    const bool created = id.isEmpty();
    if (created) {
        id = m_services.conversations.createDirect(workspaceId, session->userId, participants);
        if (id.isEmpty())
            return JsonReply::error(error::ServerError, u"Could not start the conversation."_s);
        pushConversation(event::ConversationCreated, id, participants);
    }
    return JsonReply::ok(
        {{u"conversation"_s, m_services.conversations.conversationJson(session->userId, id)},
         {u"created"_s, created}});
}

JsonReply ConversationApi::browse(const QString &workspaceId,
                                  const QHttpServerRequest &request) const
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = inWorkspace(workspaceId, request, &refusal);
    if (!session)
        return refusal;
    return JsonReply::ok(
        {{u"channels"_s, m_services.conversations.browse(session->userId, workspaceId)}});
}

JsonReply ConversationApi::members(const QString &workspaceId,
                                   const QHttpServerRequest &request) const
{
    JsonReply refusal = JsonReply::noContent();
    if (!inWorkspace(workspaceId, request, &refusal))
        return refusal;
    return JsonReply::ok({{u"members"_s, m_services.conversations.workspaceMembers(workspaceId)}});
}

JsonReply ConversationApi::markAllRead(const QString &workspaceId,
                                       const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = inWorkspace(workspaceId, request, &refusal);
    if (!session)
        return refusal;
    const auto moved = m_services.conversations.markAllRead(session->userId, workspaceId);
    // Each mark as if read one by one, so clients need nothing new to follow it.
    for (const auto &[conversationId, seq] : moved) {
        m_services.events.pushWorkspaceEvent(workspaceId, {session->userId},
                                             {{u"type"_s, QString(event::ReadUpdated)},
                                              {u"conversation_id"_s, conversationId},
                                              {u"seq"_s, seq}});
        m_services.chat.pushReadMarkMoved(session->userId, conversationId, seq);
    }
    return JsonReply::noContent();
}

JsonReply ConversationApi::join(const QString &conversationId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = atConversation(conversationId, request, false, &refusal);
    if (!session)
        return refusal;
    if (m_services.messages.kindOf(conversationId).kind != "channel"_L1)
        return JsonReply::error(error::Forbidden, u"Only channels can be joined."_s);
    if (m_services.conversations.standing(session->userId, conversationId) !=
        ConversationStore::Standing::Member) {
        if (!m_services.conversations.join(session->userId, conversationId))
            return JsonReply::error(error::ServerError, u"Could not join the channel."_s);
        // What was said before joining is not news to the one who joins.
        m_services.conversations.markCaughtUp(session->userId, conversationId);
        pushConversation(event::MembershipChanged, conversationId,
                         m_services.conversations.members(conversationId),
                         {{u"user_id"_s, session->userId}, {u"change"_s, u"joined"_s}});
    }
    return JsonReply::ok({{u"conversation"_s, m_services.conversations.conversationJson(
                                                  session->userId, conversationId)}});
}

JsonReply ConversationApi::leave(const QString &conversationId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = atConversation(conversationId, request, true, &refusal);
    if (!session)
        return refusal;
    if (m_services.messages.kindOf(conversationId).kind != "channel"_L1)
        return JsonReply::error(error::Forbidden, u"Only channels can be left."_s);
    // Told before and after: those who stay, and every device of the one who leaves.
    QStringList told = m_services.conversations.members(conversationId);
    if (!m_services.conversations.leave(session->userId, conversationId))
        return JsonReply::error(error::ServerError, u"Could not leave the channel."_s);
    const QString workspaceId = m_services.messages.workspaceOf(conversationId);
    const QJsonObject left{{u"type"_s, QString(event::MembershipChanged)},
                           {u"workspace_id"_s, workspaceId},
                           {u"conversation_id"_s, conversationId},
                           {u"user_id"_s, session->userId},
                           {u"change"_s, u"left"_s}};
    told.removeAll(session->userId);
    // The one who left no longer sees a private channel, so gets no copy of it.
    m_services.events.pushWorkspaceEvent(workspaceId, {session->userId}, left);
    pushConversation(event::MembershipChanged, conversationId, told,
                     {{u"user_id"_s, session->userId}, {u"change"_s, u"left"_s}});
    return JsonReply::noContent();
}

JsonReply ConversationApi::editDetails(const QString &conversationId,
                                       const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = atConversation(conversationId, request, true, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    if (!body || (!body->contains("name"_L1) && !body->contains("topic"_L1)))
        return JsonReply::error(error::BadRequest, u"Expected name, topic or both."_s);
    if (!m_services.conversations.mayEdit(session->userId, conversationId))
        return JsonReply::error(
            error::Forbidden,
            u"Only the channel's creator or a workspace admin may rename or describe it."_s);
    std::optional<QString> name;
    if (body->contains("name"_L1)) {
        name = channelName(body->value("name"_L1), &refusal);
        if (!name)
            return refusal;
        if (m_services.conversations.channelNameTaken(
                m_services.messages.workspaceOf(conversationId), *name, conversationId))
            return JsonReply::error(error::Conflict, u"A channel of that name exists already."_s)
                .withErrorField(u"field"_s, u"name"_s);
    }
    std::optional<QString> topic;
    if (body->contains("topic"_L1)) {
        topic = channelTopic(body->value("topic"_L1), &refusal);
        if (!topic)
            return refusal;
    }
    if ((name && !m_services.conversations.setName(conversationId, *name)) ||
        (topic && !m_services.conversations.setTopic(conversationId, *topic)))
        return JsonReply::error(error::ServerError, u"Could not store the change."_s);
    pushConversation(event::ConversationUpdated, conversationId,
                     m_services.conversations.members(conversationId));
    return JsonReply::ok({{u"conversation"_s, m_services.conversations.conversationJson(
                                                  session->userId, conversationId)}});
}

JsonReply ConversationApi::setNotificationLevel(const QString &conversationId,
                                                const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = atConversation(conversationId, request, true, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    const QString level = body ? body->value("level"_L1).toString() : QString();
    if (!ConversationStore::isMuteLevel(level))
        return badField(u"level"_s,
                        u"level must be one of inherit, all, mentions_and_direct, nothing."_s);
    if (!m_services.conversations.setMuteLevel(session->userId, conversationId, level))
        return JsonReply::error(error::ServerError, u"Could not store the level."_s);
    // A level is the user's own: only their devices hear of it.
    pushConversation(event::ConversationUpdated, conversationId, {session->userId});
    return JsonReply::ok({{u"conversation"_s, m_services.conversations.conversationJson(
                                                  session->userId, conversationId)}});
}

JsonReply ConversationApi::pin(const QString &conversationId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = atConversation(conversationId, request, true, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    const QJsonValue messageId = body ? body->value("message_id"_L1) : QJsonValue();
    if (!messageId.isNull() && !messageId.isString())
        return badField(u"message_id"_s, u"Expected message_id, a message id or null."_s);
    if (messageId.isString() &&
        !m_services.conversations.messageBelongs(messageId.toString(), conversationId))
        return JsonReply::error(error::NotFound, u"No such message in this conversation."_s)
            .withErrorField(u"field"_s, u"message_id"_s);
    if (!m_services.conversations.setPinned(conversationId, messageId.toString(), session->userId))
        return JsonReply::error(error::ServerError, u"Could not store the notice."_s);
    pushConversation(event::ConversationUpdated, conversationId,
                     m_services.conversations.members(conversationId));
    return JsonReply::ok({{u"conversation"_s, m_services.conversations.conversationJson(
                                                  session->userId, conversationId)}});
}

} // namespace moim::server
