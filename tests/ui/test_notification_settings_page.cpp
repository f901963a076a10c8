// A workspace's notification settings page, offscreen against the real mock server: opened from
// the sidebar tile's context menu, every control reaching the server for that workspace only,
// muting with the mute shown on the tile, and a change on another device showing up live.
#include "account/account.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "language.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "main/workspace_tile.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/notification_preferences.h"
#include "notify/notification_settings_page.h"
#include "notify/translated_notification_texts.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeEdit>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;
using Level = NotificationSettings::Level;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

QAction *actionNamed(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}
} // namespace

class TestNotificationSettingsPage : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    // The same account on another device.
    std::unique_ptr<ApiClient> m_otherApi;
    std::unique_ptr<SessionManager> m_other;

    MainWindow *main() const { return m_windows->mainWindow(); }
    NotificationPreferences *mine() const { return m_sessions->account()->notificationSettings(); }
    NotificationPreferences *theirs() const { return m_other->account()->notificationSettings(); }

    QString workspace(int index) const
    {
        return m_sessions->account()->workspaces()->workspaces().at(index).id;
    }

    WorkspaceTile *tileOf(const QString &workspaceId) const
    {
        for (WorkspaceTile *tile : main()->sidebar()->tiles()) {
            if (tile->workspaceId() == workspaceId)
                return tile;
        }
        return nullptr;
    }

    // Opens the page as a user does: right click on the tile, "Notification settings…".
    NotificationSettingsPage *openFromTile(const QString &workspaceId)
    {
        std::unique_ptr<QMenu> menu(main()->sidebar()->buildTileMenu(workspaceId));
        QAction *open = actionNamed(menu->actions(), u"Notification settings…"_s);
        if (!open)
            return nullptr;
        open->trigger();
        for (auto *page : main()->findChildren<NotificationSettingsPage *>()) {
            if (page->workspaceId() == workspaceId && page->isVisible())
                return page;
        }
        return nullptr;
    }

    // The other device has what this one set.
    void reachesTheOtherDevice(const QString &workspaceId)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!mine()->isPending(workspaceId), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(theirs()->settings(workspaceId), mine()->settings(workspaceId),
                                  10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
        m_windows = std::make_unique<WindowController>(m_sessions.get());
        m_windows->start();
        m_windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(main() && main()->isVisible(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sessions->account()->connection(), Account::Connection::Online,
                                  10000);

        m_otherApi = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                                 u"moim-desktop"_s, u"0.1.0"_s);
        m_other =
            std::make_unique<SessionManager>(Profile(u"laptop"_s), m_otherApi.get(), &m_secrets);
        PasswordLogin login(m_other.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Jimin, Password, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_other->account()->connection(), Account::Connection::Online,
                                  10000);
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
        m_other.reset();
    }

    void everyControlReachesTheServerForThisWorkspaceOnly()
    {
        const QString a = workspace(0);
        const QString b = workspace(1);
        NotificationSettingsPage *page = openFromTile(a);
        QVERIFY(page);
        QVERIFY(QTest::qWaitForWindowExposed(page));
        QCOMPARE(page->workspaceId(), a);
        QVERIFY(page->windowTitle().contains(
            m_sessions->account()->workspaces()->workspaces().at(0).name));
        QVERIFY(page->levelButton(Level::All)->isChecked());

        QTest::mouseClick(page->levelButton(Level::MentionsAndDirect), Qt::LeftButton);
        QCOMPARE(mine()->settings(a).level, Level::MentionsAndDirect);
        reachesTheOtherDevice(a);

        page->quietHoursBox()->click();
        QVERIFY(page->quietStartEdit()->isEnabled());
        page->quietStartEdit()->setTime(QTime(21, 15));
        page->quietEndEdit()->setTime(QTime(7, 45));
        // Weekends off: untick Saturday and Sunday.
        page->dayButton(6)->click();
        page->dayButton(7)->click();
        QTRY_COMPARE_WITH_TIMEOUT(mine()->settings(a).quietHours.startMinute, 21 * 60 + 15, 5000);
        const auto quiet = mine()->settings(a).quietHours;
        QVERIFY(quiet.enabled);
        QCOMPARE(quiet.endMinute, 7 * 60 + 45);
        QCOMPARE(quiet.days, (QList<int>{1, 2, 3, 4, 5}));
        QVERIFY2(page->quietHint()->text().contains(u"next day at 07:45"_s),
                 qPrintable(page->quietHint()->text()));
        reachesTheOtherDevice(a);

        Chat *chat = m_sessions->account()->chat();
        const int total = chat->totalUnread();
        const int ofA = chat->workspaceUnread(a);
        QVERIFY2(ofA > 0, "the demo leaves unread messages in the first workspace");
        QCOMPARE(main()->windowTitle(), u"(%1) Moim"_s.arg(total));
        page->previewBox()->click();
        page->soundBox()->click();
        page->countInTotalBox()->click();
        const NotificationSettings now = mine()->settings(a);
        QVERIFY(!now.preview && !now.sound && !now.countInTotal);
        // The workspace keeps its badge; the total (the window title, the tray) leaves it out.
        QCOMPARE(chat->totalUnread(), total - ofA);
        QCOMPARE(main()->windowTitle(),
                 total - ofA > 0 ? u"(%1) Moim"_s.arg(total - ofA) : u"Moim"_s);
        QCOMPARE(tileOf(a)->unread(), ofA);
        reachesTheOtherDevice(a);
        QCOMPARE(page->syncState()->text(), u"Saved. Your other devices follow."_s);

        // Workspace B was never touched, here or on the server.
        QCOMPARE(mine()->settings(b), NotificationSettings());
        QCOMPARE(theirs()->settings(b), NotificationSettings());
        page->close();
    }

    void theLastQuietDayStays()
    {
        const QString a = workspace(2);
        NotificationSettingsPage *page = main()->openNotificationSettings(a);
        QVERIFY(page);
        page->quietHoursBox()->click();
        for (int day = 2; day <= 7; ++day)
            page->dayButton(day)->click();
        QCOMPARE(mine()->settings(a).quietHours.days, QList<int>{1});
        // Unticking Monday too would leave quiet hours on no day at all: it stays.
        page->dayButton(1)->click();
        QVERIFY(page->dayButton(1)->isChecked());
        QCOMPARE(mine()->settings(a).quietHours.days, QList<int>{1});
        reachesTheOtherDevice(a);
        page->close();
    }

    void mutingShowsOnTheTileAndUnmutingClearsIt()
    {
        const QString a = workspace(1);
        NotificationSettingsPage *page = main()->openNotificationSettings(a);
        QVERIFY(page);
        QVERIFY(!tileOf(a)->isSilenced());
        QVERIFY(!page->unmuteButton()->isVisible());
        // Every duration is in the accessibility tree, not behind a popup menu.
        QComboBox *durations = page->muteDurationBox();
        QCOMPARE(durations->count(), 4);
        QCOMPARE(durations->accessibleName(), u"How long to mute"_s);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(durations);
        QVERIFY(list);
        QCOMPARE(list->text(QAccessible::Value), u"For 1 hour"_s);
        QCOMPARE(page->muteButton()->text(), u"Mute"_s);
        // By keys: down to "Until tomorrow", then the button.
        durations->setFocus();
        QTest::keyClick(durations, Qt::Key_Down);
        QTest::keyClick(durations, Qt::Key_Down);
        QCOMPARE(durations->currentText(), u"Until tomorrow"_s);
        QCOMPARE(list->text(QAccessible::Value), u"Until tomorrow"_s);
        QTest::keyClick(page->muteButton(), Qt::Key_Space);
        const qint64 until = mine()->settings(a).mutedUntil;
        QVERIFY(until > QDateTime::currentSecsSinceEpoch() + 3600 * 4 - 60);
        QVERIFY(page->muteState()->text().startsWith(u"Muted until "_s));
        QVERIFY(page->unmuteButton()->isVisible());
        QCOMPARE(page->muteButton()->text(), u"Mute again"_s);
        QVERIFY(tileOf(a)->isSilenced());
        QVERIFY(tileOf(a)->toolTip().contains(u"muted until"_s));
        QVERIFY(tileOf(a)->accessibleName().contains(u"muted"_s));
        reachesTheOtherDevice(a);

        if (qEnvironmentVariableIsSet("MOIM_SCREENSHOT_DIR")) {
            const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR");
            page->grab().save(dir + u"/notification-settings.png"_s);
            main()->grab().save(dir + u"/main-window-muted.png"_s);
        }

        // The tile's menu now offers to unmute.
        std::unique_ptr<QMenu> menu(main()->sidebar()->buildTileMenu(a));
        QAction *unmute = actionNamed(menu->actions(), u"Unmute notifications"_s);
        QVERIFY(unmute);
        unmute->trigger();
        QVERIFY(!mine()->settings(a).isMutedAt(QDateTime::currentSecsSinceEpoch()));
        QVERIFY(!tileOf(a)->isSilenced());
        QVERIFY(!page->unmuteButton()->isVisible());
        reachesTheOtherDevice(a);
        page->close();
    }

    void aChangeOnAnotherDeviceShowsUpLive()
    {
        const QString a = workspace(1);
        NotificationSettingsPage *page = main()->openNotificationSettings(a);
        QVERIFY(page);
        NotificationSettings nothing = theirs()->settings(a);
        nothing.level = Level::Nothing;
        nothing.mutedForever = true;
        theirs()->change(a, nothing);
        QTRY_VERIFY_WITH_TIMEOUT(page->levelButton(Level::Nothing)->isChecked(), 10000);
        QCOMPARE(page->muteState()->text(), u"Muted until you turn them back on"_s);
        QVERIFY(tileOf(a)->isSilenced());
        // Showing it is not a change of ours: nothing was sent back.
        QVERIFY(!mine()->isPending(a));
        page->close();
    }

    void everyControlHasAName()
    {
        NotificationSettingsPage *page = main()->openNotificationSettings(workspace(0));
        QVERIFY(page);
        const auto buttons = page->findChildren<QAbstractButton *>();
        QVERIFY(buttons.size() > 10);
        for (QAbstractButton *button : buttons) {
            const QString name =
                button->accessibleName().isEmpty() ? button->text() : button->accessibleName();
            QVERIFY2(!name.isEmpty(), button->metaObject()->className());
        }
        for (QTimeEdit *edit : page->findChildren<QTimeEdit *>())
            QVERIFY(!edit->accessibleName().isEmpty());
        page->close();
    }

    void englishSaysOneMessageAndTwoMessages()
    {
        QVERIFY(installLanguage(*qApp, u"en"_s));
        const TranslatedNotificationTexts texts;
        QCOMPARE(texts.summaryTitle(1), u"1 new message"_s);
        QCOMPARE(texts.summaryTitle(200), u"200 new messages"_s);
        NotificationDecision decision;
        decision.conversationName = u"general"_s;
        decision.workspaceName = u"Moim HQ"_s;
        QCOMPARE(texts.summaryBody({decision}), u"#general · Moim HQ: 1 message"_s);
        QCOMPARE(texts.summaryBody({decision, decision}), u"#general · Moim HQ: 2 messages"_s);
    }

    // Last: it switches the application to Korean.
    void inKorean()
    {
        const QString a = workspace(0);
        NotificationSettingsPage *page = main()->openNotificationSettings(a);
        QVERIFY(page);
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        QTRY_COMPARE(page->levelButton(Level::All)->text(), u"새 메시지 모두"_s);
        QCOMPARE(
            page->windowTitle(),
            u"%1 알림 설정"_s.arg(m_sessions->account()->workspaces()->workspaces().at(0).name));
        QCOMPARE(page->dayButton(1)->text(), u"월"_s);
        QCOMPARE(page->dayButton(7)->accessibleName(), u"일요일 방해 금지"_s);
        QCOMPARE(TranslatedNotificationTexts().summaryTitle(3), u"새 메시지 3개"_s);
        std::unique_ptr<QMenu> menu(main()->sidebar()->buildTileMenu(workspace(2)));
        QVERIFY(actionNamed(menu->actions(), u"알림 설정…"_s));
        // The words changed at once; the layout follows them at the next turn of the loop.
        QCoreApplication::sendPostedEvents();
        for (QLabel *label : page->findChildren<QLabel *>()) {
            QVERIFY2(label->width() >= label->minimumSizeHint().width(), qPrintable(label->text()));
        }
        if (qEnvironmentVariableIsSet("MOIM_SCREENSHOT_DIR"))
            page->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") +
                              u"/notification-settings-ko.png"_s);
        page->close();
    }
};

QTEST_MAIN(TestNotificationSettingsPage)
#include "test_notification_settings_page.moc"
