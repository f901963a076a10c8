#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace moim {

struct AccountIdentity
{
    QString id;
    QString email;
    QString displayName;

    static AccountIdentity fromJson(const QJsonObject &object);
    bool isValid() const { return !id.isEmpty() && !email.isEmpty(); }
};

struct Workspace
{
    QString id;
    QString name;   // as the company named it (often Korean)
    QString nameEn; // the English name, may be empty
    QString initials;
    QString color; // "#RRGGBB" chosen by the server, used for the tile
    QString role;
    bool available = true; // false once the user was removed, until the list is refreshed
    // Why the workspace cannot be opened yet, empty when it can: "two_step_required" until the
    // user enables 2-step verification (protocol::lock).
    QString locked = {};
    int unread = 0;

    static Workspace fromJson(const QJsonObject &object);
    // Builds the list from a JSON array, skipping entries without an id.
    static QList<Workspace> listFromJson(const QJsonValue &array);
    bool operator==(const Workspace &) const = default;
};

struct Conversation
{
    enum class Kind
    {
        Channel,
        Direct
    };
    QString id;
    QString workspaceId;
    Kind kind = Kind::Channel;
    QString name;
    QString topic;
    qint64 lastActivity = 0;

    static Conversation fromJson(const QJsonObject &object, const QString &workspaceId);
    bool operator==(const Conversation &) const = default;
};

} // namespace moim
