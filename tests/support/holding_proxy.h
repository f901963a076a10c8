#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace moim::test {

// A TCP proxy in front of the real server that can hold every connection until released: lets
// a test see what the client shows *before* the server has answered, without faking the answer.
// It can also play a network that goes away under open connections without closing them (a
// half-open link, as after a suspend or a changed network).
class HoldingProxy : public QObject
{
    Q_OBJECT

public:
    explicit HoldingProxy(QUrl upstream, QObject *parent = nullptr);
    ~HoldingProxy() override;

    bool listen();
    QUrl url() const;
    void hold() { m_holding = true; }
    // Connects every held connection to the server and stops holding.
    void release();
    int heldConnections() const;

    // Stops forwarding in both directions and closes nothing: bytes and closes wait, and new
    // connections are accepted but get no answer.
    void stall();
    // Forwards again: what waited flows (a side that closed meanwhile closes the other), and the
    // connections that waited reach the server.
    void resume();
    bool isStalled() const { return m_stalled; }
    // The connections open now die silently for good (nothing they carry arrives, and neither
    // side hears of it) while new ones go through: a suspend from which the network came back.
    void blackHoleOpenConnections();
    // Connections accepted so far.
    int acceptedConnections() const { return m_accepted; }

private:
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        QByteArray pending;  // client to server, not yet forwarded
        QByteArray toClient; // server to client, not yet forwarded
        bool clientClosed = false;
        bool upstreamClosed = false;
        bool blackHoled = false;
    };
    void onNewConnection();
    void connectUpstream(Link *link);
    void forward(Link *link);

    QUrl m_upstream;
    QTcpServer m_server;
    bool m_holding = false;
    bool m_stalled = false;
    int m_accepted = 0;
    QList<Link *> m_links;
};

} // namespace moim::test
