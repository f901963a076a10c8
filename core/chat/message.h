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

    QString localId; // client id for messages written here, the server id otherwise
    QString id;      // server id, empty until the server has it
    QString conversationId;
    QString clientId;
    qint64 seq = 0; // 0 until the server has it
    QString authorId;
    QString authorName;
    QString body;
    qint64 createdAt = 0;
    State state = State::Sent;

    static Message fromJson(const QJsonObject &object);
    // Whether `body` mentions someone called `displayName` ("@김지민").
    bool mentions(const QString &displayName) const;
    bool operator==(const Message &) const = default;
};

} // namespace moim
