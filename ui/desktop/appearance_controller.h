#pragma once

#include "platform/desktop_color_scheme.h"
#include "storage/preferences.h"
#include "theme/theme.h"

#include <QObject>

class QApplication;

namespace moim::ui {

// Keeps Moim's palette what the user chose: Light, Dark, or the system's, following the
// desktop portal as the user flips their desktop between light and dark. Where no portal
// answers, "System" goes by the palette the platform gave the application at start.
class AppearanceController : public QObject
{
    Q_OBJECT

public:
    AppearanceController(QApplication &app, Preferences *preferences,
                         QDBusConnection bus = QDBusConnection::sessionBus(),
                         QObject *parent = nullptr);

    Theme::Scheme scheme() const { return m_scheme; }
    // What the desktop asks for, for Preferences to explain "System".
    DesktopColorScheme::Preference desktopPreference() const { return m_desktop.preference(); }
    bool desktopAnswered() const { return m_desktop.portalAnswered(); }

Q_SIGNALS:
    void schemeChanged(moim::ui::Theme::Scheme scheme);

private:
    void update(bool force = false);

    QApplication &m_app;
    Preferences *m_preferences;
    DesktopColorScheme m_desktop;
    ColorScheme m_platformScheme;
    Theme::Scheme m_scheme = Theme::Scheme::Light;
};

} // namespace moim::ui
