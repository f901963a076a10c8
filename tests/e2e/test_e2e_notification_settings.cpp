// Notification settings follow the user: with the real server process, a change on one client
// reaches a second client of the same account live, survives restarts of the client and of the
// server, waits offline without being lost, and one workspace's settings never touch another's.
// The "count toward the total" setting changes the application-wide unread total.
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/notification_preferences.h"
#include "secrets/memory_secret_store.h"

#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Minji = u"minji.choi@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestE2eNotificationSettings : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    struct Client
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SessionManager> sessions;
        Account *account() const { return sessions->account(); }
        NotificationPreferences *settings() const { return account()->notificationSettings(); }
    };

    std::unique_ptr<ApiClient> newApi() const
    {
        return std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                           u"moim-desktop"_s, u"0.1.0"_s);
    }

    Client signIn(const QString &profile)
    {
        Client client;
        client.api = newApi();
        client.sessions =
            std::make_unique<SessionManager>(Profile(profile), client.api.get(), &m_secrets);
        PasswordLogin login(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Jimin, Password, true, false);
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
            QTRY_COMPARE_WITH_TIMEOUT(client.account()->connection(), Account::Connection::Online,
                                      10000);
        }();
        return client;
    }

    // The same profile started again: the remembered session, the same cache.
    Client restart(const QString &profile)
    {
        Client client;
        client.api = newApi();
        client.sessions =
            std::make_unique<SessionManager>(Profile(profile), client.api.get(), &m_secrets);
        [&] { QVERIFY(client.sessions->restore()); }();
        return client;
    }

    void saved(const Client &client, const QString &workspaceId)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!client.settings()->isPending(workspaceId), 10000);
    }

    QStringList workspaceIds(const Client &client) const
    {
        QStringList ids;
        for (const Workspace &workspace : client.account()->workspaces()->workspaces())
            ids.append(workspace.id);
        return ids;
    }

    static NotificationSettings quietEvenings()
    {
        NotificationSettings settings;
        settings.level = NotificationSettings::Level::MentionsAndDirect;
        settings.quietHours = {true, {1, 2, 3, 4, 5}, 18 * 60 + 30, 9 * 60};
        settings.preview = false;
        settings.sound = false;
        return settings;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void aChangeReachesTheOtherClientLiveAndOnlyForItsWorkspace()
    {
        Client desk = signIn(u"desk"_s);
        Client laptop = signIn(u"laptop"_s);
        const QStringList ids = workspaceIds(desk);
        QVERIFY(ids.size() >= 3);
        const QString a = ids.at(0);
        QTRY_VERIFY_WITH_TIMEOUT(laptop.settings()->isKnown(a), 10000);

        QSignalSpy laptopChanged(laptop.settings(), &NotificationPreferences::settingsChanged);
        desk.settings()->change(a, quietEvenings());
        saved(desk, a);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.settings()->settings(a), quietEvenings(), 10000);
        // Only workspace A changed, on both.
        for (const QList<QVariant> &arguments : laptopChanged)
            QCOMPARE(arguments.first().toString(), a);
        for (const QString &other : ids.mid(1)) {
            QCOMPARE(desk.settings()->settings(other), NotificationSettings());
            QCOMPARE(laptop.settings()->settings(other), NotificationSettings());
        }

        // A mute on the laptop comes back to the desk.
        NotificationSettings muted = laptop.settings()->settings(ids.at(1));
        muted.mutedForever = true;
        laptop.settings()->change(ids.at(1), muted);
        QTRY_VERIFY_WITH_TIMEOUT(desk.settings()->settings(ids.at(1)).mutedForever, 10000);
        QCOMPARE(desk.settings()->settings(a), quietEvenings());
        const int row = desk.account()->workspaces()->indexOf(ids.at(1));
        QVERIFY(desk.account()->workspaces()->index(row).data(WorkspaceModel::MutedRole).toBool());
    }

    void settingsSurviveRestartsAndReachANewDevice()
    {
        QString a;
        {
            Client desk = signIn(u"desk"_s);
            a = workspaceIds(desk).at(2);
            desk.settings()->change(a, quietEvenings());
            saved(desk, a);
        }
        // The client starts again: the settings are there before the server has answered.
        {
            Client desk = restart(u"desk"_s);
            QVERIFY(desk.settings()->isKnown(a));
            QCOMPARE(desk.settings()->settings(a), quietEvenings());
        }
        // The server starts again: a device that never saw them gets them from it.
        m_server.stop();
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
        Client tablet = signIn(u"tablet"_s);
        QTRY_COMPARE_WITH_TIMEOUT(tablet.settings()->settings(a), quietEvenings(), 10000);
    }

    void aChangeMadeOfflineIsNotLost()
    {
        Client laptop = signIn(u"laptop"_s);
        QString a;
        {
            Client desk = signIn(u"desk"_s);
            a = workspaceIds(desk).at(1);
            m_server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(desk.account()->connection() != Account::Connection::Online,
                                     10000);
            NotificationSettings offline = quietEvenings();
            offline.countInTotal = false;
            desk.settings()->change(a, offline);
            QVERIFY(desk.settings()->isPending(a));
            QCOMPARE(desk.settings()->settings(a), offline);
            // The desk goes away here, as if killed, with the change not yet sent.
        }
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
        laptop.account()->retryNow();
        Client desk = restart(u"desk"_s);
        QVERIFY(desk.settings()->isPending(a));
        saved(desk, a);
        QTRY_VERIFY_WITH_TIMEOUT(!laptop.settings()->settings(a).countInTotal, 30000);
        QCOMPARE(laptop.settings()->settings(a).quietHours, quietEvenings().quietHours);
    }

    void theTotalLeavesOutWorkspacesThatDoNotCount()
    {
        Client desk = signIn(u"desk"_s);
        const QStringList ids = workspaceIds(desk);
        // Minji shares HQ with Jimin: she writes there.
        const QString hq = ids.at(0);
        desk.account()->fetchConversations(hq);
        QTRY_VERIFY_WITH_TIMEOUT(!desk.account()->conversations(hq).isEmpty(), 10000);
        const QString channel = desk.account()->conversations(hq).first().id;
        Chat *chat = desk.account()->chat();
        chat->setActiveConversation(QString());

        NotificationSettings notCounted;
        notCounted.countInTotal = false;
        desk.settings()->change(hq, notCounted);
        saved(desk, hq);
        const int totalBefore = chat->totalUnread();
        const int hqBefore = chat->workspaceUnread(hq);
        QSignalSpy totalChanged(chat, &Chat::totalUnreadChanged);
        QCOMPARE(m_server.admin({u"post"_s, Minji, channel, u"HQ 소식입니다"_s}), 0);
        // HQ's own badge counts it; the total does not.
        QTRY_COMPARE_WITH_TIMEOUT(chat->workspaceUnread(hq), hqBefore + 1, 10000);
        QCOMPARE(chat->totalUnread(), totalBefore);
        QCOMPARE(desk.account()->workspaces()->totalUnread(), totalBefore);
        QCOMPARE(totalChanged.size(), 0);

        // Counting it again brings HQ's unread messages back into the total at once.
        desk.settings()->change(hq, NotificationSettings());
        QCOMPARE(chat->totalUnread(), totalBefore + hqBefore + 1);
        QCOMPARE(totalChanged.size(), 1);
        QCOMPARE(totalChanged.first().first().toInt(), totalBefore + hqBefore + 1);
        QCOMPARE(desk.account()->workspaces()->totalUnread(), chat->totalUnread());
    }
};

QTEST_GUILESS_MAIN(TestE2eNotificationSettings)
#include "test_e2e_notification_settings.moc"
