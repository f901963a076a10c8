#include "qr_login_service.h"

#include "clock.h"
#include "secure_token.h"
#include "server_logging.h"
#include "throttle.h"
#include "two_step_check.h"

#include <QUrl>
#include <QUrlQuery>
#include <protocol/protocol.h>
#include <sodium.h>

namespace moim::server {

namespace error = moim::protocol::error;
namespace qrUri = moim::protocol::qrUri;
namespace endReason = moim::protocol::qrEndReason;

QrLoginService::QrLoginService(AccountStore &accounts, Throttle &throttle,
                               const TwoStepCheck &twoStep, const Clock &clock, Limits limits,
                               QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_throttle(throttle)
    , m_twoStep(twoStep)
    , m_clock(clock)
    , m_limits(limits)
{}

QString QrLoginService::makeUri(const QString &sessionId, const QString &nonce)
{
    QUrl url;
    url.setScheme(QString(qrUri::Scheme));
    url.setHost(QString(qrUri::Host));
    QUrlQuery query;
    query.addQueryItem(QString(qrUri::SessionKey), sessionId);
    query.addQueryItem(QString(qrUri::NonceKey), nonce);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

bool QrLoginService::expired(const Session &session) const
{
    return m_clock.now() >= session.createdAt + m_limits.sessionSeconds;
}

void QrLoginService::forgetOld()
{
    const qint64 now = m_clock.now();
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        // Kept a while after the end so that a late scan hears "used"/"expired", not "unknown".
        if (now >= it->createdAt + 2 * m_limits.sessionSeconds) {
            m_sessionByRequest.remove(it->requestId);
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_createdByIp.begin(); it != m_createdByIp.end();) {
        it->removeIf([&](qint64 at) { return now >= at + m_limits.ipWindowSeconds; });
        it = it->isEmpty() ? m_createdByIp.erase(it) : std::next(it);
    }
}

void QrLoginService::issueNonce(Session &session, Code *code)
{
    session.nonce = SecureToken::randomId(QLatin1StringView("n"));
    session.nonceIssuedAt = m_clock.now();
    const qint64 sessionLeft = session.createdAt + m_limits.sessionSeconds - session.nonceIssuedAt;
    code->sessionId = session.id;
    code->nonce = session.nonce;
    code->uri = makeUri(session.id, session.nonce);
    code->expiresIn = sessionLeft;
    code->nonceExpiresIn = std::min<qint64>(m_limits.nonceSeconds, sessionLeft);
}

QrLoginService::Outcome QrLoginService::create(const QString &ip, const QByteArray &secretHash,
                                               const TokenService::Device &claimedDevice,
                                               Code *code)
{
    forgetOld();
    QList<qint64> &created = m_createdByIp[ip];
    if (created.size() >= m_limits.sessionsPerIp) {
        qCInfo(lcAuth) << "QR session cap reached for" << ip;
        return Outcome::TooMany;
    }
    created.append(m_clock.now());
    Session session;
    session.id = SecureToken::randomId(QLatin1StringView("q_"));
    session.secretHash = secretHash;
    session.createdAt = m_clock.now();
    session.ip = ip;
    session.device = claimedDevice;
    issueNonce(session, code);
    m_sessions.insert(session.id, session);
    return Outcome::Ok;
}

QrLoginService::Session *QrLoginService::live(const QString &sessionId)
{
    const auto it = m_sessions.find(sessionId);
    return it == m_sessions.end() ? nullptr : &*it;
}

QrLoginService::Session *QrLoginService::byRequest(const QString &requestId,
                                                   const TokenService::SessionRef &phone)
{
    Session *session = live(m_sessionByRequest.value(requestId));
    // Another phone's request is as good as unknown: its id tells this caller nothing.
    if (!session || requestId.isEmpty() || session->phoneSessionId != phone.sessionId)
        return nullptr;
    return session;
}

void QrLoginService::end(Session &session, QLatin1StringView reason)
{
    if (session.state == State::Done)
        return;
    session.state = State::Done;
    Q_EMIT ended(session.id, QString(reason));
}

QrLoginService::Outcome QrLoginService::rotate(const QString &sessionId, Code *code)
{
    Session *session = live(sessionId);
    if (!session)
        return Outcome::Unknown;
    if (session->state != State::Waiting)
        return Outcome::Used;
    if (expired(*session)) {
        end(*session, endReason::Expired);
        return Outcome::Expired;
    }
    issueNonce(*session, code);
    return Outcome::Ok;
}

void QrLoginService::abandon(const QString &sessionId)
{
    // Silent: the only listener is the channel that just closed. An approved session stays
    // redeemable by the holder of the secret until it expires.
    if (Session *session = live(sessionId);
        session && (session->state == State::Waiting || session->state == State::Scanned))
        session->state = State::Done;
}

QrLoginService::Outcome QrLoginService::scan(const TokenService::SessionRef &phone,
                                             const QString &sessionId, const QString &nonce,
                                             ScanInfo *info)
{
    Session *session = live(sessionId);
    if (!session)
        return Outcome::Unknown;
    if (session->state != State::Waiting)
        return Outcome::Used;
    if (expired(*session)) {
        end(*session, endReason::Expired);
        return Outcome::Expired;
    }
    // Only the current nonce, and only for its 30 s: a photo of an older code is worthless.
    const bool nonceFresh = m_clock.now() < session->nonceIssuedAt + m_limits.nonceSeconds;
    if (nonce.isEmpty() || !nonceFresh ||
        !SecureToken::equal(nonce.toUtf8(), session->nonce.toUtf8()))
        return Outcome::Expired;

    session->state = State::Scanned;
    session->requestId = SecureToken::randomId(QLatin1StringView("r_"));
    session->phoneSessionId = phone.sessionId;
    session->userId = phone.userId;
    session->checkCode =
        QStringLiteral("%1").arg(randombytes_uniform(100), 2, 10, QLatin1Char('0'));
    m_sessionByRequest.insert(session->requestId, session->id);
    info->requestId = session->requestId;
    info->ip = session->ip;
    info->requestedAt = session->createdAt;
    info->deviceName = session->device.name;
    info->deviceOs = session->device.os;
    info->expiresIn = session->createdAt + m_limits.sessionSeconds - m_clock.now();
    Q_EMIT scanned(session->id, session->checkCode);
    return Outcome::Ok;
}

bool QrLoginService::approvalAllowed(const TokenService::SessionRef &approvingSession,
                                     const AccountStore::Account &account, JsonReply *refusal,
                                     QLatin1StringView *desktopReason) const
{
    *desktopReason = endReason::Refused;
    if (account.deactivated || m_accounts.activeWorkspaces(account.id).isEmpty()) {
        *refusal =
            JsonReply::error(error::UnauthorizedUser,
                             QStringLiteral("The account has no active workspace membership."));
        return false;
    }
    if (const auto wait = m_throttle.retryAfter(
            Throttle::sessionKeys(account.email, approvingSession.sessionId))) {
        *refusal = JsonReply::tooManyAttempts(*wait);
        return false;
    }
    // A QR approval stands in for the whole sign-in, so the approving phone must itself have
    // passed 2-step verification where the account has it (docs/protocol.md, "QR sign-in").
    if (!m_twoStep.sessionMayApprove(approvingSession.sessionId, account.id)) {
        *desktopReason = endReason::TwoStepRequired;
        *refusal = JsonReply::error(error::TwoStepRequired,
                                    QStringLiteral("This phone's session has not passed 2-step "
                                                   "verification; sign in on the phone again."));
        return false;
    }
    return true;
}

QrLoginService::Outcome QrLoginService::approve(const TokenService::SessionRef &phone,
                                                const QString &requestId, const QString &checkCode,
                                                JsonReply *refusal)
{
    Session *session = byRequest(requestId, phone);
    if (!session)
        return Outcome::Unknown;
    if (session->state != State::Scanned)
        return Outcome::Used;
    if (expired(*session)) {
        end(*session, endReason::Expired);
        return Outcome::Expired;
    }
    const auto account = m_accounts.findById(phone.userId);
    QLatin1StringView reason = endReason::Refused;
    if (!account || !approvalAllowed(phone, *account, refusal, &reason)) {
        if (!account)
            *refusal = JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again."));
        end(*session, reason);
        return Outcome::Refused;
    }
    // Counted before the comparison, like every code; a right one is taken back.
    const auto keys = Throttle::sessionKeys(account->email, phone.sessionId);
    if (const auto wait = m_throttle.reserve(keys)) {
        *refusal = JsonReply::tooManyAttempts(*wait);
        end(*session, endReason::Refused);
        return Outcome::Refused;
    }
    if (!SecureToken::equal(checkCode.toUtf8(), session->checkCode.toUtf8())) {
        // One wrong number ends the request: guessing 1 in 100 once is all anyone gets. It also
        // counts against the phone's session like a wrong password.
        end(*session, endReason::WrongCode);
        return Outcome::WrongCode;
    }
    m_throttle.release(keys);
    session->state = State::Approved;
    // approvalAllowed let the phone vouch, so where the account has 2-step on, it passed it.
    session->vouchesTwoStep = m_twoStep.isEnrolled(account->id);
    Q_EMIT approved(session->id);
    return Outcome::Ok;
}

QrLoginService::Outcome QrLoginService::deny(const TokenService::SessionRef &phone,
                                             const QString &requestId)
{
    Session *session = byRequest(requestId, phone);
    if (!session)
        return Outcome::Unknown;
    if (session->state != State::Scanned)
        return Outcome::Used;
    end(*session, endReason::Denied);
    return Outcome::Ok;
}

QrLoginService::Outcome QrLoginService::redeem(const QString &sessionId, const QString &secret,
                                               Redeemed *redeemed)
{
    Session *session = live(sessionId);
    if (!session || secret.isEmpty())
        return Outcome::Unknown;
    if (!SecureToken::equal(SecureToken::sha256(secret), session->secretHash))
        return Outcome::Unknown;
    if (session->state != State::Approved)
        return Outcome::Used;
    if (expired(*session)) {
        end(*session, endReason::Expired);
        return Outcome::Expired;
    }
    // Once: whatever happens next, this approval has been spent.
    session->state = State::Done;
    redeemed->userId = session->userId;
    redeemed->device = session->device;
    redeemed->twoStepPassed = session->vouchesTwoStep;
    redeemed->phoneSessionId = session->phoneSessionId;
    Q_EMIT redeemedSession(session->id);
    return Outcome::Ok;
}

} // namespace moim::server
