#pragma once

#include "account_store.h"
#include "json_reply.h"
#include "token_service.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace moim::server {

class TwoStepCheck;

class Clock;
class Throttle;

// QR sign-in sessions (docs/protocol.md, "QR sign-in"). A desktop that is not signed in opens a
// session on its login channel with only the SHA-256 of a secret it keeps; the QR code shows the
// session id and a nonce that rotates every 30 s; a signed-in phone scans (binding the session
// to itself and getting a request id), then approves with the 2-digit check code the desktop
// shows, or denies. Only the holder of the secret can redeem an approved session, once.
// Sessions live in memory only: they last minutes and die with the desktop's channel.
class QrLoginService : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int nonceSeconds = 30;
        int sessionSeconds = 5 * 60;
        // QR sessions one IP address may create per window (anonymous callers cost us memory).
        int sessionsPerIp = 30;
        int ipWindowSeconds = 10 * 60;
    };

    enum class Outcome
    {
        Ok,
        Unknown,   // no such session or request (not_found)
        Expired,   // nonce moved on or session over (qr_expired)
        Used,      // already scanned, approved, redeemed or ended (qr_used)
        WrongCode, // the check code did not match; the request is ended (wrong_code)
        Refused,   // approvalAllowed said no; `refusal` holds the answer
        TooMany,   // per-IP cap reached
    };

    struct Code
    {
        QString sessionId;
        QString nonce;
        QString uri;
        qint64 nonceExpiresIn = 0;
        qint64 expiresIn = 0;
    };

    struct ScanInfo
    {
        QString requestId;
        QString ip;
        qint64 requestedAt = 0;
        QString deviceName;
        QString deviceOs;
        qint64 expiresIn = 0;
    };

    struct Redeemed
    {
        QString userId;
        TokenService::Device device;
        // The approving phone had passed 2-step verification of an account that has it on.
        bool twoStepPassed = false;
        QString phoneSessionId; // the approving phone's session
    };

    QrLoginService(AccountStore &accounts, Throttle &throttle, const TwoStepCheck &twoStep,
                   const Clock &clock, Limits limits, QObject *parent = nullptr);

    // A new session for the desktop at ip; TooMany when the ip is over its cap.
    Outcome create(const QString &ip, const QByteArray &secretHash,
                   const TokenService::Device &claimedDevice, Code *code);
    // A new nonce for a session that is still waiting for its scan; the old nonce stops working.
    Outcome rotate(const QString &sessionId, Code *code);
    // The desktop's channel closed: nothing can reach it any more, so the session ends.
    void abandon(const QString &sessionId);

    Outcome scan(const TokenService::SessionRef &phone, const QString &sessionId,
                 const QString &nonce, ScanInfo *info);
    Outcome approve(const TokenService::SessionRef &phone, const QString &requestId,
                    const QString &checkCode, JsonReply *refusal);
    Outcome deny(const TokenService::SessionRef &phone, const QString &requestId);
    // Unknown, Used (not approved, or redeemed before) or Expired all mean: nothing for you.
    Outcome redeem(const QString &sessionId, const QString &secret, Redeemed *redeemed);

    // Whether the phone session may sign its account in on another computer: the account is
    // active (has an active membership), the phone's session is not throttled for wrong check
    // codes (its own count: failures from elsewhere never block the owner's phone), and it
    // passed 2-step where the account has it (docs/protocol.md, "QR sign-in"). On false,
    // *refusal is the answer for the phone and *desktopReason what the desktop is told
    // (qr.ended).
    bool approvalAllowed(const TokenService::SessionRef &approvingSession,
                         const AccountStore::Account &account, JsonReply *refusal,
                         QLatin1StringView *desktopReason) const;

    static QString makeUri(const QString &sessionId, const QString &nonce);

Q_SIGNALS:
    // Pushed to the desktop's channel.
    void scanned(const QString &sessionId, const QString &checkCode);
    void approved(const QString &sessionId);
    void ended(const QString &sessionId, const QString &reason);
    void redeemedSession(const QString &sessionId);

private:
    enum class State
    {
        Waiting,
        Scanned,
        Approved,
        Done
    };

    struct Session
    {
        QString id;
        QByteArray secretHash;
        QString nonce;
        qint64 nonceIssuedAt = 0;
        qint64 createdAt = 0;
        QString ip;
        TokenService::Device device;
        State state = State::Waiting;
        QString requestId;
        QString phoneSessionId;
        QString userId;
        QString checkCode;
        bool vouchesTwoStep = false; // see Redeemed::twoStepPassed
    };

    Session *live(const QString &sessionId);
    Session *byRequest(const QString &requestId, const TokenService::SessionRef &phone);
    bool expired(const Session &session) const;
    void issueNonce(Session &session, Code *code);
    void end(Session &session, QLatin1StringView reason);
    void forgetOld();

    AccountStore &m_accounts;
    Throttle &m_throttle;
    const TwoStepCheck &m_twoStep;
    const Clock &m_clock;
    Limits m_limits;
    QHash<QString, Session> m_sessions;
    QHash<QString, QString> m_sessionByRequest;
    QHash<QString, QList<qint64>> m_createdByIp;
};

} // namespace moim::server
