#include "event_hub.h"

#include "account_store.h"
#include "client_version.h"
#include "clock.h"
#include "http_listener.h"
#include "server_logging.h"
#include "token_service.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
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

QJsonObject typed(QLatin1StringView type)
{
    return {{QStringLiteral("type"), QString(type)}};
}

} // namespace

EventHub::EventHub(TokenService &tokens, AccountStore &accounts, const Clock &clock,
                   Options options, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
    , m_accounts(accounts)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_pingTimer(new QTimer(this))
{
    connect(&m_tokens, &TokenService::sessionRevoked, this, &EventHub::onSessionRevoked);
    connect(m_pingTimer, &QTimer::timeout, this, &EventHub::sendPings);
    m_pingTimer->start(m_options.pingInterval);
}

EventHub::~EventHub()
{
    // The sockets are our children; detach their signals first so that their destruction does
    // not call back into a half-destroyed hub.
    const auto sockets = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : sockets)
        socket->disconnect(this);
}

void EventHub::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    // Larger frames or messages close the socket (1009) before their payload is read.
    socket->setMaxAllowedIncomingFrameSize(quint64(m_options.maxMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_options.maxMessageBytes));
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_peers.remove(socket);
        socket->deleteLater();
    });
    const QString ip = HttpListener::ipOf(socket->peerAddress());
    int fromIp = 0;
    for (const Peer &open : std::as_const(m_peers))
        fromIp += open.ip == ip ? 1 : 0;
    if (fromIp >= m_options.streamsPerIp) {
        qCInfo(lcEvents) << "Event stream cap reached for" << ip;
        closeWith(socket, closeCode::TooManyChannels, QString(error::TooManyStreams));
        return;
    }

    Peer peer;
    peer.ip = ip;
    peer.authTimer = new QTimer(socket);
    peer.authTimer->setSingleShot(true);
    connect(peer.authTimer, &QTimer::timeout, socket, [this, socket] {
        qCInfo(lcEvents) << "No auth frame in time from" << socket->peerAddress();
        closeWith(socket, closeCode::NoAuth, QStringLiteral("auth frame expected"));
    });
    peer.authTimer->start(m_options.authTimeout);
    m_peers.insert(socket, peer);

    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { handleFrame(socket, frame); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
        if (m_peers.value(socket).sessionId.isEmpty())
            closeWith(socket, closeCode::NoAuth, QStringLiteral("auth frame expected"));
    });
    qCDebug(lcEvents) << "Event stream opened from" << ip;
}

void EventHub::handleFrame(QWebSocket *socket, const QString &frame)
{
    const auto it = m_peers.constFind(socket);
    if (it == m_peers.cend())
        return;
    if (it->sessionId.isEmpty()) {
        authenticate(socket, frame);
        return;
    }
    // After ready the only client frame is pong; anything else is ignored, never fatal.
}

void EventHub::authenticate(QWebSocket *socket, const QString &frame)
{
    Peer &peer = m_peers[socket];
    peer.authTimer->stop();
    const QJsonObject message = QJsonDocument::fromJson(frame.toUtf8()).object();
    if (message.value(QStringLiteral("type")).toString() != event::Auth) {
        closeWith(socket, closeCode::NoAuth, QStringLiteral("auth frame expected"));
        return;
    }

    if (!m_options.minClientVersion.isEmpty()) {
        const auto client = ClientVersion::fromHeader(QString::fromLatin1(
            socket->request().rawHeader(QByteArray(moim::protocol::ClientHeader))));
        if (!client || ClientVersion::compare(client->version(), m_options.minClientVersion) < 0) {
            QJsonObject reply = typed(event::Error);
            reply.insert(QStringLiteral("code"), QString(error::UpdateRequired));
            reply.insert(QStringLiteral("min_version"), m_options.minClientVersion);
            sendJson(socket, reply);
            closeWith(socket, closeCode::UpdateRequired, QString(error::UpdateRequired));
            return;
        }
    }

    const QString token = message.value(QStringLiteral("access_token")).toString();
    const auto session = token.isEmpty() ? std::nullopt : m_tokens.authenticate(token);
    if (!session) {
        QJsonObject reply = typed(event::Error);
        reply.insert(QStringLiteral("code"), QString(error::InvalidToken));
        sendJson(socket, reply);
        closeWith(socket, closeCode::InvalidToken, QString(error::InvalidToken));
        return;
    }
    peer.sessionId = session->sessionId;
    peer.userId = session->userId;
    peer.readyOrder = ++m_readyCount;
    closeOldestBeyondCap(session->sessionId);
    QJsonObject ready = typed(event::Ready);
    ready.insert(QStringLiteral("session_id"), session->sessionId);
    ready.insert(QStringLiteral("time"), m_clock.now());
    // The client's watchdog is set from this: no frame for twice the interval means a dead link.
    ready.insert(QString(moim::protocol::field::PingIntervalMs),
                 qint64(m_options.pingInterval.count()));
    sendJson(socket, ready);
    qCInfo(lcEvents) << "Event stream ready for session" << session->sessionId;
}

