#pragma once

#include "json_reply.h"
#include "token_service.h"

#include <QHttpServerRequest>
#include <QObject>
#include <QTimer>
#include <protocol/message_entities.h>

class QHttpServer;

namespace moim::server {

class AdminApi;
class ApiServer;
class ChatAccess;
class EventHub;
class FileStore;
class MessageStore;
class AccountStore;

// Chat over REST and the event stream (docs/protocol.md, "Chat"): history pages and windows,
// sending with a client id (exactly once), as a reply and with files, read marks, catch-up after a
// sequence number, message search, and for the demo an admin call to post as anyone plus optional
// "chatter" from demo members.
class ChatApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        MessageStore &messages;
        AccountStore &accounts;
        TokenService &tokens;
        EventHub &events;
        ChatAccess &access;
        const ApiServer &api;
        const AdminApi &admin;
        const FileStore &files;
    };

    ChatApi(QHttpServer &http, Services services, QObject *parent = nullptr);

    // Demo members post now and then (with mentions), so the demo feels alive.
    void startChatter(std::chrono::milliseconds interval);

private:
    JsonReply history(const QString &conversationId, const QHttpServerRequest &request) const;
    JsonReply send(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply markRead(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply sync(const QHttpServerRequest &request) const;
    JsonReply search(const QHttpServerRequest &request) const;
    JsonReply postAsMember(const QHttpServerRequest &request);
    // Stores, then tells everyone who sees the conversation.
    JsonReply deliver(const QString &userId, const QString &conversationId, const QString &clientId,
                      const QString &body, const QString &replyToId = {},
                      const QList<moim::protocol::MessageEntity> &entities = {},
                      const QStringList &attachments = {});
    void chatterOnce();

    Services m_services;
    QTimer m_chatter;
};

} // namespace moim::server
