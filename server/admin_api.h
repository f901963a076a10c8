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
class InviteStore;
class LocalRequestGate;
class Mailbox;
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
        const LocalRequestGate &gate;
        InviteStore &invites;
        Mailbox &mailbox;
    };

    AdminApi(QHttpServer &http, Services services, QObject *parent = nullptr);

    // The admin gate (loopback peer, loopback Host, admin token); nullopt when admitted.
    std::optional<JsonReply> refuse(const QHttpServerRequest &request) const;

    // Serves the dev mailbox (GET /dev/mail as HTML, /dev/mail.json) behind the admin gate: its
    // mails carry invitation and password-reset links, each a way into an account.
    void serveDevMailbox(QHttpServer &http);

private:
    JsonReply deactivate(const QJsonObject &body, bool deactivated);
    JsonReply removeMembership(const QJsonObject &body);
    JsonReply workspacePolicy(const QJsonObject &body);
    JsonReply clock() const;
    JsonReply setClock(const QJsonObject &body);
    JsonReply createWorkspace(const QJsonObject &body);
    JsonReply invite(const QJsonObject &body);
    JsonReply resendInvite(const QJsonObject &body);
    JsonReply revokeInvite(const QJsonObject &body);
    JsonReply pendingInvites() const;
    // Mails the invitation with its one-time link.
    void mailInvite(const QString &workspaceId, const QString &email, const QString &inviter,
                    const QString &token, qint64 expiresAt);

    Services m_services;
};

} // namespace moim::server
