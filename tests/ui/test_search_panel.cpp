// The search panel in the window, offscreen against the real mock server: Ctrl+F and Ctrl+Shift+F
// put the keyboard in the header's field with the right scope; what was typed becomes a search
// request with its filters resolved (or a clear word when they cannot be); results show who, where,
// when and the words highlighted; the keyboard alone goes from the field into the results and
// opens a message in its conversation, highlighted; people found offer "Message"; the states
// say what is going on; Korean.
#include "account/account.h"
#include "auth/session_manager.h"
#include "chat/history_model.h"
#include "chat/message_view.h"
#include "language.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "search/search_panel.h"
#include "search/search_result_delegate.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QListView>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(moim::ui::SearchPanel::Request)

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestSearchPanel : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    QHash<QString, QString> m_workspaces; // id by English name
    QList<FoundMessage> m_found;          // messages of HQ's 일반 holding 회의록

    MainWindow *main() const { return m_windows->mainWindow(); }
    Account *account() const { return m_sessions->account(); }
    SearchPanel *panel() const { return main()->searchPanel(); }

    std::optional<Conversation> conversationNamed(const QString &workspaceId,
                                                  const QString &name) const
    {
        for (const Conversation &conversation : account()->conversations(workspaceId)) {
            if (conversation.name == name)
                return conversation;
        }
        return std::nullopt;
    }

    void type(const QString &text)
    {
        panel()->field()->clear();
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(panel()->field(), &commit);
    }

    bool resultsShown() const
    {
        return main()->findChild<QStackedWidget *>()->currentWidget() == panel();
    }

    static void save(QWidget *widget, const QString &name)
    {
        if (qEnvironmentVariableIsSet("MOIM_SCREENSHOT_DIR"))
            widget->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<SearchPanel::Request>();
        Theme::apply(*qApp, qEnvironmentVariable("MOIM_THEME") == "dark"_L1 ? Theme::Scheme::Dark
                                                                            : Theme::Scheme::Light);
        QVERIFY(installLanguage(*qApp, u"en"_s));
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
        main()->resize(1100, 720);
        const QString hq = m_workspaces.value(u"Moim HQ"_s);
        QVERIFY(main()->sidebar()->selectWorkspace(hq));
        QTRY_VERIFY_WITH_TIMEOUT(conversationNamed(hq, u"일반"_s).has_value(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(conversationNamed(hq, u"random"_s).has_value(), 10000);

        // Real messages of HQ's 일반 that say 회의록, as a search would find them.
        const QString general = conversationNamed(hq, u"일반"_s)->id;
        main()->openConversation(general);
        QTRY_VERIFY_WITH_TIMEOUT(main()->history()->rowCount() > 10, 10000);
        for (int row = main()->history()->rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = main()->history()->index(row);
            if (!index.data(HistoryModel::BodyRole).toString().contains(u"회의록"_s))
                continue;
            Message message;
            message.id = index.data(HistoryModel::MessageIdRole).toString();
            message.conversationId = general;
            message.seq = index.data(HistoryModel::SeqRole).toLongLong();
            message.authorId = index.data(HistoryModel::AuthorIdRole).toString();
            message.authorName = index.data(HistoryModel::AuthorRole).toString();
            message.body = index.data(HistoryModel::BodyRole).toString();
            message.createdAt = index.data(HistoryModel::TimeRole).toLongLong();
            m_found.append({message, hq, false});
        }
        QVERIFY(m_found.size() >= 2);
        // Two more conversations read on this computer, in another workspace too: searching
        // everywhere finds messages in each.
        const QString seoul = m_workspaces.value(u"Seoul Engineering"_s);
        main()->openConversation(conversationNamed(hq, u"random"_s)->id);
        QTRY_VERIFY_WITH_TIMEOUT(main()->history()->rowCount() > 10, 10000);
        QVERIFY(main()->sidebar()->selectWorkspace(seoul));
        QTRY_VERIFY_WITH_TIMEOUT(conversationNamed(seoul, u"일반"_s).has_value(), 10000);
        main()->openConversation(conversationNamed(seoul, u"일반"_s)->id);
        QTRY_VERIFY_WITH_TIMEOUT(main()->history()->rowCount() > 10, 10000);
        QVERIFY(main()->sidebar()->selectWorkspace(hq));
        main()->openConversation(general);
        // The one to open is an older one, away from the bottom where the conversation opens.
        std::rotate(m_found.begin(), m_found.end() - 1, m_found.end());
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
    }

    void ctrlFSearchesTheOpenConversation()
    {
        const QString hq = m_workspaces.value(u"Moim HQ"_s);
        const QString general = conversationNamed(hq, u"일반"_s)->id;
        QTRY_COMPARE(main()->openConversationId(), general);
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(panel()->field()->hasFocus());
        QCOMPARE(panel()->scope(), SearchPanel::Scope::Conversation);
        QCOMPARE(panel()->scopeLabel()->text(), u"In #일반"_s);
        QCOMPARE(panel()->field()->accessibleName(), u"Search #일반"_s);

        QSignalSpy requested(panel(), &SearchPanel::searchRequested);
        type(u"회의록"_s);
        QTRY_COMPARE(requested.size(), 1); // after a pause in typing
        const auto request = requested.at(0).at(0).value<SearchPanel::Request>();
        QCOMPARE(request.query.terms, QStringList{u"회의록"_s});
        QCOMPARE(request.conversationId, general);
        QCOMPARE(request.workspaceIds, QStringList{hq});
        QVERIFY(resultsShown());
        QCOMPARE(panel()->model()->peopleCount(), 0); // inside a conversation: messages only
        // Found in what this computer holds: the conversation's messages that say it.
        QTRY_COMPARE(panel()->model()->messageCount(), int(m_found.size()));
        QSet<QString> ids;
        for (const FoundMessage &found : std::as_const(m_found))
            ids.insert(found.message.id);
        for (int row = 0; row < panel()->model()->messageCount(); ++row)
            QVERIFY(ids.contains(panel()->model()->message(row).message.id));
        // The server's answer may still be on its way; once in, it adds nothing cached twice.
        QTRY_COMPARE(panel()->status()->text(), u"%1 messages"_s.arg(m_found.size()));
        QCOMPARE(panel()->model()->messageCount(), int(m_found.size()));

        // As a search that also asks the server reports its progress.
        panel()->setState(SearchPanel::State::Searching);
        QCOMPARE(panel()->status()->text(), u"Searching…"_s);
        panel()->setResults(m_found.mid(0, 1));
        panel()->setState(SearchPanel::State::SearchingServer);
        QCOMPARE(panel()->status()->text(), u"1 message · Searching the server…"_s);
        panel()->setResults(m_found);
        panel()->setState(SearchPanel::State::Done);
        QCOMPARE(panel()->status()->text(), u"%1 messages"_s.arg(m_found.size()));
        QCOMPARE(panel()->list()->accessibleName(),
                 u"Search results: %1 messages"_s.arg(m_found.size()));

        // Each row says who, where, when and what.
        const QString spoken = panel()->model()->index(0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.startsWith(m_found.first().message.authorName + u" in # 일반, Moim HQ, "_s),
                 qPrintable(spoken));
        QVERIFY2(spoken.endsWith(u": "_s + m_found.first().message.body), qPrintable(spoken));
        const QList<search::MatchRange> marked = panel()->model()->matches(0);
        QCOMPARE(marked.size(), 1);
        const QString shownBody =
            panel()->model()->index(0).data(SearchResultsModel::BodyRole).toString();
        QCOMPARE(shownBody.mid(marked.first().start, marked.first().length), u"회의록"_s);
        save(main(), u"search.png"_s);
    }

    void theKeyboardOpensAMessageInItsConversation()
    {
        const QString hq = m_workspaces.value(u"Moim HQ"_s);
        // Elsewhere first: the message's conversation opens for it.
        main()->openConversation(conversationNamed(hq, u"random"_s)->id);
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(panel()->scope(), SearchPanel::Scope::Everywhere);
        QCOMPARE(panel()->scopeLabel()->text(), u"All workspaces"_s);
        QVERIFY(panel()->field()->hasFocus());
        QSignalSpy requested(panel(), &SearchPanel::searchRequested);
        type(u"회의록 공유"_s);
        QTest::keyClick(panel()->field(), Qt::Key_Return); // at once, without the pause
        QCOMPARE(requested.size(), 1);
        const auto request = requested.at(0).at(0).value<SearchPanel::Request>();
        QCOMPARE(request.query.terms, (QStringList{u"회의록"_s, u"공유"_s}));
        QVERIFY(request.conversationId.isEmpty());
        QCOMPARE(request.workspaceIds.size(), 3);
        QTRY_VERIFY(panel()->model()->messageCount() >= 2);
        QSet<QString> places;
        for (int row = 0; row < panel()->model()->messageCount(); ++row)
            places.insert(panel()->model()->message(row).message.conversationId);
        QVERIFY(places.size() >= 2);
        save(main(), u"search-everywhere.png"_s);

        // ↓ into the results, ↓ to the second, ↑ back, Escape to the field, ↓ and Enter.
        QTest::keyClick(panel()->field(), Qt::Key_Down);
        QVERIFY(panel()->list()->hasFocus());
        const int first = panel()->model()->peopleCount();
        QCOMPARE(panel()->list()->currentIndex().row(), 0);
        QTest::keyClick(panel()->list(), Qt::Key_Escape);
        QVERIFY(panel()->field()->hasFocus());
        QTest::keyClick(panel()->field(), Qt::Key_Down);
        for (int row = 0; row < first; ++row)
            QTest::keyClick(panel()->list(), Qt::Key_Down);
        QCOMPARE(panel()->list()->currentIndex().row(), first);
        const FoundMessage chosen = panel()->model()->message(first + 1);
        QTest::keyClick(panel()->list(), Qt::Key_Down);
        QTest::keyClick(panel()->list(), Qt::Key_Return);

        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(), chosen.message.conversationId,
                                  10000);
        QVERIFY(!resultsShown());
        QTRY_VERIFY_WITH_TIMEOUT(!main()->messageView()->highlightedMessage().isEmpty(), 10000);
        const QString highlighted = main()->messageView()->highlightedMessage();
        bool found = false;
        for (int row = 0; row < main()->history()->rowCount(); ++row) {
            const QModelIndex index = main()->history()->index(row);
            if (index.data(HistoryModel::LocalIdRole).toString() == highlighted)
                found = index.data(HistoryModel::MessageIdRole).toString() == chosen.message.id;
        }
        QVERIFY(found);
    }

    void filtersAreResolvedOrExplained()
    {
        const QString hq = m_workspaces.value(u"Moim HQ"_s);
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QSignalSpy requested(panel(), &SearchPanel::searchRequested);
        // People are found by name in the results too (members arrive from the server).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                type(u"from:ㅊㅁㅈ in:#random 점심"_s);
                panel()->searchNow();
                return !requested.isEmpty() && !requested.constLast()
                                                    .at(0)
                                                    .value<SearchPanel::Request>()
                                                    .authorId.isEmpty();
            }(),
            10000);
        auto request = requested.constLast().at(0).value<SearchPanel::Request>();
        QCOMPARE(request.query.terms, QStringList{u"점심"_s});
        QVERIFY(request.authorId.startsWith(u"u_"_s)); // 최민지's member id
        // in: prefers the workspace on screen among the channels called random.
        const QString onScreen = main()->currentWorkspaceId();
        QVERIFY(onScreen == hq || onScreen == m_workspaces.value(u"Seoul Engineering"_s));
        QCOMPARE(request.conversationId, conversationNamed(onScreen, u"random"_s)->id);

        requested.clear();
        type(u"from:Nobody 회의"_s);
        panel()->searchNow();
        QVERIFY(requested.isEmpty());
        QCOMPARE(panel()->status()->text(), u"No one called “Nobody” is in your workspaces."_s);
        type(u"in:없는방 회의"_s);
        panel()->searchNow();
        QVERIFY(requested.isEmpty());
        QCOMPARE(panel()->status()->text(), u"There is no conversation called “없는방”."_s);
        type(u"before:2026-13-45 회의"_s);
        panel()->searchNow();
        QVERIFY(requested.isEmpty());
        QVERIFY(!panel()->status()->text().isEmpty());
        QCOMPARE(panel()->model()->rowCount(), 0);
    }

    void peopleFoundOfferAMessage()
    {
        const QString design = m_workspaces.value(u"Design Studio"_s);
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        type(u"daniel"_s);
        panel()->searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->peopleCount(), 1, 10000);
        QCOMPARE(panel()->model()->index(0).data(Qt::DisplayRole).toString(), u"Daniel Cho"_s);
        QCOMPARE(panel()->model()->index(0).data(SearchResultsModel::SectionTitleRole).toString(),
                 u"People"_s);
        QVERIFY(panel()
                    ->model()
                    ->index(0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(u"Press Enter to send a message"_s));
        panel()->setResults({});
        panel()->setState(SearchPanel::State::Offline);
        QCOMPARE(panel()->status()->text(), u"Showing messages on this computer only"_s);
        panel()->setState(SearchPanel::State::Done);
        const QString workspaceId = panel()->model()->person(0).workspaceId;
        QTest::keyClick(panel()->field(), Qt::Key_Down);
        QTest::keyClick(panel()->list(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(conversationNamed(workspaceId, u"Daniel Cho"_s).has_value(),
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(),
                                  conversationNamed(workspaceId, u"Daniel Cho"_s)->id, 10000);
        QVERIFY(!resultsShown());
        Q_UNUSED(design);
    }

    void peopleAreFoundByTheirAddress()
    {
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        // Neither her name nor any spelling of it: only her address says "hayoon.jung".
        type(u"hayoon.jung"_s);
        panel()->searchNow();
        QTRY_VERIFY_WITH_TIMEOUT(panel()->model()->peopleCount() >= 1, 10000);
        QCOMPARE(panel()->model()->index(0).data(Qt::DisplayRole).toString(), u"정하윤"_s);
        type(u"nobody.here@moim.example"_s);
        panel()->searchNow();
        QTRY_COMPARE_WITH_TIMEOUT(panel()->model()->peopleCount(), 0, 10000);
        QTest::keyClick(panel()->field(), Qt::Key_Escape);
    }

    void nothingFoundSaysSo()
    {
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        type(u"zzqx"_s);
        panel()->searchNow();
        panel()->setResults({});
        panel()->setState(SearchPanel::State::Done);
        QCOMPARE(panel()->status()->text(), u"No messages match “zzqx”."_s);
        // Escape from the field: back to the conversation.
        QTest::keyClick(panel()->field(), Qt::Key_Escape);
        QVERIFY(!resultsShown());
    }

    // Design Studio was never opened here: the server finds its messages, and one opens in its
    // conversation, highlighted.
    void theServerFindsWhatWasNeverOpened()
    {
        const QString design = m_workspaces.value(u"Design Studio"_s);
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        type(u"피드백 환영"_s);
        panel()->searchNow();
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = panel()->model()->peopleCount(); i < panel()->model()->rowCount();
                     ++i) {
                    const FoundMessage &found = panel()->model()->message(i);
                    if (found.fromServer && found.workspaceId == design) {
                        row = i;
                        return true;
                    }
                }
                return false;
            }(),
            10000);
        QTRY_COMPARE_WITH_TIMEOUT(panel()->state(), SearchPanel::State::Done, 10000);
        const FoundMessage chosen = panel()->model()->message(row);
        QVERIFY(chosen.message.body.contains(u"피드백 환영"_s));
        QVERIFY2(panel()
                     ->model()
                     ->index(row)
                     .data(Qt::AccessibleTextRole)
                     .toString()
                     .contains(u", Design Studio, "_s),
                 qPrintable(panel()->model()->index(row).data(Qt::AccessibleTextRole).toString()));
        panel()->list()->setFocus();
        panel()->list()->setCurrentIndex(panel()->model()->index(row));
        QTest::keyClick(panel()->list(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(main()->currentWorkspaceId(), design, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(), chosen.message.conversationId,
                                  10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QString highlighted = main()->messageView()->highlightedMessage();
                for (int i = 0; i < main()->history()->rowCount(); ++i) {
                    const QModelIndex index = main()->history()->index(i);
                    if (index.data(HistoryModel::LocalIdRole).toString() == highlighted)
                        return index.data(HistoryModel::MessageIdRole).toString() ==
                               chosen.message.id;
                }
                return false;
            }(),
            10000);
    }

    // Without the server, what this computer holds is still found, and the panel says so.
    void offlineFindsWhatIsCached()
    {
        m_server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(account()->connection(), Account::Connection::Offline, 20000);
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        type(u"회의록 확인"_s);
        panel()->searchNow();
        QTRY_VERIFY(panel()->model()->messageCount() >= int(m_found.size()));
        QTRY_COMPARE_WITH_TIMEOUT(panel()->state(), SearchPanel::State::Offline, 10000);
        QVERIFY2(panel()->status()->text().endsWith(u"Showing messages on this computer only"_s),
                 qPrintable(panel()->status()->text()));
    }

    // Last: it switches the application to Korean.
    void inKorean()
    {
        // Each workspace by its name in the UI's language: English first, then the company's.
        const QRegularExpression hangul(u"\\p{Hangul}"_s);
        QVERIFY2(!main()->workspaceTitle().isEmpty() &&
                     !hangul.match(main()->workspaceTitle()).hasMatch(),
                 qPrintable(main()->workspaceTitle()));
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        QTRY_VERIFY(main()->windowTitle().endsWith(u"모임"_s));
        QVERIFY2(hangul.match(main()->workspaceTitle()).hasMatch(),
                 qPrintable(main()->workspaceTitle()));
        // One language in the title bar too: the name Qt adds is the Korean one.
        QCOMPARE(QGuiApplication::applicationDisplayName(), u"모임"_s);
        QCoreApplication::sendPostedEvents();
        QTest::keyClick(main(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(panel()->scopeLabel()->text(), u"모든 워크스페이스"_s);
        type(u"회의록"_s);
        panel()->searchNow();
        panel()->setState(SearchPanel::State::Searching);
        QCOMPARE(panel()->status()->text(), u"검색 중…"_s);
        panel()->setResults(m_found);
        panel()->setState(SearchPanel::State::SearchingServer);
        QCOMPARE(panel()->status()->text(),
                 u"메시지 %1개 · 서버에서 검색하는 중…"_s.arg(m_found.size()));
        panel()->setState(SearchPanel::State::Offline);
        QVERIFY(panel()->status()->text().endsWith(u"이 컴퓨터에 있는 메시지만 표시합니다"_s));
        QVERIFY(resultsShown());
        save(main(), u"search-ko.png"_s);
    }
};

QTEST_MAIN(TestSearchPanel)
#include "test_search_panel.moc"
