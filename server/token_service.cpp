#include "token_service.h"

#include "clock.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <protocol/protocol.h>
#include <sodium.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace limits = moim::protocol::limits;
namespace reason = moim::protocol::revokeReason;

namespace {

// Fixed context for deriving the key that encrypts a used token's successor. Changing it makes
// every stored successor undecryptable, which only shortens a 30 s grace period.
constexpr auto SuccessorKeyContext = "moim.refresh.successor.v1";

QByteArray successorKey(const QString &usedToken)
{
    const QByteArray token = usedToken.toUtf8();
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                       reinterpret_cast<const unsigned char *>(token.constData()),
                       static_cast<unsigned long long>(token.size()),
                       reinterpret_cast<const unsigned char *>(SuccessorKeyContext),
                       qstrlen(SuccessorKeyContext));
    return key;
}

struct SealedSuccessor
{
    QByteArray nonce;
    QByteArray box;
};

SealedSuccessor sealSuccessor(const QString &usedToken, const QString &successor)
{
    const QByteArray key = successorKey(usedToken);
    const QByteArray plain = successor.toUtf8();
    SealedSuccessor sealed{QByteArray(crypto_secretbox_NONCEBYTES, Qt::Uninitialized),
                           QByteArray(plain.size() + crypto_secretbox_MACBYTES, Qt::Uninitialized)};
    randombytes_buf(sealed.nonce.data(), size_t(sealed.nonce.size()));
    crypto_secretbox_easy(reinterpret_cast<unsigned char *>(sealed.box.data()),
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          static_cast<unsigned long long>(plain.size()),
                          reinterpret_cast<const unsigned char *>(sealed.nonce.constData()),
                          reinterpret_cast<const unsigned char *>(key.constData()));
    return sealed;
}

std::optional<QString> openSuccessor(const QString &usedToken, const SealedSuccessor &sealed)
{
    if (sealed.nonce.size() != crypto_secretbox_NONCEBYTES ||
        sealed.box.size() < qsizetype(crypto_secretbox_MACBYTES))
        return std::nullopt;
    const QByteArray key = successorKey(usedToken);
    QByteArray plain(sealed.box.size() - crypto_secretbox_MACBYTES, Qt::Uninitialized);
    if (crypto_secretbox_open_easy(
            reinterpret_cast<unsigned char *>(plain.data()),
            reinterpret_cast<const unsigned char *>(sealed.box.constData()),
            static_cast<unsigned long long>(sealed.box.size()),
            reinterpret_cast<const unsigned char *>(sealed.nonce.constData()),
            reinterpret_cast<const unsigned char *>(key.constData())) != 0)
        return std::nullopt;
    return QString::fromUtf8(plain);
}

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcAuth) << "Token query failed:" << query.lastError().text();
    return false;
}

} // namespace

TokenService::TokenService(Database &database, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{
    SecureToken::initialiseSodium();
}

QString TokenService::proofFor(const QString &refreshToken)
{
    return SecureToken::base64Url(SecureToken::sha256(refreshToken));
}

std::optional<QString> TokenService::issueAccessToken(const QString &sessionId)
{
    const QString token = SecureToken::generate();
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "INSERT INTO access_tokens (hash, session_id, expires_at) VALUES (?, ?, ?)"));
    query.addBindValue(SecureToken::sha256(token));
    query.addBindValue(sessionId);
    query.addBindValue(m_clock.now() + limits::AccessTokenSeconds);
    if (!execOrWarn(query))
        return std::nullopt;
    // A new access token means the device is in use: that is the "last activity" users see.
    query.prepare(QStringLiteral("UPDATE sessions SET last_active = ? WHERE id = ?"));
    query.addBindValue(m_clock.now());
    query.addBindValue(sessionId);
    if (!execOrWarn(query))
        return std::nullopt;
    return token;
}

