#include "admin_api.h"

#include "account_store.h"
#include "admin_token.h"
#include "api_server.h"
#include "clock.h"
#include "email_address.h"
#include "event_hub.h"
#include "server_logging.h"
#include "token_service.h"

#include <QHttpServer>
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
        QString(path::AdminWorkspacePolicy), Method::Post,
        guarded(withBody([this](const QJsonObject &body) { return workspacePolicy(body); })));
    http.route(QString(path::AdminClock), Method::Get,
               guarded([this](const QHttpServerRequest &) { return clock(); }));
    http.route(QString(path::AdminClock), Method::Post,
               guarded(withBody([this](const QJsonObject &body) { return setClock(body); })));
}

bool AdminApi::hostIsLoopback(const QByteArray &host) const
{
    const qsizetype colon = host.lastIndexOf(':');
    if (colon <= 0 || host.endsWith(']'))
        return false; // the port is required: Host names exactly this server
    bool portOk = false;
    const uint port = host.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port != m_port)
        return false;
    const QByteArray name = host.left(colon).toLower();
    return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

std::optional<JsonReply> AdminApi::refuse(const QHttpServerRequest &request) const
{
    const QString forbidden = QStringLiteral("Admin calls need a loopback peer, a loopback Host "
                                             "header and the admin token.");
    if (!request.remoteAddress().isLoopback()) {
        qCWarning(lcAdmin) << "Admin call refused from" << request.remoteAddress();
        return JsonReply::error(error::Forbidden, forbidden);
    }
    if (!hostIsLoopback(ApiServer::header(request, "Host"))) {
        qCWarning(lcAdmin) << "Admin call refused: Host" << ApiServer::header(request, "Host");
        return JsonReply::error(error::Forbidden, forbidden);
    }
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
