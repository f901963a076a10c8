// The main window offscreen: switching workspaces by keyboard and swipe, the remembered start
// painted from the cache before the server answers, live membership changes, and logout.
#include "account/my_account_page.h"
#include "auth/device_proof_store.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "chat/composer.h"
#include "chat/history_model.h"
#include "chat/message_view.h"
#include "common/date_text.h"
#include "common/notice.h"
#include "holding_proxy.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "main/workspace_tile.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/notification_settings_page.h"
#include "screen_reader_on.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAccessible>
#include <QApplication>
#include <QDesktopServices>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

// Stands in for the browser: QDesktopServices hands it every web link Moim opens.
class BrowserStandIn : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void openUrl(const QUrl &url) { opened.append(url); }
};

class TestMainWindow : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;

    struct Fixture
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<WindowController> windows;
    };

    std::unique_ptr<Fixture> open(MemorySecretStore &secrets, const QUrl &server)
    {
        auto fixture = std::make_unique<Fixture>();
        fixture->api = std::make_unique<ApiClient>(ServerAddress::parse(server.toString()),
                                                   u"moim-desktop"_s, u"0.1.0"_s);
        fixture->sessions =
            std::make_unique<SessionManager>(Profile(), fixture->api.get(), &secrets);
        fixture->windows = std::make_unique<WindowController>(fixture->sessions.get());
        fixture->windows->start();
        return fixture;
    }

    // Signs in through the login window, as a user would.
    MainWindow *signIn(Fixture &f, const QString &email, bool sharedComputer = false)
    {
        LoginWindow *login = f.windows->loginWindow();
        login->passwordLogin()->submit(email, Password, true, sharedComputer);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                f.windows->mainWindow() && f.windows->mainWindow()->isVisible(), 20000);
        }();
        return f.windows->mainWindow();
    }

    // The first listed conversation of the current workspace matching `wanted`.
    QString findConversation(MainWindow *main, const std::function<bool(const QString &)> &wanted)
    {
        const QAbstractItemModel *list = main->conversationList()->model();
        for (int row = 0; row < list->rowCount(); ++row) {
            const QString id = list->index(row, 0).data(ConversationModel::IdRole).toString();
            if (wanted(id))
                return id;
        }
        return {};
    }

    bool post(const QString &author, const QString &conversation, const QString &body)
    {
        QString output;
        const bool posted = m_server.admin({u"post"_s, author, conversation, body}, &output) == 0;
        if (!posted)
            qWarning() << output;
        return posted;
    }

    QStringList tileIds(WorkspaceSidebar *sidebar)
    {
        QStringList ids;
        for (WorkspaceTile *tile : sidebar->tiles())
            ids.append(tile->workspaceId());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void keyboardSwitchesWorkspaces()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        WorkspaceSidebar *sidebar = main->sidebar();
        const QStringList ids = tileIds(sidebar);
        QCOMPARE(ids.size(), 3);
        // The account menu names who is signed in on two lines, without angle brackets.
        auto *header = main->findChild<QWidget *>(u"AccountMenuHeader"_s);
        QVERIFY(header);
        const auto lines = header->findChildren<QLabel *>();
        QCOMPARE(lines.size(), 2);
        QVERIFY(!lines.at(0)->text().isEmpty() && !lines.at(0)->text().contains(u'<'));
        QCOMPARE(lines.at(1)->text(), Jimin);
        main->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(main));

        QTest::keyClick(main, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(1));
        QTest::keyClick(main, Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(2));
        QTest::keyClick(main, Qt::Key_Tab, Qt::ControlModifier); // wraps around
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(0));
        QTest::keyClick(main, Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(2));
        QTest::keyClick(main, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(0));
        // Ctrl+9 is the last workspace, as in browsers, whatever their number.
        QTest::keyClick(main, Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(2));
        QTest::keyClick(main, Qt::Key_8, Qt::ControlModifier); // no eighth workspace: stays
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(2));
        QTest::keyClick(main, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(0));

        // Arrow keys walk the tiles once one has focus.
        sidebar->tiles().at(0)->setFocus();
        QTest::keyClick(sidebar->tiles().at(0), Qt::Key_Down);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(1));

        // The header follows the selection, with the workspace's own name.
        const auto &workspaces = f->sessions->account()->workspaces()->workspaces();
        QCOMPARE(main->workspaceTitle(), workspaces.at(1).name);
        // Its conversations arrive from the server.
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
    }

    void swipeOverTheSidebarSwitches()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        WorkspaceSidebar *sidebar = main->sidebar();
        const QStringList ids = tileIds(sidebar);
        sidebar->selectIndex(0);

        // A touchpad swipe to the left arrives as horizontal scrolling.
        const QPointF inside(sidebar->width() / 2.0, sidebar->height() - 120.0);
        QWheelEvent swipeLeft(inside, sidebar->mapToGlobal(inside), QPoint(), QPoint(-240, 0),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(sidebar, &swipeLeft);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(1));
        QWheelEvent swipeRight(inside, sidebar->mapToGlobal(inside), QPoint(), QPoint(240, 0),
                               Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(sidebar, &swipeRight);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(0));
        // Vertical scrolling is not a swipe.
        QWheelEvent scroll(inside, sidebar->mapToGlobal(inside), QPoint(), QPoint(0, -240),
                           Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(sidebar, &scroll);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(0));

        // A drag across a tile is a swipe too, and does not click the tile.
        WorkspaceTile *tile = sidebar->tiles().at(0);
        QTest::mousePress(tile, Qt::LeftButton, {}, QPoint(60, 20));
        QTest::mouseRelease(tile, Qt::LeftButton, {}, QPoint(5, 22));
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(1));
        // A plain click selects.
        QTest::mouseClick(sidebar->tiles().at(2), Qt::LeftButton);
        QCOMPARE(sidebar->currentWorkspaceId(), ids.at(2));
    }

    void rememberedStartPaintsFromTheCacheBeforeTheServerAnswers()
    {
        MemorySecretStore secrets;
        QString chosen;
        {
            auto f = open(secrets, m_server.url());
            MainWindow *main = signIn(*f, Jimin);
            main->sidebar()->selectIndex(2);
            chosen = main->sidebar()->currentWorkspaceId();
            QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
            // Remembered: the refresh token and the sign-in's device proof.
            QTRY_COMPARE(secrets.contents().size(), 2);
        }

        // start() paints synchronously: no event has run, so no server answer can have arrived.
        auto f = open(secrets, m_server.url());
        MainWindow *main = f->windows->mainWindow();
        QVERIFY(main && main->isVisible());
        QVERIFY(!f->windows->loginWindow() || !f->windows->loginWindow()->isVisible());
        QCOMPARE(main->sidebar()->count(), 3);
        // The last workspace comes back, with its conversations, from the cache alone.
        QCOMPARE(main->currentWorkspaceId(), chosen);
        QVERIFY(main->conversationList()->model()->rowCount() > 0);
        QVERIFY(!main->connectionBanner()->isVisible());
    }

    void heldServerStillShowsTheCache()
    {
        MemorySecretStore secrets;
        {
            auto f = open(secrets, m_server.url());
            signIn(*f, Jimin);
            // Remembered: the refresh token and the sign-in's device proof.
            QTRY_COMPARE(secrets.contents().size(), 2);
        }
        // Point this profile at a proxy that answers nothing yet: same cache, same keychain key,
        // because both are named after the account, and the session remembers the server key.
        test::HoldingProxy proxy(m_server.url());
        QVERIFY(proxy.listen());
        proxy.hold();
        Profile profile;
        QSettings settings(profile.settingsFile(), QSettings::IniFormat);
        auto proxyApi = std::make_unique<ApiClient>(ServerAddress::parse(proxy.url().toString()),
                                                    u"moim-desktop"_s, u"0.1.0"_s);
        settings.setValue(u"session/server"_s, proxyApi->server().key());
        settings.sync();
        auto f = open(secrets, proxy.url());
        MainWindow *main = f->windows->mainWindow();
        QVERIFY(main && main->isVisible());
        QCOMPARE(main->sidebar()->count(), 3);
        QTRY_VERIFY(proxy.heldConnections() > 0); // the refresh is waiting at the proxy
        QCOMPARE(f->sessions->account()->connection(), Account::Connection::Connecting);
        proxy.release();
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->account()->connection(), Account::Connection::Online,
                                  10000);
        QCOMPARE(main->sidebar()->count(), 3);
    }

    void logoutReturnsToLogin()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        const QString cacheFile = f->sessions->cacheFile(f->sessions->account()->identity().id);
        QVERIFY(QFile::exists(cacheFile));
        QSignalSpy logout(main, &MainWindow::logoutRequested);
        QTest::keyClick(main, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(logout.size(), 1);
        QTRY_VERIFY(f->windows->loginWindow() && f->windows->loginWindow()->isVisible());
        QTRY_VERIFY(!f->windows->mainWindow());
        // The session's secret is gone; only the device proof stays.
        QTRY_COMPARE(secrets.contents().keys(), QStringList{DeviceProofStore::keychainKey(Jimin)});
        QVERIFY(QFile::exists(cacheFile)); // an ordinary logout keeps the cache
    }

    // What the tile's and the account's popup menus offer is also on buttons: a screen reader
    // cannot reach a QMenu under Qt 6.4.
    void menuActionsHaveReachableButtons()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        QToolButton *settings = main->workspaceSettingsButton();
        QTRY_VERIFY(settings->isVisible());
        QCOMPARE(settings->accessibleName(),
                 u"Notification settings for "_s + main->workspaceTitle());
        QVERIFY(settings->focusPolicy() & Qt::TabFocus);
        settings->click();
        const auto settingsShown = [main] {
            for (auto *page : main->findChildren<NotificationSettingsPage *>()) {
                if (page->isVisible())
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(settingsShown());

        MyAccountPage *account = main->openMyAccount();
        // The devices tab's rows are in the accessibility tree while it shows, and not as
        // showing once another tab is chosen. With a screen reader on, as the list's rows are
        // announced to it only then.
        test::turnScreenReaderOn();
        const auto screenReaderOff = qScopeGuard([] { test::turnScreenReaderOn(false); });
        const auto showingRows = [account] {
            QAccessibleInterface *list =
                QAccessible::queryAccessibleInterface(account->sessionList());
            int showing = 0;
            for (int i = 0; list && i < list->childCount(); ++i) {
                QAccessibleInterface *row = list->child(i);
                if (row && !row->state().invisible && !row->text(QAccessible::Name).isEmpty())
                    ++showing;
            }
            return showing;
        };
        account->tabs()->setCurrentIndex(2);
        QTRY_VERIFY_WITH_TIMEOUT(showingRows() > 0, 10000);
        account->tabs()->setCurrentIndex(0);
        QCOMPARE(showingRows(), 0);
        account->tabs()->setCurrentIndex(2);
        QTRY_VERIFY_WITH_TIMEOUT(showingRows() > 0, 10000);
        QSignalSpy preferences(main, &MainWindow::preferencesRequested);
        QSignalSpy logout(main, &MainWindow::logoutRequested);
        for (QPushButton *button :
             {account->preferencesButton(), account->logoutButton(), account->logoutWipeButton()})
            QVERIFY(!button->accessibleName().isEmpty());
        account->preferencesButton()->click();
        QCOMPARE(preferences.size(), 1);
        account->logoutButton()->click();
        QCOMPARE(logout.size(), 1);
        QCOMPARE(logout.first().first().toBool(), false);
        QTRY_VERIFY(f->windows->loginWindow() && f->windows->loginWindow()->isVisible());
    }

    void sharedComputerLogoutRemovesTheCache()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        signIn(*f, Jimin, true);
        const QString accountId = f->sessions->account()->identity().id;
        const QString cacheFile = f->sessions->cacheFile(accountId);
        QVERIFY(QFile::exists(cacheFile));
        QVERIFY(secrets.contents().isEmpty()); // never remembered
        f->sessions->logout();
        QTRY_VERIFY(f->windows->loginWindow() && f->windows->loginWindow()->isVisible());
        QVERIFY(!QFile::exists(cacheFile));
        QVERIFY(!QDir(f->sessions->profile().accountDir(accountId)).exists());
    }

    void linksInMessagesOpenOnClick()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        main->resize(1000, 700);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
        const QModelIndex first = main->conversationList()->model()->index(0, 0);
        const QString conversation = first.data(ConversationModel::IdRole).toString();
        main->openConversation(conversation);
        // Opened from code (as a notification does), it shows as opened by a click would.
        QCOMPARE(main->conversationList()->currentIndex(), first);
        QVERIFY2(main->composer()->placeholderText().contains(first.data().toString()),
                 qPrintable(main->composer()->placeholderText()));
        const QString body =
            u"자료는 https://docs.moim.example/q3에서 보세요. javascript:alert(1)"_s;
        QString output;
        QVERIFY2(m_server.admin({u"post"_s, u"minji.choi@moim.example"_s, conversation, body},
                                &output) == 0,
                 qPrintable(output));
        HistoryModel *history = main->history();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() > 0 && history->messages().last().body == body,
                                 10000);
        MessageView *view = main->messageView();
        QTRY_VERIFY(view->isAtBottom());
        QApplication::processEvents();

        // Walk the message's row: some points are over the link, the rest open nothing.
        const QRect row = view->visualRect(history->index(history->rowCount() - 1));
        QVERIFY(row.isValid());
        QSet<QUrl> found;
        QPoint overLink, besideLink;
        for (int y = row.top(); y < row.bottom(); y += 2) {
            for (int x = row.left(); x < row.right(); x += 3) {
                const QUrl link = view->linkAt(QPoint(x, y));
                if (!link.isEmpty()) {
                    found.insert(link);
                    if (overLink.isNull())
                        overLink = QPoint(x, y);
                } else if (!overLink.isNull() && y == overLink.y() && besideLink.isNull()) {
                    besideLink = QPoint(x, y); // right after the link, on its line
                }
            }
        }
        QCOMPARE(found, QSet<QUrl>{QUrl(u"https://docs.moim.example/q3"_s)});

        BrowserStandIn browser;
        QDesktopServices::setUrlHandler(u"https"_s, &browser, "openUrl");
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, overLink);
        QCOMPARE(browser.opened, QList<QUrl>{QUrl(u"https://docs.moim.example/q3"_s)});
        // Beside the link, a click opens nothing.
        QVERIFY(!besideLink.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, besideLink);
        QCOMPARE(browser.opened.size(), 1);
        QDesktopServices::unsetUrlHandler(u"https"_s);
    }

    // A week of history: a separator where the day changes, groups by sender within 5 minutes,
    // each message's time for a screen reader.
    void timelineSeparatesDaysAndGroupsBySender()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        main->resize(1000, 700);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
        const QString conversation = findConversation(main, [](const QString &) { return true; });
        main->openConversation(conversation);
        HistoryModel *history = main->history();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 30, 10000);
        const auto dayOf = [&](int row) {
            return QDateTime::fromSecsSinceEpoch(
                       history->index(row).data(HistoryModel::TimeRole).toLongLong())
                .date();
        };
        int separators = 0;
        QVERIFY(history->index(0).data(HistoryModel::DayStartRole).toBool());
        for (int row = 1; row < history->rowCount(); ++row) {
            const QModelIndex index = history->index(row);
            const bool newDay = dayOf(row) != dayOf(row - 1);
            QCOMPARE(index.data(HistoryModel::DayStartRole).toBool(), newDay);
            if (newDay) {
                ++separators;
                QVERIFY(index.data(HistoryModel::GroupStartRole).toBool());
            }
        }
        QVERIFY2(separators >= 5, qPrintable(QString::number(separators)));

        // Three in a row from one sender: one group, its header on the first only.
        const QString minji = u"minji.choi@moim.example"_s;
        const QStringList bodies = {u"그룹 하나"_s, u"그룹 둘"_s, u"그룹 셋"_s};
        for (const QString &body : bodies)
            QVERIFY(post(minji, conversation, body));
        QTRY_VERIFY_WITH_TIMEOUT(history->messages().last().body == bodies.last(), 10000);
        const int last = history->rowCount() - 1;
        QVERIFY(!history->index(last - 1).data(HistoryModel::GroupStartRole).toBool());
        QVERIFY(!history->index(last).data(HistoryModel::GroupStartRole).toBool());
        int groupStart = last;
        while (!history->index(groupStart).data(HistoryModel::GroupStartRole).toBool())
            --groupStart;
        QCOMPARE(history->index(groupStart).data(HistoryModel::AuthorIdRole),
                 history->index(last).data(HistoryModel::AuthorIdRole));
        // The rest of a group is shorter than its first: no avatar and name again.
        MessageView *view = main->messageView();
        QTRY_VERIFY(view->visualRect(history->index(last)).isValid());
        QVERIFY(view->visualRect(history->index(last)).height() <
                view->visualRect(history->index(groupStart)).height());

        // Heard with its time, as seen on hover.
        const QString spoken = history->index(last).data(Qt::AccessibleTextRole).toString();
        const QString time = DateText::time(QDateTime::fromSecsSinceEpoch(
            history->index(last).data(HistoryModel::TimeRole).toLongLong()));
        QVERIFY2(spoken.contains(time) && spoken.contains(bodies.last()), qPrintable(spoken));
    }

    // Where I left off: the first unread message under a "new messages" line, the line kept while
    // the conversation is open, and a button to the newest end when more arrive above it.
    void openingWithUnreadShowsTheNewMessagesLine()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        main->resize(1000, 500);
        Chat *chat = f->sessions->account()->chat();
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 1, 10000);
        const QString unreadConversation =
            findConversation(main, [](const QString &) { return true; });
        const QString other =
            findConversation(main, [&](const QString &id) { return id != unreadConversation; });
        main->openConversation(other);
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->account()->connection(), Account::Connection::Online,
                                  10000);
        const QString minji = u"minji.choi@moim.example"_s;
        for (const QString &body : {u"안 읽은 하나"_s, u"안 읽은 둘"_s, u"안 읽은 셋"_s})
            QVERIFY(post(minji, unreadConversation, body));
        QTRY_VERIFY_WITH_TIMEOUT(chat->unread(unreadConversation) >= 3, 10000);
        // The workspace's tile says the count to a screen reader, not only in its badge, and
        // its description is the tooltip's plain text, not its markup.
        WorkspaceTile *tile = nullptr;
        for (WorkspaceTile *candidate : main->sidebar()->tiles())
            if (candidate->isChecked())
                tile = candidate;
        QVERIFY(tile);
        QTRY_VERIFY2(tile->accessibleName().contains(u"unread message"_s),
                     qPrintable(tile->accessibleName()));
        const QString description =
            QAccessible::queryAccessibleInterface(tile)->text(QAccessible::Description);
        QVERIFY2(!description.isEmpty() && !description.contains(u'<'), qPrintable(description));
        main->openConversation(unreadConversation);
        HistoryModel *history = main->history();
        MessageView *view = main->messageView();
        QTRY_VERIFY_WITH_TIMEOUT(history->firstUnreadRow() >= 0, 10000);
        const int line = history->firstUnreadRow();
        QVERIFY(history->index(line).data(HistoryModel::FirstUnreadRole).toBool());
        // The three just posted are under the line.
        QVERIFY2(line <= history->rowCount() - 3, qPrintable(QString::number(line)));
        QCOMPARE(history->messages().at(history->rowCount() - 3).body, u"안 읽은 하나"_s);
        // It is where the view opens, not the bottom.
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(history->index(line))));
        QVERIFY(!view->visualRect(history->index(0)).intersects(view->viewport()->rect()) ||
                line < 3);
        QTRY_COMPARE(chat->unread(unreadConversation), 0); // seen, so read

        // Scrolled up while others write: counted on the way-back button.
        view->verticalScrollBar()->setValue(0);
        QTRY_VERIFY(!view->isAtBottom());
        QVERIFY(post(minji, unreadConversation, u"위에 있는 동안 하나"_s));
        QVERIFY(post(minji, unreadConversation, u"위에 있는 동안 둘"_s));
        QTRY_COMPARE_WITH_TIMEOUT(view->unseenCount(), 2, 10000);
        // A screen reader hears each arrival, in full, wherever the user is.
        QTRY_VERIFY2(view->newMessageAnnouncer()->accessibleName().contains(u"위에 있는 동안 둘"_s),
                     qPrintable(view->newMessageAnnouncer()->accessibleName()));
        QVERIFY(view->newMessageAnnouncer()->accessibleName().contains(u"Choi"_s) ||
                view->newMessageAnnouncer()->accessibleName().contains(u"최민지"_s));
        QVERIFY(view->accessibleName().startsWith(u"Messages in "_s));
        QPushButton *jump = view->jumpToLatestButton();
        QTRY_VERIFY(jump->isVisible());
        QVERIFY2(jump->text().contains(u"(2)"_s), qPrintable(jump->text()));
        // The line stays while the conversation is open.
        QVERIFY(history->firstUnreadRow() >= 0);
        QTest::mouseClick(jump, Qt::LeftButton);
        QTRY_VERIFY(view->isAtBottom());
        QTRY_VERIFY(!jump->isVisible());
        QCOMPARE(view->unseenCount(), 0);

        // Left and opened again: everything is read, no line.
        main->openConversation(other);
        main->openConversation(unreadConversation);
        QCOMPARE(history->readMarkAtOpen(), -1);
        QCOMPARE(history->firstUnreadRow(), -1);
    }

    // A link to a message (copied from its menu) opens its conversation there, highlighted; a
    // link to a message that is not there says so.
    void linkToMessageJumpsThere()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        main->resize(1000, 500);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 1, 10000);
        const QString target = findConversation(main, [](const QString &) { return true; });
        const QString other =
            findConversation(main, [&](const QString &id) { return id != target; });
        main->openConversation(target);
        HistoryModel *history = main->history();
        MessageView *view = main->messageView();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 30 && !history->hasOlder(), 10000);
        const QModelIndex oldest = history->index(0);
        const QUrl link = view->messageLink(oldest);
        const QString localId = oldest.data(HistoryModel::LocalIdRole).toString();
        QCOMPARE(link.scheme(), u"moim"_s);
        QVERIFY2(link.toString().startsWith(u"moim://message/"_s + main->currentWorkspaceId() +
                                            u'/' + target + u'/'),
                 qPrintable(link.toString()));

        main->openConversation(other);
        QCOMPARE(main->openConversationId(), other);
        f->windows->openLink(link.toString());
        QCOMPARE(main->openConversationId(), target);
        QTRY_COMPARE_WITH_TIMEOUT(view->highlightedMessage(), localId, 10000);
        const int row = history->rowOfMessage(oldest.data(HistoryModel::MessageIdRole).toString(),
                                              oldest.data(HistoryModel::SeqRole).toLongLong());
        QVERIFY(row >= 0);
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(history->index(row))));

        // Not in the conversation: looked for back to its start, then said.
        f->windows->openLink(u"moim://message/"_s + main->currentWorkspaceId() + u'/' + target +
                             u"/m_no_such_message"_s);
        QTRY_VERIFY_WITH_TIMEOUT(view->notFoundLabel()->isVisible(), 10000);
        QVERIFY(!view->notFoundLabel()->text().isEmpty());
    }

    // Last: it changes the demo data that the tests above rely on.
    void removedWorkspaceDisappearsLive()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        MainWindow *main = signIn(*f, Jimin);
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->account()->connection(), Account::Connection::Online,
                                  10000);
        const QString removed = main->sidebar()->tiles().at(1)->workspaceId();
        main->sidebar()->selectWorkspace(removed);
        QString output;
        QCOMPARE(m_server.admin({u"remove-member"_s, Jimin, removed}, &output), 0);
        QTRY_COMPARE_WITH_TIMEOUT(main->sidebar()->count(), 2, 10000);
        QVERIFY(!tileIds(main->sidebar()).contains(removed));
        // The user is told, and lands in a workspace that is still theirs.
        QVERIFY(main->connectionBanner()->isVisible());
        QVERIFY2(main->connectionBanner()->message().contains(u"no longer a member"_s),
                 qPrintable(main->connectionBanner()->message()));
        QVERIFY(!main->currentWorkspaceId().isEmpty());
        QVERIFY(main->currentWorkspaceId() != removed);
    }

    void deactivationShowsUnauthorizedUser()
    {
        MemorySecretStore secrets;
        auto f = open(secrets, m_server.url());
        signIn(*f, u"alex.park@moim.example"_s);
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->account()->connection(), Account::Connection::Online,
                                  10000);
        QCOMPARE(m_server.admin({u"deactivate"_s, u"alex.park@moim.example"_s}), 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            f->windows->loginWindow() && f->windows->loginWindow()->isVisible(), 10000);
        QCOMPARE(f->windows->loginWindow()->currentPage(), LoginWindow::Page::Unauthorized);
        QCOMPARE(m_server.admin({u"reactivate"_s, u"alex.park@moim.example"_s}), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
