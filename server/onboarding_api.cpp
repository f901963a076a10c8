#include "onboarding_api.h"

#include "account_store.h"
#include "api_server.h"
#include "clock.h"
#include "device_proofs.h"
#include "email_address.h"
#include "hash_queue.h"
#include "http_listener.h"
#include "invite_store.h"
#include "mailbox.h"
#include "onboarding_mails.h"
#include "password_hasher.h"
#include "reset_store.h"
#include "secure_token.h"
#include "server_logging.h"
#include "throttle.h"
#include "token_service.h"
#include "two_step_check.h"

#include <QHttpServer>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <protocol/device_label.h>
#include <protocol/password_policy.h>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
using moim::protocol::PasswordPolicy;
using Method = QHttpServerRequest::Method;

namespace {

constexpr qsizetype MaxPasswordBytes = 1024;
constexpr qsizetype MaxTokenLength = 128;
constexpr qsizetype MaxNameLength = 100;

JsonReply inviteError(InviteStore::Status status)
{
    switch (status) {
    case InviteStore::Status::Expired:
        return JsonReply::error(error::InviteExpired, u"The invitation has expired."_s);
    case InviteStore::Status::Used:
        return JsonReply::error(error::InviteUsed, u"The invitation was already used."_s);
    case InviteStore::Status::Revoked:
        return JsonReply::error(error::InviteRevoked, u"The invitation was withdrawn."_s);
    case InviteStore::Status::Replaced:
        return JsonReply::error(error::InviteReplaced, u"A newer invitation replaced this link."_s);
    case InviteStore::Status::Unknown:
    case InviteStore::Status::Valid:
        break;
    }
    return JsonReply::error(error::InviteInvalid, u"No such invitation."_s);
}

JsonReply resetError(ResetStore::Status status)
{
    switch (status) {
    case ResetStore::Status::Expired:
        return JsonReply::error(error::ResetExpired, u"The reset link has expired."_s);
    case ResetStore::Status::Used:
        return JsonReply::error(error::ResetUsed, u"The reset link was already used."_s);
    case ResetStore::Status::Unknown:
    case ResetStore::Status::Valid:
        break;
    }
    return JsonReply::error(error::ResetInvalid, u"No such reset link."_s);
}

// A token field: a non-empty string of sane length, or nothing.
std::optional<QString> tokenField(const QJsonObject &body)
{
    const QJsonValue value = body.value("token"_L1);
    if (!value.isString() || value.toString().isEmpty() || value.toString().size() > MaxTokenLength)
        return std::nullopt;
    return value.toString();
}

const QString LandingPage = uR"(<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>모임 초대 · Moim invitation</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:sans-serif;max-width:520px;margin:4em auto;color:#1d232f;text-align:center}
a.button{display:inline-block;background:#345ce8;color:#fff;padding:.8em 1.4em;border-radius:8px;
text-decoration:none;font-weight:700}p{color:#667085}</style></head>
<body><h1>모임 · Moim</h1>
<p>워크스페이스 초대를 모임 앱에서 엽니다.<br>This opens your workspace invitation in Moim.</p>
<p><a class="button" id="open" href="#">모임 열기 · Open Moim</a></p>
<p id="missing" hidden>링크가 올바르지 않습니다. 초대 메일의 링크를 다시 눌러 주세요.<br>
This link is incomplete. Open the link from your invitation mail again.</p>
<script>
// The token is in the fragment, which the browser never sends to the server.
var token = location.hash.slice(1);
if (/^[A-Za-z0-9_-]{43}$/.test(token)) {
  document.getElementById('open').href = 'moim://invite/' + token;
} else {
  document.getElementById('open').hidden = true;
  document.getElementById('missing').hidden = false;
}
</script></body></html>
)"_s;

QHttpServerResponse htmlResponse(const QString &html)
{
    QHttpServerResponse response("text/html; charset=utf-8", html.toUtf8());
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy",
                       "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    return response;
}

} // namespace

OnboardingApi::OnboardingApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    http.route(
        QString(path::InvitePreview), Method::Post,
        [this](const QHttpServerRequest &request) { return previewInvite(request).toResponse(); });
    http.route(QString(path::InviteAccept), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   acceptInvite(request, std::move(responder));
               });
    http.route(
        QString(path::PasswordResetRequest), Method::Post,
        [this](const QHttpServerRequest &request) { return requestReset(request).toResponse(); });
    http.route(
        QString(path::PasswordResetPreview), Method::Post,
        [this](const QHttpServerRequest &request) { return previewReset(request).toResponse(); });
    http.route(QString(path::PasswordResetComplete), Method::Post,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   completeReset(request, std::move(responder));
               });
    http.route(QString(path::JoinPage), Method::Get,
               [](const QHttpServerRequest &) { return htmlResponse(LandingPage); });
}

