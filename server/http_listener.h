#pragma once

#include "connection_guard.h"

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace moim::server {

// The TCP listener under the HTTP server. It puts a ConnectionGuard (the transport limits of
// docs/protocol.md "Transport") in front of every connection, caps open connections overall and
// per IP address, and remembers the connection whose request is being handled: QtHttpServer 6.4
// gives handlers no way to learn whether their client is still there, and writing a late
// (asynchronous) answer to a connection that closed meanwhile crashes it (its QFuture replies
// included). A handler that answers later keeps currentConnection() and answers only while it is
// alive.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    struct Caps
    {
        int connections = 512;
        int connectionsPerIp = 128;
    };

    HttpListener(const ConnectionGuard::Limits &limits, Caps caps, QObject *parent = nullptr);

    // Keeps the memory of request bodies for the next ones (call once, before serving). Every
    // piece of a file is several MiB read into fresh buffers; glibc maps buffers that large
    // afresh and returns them on free, so each byte received cost a page fault (bench_files:
    // uploads 10 to 20 times slower). What is kept is bounded by the body limits.
    static void keepLargeBuffers();

    // The connection whose readyRead is being processed; valid inside a route handler.
    QPointer<QTcpSocket> currentConnection() const { return m_current; }

    // The address as the server saw it, IPv4-mapped IPv6 written as IPv4.
    static QString ipOf(const QHostAddress &address);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Connection
    {
        QPointer<ConnectionGuard> guard;
        QString ip;
    };

    // Makes room for one more connection from ip by closing the oldest one that is not being
    // answered; false when every connection is busy.
    bool makeRoom(const QString &ip);

    ConnectionGuard::Limits m_limits;
    Caps m_caps;
    QList<Connection> m_connections; // oldest first
    QPointer<QTcpSocket> m_current;
};

} // namespace moim::server
