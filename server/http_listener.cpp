#include "http_listener.h"

namespace moim::server {

void HttpListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Connected before the HTTP server connects its own handler, so this runs first for every
    // chunk of request data and the route handler that follows sees the right connection.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_current = socket; });
    addPendingConnection(socket);
}

} // namespace moim::server
