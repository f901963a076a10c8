#pragma once

#include "json_reply.h"

#include <QHttpServerRequest>
#include <QObject>

class QHttpServer;

namespace moim::server {

class AccountStore;
class ApiServer;
class EventHub;
class NotificationSettingsStore;
class TokenService;

// Notification settings over REST (docs/protocol.md, "Notification settings"): every
// workspace's at once, one workspace's, and replacing one workspace's after strict validation.
// A change is pushed to the user's other clients as notification_settings.changed.
class NotificationSettingsApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        NotificationSettingsStore &settings;
        AccountStore &accounts;
        TokenService &tokens;
        EventHub &events;
        const ApiServer &api;
    };

    NotificationSettingsApi(QHttpServer &http, Services services, QObject *parent = nullptr);

private:
    JsonReply all(const QHttpServerRequest &request) const;
    JsonReply one(const QString &workspaceId, const QHttpServerRequest &request) const;
    JsonReply replace(const QString &workspaceId, const QHttpServerRequest &request);
    // The signed-in member of the workspace, or the refusal to answer with.
    std::optional<QString> member(const QString &workspaceId, const QHttpServerRequest &request,
                                  JsonReply *refusal) const;

    Services m_services;
};

} // namespace moim::server
