#include "message_actions_api.h"

#include "account_store.h"
#include "api_server.h"
#include "chat_access.h"
#include "clock.h"
#include "event_hub.h"
#include "file_store.h"

#include <QHttpServer>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace event = moim::protocol::event;
namespace limits = moim::protocol::limits;
using Method = QHttpServerRequest::Method;

namespace {

JsonReply badField(const QString &field, const QString &message)
{
    return JsonReply::error(error::BadRequest, message).withErrorField(u"field"_s, field);
}

// An emoji as a reaction: short, one visible token. Joiners and variation selectors are part of
// many emoji, so only whitespace, control characters and broken surrogates are refused, and a
// plain word or number ("ok", "1") is not an emoji.
bool isReactionEmoji(const QString &emoji)
{
    if (emoji.isEmpty() || emoji.size() > limits::MaxEmojiLength)
        return false;
    bool onlyLettersAndDigits = true;
    for (const char32_t codePoint : emoji.toUcs4()) {
        const auto category = QChar::category(codePoint);
        if (QChar::isSpace(codePoint) || category == QChar::Other_Control ||
            category == QChar::Other_Surrogate)
            return false;
        onlyLettersAndDigits = onlyLettersAndDigits && QChar::isLetterOrNumber(codePoint);
    }
    return !onlyLettersAndDigits;
}

} // namespace

MessageActionsApi::MessageActionsApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    const QString message =
        path::ConversationsBase + u"<arg>"_s + path::MessagesSuffix + u"/<arg>"_s;
    const auto messageRoute = [&](const QString &route, Method method, auto handler) {
        http.route(route, method,
                   [this, handler](const QString &conversationId, const QString &messageId,
                                   const QHttpServerRequest &request) {
                       return (this->*handler)(conversationId, messageId, request).toResponse();
                   });
    };
    messageRoute(message, Method::Patch, &MessageActionsApi::edit);
    messageRoute(message, Method::Delete, &MessageActionsApi::remove);
    messageRoute(message + path::ReactionsSuffix, Method::Post, &MessageActionsApi::react);
    http.route(path::ConversationsBase + u"<arg>"_s + path::TypingSuffix, Method::Post,
               [this](const QString &id, const QHttpServerRequest &request) {
                   return typing(id, request).toResponse();
               });
    http.route(path::ConversationsBase + u"<arg>"_s + path::ReadsSuffix, Method::Get,
               [this](const QString &id, const QHttpServerRequest &request) {
                   return reads(id, request).toResponse();
               });
}

JsonReply MessageActionsApi::edit(const QString &conversationId, const QString &messageId,
                                  const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal,
                                                 ChatAccess::Outsiders::AsNoSuchMessage);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    const QString text = body ? body->value("body"_L1).toString() : QString();
    if (text.trimmed().isEmpty() || text.size() > MessageStore::MaxBodyLength)
        return badField(u"body"_s, u"Expected body (1-10000 characters)."_s);
    JsonReply refusedEntities = JsonReply::noContent();
    const auto entities = m_services.access.admitEntities(
        session->userId, conversationId, text, body->value("entities"_L1), &refusedEntities);
    if (!entities)
        return refusedEntities;
    return answer(
        m_services.messages.edit(session->userId, conversationId, messageId, text, *entities));
}

JsonReply MessageActionsApi::remove(const QString &conversationId, const QString &messageId,
                                    const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal,
                                                 ChatAccess::Outsiders::AsNoSuchMessage);
    if (!session)
        return refusal;
    const MessageStore::Change change =
        m_services.messages.remove(session->userId, conversationId, messageId);
    // Its files are gone; content that no other file names leaves the disk.
    if (change.isNewVersion)
        m_services.files.removeUnreferencedBlobs();
    return answer(change);
}

JsonReply MessageActionsApi::react(const QString &conversationId, const QString &messageId,
                                   const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal,
                                                 ChatAccess::Outsiders::AsNoSuchMessage);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    const QJsonValue emoji = body ? body->value("emoji"_L1) : QJsonValue();
    if (!emoji.isString() || !isReactionEmoji(emoji.toString()))
        return badField(u"emoji"_s, u"emoji must be 1-32 characters of one emoji."_s);
    const QJsonValue add = body->value("add"_L1);
    if (!add.isBool())
        return badField(u"add"_s, u"add must be true or false."_s);
    return answer(m_services.messages.react(session->userId, conversationId, messageId,
                                            emoji.toString(), add.toBool()));
}

JsonReply MessageActionsApi::answer(const MessageStore::Change &change)
{
    using Refusal = MessageStore::Refusal;
    switch (change.refusal) {
    case Refusal::None:
        break;
    case Refusal::NotFound:
        return JsonReply::error(error::NotFound, u"No such message in this conversation."_s);
    case Refusal::NotAuthor:
        return JsonReply::error(error::Forbidden, u"Only its author may change a message."_s);
    case Refusal::Deleted:
        return JsonReply::error(error::NotEditable, u"The message was deleted."_s);
    case Refusal::TooManyReactions:
        return JsonReply::error(error::TooManyReactions,
                                u"A message takes at most %1 different reactions."_s.arg(
                                    limits::MaxReactionsPerMessage));
    case Refusal::Failed:
        return JsonReply::error(error::ServerError, u"Could not store the change."_s);
    }
    if (change.isNewVersion)
        m_services.access.pushMessageEvent({{u"type"_s, QString(event::MessageUpdated)}},
                                           change.message);
    return JsonReply::ok({{u"message"_s, change.message}});
}

JsonReply MessageActionsApi::typing(const QString &conversationId,
                                    const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal);
    if (!session)
        return refusal;
    if (!typingDue(session->userId, conversationId))
        return JsonReply::noContent();
    const QString workspaceId = m_services.messages.workspaceOf(conversationId);
    QStringList others = m_services.messages.audience(conversationId);
    others.removeAll(session->userId);
    const auto account = m_services.accounts.findById(session->userId);
    const QJsonObject user{{u"id"_s, session->userId},
                           {u"display_name"_s, account ? account->displayName : QString()}};
    m_services.events.pushWorkspaceEvent(workspaceId, others,
                                         {{u"type"_s, QString(event::Typing)},
                                          {u"workspace_id"_s, workspaceId},
                                          {u"conversation_id"_s, conversationId},
                                          {u"user"_s, user}});
    return JsonReply::noContent();
}

bool MessageActionsApi::typingDue(const QString &userId, const QString &conversationId)
{
    const qint64 now = m_services.clock.now();
    // Forget what can no longer hold an event back, so the table stays as small as the number
    // of people typing right now.
    m_typingSent.removeIf(
        [now](const auto &sent) { return now - sent.value() >= limits::TypingIntervalSeconds; });
    const QString key = userId + u'\n' + conversationId;
    if (m_typingSent.contains(key))
        return false;
    m_typingSent.insert(key, now);
    return true;
}

JsonReply MessageActionsApi::reads(const QString &conversationId,
                                   const QHttpServerRequest &request) const
{
    JsonReply refusal = JsonReply::noContent();
    if (!m_services.access.admit(conversationId, request, &refusal))
        return refusal;
    const auto members = m_services.messages.readMarks(conversationId);
    if (!members)
        return JsonReply::error(
            error::TooLarge,
            u"The conversation has more than %1 members."_s.arg(limits::MaxReadsMembers));
    return JsonReply::ok({{u"members"_s, *members}});
}

} // namespace moim::server
