#include "two_step_check.h"

#include "clock.h"
#include "database.h"
#include "recovery_codes.h"
#include "secret_box.h"
#include "secure_token.h"
#include "server_logging.h"
#include "throttle.h"

#include <QSqlError>
#include <QSqlQuery>
#include <otp/totp.h>
#include <protocol/protocol.h>

namespace moim::server {

namespace limits = moim::protocol::limits;
using moim::otp::Totp;

namespace {

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcAuth) << "2-step query failed:" << query.lastError().text();
    return false;
}

} // namespace

TwoStepCheck::TwoStepCheck(Database &database, const Clock &clock, Throttle &throttle,
                           TokenService &tokens, const SecretBox &secrets)
    : m_database(database)
    , m_clock(clock)
    , m_throttle(throttle)
    , m_tokens(tokens)
    , m_secrets(secrets)
{}

bool TwoStepCheck::isEnrolled(const QString &userId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT 1 FROM two_step WHERE user_id = ? AND enabled_at IS NOT NULL"));
    query.addBindValue(userId);
    return execOrWarn(query) && query.next();
}

std::optional<TwoStepCheck::Challenge>
TwoStepCheck::beginChallenge(const QString &userId, const QString &emailKey,
                             const TokenService::Device &device, const Source &source)
{
    Challenge challenge{SecureToken::generate(), limits::SecondFactorChallengeSeconds};
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "INSERT INTO second_factor_challenges (hash, user_id, email_key, device_name, device_os, "
        "device_kind, expires_at, source_ip, device_proof_id) VALUES (?, ?, ?, COALESCE(?, ''), "
        "COALESCE(?, ''), ?, ?, COALESCE(?, ''), COALESCE(?, ''))"));
    query.addBindValue(SecureToken::sha256(challenge.id));
    query.addBindValue(userId);
    query.addBindValue(emailKey);
    query.addBindValue(device.name);
    query.addBindValue(device.os);
    query.addBindValue(device.kind);
    query.addBindValue(m_clock.now() + challenge.expiresIn);
    query.addBindValue(source.ip);
    query.addBindValue(source.deviceProofId);
    if (!execOrWarn(query))
        return std::nullopt;
    return challenge;
}

TwoStepCheck::Answer TwoStepCheck::answerChallenge(const QString &challengeId, const QString &code,
                                                   CodeKind kind)
{
    Answer answer;
    QSqlQuery query(m_database.handle());
    const QByteArray hash = SecureToken::sha256(challengeId);
    query.prepare(QStringLiteral(
        "SELECT user_id, email_key, device_name, device_os, device_kind, expires_at, failures, "
        "ended, source_ip, device_proof_id FROM second_factor_challenges WHERE hash = ?"));
    query.addBindValue(hash);
    if (!execOrWarn(query) || !query.next() || query.value(7).toInt() != 0 ||
        query.value(5).toLongLong() <= m_clock.now()) {
        answer.outcome = Outcome::ChallengeEnded;
        return answer;
    }
    const QString userId = query.value(0).toString();
    const QString emailKey = query.value(1).toString();
    answer.device = {query.value(2).toString(), query.value(3).toString(),
                     query.value(4).toString()};
    const int failures = query.value(6).toInt();
    const QString deviceProofId = query.value(9).toString();
    const auto keys = Throttle::signInKeys(emailKey, deviceProofId, query.value(8).toString());
    query.finish();

    if (const auto wait = m_throttle.reserve(keys)) {
        answer.outcome = Outcome::Throttled;
        answer.retryAfter = *wait;
        return answer;
    }
    answer.outcome = checkCode(userId, code, kind);
    if (answer.outcome == Outcome::Accepted) {
        m_throttle.clear(keys);
        query.prepare(
            QStringLiteral("UPDATE second_factor_challenges SET ended = 1 WHERE hash = ?"));
        query.addBindValue(hash);
        execOrWarn(query);
        answer.userId = userId;
        answer.deviceProofId = deviceProofId;
        return answer;
    }
    const int newFailures = failures + 1;
    query.prepare(QStringLiteral(
        "UPDATE second_factor_challenges SET failures = ?, ended = ? WHERE hash = ?"));
    query.addBindValue(newFailures);
    query.addBindValue(newFailures >= limits::MaxWrongCodesPerChallenge ? 1 : 0);
    query.addBindValue(hash);
    execOrWarn(query);
    answer.attemptsLeft = qMax(0, limits::MaxWrongCodesPerChallenge - newFailures);
    if (answer.attemptsLeft == 0) {
        qCInfo(lcAuth) << "2-step challenge ended after" << newFailures << "wrong codes";
        answer.outcome = Outcome::ChallengeEnded;
    }
    return answer;
}

