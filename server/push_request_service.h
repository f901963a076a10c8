#pragma once

#include "json_reply.h"
#include "token_service.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace moim::server {

class AccountStore;
class Clock;
class PersonalAccountStore;
class Throttle;

// Push requests to the phone signed in to a personal account (docs/protocol.md "Push sign-in"
// and "Linking a personal account"): a desktop that wants to sign in with the linked personal
// account, or a signed-in work account that wants to link one. Each request carries a 2-digit
// number that only the desktop shows; the phone lists the request (with the IP the server saw
// and the device as the desktop claims it) and approves with that number, or denies it,
// optionally reporting it, which blocks pushes to the personal account for a while.
//
// Every request is answered the same way whether or not the personal account exists or is
// linked, so that nobody can probe ids; only a real, linked account's phone ever sees it. The
// limits apply to all: 60 s to answer, at most 3 waiting per personal account, one wrong number
// ends the request. Requests live in memory: they last a minute.
class PushRequestService : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int requestSeconds = 60;
        int maxPendingPerAccount = 3;
        int blockSeconds = 3600;
        // Sign-in requests one IP address may start per window (anonymous callers).
        int signInsPerIp = 30;
        int ipWindowSeconds = 10 * 60;
    };

    enum class Kind
    {
        SignIn,
        Link
    };

    enum class Outcome
    {
        Ok,
        Unknown,        // no such request, or not this personal account's (not_found)
        Expired,        // its minute is over (push_expired)
        Used,           // already approved, denied or ended (push_used)
        WrongCode,      // the number did not match; the request has ended (wrong_code)
        Refused,        // membership or throttling said no; `refusal` holds the answer
        AlreadyLinked,  // link: one side is linked already (already_linked)
        TooManyPending, // 3 requests already wait for this personal account (retryAfter)
        Blocked,        // pushes to this personal account are blocked after a report (retryAfter)
        TooManyFromIp,  // the per-IP cap on sign-in requests (too_many_attempts)
    };

    struct Started
    {
        QString requestId;
        QString checkCode;
        qint64 expiresIn = 0;
        qint64 retryAfter = 0; // with TooManyPending and Blocked
    };

    // What the phone lists: never the number.
    struct Listed
    {
        QString requestId;
        Kind kind = Kind::SignIn;
        QString userId; // the work account that would sign in, or that asks to link
        QString ip;
        qint64 requestedAt = 0;
        qint64 expiresIn = 0;
        TokenService::Device device; // as the desktop claims it
    };

    struct Redeemed
    {
        QString userId;
        TokenService::Device device;
        QString personalId; // whose phone approved
    };

    PushRequestService(PersonalAccountStore &personal, AccountStore &accounts, Throttle &throttle,
                       const Clock &clock, Limits limits, QObject *parent = nullptr);

    // A desktop's sign-in request, holding only the SHA-256 of the secret that redeems it.
    Outcome startSignIn(const QString &ip, const QByteArray &secretHash, const QString &personalId,
                        const TokenService::Device &claimedDevice, Started *started);
    // A signed-in work account asks to link personalId.
    Outcome startLink(const TokenService::SessionRef &requester, const QString &personalId,
                      const QString &ip, const TokenService::Device &device, Started *started);
    // The desktop withdrew its link request (false: not its own, or no longer waiting).
    bool cancelLink(const TokenService::SessionRef &requester, const QString &requestId);
    // The desktop's login channel closed before an approval: nobody is left to redeem it.
    void abandon(const QString &requestId);

    // What kind of request a phone of this personal account may answer under this id.
    std::optional<Kind> kindOf(const QString &personalId, const QString &requestId);
    // Oldest first; only requests a phone of this personal account may answer.
    QList<Listed> pendingFor(const QString &personalId);
    Outcome approve(const QString &personalId, const QString &requestId, const QString &checkCode,
                    JsonReply *refusal);
    // report: "I didn't request this" — pushes to the personal account stop for a while.
    Outcome deny(const QString &personalId, const QString &requestId, bool report,
                 qint64 *blockedFor);
    // Unknown, Used or Expired all mean: nothing for you.
    Outcome redeem(const QString &requestId, const QString &secret, Redeemed *redeemed);

    const Limits &limits() const { return m_limits; }

Q_SIGNALS:
    // To the desktop's login channel (sign-in requests).
    void signInApproved(const QString &requestId);
    void signInEnded(const QString &requestId, const QString &reason);
    void signInRedeemed(const QString &requestId);
    // To the requesting work session (link requests).
    void linked(const QString &userId, const QString &sessionId, const QString &requestId,
                const QString &personalId, const QString &ip, const QString &deviceName);
    void linkEnded(const QString &userId, const QString &sessionId, const QString &requestId,
                   const QString &reason);
    // The owner reported a sign-in request they did not make; userId is the work account it
    // would have signed in.
    void reported(const QString &userId, const QString &personalId, const QString &ip,
                  const TokenService::Device &device);

private:
    enum class State
    {
        Pending,
        Approved, // sign-in only: waiting for the desktop to redeem
        Done
    };

    struct Request
    {
        QString id;
        Kind kind = Kind::SignIn;
        QString personalId;
        // The work account concerned; empty for a sign-in request to an account that is not
        // linked (it is never shown to anyone and simply expires).
        QString userId;
        QString requesterSessionId; // link only
        bool deliverable = false;   // a real personal account's phone may see it
        QByteArray secretHash;      // sign-in only
        QString checkCode;
        QString ip;
        TokenService::Device device;
        qint64 createdAt = 0;
        qint64 approvedAt = 0;
        State state = State::Pending;
    };

    Outcome admit(const QString &personalId, Started *started);
    Request &insert(Request request, Started *started);
    Request *find(const QString &requestId);
    Request *forPhone(const QString &personalId, const QString &requestId);
    bool expired(const Request &request) const;
    // Ends a request that is still open, telling whoever waits for it.
    void end(Request &request, QLatin1StringView reason);
    void sweep();

    PersonalAccountStore &m_personal;
    AccountStore &m_accounts;
    Throttle &m_throttle;
    const Clock &m_clock;
    Limits m_limits;
    QHash<QString, Request> m_requests;
    QHash<QString, QList<qint64>> m_signInsByIp;
    // Ends requests whose minute is over (reading the server clock, which tests move) and
    // forgets old ones; runs only while there are requests.
    QTimer m_sweepTimer;
};

} // namespace moim::server