std::optional<TokenService::Grant> TokenService::createSession(const QString &userId,
                                                               const Device &device,
                                                               bool twoStepPassed,
                                                               const QString &ip)
{
    QSqlDatabase db = m_database.handle();
    const qint64 now = m_clock.now();
    Grant grant;
    grant.sessionId = SecureToken::randomId("s_"_L1);
    grant.userId = userId;
    grant.refreshToken = SecureToken::generate();
    grant.refreshExpiresAt = now + limits::SessionMaxSeconds;
    grant.accessExpiresIn = limits::AccessTokenSeconds;

    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO sessions (id, user_id, device_name, device_os, device_kind, created_at, "
        "expires_at, last_refresh_hash, two_step_passed) VALUES (?, ?, COALESCE(?, ''), "
        "COALESCE(?, ''), ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         {QVariant(grant.sessionId), QVariant(userId), QVariant(device.name), QVariant(device.os),
          QVariant(device.kind), QVariant(now), QVariant(grant.refreshExpiresAt),
          QVariant(proofFor(grant.refreshToken)), QVariant(twoStepPassed ? 1 : 0)})
        query.addBindValue(value);
    bool ok = execOrWarn(query);
    if (ok) {
        query.prepare(QStringLiteral(
            "INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES (?, ?, ?)"));
        query.addBindValue(SecureToken::sha256(grant.refreshToken));
        query.addBindValue(grant.sessionId);
        query.addBindValue(now);
        ok = execOrWarn(query);
    }
    std::optional<QString> access;
    if (ok)
        access = issueAccessToken(grant.sessionId);
    if (!access || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    grant.accessToken = *access;
    qCInfo(lcAuth) << "Session" << grant.sessionId << "created for" << userId;
    Q_EMIT sessionCreated(grant.sessionId, userId, device.name, device.os, ip);
    return grant;
}

std::optional<TokenService::Grant> TokenService::refresh(const QString &refreshToken)
{
    QSqlDatabase db = m_database.handle();
    const QByteArray hash = SecureToken::sha256(refreshToken);
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT r.session_id, r.used_at, r.successor_nonce, r.successor_box, s.user_id, "
        "s.revoked_at, s.expires_at FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id "
        "WHERE r.hash = ?"));
    query.addBindValue(hash);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    const QString sessionId = query.value(0).toString();
    const bool used = !query.value(1).isNull();
    const qint64 usedAt = query.value(1).toLongLong();
    const SealedSuccessor sealed{query.value(2).toByteArray(), query.value(3).toByteArray()};
    Grant grant;
    grant.sessionId = sessionId;
    grant.userId = query.value(4).toString();
    grant.refreshExpiresAt = query.value(6).toLongLong();
    grant.accessExpiresIn = limits::AccessTokenSeconds;
    const qint64 now = m_clock.now();
    if (!query.value(5).isNull())
        return std::nullopt;
    if (now >= grant.refreshExpiresAt) {
        revokeSession(sessionId, reason::Expired);
        return std::nullopt;
    }

    if (used) {
        if (now - usedAt > limits::RefreshGraceSeconds) {
            qCWarning(lcAuth) << "Refresh token reuse after the grace period; revoking session"
                              << sessionId;
            revokeSession(sessionId, reason::ReuseDetected);
            return std::nullopt;
        }
        const auto successor = openSuccessor(refreshToken, sealed);
        // The grace period covers a client that lost the answer to its refresh, and only until
        // the successor is used: once the chain has moved on, a replay is a stolen token.
        if (!successor || isUsed(*successor)) {
            qCWarning(lcAuth) << "Refresh token replayed after its successor was used; revoking"
                              << sessionId;
            revokeSession(sessionId, reason::ReuseDetected);
            return std::nullopt;
        }
        const auto access = issueAccessToken(sessionId);
        if (!access)
            return std::nullopt;
        grant.refreshToken = *successor;
        grant.accessToken = *access;
        qCInfo(lcAuth) << "Refresh token replayed within the grace period for" << sessionId;
        return grant;
    }

    grant.refreshToken = SecureToken::generate();
    const SealedSuccessor next = sealSuccessor(refreshToken, grant.refreshToken);
    db.transaction();
    // "used_at IS NULL" makes the rotation atomic: of two racing uses only one rotates.
    query.prepare(QStringLiteral(
        "UPDATE refresh_tokens SET used_at = ?, successor_nonce = ?, successor_box = ? "
        "WHERE hash = ? AND used_at IS NULL"));
    query.addBindValue(now);
    query.addBindValue(next.nonce);
    query.addBindValue(next.box);
    query.addBindValue(hash);
    bool ok = execOrWarn(query) && query.numRowsAffected() == 1;
    if (ok) {
        query.prepare(QStringLiteral(
            "INSERT INTO refresh_tokens (hash, session_id, created_at) VALUES (?, ?, ?)"));
        query.addBindValue(SecureToken::sha256(grant.refreshToken));
        query.addBindValue(sessionId);
        query.addBindValue(now);
        ok = execOrWarn(query);
    }
    if (ok) {
        query.prepare(QStringLiteral("UPDATE sessions SET last_refresh_hash = ? WHERE id = ?"));
        query.addBindValue(proofFor(grant.refreshToken));
        query.addBindValue(sessionId);
        ok = execOrWarn(query);
    }
    std::optional<QString> access;
    if (ok)
        access = issueAccessToken(sessionId);
    if (!access || !db.commit()) {
        db.rollback();
        return std::nullopt;
    }
    grant.accessToken = *access;
    return grant;
}

