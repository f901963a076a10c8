#pragma once

#include "json_reply.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QObject>
#include <functional>

class QHttpServer;

namespace moim::server {

class HashQueue;

class AccountStore;
class ApiServer;
class Clock;
class HttpListener;
class InviteStore;
class Mailbox;
class PasswordHasher;
class ResetStore;
class Throttle;
class DeviceProofs;
class TokenService;
class TwoStepCheck;

// How people join and get back in (docs/protocol.md, "Onboarding and recovery"): invitation
// preview and acceptance, password reset and the invite landing page.
// Tokens always travel in request bodies; password work runs on the hash pool.
class OnboardingApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        AccountStore &accounts;
        InviteStore &invites;
        ResetStore &resets;
        Mailbox &mailbox;
        TokenService &tokens;
        Throttle &throttle;
        const PasswordHasher &hasher;
        HashQueue &hashQueue;
        const HttpListener &listener;
        const ApiServer &api;
        const Clock &clock;
        TwoStepCheck &twoStep;
        DeviceProofs &deviceProofs;
    };

    OnboardingApi(QHttpServer &http, Services services, QObject *parent = nullptr);

private:
    JsonReply previewInvite(const QHttpServerRequest &request) const;
    void acceptInvite(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    JsonReply requestReset(const QHttpServerRequest &request);
    JsonReply previewReset(const QHttpServerRequest &request) const;
    void completeReset(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    // Runs `work` (argon2) on the pool, then `finish` on the main thread; answers only if the
    // client is still connected. False when the queue was full and `server_busy` was answered.
    bool offMainThread(const QString &ip, QHttpServerResponder &&responder,
                       std::function<QVariant()> work,
                       std::function<JsonReply(const QVariant &)> finish);

    Services m_services;
};

} // namespace moim::server
