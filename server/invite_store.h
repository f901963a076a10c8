#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// Invitations to a workspace: valid 24 hours, single use, the token kept only as a hash.
// A resend ends the old invitation (marked replaced) and issues a new one with a new token.
class InviteStore
{
public:
    static constexpr int ValiditySeconds = 24 * 3600;

    enum class Status
    {
        Valid,
        Expired,
        Used,
        Revoked,
        Replaced,
        Unknown
    };

    struct Invite
    {
        QString id;
        QString email; // normalised
        QString workspaceId;
        QString inviterName;
        qint64 createdAt = 0;
        qint64 expiresAt = 0;
        bool used = false;
        bool revoked = false;
        QString replacedBy;
    };

    struct Issued
    {
        Invite invite;
        QString token; // given out once, in the mail; never stored
    };

    InviteStore(Database &database, const Clock &clock);

    // Told the SHA-256 of a link's token when the link stops working (used, withdrawn or
    // replaced), so whoever keeps a copy of the link can let it go.
    using LinkEnded = std::function<void(const QByteArray &tokenHash)>;
    void setLinkEndedHandler(LinkEnded handler) { m_linkEnded = std::move(handler); }

    std::optional<Issued> create(const QString &normalisedEmail, const QString &workspaceId,
                                 const QString &inviterName);
    // Replaces a pending invitation's link; nullopt when it is not pending.
    std::optional<Issued> resend(const QString &inviteId);
    bool revoke(const QString &inviteId);
    QList<Invite> pending() const;
    std::optional<Invite> find(const QString &inviteId) const;

    Status lookup(const QString &token, Invite *invite) const;
    // Marks the invitation used; false if it was used meanwhile (single use under races).
    bool markUsed(const QString &inviteId);

private:
    Status statusOf(const Invite &invite) const;
    std::optional<Issued> insert(const QString &email, const QString &workspaceId,
                                 const QString &inviterName);
    void tellLinkEnded(const QString &inviteId) const;

    Database &m_database;
    const Clock &m_clock;
    LinkEnded m_linkEnded;
};

} // namespace moim::server
