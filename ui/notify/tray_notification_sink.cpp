#include "tray_notification_sink.h"

#include <QLoggingCategory>
#include <QSystemTrayIcon>
#include <QTextDocument>

Q_LOGGING_CATEGORY(lcTrayNotify, "moim.ui.notify.tray")

namespace moim::ui {

TrayNotificationSink::TrayNotificationSink(QObject *parent)
    : NotificationSink(parent)
{}

void TrayNotificationSink::setTrayIcon(QSystemTrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (!m_tray)
        return;
    m_saidNoTray = false;
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_last.conversationId.isEmpty())
            Q_EMIT activated(m_last.workspaceId, m_last.conversationId);
    });
}

void TrayNotificationSink::show(const DesktopNotification &notification)
{
    if (!m_tray) {
        if (!m_saidNoTray) {
            m_saidNoTray = true;
            qCInfo(lcTrayNotify) << "no notification service and no tray icon: desktop "
                                    "notifications are not shown";
        }
        return;
    }
    m_last = notification;
    // The balloon guesses whether its text is markup; as explicit rich text made from plain
    // text, a message is shown exactly as written.
    m_tray->showMessage(notification.title, Qt::convertFromPlainText(notification.body),
                        QSystemTrayIcon::Information, BalloonMilliseconds);
}

} // namespace moim::ui