bool OnboardingApi::offMainThread(const QString &ip, QHttpServerResponder &&responder,
                                  std::function<QVariant()> work,
                                  std::function<JsonReply(const QVariant &)> finish)
{
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> connection = m_services.listener.currentConnection();
    const bool queued = m_services.hashQueue.submit(ip, [this, work, finish, pending, connection] {
        const QVariant result = work();
        QMetaObject::invokeMethod(
            this,
            [finish, result, pending, connection] {
                // Recorded even when the client has gone; answered only if it is still there.
                const JsonReply reply = finish(result);
                if (connection && connection->state() == QAbstractSocket::ConnectedState)
                    reply.toResponse().write(std::move(*pending));
            },
            Qt::QueuedConnection);
    });
    if (!queued)
        JsonReply::serverBusy(m_services.hashQueue.retryAfterSeconds())
            .toResponse()
            .write(std::move(*pending));
    return queued;
}

JsonReply OnboardingApi::previewInvite(const QHttpServerRequest &request) const
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto body = ApiServer::jsonBody(request);
    const auto token = body ? tokenField(*body) : std::nullopt;
    if (!token)
        return JsonReply::error(error::BadRequest, u"Expected token."_s);
    InviteStore::Invite invite;
    const auto status = m_services.invites.lookup(*token, &invite);
    if (status != InviteStore::Status::Valid)
        return inviteError(status);
    const auto account = m_services.accounts.findByEmail(invite.email);
    return JsonReply::ok(
        {{u"invite"_s,
          QJsonObject{{u"workspace"_s, m_services.accounts.workspaceSummary(invite.workspaceId)},
                      {u"inviter"_s, invite.inviterName},
                      {u"email"_s, invite.email},
                      {u"expires_at"_s, invite.expiresAt},
                      {u"account_exists"_s, account.has_value()}}}});
}

