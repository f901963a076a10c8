// The tray, as a desktop sees it: a StatusNotifierItem registered with a StatusNotifierWatcher
// stub on a private session bus (under Xvfb), with the unread total in its tooltip and icon,
// and a menu (over com.canonical.dbusmenu) that opens Moim, jumps to each workspace, logs out
// and quits. Closing the window keeps Moim in the tray; a start at log-in goes straight there.
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "desktop/tray_icon.h"
#include "fake_status_notifier_watcher.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/tray_notification_sink.h"
#include "secrets/memory_secret_store.h"
#include "storage/preferences.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {

const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
const auto ItemInterface = u"org.kde.StatusNotifierItem"_s;

struct MenuEntry
{
    int id = 0;
    QString label;
    bool visible = true;
    QList<MenuEntry> children;
};

// com.canonical.dbusmenu layout: (ia{sv}av), children wrapped in variants.
MenuEntry readMenuEntry(const QDBusArgument &argument)
{
    MenuEntry entry;
    QVariantMap properties;
    argument.beginStructure();
    argument >> entry.id >> properties;
    argument.beginArray();
    while (!argument.atEnd()) {
        QDBusVariant child;
        argument >> child;
        entry.children.append(readMenuEntry(qvariant_cast<QDBusArgument>(child.variant())));
    }
    argument.endArray();
    argument.endStructure();
    // Mnemonics travel as '_' (a literal '_' doubled); the desktop shows the plain label.
    entry.label = properties.value(u"label"_s).toString();
    entry.label.replace(u"__"_s, u"\x01"_s).remove(u'_').replace(u'\x01', u'_');
    entry.visible = properties.value(u"visible"_s, true).toBool();
    return entry;
}

struct Pixmaps
{
    QList<QByteArray> images;
    bool operator==(const Pixmaps &) const = default;
};

Pixmaps readPixmaps(const QDBusArgument &argument)
{
    Pixmaps pixmaps;
    argument.beginArray();
    while (!argument.atEnd()) {
        int width = 0;
        int height = 0;
        QByteArray data;
        argument.beginStructure();
        argument >> width >> height >> data;
        argument.endStructure();
        pixmaps.images.append(data);
    }
    argument.endArray();
    return pixmaps;
}

} // namespace

