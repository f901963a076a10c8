#pragma once

#include "notification_sink.h"

#include <QPointer>

namespace moim {

// Sends every notification to the primary sink (the desktop's notification service) and, when
// that cannot show it, to the fallback (the tray). Activations of either come out as one.
class NotificationRouter : public NotificationSink
{
    Q_OBJECT

public:
    NotificationRouter(NotificationSink *primary, NotificationSink *fallback,
                       QObject *parent = nullptr);

    void show(const DesktopNotification &notification) override;
    void setFallback(NotificationSink *fallback);

private:
    QPointer<NotificationSink> m_primary;
    QPointer<NotificationSink> m_fallback;
};

} // namespace moim
