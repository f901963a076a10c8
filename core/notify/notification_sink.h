#pragma once

#include "desktop_notification.h"

#include <QObject>

namespace moim {

// Where desktop notifications go: the notification service of the desktop, the tray, or
// (in tests) a recorder. A sink shows what it is given and reports when the user activates it.
class NotificationSink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void show(const DesktopNotification &notification) = 0;

Q_SIGNALS:
    // The user clicked the notification or its action: open this conversation.
    void activated(const QString &workspaceId, const QString &conversationId);
    // The notification could not be shown here (no such service): another sink may try.
    void failed(const moim::DesktopNotification &notification);
};

} // namespace moim