class TestTrayIcon : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::FakeStatusNotifierWatcher> m_watcher;
    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    QDBusConnection m_bus = QDBusConnection::sessionBus();

    struct Fixture
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<Preferences> preferences;
        std::unique_ptr<WindowController> windows;
    };

    std::unique_ptr<Fixture> open(MemorySecretStore &secrets, bool background = false)
    {
        auto f = std::make_unique<Fixture>();
        f->api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                             u"moim-desktop"_s, u"0.1.0"_s);
        const Profile profile;
        f->sessions = std::make_unique<SessionManager>(profile, f->api.get(), &secrets);
        f->preferences = std::make_unique<Preferences>(profile.settingsFile());
        f->windows = std::make_unique<WindowController>(f->sessions.get(), f->preferences.get());
        f->windows->start(background);
        return f;
    }

    MainWindow *signIn(Fixture &f)
    {
        f.windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                f.windows->mainWindow() && f.windows->mainWindow()->isVisible(), 20000);
        }();
        return f.windows->mainWindow();
    }

    // The service name of the newest registered item.
    QString item() const { return m_watcher->items().value(m_watcher->items().size() - 1); }

    QVariant itemProperty(const QString &name)
    {
        QDBusMessage get = QDBusMessage::createMethodCall(
            item(), u"/StatusNotifierItem"_s, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
        get << ItemInterface << name;
        const QDBusMessage reply = test::callAndWait(m_bus, get);
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qWarning() << "Get" << name << reply.errorMessage();
            return {};
        }
        return qvariant_cast<QDBusVariant>(reply.arguments().value(0)).variant();
    }

    // ToolTip is (sa(iiay)ss): icon name, pixmaps, title, text.
    QString toolTipText()
    {
        const QVariant value = itemProperty(u"ToolTip"_s);
        if (!value.canConvert<QDBusArgument>())
            return {};
        const QDBusArgument argument = qvariant_cast<QDBusArgument>(value);
        QString iconName;
        QString title;
        QString text;
        argument.beginStructure();
        argument >> iconName;
        readPixmaps(argument);
        argument >> title >> text;
        argument.endStructure();
        return (title + u' ' + text).trimmed();
    }

    Pixmaps iconPixmaps()
    {
        return readPixmaps(qvariant_cast<QDBusArgument>(itemProperty(u"IconPixmap"_s)));
    }

    QString menuPath() { return qvariant_cast<QDBusObjectPath>(itemProperty(u"Menu"_s)).path(); }

    QList<MenuEntry> menu()
    {
        QDBusMessage layout = QDBusMessage::createMethodCall(
            item(), menuPath(), u"com.canonical.dbusmenu"_s, u"GetLayout"_s);
        layout << 0 << -1 << QStringList();
        const QDBusMessage reply = test::callAndWait(m_bus, layout);
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() < 2)
            return {};
        return readMenuEntry(qvariant_cast<QDBusArgument>(reply.arguments().at(1))).children;
    }

    QStringList visibleLabels()
    {
        QStringList labels;
        for (const MenuEntry &entry : menu()) {
            if (entry.visible && !entry.label.isEmpty())
                labels.append(entry.label);
        }
        return labels;
    }

    // Clicks a menu entry the way a panel does: the one with this label, or the first that starts
    // with it (a workspace's entry ends with its unread count, which may move meanwhile).
    bool click(const QString &label, bool prefix = false)
    {
        for (const MenuEntry &entry : menu()) {
            if (prefix ? !entry.label.startsWith(label) : entry.label != label)
                continue;
            QDBusMessage event = QDBusMessage::createMethodCall(
                item(), menuPath(), u"com.canonical.dbusmenu"_s, u"Event"_s);
            event << entry.id << u"clicked"_s << QVariant::fromValue(QDBusVariant(0)) << uint(0);
            return test::callAndWait(m_bus, event).type() == QDBusMessage::ReplyMessage;
        }
        qWarning() << "no menu entry" << label << "in" << visibleLabels();
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != "xcb"_L1)
            QSKIP("the tray test needs an X display (it runs under xvfb-run)");
        if (!m_bus.isConnected())
            QSKIP("no session bus (the test runs under dbus-run-session)");
        // Before anything asks Qt about the tray: Qt decides once per process.
        m_watcher = std::make_unique<test::FakeStatusNotifierWatcher>();
        QVERIFY(m_watcher->isRegistered());
        QVERIFY(TrayIcon::isSystemTrayAvailable());
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void registersAndShowsTheUnreadTotal()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        QVERIFY(!f->windows->trayIcon()); // signed out: no tray icon
        MainWindow *main = signIn(*f);
        TrayIcon *tray = f->windows->trayIcon();
        QVERIFY(tray && tray->isVisible());
        QTRY_COMPARE(m_watcher->items().size(), 1);
        QVERIFY(m_bus.interface()->isServiceRegistered(item()));
        // Qt names the item after the application (moim, in the app).
        QCOMPARE(itemProperty(u"Title"_s).toString(), QCoreApplication::applicationName());

        Account *account = f->sessions->account();
        QTRY_COMPARE_WITH_TIMEOUT(account->connection(), Account::Connection::Online, 10000);
        // The second workspace, where the demo's Alex Park works with Jimin.
        main->sidebar()->selectIndex(1);
        const QString workspace = main->currentWorkspaceId();
        QTRY_VERIFY_WITH_TIMEOUT(!account->conversations(workspace).isEmpty(), 10000);
        QTRY_COMPARE(tray->unreadTotal(), account->chat()->totalUnread());
        const int before = tray->unreadTotal();
        QTRY_COMPARE(toolTipText(), tray->toolTip());
        const Pixmaps iconBefore = iconPixmaps();
        QVERIFY(!iconBefore.images.isEmpty());
        const auto entryIds = [this] {
            QList<int> found;
            for (const MenuEntry &entry : menu())
                found.append(entry.id);
            return found;
        };
        const QList<int> entriesBefore = entryIds();
        const int workspaceUnread = account->chat()->workspaceUnread(workspace);
        const QString workspaceName = account->workspaces()->workspaces().at(1).name;

        // A message in a conversation that is not open: the total moves on the panel.
        const QString conversation = account->conversations(workspace).first().id;
        QString output;
        QVERIFY2(m_server.admin({u"post"_s, u"alex.park@moim.example"_s, conversation,
                                 u"트레이에서도 보이나요?"_s},
                                &output) == 0,
                 qPrintable(output));
        QTRY_COMPARE_WITH_TIMEOUT(tray->unreadTotal(), before + 1, 10000);
        QCOMPARE(tray->unreadTotal(), account->chat()->totalUnread());
        // No notification service runs on this bus: the notification falls back to the tray,
        // whose tooltip carries it while the icon asks for attention, then the total again.
        // (Its rich text may turn a space into a non-breaking one: one word is looked for.)
        QTRY_VERIFY2_WITH_TIMEOUT(toolTipText().contains(u"보이나요?"_s), qPrintable(toolTipText()),
                                  5000);
        QTRY_VERIFY_WITH_TIMEOUT(toolTipText().contains(u"%1 unread"_s.arg(before + 1)),
                                 TrayNotificationSink::BalloonMilliseconds + 5000);
        QTRY_VERIFY(!(iconPixmaps() == iconBefore));
        // The workspace's entry counts up in place: a panel showing the menu can still click it.
        QTRY_VERIFY(
            visibleLabels().contains(u"%1 (%2 unread)"_s.arg(workspaceName).arg(workspaceUnread + 1)));
        QCOMPARE(entryIds(), entriesBefore);
    }

    void menuOpensWorkspacesLogsOutAndQuits()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QTRY_VERIFY(!m_watcher->items().isEmpty());
        const auto &workspaces = f->sessions->account()->workspaces()->workspaces();
        QCOMPARE(workspaces.size(), 3);
        QStringList labels;
        QTRY_VERIFY((labels = visibleLabels()).size() >= 6);
        QCOMPARE(labels.first(), u"Open Moim"_s);
        for (const Workspace &workspace : workspaces)
            QVERIFY2(
                std::any_of(labels.cbegin(), labels.cend(),
                            [&](const QString &label) { return label.startsWith(workspace.name); }),
                qPrintable(labels.join(u", "_s)));
        QCOMPARE(labels.at(labels.size() - 2), u"Log out"_s);
        QCOMPARE(labels.last(), u"Quit Moim"_s);

        // A workspace entry opens that workspace.
        main->sidebar()->selectIndex(0);
        const Workspace &third = workspaces.at(2);
        QVERIFY(click(third.name, true));
        QTRY_COMPARE(main->currentWorkspaceId(), third.id);
        QVERIFY(main->isVisible());

        QSignalSpy quit(f->windows.get(), &WindowController::quitRequested);
        QVERIFY(click(u"Quit Moim"_s));
        QTRY_COMPARE(quit.size(), 1);
        QVERIFY(!main->hidesOnClose()); // on the way out, nothing goes to the tray
    }

    void closingKeepsMoimInTheTray()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        QPointer<MainWindow> main = signIn(*f);
        QTRY_VERIFY(!m_watcher->items().isEmpty());
        QVERIFY(main->hidesOnClose());
        QVERIFY(!f->preferences->trayHintShown());
        QVERIFY(main->close() == false); // the close is turned into a hide
        QVERIFY(main && !main->isVisible());
        QVERIFY(f->preferences->trayHintShown()); // told once where Moim went
        QVERIFY(f->windows->trayIcon()->isVisible());

        QVERIFY(click(u"Open Moim"_s));
        QTRY_VERIFY(main->isVisible());

        // With the choice off, closing ends Moim as without a tray.
        f->preferences->setCloseToTray(false);
        QVERIFY(!main->hidesOnClose());
        QVERIFY(main->close());
        QVERIFY(!main->isVisible());
    }

    void logoutFromTheTray()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        signIn(*f);
        QTRY_VERIFY(!m_watcher->items().isEmpty());
        const QString service = item();
        QVERIFY(click(u"Log out"_s));
        QTRY_VERIFY(f->windows->loginWindow() && f->windows->loginWindow()->isVisible());
        QVERIFY(!f->windows->trayIcon()->isVisible());
        // Signed out, Moim leaves the panel.
        QTRY_VERIFY(!m_bus.interface()->isServiceRegistered(service));
    }

    void startAtLogInGoesToTheTray()
    {
        MemorySecretStore secrets;
        {
            auto f = open(secrets);
            signIn(*f);
            // Remembered: the refresh token and the sign-in's device proof.
            QTRY_COMPARE(secrets.contents().size(), 2);
        }
        const int registered = m_watcher->items().size();
        auto f = open(secrets, true);
        MainWindow *main = f->windows->mainWindow();
        QVERIFY(main && !main->isVisible());
        QVERIFY(f->windows->trayIcon() && f->windows->trayIcon()->isVisible());
        QTRY_COMPARE(m_watcher->items().size(), registered + 1);
        QVERIFY(click(u"Open Moim"_s));
        QTRY_VERIFY(main->isVisible());
    }

    void showMessageIsThereForNotifications()
    {
        // Desktop notifications fall back to the tray: it hands out its icon and shows text.
        MemorySecretStore secrets;
        auto f = open(secrets);
        signIn(*f);
        TrayIcon *tray = f->windows->trayIcon();
        QVERIFY(tray->systemTrayIcon());
        QVERIFY(tray->systemTrayIcon()->isVisible());
        QVERIFY(tray->systemTrayIcon()->contextMenu() == tray->menu());
        tray->showMessage(u"모임 본사"_s,
                          u"김지민: 안녕하세요"_s); // must not fail without a service
    }
};

int main(int argc, char *argv[])
{
    // The tray needs a real platform: xcb, on the Xvfb display the test runs under.
    if (qEnvironmentVariableIsSet("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "xcb");
    QApplication app(argc, argv);
    TestTrayIcon test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_tray_icon.moc"
