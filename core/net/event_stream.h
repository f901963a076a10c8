#pragma once

#include "backoff.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace moim {

// The account's one WebSocket (docs/protocol.md, "Event stream"). Authenticates in its first
// frame, reconnects with backoff and full jitter, and reports what the server pushes. A socket
// can die without closing (suspend, a changed network), so a watchdog drops it when the server
// has been silent for twice its ping interval, and checkNow() lets the system's hints cut that
// wait short.
class EventStream : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Connecting,
        Authenticating,
        Connected,
        WaitingToRetry
    };
    Q_ENUM(State)

    EventStream(QUrl url, QString clientIdentity, QObject *parent = nullptr);
    ~EventStream() override;

    State state() const { return m_state; }
    // Milliseconds until the next attempt while WaitingToRetry.
    qint64 msUntilRetry() const;

    void setAccessToken(const QString &token) { m_accessToken = token; }
    void start();
    void stop();
    // Skips the remaining backoff wait ("Retry now").
    void retryNow();
    // The network may have changed or the system resumed: a connected socket may be dead without
    // knowing it, so reconnect at once (a waiting retry runs now), with the backoff reset. Calls
    // within a second of an attempt that a check started are folded into it.
    void checkNow();

    // How often the server pings, from its last `ready` (30 s until one says otherwise).
    std::chrono::milliseconds pingInterval() const { return m_pingInterval; }
    // Silence after which a connected stream is taken for dead.
    std::chrono::milliseconds silenceLimit() const { return 2 * m_pingInterval; }

    Backoff &backoff() { return m_backoff; }

Q_SIGNALS:
    void stateChanged(moim::EventStream::State state);
    void eventReceived(const QString &type, const QJsonObject &event);
    // The server refused our access token: refresh it, then start() again.
    void tokenRejected();
    // The server says this client is too old; the stream stays stopped.
    void updateRequired();
    // The connection was found dead without being closed (silence, or an attempt that hung):
    // other connections to the same server may be as dead.
    void silenceDetected();

private:
    void setState(State state);
    void connectNow();
    void onConnected();
    void onTextMessage(const QString &message);
    void onDisconnected();
    void scheduleRetry();
    void dropSocket();
    void onSilence();
    std::chrono::milliseconds attemptTimeout() const;
    std::chrono::milliseconds sinceLastCheck() const;

    QUrl m_url;
    QString m_clientIdentity;
    QString m_accessToken;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Stopped;
    // Waits stay short (at most 5 s): a server back after a short outage is reached within
    // seconds, and an attempt is one small connection, so waiting longer saves nothing.
    Backoff m_backoff{std::chrono::milliseconds(500), std::chrono::seconds(5)};
    QTimer m_retryTimer;
    QTimer m_watchdog;
    std::chrono::milliseconds m_pingInterval;
    // When checkNow() last started an attempt, on both clocks: the monotonic one stands still
    // while the system sleeps, and a check after a resume must not be folded into one from
    // before the sleep.
    QElapsedTimer m_lastCheck;
    qint64 m_lastCheckWallMs = 0;
};

} // namespace moim
