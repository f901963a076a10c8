#include "preferences.h"

#include <QSettings>
#include <algorithm>
#include <cstdlib>

namespace moim {

using namespace Qt::StringLiterals;

namespace {
const auto KeyCloseToTray = u"desktop/closeToTray"_s;
const auto KeyTrayHintShown = u"desktop/trayHintShown"_s;
const auto KeyAppearance = u"appearance/colorScheme"_s;
const auto KeyLanguage = u"appearance/language"_s;
const auto KeyTextSize = u"appearance/textSize"_s;
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

QString Preferences::language() const
{
    const QString language = m_settings->value(KeyLanguage).toString();
    // A hand-edited file with another language follows the system.
    return language == "ko"_L1 || language == "en"_L1 ? language : QString();
}

bool Preferences::setLanguage(const QString &language)
{
    if (!language.isEmpty() && language != "ko"_L1 && language != "en"_L1)
        return false;
    if (language == this->language())
        return true;
    m_settings->setValue(KeyLanguage, language);
    Q_EMIT languageChanged(language);
    return true;
}

QList<int> Preferences::textSizeSteps()
{
    return {80, 90, 100, 110, 125, 150, 175, 200};
}

int Preferences::textSize() const
{
    const int percent = m_settings->value(KeyTextSize, 100).toInt();
    // A hand-edited size between steps snaps to the nearest one.
    const QList<int> steps = textSizeSteps();
    return *std::min_element(steps.begin(), steps.end(), [percent](int a, int b) {
        return std::abs(a - percent) < std::abs(b - percent);
    });
}

void Preferences::setTextSize(int percent)
{
    if (!textSizeSteps().contains(percent) || percent == textSize())
        return;
    m_settings->setValue(KeyTextSize, percent);
    Q_EMIT textSizeChanged(percent);
}

int Preferences::steppedTextSize(int percent, int direction)
{
    const QList<int> steps = textSizeSteps();
    if (direction > 0) {
        const auto larger = std::upper_bound(steps.begin(), steps.end(), percent);
        return larger == steps.end() ? steps.last() : *larger;
    }
    if (direction < 0) {
        const auto notSmaller = std::lower_bound(steps.begin(), steps.end(), percent);
        return notSmaller == steps.begin() ? steps.first() : *std::prev(notSmaller);
    }
    return percent;
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
