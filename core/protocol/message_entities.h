// The parts of a message's body that mean more than their text: a mention bound to a member's
// id (so renaming the member does not break it and it notifies exactly that member), and the
// whole-channel mentions @channel and @here. Both sides read them with the same rule: the server
// refuses what a client would not understand, and a client drops what a server should not have
// sent. docs/protocol.md "Mentions".
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace moim::protocol {

struct MessageEntity
{
    enum class Type
    {
        Mention, // one member, by user id
        Channel, // everyone who sees the conversation
        Here,    // everyone who sees it and is online
    };
    Type type = Type::Mention;
    // Where it is in the body, in UTF-16 code units (what both Qt and JavaScript count).
    int offset = 0;
    int length = 0;
    QString userId; // a mention's member; empty for Channel and Here
    bool operator==(const MessageEntity &) const = default;
};

inline constexpr int MaxMessageEntities = 50;
inline constexpr int MaxEntityUserIdLength = 64;

// Reads `value` (the message's "entities": absent, null or an array) against `body`. Each entity
// is an object {type, offset, length[, user_id]} covering text of the body that starts with '@',
// neither splitting a surrogate pair nor overlapping another; they come in order of offset, at
// most MaxMessageEntities. A mention has a user_id (1–64 letters, digits, '_' or '-'); the others
// have none. Returns nullopt with a short English reason in `error` when anything is off.
std::optional<QList<MessageEntity>>
parseMessageEntities(const QJsonValue &value, const QString &body, QString *error = nullptr);

QJsonArray messageEntitiesToJson(const QList<MessageEntity> &entities);

// Whether the entities mention `userId`: by name, or by @channel/@here.
bool entitiesMention(const QList<MessageEntity> &entities, const QString &userId);
// Whether any entity speaks to the whole conversation (@channel or @here).
bool entitiesAddressEveryone(const QList<MessageEntity> &entities);

} // namespace moim::protocol
