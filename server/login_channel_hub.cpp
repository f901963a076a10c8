#include "login_channel_hub.h"

#include "client_version.h"
#include "personal_account_store.h"
#include "push_request_service.h"
#include "qr_login_service.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>
#include <protocol/device_label.h>
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

LoginChannelHub::LoginChannelHub(QrLoginService &qr, PushRequestService &push, Options options,
                                 QObject *parent)
    : QObject(parent)
    , m_qr(qr)
    , m_push(push)
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
    connect(&m_push, &PushRequestService::signInApproved, this, [this](const QString &requestId) {
        if (QWebSocket *socket = socketForPush(requestId))
            sendJson(socket, {{QStringLiteral("type"), QString(event::PushApproved)}});
    });
    connect(&m_push, &PushRequestService::signInEnded, this,
            [this](const QString &requestId, const QString &reason) {
                if (QWebSocket *socket = socketForPush(requestId)) {
                    sendJson(socket, {{QStringLiteral("type"), QString(event::PushEnded)},
                                      {QStringLiteral("reason"), reason}});
                    closeWith(socket, closeCode::QrEnded, reason);
                }
            });
    connect(&m_push, &PushRequestService::signInRedeemed, this, [this](const QString &requestId) {
        if (QWebSocket *socket = socketForPush(requestId))
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
        if (!qrSessionId.isEmpty() && it->qrSessionId == qrSessionId)
            return it.key();
    }
    return nullptr;
}

QWebSocket *LoginChannelHub::socketForPush(const QString &pushRequestId) const
{
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (!pushRequestId.isEmpty() && it->pushRequestId == pushRequestId)
            return it.key();
    }
    return nullptr;
}

void LoginChannelHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    // Larger frames or messages close the socket (1009) before their payload is read.
    socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
    const QString ip = peerIp(socket);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (const auto it = m_peers.constFind(socket); it != m_peers.cend()) {
            if (!it->qrSessionId.isEmpty())
                m_qr.abandon(it->qrSessionId);
            if (!it->pushRequestId.isEmpty())
                m_push.abandon(it->pushRequestId);
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

void LoginChannelHub::refuse(QWebSocket *socket, QLatin1StringView code, int closeCode,
                             qint64 retryAfter)
{
    QJsonObject frame{{QStringLiteral("type"), QString(event::Error)},
                      {QStringLiteral("code"), QString(code)}};
    if (retryAfter > 0)
        frame.insert(QStringLiteral("retry_after"), retryAfter);
    sendJson(socket, frame);
    closeWith(socket, closeCode, QString(code));
}

void LoginChannelHub::handleFrame(QWebSocket *socket, const QString &frame)
{
    const auto it = m_peers.find(socket);
    if (it == m_peers.end())
        return;
    const QJsonObject message = QJsonDocument::fromJson(frame.toUtf8()).object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (!it->started()) {
        it->firstFrameTimer->stop();
        if (type == event::PushStart)
            return startPush(socket, *it, message);
        if (type != event::QrStart)
            return closeWith(socket, closeCode::NoAuth,
                             QStringLiteral("qr.start or push.start expected"));
        return start(socket, *it, message);
    }
    if (type == event::QrRefresh && !it->qrSessionId.isEmpty())
        refresh(socket, *it, message);
    // Anything else is ignored, never fatal.
}

bool LoginChannelHub::clientTooOld(QWebSocket *socket)
{
    if (m_options.minClientVersion.isEmpty())
        return false;
    const auto client = ClientVersion::fromHeader(
        QString::fromLatin1(socket->request().rawHeader(QByteArray(moim::protocol::ClientHeader))));
    if (client && ClientVersion::compare(client->version(), m_options.minClientVersion) >= 0)
        return false;
    sendJson(socket, {{QStringLiteral("type"), QString(event::Error)},
                      {QStringLiteral("code"), QString(error::UpdateRequired)},
                      {QStringLiteral("min_version"), m_options.minClientVersion}});
    closeWith(socket, closeCode::UpdateRequired, QString(error::UpdateRequired));
    return true;
}

namespace {

// A SHA-256 is 32 bytes; anything else is not the hash of a secret.
QByteArray secretHashOf(const QJsonObject &message)
{
    const QByteArray hash =
        SecureToken::fromBase64Url(message.value(QStringLiteral("secret_hash")).toString());
    return hash.size() == 32 ? hash : QByteArray();
}

// What the desktop claims about itself is shown to the phone marked as claimed; keep it short.
TokenService::Device claimedDevice(const QJsonObject &message)
{
    const QJsonObject device = message.value(QStringLiteral("device")).toObject();
    TokenService::Device claimed{
        protocol::cleanLabel(device.value(QStringLiteral("name")).toString()),
        protocol::cleanLabel(device.value(QStringLiteral("os")).toString()),
        QStringLiteral("desktop")};
    if (claimed.name.isEmpty())
        claimed.name = QStringLiteral("Unnamed computer");
    return claimed;
}

} // namespace

void LoginChannelHub::start(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    if (clientTooOld(socket))
        return;
    const QByteArray secretHash = secretHashOf(message);
    if (secretHash.isEmpty())
        return refuse(socket, error::BadRequest, closeCode::NoAuth);
    const TokenService::Device claimed = claimedDevice(message);

    QrLoginService::Code code;
    if (m_qr.create(peer.ip, secretHash, claimed, &code) != QrLoginService::Outcome::Ok)
        return refuse(socket, error::TooManyAttempts, closeCode::TooManyChannels);
    peer.qrSessionId = code.sessionId;
    sendJson(socket, codeFrame(code, message.value(QStringLiteral("request"))));
}

void LoginChannelHub::startPush(QWebSocket *socket, Peer &peer, const QJsonObject &message)
{
    if (clientTooOld(socket))
        return;
    const QByteArray secretHash = secretHashOf(message);
    const QString personalId = PersonalAccountStore::normaliseId(
        message.value(QStringLiteral("personal_account")).toString());
    if (secretHash.isEmpty() || personalId.isEmpty())
        return refuse(socket, error::BadRequest, closeCode::NoAuth);

    PushRequestService::Started started;
    using Outcome = PushRequestService::Outcome;
    switch (m_push.startSignIn(peer.ip, secretHash, personalId, claimedDevice(message), &started)) {
    case Outcome::Ok:
        break;
    case Outcome::TooManyPending:
        return refuse(socket, error::TooManyPending, closeCode::TooManyChannels,
                      started.retryAfter);
    case Outcome::Blocked:
        return refuse(socket, error::PushBlocked, closeCode::TooManyChannels, started.retryAfter);
    default:
        return refuse(socket, error::TooManyAttempts, closeCode::TooManyChannels);
    }
    peer.pushRequestId = started.requestId;
    sendJson(socket, {{QStringLiteral("type"), QString(event::PushPending)},
                      {QStringLiteral("request"), message.value(QStringLiteral("request"))},
                      {QStringLiteral("push_request"), started.requestId},
                      {QStringLiteral("check_code"), started.checkCode},
                      {QStringLiteral("expires_in"), started.expiresIn}});
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
