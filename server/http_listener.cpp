#include "http_listener.h"

#include "server_logging.h"

#include <QTimer>
#include <algorithm>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace moim::server {

namespace {

// Room for the largest header block and body a request may have, so that the HTTP server's
// transaction (it keeps a request's bytes until the request is complete) never stalls.
qint64 readBufferSize(const ConnectionGuard::Limits &limits)
{
    return limits.maxHeaderBytes +
           std::max(
               {limits.maxJsonBodyBytes, limits.maxMessageBodyBytes, limits.maxUploadPieceBytes}) +
           64 * 1024;
}

} // namespace

HttpListener::HttpListener(const ConnectionGuard::Limits &limits, Caps caps, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_caps(caps)
{
    // Out of file descriptors (or similar), QTcpServer stops accepting for good; try again soon
    // instead, as the timeouts and caps free descriptors.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcHttp) << "Cannot accept a connection:" << error << errorString();
        QTimer::singleShot(std::chrono::milliseconds(100), this, &QTcpServer::resumeAccepting);
    });
}

void HttpListener::keepLargeBuffers()
{
    // Below this size allocations come from the heap, whose pages are reused; above it, each
    // is a mapping of its own. 32 MiB is glibc's own ceiling for the threshold it adapts.
    constexpr int MapAbove = 32 * 1024 * 1024;
    // Free memory at the heap's top is given back only past this much.
    constexpr int TrimAbove = 64 * 1024 * 1024;
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, MapAbove);
    mallopt(M_TRIM_THRESHOLD, TrimAbove);
#endif
}

QString HttpListener::ipOf(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString ip = ipOf(socket->peerAddress());
    if (!makeRoom(ip)) {
        qCInfo(lcHttp) << "Too many busy connections; closing a new one from" << ip;
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setReadBufferSize(readBufferSize(m_limits));
    // A piece of a file (up to 8 MiB) then arrives in fewer, larger reads; each read is a turn
    // through the guard and the HTTP server's parser (bench_files: about 1.5 times the upload
    // throughput). The kernel caps it at its own maximum.
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4 * 1024 * 1024);
    // Connected before the HTTP server connects its own handler, so these run first for every
    // chunk of request data: the route handler that follows sees the right connection, and the
    // guard can refuse data before the HTTP server buffers it.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_current = socket; });
    m_connections.append({new ConnectionGuard(socket, m_limits), ip});
    addPendingConnection(socket);
}

bool HttpListener::makeRoom(const QString &ip)
{
    // Forget closed connections, and upgraded ones: the WebSocket hubs cap those.
    m_connections.removeIf([](const Connection &connection) {
        return !connection.guard || connection.guard->state() == ConnectionGuard::State::Upgraded;
    });
    const auto fromIp = [&ip](const Connection &connection) { return connection.ip == ip; };
    const auto evictOldest = [this](auto matches) {
        for (qsizetype i = 0; i < m_connections.size(); ++i) {
            if (matches(m_connections[i]) && m_connections[i].guard->isEvictable()) {
                m_connections.takeAt(i).guard->evict();
                return true;
            }
        }
        return false;
    };
    if (std::count_if(m_connections.cbegin(), m_connections.cend(), fromIp) >=
            m_caps.connectionsPerIp &&
        !evictOldest(fromIp))
        return false;
    if (m_connections.size() >= m_caps.connections &&
        !evictOldest([](const Connection &) { return true; }))
        return false;
    return true;
}

} // namespace moim::server
