// Desktop notifications end to end: the real mock server process, Moim's windows offscreen, and
// a notification service on a private session bus that records every Notify call. A message
// that should notify reaches the service (escaped, with or without its preview); a muted
// workspace, a quiet hour, level "nothing" and the conversation on screen stay silent while
// another workspace still notifies; clicking opens the right conversation; a burst of 200
// messages becomes a few popups.
#include "account/account.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "main/workspace_tile.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notification_recorder.h"
#include "notify/notification_preferences.h"
#include "notify/notifier.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;
using Verdict = NotificationDecision::Verdict;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Minji = u"minji.choi@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestDesktopNotifications : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    test::NotificationRecorder m_service;

    // Jimin, in Moim's windows.
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    // Alex, who writes to Jimin in the workspace they share.
    std::unique_ptr<ApiClient> m_alexApi;
    std::unique_ptr<SessionManager> m_alex;

    QString m_design; // shared with Alex
    QString m_hq;     // not Alex's: Minji posts there
    QString m_designChannel;
    QString m_hqChannel; // where the sentinel messages go
    QString m_hqParking; // open on screen between tests, so nothing else is focused
    QString m_designChannelName;

    MainWindow *main() const { return m_windows->mainWindow(); }
    Account *account() const { return m_sessions->account(); }
    NotificationPreferences *preferences() const { return account()->notificationSettings(); }

    QList<Conversation> conversationsOf(Account *of, const QString &workspaceId)
    {
        of->fetchConversations(workspaceId);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!of->conversations(workspaceId).isEmpty(), 10000); }();
        return of->conversations(workspaceId);
    }

    void alexPosts(const QString &text) { m_alex->account()->chat()->send(m_designChannel, text); }

    // Minji writes in HQ: a message that must notify, whatever Design's settings are. Once it
    // arrived, everything sent before it has been looked at (one stream, in order).
    void expectSentinel(const QString &text)
    {
        QCOMPARE(m_server.admin({u"post"_s, Minji, m_hqChannel, text}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(hasCall(text), 15000);
    }

    bool hasCall(const QString &text) const
    {
        return std::any_of(m_service.calls().cbegin(), m_service.calls().cend(),
                           [&](const auto &call) { return call.body.contains(text); });
    }

    void change(const QString &workspaceId, const NotificationSettings &settings)
    {
        preferences()->change(workspaceId, settings);
        QTRY_VERIFY_WITH_TIMEOUT(!preferences()->isPending(workspaceId), 10000);
    }

    static QList<int> verdicts(const QSignalSpy &spy)
    {
        QList<int> result;
        for (const QList<QVariant> &arguments : spy)
            result.append(int(arguments.first().value<NotificationDecision>().verdict));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "run under tests/support/with-private-bus.sh");
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY(m_service.start());
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();

        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
        m_windows = std::make_unique<WindowController>(m_sessions.get());
        m_windows->start();
        m_windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(main() && main()->isVisible(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(account()->connection(), Account::Connection::Online, 10000);
        QVERIFY(main()->notifier());

        m_alexApi = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                                u"moim-desktop"_s, u"0.1.0"_s);
        m_alex = std::make_unique<SessionManager>(Profile(u"alex"_s), m_alexApi.get(), &m_secrets);
        PasswordLogin login(m_alex.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Alex, Password, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_alex->account()->connection(), Account::Connection::Online,
                                  10000);

        m_design = m_alex->account()->workspaces()->workspaces().first().id;
        for (const Workspace &workspace : account()->workspaces()->workspaces()) {
            if (workspace.id != m_design && m_hq.isEmpty())
                m_hq = workspace.id;
        }
        QVERIFY(!m_hq.isEmpty());
        for (const Conversation &conversation : conversationsOf(m_alex->account(), m_design)) {
            if (conversation.kind == Conversation::Kind::Channel && m_designChannel.isEmpty()) {
                m_designChannel = conversation.id;
                m_designChannelName = conversation.name;
            }
        }
        QStringList hqChannels;
        for (const Conversation &conversation : conversationsOf(account(), m_hq)) {
            if (conversation.kind == Conversation::Kind::Channel)
                hqChannels.append(conversation.id);
        }
        QVERIFY(!m_designChannel.isEmpty() && hqChannels.size() >= 2);
        m_hqChannel = hqChannels.at(0);
        m_hqParking = hqChannels.at(1);
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
        m_alex.reset();
    }

    void init()
    {
        // Every test starts from the defaults, with the window on a conversation that no test
        // writes to.
        change(m_design, NotificationSettings());
        change(m_hq, NotificationSettings());
        main()->showConversation(m_hq, m_hqParking);
        QTRY_COMPARE(main()->openConversationId(), m_hqParking);
        m_service.clear();
    }

    void aMessageNotifiesAndClickingOpensIt()
    {
        const QString text = u"디자인 리뷰 10분 뒤에 시작해요"_s;
        alexPosts(text);
        QTRY_VERIFY_WITH_TIMEOUT(hasCall(text), 15000);
        const auto call = m_service.calls().last();
        QCOMPARE(call.summary, u"#%1 · 디자인 스튜디오"_s.arg(m_designChannelName));
        QCOMPARE(call.body, u"Alex Park: "_s + text);
        QCOMPARE(call.actions, (QStringList{u"default"_s, u"Open"_s}));
        QCOMPARE(call.hints.value(u"sound-name"_s).toString(), u"message-new-instant"_s);

        // The user clicks it: Moim comes forward on that workspace and conversation.
        main()->showMinimized();
        m_service.invokeAction(call.id);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(), m_designChannel, 10000);
        QCOMPARE(main()->currentWorkspaceId(), m_design);
        QVERIFY(main()->isVisible() && !main()->isMinimized());
    }

    void theBodyIsEscaped()
    {
        alexPosts(u"<b>굵게</b> & <i>기울임</i>"_s);
        QTRY_VERIFY_WITH_TIMEOUT(hasCall(u"굵게"_s), 15000);
        const QString body = m_service.calls().last().body;
        QCOMPARE(body, u"Alex Park: &lt;b&gt;굵게&lt;/b&gt; &amp; &lt;i&gt;기울임&lt;/i&gt;"_s);
    }

    void previewOffHidesTheMessage()
    {
        NotificationSettings noPreview;
        noPreview.preview = false;
        noPreview.sound = false;
        change(m_design, noPreview);
        alexPosts(u"내일 출시 계획은 비밀입니다"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_service.calls().size(), 1, 15000);
        const auto call = m_service.calls().first();
        QCOMPARE(call.body, u"New message from Alex Park"_s);
        QVERIFY(!call.summary.contains(u"비밀"_s));
        QVERIFY(call.hints.value(u"suppress-sound"_s).toBool());
    }

    void silentWorkspaceWhileAnotherNotifies_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("verdict");
        QTest::newRow("muted for an hour from the tile's menu") << u"mute"_s << int(Verdict::Muted);
        QTest::newRow("a quiet hour now") << u"quiet"_s << int(Verdict::QuietHours);
        QTest::newRow("level nothing") << u"nothing"_s << int(Verdict::LevelNothing);
    }

    void silentWorkspaceWhileAnotherNotifies()
    {
        QFETCH(QString, how);
        QFETCH(int, verdict);
        WorkspaceSidebar *sidebar = main()->sidebar();
        const auto tileOf = [&](const QString &id) {
            for (WorkspaceTile *tile : sidebar->tiles()) {
                if (tile->workspaceId() == id)
                    return tile;
            }
            return static_cast<WorkspaceTile *>(nullptr);
        };
        QVERIFY(!tileOf(m_design)->isSilenced());

        if (how == "mute"_L1) {
            // As a user does it: the tile's context menu, Mute notifications → For 1 hour.
            std::unique_ptr<QMenu> menu(sidebar->buildTileMenu(m_design));
            QAction *muteMenu = nullptr;
            for (QAction *action : menu->actions()) {
                if (action->menu() && action->text() == u"Mute notifications"_s)
                    muteMenu = action;
            }
            QVERIFY(muteMenu);
            QAction *hour = nullptr;
            for (QAction *action : muteMenu->menu()->actions()) {
                if (action->text() == u"For 1 hour"_s)
                    hour = action;
            }
            QVERIFY(hour);
            hour->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!preferences()->isPending(m_design), 10000);
            const qint64 until = preferences()->settings(m_design).mutedUntil;
            QVERIFY(qAbs(until - (QDateTime::currentSecsSinceEpoch() + 3600)) < 30);
        } else if (how == "quiet"_L1) {
            NotificationSettings quiet;
            quiet.quietHours.enabled = true;
            const QTime now = QTime::currentTime();
            quiet.quietHours.startMinute =
                (now.hour() * 60 + now.minute() + 24 * 60 - 60) % (24 * 60);
            quiet.quietHours.endMinute = (now.hour() * 60 + now.minute() + 60) % (24 * 60);
            change(m_design, quiet);
        } else {
            NotificationSettings nothing;
            nothing.level = NotificationSettings::Level::Nothing;
            change(m_design, nothing);
        }
        // The sidebar says so on the tile (a quiet hour is a schedule, not a mute).
        QCOMPARE(tileOf(m_design)->isSilenced(), how != "quiet"_L1);
        QVERIFY(!tileOf(m_hq)->isSilenced());

        QSignalSpy decided(main()->notifier(), &Notifier::decided);
        const QString silent = u"이건 조용히 (%1)"_s.arg(how);
        alexPosts(silent);
        expectSentinel(u"HQ still notifies (%1)"_s.arg(how));
        QVERIFY(!hasCall(silent));
        QVERIFY(verdicts(decided).contains(verdict));
        // Design's settings never touched HQ's.
        QCOMPARE(preferences()->settings(m_hq), NotificationSettings());
    }

    void theConversationOnScreenDoesNotNotify()
    {
        main()->showConversation(m_design, m_designChannel);
        QTRY_COMPARE(main()->openConversationId(), m_designChannel);
        main()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(main()));
        QCOMPARE(main()->notifier()->focusedConversation(), m_designChannel);
        QSignalSpy decided(main()->notifier(), &Notifier::decided);
        alexPosts(u"you are reading this already"_s);
        expectSentinel(u"but this is elsewhere"_s);
        QVERIFY(!hasCall(u"you are reading this already"_s));
        QVERIFY(verdicts(decided).contains(int(Verdict::Focused)));
    }

    void aBurstBecomesAFewPopups()
    {
        QSignalSpy decided(main()->notifier(), &Notifier::decided);
        for (int i = 0; i < 200; ++i)
            alexPosts(u"burst %1"_s.arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(decided.size(), 200, 60000);
        // Every message is accounted for: shown alone, or counted in the summary, which grows
        // in place while the burst goes on.
        static const QRegularExpression summaryTitle(u"^(\\d+) new message"_s);
        const auto represented = [&] {
            int singles = 0;
            int summarised = 0;
            for (const auto &call : m_service.calls()) {
                const auto match = summaryTitle.match(call.summary);
                if (match.hasMatch())
                    summarised = match.captured(1).toInt();
                else
                    ++singles;
            }
            return singles + summarised;
        };
        QTRY_COMPARE_WITH_TIMEOUT(represented(), 200, 20000);
        qInfo() << "200 messages:" << m_service.calls().size() << "Notify calls,"
                << m_service.popupCount() << "popups";
        QVERIFY2(m_service.popupCount() <= 5, qPrintable(QString::number(m_service.popupCount())));
        const auto last = m_service.calls().last();
        QVERIFY(summaryTitle.match(last.summary).hasMatch());
        QVERIFY2(last.body.contains(m_designChannelName), qPrintable(last.body));
        // Opening the summary goes to the conversation of its newest message.
        m_service.invokeAction(last.id);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(), m_designChannel, 10000);
    }
};

QTEST_MAIN(TestDesktopNotifications)
#include "test_desktop_notifications.moc"
