#include "workspace.h"

#include <QJsonArray>

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// The server picks initials, but a client must cope with an old or odd server that does not.
QString initialsFor(const QString &name)
{
    const QString trimmed = name.trimmed();
    return trimmed.isEmpty() ? u"?"_s : trimmed.left(1).toUpper();
}

} // namespace

AccountIdentity AccountIdentity::fromJson(const QJsonObject &object)
{
    return {object.value("id"_L1).toString(), object.value("email"_L1).toString(),
            object.value("display_name"_L1).toString()};
}

Workspace Workspace::fromJson(const QJsonObject &object)
{
    Workspace workspace;
    workspace.id = object.value("id"_L1).toString();
    workspace.name = object.value("name"_L1).toString();
    workspace.nameEn = object.value("name_en"_L1).toString();
    workspace.initials = object.value("initials"_L1).toString();
    if (workspace.initials.isEmpty())
        workspace.initials = initialsFor(workspace.name);
    workspace.color = object.value("color"_L1).toString();
    workspace.role = object.value("role"_L1).toString();
    workspace.locked = object.value("locked"_L1).toString();
    return workspace;
}

QList<Workspace> Workspace::listFromJson(const QJsonValue &array)
{
    QList<Workspace> workspaces;
    for (const QJsonValue &value : array.toArray()) {
        Workspace workspace = fromJson(value.toObject());
        if (!workspace.id.isEmpty())
            workspaces.append(std::move(workspace));
    }
    return workspaces;
}

Conversation Conversation::fromJson(const QJsonObject &object, const QString &workspaceId)
{
    Conversation conversation;
    conversation.id = object.value("id"_L1).toString();
    conversation.workspaceId = workspaceId;
    conversation.kind =
        object.value("kind"_L1).toString() == "direct"_L1 ? Kind::Direct : Kind::Channel;
    conversation.name = object.value("name"_L1).toString();
    conversation.topic = object.value("topic"_L1).toString();
    conversation.lastActivity = object.value("last_activity"_L1).toInteger();
    conversation.isPrivate = object.value("private"_L1).toBool();
    conversation.createdAt = object.value("created_at"_L1).toInteger();
    const QJsonObject creator = object.value("created_by"_L1).toObject();
    conversation.createdById = creator.value("id"_L1).toString();
    conversation.createdByName = creator.value("display_name"_L1).toString();
    conversation.canEdit = object.value("can_edit"_L1).toBool();
    conversation.muteLevel = muteLevelFromName(object.value("mute_level"_L1).toString());
    conversation.memberCount = object.value("member_count"_L1).toInt();
    const QJsonObject pinned = object.value("pinned"_L1).toObject();
    const QJsonObject message = pinned.value("message"_L1).toObject();
    if (!message.value("id"_L1).toString().isEmpty()) {
        conversation.pinned.messageId = message.value("id"_L1).toString();
        conversation.pinned.seq = message.value("seq"_L1).toInteger();
        conversation.pinned.authorName =
            message.value("author"_L1).toObject().value("display_name"_L1).toString();
        conversation.pinned.body = message.value("body"_L1).toString();
        conversation.pinned.createdAt = message.value("created_at"_L1).toInteger();
        conversation.pinned.pinnedByName =
            pinned.value("pinned_by"_L1).toObject().value("display_name"_L1).toString();
        conversation.pinned.pinnedAt = pinned.value("pinned_at"_L1).toInteger();
    }
    return conversation;
}

QString Conversation::muteLevelName(MuteLevel level)
{
    switch (level) {
    case MuteLevel::Inherit:
        break;
    case MuteLevel::All:
        return u"all"_s;
    case MuteLevel::MentionsAndDirect:
        return u"mentions_and_direct"_s;
    case MuteLevel::Nothing:
        return u"nothing"_s;
    }
    return u"inherit"_s;
}

Conversation::MuteLevel Conversation::muteLevelFromName(const QString &name)
{
    // Anything unknown (an older server says nothing) follows the workspace.
    for (const MuteLevel level :
         {MuteLevel::All, MuteLevel::MentionsAndDirect, MuteLevel::Nothing}) {
        if (muteLevelName(level) == name)
            return level;
    }
    return MuteLevel::Inherit;
}

} // namespace moim