void EventHub::onSessionRevoked(const QString &sessionId, const QString &, const QString &reason)
{
    const QList<QWebSocket *> sockets = m_peers.keys();
    for (QWebSocket *socket : sockets) {
        if (m_peers.value(socket).sessionId != sessionId)
            continue;
        QJsonObject revoked = typed(event::SessionRevoked);
        revoked.insert(QStringLiteral("reason"), reason);
        sendJson(socket, revoked);
        closeWith(socket, closeCode::SessionRevoked, reason);
    }
}

void EventHub::pushWorkspacesChanged(const QString &userId)
{
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->userId != userId || it->sessionId.isEmpty())
            continue;
        QJsonObject changed = typed(event::WorkspacesChanged);
        changed.insert(QStringLiteral("workspaces"),
                       m_accounts.activeWorkspaces(userId, it->sessionId));
        sendJson(it.key(), changed);
    }
}

void EventHub::pushToUsers(const QStringList &userIds, const QJsonObject &event)
{
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (!it->sessionId.isEmpty() && userIds.contains(it->userId))
            sendJson(it.key(), event);
    }
}

void EventHub::pushWorkspaceEvent(const QString &workspaceId, const QStringList &userIds,
                                  const QJsonObject &event)
{
    // Asked per session, at the moment of sending: a lock set or lifted a second ago holds.
    QHash<QString, bool> lockedFor;
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->sessionId.isEmpty() || !userIds.contains(it->userId))
            continue;
        auto locked = lockedFor.constFind(it->sessionId);
        if (locked == lockedFor.cend())
            locked = lockedFor.insert(
                it->sessionId, workspaceId.isEmpty() ||
                                   m_accounts.isLockedFor(it->userId, it->sessionId, workspaceId));
        if (!*locked)
            sendJson(it.key(), event);
    }
}

void EventHub::pushToSession(const QString &sessionId, const QJsonObject &event)
{
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (!sessionId.isEmpty() && it->sessionId == sessionId)
            sendJson(it.key(), event);
    }
}

int EventHub::authenticatedCount() const
{
    int count = 0;
    for (const Peer &peer : m_peers)
        count += peer.sessionId.isEmpty() ? 0 : 1;
    return count;
}

void EventHub::sendPings()
{
    const QJsonObject ping = typed(event::Ping);
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (!it->sessionId.isEmpty())
            sendJson(it.key(), ping);
    }
}

void EventHub::closeOldestBeyondCap(const QString &sessionId)
{
    // The newest stream wins: a client that reconnects while its old streams are not yet known
    // to be dead must get in, and whoever holds the session's token may open streams anyway.
    QList<QWebSocket *> streams;
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->sessionId == sessionId)
            streams.append(it.key());
    }
    if (streams.size() <= m_options.streamsPerSession)
        return;
    std::sort(streams.begin(), streams.end(), [this](QWebSocket *a, QWebSocket *b) {
        return m_peers.value(a).readyOrder < m_peers.value(b).readyOrder;
    });
    const qsizetype excess = streams.size() - m_options.streamsPerSession;
    for (qsizetype i = 0; i < excess; ++i) {
        qCInfo(lcEvents) << "Event stream cap reached for session" << sessionId;
        closeWith(streams[i], closeCode::TooManyChannels, QString(error::TooManyStreams));
    }
}

void EventHub::closeWith(QWebSocket *socket, int code, const QString &reason)
{
    // Forget the peer at once: a closing socket must not receive further events, and a second
    // auth frame racing the close must not be evaluated.
    if (const auto it = m_peers.constFind(socket); it != m_peers.cend()) {
        it->authTimer->stop();
        m_peers.erase(it);
    }
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
    // A peer that never completes the closing handshake must not linger forever.
    QTimer::singleShot(std::chrono::seconds(5), socket, [socket] { socket->abort(); });
}

} // namespace moim::server
