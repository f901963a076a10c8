#include "notification_recorder.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QUuid>

namespace moim::test {

using namespace Qt::StringLiterals;

namespace {
const auto Service = u"org.freedesktop.Notifications"_s;
const auto Path = u"/org/freedesktop/Notifications"_s;
} // namespace

NotificationRecorder::NotificationRecorder(QStringList capabilities, QObject *parent)
    : QObject(parent)
    , m_capabilities(std::move(capabilities))
    , m_connectionName(u"notification-recorder-"_s + QUuid::createUuid().toString(QUuid::Id128))
    , m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName))
{}

NotificationRecorder::~NotificationRecorder()
{
    stop();
    QDBusConnection::disconnectFromBus(m_connectionName);
}

bool NotificationRecorder::start()
{
    if (!m_bus.isConnected())
        return false;
    return m_bus.registerObject(Path, this, QDBusConnection::ExportScriptableContents) &&
           m_bus.registerService(Service);
}

void NotificationRecorder::stop()
{
    if (!m_bus.isConnected())
        return;
    m_bus.unregisterService(Service);
    m_bus.unregisterObject(Path);
}

int NotificationRecorder::popupCount() const
{
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(),
                             [](const Call &call) { return !call.replaced; }));
}

QStringList NotificationRecorder::GetCapabilities()
{
    return m_capabilities;
}

uint NotificationRecorder::Notify(const QString &appName, uint replacesId, const QString &appIcon,
                                  const QString &summary, const QString &body,
                                  const QStringList &actions, const QVariantMap &hints,
                                  int expireTimeout)
{
    // As the specification says: replacing one still shown keeps its id; otherwise a new one.
    const bool replaces = replacesId != 0 && m_open.contains(replacesId);
    const uint id = replaces ? replacesId : m_nextId++;
    if (!replaces)
        m_open.append(id);
    m_calls.append(
        {id, appName, replacesId, replaces, appIcon, summary, body, actions, hints, expireTimeout});
    Q_EMIT notified(summary, body);
    return id;
}

void NotificationRecorder::CloseNotification(uint id)
{
    close(id, 3);
}

QString NotificationRecorder::GetServerInformation(QString &vendor, QString &version,
                                                   QString &specVersion)
{
    vendor = u"Moim tests"_s;
    version = u"1"_s;
    specVersion = u"1.2"_s;
    return u"notification-recorder"_s;
}

void NotificationRecorder::invokeAction(uint id, const QString &actionKey)
{
    Q_EMIT ActionInvoked(id, actionKey);
    close(id, 2);
}

void NotificationRecorder::close(uint id, uint reason)
{
    if (!m_open.removeOne(id))
        return;
    Q_EMIT NotificationClosed(id, reason);
}

} // namespace moim::test
