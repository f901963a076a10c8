#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// Who belongs to which conversation, and what each conversation is (name, description, private,
// creator, pinned notice), with each user's notification level for it.
//
// Membership: a direct conversation and a channel created through the API list their members
// (conversation_members). The channels a workspace started with (listed_members = 0) belong to
// every active member of the workspace except those who left them (conversation_leaves), so a
// new member of the workspace finds them without anyone adding them.
class ConversationStore
{
public:
    static constexpr int MaxNameLength = 80;
    static constexpr int MaxTopicLength = 500;
    static constexpr int MaxDirectMembers = 8; // besides the one who starts it

    ConversationStore(Database &database, const Clock &clock);

    // An SQL condition that holds when `userExpression` (":user", "ms.user_id") belongs to the
    // conversation aliased `c`. The caller checks the workspace membership on its own.
    static QString memberCondition(const QString &userExpression);

    // How a user stands to a conversation. A private channel the user is not in is Hidden:
    // nobody outside learns it exists.
    enum class Standing
    {
        Hidden, // no such conversation, or a private one the user is not in
        Outside,
        Member
    };
    Standing standing(const QString &userId, const QString &conversationId) const;

    // The conversations of a workspace the user belongs to, channels first, then direct ones,
    // each newest activity first, as conversationJson() writes them.
    QJsonArray list(const QString &userId, const QString &workspaceId) const;
    // One conversation as `viewerId` sees it: a direct conversation is named after the others.
    QJsonObject conversationJson(const QString &viewerId, const QString &conversationId) const;
    // The public channels of a workspace with the viewer's membership and the member count.
    QJsonArray browse(const QString &viewerId, const QString &workspaceId) const;
    // The active members of a workspace: {id, display_name, role, email}, by name. Colleagues
    // in a workspace see each other's work address, as they would in the company directory.
    QJsonArray workspaceMembers(const QString &workspaceId) const;
    // Everyone in the conversation who is an active member of its workspace.
    QStringList members(const QString &conversationId) const;

    // Whether a channel of that name (compared case-insensitively) exists in the workspace,
    // other than `exceptId`.
    bool channelNameTaken(const QString &workspaceId, const QString &name,
                          const QString &exceptId = {}) const;
    // A new channel with its creator as its only member; its id, empty on failure.
    QString createChannel(const QString &workspaceId, const QString &creatorId, const QString &name,
                          const QString &topic, bool isPrivate);
    // The direct conversation of exactly these people in the workspace, if there is one.
    QString findDirect(const QString &workspaceId, QStringList userIds) const;
    QString createDirect(const QString &workspaceId, const QString &creatorId,
                         const QStringList &userIds);

    bool join(const QString &userId, const QString &conversationId);
    bool leave(const QString &userId, const QString &conversationId);

    // The channel's creator and the workspace's admins may rename and describe it.
    bool mayEdit(const QString &userId, const QString &conversationId) const;
    bool setName(const QString &conversationId, const QString &name);
    bool setTopic(const QString &conversationId, const QString &topic);

    // "inherit" (the workspace's level), "all", "mentions_and_direct" or "nothing".
    static bool isMuteLevel(const QString &level);
    QString muteLevel(const QString &userId, const QString &conversationId) const;
    bool setMuteLevel(const QString &userId, const QString &conversationId, const QString &level);

    bool messageBelongs(const QString &messageId, const QString &conversationId) const;
    // Pins a message as the notice, or clears it with an empty id.
    bool setPinned(const QString &conversationId, const QString &messageId, const QString &userId);

    // Moves the user's read mark to the newest message of every conversation of the workspace
    // the user belongs to; the conversations whose mark moved, with the new mark.
    QList<std::pair<QString, qint64>> markAllRead(const QString &userId,
                                                  const QString &workspaceId);
    // Moves the user's read mark to the newest message of the conversation.
    void markCaughtUp(const QString &userId, const QString &conversationId);

private:
    QString workspaceRole(const QString &userId, const QString &workspaceId) const;

    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
