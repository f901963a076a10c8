// Mentions on the server: a message's entities are checked against its body and its
// conversation (only people who see it can be mentioned, @channel and @here only by a channel's
// admins), stored with it and served everywhere the message is, replaced by an edit, dropped by a
// delete; a database of the schema before keeps its messages.
#include "admin_token.h"
#include "database.h"
#include "mock_server.h"
#include "server_test_client.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace moim::server;
using namespace moim::server::test;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {
const auto JiminEmail = u"jimin.kim@moim.example"_s;
const auto DanielEmail = u"daniel.cho@moim.example"_s; // Moim HQ and Design Studio
const auto MinjiEmail = u"minji.choi@moim.example"_s;  // not in Design Studio

QJsonObject mention(int offset, int length, const QString &userId)
{
    return {{u"type"_s, u"mention"_s},
            {u"offset"_s, offset},
            {u"length"_s, length},
            {u"user_id"_s, userId}};
}

QJsonObject everyone(const QString &type, int offset, int length)
{
    return {{u"type"_s, type}, {u"offset"_s, offset}, {u"length"_s, length}};
}
} // namespace

class TestMentionsServer : public QObject
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
        // Jimin creates the channel, so Jimin is its admin; Daniel joins as a member.
        m_room = m_client->createChannel(m_jimin, m_design, u"mentions-room"_s, false);
        QVERIFY(!m_room.isEmpty());
        QVERIFY(m_client->join(m_daniel, m_room));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void aMentionTravelsWithItsMessage()
    {
        const QString body = u"@Daniel Cho 시안 확인 부탁드려요"_s;
        const QJsonArray entities{mention(0, 12, m_daniel.id)};
        const auto sent = send(m_jimin, body, entities);
        QCOMPARE(sent.status, 200);
        const QJsonObject message = sent.json.value("message"_L1).toObject();
        QCOMPARE(message.value("entities"_L1).toArray(), entities);

        // Daniel's history and catch-up carry it too.
        const QJsonObject seen = inHistory(m_daniel, message.value("id"_L1).toString());
        QCOMPARE(seen.value("entities"_L1).toArray(), entities);
        const auto sync = m_client->get(
            path::Sync,
            {{u"after_seq"_s, QString::number(message.value("seq"_L1).toInteger() - 1)}}, m_daniel);
        QCOMPARE(sync.status, 200);
        QCOMPARE(sync.messages().size(), 1);
        QCOMPARE(sync.messages().at(0).toObject().value("entities"_L1).toArray(), entities);

        // A message without entities has no such field.
        const QJsonObject plain =
            send(m_jimin, u"그냥 메시지"_s, {}).json.value("message"_L1).toObject();
        QVERIFY(!plain.isEmpty());
        QVERIFY(!plain.contains("entities"_L1));
    }

    void malformedEntitiesAreRefused_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QJsonValue>("entities");
        const QString body = u"@김지민 님 @Daniel Cho 님"_s;
        const QString jimin = u"u_jimin_placeholder"_s; // replaced by the real id below
        QTest::newRow("not an array") << body << QJsonValue(u"mention"_s);
        QTest::newRow("not an object") << body << QJsonValue(QJsonArray{1});
        QTest::newRow("unknown type") << body << QJsonValue(QJsonArray{everyone(u"team"_s, 0, 4)});
        QTest::newRow("past the end") << body << QJsonValue(QJsonArray{mention(8, 40, jimin)});
        QTest::newRow("negative offset") << body << QJsonValue(QJsonArray{mention(-1, 4, jimin)});
        QTest::newRow("fractional length")
            << body
            << QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"mention"_s},
                                                 {u"offset"_s, 0},
                                                 {u"length"_s, 3.5},
                                                 {u"user_id"_s, jimin}}});
        QTest::newRow("not at an @") << body << QJsonValue(QJsonArray{mention(1, 3, jimin)});
        QTest::newRow("too short") << body << QJsonValue(QJsonArray{mention(0, 1, jimin)});
        QTest::newRow("overlapping")
            << body << QJsonValue(QJsonArray{mention(0, 4, jimin), mention(0, 4, jimin)});
        QTest::newRow("out of order")
            << body << QJsonValue(QJsonArray{mention(7, 12, jimin), mention(0, 4, jimin)});
        QTest::newRow("mention without user_id")
            << body << QJsonValue(QJsonArray{everyone(u"mention"_s, 0, 4)});
        QTest::newRow("user_id with a space")
            << body << QJsonValue(QJsonArray{mention(0, 4, u"u 1"_s)});
        QTest::newRow("channel with a user_id")
            << u"@channel 공지"_s
            << QJsonValue(QJsonArray{QJsonObject{{u"type"_s, u"channel"_s},
                                                 {u"offset"_s, 0},
                                                 {u"length"_s, 8},
                                                 {u"user_id"_s, jimin}}});
        QTest::newRow("half an emoji")
            << u"@😀 hi"_s << QJsonValue(QJsonArray{mention(0, 2, jimin)});
        QJsonArray tooMany;
        QString many;
        for (int i = 0; i < 51; ++i) {
            tooMany.append(mention(int(many.size()), 3, jimin));
            many += u"@ab "_s;
        }
        QTest::newRow("51 entities") << many << QJsonValue(tooMany);
    }

    void malformedEntitiesAreRefused()
    {
        QFETCH(QString, body);
        QFETCH(QJsonValue, entities);
        // The real id where the rows name one, so that only the shape is wrong.
        const QByteArray text = QJsonDocument(QJsonArray{entities})
                                    .toJson()
                                    .replace("u_jimin_placeholder", m_jimin.id.toUtf8());
        const QJsonValue real = QJsonDocument::fromJson(text).array().at(0);
        const qint64 before = newestSeq();
        const auto answer = send(m_jimin, body, real);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), u"bad_request"_s);
        QCOMPARE(answer.errorField(), u"entities"_s);
        QCOMPARE(newestSeq(), before);
    }

    void onlyPeopleWhoSeeTheConversationCanBeMentioned()
    {
        const auto answer =
            send(m_jimin, u"@최민지 님도 보세요"_s, QJsonArray{mention(0, 4, m_minji.id)});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorField(), u"entities"_s);
        const auto unknown = send(m_jimin, u"@누구 님"_s, QJsonArray{mention(0, 3, u"u_nobody"_s)});
        QCOMPARE(unknown.status, 400);
    }

    void onlyAChannelsAdminsAddressEveryone()
    {
        const QString body = u"@channel 오늘 3시 전체 회의입니다"_s;
        const QJsonArray channel{everyone(u"channel"_s, 0, 8)};
        auto answer = send(m_daniel, body, channel);
        QCOMPARE(answer.status, 403);
        QCOMPARE(answer.errorCode(), u"forbidden"_s);
        QCOMPARE(answer.errorField(), u"entities"_s);
        answer = send(m_daniel, u"@here 잠깐 보실 분"_s, QJsonArray{everyone(u"here"_s, 0, 5)});
        QCOMPARE(answer.status, 403);

        answer = send(m_jimin, body, channel);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value("message"_L1).toObject().value("entities"_L1).toArray(),
                 channel);
    }

    void anEditReplacesTheEntitiesAndADeleteDropsThem()
    {
        const QString body = u"@Daniel Cho 확인해 주세요"_s;
        const QJsonObject sent = send(m_jimin, body, QJsonArray{mention(0, 12, m_daniel.id)})
                                     .json.value("message"_L1)
                                     .toObject();
        const QString id = sent.value("id"_L1).toString();
        QVERIFY(!id.isEmpty());

        // The same text, the mention unbound: a change of its own.
        auto answer = edit(id, body, QJsonArray());
        QCOMPARE(answer.status, 200);
        QJsonObject edited = answer.json.value("message"_L1).toObject();
        QVERIFY(edited.value("version"_L1).toInteger() > sent.value("version"_L1).toInteger());
        QVERIFY(!edited.contains("entities"_L1));

        // A new text with a mention where it now stands.
        const QString moved = u"다시 한번 @Daniel Cho 확인해 주세요"_s;
        answer = edit(id, moved, QJsonArray{mention(6, 12, m_daniel.id)});
        QCOMPARE(answer.status, 200);
        edited = answer.json.value("message"_L1).toObject();
        QCOMPARE(edited.value("entities"_L1).toArray(), QJsonArray{mention(6, 12, m_daniel.id)});
        // Entities that no longer fit the new text are refused, and the message stays.
        answer = edit(id, u"짧게"_s, QJsonArray{mention(6, 12, m_daniel.id)});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorField(), u"entities"_s);
        QCOMPARE(inHistory(m_daniel, id).value("body"_L1).toString(), moved);

        answer = m_client->call("DELETE", messagePath(id), m_jimin);
        QCOMPARE(answer.status, 200);
        QVERIFY(!answer.json.value("message"_L1).toObject().contains("entities"_L1));
        QVERIFY(!inHistory(m_daniel, id).contains("entities"_L1));
    }

    void theAdminApiPostsMentionsToo()
    {
        Member admin;
        admin.accessToken = AdminToken::read(m_dir.path());
        const auto answer =
            m_client->call("POST", path::AdminMessages, admin,
                           {{u"email"_s, DanielEmail},
                            {u"conversation_id"_s, m_room},
                            {u"body"_s, u"@김지민 님 확인 부탁드립니다"_s},
                            {u"entities"_s, QJsonArray{mention(0, 4, m_jimin.id)}}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value("message"_L1).toObject().value("entities"_L1).toArray(),
                 QJsonArray{mention(0, 4, m_jimin.id)});
    }

    // A database from before mentions keeps its messages, without entities.
    void anExistingDatabaseGainsEntities()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"moim.db"_s);
        {
            Database database;
            QString error;
            QVERIFY2(database.open(file, &error, 12), qPrintable(error));
            QSqlQuery query(database.handle());
            for (
                const QString &statement :
                {u"PRAGMA foreign_keys=OFF"_s,
                 u"INSERT INTO messages (id, conversation_id, author, body, created_at, seq, "
                 "version) VALUES ('m_old', 'c_old', 'u_old', '@김지민 지난주 회의록', 1, 7, 7)"_s})
                QVERIFY2(query.exec(statement), qPrintable(statement));
        }
        Database database;
        QString error;
        QVERIFY2(database.open(file, &error), qPrintable(error));
        QSqlQuery query(database.handle());
        QVERIFY(query.exec(u"SELECT body, entities IS NULL FROM messages WHERE id = 'm_old'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"@김지민 지난주 회의록"_s);
        QVERIFY(query.value(1).toBool());
    }

private:
    QString messagePath(const QString &messageId) const
    {
        return path::ConversationsBase + m_room + path::MessagesSuffix + u'/' + messageId;
    }

    HttpResult send(const Member &member, const QString &body, const QJsonValue &entities)
    {
        QJsonObject request{{u"client_id"_s, u"mention-%1"_s.arg(++m_sent)}, {u"body"_s, body}};
        if (!entities.isUndefined())
            request.insert(u"entities"_s, entities);
        return m_client->call("POST", path::ConversationsBase + m_room + path::MessagesSuffix,
                              member, request);
    }

    HttpResult edit(const QString &messageId, const QString &body, const QJsonArray &entities)
    {
        return m_client->call("PATCH", messagePath(messageId), m_jimin,
                              {{u"body"_s, body}, {u"entities"_s, entities}});
    }

    QJsonObject inHistory(const Member &member, const QString &messageId)
    {
        const auto page = m_client->get(path::ConversationsBase + m_room + path::MessagesSuffix,
                                        {{u"limit"_s, u"200"_s}}, member);
        for (const QJsonValue &value : page.messages()) {
            if (value.toObject().value("id"_L1).toString() == messageId)
                return value.toObject();
        }
        return {};
    }

    qint64 newestSeq()
    {
        const auto page = m_client->get(path::ConversationsBase + m_room + path::MessagesSuffix,
                                        {{u"limit"_s, u"1"_s}}, m_jimin);
        return page.messages().isEmpty()
                   ? 0
                   : page.messages().last().toObject().value("seq"_L1).toInteger();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    Member m_jimin, m_daniel, m_minji;
    QString m_design, m_room;
    int m_sent = 0;
};

QTEST_GUILESS_MAIN(TestMentionsServer)
#include "test_mentions_server.moc"
