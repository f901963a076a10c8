#pragma once

#include "throttle.h"
#include "token_service.h"

#include <QString>
#include <optional>

namespace moim::server {

class SecretBox;

class Clock;
class Database;

// The one 2-step verification check (docs/protocol.md "2-step verification"). Every sign-in path
// asks it the same two questions and nothing else decides:
//  - before creating a session for a user: needsCode(userId)? If so, no session yet;
//    beginChallenge() and answer `second_factor_required` with the challenge id, and the client
//    finishes through POST /auth/second-factor (answerChallenge()), which creates the session
//    marked as having passed 2-step;
//  - before letting an existing session vouch for another sign-in (QR approval):
//    sessionMayApprove(sessionId).
// Codes are RFC 6238 TOTP (SHA-1, 6 digits, 30 s, ±1 step), each accepted once; every code is
// counted in the throttle before it is compared (a right one clears the count), and 5 wrong ones
// end a challenge. Recovery codes work once each.
class TwoStepCheck
{
public:
    enum class Outcome
    {
        Accepted,
        Wrong,
        Reused,
        Expired, // a real code of a step that has passed
        ChallengeEnded,
        Throttled,
        NotEnrolled,
    };

    enum class CodeKind
    {
        Totp,
        Recovery
    };

    struct Challenge
    {
        QString id; // opaque, 256 bits; stored only as a hash
        qint64 expiresIn = 0;
    };

    struct Answer
    {
        Outcome outcome = Outcome::Wrong;
        qint64 retryAfter = 0; // with Throttled
        int attemptsLeft = 0;  // with Wrong, Reused, Expired
        // With Accepted: whom to create the session for, and the device proof its password was
        // presented with (replaced by the sign-in's new one).
        QString userId;
        TokenService::Device device;
        QString deviceProofId;
    };

    // Where the password of a challenge came from: its codes count under the same throttle keys.
    struct Source
    {
        QString ip;
        QString deviceProofId;
    };

    TwoStepCheck(Database &database, const Clock &clock, Throttle &throttle, TokenService &tokens,
                 const SecretBox &secrets);

    bool isEnrolled(const QString &userId) const;
    // Whether a sign-in of this user must pass a code before it gets a session.
    bool needsCode(const QString &userId) const { return isEnrolled(userId); }

    std::optional<Challenge> beginChallenge(const QString &userId, const QString &emailKey,
                                            const TokenService::Device &device,
                                            const Source &source);
    Answer answerChallenge(const QString &challengeId, const QString &code, CodeKind kind);

    // Checks a code of a user outside a challenge (disable, regenerate, change password, joining
    // a workspace). The attempt is counted under throttleKeys before the code is compared.
    Answer verifyForAccount(const QString &userId, const QList<Throttle::Key> &throttleKeys,
                            const QString &code, CodeKind kind);

    // QR approval and other "this device vouches for that one" paths: only a session that
    // proved a second factor may vouch while the account has 2-step enabled.
    bool sessionMayApprove(const QString &sessionId, const QString &userId) const;
    void markSessionPassed(const QString &sessionId) { m_tokens.setTwoStepPassed(sessionId); }

    // Checks a TOTP code against a secret, consuming its step for userId (replay refused).
    // Used by enrolment to confirm a pending secret too.
    Outcome checkTotp(const QString &userId, const QByteArray &secret, const QString &code);

private:
    Outcome checkCode(const QString &userId, const QString &code, CodeKind kind);
    bool consumeRecoveryCode(const QString &userId, const QString &code);

    Database &m_database;
    const Clock &m_clock;
    Throttle &m_throttle;
    TokenService &m_tokens;
    const SecretBox &m_secrets;
};

} // namespace moim::server
