#pragma once

#include "platform/desktop_color_scheme.h"
#include "storage/preferences.h"
#include "theme/theme.h"

#include <QObject>

class QApplication;
class QKeyEvent;

namespace moim::ui {

// Keeps Moim's palette what the user chose: Light, Dark, or the system's, following the
// desktop portal as the user flips their desktop between light and dark. Where no portal
// answers, "System" goes by the palette the platform gave the application at start.
// It also keeps the text size, and takes Ctrl+= / Ctrl+- / Ctrl+0 in every window to change it.
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

    // The text size a key press asks for (Ctrl+=, Ctrl++, Ctrl+-, Ctrl+0), or 0 for another key.
    static int textSizeFor(const QKeyEvent &event, int current);

Q_SIGNALS:
    void schemeChanged(moim::ui::Theme::Scheme scheme);
    void textSizeChanged(int percent);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update(bool force = false);

    QApplication &m_app;
    Preferences *m_preferences;
    DesktopColorScheme m_desktop;
    ColorScheme m_platformScheme;
    Theme::Scheme m_scheme = Theme::Scheme::Light;
};

} // namespace moim::ui
