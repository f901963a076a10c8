// The entities of a message (mentions bound to members, @channel, @here), as a server or a
// client sends them: the first line of the input is the body, the rest the "entities" JSON.
// Whatever the rule accepts lies inside the body, in order, without overlap, each starting at an
// "@"; it is written back to the same JSON meaning and read again to the same entities.
#include "protocol/message_entities.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace moim::protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QString body = QString::fromUtf8(newline < 0 ? input : input.left(newline));
    const QByteArray json = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonValue value = document.isArray()    ? QJsonValue(document.array())
                             : document.isObject() ? QJsonValue(document.object())
                                                   : QJsonValue();
    QString error;
    const auto entities = parseMessageEntities(value, body, &error);
    if (!entities) {
        if (error.isEmpty())
            std::abort(); // a refusal always says why
        return 0;
    }
    if (entities->size() > MaxMessageEntities)
        std::abort();
    int end = 0;
    for (const MessageEntity &entity : *entities) {
        if (entity.offset < end || entity.length < 2 || entity.offset + entity.length > body.size())
            std::abort();
        if (body.at(entity.offset) != u'@')
            std::abort();
        if ((entity.type == MessageEntity::Type::Mention) == entity.userId.isEmpty())
            std::abort();
        end = entity.offset + entity.length;
    }
    const auto again = parseMessageEntities(messageEntitiesToJson(*entities), body);
    if (!again || *again != *entities)
        std::abort();
    return 0;
}