void OnboardingApi::acceptInvite(const QHttpServerRequest &request,
                                 QHttpServerResponder &&responder)
{
    const auto answer = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    if (auto refusal = m_services.api.refuseClient(request))
        return answer(*refusal);
    const auto body = ApiServer::jsonBody(request);
    const auto token = body ? tokenField(*body) : std::nullopt;
    const QJsonValue passwordValue = body ? body->value("password"_L1) : QJsonValue();
    const QString password = passwordValue.toString();
    const QString rawDisplayName = body ? body->value("display_name"_L1).toString() : QString();
    // A name is shown to colleagues and in mails: kept as data only (docs/protocol.md "Labels").
    const QString displayName = protocol::cleanLabel(rawDisplayName, MaxNameLength + 1);
    if (!token || !passwordValue.isString() || password.isEmpty() ||
        password.toUtf8().size() > MaxPasswordBytes || displayName.size() > MaxNameLength)
        return answer(JsonReply::error(error::BadRequest,
                                       u"Expected token, password and, for a new account, "
                                       "display_name."_s));
    const QString ip = request.remoteAddress().toString();
    TokenService::Device device{u"Unnamed computer"_s, QString(), u"desktop"_s};
    const QJsonObject deviceJson = body->value("device"_L1).toObject();
    if (deviceJson.contains("name"_L1))
        device.name = protocol::cleanLabel(deviceJson.value("name"_L1).toString());
    if (deviceJson.contains("os"_L1))
        device.os = protocol::cleanLabel(deviceJson.value("os"_L1).toString());
    if (device.name.isEmpty())
        device.name = u"Unnamed computer"_s;

    InviteStore::Invite invite;
    const auto status = m_services.invites.lookup(*token, &invite);
    if (status != InviteStore::Status::Valid)
        return answer(inviteError(status));
    const auto workspace = m_services.accounts.workspaceSummary(invite.workspaceId);
    const auto existing = m_services.accounts.findByEmail(invite.email);

    if (existing) {
        // An existing account proves itself with its password, throttled like a sign-in: the
        // attempt is counted before the hash is queued.
        bool proofOk = true;
        const QString deviceProofId =
            m_services.api.presentedDeviceProof(*body, invite.email, &proofOk);
        if (!proofOk)
            return answer(JsonReply::error(error::BadRequest, u"device_proof must be a string."_s));
        const auto keys = Throttle::signInKeys(invite.email, deviceProofId,
                                               Throttle::sourceOf(request.remoteAddress()));
        if (const auto wait = m_services.throttle.reserve(keys))
            return answer(JsonReply::tooManyAttempts(*wait));
        const QString hash = existing->passwordHash;
        const PasswordHasher *hasher = &m_services.hasher;
        const QByteArray passwordBytes = password.toUtf8();
        // Joining with an existing account is a sign-in: 2-step verification applies. The code
        // comes in the same request (there is no session to hang a challenge on yet).
        const QString totp = body->value("code"_L1).toString().trimmed();
        const QString recovery = body->value("recovery_code"_L1).toString().trimmed();
        const bool queued = offMainThread(
            HttpListener::ipOf(request.remoteAddress()), std::move(responder),
            [hasher, hash, passwordBytes] { return QVariant(hasher->verify(hash, passwordBytes)); },
            [this, invite, existing, device, ip, totp, recovery, keys,
             deviceProofId](const QVariant &matches) {
                // Counted as a failure at admission; a wrong password leaves it so.
                if (!matches.toBool())
                    return JsonReply::error(error::InvalidCredentials,
                                            u"Unknown email or wrong password."_s);
                // The right password is no failure; the code, if any, is counted on its own.
                m_services.throttle.release(keys);
                if (existing->deactivated)
                    return JsonReply::error(error::UnauthorizedUser,
                                            u"The account is deactivated."_s);
                const bool needsCode = m_services.twoStep.needsCode(existing->id);
                if (needsCode) {
                    if (totp.isEmpty() && recovery.isEmpty())
                        return JsonReply::error(error::SecondFactorRequired,
                                                u"Enter a code from the authenticator."_s);
                    const auto verdict = m_services.twoStep.verifyForAccount(
                        existing->id, keys, totp.isEmpty() ? recovery : totp,
                        totp.isEmpty() ? TwoStepCheck::CodeKind::Recovery
                                       : TwoStepCheck::CodeKind::Totp);
                    if (verdict.outcome != TwoStepCheck::Outcome::Accepted)
                        return ApiServer::codeRefusal(verdict);
                }
                if (!m_services.invites.markUsed(invite.id))
                    return inviteError(InviteStore::Status::Used);
                m_services.throttle.clear(keys);
                m_services.accounts.addMembership(existing->id, invite.workspaceId, u"member"_s);
                const auto grant =
                    m_services.tokens.createSession(existing->id, device, needsCode, ip);
                if (!grant)
                    return JsonReply::error(error::ServerError, u"Could not create a session."_s);
                JsonReply reply = m_services.api.signInGrantReply(*grant, deviceProofId);
                QJsonObject answerBody = reply.body();
                answerBody.insert(u"landing_workspace_id"_s, invite.workspaceId);
                return JsonReply::ok(answerBody);
            });
        // Not checked, so not an attempt: the reservation is given back.
        if (!queued)
            m_services.throttle.release(keys);
        return;
    }

    // A new account: the password must meet the policy, with the user's own words in the
    // dictionary.
    const auto verdict = PasswordPolicy::evaluate(
        password,
        PasswordPolicy::userWords(invite.email, displayName,
                                  {workspace.value("name"_L1).toString(),
                                   workspace.value("name_en"_L1).toString(), invite.inviterName}));
    if (!verdict.acceptable())
        return answer(JsonReply::weakPassword(PasswordPolicy::reasonName(verdict.problem)));
    const QString name = displayName.isEmpty() ? invite.email.section(u'@', 0, 0) : displayName;
    const PasswordHasher *hasher = &m_services.hasher;
    const QByteArray passwordBytes = password.toUtf8();
    offMainThread(
        HttpListener::ipOf(request.remoteAddress()), std::move(responder),
        [hasher, passwordBytes] { return QVariant(hasher->hash(passwordBytes)); },
        [this, invite, name, device, ip](const QVariant &hash) {
            // Two accepts racing: only the one that marks the invite used goes on.
            if (m_services.accounts.findByEmail(invite.email) ||
                !m_services.invites.markUsed(invite.id))
                return inviteError(InviteStore::Status::Used);
            const auto account =
                m_services.accounts.createAccount(invite.email, name, hash.toString());
            if (!account)
                return JsonReply::error(error::ServerError, u"Could not create the account."_s);
            m_services.accounts.addMembership(account->id, invite.workspaceId, u"member"_s);
            // The device that created the account is its first: known before the session
            // exists, so its owner gets no "new sign-in" mail for signing up.
            m_services.resets.rememberDevice(account->id, device.name + u'|' + device.os);
            const auto grant = m_services.tokens.createSession(account->id, device, false, ip);
            if (!grant)
                return JsonReply::error(error::ServerError, u"Could not create a session."_s);
            qCInfo(lcAuth) << "New account" << account->id << "joined" << invite.workspaceId;
            QJsonObject answerBody = m_services.api.signInGrantReply(*grant).body();
            answerBody.insert(u"landing_workspace_id"_s, invite.workspaceId);
            return JsonReply::ok(answerBody);
        });
}

