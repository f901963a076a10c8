#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

class QTimer;
class QWebSocket;

namespace moim::server {

class PushRequestService;
class QrLoginService;

// The pre-sign-in login channel (GET /api/v1/login, WebSocket) of a desktop that is not signed
// in yet. Its first frame opens either a QR session or a push sign-in request to a personal
// account's phone, with the hash of the desktop's secret (never in the URL); afterwards it
// carries nonce refreshes from the desktop and scan/approval/end pushes to it, so an approval
// reaches the desktop at once instead of at a polling interval. Anonymous channels are capped
// per IP address.
class LoginChannelHub : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::chrono::milliseconds firstFrameTimeout{10'000};
        int channelsPerIp = 5;
        QString minClientVersion;           // empty: none
        qint64 maxMessageBytes = 64 * 1024; // per frame and per message
    };

    LoginChannelHub(QrLoginService &qr, PushRequestService &push, Options options,
                    QObject *parent = nullptr);
    ~LoginChannelHub() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    int openCount() const { return int(m_peers.size()); }

    // The address as the server saw it, IPv4-mapped IPv6 written as IPv4.
    static QString peerIp(const QWebSocket *socket);

private:
    struct Peer
    {
        QTimer *firstFrameTimer = nullptr;
        QString ip;
        QString qrSessionId;
        QString pushRequestId;
        bool started() const { return !qrSessionId.isEmpty() || !pushRequestId.isEmpty(); }
    };

    void handleFrame(QWebSocket *socket, const QString &frame);
    bool clientTooOld(QWebSocket *socket);
    void start(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void startPush(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    void refresh(QWebSocket *socket, Peer &peer, const QJsonObject &message);
    QWebSocket *socketFor(const QString &qrSessionId) const;
    QWebSocket *socketForPush(const QString &pushRequestId) const;
    void refuse(QWebSocket *socket, QLatin1StringView code, int closeCode, qint64 retryAfter = 0);
    void closeWith(QWebSocket *socket, int code, const QString &reason);

    QrLoginService &m_qr;
    PushRequestService &m_push;
    Options m_options;
    QHash<QWebSocket *, Peer> m_peers;
};

} // namespace moim::server
