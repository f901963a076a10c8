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

    // The name to show: the English one in an English UI where the company gave one, else the
    // company's own.
    QString shownName(bool english) const { return english && !nameEn.isEmpty() ? nameEn : name; }
    // The other name, for a subtitle or a tooltip; empty when there is no second name.
    QString otherName(bool english) const
    {
        const QString other = shownName(english) == name ? nameEn : name;
        return other == shownName(english) ? QString() : other;
    }

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
    // The user's own notification level for the conversation; Inherit follows the workspace.
    enum class MuteLevel
    {
        Inherit,
        All,
        MentionsAndDirect,
        Nothing
    };
    // The message pinned as the conversation's notice; empty messageId when there is none.
    struct PinnedNotice
    {
        QString messageId;
        qint64 seq = 0;
        QString authorName;
        QString body;
        qint64 createdAt = 0;
        QString pinnedByName;
        qint64 pinnedAt = 0;

        bool isEmpty() const { return messageId.isEmpty(); }
        bool operator==(const PinnedNotice &) const = default;
    };

    QString id;
    QString workspaceId;
    Kind kind = Kind::Channel;
    QString name;
    QString topic; // a channel's description
    qint64 lastActivity = 0;
    bool isPrivate = false;
    qint64 createdAt = 0;
    QString createdById = {}; // empty for the channels a workspace started with
    QString createdByName = {};
    bool canEdit = false; // the user may rename and describe it
    MuteLevel muteLevel = MuteLevel::Inherit;
    int memberCount = 0;
    PinnedNotice pinned = {};

    // Muted: no notification, and its unread messages count in no badge total.
    bool isMuted() const { return muteLevel == MuteLevel::Nothing; }

    static Conversation fromJson(const QJsonObject &object, const QString &workspaceId);
    static QString muteLevelName(MuteLevel level);
    static MuteLevel muteLevelFromName(const QString &name);
    bool operator==(const Conversation &) const = default;
};

} // namespace moim
