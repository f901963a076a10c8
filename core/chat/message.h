#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <protocol/message_entities.h>

namespace moim {

// One emoji on a message and who put it there, in the order they did.
struct Reaction
{
    QString emoji;
    QStringList userIds;
    QStringList userNames;
    bool operator==(const Reaction &) const = default;
};

// What a reply shows of the message it answers. The server works it out each time it serves the
// reply, so it follows the original's edits and deletion.
struct ReplyQuote
{
    QString id;
    qint64 seq = 0;
    QString authorId;
    QString authorName;
    QString snippet; // the first line of the original, at most SnippetLength characters
    bool deleted = false;
    bool operator==(const ReplyQuote &) const = default;

    static constexpr int SnippetLength = 100;
    // The quote as the wire (and the stores, which keep it in the wire's form) spell it; nothing
    // without an id.
    static std::optional<ReplyQuote> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    // What a quote shows of a body: its first line, cut to SnippetLength characters.
    static QString snippetOf(const QString &body);
};

// A file a message carries, as the server describes it. A message written here carries its files
// before they are uploaded too: then `fileId` is empty and `uploadKey` names the upload that is
// under way (UploadManager), and type and image size are what this computer read of the file.
struct Attachment
{
    QString fileId;
    QString uploadKey;
    QString name;
    qint64 size = 0;
    QString type; // the MIME type the server read from the content
    bool hasPreview = false;
    int width = 0; // an image's upright size; 0 for other files
    int height = 0;
    bool operator==(const Attachment &) const = default;

    bool isImage() const { return width > 0 && height > 0; }
    // The most a message carries, the server's own limit.
    static constexpr int MaxPerMessage = 10;
    // Nothing without an id (or a name).
    static std::optional<Attachment> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    static QList<Attachment> listFromJson(const QJsonArray &array);
    static QJsonArray listToJson(const QList<Attachment> &attachments);
};

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
    // Raised by the server on every change (edit, deletion, reaction): of two copies of a
    // message, the one with the higher version is the newer. Equal to seq until it changes.
    qint64 version = 0;
    qint64 editedAt = 0; // 0: never edited
    bool deleted = false;
    QString authorId;
    QString authorName;
    QString body;
    qint64 createdAt = 0;
    State state = State::Sent;
    // Why the server refused it for good, when Failed: its wire error code (e.g. "forbidden").
    QString failure;
    std::optional<ReplyQuote> replyTo; // also set on a pending reply (from the outbox)
    QList<Reaction> reactions;
    // Mentions bound to members' ids, @channel and @here, where they stand in `body`.
    QList<moim::protocol::MessageEntity> entities;
    QList<Attachment> attachments;

    // A message from the server. Its client id is kept only when `ownAccountId` wrote it: a
    // client id on anyone else's message is never trusted to match a row of ours. Whatever is
    // missing or of the wrong type is left at its default.
    static Message fromJson(const QJsonObject &object, const QString &ownAccountId);
    // Whether it mentions the account: by a mention bound to its id, or by @channel/@here.
    // Text that merely looks like a mention ("@김지민" typed by hand) mentions nobody.
    bool mentions(const QString &accountId) const;
    bool hasReacted(const QString &emoji, const QString &accountId) const;
    // Whether this copy should replace `held`, a copy of the same message already kept: only a
    // newer version of a message the server has, while an unsent row takes every change.
    bool supersedes(const Message &held) const;
    bool operator==(const Message &) const = default;

    // Reactions in the wire's form, which the cache keeps too.
    static QList<Reaction> reactionsFromJson(const QJsonArray &array);
    static QJsonArray reactionsToJson(const QList<Reaction> &reactions);
    // Entities as the wire (and the stores) spell them, read against this message's body:
    // nothing when they do not fit it.
    static QList<moim::protocol::MessageEntity> entitiesFromJson(const QJsonValue &value,
                                                                 const QString &body);
};

} // namespace moim
