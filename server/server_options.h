#pragma once

#include "server_config.h"

#include <QStringList>

namespace moim::server {

// Parses the server's command line:
//   moim-mock-server [--listen HOST:PORT] [--data DIR] [--demo] [--dev-mailbox]
//                    [--min-client-version V]
//                    [--clock-offset SECONDS] [--allow-remote]
class ServerOptions
{
public:
    // False with a message (usage or error) when the arguments are not usable.
    static bool parse(const QStringList &arguments, ServerConfig *config, QString *message);
    // Splits "HOST:PORT", "[::1]:PORT" or "HOST" (default port).
    static bool parseListen(const QString &value, QString *host, quint16 *port);
};

} // namespace moim::server
