#include "account_security_api.h"

#include "account_store.h"
#include "api_server.h"
#include "clock.h"
#include "device_proofs.h"
#include "email_address.h"
#include "event_hub.h"
#include "hash_queue.h"
#include "http_listener.h"
#include "mailbox.h"
#include "password_hasher.h"
#include "recovery_codes.h"
#include "reset_store.h"
#include "server_logging.h"
#include "throttle.h"
#include "two_step_check.h"
#include "two_step_enrolment.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>
#include <otp/otpauth_uri.h>
#include <otp/totp.h>
#include <protocol/password_policy.h>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace limits = moim::protocol::limits;
namespace reason = moim::protocol::revokeReason;
using Method = QHttpServerRequest::Method;
using Outcome = TwoStepCheck::Outcome;

namespace {

constexpr qsizetype MaxPasswordBytes = 1024;
constexpr qsizetype MaxCodeLength = 64;

// The code a body carries: "code" (TOTP) or "recovery_code"; empty when neither is a string.
std::pair<QString, TwoStepCheck::CodeKind> codeOf(const QJsonObject &body)
{
    if (body.value(QLatin1StringView("recovery_code")).isString())
        return {body.value(QLatin1StringView("recovery_code")).toString().left(MaxCodeLength),
                TwoStepCheck::CodeKind::Recovery};
    return {body.value(QLatin1StringView("code")).toString().left(MaxCodeLength),
            TwoStepCheck::CodeKind::Totp};
}

JsonReply recoveryCodesReply(const QStringList &codes)
{
    if (codes.isEmpty())
        return JsonReply::error(error::ServerError, QStringLiteral("Could not create codes."));
    return JsonReply::ok({{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes)}});
}

} // namespace

AccountSecurityApi::AccountSecurityApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    auto authed = [this](auto action) {
        return [this, action](const QHttpServerRequest &request) {
            JsonReply refusal = JsonReply::noContent();
            const auto caller = authenticate(request, &refusal);
            if (!caller)
                return refusal.toResponse();
            return action(*caller, request).toResponse();
        };
    };
    auto withBody = [](auto action) {
        return [action](const Caller &caller, const QHttpServerRequest &request) {
            const auto body = ApiServer::jsonBody(request);
            if (!body)
                return JsonReply::error(error::BadRequest, QStringLiteral("Malformed JSON."));
            return action(caller, *body);
        };
    };
    http.route(QString(path::AccountSecurity), Method::Get,
               authed([this](const Caller &caller, const QHttpServerRequest &) {
                   return status(caller);
               }));
    http.route(
        QString(path::TwoStepSetup), Method::Post,
        authed([this](const Caller &caller, const QHttpServerRequest &) { return setup(caller); }));
    http.route(QString(path::TwoStepEnable), Method::Post,
               authed(withBody([this](const Caller &caller, const QJsonObject &body) {
                   return enable(caller, body);
               })));
    http.route(QString(path::TwoStepDisable), Method::Post,
               authed(withBody([this](const Caller &caller, const QJsonObject &body) {
                   return disable(caller, body);
               })));
    http.route(QString(path::RecoveryCodes), Method::Post,
               authed(withBody([this](const Caller &caller, const QJsonObject &body) {
                   return regenerate(caller, body);
               })));
    http.route(QString(path::ChangePassword), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   changePassword(request, std::move(responder));
               });
    http.route(QString(path::Sessions), Method::Get,
               authed([this](const Caller &caller, const QHttpServerRequest &) {
                   return sessions(caller);
               }));
    http.route(QString(path::SessionsRevoke), Method::Post,
               authed(withBody([this](const Caller &caller, const QJsonObject &body) {
                   return revokeSession(caller, body);
               })));
    http.route(QString(path::SessionsRevokeOthers), Method::Post,
               authed([this](const Caller &caller, const QHttpServerRequest &) {
                   return revokeOthers(caller);
               }));
}

