// When the connection should be checked at once: on resume from sleep (logind's PrepareForSleep,
// played by a fake logind on the test's private bus) and when the network's reachability changes;
// never on the way into sleep, and never by calling anything on the bus.
#include "net/connectivity_monitor.h"

#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

// Owns logind's name on its own connection and counts every call made to it: the monitor must
// only listen.
class FakeLogind : public QDBusVirtualObject
{
public:
    FakeLogind()
        : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-logind"_s))
    {
        m_bus.registerVirtualObject(QString::fromLatin1(ConnectivityMonitor::LogindPath), this,
                                    QDBusConnection::SubPath);
        m_registered =
            m_bus.registerService(QString::fromLatin1(ConnectivityMonitor::LogindService));
    }
    ~FakeLogind() override
    {
        m_bus.unregisterService(QString::fromLatin1(ConnectivityMonitor::LogindService));
        QDBusConnection::disconnectFromBus(u"fake-logind"_s);
    }

    bool isRegistered() const { return m_registered; }
    int callsReceived() const { return m_calls; }

    void announceSleep(bool goingToSleep)
    {
        QDBusMessage signal = QDBusMessage::createSignal(
            QString::fromLatin1(ConnectivityMonitor::LogindPath),
            QString::fromLatin1(ConnectivityMonitor::LogindInterface), u"PrepareForSleep"_s);
        signal << goingToSleep;
        m_bus.send(signal);
    }

    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override
    {
        ++m_calls;
        return false;
    }

private:
    QDBusConnection m_bus;
    bool m_registered = false;
    int m_calls = 0;
};

} // namespace

class TestConnectivityMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumeRequestsACheckAndSuspendDoesNot()
    {
        ConnectivityMonitor monitor;
        QSignalSpy checks(&monitor, &ConnectivityMonitor::checkRequested);
        monitor.onPrepareForSleep(true);
        QCOMPARE(checks.size(), 0);
        monitor.onPrepareForSleep(false);
        QCOMPARE(checks.size(), 1);
    }

    void everyReachabilityChangeRequestsACheck()
    {
        using Reachability = QNetworkInformation::Reachability;
        ConnectivityMonitor monitor;
        QSignalSpy checks(&monitor, &ConnectivityMonitor::checkRequested);
        monitor.onReachabilityChanged(Reachability::Online);
        QCOMPARE(checks.size(), 1);
        // The same state reported again is no news.
        monitor.onReachabilityChanged(Reachability::Online);
        QCOMPARE(checks.size(), 1);
        // Gone: the socket is dead, and saying so at once beats waiting for the watchdog.
        monitor.onReachabilityChanged(Reachability::Disconnected);
        QCOMPARE(checks.size(), 2);
        monitor.onReachabilityChanged(Reachability::Online);
        QCOMPARE(checks.size(), 3);
    }

    void followsLogindOnTheBusWithoutCallingIt()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no session bus (the test runs under dbus-run-session)");
        FakeLogind logind;
        QVERIFY(logind.isRegistered());
        ConnectivityMonitor monitor;
        QSignalSpy checks(&monitor, &ConnectivityMonitor::checkRequested);
        monitor.watchSleep(QDBusConnection::sessionBus());

        // One sender's signals arrive in order: had suspend counted, there would be two.
        logind.announceSleep(true);
        logind.announceSleep(false);
        QTRY_COMPARE(checks.size(), 1);
        logind.announceSleep(false);
        QTRY_COMPARE(checks.size(), 2);
        QCOMPARE(logind.callsReceived(), 0);
    }

    void withoutABusItStaysQuiet()
    {
        ConnectivityMonitor monitor;
        QSignalSpy checks(&monitor, &ConnectivityMonitor::checkRequested);
        monitor.watchSleep(QDBusConnection(u"not connected"_s));
        QVERIFY(checks.isEmpty());
        // The slots still work for whoever feeds them.
        monitor.onPrepareForSleep(false);
        QCOMPARE(checks.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectivityMonitor)
#include "test_connectivity_monitor.moc"
