#pragma once

#include <QDBusConnection>
#include <QThread>

namespace moim::test {

class PortalSettingsObject;

// The XDG desktop portal's Settings interface (org.freedesktop.portal.Desktop), only as far as
// org.freedesktop.appearance color-scheme goes, on the test's session bus and in a thread of its
// own (Moim reads the portal synchronously at start-up).
class FakePortal
{
public:
    // `doubleWrapped`: answer Read() the way portals before 1.15 did, a variant in a variant.
    explicit FakePortal(uint colorScheme = 0, bool doubleWrapped = false);
    ~FakePortal();

    bool isRegistered() const { return m_registered; }
    // Changes the value and tells listeners with SettingChanged, as the portal does when the
    // user flips the desktop's dark style.
    void setColorScheme(uint colorScheme);
    // Sends a SettingChanged for another key, which Moim must ignore.
    void announceUnrelatedSetting();
    int readCount() const;

private:
    QThread m_thread;
    QDBusConnection m_bus;
    PortalSettingsObject *m_object = nullptr;
    bool m_registered = false;
};

} // namespace moim::test
