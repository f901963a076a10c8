#include "holding_proxy.h"

#include <QTcpSocket>

namespace moim::test {

using namespace Qt::StringLiterals;

HoldingProxy::HoldingProxy(QUrl upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(std::move(upstream))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HoldingProxy::onNewConnection);
}

HoldingProxy::~HoldingProxy()
{
    // Sockets first, silenced: their handlers refer to the links.
    for (Link *link : std::as_const(m_links)) {
        for (QTcpSocket *socket : {link->client, link->upstream}) {
            if (socket) {
                socket->disconnect();
                delete socket;
            }
        }
        delete link;
    }
}

bool HoldingProxy::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl HoldingProxy::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

int HoldingProxy::heldConnections() const
{
    int held = 0;
    for (const Link *link : m_links)
        held += link->upstream ? 0 : 1;
    return held;
}

void HoldingProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_accepted;
        auto *link = new Link{client, nullptr, {}, {}, false, false, false};
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [this, link] {
            link->pending += link->client->readAll();
            forward(link);
        });
        connect(client, &QTcpSocket::disconnected, this, [this, link] {
            link->clientClosed = true;
            forward(link);
        });
        if (!m_holding && !m_stalled)
            connectUpstream(link);
    }
}

void HoldingProxy::connectUpstream(Link *link)
{
    link->upstream = new QTcpSocket(this);
    connect(link->upstream, &QTcpSocket::connected, this, [this, link] { forward(link); });
    connect(link->upstream, &QTcpSocket::readyRead, this, [this, link] {
        link->toClient += link->upstream->readAll();
        forward(link);
    });
    connect(link->upstream, &QTcpSocket::disconnected, this, [this, link] {
        link->upstreamClosed = true;
        forward(link);
    });
    link->upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
}

void HoldingProxy::forward(Link *link)
{
    if (link->blackHoled) {
        link->pending.clear();
        link->toClient.clear();
        return;
    }
    if (m_stalled)
        return;
    const bool upstreamUp =
        link->upstream && link->upstream->state() == QAbstractSocket::ConnectedState;
    if (upstreamUp && !link->pending.isEmpty()) {
        link->upstream->write(link->pending);
        link->pending.clear();
    }
    if (!link->toClient.isEmpty() && link->client->state() == QAbstractSocket::ConnectedState) {
        link->client->write(link->toClient);
        link->toClient.clear();
    }
    if (link->clientClosed && upstreamUp)
        link->upstream->disconnectFromHost();
    if (link->upstreamClosed && link->client->state() == QAbstractSocket::ConnectedState)
        link->client->disconnectFromHost();
}

void HoldingProxy::release()
{
    m_holding = false;
    if (m_stalled)
        return;
    for (Link *link : std::as_const(m_links)) {
        if (!link->upstream)
            connectUpstream(link);
    }
}

void HoldingProxy::stall()
{
    m_stalled = true;
}

void HoldingProxy::resume()
{
    m_stalled = false;
    const QList<Link *> links = m_links;
    for (Link *link : links) {
        if (!link->upstream && !m_holding && !link->clientClosed)
            connectUpstream(link);
        else if (link->upstream)
            forward(link);
    }
}

void HoldingProxy::blackHoleOpenConnections()
{
    for (Link *link : std::as_const(m_links)) {
        link->blackHoled = true;
        link->pending.clear();
        link->toClient.clear();
    }
}

} // namespace moim::test
