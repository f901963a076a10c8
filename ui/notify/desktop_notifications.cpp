#include "desktop_notifications.h"

namespace moim::ui {

DesktopNotifications::DesktopNotifications(QObject *parent)
    : QObject(parent)
    , m_router(&m_dbus, &m_tray)
{}

} // namespace moim::ui
