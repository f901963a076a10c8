#pragma once

#include <QString>
#include <optional>

namespace moim::server {

class Clock;
class Database;
class Throttle;

// Device proofs (docs/protocol.md "Throttling"), after OWASP's "device cookie": every sign-in
// hands the client an opaque token (256 bits, kept here only as its SHA-256) bound to the
// account it signed in to. A client that presents a live proof of that account later has its
// failed attempts counted under the proof alone, so failures from anywhere else never lock it
// out. A proof lives 180 days, is replaced by a new one at each sign-in that presents it, and is
// withdrawn once its failures reach 10; an account keeps its 20 newest.
class DeviceProofs
{
public:
    DeviceProofs(Database &database, const Clock &clock, const Throttle &throttle);

    // A new proof for a client that has just signed in to accountKey (getting sessionId). The
    // proof it presented, if any, is withdrawn: each proof is good for one run of sign-ins.
    std::optional<QString> issue(const QString &accountKey, const QString &sessionId,
                                 const QString &replacedId = {});
    // The id of the live proof of accountKey that token is, or an empty string. A proof whose
    // failures have reached the limit is withdrawn here and answers empty.
    QString validate(const QString &accountKey, const QString &token);
    // Withdraws every proof of the account but the one issued with keepSessionId (after a
    // password change or reset: whoever knew the old password has no standing any more).
    void revokeAll(const QString &accountKey, const QString &keepSessionId = {});

private:
    void withdraw(const QString &id);

    Database &m_database;
    const Clock &m_clock;
    const Throttle &m_throttle;
};

} // namespace moim::server
