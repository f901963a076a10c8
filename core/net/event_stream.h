#pragma once

#include "backoff.h"

#include <QAbstractSocket>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace moim {

// The account's one WebSocket (docs/protocol.md, "Event stream"). Authenticates in its first
// frame, reconnects with backoff and full jitter, and reports what the server pushes.
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

    Backoff &backoff() { return m_backoff; }

Q_SIGNALS:
    void stateChanged(moim::EventStream::State state);
    void eventReceived(const QString &type, const QJsonObject &event);
    // The server refused our access token: refresh it, then start() again.
    void tokenRejected();
    // The server says this client is too old; the stream stays stopped.
    void updateRequired();

private:
    void setState(State state);
    void connectNow();
    void onConnected();
    void onTextMessage(const QString &message);
    void onDisconnected();
    void scheduleRetry();

    QUrl m_url;
    QString m_clientIdentity;
    QString m_accessToken;
    QWebSocket *m_socket = nullptr;
    State m_state = State::Stopped;
    Backoff m_backoff;
    QTimer m_retryTimer;
};

} // namespace moim
