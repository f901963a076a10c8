#include "personal_account_api.h"

#include "account_store.h"
#include "admin_api.h"
#include "api_server.h"
#include "clock.h"
#include "device_proofs.h"
#include "event_hub.h"
#include "hash_queue.h"
#include "http_listener.h"
#include "mailbox.h"
#include "onboarding_mails.h"
#include "password_hasher.h"
#include "personal_account_store.h"
#include "push_request_service.h"
#include "server_logging.h"
#include "throttle.h"
#include "two_step_check.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>
#include <protocol/device_label.h>
#include <protocol/password_policy.h>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace event = moim::protocol::event;
using Method = QHttpServerRequest::Method;
using Outcome = PushRequestService::Outcome;

namespace {

constexpr qsizetype MaxPasswordBytes = 1024;
constexpr qsizetype MaxNameLength = 100;
constexpr qsizetype MaxIdLength = 128;

// The address as the server saw it, IPv4-mapped IPv6 written as IPv4 (as on the login channel).
QString peerIp(const QHttpServerRequest &request)
{
    const QHostAddress address = request.remoteAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

JsonReply pushOutcomeReply(Outcome outcome, qint64 retryAfter = 0)
{
    switch (outcome) {
    case Outcome::Ok:
        return JsonReply::ok({{u"ok"_s, true}});
    case Outcome::Unknown:
        return JsonReply::error(error::NotFound, u"No such request."_s);
    case Outcome::Expired:
        return JsonReply::error(error::PushExpired, u"The request expired."_s);
    case Outcome::Used:
        return JsonReply::error(error::PushUsed,
                                u"The request was already approved, denied or ended."_s);
    case Outcome::WrongCode:
        return JsonReply::error(error::WrongCode, u"Wrong number; the request has ended."_s);
    case Outcome::AlreadyLinked:
        return JsonReply::error(error::AlreadyLinked,
                                u"One of the two accounts is linked already."_s);
    case Outcome::TooManyPending:
        return JsonReply::error(error::TooManyPending,
                                u"Three requests already wait on the phone."_s)
            .withRetryAfter(retryAfter);
    case Outcome::Blocked:
        return JsonReply::error(error::PushBlocked,
                                u"Requests to this personal account are blocked for now."_s)
            .withRetryAfter(retryAfter);
    case Outcome::TooManyFromIp:
        return JsonReply::tooManyAttempts(retryAfter);
    case Outcome::Refused:
        break;
    }
    return JsonReply::error(error::ServerError, u"Unexpected outcome."_s);
}

QJsonObject personalJson(const QString &id, const QString &displayName)
{
    return {{u"id"_s, id}, {u"display_name"_s, displayName}};
}

} // namespace

QString PersonalAccountApi::throttleKey(const QString &personalId)
{
    return u"personal:"_s + personalId;
}

PersonalAccountApi::PersonalAccountApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    auto asPhone = [this](auto action) {
        return [this, action](const QHttpServerRequest &request) {
            if (auto refusal = m_services.api.refuseClient(request))
                return refusal->toResponse();
            JsonReply refusal = JsonReply::noContent();
            const auto personalId = phone(request, &refusal);
            if (!personalId)
                return refusal.toResponse();
            return action(*personalId, request).toResponse();
        };
    };
    auto asWorkSession = [this](auto action) {
        return [this, action](const QHttpServerRequest &request) {
            if (auto refusal = m_services.api.refuseClient(request))
                return refusal->toResponse();
            JsonReply refusal = JsonReply::noContent();
            const auto session = workSession(request, &refusal);
            if (!session)
                return refusal.toResponse();
            return action(*session, request).toResponse();
        };
    };
    const auto body = [](const QHttpServerRequest &request) {
        return ApiServer::jsonBody(request).value_or(QJsonObject());
    };

