#pragma once

#include "json_reply.h"
#include "token_service.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QObject>
#include <optional>

class QHttpServer;

namespace moim::server {

class HashQueue;

class AccountStore;
class AdminApi;
class ApiServer;
class Clock;
class EventHub;
class HttpListener;
class Mailbox;
class PasswordHasher;
class PersonalAccountStore;
class PushRequestService;
class Throttle;
class DeviceProofs;
class TwoStepCheck;

// Personal accounts over HTTP (docs/protocol.md "Personal accounts", "Linking a personal
// account", "Push sign-in"): the provider's sign-in for the phone and the phone's inbox of push
// requests (approve with the desktop's number, deny, report); the work account's link (start,
// cancel, remove, each link and unlink mailed to the work address); redeeming an approved push
// sign-in with the desktop's secret, through the one 2-step check; and the admin call that
// creates personal accounts. Password checks run on the hash pool.
class PersonalAccountApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        PersonalAccountStore &personal;
        PushRequestService &push;
        AccountStore &accounts;
        TokenService &tokens;
        Throttle &throttle;
        DeviceProofs &deviceProofs;
        const PasswordHasher &hasher;
        HashQueue &hashQueue;
        const HttpListener &listener;
        const ApiServer &api;
        const AdminApi &admin;
        TwoStepCheck &twoStep;
        EventHub &events;
        Mailbox &mailbox;
        const Clock &clock;
    };

    PersonalAccountApi(QHttpServer &http, Services services, QObject *parent = nullptr);

    // The throttle key of a personal account's own sign-in (kept apart from work emails).
    static QString throttleKey(const QString &personalId);

private:
    // The personal account of the phone's bearer token, or the refusal.
    std::optional<QString> phone(const QHttpServerRequest &request, JsonReply *refusal) const;
    // The work session of the bearer token, or the refusal.
    std::optional<TokenService::SessionRef> workSession(const QHttpServerRequest &request,
                                                        JsonReply *refusal) const;

    void personalLogin(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    JsonReply pendingRequests(const QString &personalId);
    JsonReply approve(const QString &personalId, const QJsonObject &body);
    JsonReply deny(const QString &personalId, const QJsonObject &body);
    JsonReply linkStatus(const TokenService::SessionRef &session) const;
    JsonReply startLink(const TokenService::SessionRef &session, const QJsonObject &body,
                        const QString &ip);
    JsonReply cancelLink(const TokenService::SessionRef &session, const QJsonObject &body);
    JsonReply removeLink(const TokenService::SessionRef &session, const QString &ip);
    JsonReply redeem(const QHttpServerRequest &request);
    void createPersonalAccount(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    TokenService::Device deviceOf(const TokenService::SessionRef &session) const;
    void pushLinkChanged(const QString &userId, const QString &requestId);
    void mailToUser(const QString &userId, const QString &kind, const QString &subject,
                    const QString &body);

    Services m_services;
};

} // namespace moim::server
