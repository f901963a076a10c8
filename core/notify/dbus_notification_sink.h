#pragma once

#include "notification_sink.h"

#include <QDBusConnection>
#include <QHash>
#include <QStringList>
#include <optional>

class QDBusServiceWatcher;

namespace moim {

// Desktop notifications through org.freedesktop.Notifications on the session bus (the Desktop
// Notifications Specification 1.2). Asks the service what it can do before the first popup: the
// body is escaped where the service reads markup, the "open" action is offered where it shows
// actions. Every call is asynchronous; a missing service fails the notification (failed()) so
// the tray can show it instead.
class DBusNotificationSink : public NotificationSink
{
    Q_OBJECT

public:
    static constexpr auto Service = "org.freedesktop.Notifications";
    static constexpr auto Path = "/org/freedesktop/Notifications";
    static constexpr auto Interface = "org.freedesktop.Notifications";

    // On the session bus, reached at the first notification (not at start-up, which stays fast).
    explicit DBusNotificationSink(QObject *parent = nullptr);
    DBusNotificationSink(QDBusConnection bus, QObject *parent = nullptr);
    ~DBusNotificationSink() override;

    void show(const DesktopNotification &notification) override;
    // What the service said it can do, empty until it answered.
    QStringList capabilities() const { return m_capabilities; }

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onClosed(uint id, uint reason);

private:
    enum class ServiceState
    {
        Unknown, // not asked yet, or the service changed hands
        Asking,
        Ready,
        Missing // the last question went unanswered; asked again with the next notification
    };

    // Connects to the bus and its signals, once.
    void attach();
    void askCapabilities();
    void notifyNow(const DesktopNotification &notification);

    std::optional<QDBusConnection> m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    ServiceState m_state = ServiceState::Unknown;
    QStringList m_capabilities;
    QList<DesktopNotification> m_waiting;     // until the capabilities are known
    QHash<uint, DesktopNotification> m_shown; // by the service's id, until closed
    QHash<QString, uint> m_slots;             // slot → id of the notification shown there
};

} // namespace moim
