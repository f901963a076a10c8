#include "login_channel_hub.h"

#include "client_version.h"
#include "qr_login_service.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>
#include <protocol/protocol.h>

namespace moim::server {

namespace event = moim::protocol::event;
namespace closeCode = moim::protocol::closeCode;
namespace error = moim::protocol::error;

namespace {

void sendJson(QWebSocket *socket, const QJsonObject &object)
{
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

QJsonObject codeFrame(const QrLoginService::Code &code, const QJsonValue &request)
{
    return {{QStringLiteral("type"), QString(event::QrCode)},
            {QStringLiteral("request"), request},
            {QStringLiteral("qr_session"), code.sessionId},
            {QStringLiteral("uri"), code.uri},
            {QStringLiteral("nonce_expires_in"), code.nonceExpiresIn},
            {QStringLiteral("expires_in"), code.expiresIn}};
}

} // namespace

LoginChannelHub::LoginChannelHub(QrLoginService &qr, Options options, QObject *parent)
    : QObject(parent)
    , m_qr(qr)
    , m_options(std::move(options))
{
    connect(&m_qr, &QrLoginService::scanned, this,
            [this](const QString &sessionId, const QString &checkCode) {
                if (QWebSocket *socket = socketFor(sessionId)) {
                    sendJson(socket, {{QStringLiteral("type"), QString(event::QrScanned)},
                                      {QStringLiteral("check_code"), checkCode}});
                }
            });
    connect(&m_qr, &QrLoginService::approved, this, [this](const QString &sessionId) {
        if (QWebSocket *socket = socketFor(sessionId))
            sendJson(socket, {{QStringLiteral("type"), QString(event::QrApproved)}});
    });
    connect(&m_qr, &QrLoginService::ended, this,
            [this](const QString &sessionId, const QString &reason) {
                if (QWebSocket *socket = socketFor(sessionId)) {
                    sendJson(socket, {{QStringLiteral("type"), QString(event::QrEnded)},
                                      {QStringLiteral("reason"), reason}});
                    closeWith(socket, closeCode::QrEnded, reason);
                }
            });
    connect(&m_qr, &QrLoginService::redeemedSession, this, [this](const QString &sessionId) {
        if (QWebSocket *socket = socketFor(sessionId))
            closeWith(socket, QWebSocketProtocol::CloseCodeNormal, QStringLiteral("redeemed"));
    });
}

LoginChannelHub::~LoginChannelHub()
{
    const auto sockets = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : sockets)
        socket->disconnect(this);
}

QString LoginChannelHub::peerIp(const QWebSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

QWebSocket *LoginChannelHub::socketFor(const QString &qrSessionId) const
{
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->qrSessionId == qrSessionId)
            return it.key();
    }
    return nullptr;
}

void LoginChannelHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    const QString ip = peerIp(socket);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (const auto it = m_peers.constFind(socket); it != m_peers.cend()) {
            if (!it->qrSessionId.isEmpty())
                m_qr.abandon(it->qrSessionId);
            m_peers.erase(it);
        }
        socket->deleteLater();
    });

    int fromIp = 0;
    for (const Peer &peer : std::as_const(m_peers))
        fromIp += peer.ip == ip ? 1 : 0;
    if (fromIp >= m_options.channelsPerIp) {
        qCInfo(lcEvents) << "Login channel cap reached for" << ip;
        refuse(socket, error::TooManyAttempts, closeCode::TooManyChannels);
        return;
    }

    Peer peer;
    peer.ip = ip;
    peer.firstFrameTimer = new QTimer(socket);
    peer.firstFrameTimer->setSingleShot(true);
    connect(peer.firstFrameTimer, &QTimer::timeout, socket, [this, socket] {
        closeWith(socket, closeCode::NoAuth, QStringLiteral("qr.start expected"));
    });
    peer.firstFrameTimer->start(m_options.firstFrameTimeout);
    m_peers.insert(socket, peer);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { handleFrame(socket, frame); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
        closeWith(socket, closeCode::NoAuth, QStringLiteral("text frames only"));
    });
}

