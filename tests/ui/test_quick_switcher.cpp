// The quick switcher (Ctrl+K), offscreen against the real mock server: finding workspaces,
// conversations of every workspace and people by name, 초성 and Latin spelling; jumping there
// with the keyboard alone; opening the direct conversation with a person; the recently used
// first and remembered; what a screen reader hears; and Korean.
#include "account/account.h"
#include "auth/session_manager.h"
#include "language.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "search/quick_switcher.h"
#include "search/switcher_model.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestQuickSwitcher : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    QHash<QString, QString> m_workspaces; // id by English name

    MainWindow *main() const { return m_windows->mainWindow(); }
    Account *account() const { return m_sessions->account(); }

    QuickSwitcher *openSwitcher()
    {
        QTest::keyClick(main(), Qt::Key_K, Qt::ControlModifier);
        auto *switcher = main()->findChild<QuickSwitcher *>();
        return switcher && switcher->isVisible() ? switcher : nullptr;
    }

    static void type(QuickSwitcher *switcher, const QString &text)
    {
        switcher->field()->clear();
        // As an input method commits it: Hangul arrives composed, not as key codes.
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(switcher->field(), &commit);
    }

    static QString rowText(QuickSwitcher *switcher, int row)
    {
        return switcher->model()->index(row).data(Qt::DisplayRole).toString();
    }

    static int rowOf(QuickSwitcher *switcher, const QString &name, SwitcherEntry::Kind kind)
    {
        for (int row = 0; row < switcher->model()->rowCount(); ++row) {
            const SwitcherEntry &entry = switcher->model()->entry(row);
            if (entry.name == name && entry.kind == kind)
                return row;
        }
        return -1;
    }

    std::optional<Conversation> conversationNamed(const QString &workspaceId,
                                                  const QString &name) const
    {
        for (const Conversation &conversation : account()->conversations(workspaceId)) {
            if (conversation.name == name)
                return conversation;
        }
        return std::nullopt;
    }

    static void save(QWidget *widget, const QString &name)
    {
        if (qEnvironmentVariableIsSet("MOIM_SCREENSHOT_DIR"))
            widget->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, qEnvironmentVariable("MOIM_THEME") == "dark"_L1 ? Theme::Scheme::Dark
                                                                            : Theme::Scheme::Light);
        QVERIFY(installLanguage(*qApp, u"en"_s)); // the plural forms
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
        for (const Workspace &workspace : account()->workspaces()->workspaces())
            m_workspaces.insert(workspace.nameEn, workspace.id);
        QCOMPARE(m_workspaces.size(), 3);
        main()->resize(1100, 720);
        main()->activateWindow();
        QVERIFY(main()->sidebar()->selectWorkspace(m_workspaces.value(u"Moim HQ"_s)));
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
    }

    void ctrlKOpensAndEscapeCloses()
    {
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        QVERIFY(switcher->field()->hasFocus());
        QVERIFY(switcher->field()->text().isEmpty());
        QCOMPARE(switcher->field()->accessibleName(), u"Jump to"_s);
        // The other workspaces' lists are fetched for it; their conversations appear.
        QTRY_VERIFY_WITH_TIMEOUT(
            conversationNamed(m_workspaces.value(u"Seoul Engineering"_s), u"deploys"_s), 10000);
        QTest::keyClick(switcher->field(), Qt::Key_Escape);
        QVERIFY(!switcher->isVisible());
    }

    void findsByInitialsRomanisedAndEnglishNames()
    {
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        // People arrive from every workspace's member list.
        type(switcher, u"ㅊㅁㅈ"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(switcher, u"최민지"_s, SwitcherEntry::Kind::Person) >= 0,
                                 10000);
        QCOMPARE(rowText(switcher, 0), u"최민지"_s);
        // 최민지 is in two of Jimin's workspaces: one row for each, saying where.
        QStringList where;
        for (int row = 0; row < switcher->model()->rowCount(); ++row)
            where.append(switcher->model()->entry(row).where);
        // In the English UI, by the workspaces' English names.
        QVERIFY(where.contains(u"Moim HQ"_s));
        QVERIFY(where.contains(u"Seoul Engineering"_s));

        type(switcher, u"ㅇㅂ"_s); // 일반
        QVERIFY(switcher->model()->rowCount() >= 2);
        QCOMPARE(rowText(switcher, 0), u"일반"_s);

        type(switcher, u"minji"_s);
        QCOMPARE(rowText(switcher, 0), u"최민지"_s);
        type(switcher, u"choi minji"_s);
        QCOMPARE(rowText(switcher, 0), u"최민지"_s);
        type(switcher, u"Hayoon"_s);
        QCOMPARE(rowText(switcher, 0), u"정하윤"_s);
        // Sarah Lee shares a workspace with Jimin; Emily Song does not.
        type(switcher, u"Lee"_s);
        QVERIFY(rowOf(switcher, u"Sarah Lee"_s, SwitcherEntry::Kind::Conversation) >= 0);
        type(switcher, u"Emily"_s);
        QCOMPARE(switcher->model()->rowCount(), 0);

        // A workspace by its English name, its own tile first.
        type(switcher, u"design"_s);
        QCOMPARE(switcher->model()->entry(0).kind, SwitcherEntry::Kind::Workspace);
        QCOMPARE(switcher->model()->entry(0).id, m_workspaces.value(u"Design Studio"_s));
        QVERIFY(rowOf(switcher, u"design-review"_s, SwitcherEntry::Kind::Conversation) > 0);

        type(switcher, u"zzzz"_s);
        QCOMPARE(switcher->model()->rowCount(), 0);
        QVERIFY2(switcher->status()->text().contains(u"Nothing matches"_s),
                 qPrintable(switcher->status()->text()));
        switcher->close();
    }

    void screenReadersHearTheCountAndEachRow()
    {
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        // 한도현 in HQ is a direct conversation already: one row, not a second for the person.
        type(switcher, u"ㅎㄷㅎ"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(switcher, u"한도현"_s, SwitcherEntry::Kind::Person) < 0,
                                 10000);
        QCOMPARE(switcher->model()->rowCount(), 1);
        QCOMPARE(switcher->list()->accessibleName(), u"1 result"_s);
        QCOMPARE(switcher->model()->index(0).data(Qt::AccessibleTextRole).toString(),
                 u"한도현, direct message in Moim HQ"_s);
        // Daniel Cho is in no conversation with Jimin, in two of the same workspaces.
        type(switcher, u"daniel"_s);
        QTRY_COMPARE_WITH_TIMEOUT(switcher->model()->rowCount(), 2, 10000);
        QCOMPARE(switcher->list()->accessibleName(), u"2 results"_s);
        QCOMPARE(switcher->model()
                     ->index(0)
                     .data(Qt::AccessibleTextRole)
                     .toString()
                     .section(u", "_s, 1, 1),
                 u"person in "_s + switcher->model()->entry(0).where);
        type(switcher, u"random"_s);
        QCOMPARE(switcher->list()->accessibleName(), u"2 results"_s);
        QCOMPARE(
            switcher->model()->index(0).data(Qt::AccessibleTextRole).toString().section(u", "_s, 1),
            u"channel in "_s + switcher->model()->entry(0).where);
        switcher->close();
    }

    void enterJumpsToAConversationOfAnotherWorkspace()
    {
        const QString seoul = m_workspaces.value(u"Seoul Engineering"_s);
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        type(switcher, u"deplo"_s);
        QCOMPARE(rowText(switcher, 0), u"deploys"_s);
        save(main(), u"quick-switcher.png"_s);
        QTest::keyClick(switcher->field(), Qt::Key_Return);
        QVERIFY(!switcher->isVisible());
        QCOMPARE(main()->currentWorkspaceId(), seoul);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(),
                                  conversationNamed(seoul, u"deploys"_s)->id, 10000);
    }

    void arrowsChooseAndRecentComeFirst()
    {
        const QString hq = m_workspaces.value(u"Moim HQ"_s);
        const QString seoul = m_workspaces.value(u"Seoul Engineering"_s);
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        // Nothing typed: the place used last is first.
        QCOMPARE(switcher->model()->entry(0).id, conversationNamed(seoul, u"deploys"_s)->id);
        // Two channels named random: the arrow picks the one in HQ, whichever is first.
        type(switcher, u"random"_s);
        QCOMPARE(switcher->model()->rowCount(), 2);
        const int hqRow = switcher->model()->entry(0).workspaceId == hq ? 0 : 1;
        if (hqRow == 1)
            QTest::keyClick(switcher->field(), Qt::Key_Down);
        QCOMPARE(switcher->list()->currentIndex().row(), hqRow);
        QTest::keyClick(switcher->field(), Qt::Key_Return);
        QCOMPARE(main()->currentWorkspaceId(), hq);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(),
                                  conversationNamed(hq, u"random"_s)->id, 10000);
        // Used last, it now comes first among the two.
        switcher = openSwitcher();
        type(switcher, u"random"_s);
        QCOMPARE(switcher->model()->entry(0).workspaceId, hq);
        QTest::keyClick(switcher->field(), Qt::Key_Down);
        QCOMPARE(switcher->model()->entry(1).workspaceId, seoul);
        QCOMPARE(switcher->list()->currentIndex().row(), 1);
        QTest::keyClick(switcher->field(), Qt::Key_Up);
        QCOMPARE(switcher->list()->currentIndex().row(), 0);
        switcher->close();
    }

    void aPersonOpensTheDirectConversation()
    {
        const QString hq = m_workspaces.value(u"Moim HQ"_s);
        const QString design = m_workspaces.value(u"Design Studio"_s);
        // An existing one: Jimin and 한도현 talk in HQ.
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        type(switcher, u"dohyun"_s);
        QTRY_COMPARE_WITH_TIMEOUT(rowText(switcher, 0), u"한도현"_s, 10000);
        QCOMPARE(switcher->model()->entry(0).kind, SwitcherEntry::Kind::Conversation);
        QTest::keyClick(switcher->field(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!switcher->isVisible(), 10000);
        QCOMPARE(main()->currentWorkspaceId(), hq);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(),
                                  conversationNamed(hq, u"한도현"_s)->id, 10000);

        // A new one: Jimin never wrote to 정하윤 in Design Studio.
        QVERIFY(!conversationNamed(design, u"정하윤"_s));
        switcher = openSwitcher();
        type(switcher, u"정하"_s);
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            (row = rowOf(switcher, u"정하윤"_s, SwitcherEntry::Kind::Person)) >= 0, 10000);
        while (switcher->model()->entry(row).workspaceId != design) {
            ++row;
            QVERIFY(row < switcher->model()->rowCount());
        }
        switcher->activate(row);
        QTRY_VERIFY_WITH_TIMEOUT(conversationNamed(design, u"정하윤"_s).has_value(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(main()->currentWorkspaceId(), design, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(),
                                  conversationNamed(design, u"정하윤"_s)->id, 10000);
    }

    // The recently used survive the window: another switcher on the same state reads them.
    void recentAreRemembered()
    {
        QTemporaryDir dir;
        QSettings state(dir.filePath(u"state.ini"_s), QSettings::IniFormat);
        QWidget window;
        window.resize(800, 600);
        QuickSwitcher first(account(), &state, &window);
        first.open();
        first.field()->setText(u"공지"_s);
        QVERIFY(first.model()->rowCount() >= 3);
        const SwitcherEntry chosen = first.model()->entry(2);
        QSignalSpy requested(&first, &QuickSwitcher::conversationRequested);
        first.activate(2);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(1).toString(), chosen.id);

        QuickSwitcher second(account(), &state, &window);
        second.open();
        QCOMPARE(second.model()->entry(0).id, chosen.id);
        second.field()->setText(u"공지"_s);
        QCOMPARE(second.model()->entry(0).id, chosen.id);
    }

    // Last: it switches the application to Korean.
    void inKorean()
    {
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        QuickSwitcher *switcher = openSwitcher();
        QVERIFY(switcher);
        QTRY_COMPARE(switcher->field()->accessibleName(), u"바로 가기"_s);
        type(switcher, u"ㄱㅈ"_s);
        QVERIFY(switcher->model()->rowCount() >= 1);
        QVERIFY2(switcher->status()->text().contains(u"개"_s),
                 qPrintable(switcher->status()->text()));
        type(switcher, u"ㅎㄷㅎ"_s);
        QTRY_COMPARE_WITH_TIMEOUT(switcher->model()->rowCount(), 1, 10000);
        QCOMPARE(switcher->model()->index(0).data(Qt::AccessibleTextRole).toString(),
                 u"한도현, 모임 본사의 다이렉트 메시지"_s);
        QCOMPARE(switcher->list()->accessibleName(), u"결과 1개"_s);
        type(switcher, u""_s);
        save(main(), u"quick-switcher-ko.png"_s);
        switcher->close();
    }
};

QTEST_MAIN(TestQuickSwitcher)
#include "test_quick_switcher.moc"
