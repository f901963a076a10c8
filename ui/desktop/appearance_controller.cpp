#include "appearance_controller.h"

#include <QApplication>
#include <QKeyEvent>
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
    connect(m_preferences, &Preferences::textSizeChanged, this, [this](int percent) {
        Theme::apply(m_app, m_scheme, percent);
        Q_EMIT textSizeChanged(percent);
    });
    update(true);
    // Ctrl+= / Ctrl+- / Ctrl+0 in every window, the sign-in window and dialogs included.
    m_app.installEventFilter(this);
}

int AppearanceController::textSizeFor(const QKeyEvent &event, int current)
{
    const Qt::KeyboardModifiers modifiers = event.modifiers() & ~Qt::KeypadModifier;
    // "+" takes Shift on most keyboards, "=" beside it does not: both make text larger.
    if (modifiers == Qt::ControlModifier ||
        modifiers == (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (event.key() == Qt::Key_Plus || event.key() == Qt::Key_Equal)
            return Preferences::steppedTextSize(current, +1);
    }
    if (modifiers == Qt::ControlModifier) {
        if (event.key() == Qt::Key_Minus)
            return Preferences::steppedTextSize(current, -1);
        if (event.key() == Qt::Key_0)
            return 100;
    }
    return 0;
}

bool AppearanceController::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && watched->isWidgetType()) {
        const int percent =
            textSizeFor(*static_cast<QKeyEvent *>(event), m_preferences->textSize());
        if (percent > 0) {
            m_preferences->setTextSize(percent);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
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
    Theme::apply(m_app, scheme, m_preferences->textSize());
    Q_EMIT schemeChanged(scheme);
}

} // namespace moim::ui
