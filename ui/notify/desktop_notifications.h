#pragma once

#include "notify/dbus_notification_sink.h"
#include "notify/notification_router.h"
#include "translated_notification_texts.h"
#include "tray_notification_sink.h"

#include <QObject>

class QSystemTrayIcon;

namespace moim::ui {

// Where this Moim's desktop notifications go: the desktop's notification service over D-Bus,
// and the tray as the fallback when there is none. Whoever owns the tray icon hands it in with
// setTrayIcon(); until then the fallback has nowhere to show (and says so once).
class DesktopNotifications : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifications(QObject *parent = nullptr);

    NotificationSink *sink() { return &m_router; }
    const NotificationTexts *texts() const { return &m_texts; }
    void setTrayIcon(QSystemTrayIcon *tray) { m_tray.setTrayIcon(tray); }

private:
    DBusNotificationSink m_dbus;
    TrayNotificationSink m_tray;
    NotificationRouter m_router;
    TranslatedNotificationTexts m_texts;
};

} // namespace moim::ui
