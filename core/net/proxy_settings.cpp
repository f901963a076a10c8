#include "proxy_settings.h"

#include <QHostAddress>
#include <QNetworkProxyFactory>
#include <QRegularExpression>

namespace moim {

using namespace Qt::StringLiterals;

ProxySettings::Problem ProxySettings::problem() const
{
    if (mode != Mode::Manual)
        return Problem::None;
    const QString name = host.trimmed();
    if (name.isEmpty())
        return Problem::MissingHost;
    // A host name (labels of letters, digits and hyphens) or an IP address, nothing more: a
    // pasted "http://proxy:3128" is pointed out rather than guessed at.
    static const QRegularExpression hostName(
        u"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
        "[A-Za-z0-9])?)*\\.?$"_s);
    if (QHostAddress address; !address.setAddress(name) && !hostName.match(name).hasMatch())
        return Problem::InvalidHost;
    if (port < 1 || port > 65535)
        return Problem::InvalidPort;
    return Problem::None;
}

QNetworkProxy ProxySettings::manualProxy() const
{
    return QNetworkProxy(type == Type::Socks5 ? QNetworkProxy::Socks5Proxy
                                              : QNetworkProxy::HttpProxy,
                         host.trimmed(), quint16(port));
}

bool ProxySettings::apply() const
{
    if (!isValid())
        return false;
    switch (mode) {
    case Mode::System:
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        break;
    case Mode::None:
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case Mode::Manual:
        QNetworkProxy::setApplicationProxy(manualProxy());
        break;
    }
    return true;
}

QString ProxySettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::None:
        return u"none"_s;
    case Mode::Manual:
        return u"manual"_s;
    case Mode::System:
        break;
    }
    return u"system"_s;
}

ProxySettings::Mode ProxySettings::modeFromName(const QString &name)
{
    if (name == "none"_L1)
        return Mode::None;
    if (name == "manual"_L1)
        return Mode::Manual;
    return Mode::System;
}

QString ProxySettings::typeName(Type type)
{
    return type == Type::Socks5 ? u"socks5"_s : u"http"_s;
}

ProxySettings::Type ProxySettings::typeFromName(const QString &name)
{
    return name == "socks5"_L1 ? Type::Socks5 : Type::Http;
}

} // namespace moim
