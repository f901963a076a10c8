#pragma once

#include "json_reply.h"

#include <QHttpServerRequest>
#include <QObject>
#include <optional>

class QHttpServer;

namespace moim::server {

class AccountStore;
class AdminToken;
class Clock;
class EventHub;
class TokenService;

// The mock server's admin API (protocol.md "Admin API"): answers loopback peers only, with a
// loopback Host header (against DNS rebinding from a browser) and the admin bearer token. It
// never sends CORS headers, so no web page can read its answers.
class AdminApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        AccountStore &accounts;
        TokenService &tokens;
        EventHub &events;
        Clock &clock;
        const AdminToken &token;
    };

    AdminApi(QHttpServer &http, Services services, QObject *parent = nullptr);

    // The Host header must name this port; known only once the server listens.
    void setListeningPort(quint16 port) { m_port = port; }

private:
    std::optional<JsonReply> refuse(const QHttpServerRequest &request) const;
    bool hostIsLoopback(const QByteArray &host) const;

    JsonReply deactivate(const QJsonObject &body, bool deactivated);
    JsonReply removeMembership(const QJsonObject &body);
    JsonReply workspacePolicy(const QJsonObject &body);
    JsonReply clock() const;
    JsonReply setClock(const QJsonObject &body);

    Services m_services;
    quint16 m_port = 0;
};

} // namespace moim::server
