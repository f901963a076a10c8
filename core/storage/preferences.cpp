#include "preferences.h"

#include <QSettings>

namespace moim {

using namespace Qt::StringLiterals;

namespace {
const auto KeyCloseToTray = u"desktop/closeToTray"_s;
const auto KeyTrayHintShown = u"desktop/trayHintShown"_s;
const auto KeyAppearance = u"appearance/colorScheme"_s;
const auto KeyProxyMode = u"network/proxyMode"_s;
const auto KeyProxyType = u"network/proxyType"_s;
const auto KeyProxyHost = u"network/proxyHost"_s;
const auto KeyProxyPort = u"network/proxyPort"_s;

QString appearanceName(Preferences::Appearance appearance)
{
    switch (appearance) {
    case Preferences::Appearance::Light:
        return u"light"_s;
    case Preferences::Appearance::Dark:
        return u"dark"_s;
    case Preferences::Appearance::System:
        break;
    }
    return u"system"_s;
}
} // namespace

Preferences::Preferences(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{}

Preferences::~Preferences() = default;

bool Preferences::closeToTray() const
{
    return m_settings->value(KeyCloseToTray, true).toBool();
}

void Preferences::setCloseToTray(bool enabled)
{
    if (enabled == closeToTray())
        return;
    m_settings->setValue(KeyCloseToTray, enabled);
    Q_EMIT closeToTrayChanged(enabled);
}

Preferences::Appearance Preferences::appearance() const
{
    const QString name = m_settings->value(KeyAppearance).toString();
    if (name == "light"_L1)
        return Appearance::Light;
    if (name == "dark"_L1)
        return Appearance::Dark;
    return Appearance::System;
}

void Preferences::setAppearance(Appearance appearance)
{
    if (appearance == this->appearance())
        return;
    m_settings->setValue(KeyAppearance, appearanceName(appearance));
    Q_EMIT appearanceChanged(appearance);
}

ProxySettings Preferences::proxy() const
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::modeFromName(m_settings->value(KeyProxyMode).toString());
    proxy.type = ProxySettings::typeFromName(m_settings->value(KeyProxyType).toString());
    proxy.host = m_settings->value(KeyProxyHost).toString();
    proxy.port = m_settings->value(KeyProxyPort, 0).toInt();
    // A hand-edited file with a broken manual proxy falls back to the system's settings.
    if (!proxy.isValid())
        proxy.mode = ProxySettings::Mode::System;
    return proxy;
}

bool Preferences::setProxy(const ProxySettings &proxy)
{
    if (!proxy.isValid())
        return false;
    if (proxy == this->proxy())
        return true;
    m_settings->setValue(KeyProxyMode, ProxySettings::modeName(proxy.mode));
    m_settings->setValue(KeyProxyType, ProxySettings::typeName(proxy.type));
    m_settings->setValue(KeyProxyHost, proxy.host.trimmed());
    m_settings->setValue(KeyProxyPort, proxy.port);
    Q_EMIT proxyChanged(proxy);
    return true;
}

bool Preferences::trayHintShown() const
{
    return m_settings->value(KeyTrayHintShown, false).toBool();
}

void Preferences::setTrayHintShown()
{
    m_settings->setValue(KeyTrayHintShown, true);
}

} // namespace moim