std::optional<AccountSecurityApi::Caller>
AccountSecurityApi::authenticate(const QHttpServerRequest &request, JsonReply *refusal) const
{
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    const auto account = session ? m_services.accounts.findById(session->userId) : std::nullopt;
    if (!account) {
        *refusal = JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again."));
        return std::nullopt;
    }
    return Caller{*session, EmailAddress::normalise(account->email),
                  request.remoteAddress().toString()};
}

void AccountSecurityApi::mailOwner(const Caller &caller, QLatin1StringView kind,
                                   OnboardingMail (*compose)(const QString &, const QString &,
                                                             qint64))
{
    const auto account = m_services.accounts.findById(caller.session.userId);
    if (!account)
        return;
    QString deviceName;
    const auto live = m_services.tokens.liveSessions(caller.session.userId);
    for (const auto &session : live) {
        if (session.id == caller.session.sessionId)
            deviceName = session.device.name;
    }
    const OnboardingMail mail = compose(deviceName, caller.ip, m_services.clock.now());
    m_services.mailbox.send(account->email, QString(kind), mail.subject, mail.body, mail.links);
}

JsonReply AccountSecurityApi::status(const Caller &caller) const
{
    const QString &userId = caller.session.userId;
    const QJsonArray workspaces =
        m_services.accounts.activeWorkspaces(userId, caller.session.sessionId);
    bool locked = false;
    for (const QJsonValue &workspace : workspaces)
        locked = locked || workspace.toObject().contains(QLatin1StringView("locked"));
    const bool enabled = m_services.twoStep.isEnrolled(userId);
    return JsonReply::ok({{QStringLiteral("two_step_enabled"), enabled},
                          {QStringLiteral("recovery_codes_left"),
                           enabled ? m_services.recoveryCodes.remaining(userId) : 0},
                          {QStringLiteral("two_step_required"), locked},
                          {QStringLiteral("session_two_step_passed"),
                           m_services.tokens.twoStepPassed(caller.session.sessionId)}});
}

JsonReply AccountSecurityApi::setup(const Caller &caller)
{
    if (m_services.twoStep.isEnrolled(caller.session.userId))
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("2-step verification is already enabled."));
    const auto secret = m_services.enrolment.begin(caller.session.userId);
    if (!secret)
        return JsonReply::error(error::ServerError, QStringLiteral("Could not create a secret."));
    return JsonReply::ok(
        {{QStringLiteral("secret"), moim::otp::Totp::toBase32(*secret)},
         {QStringLiteral("uri"),
          moim::otp::OtpauthUri::build(QStringLiteral("Moim"), caller.emailKey, *secret)}});
}

JsonReply AccountSecurityApi::enable(const Caller &caller, const QJsonObject &body)
{
    const QString &userId = caller.session.userId;
    if (m_services.twoStep.isEnrolled(userId))
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("2-step verification is already enabled."));
    // Counted before the code is compared; a right code clears the count.
    const auto keys = Throttle::sessionKeys(caller.emailKey, caller.session.sessionId);
    if (const auto wait = m_services.throttle.reserve(keys))
        return JsonReply::tooManyAttempts(*wait);
    TwoStepCheck::Answer answer;
    answer.outcome = m_services.enrolment.confirm(userId, codeOf(body).first);
    if (answer.outcome == Outcome::NotEnrolled) {
        m_services.throttle.release(keys);
        return JsonReply::error(error::BadRequest, QStringLiteral("Start the setup first."));
    }
    if (answer.outcome != Outcome::Accepted)
        return ApiServer::codeRefusal(answer);
    m_services.throttle.clear(keys);
    // This session has just proved the code, so it may vouch for others (QR approval) and open
    // workspaces that require 2-step.
    m_services.twoStep.markSessionPassed(caller.session.sessionId);
    // Every other session signed in with the password alone: none of them has passed 2-step, so
    // they end, and sign in again with a code.
    m_services.tokens.revokeOthers(userId, caller.session.sessionId, reason::TwoStepEnabled);
    const QStringList codes = m_services.recoveryCodes.regenerate(userId);
    // Workspaces that required 2-step unlock now, on this device.
    m_services.events.pushWorkspacesChanged(userId);
    mailOwner(caller, "two_step_enabled"_L1, &OnboardingMail::twoStepEnabled);
    return recoveryCodesReply(codes);
}

