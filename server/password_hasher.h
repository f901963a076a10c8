#pragma once

#include <QByteArray>
#include <QString>
#include <atomic>

namespace moim::server {

// argon2id password hashing with libsodium. Every method is thread-safe and blocking: callers on
// the server's main thread must run verify() in a worker (it takes ~0.1 s at interactive limits).
class PasswordHasher
{
public:
    struct Limits
    {
        unsigned long long opsLimit;
        size_t memLimit;
        // What the real server uses: libsodium's interactive limits (the floor DESIGN.md sets).
        static Limits interactive();
        // The cheapest libsodium allows; only for unit tests that hash a lot.
        static Limits minimal();
    };

    explicit PasswordHasher(Limits limits);

    QString hash(const QByteArray &password) const;
    bool verify(const QString &hash, const QByteArray &password) const;

    // A hash of a random password made once at start, verified against when an email is unknown
    // so that "no such account" costs the same time as "wrong password".
    QString dummyHash() const { return m_dummyHash; }
    // How many times verify() has run: what an attacker got hashed (throttling tests count it).
    qint64 verifications() const { return m_verifications.load(); }

private:
    Limits m_limits;
    mutable std::atomic<qint64> m_verifications{0};
    QString m_dummyHash;
};

} // namespace moim::server
