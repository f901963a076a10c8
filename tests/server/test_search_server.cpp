// Message search on the server over HTTP: the Korean matching rules of moim::search through the
// endpoint, paging and filters, and the refusals an attacker with curl would meet: a workspace
// they are not in, a private channel they did not join, a session that has not passed 2-step,
// no token, an oversize or malformed query. Also that messages stored before the index existed
// are indexed when the schema moves on.
#include "account_store.h"
#include "database.h"
#include "mock_server.h"
#include "server_test_client.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <search/search_text.h>

using namespace moim::server;
using namespace moim::server::test;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {
const auto JiminEmail = u"jimin.kim@moim.example"_s;
const auto DanielEmail = u"daniel.cho@moim.example"_s; // Moim HQ and Design Studio
const auto MinjiEmail = u"minji.choi@moim.example"_s;  // not in Design Studio

QStringList bodiesOf(const QJsonArray &messages)
{
    QStringList bodies;
    for (const QJsonValue &value : messages)
        bodies.append(value.toObject().value("body"_L1).toString());
    return bodies;
}
} // namespace

class TestSearchServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = startDemoServer(m_dir.path(), &error);
        QVERIFY2(m_server, qPrintable(error));
        m_client = std::make_unique<ServerTestClient>(*m_server);
        m_jimin = m_client->signIn(JiminEmail);
        m_daniel = m_client->signIn(DanielEmail);
        m_minji = m_client->signIn(MinjiEmail);
        m_design = m_jimin.workspaces.value(u"Design Studio"_s);
        QVERIFY(!m_design.isEmpty());
        QVERIFY(!m_minji.workspaces.contains(u"Design Studio"_s));
        m_room = m_client->createChannel(m_jimin, m_design, u"search-room"_s, false);
        m_secret = m_client->createChannel(m_jimin, m_design, u"search-secret"_s, true);
        QVERIFY(!m_room.isEmpty() && !m_secret.isEmpty());
        // Daniel joins the public room; the private one stays Jimin's.
        QVERIFY(m_client->join(m_daniel, m_room));
        for (const QString &body :
             {u"내일 회의는 3시에 합니다"_s, u"팀장님께 보고 드렸어요"_s,
              u"Release v2.1 is out: https://docs.moim.example/guide"_s,
              // Decomposed, as pasted from macOS.
              u"회의록 올렸습니다"_s.normalized(QString::NormalizationForm_D),
              // 회 at the end of one message and 의 at the start of the next: not 회의.
              u"끝은 회"_s, u"의자 주문"_s, u"v2 1 is not the version"_s})
            QVERIFY(!m_client->send(m_jimin, m_room, body).isEmpty());
        QVERIFY(!m_client->send(m_jimin, m_secret, u"비밀기획 코드명 은하수"_s).isEmpty());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void koreanAndMixedTextMatchAsOnTheClient_data()
    {
        QTest::addColumn<QString>("q");
        QTest::addColumn<QStringList>("expected");
        const QString nfdMinutes = u"회의록 올렸습니다"_s.normalized(QString::NormalizationForm_D);
        QTest::newRow("two syllables inside words")
            << u"회의"_s << QStringList{nfdMinutes, u"내일 회의는 3시에 합니다"_s};
        QTest::newRow("one syllable") << u"팀"_s << QStringList{u"팀장님께 보고 드렸어요"_s};
        QTest::newRow("digits and Hangul")
            << u"3시"_s << QStringList{u"내일 회의는 3시에 합니다"_s};
        QTest::newRow("several words narrow")
            << u"회의 3시"_s << QStringList{u"내일 회의는 3시에 합니다"_s};
        QTest::newRow("version") << u"v2.1"_s
                                 << QStringList{
                                        u"Release v2.1 is out: https://docs.moim.example/guide"_s};
        QTest::newRow("part of a URL")
            << u"docs.moim"_s
            << QStringList{u"Release v2.1 is out: https://docs.moim.example/guide"_s};
        QTest::newRow("case folded")
            << u"RELEASE"_s
            << QStringList{u"Release v2.1 is out: https://docs.moim.example/guide"_s};
        QTest::newRow("decomposed query")
            << u"회의록"_s.normalized(QString::NormalizationForm_D) << QStringList{nfdMinutes};
        QTest::newRow("not across messages") << u"회의 주문"_s << QStringList{};
        QTest::newRow("no such word") << u"없는말"_s << QStringList{};
    }

    void koreanAndMixedTextMatchAsOnTheClient()
    {
        QFETCH(QString, q);
        QFETCH(QStringList, expected);
        const auto answer = search(m_jimin, {{u"q"_s, q}, {u"conversation_id"_s, m_room}});
        QCOMPARE(answer.status, 200);
        // Newest first.
        QCOMPARE(bodiesOf(answer.messages()), expected);
        for (const QJsonValue &value : answer.messages()) {
            const QJsonObject message = value.toObject();
            QCOMPARE(message.value("workspace_id"_L1).toString(), m_design);
            QCOMPARE(message.value("conversation_id"_L1).toString(), m_room);
            QVERIFY(message.value("seq"_L1).toInteger() > 0);
            QVERIFY(!message.value("id"_L1).toString().isEmpty());
        }
    }

    void pagesNewestFirstWithBeforeSeq()
    {
        QList<qint64> seqs;
        for (int i = 0; i < 25; ++i)
            seqs.prepend(m_client->send(m_daniel, m_room, u"주간보고 %1"_s.arg(i))
                             .value("seq"_L1)
                             .toInteger());
        QList<qint64> found;
        qint64 before = 0;
        for (int page = 0; page < 3; ++page) {
            QUrlQuery query{{u"q"_s, u"주간보고"_s}, {u"limit"_s, u"10"_s}};
            if (before > 0)
                query.addQueryItem(u"before_seq"_s, QString::number(before));
            const auto answer = search(m_jimin, query);
            QCOMPARE(answer.status, 200);
            QCOMPARE(answer.messages().size(), page < 2 ? 10 : 5);
            QCOMPARE(answer.json.value("has_more"_L1).toBool(), page < 2);
            for (const QJsonValue &value : answer.messages())
                found.append(value.toObject().value("seq"_L1).toInteger());
            before = found.last();
        }
        QCOMPARE(found, seqs);

        // From one person only, and within a time span.
        auto answer = search(m_jimin, {{u"q"_s, u"주간보고"_s}, {u"from"_s, m_jimin.id}});
        QCOMPARE(answer.messages().size(), 0);
        answer = search(m_jimin,
                        {{u"q"_s, u"주간보고"_s}, {u"from"_s, m_daniel.id}, {u"limit"_s, u"50"_s}});
        QCOMPARE(answer.messages().size(), 25);
        answer = search(m_jimin, {{u"q"_s, u"주간보고"_s}, {u"after"_s, u"4102444800"_s}});
        QCOMPARE(answer.messages().size(), 0); // after 2100
        answer = search(m_jimin, {{u"q"_s, u"주간보고"_s}, {u"before"_s, u"946684800"_s}});
        QCOMPARE(answer.messages().size(), 0); // before 2000
        answer = search(m_jimin, {{u"q"_s, u"주간보고"_s},
                                  {u"workspace_id"_s, m_design},
                                  {u"after"_s, u"946684800"_s},
                                  {u"limit"_s, u"50"_s}});
        QCOMPARE(answer.messages().size(), 25);
    }

    void aWorkspaceOfOthersGivesNothing()
    {
        // Minji is not in Design Studio: naming it, or searching its words, finds nothing, and
        // the answer is the same as for a workspace that does not exist.
        auto answer = search(m_minji, {{u"q"_s, u"회의"_s}, {u"workspace_id"_s, m_design}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.messages().size(), 0);
        QCOMPARE(search(m_minji, {{u"q"_s, u"회의"_s}, {u"workspace_id"_s, u"w_none"_s}}).json,
                 answer.json);
        answer = search(m_minji, {{u"q"_s, u"팀장님께"_s}});
        QCOMPARE(answer.messages().size(), 0);
        answer = search(m_minji, {{u"q"_s, u"회의"_s}, {u"conversation_id"_s, m_room}});
        QCOMPARE(answer.messages().size(), 0);
    }

    void aPrivateChannelIsFoundByItsMembersOnly()
    {
        QCOMPARE(bodiesOf(search(m_jimin, {{u"q"_s, u"은하수"_s}}).messages()),
                 QStringList{u"비밀기획 코드명 은하수"_s});
        // Daniel is in the workspace but not in the channel.
        QCOMPARE(search(m_daniel, {{u"q"_s, u"은하수"_s}}).messages().size(), 0);
        QCOMPARE(search(m_daniel, {{u"q"_s, u"은하수"_s}, {u"conversation_id"_s, m_secret}})
                     .messages()
                     .size(),
                 0);
        QCOMPARE(search(m_minji, {{u"q"_s, u"비밀기획"_s}}).messages().size(), 0);
    }

    void malformedRequestsAreRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("no q") << u"limit=5"_s << u"q"_s;
        QTest::newRow("empty q") << u"q="_s << u"q"_s;
        QTest::newRow("only spaces") << u"q=%20%20"_s << u"q"_s;
        QTest::newRow("only punctuation") << u"q=%22%22"_s << u"q"_s;
        QTest::newRow("201 characters") << u"q="_s + QString(201, u'가') << u"q"_s;
        QTest::newRow("filter in q") << u"q=from:jimin%20회의"_s << u"q"_s;
        QTest::newRow("date filter in q") << u"q=before:2026-01-01%20회의"_s << u"q"_s;
        QTest::newRow("limit zero") << u"q=회의&limit=0"_s << u"limit"_s;
        QTest::newRow("limit too large") << u"q=회의&limit=51"_s << u"limit"_s;
        QTest::newRow("limit text") << u"q=회의&limit=ten"_s << u"limit"_s;
        QTest::newRow("before_seq negative") << u"q=회의&before_seq=-3"_s << u"before_seq"_s;
        QTest::newRow("after text") << u"q=회의&after=yesterday"_s << u"after"_s;
        QTest::newRow("before float") << u"q=회의&before=1.5"_s << u"before"_s;
        QTest::newRow("long workspace id")
            << u"q=회의&workspace_id="_s + QString(65, u'w') << u"workspace_id"_s;
    }

    void malformedRequestsAreRefused()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto answer = search(m_jimin, QUrlQuery(query));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), u"bad_request"_s);
        QCOMPARE(answer.errorField(), field);
    }

    void aQueryOfTheLongestLengthIsAnswered()
    {
        const auto answer = search(m_jimin, {{u"q"_s, QString(200, u'가')}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.messages().size(), 0);
    }

    void noTokenNoAnswer()
    {
        auto answer = search(Member{}, {{u"q"_s, u"회의"_s}});
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.errorCode(), u"invalid_token"_s);
        QVERIFY(!answer.json.contains("messages"_L1));
        answer = search(Member{{}, u"not-a-token"_s, {}}, {{u"q"_s, u"회의"_s}});
        QCOMPARE(answer.status, 401);
    }

    // Last: it locks a workspace for the rest of the run.
    void aWorkspaceClosedToTheSessionIsLeftOut()
    {
        const QString hq = m_daniel.workspaces.value(u"Moim HQ"_s);
        QVERIFY(!hq.isEmpty());
        const QString hqGeneral =
            m_client->call("GET", path::Workspaces + hq + path::Conversations, m_daniel)
                .json.value("conversations"_L1)
                .toArray()
                .first()
                .toObject()
                .value("id"_L1)
                .toString();
        QVERIFY(!hqGeneral.isEmpty());
        QVERIFY(!m_client->send(m_daniel, hqGeneral, u"본사 공지 별똥별"_s).isEmpty());
        QCOMPARE(search(m_daniel, {{u"q"_s, u"별똥별"_s}}).messages().size(), 1);

        // HQ starts requiring 2-step; Daniel's password-only session no longer sees it, by any
        // way of asking, while Design Studio stays open to it.
        QStringList members;
        QVERIFY(m_server->accounts().setRequireTwoStep(u"Moim HQ"_s, true, &members));
        QCOMPARE(search(m_daniel, {{u"q"_s, u"별똥별"_s}}).messages().size(), 0);
        QCOMPARE(
            search(m_daniel, {{u"q"_s, u"별똥별"_s}, {u"workspace_id"_s, hq}}).messages().size(),
            0);
        QCOMPARE(search(m_daniel, {{u"q"_s, u"별똥별"_s}, {u"conversation_id"_s, hqGeneral}})
                     .messages()
                     .size(),
                 0);
        QVERIFY(search(m_daniel, {{u"q"_s, u"주간보고"_s}}).messages().size() > 0);
    }

    // A database of the schema before search, with messages in it, is indexed on the way up.
    void existingMessagesAreIndexedByTheMigration()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"moim.db"_s);
        {
            // The schema before the index (which came with version 11), with a message stored
            // then.
            Database database;
            QString error;
            QVERIFY2(database.open(file, &error, 10), qPrintable(error));
            QSqlQuery query(database.handle());
            for (const QString &statement :
                 {u"PRAGMA foreign_keys=OFF"_s,
                  u"INSERT INTO messages (id, conversation_id, author, body, created_at, seq) "
                  "VALUES ('m_old', 'c_old', 'u_old', '지난주 회의록입니다', 1, 1)"_s})
                QVERIFY2(query.exec(statement), qPrintable(statement));
        }
        Database database;
        QString error;
        QVERIFY2(database.open(file, &error), qPrintable(error));
        QSqlQuery query(database.handle());
        query.prepare(u"SELECT m.id FROM message_search s JOIN messages m ON m.rowid = s.rowid "
                      "WHERE message_search MATCH ?"_s);
        query.addBindValue(moim::search::matchExpression({u"회의"_s}));
        QVERIFY(query.exec());
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"m_old"_s);
        // And kept in step from then on: a changed body is found by its new words only.
        QVERIFY(query.exec(u"UPDATE messages SET body = '점심 메뉴' WHERE id = 'm_old'"_s));
        query.prepare(u"SELECT COUNT(*) FROM message_search WHERE message_search MATCH ?"_s);
        query.addBindValue(moim::search::matchExpression({u"회의"_s}));
        QVERIFY(query.exec() && query.next());
        QCOMPARE(query.value(0).toInt(), 0);
        query.addBindValue(moim::search::matchExpression({u"점심"_s}));
        QVERIFY(query.exec() && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

private:
    HttpResult search(const Member &member, const QUrlQuery &query)
    {
        return m_client->get(QString(path::Search), query, member);
    }
    HttpResult search(const Member &member,
                      std::initializer_list<std::pair<QString, QString>> items)
    {
        QUrlQuery query;
        for (const auto &[name, value] : items)
            query.addQueryItem(name, value);
        return search(member, query);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    Member m_jimin, m_daniel, m_minji;
    QString m_design, m_room, m_secret;
};

QTEST_GUILESS_MAIN(TestSearchServer)
#include "test_search_server.moc"
