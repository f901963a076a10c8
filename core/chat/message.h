#pragma once

#include <QJsonObject>
#include <QString>

namespace moim {

// One message as the client keeps it: from the server, or written here and still on its way.
struct Message
{
    enum class State
    {
        Sent,
        Pending,
        Failed
    };

    // The key it is stored and shown under: the server id once the server has the message, the
    // client id while it exists only here (pending or failed).
    QString localId;
    QString id; // server id, empty until the server has it
    QString conversationId;
    // The idempotency key of a message written by this account; empty for anyone else's.
    QString clientId;
    qint64 seq = 0; // 0 until the server has it
    QString authorId;
    QString authorName;
    QString body;
    qint64 createdAt = 0;
    State state = State::Sent;
    // Why the server refused it for good, when Failed: its wire error code (e.g. "forbidden").
    QString failure;

    // A message from the server. Its client id is kept only when `ownAccountId` wrote it: a
    // client id on anyone else's message is never trusted to match a row of ours.
    static Message fromJson(const QJsonObject &object, const QString &ownAccountId);
    // Whether `body` mentions someone called `displayName` ("@김지민").
    bool mentions(const QString &displayName) const;
    bool operator==(const Message &) const = default;
};

} // namespace moim
