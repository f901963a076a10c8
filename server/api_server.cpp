#include "api_server.h"

#include "account_store.h"
#include "client_version.h"
#include "clock.h"
#include "device_proofs.h"
#include "email_address.h"
#include "hash_queue.h"
#include "http_listener.h"
#include "password_hasher.h"
#include "qr_login_service.h"
#include "server_logging.h"
#include "throttle.h"
#include "two_step_check.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <protocol/device_label.h>
#include <protocol/protocol.h>

namespace moim::server {

namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace reason = moim::protocol::revokeReason;
using Method = QHttpServerRequest::Method;

namespace {

// Longer than any password the product accepts (256 code points, at most 4 bytes each): a
// bigger body is not a password but an attempt to make argon2 hash megabytes.
constexpr qsizetype MaxPasswordBytes = 1024;

QString stringField(const QJsonObject &object, QLatin1StringView name, bool *ok)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        *ok = false;
    return value.toString();
}

} // namespace

ApiServer::ApiServer(QHttpServer &http, Services services, QString minClientVersion,
                     QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_minClientVersion(std::move(minClientVersion))
{
    http.route(QString(path::Server), Method::Get,
               [this](const QHttpServerRequest &request) { return serverInfo(request); });
    http.route(QString(path::Login), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   login(request, std::move(responder));
               });
    http.route(QString(path::SecondFactor), Method::Post,
               [this](const QHttpServerRequest &request) { return secondFactor(request); });
    http.route(QString(path::Refresh), Method::Post,
               [this](const QHttpServerRequest &request) { return refresh(request); });
    http.route(QString(path::Logout), Method::Post,
               [this](const QHttpServerRequest &request) { return logout(request); });
    http.route(QString(path::Revoke), Method::Post,
               [this](const QHttpServerRequest &request) { return revoke(request); });
    http.route(QString(path::Me), Method::Get,
               [this](const QHttpServerRequest &request) { return me(request); });
    http.route(path::Workspaces + QStringLiteral("<arg>") + path::Conversations, Method::Get,
               [this](const QString &workspaceId, const QHttpServerRequest &request) {
                   return conversations(workspaceId, request);
               });
    http.route(QString(path::QrScan), Method::Post,
               [this](const QHttpServerRequest &request) { return qrScan(request); });
    http.route(QString(path::QrApprove), Method::Post,
               [this](const QHttpServerRequest &request) { return qrApprove(request); });
    http.route(QString(path::QrDeny), Method::Post,
               [this](const QHttpServerRequest &request) { return qrDeny(request); });
    http.route(QString(path::QrRedeem), Method::Post,
               [this](const QHttpServerRequest &request) { return qrRedeem(request); });
}