JsonReply AccountSecurityApi::disable(const Caller &caller, const QJsonObject &body)
{
    const auto [code, kind] = codeOf(body);
    const auto answer = m_services.twoStep.verifyForAccount(
        caller.session.userId, Throttle::sessionKeys(caller.emailKey, caller.session.sessionId),
        code, kind);
    if (answer.outcome != Outcome::Accepted)
        return ApiServer::codeRefusal(answer);
    m_services.enrolment.disable(caller.session.userId);
    m_services.recoveryCodes.removeAll(caller.session.userId);
    m_services.events.pushWorkspacesChanged(caller.session.userId);
    mailOwner(caller, "two_step_disabled"_L1, &OnboardingMail::twoStepDisabled);
    return JsonReply::noContent();
}

JsonReply AccountSecurityApi::regenerate(const Caller &caller, const QJsonObject &body)
{
    const auto [code, kind] = codeOf(body);
    const auto answer = m_services.twoStep.verifyForAccount(
        caller.session.userId, Throttle::sessionKeys(caller.emailKey, caller.session.sessionId),
        code, kind);
    if (answer.outcome != Outcome::Accepted)
        return ApiServer::codeRefusal(answer);
    const QStringList codes = m_services.recoveryCodes.regenerate(caller.session.userId);
    if (!codes.isEmpty())
        mailOwner(caller, "recovery_codes_regenerated"_L1,
                  &OnboardingMail::recoveryCodesRegenerated);
    return recoveryCodesReply(codes);
}