bool TokenService::isUsed(const QString &refreshToken) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT used_at FROM refresh_tokens WHERE hash = ?"));
    query.addBindValue(SecureToken::sha256(refreshToken));
    // A successor that cannot be found counts as used: nothing may be handed out unchecked.
    return !execOrWarn(query) || !query.next() || !query.value(0).isNull();
}

std::optional<TokenService::SessionRef>
TokenService::sessionForRefreshToken(const QString &refreshToken) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT s.id, s.user_id FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id "
        "WHERE r.hash = ? AND s.revoked_at IS NULL AND s.expires_at > ?"));
    query.addBindValue(SecureToken::sha256(refreshToken));
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return SessionRef{query.value(0).toString(), query.value(1).toString()};
}

std::optional<TokenService::SessionRef> TokenService::authenticate(const QString &accessToken) const
{
    const qint64 now = m_clock.now();
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT s.id, s.user_id FROM access_tokens a JOIN sessions s ON s.id = a.session_id "
        "WHERE a.hash = ? AND a.expires_at > ? AND s.revoked_at IS NULL AND s.expires_at > ?"));
    query.addBindValue(SecureToken::sha256(accessToken));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return SessionRef{query.value(0).toString(), query.value(1).toString()};
}

QString TokenService::deviceKind(const QString &sessionId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT device_kind FROM sessions WHERE id = ?"));
    query.addBindValue(sessionId);
    if (!execOrWarn(query) || !query.next())
        return {};
    return query.value(0).toString();
}

std::optional<TokenService::SessionRef>
TokenService::sessionForAccessToken(const QString &accessToken) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT s.id, s.user_id FROM access_tokens a JOIN sessions s "
                                 "ON s.id = a.session_id WHERE a.hash = ?"));
    query.addBindValue(SecureToken::sha256(accessToken));
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return SessionRef{query.value(0).toString(), query.value(1).toString()};
}

bool TokenService::isLive(const QString &sessionId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT 1 FROM sessions WHERE id = ? AND revoked_at IS NULL AND expires_at > ?"));
    query.addBindValue(sessionId);
    query.addBindValue(m_clock.now());
    return execOrWarn(query) && query.next();
}

bool TokenService::twoStepPassed(const QString &sessionId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT two_step_passed FROM sessions WHERE id = ?"));
    query.addBindValue(sessionId);
    return execOrWarn(query) && query.next() && query.value(0).toInt() == 1;
}

