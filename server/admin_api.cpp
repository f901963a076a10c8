#include "admin_api.h"

#include "account_store.h"
#include "admin_token.h"
#include "api_server.h"
#include "clock.h"
#include "email_address.h"
#include "event_hub.h"
#include "invite_store.h"
#include "local_request_gate.h"
#include "mailbox.h"
#include "onboarding_mails.h"
#include "server_logging.h"
#include "token_service.h"

#include <QHttpServer>
#include <QJsonArray>
#include <protocol/protocol.h>

namespace moim::server {

namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace reason = moim::protocol::revokeReason;
using Method = QHttpServerRequest::Method;

namespace {

JsonReply okReply()
{
    return JsonReply::ok({{QStringLiteral("ok"), true}});
}

QHttpServerResponse mailboxPage(const QString &html)
{
    QHttpServerResponse response("text/html; charset=utf-8", html.toUtf8());
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    // The page is ours apart from escaped mail text, and it runs nothing.
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    return response;
}

} // namespace

AdminApi::AdminApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    // Every admin route runs the same gate first, then its body parser, then the action.
    auto guarded = [this](auto action) {
        return [this, action](const QHttpServerRequest &request) {
            if (auto refusal = refuse(request))
                return refusal->toResponse();
            return action(request).toResponse();
        };
    };
    auto withBody = [](auto action) {
        return [action](const QHttpServerRequest &request) {
            const auto body = ApiServer::jsonBody(request);
            if (!body)
                return JsonReply::error(error::BadRequest, QStringLiteral("Malformed JSON."));
            return action(*body);
        };
    };
    http.route(
        QString(path::AdminDeactivate), Method::Post,
        guarded(withBody([this](const QJsonObject &body) { return deactivate(body, true); })));
    http.route(
        QString(path::AdminReactivate), Method::Post,
        guarded(withBody([this](const QJsonObject &body) { return deactivate(body, false); })));
    http.route(
        QString(path::AdminRemoveMembership), Method::Post,
        guarded(withBody([this](const QJsonObject &body) { return removeMembership(body); })));
    http.route(
        QString(path::AdminWorkspaces), Method::Post,
        guarded(withBody([this](const QJsonObject &body) { return createWorkspace(body); })));
    http.route(QString(path::AdminInvites), Method::Post,
               guarded(withBody([this](const QJsonObject &body) { return invite(body); })));
    http.route(QString(path::AdminInvites), Method::Get,
               guarded([this](const QHttpServerRequest &) { return pendingInvites(); }));
    http.route(QString(path::AdminInviteResend), Method::Post,
               guarded(withBody([this](const QJsonObject &body) { return resendInvite(body); })));
    http.route(QString(path::AdminInviteRevoke), Method::Post,
               guarded(withBody([this](const QJsonObject &body) { return revokeInvite(body); })));
    http.route(
        QString(path::AdminWorkspacePolicy), Method::Post,
        guarded(withBody([this](const QJsonObject &body) { return workspacePolicy(body); })));
    http.route(QString(path::AdminClock), Method::Get,
               guarded([this](const QHttpServerRequest &) { return clock(); }));
    http.route(QString(path::AdminClock), Method::Post,
               guarded(withBody([this](const QJsonObject &body) { return setClock(body); })));
}

void AdminApi::serveDevMailbox(QHttpServer &http)
{
    http.route(QString(path::DevMail), Method::Get, [this](const QHttpServerRequest &request) {
        if (auto refusal = refuse(request))
            return refusal->toResponse();
        m_services.mailbox.forgetExpiredLinks();
        return mailboxPage(m_services.mailbox.toHtml());
    });
    http.route(QString(path::DevMailJson), Method::Get, [this](const QHttpServerRequest &request) {
        if (auto refusal = refuse(request))
            return refusal->toResponse();
        m_services.mailbox.forgetExpiredLinks();
        return JsonReply::ok({{QStringLiteral("mails"), m_services.mailbox.toJson()}}).toResponse();
    });
}

