#pragma once

#include "json_reply.h"
#include "throttle.h"
#include "token_service.h"
#include "two_step_check.h"

#include <QHttpServerRequest>
#include <QObject>
#include <optional>

class QHttpServer;

namespace moim::server {

class HashQueue;

class AccountStore;
class Clock;
class DeviceProofs;
class HttpListener;
class PasswordHasher;
class QrLoginService;

// The client REST API of docs/protocol.md: server info, sign-in, token refresh, logout, revoke,
// me and conversations. Registers its routes on the HTTP server it is given. Password checks run
// on a worker pool; all database work stays on the main thread.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        AccountStore &accounts;
        TokenService &tokens;
        Throttle &throttle;
        const PasswordHasher &hasher;
        const Clock &clock;
        HashQueue &hashQueue;
        const HttpListener &listener;
        QrLoginService &qr;
        TwoStepCheck &twoStep;
        DeviceProofs &deviceProofs;
    };

    ApiServer(QHttpServer &http, Services services, QString minClientVersion,
              QObject *parent = nullptr);

    // Header lookup by case-insensitive name (HTTP header names are case-insensitive).
    static QByteArray header(const QHttpServerRequest &request, QByteArrayView name);
    // The token of "Authorization: Bearer <token>", empty when absent.
    static QString bearerToken(const QHttpServerRequest &request);
    // The body as a JSON object; nullopt when it is not one.
    static std::optional<QJsonObject> jsonBody(const QHttpServerRequest &request);
    // The error reply for a code the 2-step check did not accept (shared with the account API).
    static JsonReply codeRefusal(const TwoStepCheck::Answer &answer);
    // two_step_required: the workspace is closed to this session (AccountStore::isLockedFor).
    static JsonReply workspaceLocked();

    // The session grant of docs/protocol.md for a refreshed session; its workspace list is the
    // one that session sees (locks included).
    JsonReply grantReply(const TokenService::Grant &grant) const;
    // The grant of a sign-in: also carries a new device proof for the account, which replaces
    // the one the client presented (if any).
    JsonReply signInGrantReply(const TokenService::Grant &grant,
                               const QString &replacedDeviceProofId = {}) const;
    // The device proof id a sign-in request for accountKey presents in `device_proof`, or an
    // empty string when it presents none that is live; *ok is false when the field is not a
    // string.
    QString presentedDeviceProof(const QJsonObject &body, const QString &accountKey,
                                 bool *ok) const;
    // update_required when a minimum version is set and the client is older or unnamed.
    std::optional<JsonReply> refuseClient(const QHttpServerRequest &request) const;

private:
    QHttpServerResponse serverInfo(const QHttpServerRequest &request) const;
    // Answers through the responder once the password check is done (see HttpListener).
    void login(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QHttpServerResponse secondFactor(const QHttpServerRequest &request);
    QHttpServerResponse refresh(const QHttpServerRequest &request);
    QHttpServerResponse logout(const QHttpServerRequest &request);
    QHttpServerResponse revoke(const QHttpServerRequest &request);
    QHttpServerResponse me(const QHttpServerRequest &request) const;
    QHttpServerResponse conversations(const QString &workspaceId,
                                      const QHttpServerRequest &request) const;
    // QR sign-in: the phone scans, approves or denies; the desktop redeems with its secret.
    QHttpServerResponse qrScan(const QHttpServerRequest &request);
    QHttpServerResponse qrApprove(const QHttpServerRequest &request);
    QHttpServerResponse qrDeny(const QHttpServerRequest &request);
    QHttpServerResponse qrRedeem(const QHttpServerRequest &request);
    // The phone session behind a QR scan, approval or denial; nullopt with *refusal set when the
    // caller is not signed in or is not a phone.
    std::optional<TokenService::SessionRef> qrPhone(const QHttpServerRequest &request,
                                                    JsonReply *refusal) const;

    struct LoginAttempt
    {
        QString emailKey;
        std::optional<QString> userId;
        TokenService::Device device;
        QString ip;
        QString source; // the IP address as a throttle key
        QString deviceProofId;
        QList<Throttle::Key> throttleKeys;
    };
    JsonReply finishLogin(const LoginAttempt &attempt, bool passwordMatches);

    Services m_services;
    QString m_minClientVersion;
};

} // namespace moim::server
