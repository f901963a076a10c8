// Message search against the cache and a fake server: cached results at once, the server's after
// them without repeats, the state it is in, paging, filters on the wire, and a newer query (or a
// cancel) leaving late answers of an older one unheard.
#include "chat/chat.h"
#include "fake_api_client.h"
#include "net/authorized_api.h"
#include "search/message_search.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Me = u"u_me"_s;
const auto Colleague = u"u_colleague"_s;
const auto Design = u"w_design"_s;
const auto Hq = u"w_hq"_s;
const auto General = u"c_general"_s; // in Design
const auto Notices = u"c_notices"_s; // in HQ

QJsonObject messageJson(const QString &id, const QString &conversationId, const QString &body,
                        qint64 seq, const QString &author = Colleague)
{
    return {{u"id"_s, id},
            {u"conversation_id"_s, conversationId},
            {u"seq"_s, seq},
            {u"author"_s, QJsonObject{{u"id"_s, author}, {u"display_name"_s, author}}},
            {u"body"_s, body},
            {u"created_at"_s, 1795710000 + seq}};
}

QStringList idsOf(const QList<SearchResult> &results)
{
    QStringList ids;
    for (const SearchResult &result : results)
        ids.append(result.message.id);
    return ids;
}
} // namespace

class TestMessageSearch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_run = 0;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<test::FakeApiClient> m_api;
    std::unique_ptr<AuthorizedApi> m_authorized;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<Chat> m_chat;
    std::unique_ptr<MessageSearch> m_search;

    // The server's answer to a search call: these messages, each with its workspace.
    static QJsonObject page(const QList<QJsonObject> &messages, bool hasMore)
    {
        QJsonArray array;
        for (QJsonObject message : messages) {
            message.insert(u"workspace_id"_s,
                           message.value("conversation_id"_L1).toString() == Notices ? Hq : Design);
            array.append(message);
        }
        return {{u"messages"_s, array}, {u"has_more"_s, hasMore}};
    }

    QUrlQuery lastQuery() const
    {
        return QUrlQuery(QUrl(m_api->calls.last().path).query(QUrl::FullyDecoded));
    }

    QString lastPath() const { return QUrl(m_api->calls.last().path).path(); }

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<LocalCache>();
        QCOMPARE(m_cache->open(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_run))),
                 LocalCache::OpenResult::Opened);
        m_api = std::make_unique<test::FakeApiClient>();
        m_authorized = std::make_unique<AuthorizedApi>(m_api.get());
        m_authorized->setAccessToken(u"token"_s);
        m_outbox = std::make_unique<OutboxStore>();
        QCOMPARE(m_outbox->open(m_dir.filePath(u"outbox-%1.sqlite"_s.arg(m_run))),
                 OutboxStore::OpenResult::Opened);
        m_chat =
            std::make_unique<Chat>(m_authorized.get(), m_cache.get(), m_outbox.get(), Me, u"Me"_s);
        Workspace design;
        design.id = Design;
        Workspace hq;
        hq.id = Hq;
        QVERIFY(m_cache->storeWorkspaces({design, hq}));
        Conversation general;
        general.id = General;
        general.workspaceId = Design;
        Conversation notices;
        notices.id = Notices;
        notices.workspaceId = Hq;
        QVERIFY(m_cache->storeConversations(Design, {general}));
        QVERIFY(m_cache->storeConversations(Hq, {notices}));
        // Cached: two about the meeting (one in each workspace), one of mine, one unrelated.
        QVERIFY(m_cache->storeMessages(
            {Message::fromJson(messageJson(u"m_10"_s, General, u"내일 회의는 3시"_s, 10), Me),
             Message::fromJson(messageJson(u"m_11"_s, Notices, u"회의실 예약 안내"_s, 11), Me),
             Message::fromJson(messageJson(u"m_12"_s, General, u"회의록 올렸어요"_s, 12, Me), Me),
             Message::fromJson(messageJson(u"m_13"_s, General, u"점심 메뉴"_s, 13), Me)}));
        QTRY_VERIFY(m_cache->isSearchIndexComplete());
        m_search = std::make_unique<MessageSearch>(m_chat.get(), m_cache.get(), m_authorized.get());
    }

    void cleanup()
    {
        m_search.reset();
        m_chat.reset();
        m_outbox.reset();
        m_authorized.reset();
        m_api.reset();
        m_cache.reset();
    }

    void cachedResultsFirstThenTheServersWithoutRepeats()
    {
        QSignalSpy states(m_search.get(), &MessageSearch::stateChanged);
        m_search->start(search::SearchQuery::parse(u"회의"_s), {}, {});
        // The cache answers at once, newest first, each with its workspace.
        QCOMPARE(idsOf(m_search->results()), (QStringList{u"m_12"_s, u"m_11"_s, u"m_10"_s}));
        QCOMPARE(m_search->results().at(1).workspaceId, Hq);
        QCOMPARE(m_search->results().at(0).workspaceId, Design);
        QVERIFY(!m_search->results().at(0).fromServer);
        QCOMPARE(m_search->state(), MessageSearch::State::SearchingServer);
        QCOMPARE(m_api->calls.size(), 1);
        QCOMPARE(lastPath(), u"/api/v1/search"_s);
        QCOMPARE(lastQuery().queryItemValue(u"q"_s, QUrl::FullyDecoded), u"회의"_s);
        QVERIFY(!lastQuery().hasQueryItem(u"workspace_id"_s));
        QCOMPARE(m_api->calls.last().accessToken, u"token"_s);

        // The server knows one the cache has and two it does not.
        m_api->answerOk(0, page({messageJson(u"m_12"_s, General, u"회의록 올렸어요"_s, 12, Me),
                                 messageJson(u"m_5"_s, General, u"지난 회의 정리"_s, 5),
                                 messageJson(u"m_3"_s, Notices, u"회의 공지"_s, 3)},
                                false));
        QCOMPARE(idsOf(m_search->results()),
                 (QStringList{u"m_12"_s, u"m_11"_s, u"m_10"_s, u"m_5"_s, u"m_3"_s}));
        QVERIFY(m_search->results().at(3).fromServer);
        QCOMPARE(m_search->results().at(4).workspaceId, Hq);
        QCOMPARE(m_search->state(), MessageSearch::State::Done);
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(1).at(0).value<MessageSearch::State>(), MessageSearch::State::Done);
        QVERIFY(!m_search->canFetchMore());
    }

    void aNewerQuerySupersedesAnOlderOne()
    {
        m_search->start(search::SearchQuery::parse(u"회의"_s), {}, {});
        m_search->start(search::SearchQuery::parse(u"점심"_s), {}, {});
        QCOMPARE(idsOf(m_search->results()), QStringList{u"m_13"_s});
        QCOMPARE(m_api->calls.size(), 2);
        QSignalSpy changed(m_search.get(), &MessageSearch::resultsChanged);
        // The first query's answer comes late: not heard.
        m_api->answerOk(0, page({messageJson(u"m_5"_s, General, u"지난 회의 정리"_s, 5)}, false));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(idsOf(m_search->results()), QStringList{u"m_13"_s});
        QCOMPARE(m_search->state(), MessageSearch::State::SearchingServer);
        m_api->answerOk(1, page({messageJson(u"m_4"_s, General, u"점심 어디서"_s, 4)}, false));
        QCOMPARE(idsOf(m_search->results()), (QStringList{u"m_13"_s, u"m_4"_s}));
        QCOMPARE(m_search->state(), MessageSearch::State::Done);

        // Cancelled: the answer that comes after is not heard either.
        m_search->start(search::SearchQuery::parse(u"메뉴"_s), {}, {});
        m_search->cancel();
        QCOMPARE(m_search->state(), MessageSearch::State::Idle);
        m_api->answerOk(2, page({messageJson(u"m_2"_s, General, u"메뉴 추천"_s, 2)}, false));
        QCOMPARE(m_search->state(), MessageSearch::State::Idle);
        QVERIFY(!idsOf(m_search->results()).contains(u"m_2"_s));
    }

    void offlineKeepsTheCachedResults()
    {
        m_search->start(search::SearchQuery::parse(u"회의"_s), {}, {});
        m_api->answerError(0, ApiError::Code::Network);
        QCOMPARE(m_search->state(), MessageSearch::State::Offline);
        QCOMPARE(idsOf(m_search->results()), (QStringList{u"m_12"_s, u"m_11"_s, u"m_10"_s}));

        // A refusal is not being offline.
        m_search->start(search::SearchQuery::parse(u"회의"_s), {}, {});
        m_api->answerError(1, ApiError::Code::BadRequest, 400, u"bad_request"_s);
        QCOMPARE(m_search->state(), MessageSearch::State::Failed);
        QCOMPARE(m_search->failure(), ApiError::Code::BadRequest);
        QCOMPARE(m_search->results().size(), 3);
    }

    void pagesThroughTheServer()
    {
        m_search->start(search::SearchQuery::parse(u"회의"_s), {}, {});
        m_api->answerOk(0, page({messageJson(u"m_9"_s, General, u"회의 9"_s, 9),
                                 messageJson(u"m_8"_s, General, u"회의 8"_s, 8)},
                                true));
        QVERIFY(m_search->canFetchMore());
        m_search->fetchMore();
        QCOMPARE(m_search->state(), MessageSearch::State::SearchingServer);
        QCOMPARE(m_api->calls.size(), 2);
        QCOMPARE(lastQuery().queryItemValue(u"before_seq"_s), u"8"_s);
        m_api->answerOk(1, page({messageJson(u"m_7"_s, General, u"회의 7"_s, 7)}, false));
        QCOMPARE(idsOf(m_search->results()),
                 (QStringList{u"m_12"_s, u"m_11"_s, u"m_10"_s, u"m_9"_s, u"m_8"_s, u"m_7"_s}));
        QVERIFY(!m_search->canFetchMore());
    }

    void filtersReachTheCacheAndTheWire()
    {
        // from: (resolved to an id), in: (to a conversation) and dates.
        m_search->setFilters(Colleague, General);
        m_search->start(search::SearchQuery::parse(u"회의 after:2020-01-01 before:2099-12-31"_s),
                        {}, {Design, Hq});
        QCOMPARE(idsOf(m_search->results()), QStringList{u"m_10"_s});
        const QUrlQuery query = lastQuery();
        QCOMPARE(query.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"회의"_s);
        QCOMPARE(query.queryItemValue(u"from"_s), Colleague);
        QCOMPARE(query.queryItemValue(u"conversation_id"_s), General);
        QCOMPARE(query.queryItemValue(u"after"_s).toLongLong(),
                 QDate(2020, 1, 2).startOfDay().toSecsSinceEpoch() - 1);
        QCOMPARE(query.queryItemValue(u"before"_s).toLongLong(),
                 QDate(2099, 12, 31).startOfDay().toSecsSinceEpoch());

        // One workspace: only its conversations, and the server is told which.
        m_search->setFilters({}, {});
        m_search->start(search::SearchQuery::parse(u"회의"_s), {}, {Hq});
        QCOMPARE(idsOf(m_search->results()), QStringList{u"m_11"_s});
        QCOMPARE(lastQuery().queryItemValue(u"workspace_id"_s), Hq);

        // A phrase stays one word on the wire.
        m_search->start(search::SearchQuery::parse(u"\"회의는 3시\""_s), {}, {});
        QCOMPARE(lastQuery().queryItemValue(u"q"_s, QUrl::FullyDecoded), u"\"회의는 3시\""_s);
        QCOMPARE(idsOf(m_search->results()), QStringList{u"m_10"_s});

        // Within a conversation, in: naming another one finds nothing, without asking.
        const qsizetype calls = m_api->calls.size();
        m_search->setFilters({}, Notices);
        m_search->start(search::SearchQuery::parse(u"회의"_s), General, {});
        QVERIFY(m_search->results().isEmpty());
        QCOMPARE(m_search->state(), MessageSearch::State::Done);
        QCOMPARE(m_api->calls.size(), calls);
    }

    void aMalformedQueryIsNotSearched()
    {
        m_search->start(search::SearchQuery::parse(u"회의 before:2026-13-45"_s), {}, {});
        QCOMPARE(m_search->state(), MessageSearch::State::Failed);
        QVERIFY(!m_search->error().isEmpty());
        QVERIFY(m_search->results().isEmpty());
        QCOMPARE(m_api->calls.size(), 0);

        m_search->start(search::SearchQuery::parse(u"   "_s), {}, {});
        QCOMPARE(m_search->state(), MessageSearch::State::Idle);
        QCOMPARE(m_api->calls.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageSearch)
#include "test_message_search.moc"
