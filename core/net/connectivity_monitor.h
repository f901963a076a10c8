#pragma once

#include <QDBusConnection>
#include <QNetworkInformation>
#include <QObject>

namespace moim {

// Tells when a connection that looks open may have died without noticing: the network's
// reachability changed (QNetworkInformation) or the system resumed from sleep (logind's
// PrepareForSleep(false)). It only listens: it starts no service and calls nothing on the bus, and
// where a source is missing (no system bus, no network backend) that source stays quiet.
class ConnectivityMonitor : public QObject
{
    Q_OBJECT

public:
    static constexpr auto LogindService = "org.freedesktop.login1";
    static constexpr auto LogindPath = "/org/freedesktop/login1";
    static constexpr auto LogindInterface = "org.freedesktop.login1.Manager";

    explicit ConnectivityMonitor(QObject *parent = nullptr);

    // Both sources of the running system: the network backend and the system bus.
    void watchSystem();
    // Reachability and transport changes from QNetworkInformation's backend, if one loads.
    void watchNetwork();
    // logind's PrepareForSleep on `bus` (the system bus; a private bus in tests).
    void watchSleep(QDBusConnection bus);

public Q_SLOTS:
    // Where the sources report; public so that tests can play the system's part.
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);
    void onPrepareForSleep(bool goingToSleep);

Q_SIGNALS:
    // The connection may be dead or the network back: check it now rather than at the next
    // keep-alive.
    void checkRequested();

private:
    QNetworkInformation::Reachability m_reachability = QNetworkInformation::Reachability::Unknown;
    bool m_watchingNetwork = false;
    bool m_watchingSleep = false;
};

} // namespace moim
