#pragma once

#include <QByteArray>
#include <QHttpServerRequest>

namespace moim::server {

// Pages and calls meant only for this machine (the admin API, the dev mailbox): the peer must
// be loopback and the Host header must name a loopback address with this server's port, which
// also defeats DNS rebinding from a browser.
class LocalRequestGate
{
public:
    void setPort(quint16 port) { m_port = port; }
    bool admits(const QHttpServerRequest &request) const;
    bool hostIsLoopback(const QByteArray &host) const;

private:
    quint16 m_port = 0;
};

} // namespace moim::server