QByteArray ApiServer::header(const QHttpServerRequest &request, QByteArrayView name)
{
    const auto headers = request.headers();
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString ApiServer::bearerToken(const QHttpServerRequest &request)
{
    const QByteArray value = header(request, "Authorization").trimmed();
    constexpr QByteArrayView scheme = "bearer ";
    if (value.size() <= scheme.size() ||
        value.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return {};
    return QString::fromLatin1(value.mid(scheme.size()).trimmed());
}

std::optional<QJsonObject> ApiServer::jsonBody(const QHttpServerRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::optional<JsonReply> ApiServer::refuseClient(const QHttpServerRequest &request) const
{
    if (m_minClientVersion.isEmpty())
        return std::nullopt;
    const auto client = ClientVersion::fromHeader(
        QString::fromLatin1(header(request, moim::protocol::ClientHeader)));
    if (client && ClientVersion::compare(client->version(), m_minClientVersion) >= 0)
        return std::nullopt;
    return JsonReply::updateRequired(m_minClientVersion);
}

QHttpServerResponse ApiServer::serverInfo(const QHttpServerRequest &request) const
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    return JsonReply::ok({{QStringLiteral("name"), QStringLiteral("Moim mock server")},
                          {QStringLiteral("version"), QStringLiteral(MOIM_VERSION)},
                          {QStringLiteral("min_client_version"),
                           m_minClientVersion.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(m_minClientVersion)},
                          {QStringLiteral("time"), m_services.clock.now()}})
        .toResponse();
}

void ApiServer::login(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const auto answer = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    if (auto refusal = refuseClient(request))
        return answer(*refusal);
    const auto body = jsonBody(request);
    if (!body)
        return answer(JsonReply::error(error::BadRequest, QStringLiteral("Malformed JSON.")));
    bool ok = true;
    const QString email = stringField(*body, QLatin1StringView("email"), &ok);
    const QString password = stringField(*body, QLatin1StringView("password"), &ok);
    LoginAttempt attempt;
    attempt.device = {QStringLiteral("Unnamed computer"), QString(), QStringLiteral("desktop")};
    if (body->contains(QLatin1StringView("device"))) {
        const QJsonValue deviceValue = body->value(QLatin1StringView("device"));
        const QJsonObject device = deviceValue.toObject();
        if (!deviceValue.isObject())
            ok = false;
        for (auto [field, target] : {std::pair{QLatin1StringView("name"), &attempt.device.name},
                                     std::pair{QLatin1StringView("os"), &attempt.device.os},
                                     std::pair{QLatin1StringView("kind"), &attempt.device.kind}}) {
            if (device.contains(field))
                *target = stringField(device, field, &ok);
        }
        if (attempt.device.kind != QLatin1StringView("desktop") &&
            attempt.device.kind != QLatin1StringView("mobile"))
            ok = false;
        // What the device says about itself is kept as data only (docs/protocol.md "Labels").
        attempt.device.name = protocol::cleanLabel(attempt.device.name);
        attempt.device.os = protocol::cleanLabel(attempt.device.os);
        if (attempt.device.name.isEmpty())
            attempt.device.name = QStringLiteral("Unnamed computer");
    }
    const QByteArray passwordBytes = password.toUtf8();
    if (!ok || email.trimmed().isEmpty() || password.isEmpty() ||
        passwordBytes.size() > MaxPasswordBytes)
        return answer(JsonReply::error(
            error::BadRequest, QStringLiteral("Expected email, password and optional device.")));

    attempt.emailKey = EmailAddress::normalise(email);
    attempt.deviceProofId = presentedDeviceProof(*body, attempt.emailKey, &ok);
    if (!ok)
        return answer(
            JsonReply::error(error::BadRequest, QStringLiteral("device_proof must be a string.")));
    attempt.ip = request.remoteAddress().toString();
    attempt.source = Throttle::sourceOf(request.remoteAddress());
    attempt.throttleKeys =
        Throttle::signInKeys(attempt.emailKey, attempt.deviceProofId, attempt.source);
    // Counted now, before the hash is queued: parallel guesses cannot outrun the count.
    if (const auto wait = m_services.throttle.reserve(attempt.throttleKeys)) {
        qCInfo(lcAuth) << "Sign-in throttled for" << *wait << "s";
        return answer(JsonReply::tooManyAttempts(*wait));
    }

    // An unknown email is checked against a dummy hash so both failures cost the same time.
    const auto account = m_services.accounts.findByEmail(attempt.emailKey);
    const QString hash = account ? account->passwordHash : m_services.hasher.dummyHash();
    if (account)
        attempt.userId = account->id;
    const PasswordHasher *hasher = &m_services.hasher;
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> connection = m_services.listener.currentConnection();
    // argon2id runs on the pool; the outcome is recorded on the main thread, which owns the
    // database. The owner waits for the pool before destroying us; a queued step that finds us
    // gone is dropped by Qt.
    const bool queued = m_services.hashQueue.submit(
        HttpListener::ipOf(request.remoteAddress()),
        [this, hasher, hash, passwordBytes, attempt, pending, connection] {
            const bool matches = hasher->verify(hash, passwordBytes);
            QMetaObject::invokeMethod(
                this,
                [this, attempt, matches, pending, connection] {
                    // Settled even when the client has gone (it was counted at admission).
                    const JsonReply reply = finishLogin(attempt, matches);
                    if (connection && connection->state() == QAbstractSocket::ConnectedState)
                        reply.toResponse().write(std::move(*pending));
                },
                Qt::QueuedConnection);
        });
    if (!queued) {
        // Not checked, so not an attempt: the reservation is given back.
        m_services.throttle.release(attempt.throttleKeys);
        JsonReply::serverBusy(m_services.hashQueue.retryAfterSeconds())
            .toResponse()
            .write(std::move(*pending));
    }
}

JsonReply ApiServer::finishLogin(const LoginAttempt &attempt, bool passwordMatches)
{
    // The attempt was counted as a failure when it was admitted; a wrong password leaves it so.
    if (!attempt.userId || !passwordMatches)
        return JsonReply::error(error::InvalidCredentials,
                                QStringLiteral("Unknown email or wrong password."));
    // Right password but nothing to sign in to: the only answer that says the account exists,
    // and it is given only to someone who knows the password. It is not a failed attempt.
    if (m_services.accounts.activeWorkspaces(*attempt.userId).isEmpty()) {
        m_services.throttle.release(attempt.throttleKeys);
        return JsonReply::error(error::UnauthorizedUser,
                                QStringLiteral("The account has no active workspace membership."));
    }
    // The one 2-step check (TwoStepCheck): an enrolled account gets no session yet, only a
    // challenge to answer with a code. The failure count is cleared only once the code is
    // right too; otherwise the password would buy a fresh round of guesses at the code.
    if (m_services.twoStep.needsCode(*attempt.userId)) {
        m_services.throttle.release(attempt.throttleKeys);
        const auto challenge =
            m_services.twoStep.beginChallenge(*attempt.userId, attempt.emailKey, attempt.device,
                                              {attempt.source, attempt.deviceProofId});
        if (!challenge)
            return JsonReply::error(error::ServerError,
                                    QStringLiteral("Could not start 2-step verification."));
        return JsonReply::error(error::SecondFactorRequired,
                                QStringLiteral("Enter a code from the authenticator."))
            .withErrorField(QStringLiteral("challenge_id"), challenge->id)
            .withErrorField(QStringLiteral("expires_in"), challenge->expiresIn);
    }
    m_services.throttle.clear(attempt.throttleKeys);
    const auto grant =
        m_services.tokens.createSession(*attempt.userId, attempt.device, false, attempt.ip);
    if (!grant)
        return JsonReply::error(error::ServerError, QStringLiteral("Could not create a session."));
    return signInGrantReply(*grant, attempt.deviceProofId);
}

QString ApiServer::presentedDeviceProof(const QJsonObject &body, const QString &accountKey,
                                        bool *ok) const
{
    const QJsonValue value = body.value(moim::protocol::field::DeviceProof);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        *ok = false;
        return {};
    }
    // An unknown, expired or withdrawn proof, or one of another account, is simply absent:
    // the caller is counted like anyone else without one.
    return m_services.deviceProofs.validate(accountKey, value.toString());
}

JsonReply ApiServer::signInGrantReply(const TokenService::Grant &grant,
                                      const QString &replacedDeviceProofId) const
{
    JsonReply reply = grantReply(grant);
    const auto account = m_services.accounts.findById(grant.userId);
    if (!account || reply.status() != JsonReply::Status::Ok)
        return reply;
    const auto proof =
        m_services.deviceProofs.issue(account->email, grant.sessionId, replacedDeviceProofId);
    // Without a proof the sign-in still stands; the client is merely counted as anonymous.
    if (!proof)
        return reply;
    QJsonObject body = reply.body();
    body.insert(moim::protocol::field::DeviceProof, *proof);
    return JsonReply::ok(body);
}

JsonReply ApiServer::grantReply(const TokenService::Grant &grant) const
{
    const auto account = m_services.accounts.findById(grant.userId);
    if (!account)
        return JsonReply::error(error::ServerError, QStringLiteral("The account vanished."));
    return JsonReply::ok({{QStringLiteral("session_id"), grant.sessionId},
                          {QStringLiteral("access_token"), grant.accessToken},
                          {QStringLiteral("access_expires_in"), grant.accessExpiresIn},
                          {QStringLiteral("refresh_token"), grant.refreshToken},
                          {QStringLiteral("refresh_expires_at"), grant.refreshExpiresAt},
                          {QStringLiteral("account"), AccountStore::accountJson(*account)},
                          {QStringLiteral("workspaces"),
                           m_services.accounts.activeWorkspaces(grant.userId, grant.sessionId)}});
}

JsonReply ApiServer::codeRefusal(const TwoStepCheck::Answer &answer)
{
    using Outcome = TwoStepCheck::Outcome;
    const int attemptsLeft = answer.attemptsLeft;
    switch (answer.outcome) {
    case Outcome::Throttled:
        return JsonReply::tooManyAttempts(answer.retryAfter);
    case Outcome::ChallengeEnded:
        return JsonReply::error(error::ChallengeEnded,
                                QStringLiteral("Sign in with your password again."));
    case Outcome::NotEnrolled:
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("2-step verification is not enabled."));
    case Outcome::Reused:
        return JsonReply::error(error::CodeReused, QStringLiteral("This code was already used."))
            .withErrorField(QStringLiteral("attempts_left"), attemptsLeft);
    case Outcome::Expired:
        return JsonReply::error(error::CodeExpired, QStringLiteral("This code has expired."))
            .withErrorField(QStringLiteral("attempts_left"), attemptsLeft);
    case Outcome::Wrong:
    case Outcome::Accepted:
        break;
    }
    return JsonReply::error(error::InvalidCode, QStringLiteral("Wrong code."))
        .withErrorField(QStringLiteral("attempts_left"), attemptsLeft);
}

