#include "connectivity_monitor.h"

#include <QDBusError>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnectivity, "moim.core.connectivity")

namespace moim {

using namespace Qt::StringLiterals;

ConnectivityMonitor::ConnectivityMonitor(QObject *parent)
    : QObject(parent)
{}

void ConnectivityMonitor::watchSystem()
{
    watchNetwork();
    watchSleep(QDBusConnection::systemBus());
}

void ConnectivityMonitor::watchNetwork()
{
    if (m_watchingNetwork)
        return;
    // The backends only listen (NetworkManager is asked only when it is already running).
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcConnectivity) << "no network information backend; network changes go unnoticed"
                               << "(available:" << QNetworkInformation::availableBackends() << ")";
        return;
    }
    QNetworkInformation *information = QNetworkInformation::instance();
    m_watchingNetwork = true;
    m_reachability = information->reachability();
    qCInfo(lcConnectivity) << "watching the network with" << information->backendName() << "now"
                           << m_reachability;
    connect(information, &QNetworkInformation::reachabilityChanged, this,
            &ConnectivityMonitor::onReachabilityChanged);
    // Wi-Fi to Ethernet keeps "online" but not the address the socket was bound to.
    connect(information, &QNetworkInformation::transportMediumChanged, this,
            [this](QNetworkInformation::TransportMedium medium) {
                qCInfo(lcConnectivity) << "network medium changed to" << medium;
                Q_EMIT checkRequested();
            });
}

void ConnectivityMonitor::watchSleep(QDBusConnection bus)
{
    if (m_watchingSleep)
        return;
    if (!bus.isConnected()) {
        qCInfo(lcConnectivity) << "no system bus; resume from sleep goes unnoticed";
        return;
    }
    // A match rule only: nothing is called, so no service is started on our account.
    m_watchingSleep =
        bus.connect(QString::fromLatin1(LogindService), QString::fromLatin1(LogindPath),
                    QString::fromLatin1(LogindInterface), u"PrepareForSleep"_s, this,
                    SLOT(onPrepareForSleep(bool)));
    if (!m_watchingSleep)
        qCInfo(lcConnectivity) << "cannot listen for logind's PrepareForSleep:"
                               << bus.lastError().message();
}

void ConnectivityMonitor::onReachabilityChanged(QNetworkInformation::Reachability reachability)
{
    if (reachability == m_reachability)
        return;
    qCInfo(lcConnectivity) << "network reachability" << m_reachability << "->" << reachability;
    m_reachability = reachability;
    // Every change counts: back online means retry now, gone means the socket is dead, and a
    // change in between may have moved the route.
    Q_EMIT checkRequested();
}

void ConnectivityMonitor::onPrepareForSleep(bool goingToSleep)
{
    if (goingToSleep) {
        qCInfo(lcConnectivity) << "the system is going to sleep";
        return;
    }
    qCInfo(lcConnectivity) << "the system resumed";
    Q_EMIT checkRequested();
}

} // namespace moim
