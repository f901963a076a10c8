#pragma once

#include "auth/session_grant.h"
#include "net/api_error.h"
#include "net/backoff.h"
#include "net/event_stream.h"
#include "storage/local_cache.h"
#include "workspace_model.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace moim {

class AccountSecurity;
class ApiClient;
class Chat;
class ConnectivityMonitor;
class NotificationPreferences;

// One signed-in identity: its tokens (in memory), its one event stream, its workspaces and its
// local cache. Persisting the refresh token is the session manager's business, told through
// refreshTokenChanged().
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

    Account(AccountIdentity identity, ApiClient *api, std::unique_ptr<LocalCache> cache,
            QObject *parent = nullptr);
    ~Account() override;

    const AccountIdentity &identity() const { return m_identity; }
    WorkspaceModel *workspaces() { return &m_workspaces; }
    EventStream *events() { return m_events; }
    // Network changes and resume from sleep; each makes the event stream check itself at once.
    ConnectivityMonitor *connectivity() const { return m_connectivity; }
    // 2-step verification, password and devices ("My account").
    AccountSecurity *security() const { return m_security; }
    // Messages, unread counts, sending.
    Chat *chat() const { return m_chat; }
    // Notification settings per workspace, on the server and cached.
    NotificationPreferences *notificationSettings() const { return m_notificationSettings; }
    LocalCache *cache() { return m_cache.get(); }
    Connection connection() const { return m_connection; }
    QString sessionId() const { return m_sessionId; }
    QString refreshToken() const { return m_refreshToken; }
    QString accessToken() const { return m_accessToken; }
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

Q_SIGNALS:
    void connectionChanged(moim::Account::Connection connection);
    void refreshTokenChanged(const QString &refreshToken);
    void sessionEnded(moim::Account::EndReason reason);
    void conversationsChanged(const QString &workspaceId);
    void workspaceRemoved(const QString &workspaceId);
    // The network changed or the system resumed: whatever waits for the connection may try now.
    void connectionCheckRequested();

private:
    void setConnection(Connection connection);
    void refreshSession();
    void scheduleRetry();
    void onEvent(const QString &type, const QJsonObject &event);
    void onStreamState(EventStream::State state);
    void setWorkspaces(const QList<Workspace> &workspaces);

    AccountIdentity m_identity;
    ApiClient *m_api;
    std::unique_ptr<LocalCache> m_cache;
    WorkspaceModel m_workspaces;
    EventStream *m_events;
    ConnectivityMonitor *m_connectivity;             // a child
    AccountSecurity *m_security;                     // a child
    Chat *m_chat;                                    // a child
    NotificationPreferences *m_notificationSettings; // a child
    QString m_sessionId;
    QString m_accessToken;
    QString m_refreshToken;
    bool m_refreshing = false;
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