void AccountSecurityApi::changePassword(const QHttpServerRequest &request,
                                        QHttpServerResponder &&responder)
{
    const auto answerNow = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    JsonReply refusal = JsonReply::noContent();
    const auto caller = authenticate(request, &refusal);
    if (!caller)
        return answerNow(refusal);
    const auto body = ApiServer::jsonBody(request);
    const QString current =
        body ? body->value(QLatin1StringView("current_password")).toString() : QString();
    const QString next =
        body ? body->value(QLatin1StringView("new_password")).toString() : QString();
    const QByteArray currentBytes = current.toUtf8();
    const QByteArray nextBytes = next.toUtf8();
    if (!body || current.isEmpty() || next.isEmpty() || currentBytes.size() > MaxPasswordBytes ||
        nextBytes.size() > MaxPasswordBytes)
        return answerNow(JsonReply::error(
            error::BadRequest, QStringLiteral("Expected current_password and new_password.")));
    // The same rule as everywhere a password is chosen (and as the client's meter).
    if (const auto owner = m_services.accounts.findById(caller->session.userId)) {
        const auto verdict = moim::protocol::PasswordPolicy::evaluate(
            next,
            moim::protocol::PasswordPolicy::userWords(
                owner->email, owner->displayName, m_services.accounts.workspaceNames(owner->id)));
        if (!verdict.acceptable())
            return answerNow(JsonReply::weakPassword(
                moim::protocol::PasswordPolicy::reasonName(verdict.problem)));
    }
    const auto [code, kind] = codeOf(*body);
    // Ask for the code before spending argon2 on a request that cannot succeed.
    if (m_services.twoStep.isEnrolled(caller->session.userId) && code.isEmpty())
        return answerNow(JsonReply::error(error::SecondFactorRequired,
                                          QStringLiteral("Enter a code from the authenticator.")));
    const auto account = m_services.accounts.findById(caller->session.userId);
    if (!account)
        return answerNow(JsonReply::error(error::InvalidToken, QStringLiteral("Sign in again.")));
    // The session's own count, taken before the hash is queued: parallel guesses at the current
    // password cannot outrun it, and failures elsewhere never block the owner.
    const auto keys = Throttle::sessionKeys(caller->emailKey, caller->session.sessionId);
    if (const auto wait = m_services.throttle.reserve(keys))
        return answerNow(JsonReply::tooManyAttempts(*wait));

    const PasswordHasher *hasher = &m_services.hasher;
    const QString storedHash = account->passwordHash;
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> connection = m_services.listener.currentConnection();
    const Caller who = *caller;
    const QString codeText = code;
    const TwoStepCheck::CodeKind codeKind = kind;
    // argon2id twice (verify the current password, hash the new one) on the pool; the outcome
    // is recorded on the main thread, which owns the database.
    const bool queued = m_services.hashQueue.submit(
        HttpListener::ipOf(request.remoteAddress()),
        [this, hasher, storedHash, currentBytes, nextBytes, pending, connection, who, codeText,
         codeKind, keys] {
            const bool matches = hasher->verify(storedHash, currentBytes);
            const QString newHash = matches ? hasher->hash(nextBytes) : QString();
            QMetaObject::invokeMethod(
                this,
                [this, matches, newHash, pending, connection, who, codeText, codeKind, keys] {
                    const auto reply = [&] {
                        // Counted as a failure at admission; a wrong password leaves it so.
                        if (!matches)
                            return JsonReply::error(error::InvalidCredentials,
                                                    QStringLiteral("Wrong current password."));
                        // The right password is no failure; the code is counted on its own.
                        m_services.throttle.release(keys);
                        if (m_services.twoStep.isEnrolled(who.session.userId)) {
                            const auto answer = m_services.twoStep.verifyForAccount(
                                who.session.userId, keys, codeText, codeKind);
                            if (answer.outcome != Outcome::Accepted)
                                return ApiServer::codeRefusal(answer);
                        }
                        if (newHash.isEmpty() ||
                            !m_services.accounts.setPasswordHash(who.session.userId, newHash))
                            return JsonReply::error(
                                error::ServerError,
                                QStringLiteral("Could not store the password."));
                        m_services.throttle.clear(keys);
                        // Device proofs go with the old password, but for this device's own.
                        m_services.deviceProofs.revokeAll(who.emailKey, who.session.sessionId);
                        // Whoever else knew the old password is signed out everywhere, and a
                        // reset link mailed earlier cannot set another password behind the
                        // owner's back.
                        m_services.tokens.revokeOthers(who.session.userId, who.session.sessionId,
                                                       reason::PasswordChanged);
                        m_services.resets.invalidateAll(who.session.userId);
                        mailOwner(who, "password_changed"_L1,
                                  &OnboardingMail::passwordChangedInAccount);
                        qCInfo(lcAuth) << "Password changed for" << who.session.userId;
                        return JsonReply::noContent();
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

JsonReply AccountSecurityApi::sessions(const Caller &caller) const
{
    QJsonArray list;
    const auto live = m_services.tokens.liveSessions(caller.session.userId);
    for (const auto &session : live) {
        list.append(QJsonObject{
            {QStringLiteral("id"), session.id},
            {QStringLiteral("device"), QJsonObject{{QStringLiteral("name"), session.device.name},
                                                   {QStringLiteral("os"), session.device.os},
                                                   {QStringLiteral("kind"), session.device.kind}}},
            {QStringLiteral("created_at"), session.createdAt},
            {QStringLiteral("last_active"), session.lastActive},
            {QStringLiteral("current"), session.id == caller.session.sessionId}});
    }
    return JsonReply::ok({{QStringLiteral("sessions"), list}});
}

JsonReply AccountSecurityApi::revokeSession(const Caller &caller, const QJsonObject &body)
{
    const QString sessionId = body.value(QLatin1StringView("session_id")).toString();
    if (sessionId.isEmpty())
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected session_id."));
    const auto live = m_services.tokens.liveSessions(caller.session.userId);
    const bool own = std::any_of(live.cbegin(), live.cend(),
                                 [&](const auto &session) { return session.id == sessionId; });
    if (!own)
        return JsonReply::error(error::NotFound, QStringLiteral("No such session."));
    m_services.tokens.revokeSession(sessionId, reason::SignedOutByUser);
    return JsonReply::noContent();
}

JsonReply AccountSecurityApi::revokeOthers(const Caller &caller)
{
    m_services.tokens.revokeOthers(caller.session.userId, caller.session.sessionId,
                                   reason::SignedOutByUser);
    return JsonReply::noContent();
}

} // namespace moim::server
