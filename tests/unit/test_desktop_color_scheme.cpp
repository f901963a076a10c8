// Light, dark or the system's: the desktop portal's color-scheme is read at start and followed
// while Moim runs (a fake portal on the test's private session bus), and the user's explicit
// choice wins over it.
#include "fake_portal.h"
#include "platform/desktop_color_scheme.h"

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