    http.route(QString(path::PersonalLogin), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   personalLogin(request, std::move(responder));
               });
    http.route(QString(path::PersonalRequests), Method::Get,
               asPhone([this](const QString &personalId, const QHttpServerRequest &) {
                   return pendingRequests(personalId);
               }));
    http.route(QString(path::PersonalApprove), Method::Post,
               asPhone([this, body](const QString &personalId, const QHttpServerRequest &request) {
                   return approve(personalId, body(request));
               }));
    http.route(QString(path::PersonalDeny), Method::Post,
               asPhone([this, body](const QString &personalId, const QHttpServerRequest &request) {
                   return deny(personalId, body(request));
               }));
    http.route(QString(path::PersonalLink), Method::Get,
               asWorkSession([this](const TokenService::SessionRef &session,
                                    const QHttpServerRequest &) { return linkStatus(session); }));
    http.route(QString(path::PersonalLink), Method::Post,
               asWorkSession([this, body](const TokenService::SessionRef &session,
                                          const QHttpServerRequest &request) {
                   return startLink(session, body(request), peerIp(request));
               }));
    http.route(QString(path::PersonalLinkCancel), Method::Post,
               asWorkSession([this, body](const TokenService::SessionRef &session,
                                          const QHttpServerRequest &request) {
                   return cancelLink(session, body(request));
               }));
    http.route(QString(path::PersonalLinkRemove), Method::Post,
               asWorkSession([this](const TokenService::SessionRef &session,
                                    const QHttpServerRequest &request) {
                   return removeLink(session, peerIp(request));
               }));
    http.route(QString(path::PushRedeem), Method::Post,
               [this](const QHttpServerRequest &request) { return redeem(request).toResponse(); });
    http.route(QString(path::AdminPersonalAccounts), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   createPersonalAccount(request, std::move(responder));
               });

    PushRequestService &push = m_services.push;
    connect(&push, &PushRequestService::linked, this,
            [this](const QString &userId, const QString &, const QString &requestId,
                   const QString &personalId, const QString &ip, const QString &deviceName) {
                const auto mail = OnboardingMail::personalLinked(personalId, deviceName, ip,
                                                                 m_services.clock.now());
                mailToUser(userId, u"personal_linked"_s, mail.subject, mail.body);
                pushLinkChanged(userId, requestId);
            });
    connect(&push, &PushRequestService::linkEnded, this,
            [this](const QString &, const QString &sessionId, const QString &requestId,
                   const QString &reason) {
                m_services.events.pushToSession(sessionId,
                                                {{u"type"_s, QString(event::PersonalLinkEnded)},
                                                 {u"link_request"_s, requestId},
                                                 {u"reason"_s, reason}});
            });
    connect(&push, &PushRequestService::reported, this,
            [this](const QString &userId, const QString &personalId, const QString &ip,
                   const TokenService::Device &device) {
                const qint64 now = m_services.clock.now();
                const auto mail =
                    OnboardingMail::pushReported(personalId, device.name, device.os, ip, now,
                                                 now + m_services.push.limits().blockSeconds);
                mailToUser(userId, u"push_reported"_s, mail.subject, mail.body);
            });
}

std::optional<QString> PersonalAccountApi::phone(const QHttpServerRequest &request,
                                                 JsonReply *refusal) const
{
    const auto personalId = m_services.personal.authenticate(ApiServer::bearerToken(request));
    if (!personalId)
        *refusal = JsonReply::error(error::InvalidToken,
                                    u"Sign in to the personal account on the phone again."_s);
    return personalId;
}

std::optional<TokenService::SessionRef>
PersonalAccountApi::workSession(const QHttpServerRequest &request, JsonReply *refusal) const
{
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session || !m_services.accounts.findById(session->userId)) {
        *refusal = JsonReply::error(error::InvalidToken, u"Sign in again."_s);
        return std::nullopt;
    }
    return session;
}

TokenService::Device PersonalAccountApi::deviceOf(const TokenService::SessionRef &session) const
{
    const auto live = m_services.tokens.liveSessions(session.userId);
    for (const auto &info : live) {
        if (info.id == session.sessionId)
            return info.device;
    }
    return {u"Unnamed computer"_s, QString(), u"desktop"_s};
}

