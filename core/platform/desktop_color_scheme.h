#pragma once

#include "storage/preferences.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QObject>

namespace moim {

enum class ColorScheme
{
    Light,
    Dark
};

// The desktop's light/dark preference, read from the XDG desktop portal
// (org.freedesktop.appearance color-scheme) and followed while Moim runs. Qt 6.4 has no
// QStyleHints::colorScheme, so Moim asks the portal itself over D-Bus.
class DesktopColorScheme : public QObject
{
    Q_OBJECT

public:
    // The portal's values, as the specification numbers them.
    enum class Preference
    {
        NoPreference = 0,
        PreferDark = 1,
        PreferLight = 2
    };
    Q_ENUM(Preference)

    static constexpr auto PortalService = "org.freedesktop.portal.Desktop";
    static constexpr auto PortalPath = "/org/freedesktop/portal/desktop";
    static constexpr auto SettingsInterface = "org.freedesktop.portal.Settings";
    static constexpr auto AppearanceNamespace = "org.freedesktop.appearance";
    static constexpr auto ColorSchemeKey = "color-scheme";

    // Reads the preference at once when a portal is running (so the first window already has
    // the right colours). A portal that is not running is never started; when one starts
    // later, it is read then and followed.
    explicit DesktopColorScheme(QDBusConnection bus = QDBusConnection::sessionBus(),
                                QObject *parent = nullptr);

    Preference preference() const { return m_preference; }
    // True once a portal answered the question.
    bool portalAnswered() const { return m_portalAnswered; }

    // What to show: the user's explicit choice, or under "System" the desktop's preference,
    // and `fallback` when the desktop has none.
    static ColorScheme resolve(Preferences::Appearance choice, Preference desktop,
                               ColorScheme fallback);

Q_SIGNALS:
    void preferenceChanged(moim::DesktopColorScheme::Preference preference);

private Q_SLOTS:
    void onSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void setPreference(const QVariant &value);
    static QDBusMessage readRequest();

    QDBusConnection m_bus;
    Preference m_preference = Preference::NoPreference;
    bool m_portalAnswered = false;
};

} // namespace moim
