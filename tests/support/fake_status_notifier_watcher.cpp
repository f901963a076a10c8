#include "fake_status_notifier_watcher.h"

#include <QDBusConnectionInterface>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QMutexLocker>
#include <QSignalSpy>

namespace moim::test {

using namespace Qt::StringLiterals;

class WatcherObject : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ registeredItems)
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)

public:
    QStringList registeredItems() const
    {
        QMutexLocker lock(&mutex);
        return items;
    }
    bool hostRegistered() const { return true; }
    int protocolVersion() const { return 0; }

    mutable QMutex mutex;
    QStringList items;

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        // Items may name a service or an object path; a path means "my unique name".
        const QString name = service.startsWith(u'/') ? message().service() : service;
        {
            QMutexLocker lock(&mutex);
            items.append(name);
        }
        QDBusMessage signal = QDBusMessage::createSignal(u"/StatusNotifierWatcher"_s,
                                                         u"org.kde.StatusNotifierWatcher"_s,
                                                         u"StatusNotifierItemRegistered"_s);
        signal << name;
        connection().send(signal);
    }
    void RegisterStatusNotifierHost(const QString &) {}
};

FakeStatusNotifierWatcher::FakeStatusNotifierWatcher()
    : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"moim-fake-watcher"_s))
{
    m_thread.start();
    m_object = new WatcherObject;
    m_object->moveToThread(&m_thread);
    // Exporting signals gives the object a helper child, which must be made in its own thread.
    bool exported = false;
    QMetaObject::invokeMethod(
        m_object,
        [this, &exported] {
            exported = m_bus.registerObject(u"/StatusNotifierWatcher"_s, m_object,
                                            QDBusConnection::ExportAllSlots |
                                                QDBusConnection::ExportAllProperties |
                                                QDBusConnection::ExportAllSignals);
        },
        Qt::BlockingQueuedConnection);
    m_registered = m_bus.isConnected() && exported &&
                   m_bus.registerService(u"org.kde.StatusNotifierWatcher"_s);
}

FakeStatusNotifierWatcher::~FakeStatusNotifierWatcher()
{
    m_bus.unregisterService(u"org.kde.StatusNotifierWatcher"_s);
    QMetaObject::invokeMethod(
        m_object, [this] { m_bus.unregisterObject(u"/StatusNotifierWatcher"_s); },
        Qt::BlockingQueuedConnection);
    // Deleted once its thread has finished: a deleteLater() posted just before quit() can be
    // left unrun when the thread's loop exits first, and the object would leak.
    m_thread.quit();
    m_thread.wait();
    delete m_object;
    QDBusConnection::disconnectFromBus(u"moim-fake-watcher"_s);
}

QStringList FakeStatusNotifierWatcher::items() const
{
    return m_object->registeredItems();
}

QDBusMessage callAndWait(const QDBusConnection &bus, const QDBusMessage &message, int timeoutMs)
{
    QDBusPendingCall call = bus.asyncCall(message, timeoutMs);
    QDBusPendingCallWatcher watcher(call);
    QSignalSpy finished(&watcher, &QDBusPendingCallWatcher::finished);
    if (!call.isFinished())
        finished.wait(timeoutMs);
    return call.isFinished()
               ? call.reply()
               : QDBusMessage::createError(u"org.freedesktop.DBus.Error.Timeout"_s, u"no answer"_s);
}

} // namespace moim::test

#include "fake_status_notifier_watcher.moc"
