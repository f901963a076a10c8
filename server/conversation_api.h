#pragma once

#include "json_reply.h"
#include "token_service.h"

#include <QHttpServerRequest>
#include <QObject>
#include <optional>

class QHttpServer;

namespace moim::server {

class AccountStore;
class ApiServer;
class ChatAccess;
class ConversationStore;
class EventHub;
class MessageStore;

// Managing conversations (docs/protocol.md, "Managing conversations"): creating channels and
// direct conversations, browsing, joining and leaving channels, renaming and describing them,
// each user's notification level, the pinned notice and "mark all read". Every change reaches
// the devices of the people it concerns as conversation.created, conversation.updated or
// membership.changed.
class ConversationApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        ConversationStore &conversations;
        MessageStore &messages;
        AccountStore &accounts;
        TokenService &tokens;
        EventHub &events;
        ChatAccess &chat;
        const ApiServer &api;
    };

    ConversationApi(QHttpServer &http, Services services, QObject *parent = nullptr);

private:
    // The caller's session if it may act in the workspace (signed in, an active member, not
    // locked out by 2-step verification); otherwise the refusal.
    std::optional<TokenService::SessionRef> inWorkspace(const QString &workspaceId,
                                                        const QHttpServerRequest &request,
                                                        JsonReply *refusal) const;
    // The same for a conversation the caller may see; `needMember` also refuses a public
    // channel the caller has not joined.
    std::optional<TokenService::SessionRef> atConversation(const QString &conversationId,
                                                           const QHttpServerRequest &request,
                                                           bool needMember,
                                                           JsonReply *refusal) const;

    JsonReply createChannel(const QString &workspaceId, const QHttpServerRequest &request);
    JsonReply openDirect(const QString &workspaceId, const QHttpServerRequest &request);
    JsonReply browse(const QString &workspaceId, const QHttpServerRequest &request) const;
    JsonReply members(const QString &workspaceId, const QHttpServerRequest &request) const;
    JsonReply markAllRead(const QString &workspaceId, const QHttpServerRequest &request);
    JsonReply join(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply leave(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply editDetails(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply setNotificationLevel(const QString &conversationId,
                                   const QHttpServerRequest &request);
    JsonReply pin(const QString &conversationId, const QHttpServerRequest &request);

    // Sends an event carrying the conversation, as each of these users sees it.
    void pushConversation(QLatin1StringView type, const QString &conversationId,
                          const QStringList &userIds, const QJsonObject &extra = {});

    Services m_services;
};

} // namespace moim::server
