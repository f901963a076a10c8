#include "push_request_service.h"

#include "account_store.h"
#include "clock.h"
#include "personal_account_store.h"
#include "secure_token.h"
#include "server_logging.h"
#include "throttle.h"

#include <protocol/protocol.h>
#include <sodium.h>

namespace moim::server {

namespace error = moim::protocol::error;
namespace endReason = moim::protocol::pushEndReason;

PushRequestService::PushRequestService(PersonalAccountStore &personal, AccountStore &accounts,
                                       Throttle &throttle, const Clock &clock, Limits limits,
                                       QObject *parent)
    : QObject(parent)
    , m_personal(personal)
    , m_accounts(accounts)
    , m_throttle(throttle)
    , m_clock(clock)
    , m_limits(limits)
{
    m_sweepTimer.setInterval(std::chrono::seconds(1));
    connect(&m_sweepTimer, &QTimer::timeout, this, &PushRequestService::sweep);
}

bool PushRequestService::expired(const Request &request) const
{
    const qint64 now = m_clock.now();
    if (request.state == State::Approved)
        return now >= request.approvedAt + m_limits.requestSeconds;
    return now >= request.createdAt + m_limits.requestSeconds;
}

PushRequestService::Request *PushRequestService::find(const QString &requestId)
{
    const auto it = m_requests.find(requestId);
    return it == m_requests.end() ? nullptr : &*it;
}

PushRequestService::Request *PushRequestService::forPhone(const QString &personalId,
                                                          const QString &requestId)
{
    Request *request = find(requestId);
    // Another account's request is as good as unknown: its id tells this caller nothing.
    if (!request || !request->deliverable || request->personalId != personalId)
        return nullptr;
    return request;
}

void PushRequestService::end(Request &request, QLatin1StringView reason)
{
    if (request.state == State::Done)
        return;
    request.state = State::Done;
    if (request.kind == Kind::SignIn)
        Q_EMIT signInEnded(request.id, QString(reason));
    else
        Q_EMIT linkEnded(request.userId, request.requesterSessionId, request.id, QString(reason));
}

void PushRequestService::sweep()
{
    const qint64 now = m_clock.now();
    const QStringList ids = m_requests.keys();
    for (const QString &id : ids) {
        Request *request = find(id);
        if (!request)
            continue;
        if (request->state != State::Done && expired(*request)) {
            qCInfo(lcAuth) << "Push request" << id << "expired";
            end(*request, endReason::Expired);
        }
        // Kept a while after the end so that a late answer hears "used"/"expired", not
        // "unknown".
        if (now >= request->createdAt + 3 * m_limits.requestSeconds)
            m_requests.remove(id);
    }
    for (auto it = m_signInsByIp.begin(); it != m_signInsByIp.end();) {
        it->removeIf([&](qint64 at) { return now >= at + m_limits.ipWindowSeconds; });
        it = it->isEmpty() ? m_signInsByIp.erase(it) : std::next(it);
    }
    if (m_requests.isEmpty())
        m_sweepTimer.stop();
}

PushRequestService::Outcome PushRequestService::admit(const QString &personalId, Started *started)
{
    sweep();
    if (const auto blocked = m_personal.blockedFor(personalId)) {
        started->retryAfter = *blocked;
        return Outcome::Blocked;
    }
    // The cap counts every waiting request for the id, delivered or not, so that it answers
    // alike for accounts that exist and ids that do not.
    int waiting = 0;
    qint64 firstFree = 0;
    for (const Request &request : std::as_const(m_requests)) {
        if (request.personalId != personalId || request.state != State::Pending)
            continue;
        ++waiting;
        const qint64 left = request.createdAt + m_limits.requestSeconds - m_clock.now();
        firstFree = firstFree == 0 ? left : std::min(firstFree, left);
    }
    if (waiting >= m_limits.maxPendingPerAccount) {
        started->retryAfter = std::max<qint64>(1, firstFree);
        return Outcome::TooManyPending;
    }
    return Outcome::Ok;
}

PushRequestService::Request &PushRequestService::insert(Request request, Started *started)
{
    request.id = SecureToken::randomId(moim::protocol::requestPrefix::Push);
    request.checkCode = QStringLiteral("%1").arg(randombytes_uniform(100), 2, 10, QLatin1Char('0'));
    request.createdAt = m_clock.now();
    started->requestId = request.id;
    started->checkCode = request.checkCode;
    started->expiresIn = m_limits.requestSeconds;
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
    return *m_requests.insert(request.id, request);
}

PushRequestService::Outcome PushRequestService::startSignIn(const QString &ip,
                                                            const QByteArray &secretHash,
                                                            const QString &personalId,
                                                            const TokenService::Device &claimed,
                                                            Started *started)
{
    sweep();
    if (m_signInsByIp.value(ip).size() >= m_limits.signInsPerIp) {
        qCInfo(lcAuth) << "Push sign-in cap reached for" << ip;
        return Outcome::TooManyFromIp;
    }
    if (const Outcome admitted = admit(personalId, started); admitted != Outcome::Ok)
        return admitted;
    // Looked up only now: admit() sweeps, and the sweep erases empty entries (a reference taken
    // before it would point into an erased slot, and the sign-in would never be counted).
    m_signInsByIp[ip].append(m_clock.now());
    Request request;
    request.kind = Kind::SignIn;
    request.personalId = personalId;
    if (const auto link = m_personal.linkOfPersonal(personalId)) {
        request.userId = link->userId;
        request.deliverable = true;
    }
    request.secretHash = secretHash;
    request.ip = ip;
    request.device = claimed;
    insert(request, started);
    return Outcome::Ok;
}

PushRequestService::Outcome PushRequestService::startLink(const TokenService::SessionRef &requester,
                                                          const QString &personalId,
                                                          const QString &ip,
                                                          const TokenService::Device &device,
                                                          Started *started)
{
    // The caller's own state, which the caller may know.
    if (m_personal.linkOfUser(requester.userId))
        return Outcome::AlreadyLinked;
    if (const Outcome admitted = admit(personalId, started); admitted != Outcome::Ok)
        return admitted;
    Request request;
    request.kind = Kind::Link;
    request.personalId = personalId;
    request.userId = requester.userId;
    request.requesterSessionId = requester.sessionId;
    request.deliverable = m_personal.find(personalId).has_value();
    request.ip = ip;
    request.device = device;
    insert(request, started);
    return Outcome::Ok;
}

bool PushRequestService::cancelLink(const TokenService::SessionRef &requester,
                                    const QString &requestId)
{
    Request *request = find(requestId);
    if (!request || request->kind != Kind::Link || request->userId != requester.userId ||
        request->state != State::Pending)
        return false;
    end(*request, endReason::Cancelled);
    return true;
}

void PushRequestService::abandon(const QString &requestId)
{
    // Silent: the only listener is the channel that just closed. An approved request stays
    // redeemable by the holder of the secret until its minute is over.
    if (Request *request = find(requestId); request && request->state == State::Pending)
        request->state = State::Done;
}

std::optional<PushRequestService::Kind> PushRequestService::kindOf(const QString &personalId,
                                                                   const QString &requestId)
{
    const Request *request = forPhone(personalId, requestId);
    if (!request)
        return std::nullopt;
    return request->kind;
}

QList<PushRequestService::Listed> PushRequestService::pendingFor(const QString &personalId)
{
    sweep();
    QList<Listed> listed;
    for (const Request &request : std::as_const(m_requests)) {
        if (request.personalId != personalId || !request.deliverable ||
            request.state != State::Pending)
            continue;
        listed.append({request.id, request.kind, request.userId, request.ip, request.createdAt,
                       request.createdAt + m_limits.requestSeconds - m_clock.now(),
                       request.device});
    }
    std::sort(listed.begin(), listed.end(),
              [](const Listed &a, const Listed &b) { return a.requestedAt < b.requestedAt; });
    return listed;
}

PushRequestService::Outcome PushRequestService::approve(const QString &personalId,
                                                        const QString &requestId,
                                                        const QString &checkCode,
                                                        JsonReply *refusal)
{
    Request *request = forPhone(personalId, requestId);
    if (!request)
        return Outcome::Unknown;
    if (request->state != State::Pending)
        return Outcome::Used;
    if (expired(*request)) {
        end(*request, endReason::Expired);
        return Outcome::Expired;
    }
    const auto account = m_accounts.findById(request->userId);
    // For a sign-in the number counts like a password, under the approving phone's own key
    // (failures from elsewhere never block the owner's approvals), and before it is compared.
    const auto keys = request->kind == Kind::SignIn && account
                          ? Throttle::pushApprovalKeys(account->email, personalId)
                          : QList<Throttle::Key>();
    if (const auto wait = m_throttle.reserve(keys)) {
        *refusal = JsonReply::tooManyAttempts(*wait);
        end(*request, endReason::Refused);
        return Outcome::Refused;
    }
    if (!SecureToken::equal(checkCode.toUtf8(), request->checkCode.toUtf8())) {
        // One wrong number ends the request: guessing 1 in 100 once is all anyone gets.
        end(*request, endReason::WrongCode);
        return Outcome::WrongCode;
    }
    m_throttle.release(keys);

    if (request->kind == Kind::Link) {
        using Result = PersonalAccountStore::LinkResult;
        switch (m_personal.link(personalId, request->userId)) {
        case Result::Linked:
            request->state = State::Done;
            qCInfo(lcAuth) << "Personal account linked to" << request->userId;
            Q_EMIT linked(request->userId, request->requesterSessionId, request->id, personalId,
                          request->ip, request->device.name);
            return Outcome::Ok;
        case Result::PersonalLinkedElsewhere:
        case Result::UserHasLink:
            end(*request, endReason::AlreadyLinked);
            return Outcome::AlreadyLinked;
        case Result::NoSuchAccount:
        case Result::Failed:
            break;
        }
        *refusal = JsonReply::error(error::ServerError, QStringLiteral("Could not link."));
        end(*request, endReason::Refused);
        return Outcome::Refused;
    }

    // A sign-in: the same checks as every other path. The link must still be the one the
    // request was made for and the account active (throttling was checked with the number).
    const auto link = m_personal.linkOfPersonal(personalId);
    if (!link || link->userId != request->userId || !account) {
        *refusal = JsonReply::error(error::NotFound,
                                    QStringLiteral("This personal account is no longer linked."));
        end(*request, endReason::Refused);
        return Outcome::Refused;
    }
    if (account->deactivated || m_accounts.activeWorkspaces(account->id).isEmpty()) {
        *refusal =
            JsonReply::error(error::UnauthorizedUser,
                             QStringLiteral("The account has no active workspace membership."));
        end(*request, endReason::Refused);
        return Outcome::Refused;
    }
    request->state = State::Approved;
    request->approvedAt = m_clock.now();
    Q_EMIT signInApproved(request->id);
    return Outcome::Ok;
}

PushRequestService::Outcome PushRequestService::deny(const QString &personalId,
                                                     const QString &requestId, bool report,
                                                     qint64 *blockedFor)
{
    Request *request = forPhone(personalId, requestId);
    if (!request)
        return Outcome::Unknown;
    if (request->state != State::Pending)
        return Outcome::Used;
    if (expired(*request)) {
        end(*request, endReason::Expired);
        return Outcome::Expired;
    }
    if (!report) {
        end(*request, endReason::Denied);
        return Outcome::Ok;
    }
    // "I didn't request this": someone knows the id and is trying. Stop every push to it for a
    // while, including the others that already wait.
    m_personal.block(personalId, m_limits.blockSeconds);
    *blockedFor = m_limits.blockSeconds;
    const Request reportedRequest = *request;
    qCInfo(lcAuth) << "Push request" << requestId << "reported; pushes blocked for"
                   << m_limits.blockSeconds << "s";
    for (Request &other : m_requests) {
        if (other.personalId == personalId && other.state == State::Pending)
            end(other, endReason::Reported);
    }
    if (reportedRequest.kind == Kind::SignIn && !reportedRequest.userId.isEmpty())
        Q_EMIT reported(reportedRequest.userId, personalId, reportedRequest.ip,
                        reportedRequest.device);
    return Outcome::Ok;
}

PushRequestService::Outcome PushRequestService::redeem(const QString &requestId,
                                                       const QString &secret, Redeemed *redeemed)
{
    Request *request = find(requestId);
    if (!request || request->kind != Kind::SignIn || secret.isEmpty())
        return Outcome::Unknown;
    if (!SecureToken::equal(SecureToken::sha256(secret), request->secretHash))
        return Outcome::Unknown;
    if (request->state != State::Approved)
        return Outcome::Used;
    if (expired(*request)) {
        request->state = State::Done;
        return Outcome::Expired;
    }
    // Once: whatever happens next, this approval has been spent.
    request->state = State::Done;
    // Unlinked since the approval: the link no longer vouches for anyone.
    const auto link = m_personal.linkOfPersonal(request->personalId);
    if (!link || link->userId != request->userId)
        return Outcome::Unknown;
    redeemed->userId = request->userId;
    redeemed->device = request->device;
    redeemed->personalId = request->personalId;
    Q_EMIT signInRedeemed(request->id);
    return Outcome::Ok;
}

} // namespace moim::server
