#pragma once

#include <QColor>
#include <QString>

class QApplication;

namespace moim::ui {

// Moim's look in one place: palette, type scale and spacing, for light and dark. Widgets name
// their role (objectName or the "role" property); the style sheet gives each role its look, so
// no widget hard-codes a colour.
class Theme
{
public:
    enum class Scheme
    {
        Light,
        Dark
    };

    struct Colors
    {
        QColor window, surface, sunken, text, mutedText, border, primary, primaryHover, primaryText,
            danger, dangerSurface, dangerBorder, warning, warningSurface, sidebar, sidebarText,
            selection, mention, mentionBar, meterWeak, meterFair, meterStrong;
    };

    static Colors colors(Scheme scheme);
    // With every font size at textPercent of its normal size.
    static QString styleSheet(Scheme scheme, int textPercent = 100);
    // Sets palette, font and style sheet for the whole application; again at any time to switch.
    // textPercent is the user's text size (Preferences, Ctrl+= / Ctrl+- / Ctrl+0): the
    // application font and every size in the style sheet grow with it.
    static void apply(QApplication &app, Scheme scheme, int textPercent = 100);
    static Scheme current();
    static int textPercent();
    // A size in pixels at the user's text size, for what paints its own text.
    static int scaled(int pixels);

    // Spacing steps (px at 1x): everything lines up on a 4 px grid.
    static constexpr int SpaceS = 8;
    static constexpr int SpaceM = 12;
    static constexpr int SpaceL = 16;
    static constexpr int SpaceXL = 24;
    static constexpr int SpaceXXL = 32;
};

} // namespace moim::ui
