#include "local_request_gate.h"

#include "api_server.h"
#include "server_logging.h"

namespace moim::server {

bool LocalRequestGate::hostIsLoopback(const QByteArray &host) const
{
    const qsizetype colon = host.lastIndexOf(':');
    if (colon <= 0 || host.endsWith(']'))
        return false; // the port is required: Host names exactly this server
    bool portOk = false;
    const uint port = host.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port != m_port)
        return false;
    const QByteArray name = host.left(colon).toLower();
    return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

bool LocalRequestGate::admits(const QHttpServerRequest &request) const
{
    if (!request.remoteAddress().isLoopback()) {
        qCWarning(lcAdmin) << "Local-only request refused from" << request.remoteAddress();
        return false;
    }
    if (!hostIsLoopback(ApiServer::header(request, "Host"))) {
        qCWarning(lcAdmin) << "Local-only request refused: Host"
                           << ApiServer::header(request, "Host");
        return false;
    }
    return true;
}

} // namespace moim::server
