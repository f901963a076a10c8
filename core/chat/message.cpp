#include "message.h"

#include <QSet>

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// A server could send anything: names, emoji and lists are kept to sizes the product never
// exceeds, so a hostile or broken answer cannot swell what is kept and painted.
constexpr qsizetype MaxNameLength = 200;
constexpr qsizetype MaxEmojiLength = 32; // UTF-16 units, the server's own limit
constexpr qsizetype MaxReactions = 20;   // distinct emoji per message, the server's own limit
constexpr qsizetype MaxReactionUsers = 10000;
constexpr qsizetype MaxFileNameLength = 255; // UTF-16 units, the server's own limit
constexpr qsizetype MaxTypeLength = 200;
constexpr qint64 MaxImageSide = 1 << 16; // a bigger side is no image any decoder would open

QString bounded(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    // Never half a surrogate pair.
    qsizetype cut = length;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut);
}

qint64 nonNegative(const QJsonValue &value)
{
    return std::max<qint64>(value.toInteger(), 0);
}

} // namespace

std::optional<ReplyQuote> ReplyQuote::fromJson(const QJsonObject &object)
{
    ReplyQuote quote;
    quote.id = object.value("id"_L1).toString();
    if (quote.id.isEmpty())
        return std::nullopt;
    quote.seq = nonNegative(object.value("seq"_L1));
    const QJsonObject author = object.value("author"_L1).toObject();
    quote.authorId = author.value("id"_L1).toString();
    quote.authorName = bounded(author.value("display_name"_L1).toString(), MaxNameLength);
    quote.deleted = object.value("deleted"_L1).toBool();
    if (!quote.deleted)
        quote.snippet = snippetOf(object.value("snippet"_L1).toString());
    return quote;
}

QJsonObject ReplyQuote::toJson() const
{
    return {{u"id"_s, id},
            {u"seq"_s, seq},
            {u"author"_s, QJsonObject{{u"id"_s, authorId}, {u"display_name"_s, authorName}}},
            {u"snippet"_s, snippet},
            {u"deleted"_s, deleted}};
}

QString ReplyQuote::snippetOf(const QString &body)
{
    const qsizetype lineEnd = body.indexOf(u'\n');
    const QString firstLine = lineEnd < 0 ? body : body.left(lineEnd);
    return bounded(firstLine.trimmed(), SnippetLength);
}

std::optional<Attachment> Attachment::fromJson(const QJsonObject &object)
{
    Attachment attachment;
    attachment.fileId = object.value("id"_L1).toString();
    attachment.uploadKey = object.value("upload_key"_L1).toString();
    attachment.name = bounded(object.value("name"_L1).toString(), MaxFileNameLength);
    if ((attachment.fileId.isEmpty() && attachment.uploadKey.isEmpty()) ||
        attachment.name.isEmpty())
        return std::nullopt;
    attachment.size = nonNegative(object.value("size"_L1));
    attachment.type = bounded(object.value("type"_L1).toString(), MaxTypeLength);
    attachment.hasPreview = object.value("preview"_L1).toBool();
    const QJsonObject image = object.value("image"_L1).toObject();
    const qint64 width = nonNegative(image.value("width"_L1));
    const qint64 height = nonNegative(image.value("height"_L1));
    if (width > 0 && height > 0 && width <= MaxImageSide && height <= MaxImageSide) {
        attachment.width = int(width);
        attachment.height = int(height);
    }
    return attachment;
}

QJsonObject Attachment::toJson() const
{
    QJsonObject json{
        {u"name"_s, name}, {u"size"_s, size}, {u"type"_s, type}, {u"preview"_s, hasPreview}};
    if (!fileId.isEmpty())
        json.insert(u"id"_s, fileId);
    if (!uploadKey.isEmpty())
        json.insert(u"upload_key"_s, uploadKey);
    if (isImage())
        json.insert(u"image"_s, QJsonObject{{u"width"_s, width}, {u"height"_s, height}});
    return json;
}

QList<Attachment> Attachment::listFromJson(const QJsonArray &array)
{
    QList<Attachment> attachments;
    for (const QJsonValue &value : array) {
        if (attachments.size() >= MaxPerMessage)
            break;
        if (const auto attachment = fromJson(value.toObject()))
            attachments.append(*attachment);
    }
    return attachments;
}

