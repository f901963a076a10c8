#pragma once

#include "json_reply.h"
#include "token_service.h"

#include <QHttpServerRequest>
#include <QJsonObject>
#include <optional>
#include <protocol/message_entities.h>

namespace moim::server {

class AccountStore;
class ApiServer;
class ConversationStore;
class EventHub;
class MessageStore;

// Who may act in a conversation's chat, and telling everyone who sees it: shared by the chat
// endpoints (ChatApi, MessageActionsApi) and "mark all read" (ConversationApi), so each answers
// and reaches the same people.
class ChatAccess
{
public:
    struct Services
    {
        MessageStore &messages;
        const ConversationStore &conversations;
        AccountStore &accounts;
        TokenService &tokens;
        EventHub &events;
        const ApiServer &api;
    };

    explicit ChatAccess(Services services);

    // How someone who does not see the conversation is refused: as history refuses them
    // (forbidden, or not_found for a private channel), or, acting on one of its messages, as if
    // there were no such message.
    enum class Outsiders
    {
        AsConversation,
        AsNoSuchMessage,
    };
    // The caller's session when it may read and write the conversation: signed in, sees it, and
    // its workspace is open to the session (2-step). Otherwise the refusal.
    std::optional<TokenService::SessionRef>
    admit(const QString &conversationId, const QHttpServerRequest &request, JsonReply *refusal,
          Outsiders outsiders = Outsiders::AsConversation) const;
    // The entities of a message `userId` writes in the conversation (`value` is the request's
    // "entities"), when they are well formed for `body`, every mention names someone who sees the
    // conversation, and @channel/@here come from an admin of a channel (its creator or a
    // workspace admin). Otherwise the refusal: bad_request or forbidden, with field "entities".
    std::optional<QList<moim::protocol::MessageEntity>>
    admitEntities(const QString &userId, const QString &conversationId, const QString &body,
                  const QJsonValue &value, JsonReply *refusal) const;
    // The refusal for someone outside the conversation.
    JsonReply notMember(const QString &conversationId) const;
    // Whether the conversation's workspace is closed to this session (2-step verification).
    bool isLocked(const TokenService::SessionRef &session, const QString &conversationId) const;

    // A message event (message.created, message.updated) to everyone who sees the conversation:
    // the author's devices get the message with its client id, everyone else without it.
    // `event` carries its type and anything else; workspace_id, conversation_id and message are
    // filled in.
    void pushMessageEvent(QJsonObject event, const QJsonObject &message);
    // read_mark.moved to everyone who sees the conversation but the reader (whose own devices
    // get read.updated).
    void pushReadMarkMoved(const QString &userId, const QString &conversationId, qint64 seq);

private:
    Services m_services;
};

} // namespace moim::server
