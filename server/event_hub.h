#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

class QTimer;
class QWebSocket;

namespace moim::server {

class AccountStore;
class Clock;
class TokenService;

// The event stream (GET /api/v1/events). Owns every accepted WebSocket, authenticates each by
// its first text frame (never by the URL), sends keep-alive pings, and pushes session and
// membership events to the sockets of the sessions and users they concern.
class EventHub : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::chrono::milliseconds authTimeout;
        std::chrono::milliseconds pingInterval;
        QString minClientVersion;           // empty: none
        qint64 maxMessageBytes = 64 * 1024; // per frame and per message
        int streamsPerSession = 8;          // beyond it the oldest stream of the session closes
        int streamsPerIp = 64;              // open streams, authenticated or not
    };

    EventHub(TokenService &tokens, AccountStore &accounts, const Clock &clock, Options options,
             QObject *parent = nullptr);
    ~EventHub() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    // Sends workspaces.changed to every socket of the user, each with the list as its session
    // sees it (locks included).
    void pushWorkspacesChanged(const QString &userId);
    // Sends `event` to every authenticated socket of these users. Not for an event of one
    // workspace: that goes through pushWorkspaceEvent.
    void pushToUsers(const QStringList &userIds, const QJsonObject &event);
    // Sends an event of one workspace (a message, a read mark, its settings) to the sockets of
    // these users whose session may open the workspace: none of a workspace that is closed to a
    // session (AccountStore::isLockedFor) reaches it.
    void pushWorkspaceEvent(const QString &workspaceId, const QStringList &userIds,
                            const QJsonObject &event);
    // Sends `event` to the authenticated sockets of one session only.
    void pushToSession(const QString &sessionId, const QJsonObject &event);

    int authenticatedCount() const;

private:
    struct Peer
    {
        QTimer *authTimer = nullptr;
        QString ip;
        QString sessionId;
        QString userId;
        quint64 readyOrder = 0; // which stream of a session is the oldest
    };

    void handleFrame(QWebSocket *socket, const QString &frame);
    void authenticate(QWebSocket *socket, const QString &frame);
    void onSessionRevoked(const QString &sessionId, const QString &userId, const QString &reason);
    void sendPings();
    void closeWith(QWebSocket *socket, int code, const QString &reason);
    void closeOldestBeyondCap(const QString &sessionId);

    TokenService &m_tokens;
    AccountStore &m_accounts;
    const Clock &m_clock;
    Options m_options;
    QTimer *m_pingTimer = nullptr;
    QHash<QWebSocket *, Peer> m_peers;
    quint64 m_readyCount = 0;
};

} // namespace moim::server