QJsonArray Attachment::listToJson(const QList<Attachment> &attachments)
{
    QJsonArray array;
    for (const Attachment &attachment : attachments)
        array.append(attachment.toJson());
    return array;
}

QList<Reaction> Message::reactionsFromJson(const QJsonArray &array)
{
    QList<Reaction> reactions;
    QSet<QString> seen;
    for (const QJsonValue &value : array) {
        if (reactions.size() >= MaxReactions)
            break;
        const QJsonObject object = value.toObject();
        Reaction reaction;
        reaction.emoji = object.value("emoji"_L1).toString();
        if (reaction.emoji.isEmpty() || reaction.emoji.size() > MaxEmojiLength ||
            seen.contains(reaction.emoji))
            continue;
        for (const QJsonValue &user : object.value("users"_L1).toArray()) {
            const QJsonObject who = user.toObject();
            const QString id = who.value("id"_L1).toString();
            if (id.isEmpty() || reaction.userIds.contains(id))
                continue;
            if (reaction.userIds.size() >= MaxReactionUsers)
                break;
            reaction.userIds.append(id);
            reaction.userNames.append(
                bounded(who.value("display_name"_L1).toString(), MaxNameLength));
        }
        if (reaction.userIds.isEmpty())
            continue; // nobody left on it: it is not shown
        seen.insert(reaction.emoji);
        reactions.append(reaction);
    }
    return reactions;
}

QJsonArray Message::reactionsToJson(const QList<Reaction> &reactions)
{
    QJsonArray array;
    for (const Reaction &reaction : reactions) {
        QJsonArray users;
        for (qsizetype i = 0; i < reaction.userIds.size(); ++i) {
            users.append(QJsonObject{{u"id"_s, reaction.userIds.at(i)},
                                     {u"display_name"_s, reaction.userNames.value(i)}});
        }
        array.append(QJsonObject{{u"emoji"_s, reaction.emoji}, {u"users"_s, users}});
    }
    return array;
}

Message Message::fromJson(const QJsonObject &object, const QString &ownAccountId)
{
    Message message;
    message.id = object.value("id"_L1).toString();
    message.conversationId = object.value("conversation_id"_L1).toString();
    message.seq = nonNegative(object.value("seq"_L1));
    // A server from before versions: the message as first written.
    message.version = std::max(nonNegative(object.value("version"_L1)), message.seq);
    message.editedAt = nonNegative(object.value("edited_at"_L1));
    message.deleted = object.value("deleted"_L1).toBool();
    const QJsonObject author = object.value("author"_L1).toObject();
    message.authorId = author.value("id"_L1).toString();
    message.authorName = bounded(author.value("display_name"_L1).toString(), MaxNameLength);
    message.createdAt = object.value("created_at"_L1).toInteger();
    if (!ownAccountId.isEmpty() && message.authorId == ownAccountId)
        message.clientId = object.value("client_id"_L1).toString();
    // A deleted message keeps nothing of what it said, whatever a server sent along.
    if (!message.deleted) {
        message.body = object.value("body"_L1).toString();
        message.replyTo = ReplyQuote::fromJson(object.value("reply_to"_L1).toObject());
        message.reactions = reactionsFromJson(object.value("reactions"_L1).toArray());
        message.entities = entitiesFromJson(object.value("entities"_L1), message.body);
        message.attachments = Attachment::listFromJson(object.value("attachments"_L1).toArray());
    }
    message.localId = message.id;
    return message;
}

bool Message::mentions(const QString &accountId) const
{
    return !accountId.isEmpty() && !deleted && moim::protocol::entitiesMention(entities, accountId);
}

QList<moim::protocol::MessageEntity> Message::entitiesFromJson(const QJsonValue &value,
                                                               const QString &body)
{
    return moim::protocol::parseMessageEntities(value, body)
        .value_or(QList<moim::protocol::MessageEntity>());
}

bool Message::hasReacted(const QString &emoji, const QString &accountId) const
{
    return std::any_of(reactions.cbegin(), reactions.cend(), [&](const Reaction &reaction) {
        return reaction.emoji == emoji && reaction.userIds.contains(accountId);
    });
}

bool Message::supersedes(const Message &held) const
{
    return held.id.isEmpty() || version > held.version;
}

} // namespace moim