void PersonalAccountApi::mailToUser(const QString &userId, const QString &kind,
                                    const QString &subject, const QString &body)
{
    if (const auto account = m_services.accounts.findById(userId))
        m_services.mailbox.send(account->email, kind, subject, body, {});
}

void PersonalAccountApi::pushLinkChanged(const QString &userId, const QString &requestId)
{
    QJsonObject frame = linkStatus({QString(), userId}).body();
    frame.insert(u"type"_s, QString(event::PersonalLinkChanged));
    if (!requestId.isEmpty())
        frame.insert(u"link_request"_s, requestId);
    // Every device of the user: My account shows the link wherever it is open.
    m_services.events.pushToUsers({userId}, frame);
}

void PersonalAccountApi::personalLogin(const QHttpServerRequest &request,
                                       QHttpServerResponder &&responder)
{
    const auto answer = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    if (auto refusal = m_services.api.refuseClient(request))
        return answer(*refusal);
    const auto body = ApiServer::jsonBody(request);
    const QJsonValue idValue = body ? body->value("personal_account"_L1) : QJsonValue();
    const QJsonValue passwordValue = body ? body->value("password"_L1) : QJsonValue();
    const QString personalId = PersonalAccountStore::normaliseId(idValue.toString());
    const QByteArray password = passwordValue.toString().toUtf8();
    if (!idValue.isString() || idValue.toString().size() > MaxIdLength || personalId.isEmpty() ||
        !passwordValue.isString() || password.isEmpty() || password.size() > MaxPasswordBytes)
        return answer(
            JsonReply::error(error::BadRequest, u"Expected personal_account and password."_s));
    QString deviceName =
        protocol::cleanLabel(body->value("device"_L1).toObject().value("name"_L1).toString());
    if (deviceName.isEmpty())
        deviceName = u"Unnamed phone"_s;

    const QString key = throttleKey(personalId);
    bool proofOk = true;
    const QString deviceProofId = m_services.api.presentedDeviceProof(*body, key, &proofOk);
    if (!proofOk)
        return answer(JsonReply::error(error::BadRequest, u"device_proof must be a string."_s));
    const auto keys =
        Throttle::signInKeys(key, deviceProofId, Throttle::sourceOf(request.remoteAddress()));
    // Counted now, before the hash is queued: parallel guesses cannot outrun the count.
    if (const auto wait = m_services.throttle.reserve(keys))
        return answer(JsonReply::tooManyAttempts(*wait));
    // An unknown id is checked against a dummy hash so both failures cost the same time.
    const auto account = m_services.personal.find(personalId);
    const QString hash = account ? account->passwordHash : m_services.hasher.dummyHash();
    const PasswordHasher *hasher = &m_services.hasher;
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> connection = m_services.listener.currentConnection();
    const bool exists = account.has_value();
    const QString displayName = account ? account->displayName : QString();
    const bool queued = m_services.hashQueue.submit(
        HttpListener::ipOf(request.remoteAddress()),
        [this, hasher, hash, password, pending, connection, exists, key, keys, deviceProofId,
         personalId, displayName, deviceName] {
            const bool matches = hasher->verify(hash, password);
            QMetaObject::invokeMethod(
                this,
                [this, matches, pending, connection, exists, key, keys, deviceProofId, personalId,
                 displayName, deviceName] {
                    const JsonReply reply = [&] {
                        // Counted as a failure at admission; a wrong password leaves it so.
                        if (!exists || !matches)
                            return JsonReply::error(
                                error::InvalidCredentials,
                                u"Unknown personal account or wrong password."_s);
                        m_services.throttle.clear(keys);
                        qint64 expiresAt = 0;
                        const QString token =
                            m_services.personal.createSession(personalId, deviceName, &expiresAt);
                        if (token.isEmpty())
                            return JsonReply::error(error::ServerError,
                                                    u"Could not create a session."_s);
                        QJsonObject answerBody{
                            {u"token"_s, token},
                            {u"expires_at"_s, expiresAt},
                            {u"personal_account"_s, personalJson(personalId, displayName)}};
                        if (const auto proof =
                                m_services.deviceProofs.issue(key, QString(), deviceProofId))
                            answerBody.insert(moim::protocol::field::DeviceProof, *proof);
                        return JsonReply::ok(answerBody);
                    }();
                    if (connection && connection->state() == QAbstractSocket::ConnectedState)
                        reply.toResponse().write(std::move(*pending));
                },
                Qt::QueuedConnection);
        });
    if (!queued) {
        // Not checked, so not an attempt: the reservation is given back.
        m_services.throttle.release(keys);
        JsonReply::serverBusy(m_services.hashQueue.retryAfterSeconds())
            .toResponse()
            .write(std::move(*pending));
    }
}

