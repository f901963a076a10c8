#pragma once

#include <QObject>
#include <QString>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// Sessions and their tokens (docs/protocol.md "Accounts, sessions and tokens"). Tokens are
// stored only as SHA-256 hashes. Refresh tokens rotate on every use; a used token presented
// again within the grace period yields the same successor (kept only encrypted under a key
// derived from the used token) as long as that successor is itself unused; any other reuse
// revokes the whole session.
class TokenService : public QObject
{
    Q_OBJECT

public:
    struct Device
    {
        QString name;
        QString os;
        QString kind; // "desktop" or "mobile"
    };

    struct Grant
    {
        QString sessionId;
        QString userId;
        QString accessToken;
        qint64 accessExpiresIn = 0;
        QString refreshToken;
        qint64 refreshExpiresAt = 0;
    };

    struct SessionRef
    {
        QString sessionId;
        QString userId;
    };

    TokenService(Database &database, const Clock &clock, QObject *parent = nullptr);

    struct SessionInfo
    {
        QString id;
        Device device;
        qint64 createdAt = 0;
        qint64 lastActive = 0; // the last sign-in or token refresh
    };

    // twoStepPassed records that this sign-in proved a second factor (see TwoStepCheck); ip is
    // where the server saw the sign-in come from (for the owner's "new sign-in" mail).
    std::optional<Grant> createSession(const QString &userId, const Device &device,
                                       bool twoStepPassed = false, const QString &ip = {});

    // Rotates (or, within the grace period, replays) a refresh token. nullopt means
    // invalid_token; reuse after the grace period also revokes the session.
    std::optional<Grant> refresh(const QString &refreshToken);

    // The live session a refresh token (used or not) belongs to, without rotating it.
    std::optional<SessionRef> sessionForRefreshToken(const QString &refreshToken) const;
    // The live session of an unexpired access token: what authenticated calls accept.
    std::optional<SessionRef> authenticate(const QString &accessToken) const;
    // The session an access token names, expired or not; logout accepts that, since ending a
    // session is all it can do.
    std::optional<SessionRef> sessionForAccessToken(const QString &accessToken) const;

    bool isLive(const QString &sessionId) const;
    // The device kind the session signed in with ("desktop" or "mobile"), empty when unknown.
    QString deviceKind(const QString &sessionId) const;
    // Whether the session proved a second factor: at sign-in, or by enrolling since.
    bool twoStepPassed(const QString &sessionId) const;
    void setTwoStepPassed(const QString &sessionId);
    // The user's live sessions, most recently active first.
    QList<SessionInfo> liveSessions(const QString &userId) const;

    // Revoking is idempotent; sessionRevoked is emitted only when a live session ends.
    void revokeSession(const QString &sessionId, QLatin1StringView reason);
    void revokeAllForUser(const QString &userId, QLatin1StringView reason);
    // Every live session of the user except keepSessionId.
    void revokeOthers(const QString &userId, const QString &keepSessionId,
                      QLatin1StringView reason);
    // Revokes when proof equals the session's stored proof; says nothing either way.
    void revokeByProof(const QString &sessionId, const QString &proof);

    // Ends sessions past their 30-day limit and drops expired access tokens.
    void sweepExpired();

    // The revocation proof for a refresh token: base64url SHA-256.
    static QString proofFor(const QString &refreshToken);

Q_SIGNALS:
    // Every sign-in, whatever its path, ends here: the one place to tell the account's owner.
    void sessionCreated(const QString &sessionId, const QString &userId, const QString &deviceName,
                        const QString &deviceOs, const QString &ip);
    void sessionRevoked(const QString &sessionId, const QString &userId, const QString &reason);

private:
    std::optional<QString> issueAccessToken(const QString &sessionId);
    // Whether a refresh token of a chain has been rotated already.
    bool isUsed(const QString &refreshToken) const;

    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
