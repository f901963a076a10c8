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
        auto *link = new Link{client, nullptr, {}};
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [link] {
            if (link->upstream && link->upstream->state() == QAbstractSocket::ConnectedState)
                link->upstream->write(link->client->readAll());
            else
                link->pending += link->client->readAll();
        });
        connect(client, &QTcpSocket::disconnected, this, [link] {
            if (link->upstream)
                link->upstream->disconnectFromHost();
        });
        if (!m_holding)
            connectUpstream(link);
    }
}

void HoldingProxy::connectUpstream(Link *link)
{
    link->upstream = new QTcpSocket(this);
    connect(link->upstream, &QTcpSocket::connected, this, [link] {
        link->upstream->write(link->pending);
        link->pending.clear();
    });
    connect(link->upstream, &QTcpSocket::readyRead, this,
            [link] { link->client->write(link->upstream->readAll()); });
    connect(link->upstream, &QTcpSocket::disconnected, this,
            [link] { link->client->disconnectFromHost(); });
    link->upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
}

void HoldingProxy::release()
{
    m_holding = false;
    for (Link *link : std::as_const(m_links)) {
        if (!link->upstream)
            connectUpstream(link);
    }
}

} // namespace moim::test
