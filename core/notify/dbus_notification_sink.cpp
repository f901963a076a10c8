#include "dbus_notification_sink.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcDBusNotify, "moim.core.notify.dbus")

namespace moim {

using namespace Qt::StringLiterals;

namespace {

QString service()
{
    return QString::fromLatin1(DBusNotificationSink::Service);
}
QString path()
{
    return QString::fromLatin1(DBusNotificationSink::Path);
}
QString interface()
{
    return QString::fromLatin1(DBusNotificationSink::Interface);
}

// NotificationClosed reasons of the specification.
constexpr uint ClosedExpired = 1;
// Notifications whose action can still be invoked (from the service's history, say).
constexpr qsizetype MaxRemembered = 100;

} // namespace

DBusNotificationSink::DBusNotificationSink(QObject *parent)
    : NotificationSink(parent)
{}

DBusNotificationSink::DBusNotificationSink(QDBusConnection bus, QObject *parent)
    : NotificationSink(parent)
    , m_bus(std::move(bus))
{
    attach();
}

void DBusNotificationSink::attach()
{
    if (m_watcher)
        return;
    if (!m_bus)
        m_bus = QDBusConnection::sessionBus();
    m_watcher =
        new QDBusServiceWatcher(service(), *m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    m_bus->connect(service(), path(), interface(), u"ActionInvoked"_s, this,
                   SLOT(onActionInvoked(uint, QString)));
    m_bus->connect(service(), path(), interface(), u"NotificationClosed"_s, this,
                   SLOT(onClosed(uint, uint)));
    // Another notification service took over (or the first one started): ask it afresh.
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, [this] {
        if (m_state != ServiceState::Asking)
            m_state = ServiceState::Unknown;
        m_shown.clear();
        m_slots.clear();
    });
}

DBusNotificationSink::~DBusNotificationSink() = default;

void DBusNotificationSink::show(const DesktopNotification &notification)
{
    attach();
    if (!m_bus->isConnected()) {
        Q_EMIT failed(notification);
        return;
    }
    if (m_state == ServiceState::Ready) {
        notifyNow(notification);
        return;
    }
    m_waiting.append(notification);
    if (m_state != ServiceState::Asking)
        askCapabilities();
}

void DBusNotificationSink::askCapabilities()
{
    m_state = ServiceState::Asking;
    const QDBusMessage call =
        QDBusMessage::createMethodCall(service(), path(), interface(), u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(m_bus->asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<QStringList> reply = *finished;
                const QList<DesktopNotification> waiting = std::exchange(m_waiting, {});
                if (reply.isError()) {
                    m_state = ServiceState::Missing;
                    qCInfo(lcDBusNotify) << "no notification service:" << reply.error().name();
                    for (const DesktopNotification &notification : waiting)
                        Q_EMIT failed(notification);
                    return;
                }
                m_state = ServiceState::Ready;
                m_capabilities = reply.value();
                for (const DesktopNotification &notification : waiting)
                    notifyNow(notification);
            });
}

void DBusNotificationSink::notifyNow(const DesktopNotification &notification)
{
    // Markup-reading services would take "<b>" in a message for formatting, or "&" for an
    // entity: the body is always shown as the plain text it is.
    const QString body = m_capabilities.contains(u"body-markup"_s)
                             ? notification.body.toHtmlEscaped()
                             : notification.body;
    QStringList actions;
    if (m_capabilities.contains(u"actions"_s) && !notification.conversationId.isEmpty())
        actions = {u"default"_s, notification.actionLabel};
    QVariantMap hints{{u"desktop-entry"_s, u"moim"_s},
                      {u"category"_s, u"im.received"_s},
                      {u"urgency"_s, QVariant::fromValue(uchar(1))}};
    if (notification.sound)
        hints.insert(u"sound-name"_s, u"message-new-instant"_s);
    else
        hints.insert(u"suppress-sound"_s, true);
    const uint replaces = notification.slot.isEmpty() ? 0 : m_slots.value(notification.slot);

    QDBusMessage call = QDBusMessage::createMethodCall(service(), path(), interface(), u"Notify"_s);
    call << u"Moim"_s << replaces << u"moim"_s << notification.title << body << actions << hints
         << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus->asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notification](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCInfo(lcDBusNotify) << "Notify failed:" << reply.error().name();
                    m_state = ServiceState::Unknown;
                    Q_EMIT failed(notification);
                    return;
                }
                const uint id = reply.value();
                // Ids only grow; the oldest are forgotten first (their popups are long gone).
                while (m_shown.size() >= MaxRemembered)
                    m_shown.remove(*std::min_element(m_shown.keyBegin(), m_shown.keyEnd()));
                m_shown.insert(id, notification);
                if (!notification.slot.isEmpty())
                    m_slots.insert(notification.slot, id);
            });
}

void DBusNotificationSink::onActionInvoked(uint id, const QString &actionKey)
{
    const auto found = m_shown.constFind(id);
    if (found == m_shown.cend() || actionKey != "default"_L1)
        return;
    Q_EMIT activated(found->workspaceId, found->conversationId);
}

void DBusNotificationSink::onClosed(uint id, uint reason)
{
    const auto found = m_shown.constFind(id);
    if (found == m_shown.cend())
        return;
    if (!found->slot.isEmpty() && m_slots.value(found->slot) == id)
        m_slots.remove(found->slot);
    // An expired popup may still sit in the service's history, where a click opens it.
    if (reason != ClosedExpired)
        m_shown.remove(id);
}

} // namespace moim