TwoStepCheck::Answer TwoStepCheck::verifyForAccount(const QString &userId,
                                                    const QList<Throttle::Key> &throttleKeys,
                                                    const QString &code, CodeKind kind)
{
    Answer answer;
    if (!isEnrolled(userId)) {
        answer.outcome = Outcome::NotEnrolled;
        return answer;
    }
    if (const auto wait = m_throttle.reserve(throttleKeys)) {
        answer.outcome = Outcome::Throttled;
        answer.retryAfter = *wait;
        return answer;
    }
    answer.outcome = checkCode(userId, code, kind);
    if (answer.outcome == Outcome::Accepted) {
        answer.userId = userId;
        m_throttle.clear(throttleKeys);
    } else if (answer.outcome == Outcome::NotEnrolled) {
        m_throttle.release(throttleKeys);
    }
    return answer;
}

bool TwoStepCheck::sessionMayApprove(const QString &sessionId, const QString &userId) const
{
    return !isEnrolled(userId) || m_tokens.twoStepPassed(sessionId);
}

TwoStepCheck::Outcome TwoStepCheck::checkCode(const QString &userId, const QString &code,
                                              CodeKind kind)
{
    if (kind == CodeKind::Recovery)
        return consumeRecoveryCode(userId, code) ? Outcome::Accepted : Outcome::Wrong;
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT secret FROM two_step WHERE user_id = ? AND enabled_at IS NOT NULL"));
    query.addBindValue(userId);
    if (!execOrWarn(query) || !query.next())
        return Outcome::NotEnrolled;
    const auto secret = m_secrets.open(query.value(0).toByteArray(), userId.toUtf8());
    query.finish();
    if (!secret) {
        // Sealed under another key, or moved from another row: unusable, and never a match.
        qCWarning(lcAuth) << "The 2-step secret of" << userId << "does not open";
        return Outcome::Wrong;
    }
    return checkTotp(userId, *secret, code);
}

TwoStepCheck::Outcome TwoStepCheck::checkTotp(const QString &userId, const QByteArray &secret,
                                              const QString &code)
{
    const QString digits = code.trimmed().remove(u' ');
    if (!Totp::isWellFormedCode(digits))
        return Outcome::Wrong;
    const qint64 now = m_clock.now();
    const qint64 currentStep = Totp::stepOf(now);
    const auto step = Totp::matchingStep(secret, now, digits, limits::ExpiredCodeSteps);
    if (!step)
        return Outcome::Wrong;
    // A code from the future beyond one step is as good as a guess.
    if (*step > currentStep + 1)
        return Outcome::Wrong;
    if (*step < currentStep - 1)
        return Outcome::Expired;

    // Accept each step once: the update only matches while the stored step is older, so two
    // racing uses of one code cannot both pass.
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO two_step (user_id) VALUES (?)"));
    query.addBindValue(userId);
    execOrWarn(query);
    query.prepare(
        QStringLiteral("UPDATE two_step SET last_step = ? WHERE user_id = ? AND last_step < ?"));
    query.addBindValue(*step);
    query.addBindValue(userId);
    query.addBindValue(*step);
    if (!execOrWarn(query) || query.numRowsAffected() != 1)
        return Outcome::Reused;
    return Outcome::Accepted;
}

bool TwoStepCheck::consumeRecoveryCode(const QString &userId, const QString &code)
{
    const QString normalised = RecoveryCodes::normalise(code);
    if (normalised.isEmpty())
        return false;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("UPDATE recovery_codes SET used_at = ? WHERE hash = ? AND "
                                 "user_id = ? AND used_at IS NULL"));
    query.addBindValue(m_clock.now());
    query.addBindValue(SecureToken::sha256(normalised));
    query.addBindValue(userId);
    return execOrWarn(query) && query.numRowsAffected() == 1;
}

} // namespace moim::server
