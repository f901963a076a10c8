#pragma once

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace moim::server {

// The TCP listener under the HTTP server, which remembers the connection whose request is being
// handled. QtHttpServer 6.4 gives handlers no way to learn whether their client is still there,
// and writing a late (asynchronous) answer to a connection that closed meanwhile crashes it
// (its QFuture replies included). A handler that answers later keeps currentConnection() and
// answers only while it is alive.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit HttpListener(QObject *parent = nullptr)
        : QTcpServer(parent)
    {}

    // The connection whose readyRead is being processed; valid inside a route handler.
    QPointer<QTcpSocket> currentConnection() const { return m_current; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QPointer<QTcpSocket> m_current;
};

} // namespace moim::server