void TokenService::setTwoStepPassed(const QString &sessionId)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("UPDATE sessions SET two_step_passed = 1 WHERE id = ?"));
    query.addBindValue(sessionId);
    execOrWarn(query);
}

QList<TokenService::SessionInfo> TokenService::liveSessions(const QString &userId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT id, device_name, device_os, device_kind, created_at, "
        "COALESCE(last_active, created_at) AS active FROM sessions WHERE user_id = ? AND "
        "revoked_at IS NULL AND expires_at > ? ORDER BY active DESC, created_at DESC"));
    query.addBindValue(userId);
    query.addBindValue(m_clock.now());
    QList<SessionInfo> sessions;
    if (!execOrWarn(query))
        return sessions;
    while (query.next()) {
        sessions.append(
            {query.value(0).toString(),
             {query.value(1).toString(), query.value(2).toString(), query.value(3).toString()},
             query.value(4).toLongLong(),
             query.value(5).toLongLong()});
    }
    return sessions;
}

void TokenService::revokeOthers(const QString &userId, const QString &keepSessionId,
                                QLatin1StringView why)
{
    const QList<SessionInfo> sessions = liveSessions(userId);
    for (const SessionInfo &session : sessions) {
        if (session.id != keepSessionId)
            revokeSession(session.id, why);
    }
}

void TokenService::revokeSession(const QString &sessionId, QLatin1StringView why)
{
    QSqlDatabase db = m_database.handle();
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT user_id FROM sessions WHERE id = ? AND revoked_at IS NULL"));
    query.addBindValue(sessionId);
    if (!execOrWarn(query) || !query.next())
        return; // unknown or already revoked: nothing to do, and nothing to tell
    const QString userId = query.value(0).toString();

    db.transaction();
    query.prepare(
        QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ?"));
    query.addBindValue(m_clock.now());
    query.addBindValue(QString(why));
    query.addBindValue(sessionId);
    bool ok = execOrWarn(query);
    // Every token of the chain goes: a revoked session has nothing left to present.
    for (const auto *table : {"access_tokens", "refresh_tokens"}) {
        if (!ok)
            break;
        query.prepare(
            QStringLiteral("DELETE FROM %1 WHERE session_id = ?").arg(QLatin1StringView(table)));
        query.addBindValue(sessionId);
        ok = execOrWarn(query);
    }
    if (!ok || !db.commit()) {
        db.rollback();
        return;
    }
    qCInfo(lcAuth) << "Session" << sessionId << "revoked:" << why;
    Q_EMIT sessionRevoked(sessionId, userId, QString(why));
}

void TokenService::revokeAllForUser(const QString &userId, QLatin1StringView why)
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT id FROM sessions WHERE user_id = ? AND revoked_at IS NULL"));
    query.addBindValue(userId);
    if (!execOrWarn(query))
        return;
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    query.finish();
    for (const QString &id : std::as_const(ids))
        revokeSession(id, why);
}

void TokenService::revokeByProof(const QString &sessionId, const QString &proof)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT last_refresh_hash FROM sessions WHERE id = ? AND revoked_at IS NULL"));
    query.addBindValue(sessionId);
    if (!execOrWarn(query) || !query.next())
        return;
    const QByteArray stored = query.value(0).toString().toLatin1();
    query.finish();
    if (SecureToken::equal(stored, proof.toLatin1()))
        revokeSession(sessionId, reason::Logout);
}

void TokenService::sweepExpired()
{
    const qint64 now = m_clock.now();
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT id FROM sessions WHERE revoked_at IS NULL AND expires_at <= ?"));
    query.addBindValue(now);
    QStringList expired;
    if (execOrWarn(query)) {
        while (query.next())
            expired.append(query.value(0).toString());
    }
    query.finish();
    for (const QString &id : std::as_const(expired))
        revokeSession(id, reason::Expired);
    query.prepare(QStringLiteral("DELETE FROM access_tokens WHERE expires_at <= ?"));
    query.addBindValue(now);
    execOrWarn(query);
}

} // namespace moim::server