JsonReply ApiServer::workspaceLocked()
{
    return JsonReply::error(error::TwoStepRequired,
                            QStringLiteral("This workspace requires 2-step verification."));
}

QHttpServerResponse ApiServer::secondFactor(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString challengeId =
        body ? stringField(*body, QLatin1StringView("challenge_id"), &ok) : QString();
    const bool recovery = body && body->contains(QLatin1StringView("recovery_code"));
    const QString code = body ? stringField(*body,
                                            recovery ? QLatin1StringView("recovery_code")
                                                     : QLatin1StringView("code"),
                                            &ok)
                              : QString();
    // Bounded: a code is 6 digits, a recovery code 19 characters.
    if (!ok || challengeId.isEmpty() || code.isEmpty() || code.size() > 64 ||
        challengeId.size() > 256)
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("Expected challenge_id and code or recovery_code."))
            .toResponse();
    const auto answer = m_services.twoStep.answerChallenge(
        challengeId, code,
        recovery ? TwoStepCheck::CodeKind::Recovery : TwoStepCheck::CodeKind::Totp);
    if (answer.outcome != TwoStepCheck::Outcome::Accepted)
        return codeRefusal(answer).toResponse();
    if (m_services.accounts.activeWorkspaces(answer.userId).isEmpty())
        return JsonReply::error(error::UnauthorizedUser,
                                QStringLiteral("The account has no active workspace membership."))
            .toResponse();
    const auto grant = m_services.tokens.createSession(answer.userId, answer.device, true,
                                                       request.remoteAddress().toString());
    if (!grant)
        return JsonReply::error(error::ServerError, QStringLiteral("Could not create a session."))
            .toResponse();
    return signInGrantReply(*grant, answer.deviceProofId).toResponse();
}