std::optional<JsonReply> AdminApi::refuse(const QHttpServerRequest &request) const
{
    const QString forbidden = QStringLiteral("Admin calls need a loopback peer, a loopback Host "
                                             "header and the admin token.");
    if (!m_services.gate.admits(request))
        return JsonReply::error(error::Forbidden, forbidden);
    if (!m_services.token.matches(ApiServer::bearerToken(request))) {
        qCWarning(lcAdmin) << "Admin call refused: wrong admin token";
        return JsonReply::error(error::Forbidden, forbidden);
    }
    return std::nullopt;
}

JsonReply AdminApi::deactivate(const QJsonObject &body, bool deactivated)
{
    const QJsonValue email = body.value(QLatin1StringView("email"));
    if (!email.isString() || email.toString().trimmed().isEmpty())
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected email."));
    QString userId;
    const auto result = m_services.accounts.setDeactivated(
        EmailAddress::normalise(email.toString()), deactivated, &userId);
    if (result != AccountStore::Result::Ok)
        return JsonReply::error(error::NotFound, QStringLiteral("No such account."));
    if (deactivated)
        m_services.tokens.revokeAllForUser(userId, reason::Deactivated);
    return okReply();
}

JsonReply AdminApi::removeMembership(const QJsonObject &body)
{
    const QJsonValue email = body.value(QLatin1StringView("email"));
    const QJsonValue workspace = body.value(QLatin1StringView("workspace_id"));
    if (!email.isString() || !workspace.isString())
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("Expected email and workspace_id."));
    QString userId;
    switch (m_services.accounts.removeMembership(EmailAddress::normalise(email.toString()),
                                                 workspace.toString(), &userId)) {
    case AccountStore::Result::NoSuchAccount:
        return JsonReply::error(error::NotFound, QStringLiteral("No such account."));
    case AccountStore::Result::NoSuchMembership:
        return JsonReply::error(error::NotFound, QStringLiteral("No such membership."));
    case AccountStore::Result::Ok:
        break;
    }
    qCInfo(lcAdmin) << "Removed" << userId << "from" << workspace.toString();
    m_services.events.pushWorkspacesChanged(userId);
    return okReply();
}

JsonReply AdminApi::clock() const
{
    return JsonReply::ok({{QStringLiteral("time"), m_services.clock.now()},
                          {QStringLiteral("offset"), m_services.clock.offset()}});
}

JsonReply AdminApi::setClock(const QJsonObject &body)
{
    const QJsonValue offset = body.value(QLatin1StringView("offset"));
    const QJsonValue advance = body.value(QLatin1StringView("advance"));
    if (offset.isDouble() == advance.isDouble()) // exactly one of them
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected offset or advance."));
    if (offset.isDouble())
        m_services.clock.setOffset(qint64(offset.toDouble()));
    else
        m_services.clock.advance(qint64(advance.toDouble()));
    qCInfo(lcAdmin) << "Clock offset now" << m_services.clock.offset() << "s";
    return clock();
}

namespace {
QJsonObject inviteJson(const InviteStore::Invite &invite)
{
    return {{QStringLiteral("id"), invite.id},
            {QStringLiteral("email"), invite.email},
            {QStringLiteral("workspace_id"), invite.workspaceId},
            {QStringLiteral("inviter"), invite.inviterName},
            {QStringLiteral("expires_at"), invite.expiresAt}};
}
} // namespace

JsonReply AdminApi::createWorkspace(const QJsonObject &body)
{
    const QString name = body.value(QLatin1StringView("name")).toString().trimmed();
    const QString nameEn = body.value(QLatin1StringView("name_en")).toString().trimmed();
    if (name.isEmpty() || name.size() > 100 || nameEn.size() > 100)
        return JsonReply::error(error::BadRequest, QStringLiteral("Expected name (and name_en)."));
    const QString id = m_services.accounts.createWorkspace(name, nameEn.isEmpty() ? name : nameEn);
    if (id.isEmpty())
        return JsonReply::error(error::ServerError, QStringLiteral("Could not create it."));
    qCInfo(lcAdmin) << "Created workspace" << id;
    return JsonReply::ok({{QStringLiteral("workspace"), m_services.accounts.workspaceSummary(id)}});
}

