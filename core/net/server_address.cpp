#include "server_address.h"

#include "protocol/protocol.h"

#include <QHostAddress>

namespace moim {

using namespace Qt::StringLiterals;

ServerAddress ServerAddress::parse(const QString &text)
{
    ServerAddress address;
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        address.m_problem = Problem::Malformed;
        return address;
    }
    const QString scheme = url.scheme();
    if (scheme != "http"_L1 && scheme != "https"_L1) {
        address.m_problem = Problem::UnsupportedScheme;
        return address;
    }
    if (scheme == "http"_L1 && !isLoopbackHost(url.host())) {
        address.m_problem = Problem::InsecureRemote;
        return address;
    }
    QUrl base;
    base.setScheme(scheme);
    base.setHost(url.host());
    base.setPort(url.port());
    address.m_url = base;
    address.m_problem = Problem::None;
    return address;
}

bool ServerAddress::isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress parsed(host);
    return !parsed.isNull() && parsed.isLoopback();
}

QUrl ServerAddress::eventsUrl() const
{
    return socketUrl(protocol::path::Events);
}

QUrl ServerAddress::socketUrl(QLatin1StringView path) const
{
    QUrl url = resolve(path);
    url.setScheme(m_url.scheme() == "https"_L1 ? u"wss"_s : u"ws"_s);
    return url;
}

QUrl ServerAddress::resolve(QLatin1StringView path) const
{
    QUrl url = m_url;
    url.setPath(QString(path));
    return url;
}

QString ServerAddress::key() const
{
    const int port = m_url.port(m_url.scheme() == "https"_L1 ? 443 : 80);
    QString host = m_url.host();
    host.replace(u':', u'-'); // IPv6 literals
    return u"%1_%2"_s.arg(host).arg(port);
}

} // namespace moim