QHttpServerResponse ApiServer::refresh(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString token =
        body ? stringField(*body, QLatin1StringView("refresh_token"), &ok) : QString();
    if (!ok || token.isEmpty())
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected refresh_token."))
            .toResponse();
    const JsonReply invalid =
        JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again."));
    const auto session = m_services.tokens.sessionForRefreshToken(token);
    if (!session)
        return invalid.toResponse();
    if (m_services.accounts.activeWorkspaces(session->userId).isEmpty())
        return JsonReply::error(error::UnauthorizedUser,
                                QStringLiteral("The account has no active workspace membership."))
            .toResponse();
    const auto grant = m_services.tokens.refresh(token);
    return grant ? grantReply(*grant).toResponse() : invalid.toResponse();
}

QHttpServerResponse ApiServer::logout(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    std::optional<TokenService::SessionRef> session;
    if (const QString access = bearerToken(request); !access.isEmpty()) {
        session = m_services.tokens.sessionForAccessToken(access);
    } else {
        const auto body = jsonBody(request);
        bool ok = body.has_value();
        const QString token =
            body ? stringField(*body, QLatin1StringView("refresh_token"), &ok) : QString();
        if (!ok || token.isEmpty())
            return JsonReply::error(error::BadRequest,
                                    QStringLiteral("Expected a bearer token or refresh_token."))
                .toResponse();
        session = m_services.tokens.sessionForRefreshToken(token);
    }
    // Unknown or already revoked: still 204, so a retried logout is harmless.
    if (session)
        m_services.tokens.revokeSession(session->sessionId, reason::Logout);
    return JsonReply::noContent().toResponse();
}

