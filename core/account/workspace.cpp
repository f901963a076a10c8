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
    return conversation;
}

} // namespace moim
