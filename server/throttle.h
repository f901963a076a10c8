#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// Failed password and code checks (docs/protocol.md "Throttling"), counted per key and persisted
// so a restart does not reset an attacker's count. A key names an account (the normalised
// email, or "personal:<id>") and where the attempt came from: a device proof the server issued,
// the caller's IP address, a signed-in session, or the anonymous callers of the account together.
// Each key has some free failures; then 1 s after the last free one, doubling per failure, capped
// at 15 minutes.
//
// An attempt is counted when it is admitted (reserve()), before its password is queued for
// hashing or its code compared, so parallel attempts cannot outrun the count: the 6th of 40
// simultaneous guesses is refused while the first 5 are still hashing. A check that succeeds
// clears its keys; one that turns out to be neither a failure nor a success is released.
class Throttle
{
public:
    struct Key
    {
        QString id;
        int freeFailures = 0;
        bool operator==(const Key &) const = default;
    };

    Throttle(Database &database, const Clock &clock);

    // The keys of a sign-in (password, or the code that finishes it) for an account: the device
    // proof's own key when the caller presented a valid one, otherwise its (account, IP) key and
    // the account's pool of anonymous callers.
    static QList<Key> signInKeys(const QString &accountKey, const QString &deviceProofId,
                                 const QString &ip);
    // The key of a check made by a signed-in session (password change, 2-step codes in "My
    // account", the check code of a QR approval): that session's alone.
    static QList<Key> sessionKeys(const QString &accountKey, const QString &sessionId);
    // The key of a push approval, made by the phone of the linked personal account.
    static QList<Key> pushApprovalKeys(const QString &accountKey, const QString &personalId);
    // A device proof's key (its failures decide when the proof is withdrawn).
    static Key deviceProofKey(const QString &accountKey, const QString &deviceProofId);
    // The address as a throttle key: IPv4 (also when mapped into IPv6), or the /64 prefix of an
    // IPv6 address, which one host usually owns whole.
    static QString sourceOf(const QHostAddress &address);

    // Seconds until an attempt under all of these keys is allowed (the longest wait), or nullopt
    // when it is allowed now.
    std::optional<qint64> retryAfter(const QList<Key> &keys) const;
    // Admits an attempt and counts it as a failure under every key, or refuses it (returning the
    // wait) without counting anything.
    std::optional<qint64> reserve(const QList<Key> &keys);
    // Takes back an admitted attempt that was neither a failure nor a success (e.g. the right
    // password of an account without membership, or before its 2-step code).
    void release(const QList<Key> &keys);
    void clear(const QList<Key> &keys);
    int failures(const Key &key) const;

    // The delay that follows the n-th failure (0 while still free).
    static qint64 delayAfter(int failures, int freeFailures);

private:
    std::optional<qint64> waitFor(const Key &key) const;
    void count(const Key &key);

    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