JsonReply OnboardingApi::requestReset(const QHttpServerRequest &request)
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto body = ApiServer::jsonBody(request);
    const QJsonValue email = body ? body->value("email"_L1) : QJsonValue();
    if (!email.isString() || email.toString().trimmed().isEmpty() || email.toString().size() > 320)
        return JsonReply::error(error::BadRequest, u"Expected email."_s);
    const QString key = EmailAddress::normalise(email.toString());
    // The same work and the same answer whether or not the address has an account: a token is
    // made either way, the rate limit is counted either way, only the mail differs.
    const bool admitted = m_services.resets.admitRequest(key);
    const auto account = m_services.accounts.findByEmail(key);
    if (admitted && account && !account->deactivated) {
        const QString token = m_services.resets.create(account->id);
        const qint64 expiresAt = m_services.clock.now() + ResetStore::ValiditySeconds;
        const auto mail = OnboardingMail::passwordReset(token, expiresAt);
        m_services.mailbox.send(key, u"password_reset"_s, mail.subject, mail.body, mail.links,
                                {token, expiresAt});
    } else {
        (void)SecureToken::sha256(SecureToken::generate());
    }
    return JsonReply::ok({{u"ok"_s, true}});
}

JsonReply OnboardingApi::previewReset(const QHttpServerRequest &request) const
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto body = ApiServer::jsonBody(request);
    const auto token = body ? tokenField(*body) : std::nullopt;
    if (!token)
        return JsonReply::error(error::BadRequest, u"Expected token."_s);
    QString userId;
    qint64 expiresAt = 0;
    const auto status = m_services.resets.lookup(*token, &userId, &expiresAt);
    if (status != ResetStore::Status::Valid)
        return resetError(status);
    const auto account = m_services.accounts.findById(userId);
    return JsonReply::ok(
        {{u"reset"_s, QJsonObject{{u"email"_s, account ? account->email : QString()},
                                  {u"expires_at"_s, expiresAt}}}});
}

void OnboardingApi::completeReset(const QHttpServerRequest &request,
                                  QHttpServerResponder &&responder)
{
    const auto answer = [&responder](const JsonReply &reply) {
        reply.toResponse().write(std::move(responder));
    };
    if (auto refusal = m_services.api.refuseClient(request))
        return answer(*refusal);
    const auto body = ApiServer::jsonBody(request);
    const auto token = body ? tokenField(*body) : std::nullopt;
    const QJsonValue passwordValue = body ? body->value("password"_L1) : QJsonValue();
    if (!token || !passwordValue.isString() ||
        passwordValue.toString().toUtf8().size() > MaxPasswordBytes)
        return answer(JsonReply::error(error::BadRequest, u"Expected token and password."_s));
    QString userId;
    qint64 expiresAt = 0;
    const auto status = m_services.resets.lookup(*token, &userId, &expiresAt);
    if (status != ResetStore::Status::Valid)
        return answer(resetError(status));
    const auto account = m_services.accounts.findById(userId);
    if (!account)
        return answer(resetError(ResetStore::Status::Unknown));
    const QString password = passwordValue.toString();
    const auto verdict = PasswordPolicy::evaluate(
        password, PasswordPolicy::userWords(account->email, account->displayName,
                                            m_services.accounts.workspaceNames(userId)));
    if (!verdict.acceptable())
        return answer(JsonReply::weakPassword(PasswordPolicy::reasonName(verdict.problem)));
    const PasswordHasher *hasher = &m_services.hasher;
    const QByteArray passwordBytes = password.toUtf8();
    const QString tokenValue = *token;
    offMainThread(
        HttpListener::ipOf(request.remoteAddress()), std::move(responder),
        [hasher, passwordBytes] { return QVariant(hasher->hash(passwordBytes)); },
        [this, tokenValue, userId, email = account->email,
         source = Throttle::sourceOf(request.remoteAddress())](const QVariant &hash) {
            if (!m_services.resets.markUsed(tokenValue))
                return resetError(ResetStore::Status::Used);
            m_services.accounts.setPasswordHash(userId, hash.toString());
            m_services.resets.invalidateAll(userId);
            // Every session ends at once; connected clients are told why.
            m_services.tokens.revokeAllForUser(userId, moim::protocol::revokeReason::PasswordReset);
            // The owner proved the mailbox: anonymous callers of the account, and this address,
            // start again. Device proofs go with the old password: whoever knew it may hold one.
            m_services.throttle.clear(Throttle::signInKeys(email, QString(), source));
            m_services.deviceProofs.revokeAll(email);
            const auto mail = OnboardingMail::passwordChanged();
            m_services.mailbox.send(email, u"password_changed"_s, mail.subject, mail.body,
                                    mail.links);
            qCInfo(lcAuth) << "Password reset for" << userId;
            return JsonReply::noContent();
        });
}

} // namespace moim::server
