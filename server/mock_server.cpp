#include "mock_server.h"

#include "account_security_api.h"
#include "account_store.h"
#include "admin_api.h"
#include "api_server.h"
#include "chat_access.h"
#include "chat_api.h"
#include "conversation_api.h"
#include "conversation_store.h"
#include "demo_seeder.h"
#include "device_proofs.h"
#include "event_hub.h"
#include "file_store.h"
#include "files_api.h"
#include "http_listener.h"
#include "invite_store.h"
#include "json_reply.h"
#include "login_channel_hub.h"
#include "mailbox.h"
#include "message_actions_api.h"
#include "message_store.h"
#include "notification_settings_api.h"
#include "notification_settings_store.h"
#include "onboarding_api.h"
#include "onboarding_mails.h"
#include "personal_account_api.h"
#include "personal_account_store.h"
#include "push_request_service.h"
#include "qr_login_service.h"
#include "recovery_codes.h"
#include "reset_store.h"
#include "server_logging.h"
#include "throttle.h"
#include "token_service.h"
#include "two_step_check.h"
#include "two_step_enrolment.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QHttpServer>
#include <QSaveFile>
#include <QWebSocket>
#include <protocol/protocol.h>

namespace moim::server {

namespace error = moim::protocol::error;

MockServer::MockServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(m_config.clockOffsetSeconds)
    , m_hasher(m_config.hashLimits)
    // Each argon2id hash takes 64 MiB at interactive limits; two at a time is plenty for a mock.
    , m_hashQueue(
          HashQueue::Limits{m_config.hashThreads, m_config.hashesWaiting, m_config.hashesPerIp})
{
    m_sweepTimer.setInterval(std::chrono::seconds(30));
}

MockServer::~MockServer()
{
    // Running password checks use the hasher and post back to the API object; let them finish
    // while both are alive. Checks still waiting are dropped.
    m_hashQueue.waitForDone();
}

quint16 MockServer::port() const
{
    return quint16(m_url.port());
}

QString MockServer::defaultDataDir()
{
    QString base = qEnvironmentVariable("XDG_DATA_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/moim-mock-server");
}

bool MockServer::isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool MockServer::prepareDataDir(QString *error)
{
    if (m_config.dataDir.isEmpty())
        m_config.dataDir = defaultDataDir();
    QDir dir(m_config.dataDir);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create the data folder %1").arg(m_config.dataDir);
        return false;
    }
    // Tokens and password hashes live here: owner only, also when the folder already existed.
    if (!QFile::setPermissions(dir.absolutePath(),
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        *error =
            QStringLiteral("cannot restrict the data folder %1 to its owner").arg(m_config.dataDir);
        return false;
    }
    return true;
}

bool MockServer::start(QString *error)
{
    if (!m_config.allowRemote && !isLoopbackHost(m_config.host)) {
        *error = QStringLiteral("refusing to listen on %1: the mock server has no TLS and its "
                                "admin API is meant for this computer only; use a loopback "
                                "address or pass --allow-remote")
                     .arg(m_config.host);
        return false;
    }
    if (!prepareDataDir(error) || !m_adminToken.loadOrCreate(m_config.dataDir, error) ||
        !m_secretBox.loadOrCreate(m_config.dataDir, error))
        return false;
    const QString databasePath = QDir(m_config.dataDir).filePath(QStringLiteral("server.sqlite"));
    if (!m_database.open(databasePath, error))
        return false;
    QFile::setPermissions(databasePath, QFile::ReadOwner | QFile::WriteOwner);

    m_accounts = std::make_unique<AccountStore>(m_database, m_clock);
    m_tokens = std::make_unique<TokenService>(m_database, m_clock);
    m_throttle = std::make_unique<Throttle>(m_database, m_clock);
    m_deviceProofs = std::make_unique<DeviceProofs>(m_database, m_clock, *m_throttle);
    m_twoStep =
        std::make_unique<TwoStepCheck>(m_database, m_clock, *m_throttle, *m_tokens, m_secretBox);
    m_enrolment = std::make_unique<TwoStepEnrolment>(m_database, *m_twoStep, m_secretBox);
    if (!m_enrolment->sealClearSecrets()) {
        *error = QStringLiteral("cannot seal the 2-step secrets in %1").arg(databasePath);
        return false;
    }
    m_recoveryCodes = std::make_unique<RecoveryCodes>(m_database);
    if (m_config.demo && !DemoSeeder(m_database, m_hasher, m_clock).seedIfEmpty(error))
        return false;

    m_http = std::make_unique<QHttpServer>();
    // Owned by the HTTP server; we listen ourselves so that we can see connections (see
    // HttpListener).
    auto *listener = new HttpListener(
        ConnectionGuard::Limits{m_config.maxHeaderBytes, m_config.maxJsonBodyBytes,
                                m_config.maxMessageBodyBytes, m_config.maxUploadPieceBytes,
                                m_config.headerTimeout, m_config.bodyTimeout, m_config.idleTimeout},
        HttpListener::Caps{m_config.connections, m_config.connectionsPerIp}, m_http.get());
    m_events = std::make_unique<EventHub>(
        *m_tokens, *m_accounts, m_clock,
        EventHub::Options{m_config.eventAuthTimeout, m_config.pingInterval,
                          m_config.minClientVersion, m_config.maxWebSocketMessageBytes,
                          m_config.eventStreamsPerSession, m_config.eventStreamsPerIp});
    m_invites = std::make_unique<InviteStore>(m_database, m_clock);
    m_resets = std::make_unique<ResetStore>(m_database, m_clock);
    m_mailbox = std::make_unique<Mailbox>(m_database, m_clock, m_config.servesDevMailbox());
    // A one-time link that stops working leaves the mail that carried it.
    const auto forgetLink = [this](const QByteArray &tokenHash) {
        m_mailbox->forgetLink(tokenHash);
    };
    m_invites->setLinkEndedHandler(forgetLink);
    m_resets->setLinkEndedHandler(forgetLink);
    QrLoginService::Limits qrLimits;
    qrLimits.sessionsPerIp = m_config.qrSessionsPerIp;
    m_qr =
        std::make_unique<QrLoginService>(*m_accounts, *m_throttle, *m_twoStep, m_clock, qrLimits);
    m_personal = std::make_unique<PersonalAccountStore>(m_database, m_clock);
    PushRequestService::Limits pushLimits;
    pushLimits.signInsPerIp = m_config.pushSignInsPerIp;
    m_push = std::make_unique<PushRequestService>(*m_personal, *m_accounts, *m_throttle, m_clock,
                                                  pushLimits);
    m_loginChannels = std::make_unique<LoginChannelHub>(
        *m_qr, *m_push,
        LoginChannelHub::Options{m_config.eventAuthTimeout, m_config.loginChannelsPerIp,
                                 m_config.minClientVersion, m_config.maxWebSocketMessageBytes});
    m_api = std::make_unique<ApiServer>(
        *m_http,
        ApiServer::Services{*m_accounts, *m_tokens, *m_throttle, m_hasher, m_clock, m_hashQueue,
                            *listener, *m_qr, *m_twoStep, *m_deviceProofs},
        m_config.minClientVersion);
    m_accountSecurity = std::make_unique<AccountSecurityApi>(
        *m_http,
        AccountSecurityApi::Services{*m_accounts, *m_tokens, *m_throttle, m_hasher, m_hashQueue,
                                     *listener, *m_twoStep, *m_enrolment, *m_recoveryCodes,
                                     *m_events, *m_resets, *m_mailbox, m_clock, *m_deviceProofs});
    m_admin = std::make_unique<AdminApi>(
        *m_http, AdminApi::Services{*m_accounts, *m_tokens, *m_events, m_clock, m_adminToken,
                                    m_localGate, *m_invites, *m_mailbox});
    if (m_config.servesDevMailbox())
        m_admin->serveDevMailbox(*m_http);
    m_onboarding = std::make_unique<OnboardingApi>(
        *m_http, OnboardingApi::Services{*m_accounts, *m_invites, *m_resets, *m_mailbox, *m_tokens,
                                         *m_throttle, m_hasher, m_hashQueue, *listener, *m_api,
                                         m_clock, *m_twoStep, *m_deviceProofs});
    m_personalApi = std::make_unique<PersonalAccountApi>(
        *m_http,
        PersonalAccountApi::Services{*m_personal, *m_push, *m_accounts, *m_tokens, *m_throttle,
                                     *m_deviceProofs, m_hasher, m_hashQueue, *listener, *m_api,
                                     *m_admin, *m_twoStep, *m_events, *m_mailbox, m_clock});
    m_messages = std::make_unique<MessageStore>(m_database, m_clock);
    m_conversations = std::make_unique<ConversationStore>(m_database, m_clock);
    m_files = std::make_unique<FileStore>(m_database, m_clock, m_config.dataDir);
    m_chatAccess = std::make_unique<ChatAccess>(ChatAccess::Services{
        *m_messages, *m_conversations, *m_accounts, *m_tokens, *m_events, *m_api});
    m_chat = std::make_unique<ChatApi>(
        *m_http, ChatApi::Services{*m_messages, *m_accounts, *m_tokens, *m_events, *m_chatAccess,
                                   *m_api, *m_admin, *m_files});
    m_messageActions = std::make_unique<MessageActionsApi>(
        *m_http, MessageActionsApi::Services{*m_messages, *m_accounts, *m_chatAccess, *m_events,
                                             m_clock, *m_files});
    m_filesApi =
        std::make_unique<FilesApi>(*m_http, FilesApi::Services{*m_files, *m_messages, *m_tokens,
                                                               *m_chatAccess, *listener, *m_api});
    m_conversationApi = std::make_unique<ConversationApi>(
        *m_http, ConversationApi::Services{*m_conversations, *m_messages, *m_accounts, *m_tokens,
                                           *m_events, *m_chatAccess, *m_api});
    m_notificationSettings = std::make_unique<NotificationSettingsStore>(m_database, m_clock);
    m_notificationSettingsApi = std::make_unique<NotificationSettingsApi>(
        *m_http, NotificationSettingsApi::Services{*m_notificationSettings, *m_accounts, *m_tokens,
                                                   *m_events, *m_api});
    if (m_config.chatterSeconds > 0)
        m_chat->startChatter(std::chrono::seconds(m_config.chatterSeconds));
    // A sign-in from a device the account has not used before is mailed to its owner, whatever
    // the path (password, 2-step, QR, push, invitation): every one creates its session here.
    const auto mailNewDevice = [this](const QString &, const QString &userId,
                                      const QString &deviceName, const QString &deviceOs,
                                      const QString &ip) {
        if (!m_resets->rememberDevice(userId, deviceName + u'|' + deviceOs))
            return;
        const auto account = m_accounts->findById(userId);
        if (!account)
            return;
        const auto mail = OnboardingMail::newSignIn(deviceName, deviceOs, ip, m_clock.now());
        m_mailbox->send(account->email, QStringLiteral("new_sign_in"), mail.subject, mail.body,
                        mail.links);
    };
    connect(m_tokens.get(), &TokenService::sessionCreated, this, mailNewDevice);

    // QtHttpServer 6.4 upgrades a WebSocket only when a route matches the path and the handler
    // writes nothing; a plain GET must still get an answer.
    for (const auto socketPath :
         {moim::protocol::path::Events, moim::protocol::path::LoginChannel}) {
        m_http->route(QString(socketPath), [](const QHttpServerRequest &request,
                                              QHttpServerResponder &&responder) {
            if (ApiServer::header(request, "Upgrade").compare("websocket", Qt::CaseInsensitive) ==
                0)
                return;
            JsonReply::error(error::BadRequest, QStringLiteral("This path needs a WebSocket."))
                .toResponse()
                .write(std::move(responder));
        });
    }
    connect(m_http.get(), &QAbstractHttpServer::newWebSocketConnection, this,
            &MockServer::acceptWebSockets);
    m_http->setMissingHandler(
        [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            qCDebug(lcHttp) << "No such endpoint:" << request.url().path();
            JsonReply::error(error::NotFound, QStringLiteral("No such endpoint."))
                .toResponse()
                .write(std::move(responder));
        });

    const QHostAddress address =
        m_config.host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0
            ? QHostAddress(QHostAddress::LocalHost)
            : QHostAddress(m_config.host);
    if (address.isNull()) {
        *error = QStringLiteral("%1 is not an IP address").arg(m_config.host);
        return false;
    }
    if (!listener->listen(address, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.host)
                     .arg(m_config.port)
                     .arg(listener->errorString());
        return false;
    }
    m_http->bind(listener);
    const quint16 port = listener->serverPort();
    m_localGate.setPort(port);

    m_url.setScheme(QStringLiteral("http"));
    m_url.setHost(address.toString());
    m_url.setPort(port);
    m_mailbox->setPublicUrl(m_url);
    QSaveFile urlFile(QDir(m_config.dataDir).filePath(QStringLiteral("server-url")));
    if (!urlFile.open(QIODevice::WriteOnly) ||
        urlFile.write(m_url.toString().toUtf8() + '\n') < 0 || !urlFile.commit()) {
        *error = QStringLiteral("cannot write %1").arg(urlFile.fileName());
        return false;
    }

    // Ends sessions past their absolute limit (telling their sockets), drops stale tokens and
    // cuts expired links out of the mails that carried them, and forgets uploads left unfinished
    // for a day.
    connect(&m_sweepTimer, &QTimer::timeout, m_tokens.get(), &TokenService::sweepExpired);
    connect(&m_sweepTimer, &QTimer::timeout, this, [this] { m_mailbox->forgetExpiredLinks(); });
    connect(&m_sweepTimer, &QTimer::timeout, this, [this] { m_files->sweepExpired(); });
    m_sweepTimer.start();
    qCInfo(lcHttp) << "Serving" << m_url.toString() << "from" << m_config.dataDir;
    return true;
}

void MockServer::acceptWebSockets()
{
    while (m_http->hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http->nextPendingWebSocketConnection();
        // The upgrade reaches us for any path whose route wrote nothing; only two are ours.
        const QString path = socket->requestUrl().path();
        if (path == moim::protocol::path::Events) {
            m_events->accept(std::move(socket));
        } else if (path == moim::protocol::path::LoginChannel) {
            m_loginChannels->accept(std::move(socket));
        } else {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
            socket.release()->deleteLater();
        }
    }
}

} // namespace moim::server