JsonReply PersonalAccountApi::pendingRequests(const QString &personalId)
{
    QJsonArray list;
    const auto pending = m_services.push.pendingFor(personalId);
    for (const auto &request : pending) {
        const auto account = m_services.accounts.findById(request.userId);
        list.append(QJsonObject{
            {u"request_id"_s, request.requestId},
            {u"kind"_s,
             request.kind == PushRequestService::Kind::SignIn ? u"sign_in"_s : u"link"_s},
            {u"work_account"_s,
             QJsonObject{{u"email"_s, account ? account->email : QString()},
                         {u"display_name"_s, account ? account->displayName : QString()}}},
            {u"ip"_s, request.ip},
            {u"requested_at"_s, request.requestedAt},
            {u"expires_in"_s, request.expiresIn},
            {u"device"_s, QJsonObject{{u"name"_s, request.device.name},
                                      {u"os"_s, request.device.os},
                                      {u"claimed"_s, true}}}});
    }
    return JsonReply::ok({{u"requests"_s, list}});
}

JsonReply PersonalAccountApi::approve(const QString &personalId, const QJsonObject &body)
{
    const QString requestId = body.value("request_id"_L1).toString();
    const QString code = body.value("check_code"_L1).toString();
    if (requestId.isEmpty() || requestId.size() > MaxIdLength || code.isEmpty() || code.size() > 8)
        return JsonReply::error(error::BadRequest, u"Expected request_id and check_code."_s);
    const auto kind = m_services.push.kindOf(personalId, requestId);
    JsonReply refusal = JsonReply::noContent();
    const Outcome outcome = m_services.push.approve(personalId, requestId, code, &refusal);
    if (outcome == Outcome::Refused)
        return refusal;
    if (outcome != Outcome::Ok)
        return pushOutcomeReply(outcome);
    return JsonReply::ok(
        {{u"ok"_s, true},
         {u"kind"_s, kind == PushRequestService::Kind::Link ? u"link"_s : u"sign_in"_s}});
}

JsonReply PersonalAccountApi::deny(const QString &personalId, const QJsonObject &body)
{
    const QString requestId = body.value("request_id"_L1).toString();
    const QJsonValue report = body.value("report"_L1);
    if (requestId.isEmpty() || requestId.size() > MaxIdLength ||
        !(report.isUndefined() || report.isBool()))
        return JsonReply::error(error::BadRequest, u"Expected request_id and optional report."_s);
    qint64 blockedFor = 0;
    const Outcome outcome =
        m_services.push.deny(personalId, requestId, report.toBool(), &blockedFor);
    if (outcome != Outcome::Ok)
        return pushOutcomeReply(outcome);
    QJsonObject answer{{u"ok"_s, true}};
    if (blockedFor > 0)
        answer.insert(u"blocked_for"_s, blockedFor);
    return JsonReply::ok(answer);
}

