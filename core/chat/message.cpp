#include "message.h"

namespace moim {

using namespace Qt::StringLiterals;

Message Message::fromJson(const QJsonObject &object, const QString &ownAccountId)
{
    Message message;
    message.id = object.value("id"_L1).toString();
    message.conversationId = object.value("conversation_id"_L1).toString();
    message.seq = object.value("seq"_L1).toInteger();
    const QJsonObject author = object.value("author"_L1).toObject();
    message.authorId = author.value("id"_L1).toString();
    message.authorName = author.value("display_name"_L1).toString();
    message.body = object.value("body"_L1).toString();
    message.createdAt = object.value("created_at"_L1).toInteger();
    if (!ownAccountId.isEmpty() && message.authorId == ownAccountId)
        message.clientId = object.value("client_id"_L1).toString();
    message.localId = message.id;
    return message;
}

bool Message::mentions(const QString &displayName) const
{
    return !displayName.isEmpty() && body.contains(u'@' + displayName, Qt::CaseInsensitive);
}

} // namespace moim
