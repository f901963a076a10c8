#pragma once

#include <QString>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// The mock server as a personal-account provider (docs/protocol.md "Personal accounts"): the
// accounts with their own ids and passwords, the phone's sign-in to them (a long-lived personal
// session token, stored only as its hash), the link to a work account, and the block a report
// ("I didn't request this") puts on pushes. One personal account links to at most one work
// account and a work account to at most one personal account; the schema enforces both.
class PersonalAccountStore
{
public:
    struct PersonalAccount
    {
        QString id;
        QString displayName;
        QString passwordHash;
    };

    struct Link
    {
        QString personalId;
        QString displayName;
        QString userId;
        qint64 linkedAt = 0;
    };

    enum class LinkResult
    {
        Linked,
        PersonalLinkedElsewhere, // the personal account already belongs to another work account
        UserHasLink,             // the work account already has a personal account
        NoSuchAccount,
        Failed
    };

    PersonalAccountStore(Database &database, const Clock &clock);

    // Trimmed, NFC, lower case; empty when the id cannot be a personal account id (too short,
    // too long, or with spaces or control characters in it).
    static QString normaliseId(const QString &id);

    std::optional<PersonalAccount> find(const QString &normalisedId) const;
    // False when the id is taken or not valid.
    bool create(const QString &normalisedId, const QString &displayName,
                const QString &passwordHash);

    // A new personal session for the phone; returns the token (shown once).
    QString createSession(const QString &personalId, const QString &deviceName, qint64 *expiresAt);
    // The personal account of a live session token, or nullopt.
    std::optional<QString> authenticate(const QString &token) const;

    LinkResult link(const QString &personalId, const QString &userId);
    // False when the user had no link.
    bool unlink(const QString &userId, Link *removed);
    std::optional<Link> linkOfUser(const QString &userId) const;
    std::optional<Link> linkOfPersonal(const QString &personalId) const;

    // Blocks pushes to the personal account until now + seconds (never shortens a block).
    void block(const QString &personalId, qint64 seconds);
    // Seconds the block still lasts, or nullopt when pushes are allowed.
    std::optional<qint64> blockedFor(const QString &personalId) const;

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