QHttpServerResponse ApiServer::revoke(const QHttpServerRequest &request)
{
    // No client version check: a client too old to sign in may still end its own session.
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString sessionId =
        body ? stringField(*body, QLatin1StringView("session_id"), &ok) : QString();
    const QString proof = body ? stringField(*body, QLatin1StringView("proof"), &ok) : QString();
    if (!ok || sessionId.isEmpty() || proof.isEmpty())
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected session_id and proof."))
            .toResponse();
    m_services.tokens.revokeByProof(sessionId, proof);
    return JsonReply::noContent().toResponse();
}

QHttpServerResponse ApiServer::me(const QHttpServerRequest &request) const
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    const auto session = m_services.tokens.authenticate(bearerToken(request));
    const auto account = session ? m_services.accounts.findById(session->userId) : std::nullopt;
    if (!account)
        return JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again.")).toResponse();
    const QJsonArray workspaces =
        m_services.accounts.activeWorkspaces(account->id, session->sessionId);
    if (workspaces.isEmpty())
        return JsonReply::error(error::UnauthorizedUser,
                                QStringLiteral("The account has no active workspace membership."))
            .toResponse();
    return JsonReply::ok({{QStringLiteral("account"), AccountStore::accountJson(*account)},
                          {QStringLiteral("workspaces"), workspaces}})
        .toResponse();
}

QHttpServerResponse ApiServer::conversations(const QString &workspaceId,
                                             const QHttpServerRequest &request) const
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    const auto session = m_services.tokens.authenticate(bearerToken(request));
    if (!session)
        return JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again.")).toResponse();
    if (!m_services.accounts.workspaceExists(workspaceId))
        return JsonReply::error(error::NotFound, QStringLiteral("No such workspace.")).toResponse();
    if (!m_services.accounts.isActiveMember(session->userId, workspaceId))
        return JsonReply::error(error::Forbidden, QStringLiteral("Not a member of this workspace."))
            .toResponse();
    if (m_services.accounts.isLockedFor(session->userId, session->sessionId, workspaceId))
        return workspaceLocked().toResponse();
    return JsonReply::ok({{QStringLiteral("conversations"),
                           m_services.accounts.conversations(session->userId, workspaceId)}})
        .toResponse();
}

namespace {

JsonReply qrOutcomeReply(QrLoginService::Outcome outcome)
{
    using Outcome = QrLoginService::Outcome;
    switch (outcome) {
    case Outcome::Ok:
        return JsonReply::ok({{QStringLiteral("ok"), true}});
    case Outcome::Unknown:
        return JsonReply::error(error::NotFound, QStringLiteral("No such sign-in request."));
    case Outcome::Expired:
        return JsonReply::error(error::QrExpired,
                                QStringLiteral("The QR code expired; show a new one."));
    case Outcome::Used:
        return JsonReply::error(error::QrUsed, QStringLiteral("The QR code was already used."));
    case Outcome::WrongCode:
        return JsonReply::error(error::WrongCode,
                                QStringLiteral("Wrong check code; the request has ended."));
    case Outcome::Refused:
    case Outcome::TooMany:
        break;
    }
    return JsonReply::error(error::ServerError, QStringLiteral("Unexpected outcome."));
}

} // namespace

std::optional<TokenService::SessionRef> ApiServer::qrPhone(const QHttpServerRequest &request,
                                                           JsonReply *refusal) const
{
    const auto session = m_services.tokens.authenticate(bearerToken(request));
    if (!session) {
        *refusal = JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again."));
        return std::nullopt;
    }
    // The phone vouches for the computer in front of the user; another desktop cannot.
    if (m_services.tokens.deviceKind(session->sessionId) != QLatin1StringView("mobile")) {
        *refusal = JsonReply::error(error::Forbidden,
                                    QStringLiteral("Only the phone app can approve a sign-in."));
        return std::nullopt;
    }
    return session;
}

