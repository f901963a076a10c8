#pragma once

#include "admin_token.h"
#include "clock.h"
#include "database.h"
#include "hash_queue.h"
#include "local_request_gate.h"
#include "password_hasher.h"
#include "secret_box.h"
#include "server_config.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>

class QHttpServer;

namespace moim::server {

class AccountSecurityApi;
class AccountStore;
class AdminApi;
class ChatAccess;
class ChatApi;
class ConversationApi;
class ConversationStore;
class MessageActionsApi;
class MessageStore;
class NotificationSettingsApi;
class NotificationSettingsStore;
class ApiServer;
class EventHub;
class FileStore;
class FilesApi;
class InviteStore;
class Mailbox;
class OnboardingApi;
class PersonalAccountApi;
class PersonalAccountStore;
class PushRequestService;
class ResetStore;
class LoginChannelHub;
class QrLoginService;
class Throttle;
class DeviceProofs;
class RecoveryCodes;
class TokenService;
class TwoStepCheck;
class TwoStepEnrolment;

// One running mock server: owns its clock, database, services, HTTP server and event stream.
// The program creates exactly one; tests create as many as they like, each on port 0 with its
// own data folder.
class MockServer : public QObject
{
    Q_OBJECT

public:
    explicit MockServer(ServerConfig config, QObject *parent = nullptr);
    ~MockServer() override;

    // Prepares the data folder, database and admin token, seeds the demo company when asked,
    // and starts listening. On failure returns false with a message for the user.
    bool start(QString *error);

    QUrl url() const { return m_url; }
    quint16 port() const;
    const ServerConfig &config() const { return m_config; }

    Clock &clock() { return m_clock; }
    AccountStore &accounts() { return *m_accounts; }
    TokenService &tokens() { return *m_tokens; }
    Throttle &throttle() { return *m_throttle; }
    DeviceProofs &deviceProofs() { return *m_deviceProofs; }
    const PasswordHasher &hasher() const { return m_hasher; }
    EventHub &events() { return *m_events; }
    Mailbox &mailbox() { return *m_mailbox; }
    InviteStore &invites() { return *m_invites; }
    TwoStepCheck &twoStep() { return *m_twoStep; }
    QrLoginService &qr() { return *m_qr; }
    PersonalAccountStore &personalAccounts() { return *m_personal; }
    PushRequestService &push() { return *m_push; }
    FileStore &files() { return *m_files; }

    // The default data folder: $XDG_DATA_HOME/moim-mock-server (or ~/.local/share/…).
    static QString defaultDataDir();
    // Whether host is safe to serve plain, unauthenticated-by-network HTTP on.
    static bool isLoopbackHost(const QString &host);

private:
    bool prepareDataDir(QString *error);
    void acceptWebSockets();

    ServerConfig m_config;
    Clock m_clock;
    Database m_database;
    PasswordHasher m_hasher;
    // Declared after the hasher so it is destroyed (waiting for running hashes) first.
    HashQueue m_hashQueue;
    AdminToken m_adminToken;
    SecretBox m_secretBox;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<TokenService> m_tokens;
    std::unique_ptr<Throttle> m_throttle;
    std::unique_ptr<DeviceProofs> m_deviceProofs;
    std::unique_ptr<TwoStepCheck> m_twoStep;
    std::unique_ptr<TwoStepEnrolment> m_enrolment;
    std::unique_ptr<RecoveryCodes> m_recoveryCodes;
    std::unique_ptr<EventHub> m_events;
    std::unique_ptr<InviteStore> m_invites;
    std::unique_ptr<ResetStore> m_resets;
    std::unique_ptr<Mailbox> m_mailbox;
    LocalRequestGate m_localGate;
    std::unique_ptr<QrLoginService> m_qr;
    std::unique_ptr<PersonalAccountStore> m_personal;
    std::unique_ptr<PushRequestService> m_push;
    std::unique_ptr<LoginChannelHub> m_loginChannels;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<AccountSecurityApi> m_accountSecurity;
    std::unique_ptr<AdminApi> m_admin;
    std::unique_ptr<OnboardingApi> m_onboarding;
    std::unique_ptr<PersonalAccountApi> m_personalApi;
    std::unique_ptr<MessageStore> m_messages;
    std::unique_ptr<FileStore> m_files;
    std::unique_ptr<ChatAccess> m_chatAccess;
    std::unique_ptr<ChatApi> m_chat;
    std::unique_ptr<MessageActionsApi> m_messageActions;
    std::unique_ptr<FilesApi> m_filesApi;
    std::unique_ptr<ConversationStore> m_conversations;
    std::unique_ptr<ConversationApi> m_conversationApi;
    std::unique_ptr<NotificationSettingsStore> m_notificationSettings;
    std::unique_ptr<NotificationSettingsApi> m_notificationSettingsApi;
    // Last, so it is destroyed first: no request may reach a handler that is already gone.
    std::unique_ptr<QHttpServer> m_http;
    QTimer m_sweepTimer;
    QUrl m_url;
};

} // namespace moim::server
