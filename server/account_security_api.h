#pragma once

#include "json_reply.h"
#include "onboarding_mails.h"
#include "token_service.h"

#include <QHttpServerRequest>
#include <QObject>
#include <optional>

class QHttpServer;

namespace moim::server {

class HashQueue;

class AccountStore;
class Clock;
class EventHub;
class HttpListener;
class Mailbox;
class PasswordHasher;
class RecoveryCodes;
class ResetStore;
class Throttle;
class DeviceProofs;
class TwoStepCheck;
class TwoStepEnrolment;

// "My account" on the server (docs/protocol.md "Account security"): 2-step verification
// enrolment, recovery codes, password change and the list of signed-in devices. Every call is
// authenticated by an access token; the password check runs on the hash pool.
class AccountSecurityApi : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        AccountStore &accounts;
        TokenService &tokens;
        Throttle &throttle;
        const PasswordHasher &hasher;
        HashQueue &hashQueue;
        const HttpListener &listener;
        TwoStepCheck &twoStep;
        TwoStepEnrolment &enrolment;
        RecoveryCodes &recoveryCodes;
        EventHub &events;
        ResetStore &resets;
        Mailbox &mailbox;
        const Clock &clock;
        DeviceProofs &deviceProofs;
    };

    AccountSecurityApi(QHttpServer &http, Services services, QObject *parent = nullptr);

private:
    struct Caller
    {
        TokenService::SessionRef session;
        QString emailKey;
        QString ip; // where the server saw the call come from
    };
    // The signed-in caller, or the reply that refuses the call.
    std::optional<Caller> authenticate(const QHttpServerRequest &request, JsonReply *refusal) const;

    JsonReply status(const Caller &caller) const;
    JsonReply setup(const Caller &caller);
    JsonReply enable(const Caller &caller, const QJsonObject &body);
    JsonReply disable(const Caller &caller, const QJsonObject &body);
    JsonReply regenerate(const Caller &caller, const QJsonObject &body);
    void changePassword(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    JsonReply sessions(const Caller &caller) const;
    JsonReply revokeSession(const Caller &caller, const QJsonObject &body);
    JsonReply revokeOthers(const Caller &caller);
    // A security mail to the account's work address about a change the caller just made.
    void mailOwner(const Caller &caller, QLatin1StringView kind,
                   OnboardingMail (*compose)(const QString &, const QString &, qint64));

    Services m_services;
};

} // namespace moim::server