void LoginChannelHub::refuse(QWebSocket *socket, QLatin1StringView code, int closeCode)
{
    sendJson(socket, {{QStringLiteral("type"), QString(event::Error)},
                      {QStringLiteral("code"), QString(code)}});
    closeWith(socket, closeCode, QString(code));
}

void LoginChannelHub::handleFrame(QWebSocket *socket, const QString &frame)
{
    const auto it = m_peers.find(socket);
    if (it == m_peers.end())
        return;
    const QJsonObject message = QJsonDocument::fromJson(frame.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (it->qrSessionId.isEmpty()) {
        it->firstFrameTimer->stop();
        if (type != event::QrStart)
            return closeWith(socket, closeCode::NoAuth, QStringLiteral("qr.start expected"));
        return start(socket, *it, message);
    }
    if (type == event::QrRefresh)
        refresh(socket, *it, message);
    // Anything else is ignored, never fatal.
}

void LoginChannelHub::start(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    if (!m_options.minClientVersion.isEmpty()) {
        const auto client = ClientVersion::fromHeader(QString::fromLatin1(
            socket->request().rawHeader(QByteArray(moim::protocol::ClientHeader))));
        if (!client || ClientVersion::compare(client->version(), m_options.minClientVersion) < 0) {
            sendJson(socket, {{QStringLiteral("type"), QString(event::Error)},
                              {QStringLiteral("code"), QString(error::UpdateRequired)},
                              {QStringLiteral("min_version"), m_options.minClientVersion}});
            return closeWith(socket, closeCode::UpdateRequired, QString(error::UpdateRequired));
        }
    }
    const QByteArray secretHash =
        SecureToken::fromBase64Url(message.value(QStringLiteral("secret_hash")).toString());
    const QJsonObject device = message.value(QStringLiteral("device")).toObject();
    // A SHA-256 is 32 bytes; anything else is not the hash of a secret.
    if (secretHash.size() != 32)
        return refuse(socket, error::BadRequest, closeCode::NoAuth);
    // What the desktop claims about itself is shown to the phone marked as claimed; keep it short.
    TokenService::Device claimed{device.value(QStringLiteral("name")).toString().left(100),
                                 device.value(QStringLiteral("os")).toString().left(100),
                                 QStringLiteral("desktop")};
    if (claimed.name.trimmed().isEmpty())
        claimed.name = QStringLiteral("Unnamed computer");

    QrLoginService::Code code;
    if (m_qr.create(peer.ip, secretHash, claimed, &code) != QrLoginService::Outcome::Ok)
        return refuse(socket, error::TooManyAttempts, closeCode::TooManyChannels);
    peer.qrSessionId = code.sessionId;
    sendJson(socket, codeFrame(code, message.value(QStringLiteral("request"))));
}

void LoginChannelHub::refresh(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    QrLoginService::Code code;
    switch (m_qr.rotate(peer.qrSessionId, &code)) {
    case QrLoginService::Outcome::Ok:
        sendJson(socket, codeFrame(code, message.value(QStringLiteral("request"))));
        break;
    case QrLoginService::Outcome::Expired:
        // rotate() ended the session, which told this socket and closed it.
        break;
    default:
        // Scanned already: the nonce no longer matters, the desktop waits for the phone.
        break;
    }
}

void LoginChannelHub::closeWith(QWebSocket *socket, int code, const QString &reason)
{
    if (const auto it = m_peers.constFind(socket); it != m_peers.cend()) {
        if (it->firstFrameTimer)
            it->firstFrameTimer->stop();
        m_peers.erase(it);
    }
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    QTimer::singleShot(std::chrono::seconds(5), socket, [socket] { socket->abort(); });
}

} // namespace moim::server
