// Light, dark or the system's: the desktop portal's color-scheme is read at start and followed
// while Moim runs (a fake portal on the test's private session bus), and the user's explicit
// choice wins over it. A portal that is not running is never started (a bus of the test's own
// whose portal service, once started, leaves a mark), and one that starts later is read then.
#include "fake_portal.h"
#include "platform/desktop_color_scheme.h"

#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

using Preference = DesktopColorScheme::Preference;
using Appearance = Preferences::Appearance;

class TestDesktopColorScheme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no session bus (the test runs under dbus-run-session)");
    }

    // First: it also proves the signal is hooked before any D-Bus variant was ever seen.
    void followsTheDesktopWhileRunning()
    {
        test::FakePortal portal(2);
        DesktopColorScheme scheme;
        QCOMPARE(scheme.preference(), Preference::PreferLight);
        QSignalSpy changed(&scheme, &DesktopColorScheme::preferenceChanged);

        portal.setColorScheme(1);
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.constLast().constFirst().value<Preference>(), Preference::PreferDark);
        QCOMPARE(scheme.preference(), Preference::PreferDark);

        // Another setting changing is not ours to follow.
        portal.announceUnrelatedSetting();
        portal.setColorScheme(0);
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(scheme.preference(), Preference::NoPreference);
    }

    void readsThePortalAtStart_data()
    {
        QTest::addColumn<uint>("value");
        QTest::addColumn<bool>("doubleWrapped");
        QTest::addColumn<Preference>("expected");
        QTest::newRow("dark") << 1u << false << Preference::PreferDark;
        QTest::newRow("light") << 2u << false << Preference::PreferLight;
        QTest::newRow("no preference") << 0u << false << Preference::NoPreference;
        QTest::newRow("dark, older portal") << 1u << true << Preference::PreferDark;
        QTest::newRow("unknown value") << 7u << false << Preference::NoPreference;
    }

    void readsThePortalAtStart()
    {
        QFETCH(uint, value);
        QFETCH(bool, doubleWrapped);
        QFETCH(Preference, expected);
        test::FakePortal portal(value, doubleWrapped);
        QVERIFY(portal.isRegistered());
        // Answered before the constructor returns: the first window already has its colours.
        DesktopColorScheme scheme;
        QVERIFY(scheme.portalAnswered());
        QCOMPARE(scheme.preference(), expected);
        QCOMPARE(portal.readCount(), 1);
    }

    void withoutAPortalThereIsNoPreference()
    {
        DesktopColorScheme scheme;
        QVERIFY(!scheme.portalAnswered());
        QCOMPARE(scheme.preference(), Preference::NoPreference);
        QCOMPARE(
            DesktopColorScheme::resolve(Appearance::System, scheme.preference(), ColorScheme::Dark),
            ColorScheme::Dark);
    }

    void aPortalThatStartsLaterIsRead()
    {
        DesktopColorScheme scheme;
        QVERIFY(!scheme.portalAnswered());
        QSignalSpy changed(&scheme, &DesktopColorScheme::preferenceChanged);
        test::FakePortal portal(1);
        QVERIFY(portal.isRegistered());
        QTRY_VERIFY(scheme.portalAnswered());
        QCOMPARE(scheme.preference(), Preference::PreferDark);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(portal.readCount(), 1);
    }

    void aPortalThatDoesNotRunIsNeverStarted()
    {
        // A session bus of this test's own, whose only activatable service is a "portal" that
        // leaves a file behind when the bus starts it.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"services"_s));
        const QString mark = dir.filePath(u"portal-started"_s);
        QFile service(dir.filePath(u"services/org.freedesktop.portal.Desktop.service"_s));
        QVERIFY(service.open(QIODevice::WriteOnly));
        service.write("[D-BUS Service]\nName=org.freedesktop.portal.Desktop\nExec=/usr/bin/touch " +
                      QFile::encodeName(mark) + '\n');
        service.close();
        QFile config(dir.filePath(u"bus.conf"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration "
                     "1.0//EN\" \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><auth>EXTERNAL</auth><listen>unix:tmpdir=" +
                     QFile::encodeName(dir.path()) + "</listen><servicedir>" +
                     QFile::encodeName(dir.filePath(u"services"_s)) +
                     "</servicedir><policy context=\"default\"><allow send_destination=\"*\" "
                     "eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/>"
                     "</policy></busconfig>\n");
        config.close();
        QProcess daemon;
        daemon.start(u"dbus-daemon"_s, {u"--nofork"_s, u"--print-address=1"_s,
                                        u"--config-file="_s + config.fileName()});
        QVERIFY2(daemon.waitForStarted(), "dbus-daemon is needed (package dbus)");
        QTRY_VERIFY(daemon.canReadLine());
        const QString address = QString::fromLatin1(daemon.readLine().trimmed());
        {
            const QDBusConnection bus =
                QDBusConnection::connectToBus(address, u"moim-test-own-bus"_s);
            QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));

            DesktopColorScheme scheme(bus);
            // Whatever it sent is in the bus before an answer to a later call comes back.
            QVERIFY(bus.interface()->isServiceRegistered(u"org.freedesktop.DBus"_s));
            QTest::qWait(300);
            QVERIFY(!QFile::exists(mark));
            QVERIFY(!scheme.portalAnswered());
            QCOMPARE(scheme.preference(), Preference::NoPreference);

            // The mark works: any call to the portal starts it.
            QDBusMessage ping = QDBusMessage::createMethodCall(
                u"org.freedesktop.portal.Desktop"_s, u"/org/freedesktop/portal/desktop"_s,
                u"org.freedesktop.DBus.Peer"_s, u"Ping"_s);
            bus.asyncCall(ping);
            QTRY_VERIFY(QFile::exists(mark));
        }
        QDBusConnection::disconnectFromBus(u"moim-test-own-bus"_s);
        daemon.terminate();
        QVERIFY(daemon.waitForFinished());
    }

    void theUsersChoiceWins_data()
    {
        QTest::addColumn<Appearance>("choice");
        QTest::addColumn<Preference>("desktop");
        QTest::addColumn<ColorScheme>("fallback");
        QTest::addColumn<ColorScheme>("expected");
        const auto L = ColorScheme::Light;
        const auto D = ColorScheme::Dark;
        QTest::newRow("system, desktop dark")
            << Appearance::System << Preference::PreferDark << L << D;
        QTest::newRow("system, desktop light")
            << Appearance::System << Preference::PreferLight << D << L;
        QTest::newRow("system, none, light fallback")
            << Appearance::System << Preference::NoPreference << L << L;
        QTest::newRow("system, none, dark fallback")
            << Appearance::System << Preference::NoPreference << D << D;
        QTest::newRow("light over dark desktop")
            << Appearance::Light << Preference::PreferDark << D << L;
        QTest::newRow("dark over light desktop")
            << Appearance::Dark << Preference::PreferLight << L << D;
    }

    void theUsersChoiceWins()
    {
        QFETCH(Appearance, choice);
        QFETCH(Preference, desktop);
        QFETCH(ColorScheme, fallback);
        QFETCH(ColorScheme, expected);
        QCOMPARE(DesktopColorScheme::resolve(choice, desktop, fallback), expected);
    }

    void choiceIsRemembered()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"settings.ini"_s);
        {
            Preferences preferences(file);
            QCOMPARE(preferences.appearance(), Appearance::System);
            QSignalSpy changed(&preferences, &Preferences::appearanceChanged);
            preferences.setAppearance(Appearance::Dark);
            preferences.setAppearance(Appearance::Dark);
            QCOMPARE(changed.size(), 1);
        }
        QCOMPARE(Preferences(file).appearance(), Appearance::Dark);
    }
};

QTEST_GUILESS_MAIN(TestDesktopColorScheme)
#include "test_desktop_color_scheme.moc"