JsonReply PersonalAccountApi::linkStatus(const TokenService::SessionRef &session) const
{
    const auto link = m_services.personal.linkOfUser(session.userId);
    if (!link)
        return JsonReply::ok({{u"personal_account"_s, QJsonValue(QJsonValue::Null)}});
    QJsonObject personal = personalJson(link->personalId, link->displayName);
    personal.insert(u"linked_at"_s, link->linkedAt);
    return JsonReply::ok({{u"personal_account"_s, personal}});
}

JsonReply PersonalAccountApi::startLink(const TokenService::SessionRef &session,
                                        const QJsonObject &body, const QString &ip)
{
    const QJsonValue idValue = body.value("personal_account"_L1);
    const QString personalId = PersonalAccountStore::normaliseId(idValue.toString());
    if (!idValue.isString() || idValue.toString().size() > MaxIdLength || personalId.isEmpty())
        return JsonReply::error(error::BadRequest, u"Expected personal_account."_s);
    PushRequestService::Started started;
    const Outcome outcome =
        m_services.push.startLink(session, personalId, ip, deviceOf(session), &started);
    if (outcome != Outcome::Ok)
        return pushOutcomeReply(outcome, started.retryAfter);
    // The same answer whether or not the personal account exists: only its phone can tell.
    return JsonReply::ok({{u"link_request"_s, started.requestId},
                          {u"check_code"_s, started.checkCode},
                          {u"expires_in"_s, started.expiresIn}});
}

JsonReply PersonalAccountApi::cancelLink(const TokenService::SessionRef &session,
                                         const QJsonObject &body)
{
    const QString requestId = body.value("link_request"_L1).toString();
    if (requestId.isEmpty() || requestId.size() > MaxIdLength)
        return JsonReply::error(error::BadRequest, u"Expected link_request."_s);
    if (!m_services.push.cancelLink(session, requestId))
        return JsonReply::error(error::NotFound, u"No such waiting request."_s);
    return JsonReply::noContent();
}

JsonReply PersonalAccountApi::removeLink(const TokenService::SessionRef &session, const QString &ip)
{
    PersonalAccountStore::Link removed;
    if (!m_services.personal.unlink(session.userId, &removed))
        return JsonReply::error(error::NotFound, u"No personal account is linked."_s);
    qCInfo(lcAuth) << "Personal account unlinked from" << session.userId;
    const auto mail = OnboardingMail::personalUnlinked(removed.personalId, deviceOf(session).name,
                                                       ip, m_services.clock.now());
    mailToUser(session.userId, u"personal_unlinked"_s, mail.subject, mail.body);
    pushLinkChanged(session.userId, QString());
    return JsonReply::noContent();
}

JsonReply PersonalAccountApi::redeem(const QHttpServerRequest &request)
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto body = ApiServer::jsonBody(request);
    const QString requestId = body ? body->value("push_request"_L1).toString() : QString();
    const QString secret = body ? body->value("secret"_L1).toString() : QString();
    if (requestId.isEmpty() || secret.isEmpty() || requestId.size() > MaxIdLength ||
        secret.size() > MaxIdLength)
        return JsonReply::error(error::BadRequest, u"Expected push_request and secret."_s);
    PushRequestService::Redeemed redeemed;
    // Unknown request, wrong secret, not approved, redeemed before, unlinked since: one answer.
    if (m_services.push.redeem(requestId, secret, &redeemed) != Outcome::Ok)
        return JsonReply::error(error::InvalidToken, u"Nothing to redeem."_s);
    const auto account = m_services.accounts.findById(redeemed.userId);
    // Membership and throttling again: either may have changed since the approval.
    if (!account || account->deactivated ||
        m_services.accounts.activeWorkspaces(redeemed.userId).isEmpty())
        return JsonReply::error(error::UnauthorizedUser,
                                u"The account has no active workspace membership."_s);
    // Throttled by the approving phone's own count only: failures from elsewhere never block
    // the owner's approvals.
    const auto approvalKeys = Throttle::pushApprovalKeys(account->email, redeemed.personalId);
    if (const auto wait = m_services.throttle.retryAfter(approvalKeys))
        return JsonReply::tooManyAttempts(*wait);
    // The one 2-step check: an enrolled account gets a challenge, not a session, and finishes
    // at /auth/second-factor like a password sign-in (its codes count under the desktop's IP).
    if (m_services.twoStep.needsCode(redeemed.userId)) {
        const auto challenge = m_services.twoStep.beginChallenge(
            redeemed.userId, account->email, redeemed.device,
            {Throttle::sourceOf(request.remoteAddress()), QString()});
        if (!challenge)
            return JsonReply::error(error::ServerError, u"Could not start 2-step verification."_s);
        return JsonReply::error(error::SecondFactorRequired,
                                u"Enter a code from the authenticator."_s)
            .withErrorField(u"challenge_id"_s, challenge->id)
            .withErrorField(u"expires_in"_s, challenge->expiresIn);
    }
    m_services.throttle.clear(approvalKeys);
    const auto grant =
        m_services.tokens.createSession(redeemed.userId, redeemed.device, false, peerIp(request));
    if (!grant)
        return JsonReply::error(error::ServerError, u"Could not create a session."_s);
    return m_services.api.signInGrantReply(*grant);
}

