// Message search end to end with the real server process: a message that only the server has
// (never cached on this computer) is found and the history window opens around it, without the
// window's pages entering the cache; with the server gone, a cached message is still found and
// the search says it is offline.
#include "account/account.h"
#include "chat/chat.h"
#include "chat/history_model.h"
#include "mock_server_process.h"
#include "protocol/protocol.h"
#include "search/message_search.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"
#include "storage/local_cache.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
// More than a history page after the target, so opening the conversation does not fetch it.
constexpr int LaterMessages = HistoryModel::PageSize + 10;

QStringList idsOf(const QList<SearchResult> &results)
{
    QStringList ids;
    for (const SearchResult &result : results)
        ids.append(result.message.id);
    return ids;
}
} // namespace

class TestE2eSearch : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    QNetworkAccessManager m_network;

    // Posts as Jimin through the admin API; the stored message.
    QJsonObject post(const QString &conversationId, const QString &body)
    {
        QNetworkRequest request(
            m_server.url().resolved(QUrl(QString(protocol::path::AdminMessages))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_server.adminToken().toLatin1());
        QNetworkReply *reply = m_network.post(
            request, QJsonDocument(QJsonObject{{u"email"_s, Jimin},
                                               {u"conversation_id"_s, conversationId},
                                               {u"body"_s, body}})
                         .toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object().value("message"_L1).toObject();
    }

    static QList<Message> cached(LocalCache *cache, const QString &word)
    {
        LocalSearch search;
        search.terms = {word};
        return cache->searchMessages(search);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void findsWhatOnlyTheServerHasAndWhatIsCachedOffline()
    {
        // Where to post: learnt from a first desktop, which then goes away.
        QString conversationId;
        QString workspaceId;
        {
            test::SignedInClient scout =
                test::signInWithPassword(m_server.url(), &m_secrets, Jimin, Password, u"scout"_s);
            QVERIFY(!QTest::currentTestFailed());
            workspaceId = scout.account()->workspaces()->workspaces().first().id;
            conversationId = test::fetchedConversations(scout, workspaceId).first().id;
        }
        const QJsonObject target =
            post(conversationId, u"은하수 프로젝트 킥오프 자료 공유합니다"_s);
        QVERIFY(!target.isEmpty());
        for (int i = 0; i < LaterMessages; ++i)
            QVERIFY(!post(conversationId, u"이후 대화 %1"_s.arg(i)).isEmpty());

        // A new desktop: a first sign-in catches nothing up, so its cache has none of that.
        test::SignedInClient desk =
            test::signInWithPassword(m_server.url(), &m_secrets, Jimin, Password, u"desk"_s);
        QVERIFY(!QTest::currentTestFailed());
        Account *account = desk.account();
        LocalCache *cache = account->cache();
        QVERIFY(cache->isOpen());
        QTRY_VERIFY(cache->isSearchIndexComplete());
        QVERIFY(cached(cache, u"은하수"_s).isEmpty());

        MessageSearch finder(desk.chat(), cache, account->api());
        finder.start(search::SearchQuery::parse(u"킥오프 은하수"_s), {}, {});
        QVERIFY(finder.results().isEmpty());
        QCOMPARE(finder.state(), MessageSearch::State::SearchingServer);
        QTRY_COMPARE_WITH_TIMEOUT(finder.state(), MessageSearch::State::Done, 10000);
        QCOMPARE(idsOf(finder.results()), QStringList{target.value("id"_L1).toString()});
        const SearchResult found = finder.results().first();
        QVERIFY(found.fromServer);
        QCOMPARE(found.workspaceId, workspaceId);
        QCOMPARE(found.message.conversationId, conversationId);
        QCOMPARE(found.message.seq, target.value("seq"_L1).toInteger());

        // Opened at the result: the newest page first, then the window around it.
        HistoryModel history(desk.chat(), account->identity().id);
        history.setConversation(conversationId);
        QTRY_VERIFY_WITH_TIMEOUT(history.rowCount() >= HistoryModel::PageSize, 10000);
        QCOMPARE(history.rowOfMessage(found.message.id, found.message.seq), -1);
        history.loadAround(found.message.id, found.message.seq);
        QTRY_VERIFY_WITH_TIMEOUT(history.rowOfMessage(found.message.id, found.message.seq) >= 0,
                                 10000);
        QVERIFY(!history.isAtNewest());
        const Message shown =
            history.messages().at(history.rowOfMessage(found.message.id, found.message.seq));
        QCOMPARE(shown.body, u"은하수 프로젝트 킥오프 자료 공유합니다"_s);
        // The messages after it follow in order.
        const int row = history.rowOfMessage(found.message.id, found.message.seq);
        QCOMPARE(history.messages().at(row + 1).body, u"이후 대화 0"_s);
        // The window is not the cache's: the cache still runs unbroken back from the newest.
        desk.chat()->flush();
        QVERIFY(cached(cache, u"은하수"_s).isEmpty());

        // Something arrives live, and is cached.
        const QJsonObject live = post(conversationId, u"별빛 회의 안건 정리했습니다"_s);
        QVERIFY(!live.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT((desk.chat()->flush(), !cached(cache, u"별빛"_s).isEmpty()),
                                 10000);

        // The server goes away: the cached message is still found, and the search says why
        // there is nothing more.
        m_server.stop();
        finder.start(search::SearchQuery::parse(u"별빛"_s), {}, {workspaceId});
        QCOMPARE(idsOf(finder.results()), QStringList{live.value("id"_L1).toString()});
        QVERIFY(!finder.results().first().fromServer);
        QCOMPARE(finder.results().first().workspaceId, workspaceId);
        QTRY_COMPARE_WITH_TIMEOUT(finder.state(), MessageSearch::State::Offline, 20000);
        QCOMPARE(idsOf(finder.results()), QStringList{live.value("id"_L1).toString()});
        // And what only the server had is not found now.
        finder.start(search::SearchQuery::parse(u"은하수"_s), {}, {});
        QTRY_COMPARE_WITH_TIMEOUT(finder.state(), MessageSearch::State::Offline, 20000);
        QVERIFY(finder.results().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestE2eSearch)
#include "test_e2e_search.moc"
