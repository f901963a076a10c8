#include "appearance_controller.h"

#include <QApplication>
#include <QPalette>

namespace moim::ui {

AppearanceController::AppearanceController(QApplication &app, Preferences *preferences,
                                           QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_preferences(preferences)
    , m_desktop(std::move(bus))
    // Read before Moim sets its own palette: a dark platform theme (KDE, a dark GTK theme
    // through the platform plugin) is a system preference too.
    , m_platformScheme(app.palette().color(QPalette::Window).lightness() < 128 ? ColorScheme::Dark
                                                                               : ColorScheme::Light)
{
    connect(m_preferences, &Preferences::appearanceChanged, this, [this] { update(); });
    connect(&m_desktop, &DesktopColorScheme::preferenceChanged, this, [this] { update(); });
    update(true);
}

void AppearanceController::update(bool force)
{
    const ColorScheme resolved = DesktopColorScheme::resolve(
        m_preferences->appearance(), m_desktop.preference(), m_platformScheme);
    const Theme::Scheme scheme =
        resolved == ColorScheme::Dark ? Theme::Scheme::Dark : Theme::Scheme::Light;
    if (!force && scheme == m_scheme)
        return;
    m_scheme = scheme;
    Theme::apply(m_app, scheme);
    Q_EMIT schemeChanged(scheme);
}

} // namespace moim::ui
