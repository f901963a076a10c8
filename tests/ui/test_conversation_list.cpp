// The conversation list offscreen, against the mock server: arrow keys open what they
// highlight, Alt+arrows find unread conversations, bold means unread, the order is kept, each
// workspace remembers where it was read, and the window fits its screen without overlaps.
#include "account/conversation_model.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "chat/composer.h"
#include "chat/history_model.h"
#include "chat/message_view.h"
#include "common/date_text.h"
#include "language.h"
#include "login/login_window.h"
#include "main/conversation_delegate.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "main/workspace_tile.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAction>
#include <QApplication>
#include <QListView>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Minji = u"minji.choi@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestConversationList : public QObject
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

    std::unique_ptr<Fixture> open(MemorySecretStore &secrets)
    {
        auto fixture = std::make_unique<Fixture>();
        fixture->api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                                   u"moim-desktop"_s, u"0.1.0"_s);
        fixture->sessions =
            std::make_unique<SessionManager>(Profile(), fixture->api.get(), &secrets);
        fixture->windows = std::make_unique<WindowController>(fixture->sessions.get());
        fixture->windows->start();
        return fixture;
    }

    MainWindow *signIn(Fixture &f)
    {
        f.windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                f.windows->mainWindow() && f.windows->mainWindow()->isVisible(), 20000);
        }();
        MainWindow *main = f.windows->mainWindow();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(f.sessions->account()->connection(),
                                      Account::Connection::Online, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() >= 3, 10000);
        }();
        return main;
    }

    QString idAt(MainWindow *main, int row)
    {
        return main->conversationList()
            ->model()
            ->index(row, 0)
            .data(ConversationModel::IdRole)
            .toString();
    }

    bool post(const QString &conversationId, const QString &body)
    {
        QString output;
        const bool ok = m_server.admin({u"post"_s, Minji, conversationId, body}, &output) == 0;
        if (!ok)
            qWarning() << output;
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void arrowKeysOpenWhatTheyHighlight()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QListView *list = main->conversationList();
        main->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(main));
        main->openConversation(idAt(main, 0));
        list->setFocus();
        QVERIFY(list->hasFocus());

        for (const int row : {1, 2, 1, 2}) {
            QTest::keyClick(list, row == 1 && list->currentIndex().row() == 2 ? Qt::Key_Up
                                                                              : Qt::Key_Down);
            // The open conversation is the highlighted one, and the only highlighted one.
            QCOMPARE(main->openConversationId(), idAt(main, row));
            QCOMPARE(list->currentIndex().row(), row);
            QCOMPARE(list->selectionModel()->selectedRows().size(), 1);
            QCOMPARE(list->selectionModel()->selectedRows().first().row(), row);
            QCOMPARE(main->history()->conversationId(), idAt(main, row));
            // The keyboard stays in the list for the next step.
            QVERIFY(list->hasFocus());
        }
        // Enter goes to writing.
        QTest::keyClick(list, Qt::Key_Return);
        QVERIFY(main->composer()->hasFocus());

        // Escape with nothing written says "done reading"; with a draft it does not.
        QSignalSpy done(main->composer(), &Composer::emptyEscapePressed);
        QTest::keyClick(main->composer(), Qt::Key_Escape);
        QCOMPARE(done.size(), 1);
        QTest::keyClicks(main->composer(), u"draft"_s);
        QTest::keyClick(main->composer(), Qt::Key_Escape);
        QCOMPARE(done.size(), 1);
    }

    void altArrowsJumpToUnreadConversations()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QAbstractItemModel *model = main->conversationList()->model();
        Chat *chat = f->sessions->account()->chat();
        main->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(main));
        main->orderByNameAction()->trigger(); // rows stay where they are as messages arrive
        main->openConversation(idAt(main, 0));
        for (int row = 1; row < model->rowCount(); ++row)
            chat->markRead(idAt(main, row));
        const QString target = idAt(main, 2);
        QVERIFY(post(target, u"Alt+↓ 로 찾아오세요"_s));
        QTRY_VERIFY_WITH_TIMEOUT(chat->unread(target) > 0, 10000);

        // Bold exactly where something is unread.
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const bool bold =
                ConversationDelegate::nameFont(main->font(), index).weight() >= QFont::Bold;
            QCOMPARE(bold, chat->unread(index.data(ConversationModel::IdRole).toString()) > 0);
        }
        // The row tells a screen reader its name, the count and the newest message.
        const QString spoken =
            model
                ->index(model->match(model->index(0, 0), ConversationModel::IdRole, target)
                            .first()
                            .row(),
                        0)
                .data(Qt::AccessibleTextRole)
                .toString();
        QVERIFY2(spoken.contains(u"Alt+↓ 로 찾아오세요"_s) && spoken.contains(u"1 unread"_s),
                 qPrintable(spoken));

        // Muted: dimmed, its unread count in no total, and Alt+↓ passes it by.
        const QString workspace = main->currentWorkspaceId();
        const int counted = chat->workspaceUnread(workspace);
        const int total = chat->totalUnread();
        chat->setMuted(target, true);
        QVERIFY(model->index(2, 0).data(ConversationModel::MutedRole).toBool());
        QCOMPARE(chat->workspaceUnread(workspace), counted - chat->unread(target));
        QCOMPARE(chat->totalUnread(), total - chat->unread(target));
        QTest::keyClick(main, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(main->openConversationId(), idAt(main, 0));
        chat->setMuted(target, false);
        QCOMPARE(chat->totalUnread(), total);

        QTest::keyClick(main, Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(main->openConversationId(), target);
        QCOMPARE(
            main->conversationList()->currentIndex().data(ConversationModel::IdRole).toString(),
            target);
        QTRY_COMPARE(chat->unread(target), 0);
        // Nothing else unread: Alt+↑ stays.
        QTest::keyClick(main, Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(main->openConversationId(), target);
    }

    void orderIsTheUsersChoiceAndKept()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QAbstractItemModel *model = main->conversationList()->model();
        main->orderByNameAction()->trigger();
        QStringList channels;
        bool directSeen = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const bool direct = index.data(ConversationModel::IsDirectRole).toBool();
            QVERIFY2(direct || !directSeen, "channels come before direct conversations");
            directSeen = directSeen || direct;
            if (!direct)
                channels.append(index.data().toString());
        }
        QStringList sorted = channels;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(channels, sorted);
        QSettings settings(f->sessions->profile().settingsFile(), QSettings::IniFormat);
        QCOMPARE(settings.value(u"ui/conversationOrder"_s).toString(), u"name"_s);

        // By activity: a message moves its channel to the top of the channels.
        main->orderByActivityAction()->trigger();
        const QString last = idAt(main, channels.size() - 1);
        QVERIFY(post(last, u"올라갑니다"_s));
        QTRY_COMPARE_WITH_TIMEOUT(idAt(main, 0), last, 10000);
        QCOMPARE(settings.value(u"ui/conversationOrder"_s).toString(), u"activity"_s);
    }

    void eachWorkspaceRemembersWhereItWasRead()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        main->resize(900, 600);
        const QString workspace = main->currentWorkspaceId();
        const QString conversation = idAt(main, 1);
        main->openConversation(conversation);
        for (int i = 0; i < 40; ++i)
            QVERIFY(post(conversation, u"줄 %1: 스크롤할 만큼 긴 대화"_s.arg(i)));
        HistoryModel *history = main->history();
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 40, 10000);
        MessageView *view = main->messageView();
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 400);
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        QApplication::processEvents();
        const QModelIndex top = view->indexAt(QPoint(view->viewport()->width() / 2, 0));
        QVERIFY(top.isValid());
        const QString topMessage = top.data(HistoryModel::LocalIdRole).toString();
        const int topOffset = view->visualRect(top).top();

        main->sidebar()->selectWorkspace(main->sidebar()->tiles().at(1)->workspaceId());
        QVERIFY(main->openConversationId().isEmpty());
        main->sidebar()->selectWorkspace(workspace);
        QTRY_COMPARE_WITH_TIMEOUT(main->openConversationId(), conversation, 10000);
        QCOMPARE(
            main->conversationList()->currentIndex().data(ConversationModel::IdRole).toString(),
            conversation);
        QApplication::processEvents();
        const QModelIndex again = view->indexAt(QPoint(view->viewport()->width() / 2, 0));
        QCOMPARE(again.data(HistoryModel::LocalIdRole).toString(), topMessage);
        QCOMPARE(view->visualRect(again).top(), topOffset);
    }

    void minimumSizeOverlapsNothing()
    {
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        main->openConversation(idAt(main, 0));
        main->resize(400, 300);
        QApplication::processEvents();
        QVERIFY2(main->width() > 400 && main->height() > 300,
                 qPrintable(u"%1×%2"_s.arg(main->width()).arg(main->height())));
        auto area = [main](QWidget *widget) {
            return QRect(widget->mapTo(main, QPoint(0, 0)), widget->size());
        };
        QSplitter *splitter = main->splitter();
        const QList<QWidget *> columns{main->sidebar(), splitter->widget(0), splitter->widget(1)};
        for (int i = 0; i < columns.size(); ++i) {
            QVERIFY(main->rect().contains(area(columns.at(i))));
            for (int j = i + 1; j < columns.size(); ++j)
                QVERIFY2(!area(columns.at(i)).intersects(area(columns.at(j))),
                         qPrintable(u"column %1 covers column %2"_s.arg(i).arg(j)));
        }
        const QRect content = area(splitter->widget(1));
        QVERIFY(content.contains(area(main->composer())));
        QVERIFY(content.contains(area(main->messageView())));
        QVERIFY(!area(main->composer()).intersects(area(main->messageView())));
        QVERIFY(main->messageView()->height() > 60);
    }

    void savedGeometryFitsTheScreen()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        {
            // Saved on a bigger screen.
            QWidget big;
            big.setGeometry(0, 0, 1100, 720);
            QSettings settings(Profile().settingsFile(), QSettings::IniFormat);
            settings.setValue(u"ui/mainWindowGeometry"_s, big.saveGeometry());
        }
        QVERIFY(available.width() < 1100 && available.height() < 720);
        MemorySecretStore secrets;
        auto f = open(secrets);
        MainWindow *main = signIn(*f);
        QVERIFY2(available.contains(main->frameGeometry()),
                 qPrintable(u"%1×%2 on %3×%4"_s.arg(main->frameGeometry().width())
                                .arg(main->frameGeometry().height())
                                .arg(available.width())
                                .arg(available.height())));
        QVERIFY(main->minimumWidth() <= available.width());
        QVERIFY(main->minimumHeight() <= available.height());
    }

    // Last: it installs the Korean translation for the rest of the process.
    void listTimeSpeaksMoimsLanguage()
    {
        const QDateTime now(QDate(2026, 12, 3), QTime(16, 20));
        const QDateTime today(QDate(2026, 12, 3), QTime(15, 57));
        const QDateTime yesterday(QDate(2026, 12, 2), QTime(23, 10));
        const QDateTime thisYear(QDate(2026, 11, 28), QTime(9, 0));
        const QDateTime lastYear(QDate(2025, 11, 28), QTime(9, 0));
        QVERIFY(installLanguage(*qApp, u"en"_s));
        QCOMPARE(DateText::listTime(today, now), u"3:57 PM"_s);
        QCOMPARE(DateText::listTime(yesterday, now), u"Yesterday"_s);
        QCOMPARE(DateText::listTime(thisYear, now), u"28 Nov"_s);
        QCOMPARE(DateText::listTime(lastYear, now), u"28 Nov 2025"_s);
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        QCOMPARE(DateText::listTime(today, now), u"오후 3:57"_s);
        QCOMPARE(DateText::listTime(yesterday, now), u"어제"_s);
        QCOMPARE(DateText::listTime(thisYear, now), u"11.28."_s);
        QCOMPARE(DateText::listTime(lastYear, now), u"2025.11.28."_s);
        QCOMPARE(DateText::listTime(QDateTime(), now), QString());
    }
};

int main(int argc, char **argv)
{
    // The offscreen screen (800×600) at 125 %: 640×480 logical pixels, less than the default
    // and the saved window sizes, as on a small laptop at a larger scale.
    qputenv("QT_SCALE_FACTOR", "1.25");
    QApplication app(argc, argv);
    TestConversationList test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_conversation_list.moc"
