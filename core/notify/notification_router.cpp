#include "notification_router.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcNotifyRoute, "moim.core.notify")

namespace moim {

NotificationRouter::NotificationRouter(NotificationSink *primary, NotificationSink *fallback,
                                       QObject *parent)
    : NotificationSink(parent)
    , m_primary(primary)
{
    if (m_primary) {
        connect(m_primary, &NotificationSink::activated, this, &NotificationSink::activated);
        connect(m_primary, &NotificationSink::failed, this,
                [this](const DesktopNotification &notification) {
                    if (m_fallback) {
                        m_fallback->show(notification);
                        return;
                    }
                    Q_EMIT failed(notification);
                });
    }
    setFallback(fallback);
}

void NotificationRouter::setFallback(NotificationSink *fallback)
{
    if (m_fallback)
        disconnect(m_fallback, nullptr, this, nullptr);
    m_fallback = fallback;
    if (!m_fallback)
        return;
    connect(m_fallback, &NotificationSink::activated, this, &NotificationSink::activated);
    connect(m_fallback, &NotificationSink::failed, this, &NotificationSink::failed);
}

void NotificationRouter::show(const DesktopNotification &notification)
{
    if (m_primary)
        m_primary->show(notification);
    else if (m_fallback)
        m_fallback->show(notification);
    else
        qCWarning(lcNotifyRoute) << "no notification sink: a notification was dropped";
}

} // namespace moim