QHttpServerResponse ApiServer::qrScan(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    JsonReply refused = JsonReply::noContent();
    const auto phone = qrPhone(request, &refused);
    if (!phone)
        return refused.toResponse();
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString session =
        body ? stringField(*body, QLatin1StringView("qr_session"), &ok) : QString();
    const QString nonce = body ? stringField(*body, QLatin1StringView("nonce"), &ok) : QString();
    if (!ok || session.isEmpty() || nonce.isEmpty())
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected qr_session and nonce."))
            .toResponse();
    QrLoginService::ScanInfo info;
    const auto outcome = m_services.qr.scan(*phone, session, nonce, &info);
    if (outcome != QrLoginService::Outcome::Ok)
        return qrOutcomeReply(outcome).toResponse();
    return JsonReply::ok(
               {{QStringLiteral("request_id"), info.requestId},
                {QStringLiteral("ip"), info.ip},
                {QStringLiteral("requested_at"), info.requestedAt},
                {QStringLiteral("expires_in"), info.expiresIn},
                {QStringLiteral("device"), QJsonObject{{QStringLiteral("name"), info.deviceName},
                                                       {QStringLiteral("os"), info.deviceOs},
                                                       {QStringLiteral("claimed"), true}}}})
        .toResponse();
}

QHttpServerResponse ApiServer::qrApprove(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    JsonReply refused = JsonReply::noContent();
    const auto phone = qrPhone(request, &refused);
    if (!phone)
        return refused.toResponse();
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString requestId =
        body ? stringField(*body, QLatin1StringView("request_id"), &ok) : QString();
    const QString code =
        body ? stringField(*body, QLatin1StringView("check_code"), &ok) : QString();
    if (!ok || requestId.isEmpty() || code.isEmpty())
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("Expected request_id and check_code."))
            .toResponse();
    JsonReply refusal = JsonReply::noContent();
    const auto outcome = m_services.qr.approve(*phone, requestId, code, &refusal);
    if (outcome == QrLoginService::Outcome::Refused)
        return refusal.toResponse();
    return qrOutcomeReply(outcome).toResponse();
}

QHttpServerResponse ApiServer::qrDeny(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    JsonReply refused = JsonReply::noContent();
    const auto phone = qrPhone(request, &refused);
    if (!phone)
        return refused.toResponse();
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString requestId =
        body ? stringField(*body, QLatin1StringView("request_id"), &ok) : QString();
    if (!ok || requestId.isEmpty())
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected request_id."))
            .toResponse();
    return qrOutcomeReply(m_services.qr.deny(*phone, requestId)).toResponse();
}

QHttpServerResponse ApiServer::qrRedeem(const QHttpServerRequest &request)
{
    if (auto refusal = refuseClient(request))
        return refusal->toResponse();
    const auto body = jsonBody(request);
    bool ok = body.has_value();
    const QString session =
        body ? stringField(*body, QLatin1StringView("qr_session"), &ok) : QString();
    const QString secret = body ? stringField(*body, QLatin1StringView("secret"), &ok) : QString();
    if (!ok || session.isEmpty() || secret.isEmpty())
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("Expected qr_session and secret."))
            .toResponse();
    QrLoginService::Redeemed redeemed;
    // Unknown session, wrong secret, not approved, redeemed before: one answer, nothing to learn.
    if (m_services.qr.redeem(session, secret, &redeemed) != QrLoginService::Outcome::Ok)
        return JsonReply::error(error::InvalidToken, QStringLiteral("Nothing to redeem."))
            .toResponse();
    // Membership is checked again: the account may have been deactivated since the approval.
    if (m_services.accounts.activeWorkspaces(redeemed.userId).isEmpty())
        return JsonReply::error(error::UnauthorizedUser,
                                QStringLiteral("The account has no active workspace membership."))
            .toResponse();
    // The approving phone's count of wrong check codes starts again.
    if (const auto account = m_services.accounts.findById(redeemed.userId))
        m_services.throttle.clear(Throttle::sessionKeys(account->email, redeemed.phoneSessionId));
    // The approving phone passed 2-step where the account has it on, so this session counts as
    // having passed it too (QrLoginService::approvalAllowed).
    const auto grant =
        m_services.tokens.createSession(redeemed.userId, redeemed.device, redeemed.twoStepPassed,
                                        request.remoteAddress().toString());
    if (!grant)
        return JsonReply::error(error::ServerError, QStringLiteral("Could not create a session."))
            .toResponse();
    return signInGrantReply(*grant).toResponse();
}

} // namespace moim::server
