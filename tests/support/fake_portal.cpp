#include "fake_portal.h"

#include <QAtomicInt>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusVariant>

namespace moim::test {

using namespace Qt::StringLiterals;

namespace {
const auto Service = u"org.freedesktop.portal.Desktop"_s;
const auto Path = u"/org/freedesktop/portal/desktop"_s;
const auto Interface = u"org.freedesktop.portal.Settings"_s;
} // namespace

class PortalSettingsObject : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")

public:
    QAtomicInt colorScheme = 0;
    QAtomicInt reads = 0;
    bool doubleWrapped = false;

public Q_SLOTS:
    QDBusVariant Read(const QString &group, const QString &key)
    {
        reads.fetchAndAddRelaxed(1);
        if (group != "org.freedesktop.appearance"_L1 || key != "color-scheme"_L1) {
            sendErrorReply(u"org.freedesktop.portal.Error.NotFound"_s,
                           u"Requested setting not found"_s);
            return {};
        }
        const QVariant value = QVariant::fromValue(uint(colorScheme.loadRelaxed()));
        return doubleWrapped ? QDBusVariant(QVariant::fromValue(QDBusVariant(value)))
                             : QDBusVariant(value);
    }
};

FakePortal::FakePortal(uint colorScheme, bool doubleWrapped)
    : m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"moim-fake-portal"_s))
{
    m_thread.start();
    m_object = new PortalSettingsObject;
    m_object->colorScheme.storeRelaxed(int(colorScheme));
    m_object->doubleWrapped = doubleWrapped;
    m_object->moveToThread(&m_thread);
    m_registered = m_bus.isConnected() &&
                   m_bus.registerObject(Path, m_object, QDBusConnection::ExportAllSlots) &&
                   m_bus.registerService(Service);
}

FakePortal::~FakePortal()
{
    m_bus.unregisterService(Service);
    m_bus.unregisterObject(Path);
    m_thread.quit();
    m_thread.wait();
    // Deleted here, once its thread has ended and nothing can call it: a deleteLater() queued
    // just before quit() may never run, which leaked the object.
    delete m_object;
    QDBusConnection::disconnectFromBus(u"moim-fake-portal"_s);
}

void FakePortal::setColorScheme(uint colorScheme)
{
    m_object->colorScheme.storeRelaxed(int(colorScheme));
    QDBusMessage signal = QDBusMessage::createSignal(Path, Interface, u"SettingChanged"_s);
    signal << u"org.freedesktop.appearance"_s << u"color-scheme"_s
           << QVariant::fromValue(QDBusVariant(QVariant::fromValue(colorScheme)));
    m_bus.send(signal);
}

void FakePortal::announceUnrelatedSetting()
{
    QDBusMessage signal = QDBusMessage::createSignal(Path, Interface, u"SettingChanged"_s);
    signal << u"org.gnome.desktop.interface"_s << u"color-scheme"_s
           << QVariant::fromValue(QDBusVariant(QVariant::fromValue(1u)));
    m_bus.send(signal);
}

int FakePortal::readCount() const
{
    return m_object->reads.loadRelaxed();
}

} // namespace moim::test

#include "fake_portal.moc"
