#pragma once

#include "notify/notification_sink.h"

#include <QPointer>
#include <QSystemTrayIcon>

namespace moim::ui {

// The fallback where the desktop has no notification service: a balloon from the tray icon of
// whoever owns the tray (given with setTrayIcon). Without a tray icon there is nowhere to show
// anything; that is said once in the log, and notifications are dropped quietly after that.
class TrayNotificationSink : public NotificationSink
{
    Q_OBJECT

public:
    explicit TrayNotificationSink(QObject *parent = nullptr);

    void setTrayIcon(QSystemTrayIcon *tray);
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    void show(const DesktopNotification &notification) override;

    static constexpr int BalloonMilliseconds = 8000;

private:
    QPointer<QSystemTrayIcon> m_tray;
    DesktopNotification m_last; // what a click on the balloon opens
    bool m_saidNoTray = false;
};

} // namespace moim::ui
