#pragma once

#include "json_reply.h"
#include "message_store.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QObject>

class QHttpServer;

namespace moim::server {

class AccountStore;
class ChatAccess;
class Clock;
class EventHub;
class FileStore;
class MessageStore;

// What people do to messages already sent and around them (docs/protocol.md, "Chat"): edit and
// delete their own, react, say they are typing, and see how far each member has read. Every
// change of a message reaches those who see the conversation as message.updated.
class MessageActionsApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        MessageStore &messages;
        AccountStore &accounts;
        ChatAccess &access;
        EventHub &events;
        const Clock &clock;
        FileStore &files;
    };

    MessageActionsApi(QHttpServer &http, Services services, QObject *parent = nullptr);

private:
    JsonReply edit(const QString &conversationId, const QString &messageId,
                   const QHttpServerRequest &request);
    JsonReply remove(const QString &conversationId, const QString &messageId,
                     const QHttpServerRequest &request);
    JsonReply react(const QString &conversationId, const QString &messageId,
                    const QHttpServerRequest &request);
    JsonReply typing(const QString &conversationId, const QHttpServerRequest &request);
    JsonReply reads(const QString &conversationId, const QHttpServerRequest &request) const;
    // The answer to a change: the refusal, or the message (told to everyone when it changed).
    JsonReply answer(const MessageStore::Change &change);
    // Whether a typing event for this user and conversation is due (none in the last
    // limits::TypingIntervalSeconds), noting it as sent when it is.
    bool typingDue(const QString &userId, const QString &conversationId);

    Services m_services;
    // When each user's last typing event per conversation went out ("user\nconversation").
    QHash<QString, qint64> m_typingSent;
};

} // namespace moim::server
