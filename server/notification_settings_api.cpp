#include "notification_settings_api.h"

#include "account_store.h"
#include "api_server.h"
#include "event_hub.h"
#include "notification_settings_store.h"
#include "server_logging.h"
#include "token_service.h"

#include <QHttpServer>
#include <QJsonArray>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace event = moim::protocol::event;
using Method = QHttpServerRequest::Method;

NotificationSettingsApi::NotificationSettingsApi(QHttpServer &http, Services services,
                                                 QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    http.route(QString(path::NotificationSettings), Method::Get,
               [this](const QHttpServerRequest &request) { return all(request).toResponse(); });
    const QString onePath = path::Workspaces + u"<arg>"_s + path::NotificationSettingsSuffix;
    http.route(onePath, Method::Get, [this](const QString &id, const QHttpServerRequest &request) {
        return one(id, request).toResponse();
    });
    http.route(onePath, Method::Put, [this](const QString &id, const QHttpServerRequest &request) {
        return replace(id, request).toResponse();
    });
}

std::optional<QString> NotificationSettingsApi::member(const QString &workspaceId,
                                                       const QHttpServerRequest &request,
                                                       JsonReply *refusal) const
{
    if (auto outdated = m_services.api.refuseClient(request)) {
        *refusal = *outdated;
        return std::nullopt;
    }
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session) {
        *refusal = JsonReply::error(error::InvalidToken, u"Sign in again."_s);
        return std::nullopt;
    }
    if (!m_services.accounts.workspaceExists(workspaceId)) {
        *refusal = JsonReply::error(error::NotFound, u"No such workspace."_s);
        return std::nullopt;
    }
    if (!m_services.accounts.isActiveMember(session->userId, workspaceId)) {
        *refusal = JsonReply::error(error::Forbidden, u"Not a member of this workspace."_s);
        return std::nullopt;
    }
    if (m_services.accounts.isLockedFor(session->userId, session->sessionId, workspaceId)) {
        *refusal = ApiServer::workspaceLocked();
        return std::nullopt;
    }
    return session->userId;
}

JsonReply NotificationSettingsApi::all(const QHttpServerRequest &request) const
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session)
        return JsonReply::error(error::InvalidToken, u"Sign in again."_s);
    QJsonArray workspaces;
    const QJsonArray active =
        m_services.accounts.activeWorkspaces(session->userId, session->sessionId);
    for (const QJsonValue &workspace : active) {
        // A workspace closed to this session is left out, like everything else of it.
        if (workspace.toObject().contains("locked"_L1))
            continue;
        const QString id = workspace.toObject().value("id"_L1).toString();
        workspaces.append(
            QJsonObject{{u"workspace_id"_s, id},
                        {u"settings"_s, m_services.settings.get(session->userId, id).toJson()}});
    }
    return JsonReply::ok({{u"workspaces"_s, workspaces}});
}

JsonReply NotificationSettingsApi::one(const QString &workspaceId,
                                       const QHttpServerRequest &request) const
{
    JsonReply refusal = JsonReply::noContent();
    const auto userId = member(workspaceId, request, &refusal);
    if (!userId)
        return refusal;
    return JsonReply::ok({{u"workspace_id"_s, workspaceId},
                          {u"settings"_s, m_services.settings.get(*userId, workspaceId).toJson()}});
}

JsonReply NotificationSettingsApi::replace(const QString &workspaceId,
                                           const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto userId = member(workspaceId, request, &refusal);
    if (!userId)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    if (!body)
        return JsonReply::error(error::BadRequest, u"Expected a JSON object of settings."_s);
    NotificationSettings::Problem problem;
    const auto settings = NotificationSettings::fromJson(*body, &problem);
    if (!settings) {
        return JsonReply::error(error::InvalidSettings,
                                problem.field + u' ' + problem.message + u'.')
            .withErrorField(u"field"_s, problem.field);
    }
    if (!m_services.settings.put(*userId, workspaceId, *settings))
        return JsonReply::error(error::ServerError, u"Could not store the settings."_s);
    // Every client of the user follows, this one included (it already has them; the event
    // carries the same values).
    const QJsonObject stored = m_services.settings.get(*userId, workspaceId).toJson();
    m_services.events.pushWorkspaceEvent(workspaceId, {*userId},
                                         {{u"type"_s, QString(event::NotificationSettingsChanged)},
                                          {u"workspace_id"_s, workspaceId},
                                          {u"settings"_s, stored}});
    return JsonReply::ok({{u"workspace_id"_s, workspaceId}, {u"settings"_s, stored}});
}

} // namespace moim::server
