#include "message_entities.h"

#include <QJsonObject>
#include <algorithm>

namespace moim::protocol {

using namespace Qt::StringLiterals;

namespace {

std::optional<MessageEntity::Type> typeNamed(const QString &name)
{
    if (name == "mention"_L1)
        return MessageEntity::Type::Mention;
    if (name == "channel"_L1)
        return MessageEntity::Type::Channel;
    if (name == "here"_L1)
        return MessageEntity::Type::Here;
    return std::nullopt;
}

QString nameOf(MessageEntity::Type type)
{
    switch (type) {
    case MessageEntity::Type::Mention:
        return u"mention"_s;
    case MessageEntity::Type::Channel:
        return u"channel"_s;
    case MessageEntity::Type::Here:
        return u"here"_s;
    }
    return QString();
}

bool isUserId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxEntityUserIdLength)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'_' || c == u'-';
    });
}

// A whole number that fits an int, as JSON spells one (1.0 is one, 1.5 is not).
std::optional<int> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number > 1'000'000 || number != double(qint64(number)))
        return std::nullopt;
    return int(number);
}

std::optional<QList<MessageEntity>> refuse(QString *error, const QString &reason)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

} // namespace

std::optional<QList<MessageEntity>> parseMessageEntities(const QJsonValue &value,
                                                         const QString &body, QString *error)
{
    QList<MessageEntity> entities;
    if (value.isUndefined() || value.isNull())
        return entities;
    if (!value.isArray())
        return refuse(error, u"entities must be an array."_s);
    const QJsonArray array = value.toArray();
    if (array.size() > MaxMessageEntities)
        return refuse(error, u"At most %1 entities."_s.arg(MaxMessageEntities));
    int end = 0; // where the previous entity ended
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        if (!item.isObject())
            return refuse(error, u"Each entity must be an object."_s);
        const auto type = typeNamed(object.value("type"_L1).toString());
        if (!type)
            return refuse(error, u"type must be one of mention, channel, here."_s);
        const auto offset = wholeNumber(object.value("offset"_L1));
        const auto length = wholeNumber(object.value("length"_L1));
        if (!offset || !length || *length < 2 || *offset > body.size() ||
            *length > body.size() - *offset)
            return refuse(error, u"offset and length must lie within the body."_s);
        if (*offset < end)
            return refuse(error, u"Entities must be in order and must not overlap."_s);
        const int last = *offset + *length - 1;
        if (body.at(*offset) != u'@' || body.at(last).isHighSurrogate())
            return refuse(error, u"An entity covers text that starts with @."_s);
        MessageEntity entity{*type, *offset, *length, QString()};
        const QJsonValue userId = object.value("user_id"_L1);
        if (*type == MessageEntity::Type::Mention) {
            if (!isUserId(userId.toString()))
                return refuse(error, u"A mention needs the user_id of a member."_s);
            entity.userId = userId.toString();
        } else if (!userId.isUndefined()) {
            return refuse(error, u"Only a mention has a user_id."_s);
        }
        entities.append(entity);
        end = *offset + *length;
    }
    return entities;
}

QJsonArray messageEntitiesToJson(const QList<MessageEntity> &entities)
{
    QJsonArray array;
    for (const MessageEntity &entity : entities) {
        QJsonObject object{{u"type"_s, nameOf(entity.type)},
                           {u"offset"_s, entity.offset},
                           {u"length"_s, entity.length}};
        if (entity.type == MessageEntity::Type::Mention)
            object.insert(u"user_id"_s, entity.userId);
        array.append(object);
    }
    return array;
}

bool entitiesMention(const QList<MessageEntity> &entities, const QString &userId)
{
    return std::any_of(entities.cbegin(), entities.cend(), [&](const MessageEntity &entity) {
        return entity.type != MessageEntity::Type::Mention || entity.userId == userId;
    });
}

bool entitiesAddressEveryone(const QList<MessageEntity> &entities)
{
    return std::any_of(entities.cbegin(), entities.cend(), [](const MessageEntity &entity) {
        return entity.type != MessageEntity::Type::Mention;
    });
}

} // namespace moim::protocol
