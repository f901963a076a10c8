#pragma once

#include <QDBusConnection>
#include <QMutex>
#include <QStringList>
#include <QThread>

namespace moim::test {

class WatcherObject;

// A StatusNotifierWatcher stub (org.kde.StatusNotifierWatcher) on the session bus of the test,
// with a host "registered", so Qt offers a tray. It runs in a thread of its own: Qt asks the
// watcher synchronously from the GUI thread, which a stub in that thread could never answer.
class FakeStatusNotifierWatcher
{
public:
    FakeStatusNotifierWatcher();
    ~FakeStatusNotifierWatcher();

    bool isRegistered() const { return m_registered; }
    // The service names of the StatusNotifierItems that registered, in order.
    QStringList items() const;

private:
    QThread m_thread;
    QDBusConnection m_bus;
    WatcherObject *m_object = nullptr;
    bool m_registered = false;
};

// Calls `message` and waits for the answer while the event loop runs, so a service of this
// very process (a tray icon, a menu) can answer it.
QDBusMessage callAndWait(const QDBusConnection &bus, const QDBusMessage &message,
                         int timeoutMs = 5000);

} // namespace moim::test