void PersonalAccountApi::createPersonalAccount(const QHttpServerRequest &request,
                                               QHttpServerResponder &&responder)
{
    const auto answer = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    if (auto refusal = m_services.admin.refuse(request))
        return answer(*refusal);
    const auto body = ApiServer::jsonBody(request);
    const QJsonValue idValue = body ? body->value("id"_L1) : QJsonValue();
    const QString personalId = PersonalAccountStore::normaliseId(idValue.toString());
    const QString displayName = protocol::cleanLabel(
        body ? body->value("display_name"_L1).toString() : QString(), MaxNameLength + 1);
    const QString password = body ? body->value("password"_L1).toString() : QString();
    if (!idValue.isString() || personalId.isEmpty() || displayName.isEmpty() ||
        displayName.size() > MaxNameLength || password.toUtf8().size() > MaxPasswordBytes)
        return answer(JsonReply::error(error::BadRequest,
                                       u"Expected id (3 to 100 characters, no spaces), "
                                       "display_name and password."_s));
    if (m_services.personal.find(personalId))
        return answer(JsonReply::error(error::BadRequest, u"That id is taken."_s));
    // The same rule as for work passwords.
    const auto verdict = moim::protocol::PasswordPolicy::evaluate(
        password, moim::protocol::PasswordPolicy::userWords(personalId, displayName, {}));
    if (!verdict.acceptable())
        return answer(
            JsonReply::weakPassword(moim::protocol::PasswordPolicy::reasonName(verdict.problem)));
    const PasswordHasher *hasher = &m_services.hasher;
    const QByteArray passwordBytes = password.toUtf8();
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> connection = m_services.listener.currentConnection();
    const bool queued = m_services.hashQueue.submit(
        HttpListener::ipOf(request.remoteAddress()),
        [this, hasher, passwordBytes, pending, connection, personalId, displayName] {
            const QString hash = hasher->hash(passwordBytes);
            QMetaObject::invokeMethod(
                this,
                [this, hash, pending, connection, personalId, displayName] {
                    const JsonReply reply =
                        m_services.personal.create(personalId, displayName, hash)
                            ? JsonReply::ok(
                                  {{u"personal_account"_s, personalJson(personalId, displayName)}})
                            : JsonReply::error(error::BadRequest, u"That id is taken."_s);
                    if (reply.status() == JsonReply::Status::Ok)
                        qCInfo(lcAdmin) << "Created personal account" << personalId;
                    if (connection && connection->state() == QAbstractSocket::ConnectedState)
                        reply.toResponse().write(std::move(*pending));
                },
                Qt::QueuedConnection);
        });
    if (!queued)
        JsonReply::serverBusy(m_services.hashQueue.retryAfterSeconds())
            .toResponse()
            .write(std::move(*pending));
}

} // namespace moim::server
