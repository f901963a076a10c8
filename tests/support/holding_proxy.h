#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace moim::test {

// A TCP proxy in front of the real server that can hold every connection until released: lets
// a test see what the client shows *before* the server has answered, without faking the answer.
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

private:
    struct Link
    {
        QTcpSocket *client = nullptr;
        QTcpSocket *upstream = nullptr;
        QByteArray pending;
    };
    void onNewConnection();
    void connectUpstream(Link *link);

    QUrl m_upstream;
    QTcpServer m_server;
    bool m_holding = false;
    QList<Link *> m_links;
};

} // namespace moim::test
