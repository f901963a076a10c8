#pragma once

#include "auth/session_grant.h"
#include "net/api_error.h"
#include "net/authorized_api.h"
#include "net/backoff.h"
#include "net/event_stream.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"
#include "workspace_model.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace moim {

class AccountSecurity;
class ApiClient;
class AuthorizedApi;
class Chat;
class FileDownloads;
class ConnectivityMonitor;
class NotificationPreferences;

// One signed-in identity: its tokens (in memory), its one event stream, its workspaces, its
// local cache and its outbox. Every call made for it goes through api(), which renews the access
// token once for all calls that meet it expired. Persisting the refresh token is the session
// manager's business, told through refreshTokenChanged().
class Account : public QObject
{
    Q_OBJECT

public:
    // Why the server ended this account's session.
    enum class EndReason
    {
        LoggedOutElsewhere,
        Deactivated,
        PasswordReset,
        Expired,
        TwoStepEnabled, // 2-step was turned on elsewhere; this session had not passed it
        Revoked
    };
    Q_ENUM(EndReason)

    // Whether the account can reach the server right now.
    enum class Connection
    {
        Offline,
        Connecting,
        Online,
        UpdateRequired
    };
    Q_ENUM(Connection)

    // `outbox` keeps what was written here until the server has it (unsent messages and
    // settings); without one, nothing can be sent and the user is told so.
    Account(AccountIdentity identity, ApiClient *api, std::unique_ptr<LocalCache> cache,
            std::unique_ptr<OutboxStore> outbox = {}, QObject *parent = nullptr);
    ~Account() override;

    const AccountIdentity &identity() const { return m_identity; }
    WorkspaceModel *workspaces() { return &m_workspaces; }
    EventStream *events() { return m_events; }
    // Calls on this account's behalf: the token attached, renewed and the call replayed when
    // the server refuses it.
    AuthorizedApi *api() const { return m_authorized; }
    // Network changes and resume from sleep; each makes the event stream check itself at once.
    ConnectivityMonitor *connectivity() const { return m_connectivity; }
    // 2-step verification, password and devices ("My account").
    AccountSecurity *security() const { return m_security; }
    // Messages, unread counts, sending.
    Chat *chat() const { return m_chat; }
    // Files of its messages coming to this computer: saves, opens, previews and full images.
    FileDownloads *downloads() const { return m_downloads; }
    // Notification settings per workspace, on the server and cached.
    NotificationPreferences *notificationSettings() const { return m_notificationSettings; }
    LocalCache *cache() { return m_cache.get(); }
    OutboxStore *outboxStore() { return m_outboxStore.get(); }
    Connection connection() const { return m_connection; }
    QString sessionId() const { return m_sessionId; }
    QString refreshToken() const { return m_refreshToken; }
    QString accessToken() const;
    ApiError lastError() const { return m_lastError; }

    // Paints from the cache: workspaces as they were last seen.
    void loadFromCache();
    // Takes fresh tokens and workspaces from the server and goes online.
    void applyGrant(const SessionGrant &grant);
    // Starts from a remembered refresh token (a restored session).
    void resumeWithRefreshToken(const QString &refreshToken);
    // Tries to reach the server again now, skipping any backoff wait.
    void retryNow();
    // Stops all network activity (before logout or destruction).
    void shutDown();

    // Conversations of one workspace: the cached list now, a fresh one via conversationsChanged.
    QList<Conversation> conversations(const QString &workspaceId) const;
    void fetchConversations(const QString &workspaceId);
    // A conversation of any workspace listed so far.
    std::optional<Conversation> conversation(const QString &conversationId) const;

    // Managing conversations (docs/protocol.md "Managing conversations"). A successful answer
    // changes the lists here at once, before its event arrives; then `done` runs, unless
    // `context` is gone by then.
    using Done = std::function<void(const ApiResult &)>;
    void createChannel(const QString &workspaceId, const QString &name, const QString &topic,
                       bool isPrivate, QObject *context, Done done);
    // The direct conversation with these members (the one that exists, or a new one).
    void openDirect(const QString &workspaceId, const QStringList &memberIds, QObject *context,
                    Done done);
    // The public channels ("channels") and the active members ("members") of a workspace.
    void browseChannels(const QString &workspaceId, QObject *context, Done done);
    void fetchMembers(const QString &workspaceId, QObject *context, Done done);
    void joinChannel(const QString &conversationId, QObject *context, Done done);
    void leaveChannel(const QString &conversationId, QObject *context, Done done);
    // Renames, describes, or both (a field left out stays as it is).
    void editChannel(const QString &conversationId, const std::optional<QString> &name,
                     const std::optional<QString> &topic, QObject *context, Done done);
    void setMuteLevel(const QString &conversationId, Conversation::MuteLevel level,
                      QObject *context = nullptr, Done done = {});
    // Pins a message as the notice; an empty id takes the notice down.
    void setPinned(const QString &conversationId, const QString &messageId,
                   QObject *context = nullptr, Done done = {});
    // Every conversation of the workspace read; the counts follow as the read marks arrive.
    void markAllRead(const QString &workspaceId, QObject *context = nullptr, Done done = {});

Q_SIGNALS:
    void connectionChanged(moim::Account::Connection connection);
    void refreshTokenChanged(const QString &refreshToken);
    // Emitted once: the account is over and does nothing more.
    void sessionEnded(moim::Account::EndReason reason);
    void conversationsChanged(const QString &workspaceId);
    // One conversation changed (renamed, described, its notice or level), here or elsewhere.
    void conversationUpdated(const moim::Conversation &conversation);
    // The account left the conversation (here or on another device): it is gone from the list.
    void conversationRemoved(const QString &workspaceId, const QString &conversationId);
    void workspaceRemoved(const QString &workspaceId);
    // The network changed or the system resumed: whatever waits for the connection may try now.
    void connectionCheckRequested();

private:
    void setConnection(Connection connection);
    void refreshSession();
    void endSession(EndReason reason);
    void scheduleRetry();
    void onEvent(const QString &type, const QJsonObject &event);
    void onStreamState(EventStream::State state);
    void setWorkspaces(const QList<Workspace> &workspaces);
    // Puts a conversation as the server described it into its workspace's list.
    void applyConversation(const QJsonObject &object);
    void dropConversation(const QString &workspaceId, const QString &conversationId);
    void storeConversations(const QString &workspaceId, const QList<Conversation> &conversations);
    // An answer carrying a conversation: applied, then handed on.
    void callForConversation(AuthorizedApi::Method method, const QString &path,
                             const QJsonObject &body, QObject *context, Done done);

    AccountIdentity m_identity;
    ApiClient *m_api;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<OutboxStore> m_outboxStore;
    AuthorizedApi *m_authorized; // a child
    WorkspaceModel m_workspaces;
    EventStream *m_events;
    ConnectivityMonitor *m_connectivity;             // a child
    AccountSecurity *m_security;                     // a child
    Chat *m_chat;                                    // a child
    FileDownloads *m_downloads;                      // a child
    NotificationPreferences *m_notificationSettings; // a child
    QString m_sessionId;
    QString m_refreshToken;
    bool m_refreshing = false;
    bool m_ended = false;
    // Every account is created on its way online: from a grant or a remembered token.
    Connection m_connection = Connection::Connecting;
    ApiError m_lastError;
    // Fetched this run; the cache serves what was fetched in earlier runs.
    QHash<QString, QList<Conversation>> m_conversations;
    QTimer m_refreshTimer; // renews the access token before it expires
    QTimer m_retryTimer;   // retries a refresh that failed for lack of network
    Backoff m_retryBackoff;
};

} // namespace moim