void AdminApi::mailInvite(const QString &workspaceId, const QString &email, const QString &inviter,
                          const QString &token, qint64 expiresAt)
{
    const QJsonObject workspace = m_services.accounts.workspaceSummary(workspaceId);
    const auto mail = OnboardingMail::invite(m_services.mailbox.publicUrl(), token,
                                             workspace.value(QLatin1StringView("name")).toString(),
                                             inviter, expiresAt);
    m_services.mailbox.send(email, QStringLiteral("invite"), mail.subject, mail.body, mail.links,
                            {token, expiresAt});
}

JsonReply AdminApi::invite(const QJsonObject &body)
{
    const QString email = body.value(QLatin1StringView("email")).toString();
    const QString workspaceId = body.value(QLatin1StringView("workspace_id")).toString();
    QString inviter = body.value(QLatin1StringView("inviter")).toString().trimmed();
    if (!email.contains(u'@') || email.size() > 320 || workspaceId.isEmpty() ||
        inviter.size() > 100)
        return JsonReply::error(
            error::BadRequest,
            QStringLiteral("Expected email, workspace_id and optional inviter."));
    if (!m_services.accounts.workspaceExists(workspaceId))
        return JsonReply::error(error::NotFound, QStringLiteral("No such workspace."));
    if (inviter.isEmpty())
        inviter = QStringLiteral("모임 관리자 (Moim admin)");
    const auto issued =
        m_services.invites.create(EmailAddress::normalise(email), workspaceId, inviter);
    if (!issued)
        return JsonReply::error(error::ServerError, QStringLiteral("Could not invite."));
    mailInvite(workspaceId, issued->invite.email, inviter, issued->token, issued->invite.expiresAt);
    qCInfo(lcAdmin) << "Invited to" << workspaceId << "as" << issued->invite.id;
    return JsonReply::ok({{QStringLiteral("invite"), inviteJson(issued->invite)}});
}

JsonReply AdminApi::resendInvite(const QJsonObject &body)
{
    const auto issued =
        m_services.invites.resend(body.value(QLatin1StringView("invite_id")).toString());
    if (!issued)
        return JsonReply::error(error::NotFound, QStringLiteral("No such pending invitation."));
    mailInvite(issued->invite.workspaceId, issued->invite.email, issued->invite.inviterName,
               issued->token, issued->invite.expiresAt);
    return JsonReply::ok({{QStringLiteral("invite"), inviteJson(issued->invite)}});
}

JsonReply AdminApi::revokeInvite(const QJsonObject &body)
{
    if (!m_services.invites.revoke(body.value(QLatin1StringView("invite_id")).toString()))
        return JsonReply::error(error::NotFound, QStringLiteral("No such pending invitation."));
    return okReply();
}

JsonReply AdminApi::pendingInvites() const
{
    QJsonArray invites;
    for (const InviteStore::Invite &invite : m_services.invites.pending())
        invites.append(inviteJson(invite));
    return JsonReply::ok({{QStringLiteral("invites"), invites}});
}

JsonReply AdminApi::workspacePolicy(const QJsonObject &body)
{
    const QString workspace = body.value(QLatin1StringView("workspace")).toString();
    const QJsonValue require = body.value(QLatin1StringView("require_two_step"));
    if (workspace.isEmpty() || !require.isBool())
        return JsonReply::error(error::BadRequest,
                                QStringLiteral("Expected workspace and require_two_step."));
    QStringList members;
    if (!m_services.accounts.setRequireTwoStep(workspace, require.toBool(), &members))
        return JsonReply::error(error::NotFound, QStringLiteral("No such workspace."));
    qCInfo(lcHttp) << "Workspace" << workspace << "requires 2-step:" << require.toBool();
    // Members without 2-step see the workspace lock (or unlock) live.
    for (const QString &userId : std::as_const(members))
        m_services.events.pushWorkspacesChanged(userId);
    return okReply();
}

} // namespace moim::server
