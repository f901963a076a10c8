// History windows on the server: the page right after a message (scrolling down from an old
// window) and a page centred on a message (opening a search result or a link), their limits and
// how malformed or unauthorised requests are refused.
#include "mock_server.h"
#include "server_test_client.h"

#include <QTemporaryDir>
#include <QTest>

using namespace moim::server;
using namespace moim::server::test;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {
const auto JiminEmail = u"jimin.kim@moim.example"_s;
const auto MinjiEmail = u"minji.choi@moim.example"_s; // not in Design Studio
constexpr int Posted = 30;

QList<qint64> seqsOf(const QJsonArray &messages)
{
    QList<qint64> seqs;
    for (const QJsonValue &value : messages)
        seqs.append(value.toObject().value("seq"_L1).toInteger());
    return seqs;
}
} // namespace

class TestHistoryWindows : public QObject
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
        m_minji = m_client->signIn(MinjiEmail);
        const QString design = m_jimin.workspaces.value(u"Design Studio"_s);
        QVERIFY(!design.isEmpty());
        const auto created = m_client->call("POST", path::Workspaces + design + path::Conversations,
                                            m_jimin, {{u"name"_s, u"windows"_s}});
        QCOMPARE(created.status, 200);
        m_channel = created.json.value("conversation"_L1).toObject().value("id"_L1).toString();
        const QString general = m_client->conversationNamed(m_jimin, design, u"general"_s);
        QVERIFY(!general.isEmpty());
        // Messages elsewhere in between: sequence numbers are global, so the channel's are not
        // consecutive and a window must not assume they are.
        for (int i = 1; i <= Posted; ++i) {
            const QJsonObject message = m_client->send(m_jimin, m_channel, u"메시지 %1"_s.arg(i));
            QVERIFY(!message.isEmpty());
            m_seqs.append(message.value("seq"_L1).toInteger());
            if (i % 3 == 0) {
                const QJsonObject elsewhere = m_client->send(m_jimin, general, u"elsewhere"_s);
                QVERIFY(!elsewhere.isEmpty());
                m_elsewhere.append(elsewhere.value("seq"_L1).toInteger());
            }
        }
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void afterSeqAnswersTheNextPageOldestFirst()
    {
        auto page =
            history({{u"after_seq"_s, QString::number(m_seqs.at(9))}, {u"limit"_s, u"5"_s}});
        QCOMPARE(page.status, 200);
        QCOMPARE(seqsOf(page.messages()), m_seqs.mid(10, 5));
        QCOMPARE(page.json.value("has_more"_L1).toBool(), true);

        // The last page says there is nothing newer.
        page = history(
            {{u"after_seq"_s, QString::number(m_seqs.at(Posted - 4))}, {u"limit"_s, u"10"_s}});
        QCOMPARE(seqsOf(page.messages()), m_seqs.mid(Posted - 3));
        QCOMPARE(page.json.value("has_more"_L1).toBool(), false);

        // After the newest: nothing.
        page = history({{u"after_seq"_s, QString::number(m_seqs.last())}});
        QCOMPARE(page.status, 200);
        QVERIFY(page.messages().isEmpty());
        QCOMPARE(page.json.value("has_more"_L1).toBool(), false);
    }

    void aroundSeqCentresTheWindowOnTheMessage()
    {
        auto page =
            history({{u"around_seq"_s, QString::number(m_seqs.at(15))}, {u"limit"_s, u"10"_s}});
        QCOMPARE(page.status, 200);
        // Five older, then the message itself and four newer.
        QCOMPARE(seqsOf(page.messages()), m_seqs.mid(10, 10));
        QCOMPARE(page.json.value("has_older"_L1).toBool(), true);
        QCOMPARE(page.json.value("has_newer"_L1).toBool(), true);
        QCOMPARE(page.messages().at(5).toObject().value("body"_L1).toString(), u"메시지 16"_s);

        // Near the oldest end the newer side fills the page.
        page = history({{u"around_seq"_s, QString::number(m_seqs.at(1))}, {u"limit"_s, u"10"_s}});
        QCOMPARE(seqsOf(page.messages()), m_seqs.mid(0, 10));
        QCOMPARE(page.json.value("has_older"_L1).toBool(), false);
        QCOMPARE(page.json.value("has_newer"_L1).toBool(), true);

        // Near the newest end: what there is, and nothing newer.
        page = history(
            {{u"around_seq"_s, QString::number(m_seqs.at(Posted - 2))}, {u"limit"_s, u"10"_s}});
        QCOMPARE(seqsOf(page.messages()), m_seqs.mid(Posted - 7));
        QCOMPARE(page.json.value("has_older"_L1).toBool(), true);
        QCOMPARE(page.json.value("has_newer"_L1).toBool(), false);

        // A sequence number of another conversation is a position in this one too.
        const qint64 between = m_elsewhere.at(4); // posted after the channel's 15th message
        page = history({{u"around_seq"_s, QString::number(between)}, {u"limit"_s, u"4"_s}});
        QCOMPARE(seqsOf(page.messages()), m_seqs.mid(13, 4));

        // Without a limit the page is the default size, the whole channel here.
        page = history({{u"around_seq"_s, QString::number(m_seqs.at(15))}});
        QCOMPARE(seqsOf(page.messages()), m_seqs);
        QCOMPARE(page.json.value("has_older"_L1).toBool(), false);
        QCOMPARE(page.json.value("has_newer"_L1).toBool(), false);
    }

    void malformedParametersAreRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("before not a number") << u"before_seq=abc"_s << u"before_seq"_s;
        QTest::newRow("after negative") << u"after_seq=-1"_s << u"after_seq"_s;
        QTest::newRow("around empty") << u"around_seq="_s << u"around_seq"_s;
        QTest::newRow("around exponent") << u"around_seq=1e3"_s << u"around_seq"_s;
        QTest::newRow("around overflow") << u"around_seq=99999999999999999999"_s << u"around_seq"_s;
        QTest::newRow("limit zero") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("limit text") << u"limit=all"_s << u"limit"_s;
        QTest::newRow("two anchors") << u"after_seq=1&around_seq=2"_s << QString();
        QTest::newRow("before and after") << u"before_seq=5&after_seq=1"_s << QString();
    }

    void malformedParametersAreRefused()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto answer = history(QUrlQuery(query));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorCode(), u"bad_request"_s);
        QCOMPARE(answer.errorField(), field);
    }

    void aLargeLimitIsCappedNotRefused()
    {
        const auto page = history({{u"after_seq"_s, u"0"_s}, {u"limit"_s, u"100000"_s}});
        QCOMPARE(page.status, 200);
        QCOMPARE(seqsOf(page.messages()), m_seqs);
    }

    void windowsAreForMembersOnly()
    {
        const QUrlQuery around{{u"around_seq"_s, QString::number(m_seqs.at(15))}};
        QCOMPARE(history(around, m_minji).status, 403);
        QCOMPARE(history(around, m_minji).messages().size(), 0);
        QCOMPARE(history(around, Member{}).status, 401);
        QCOMPARE(history({{u"after_seq"_s, u"0"_s}}, m_minji).status, 403);
    }

private:
    HttpResult history(const QUrlQuery &query, const Member &member)
    {
        return m_client->get(path::ConversationsBase + m_channel + path::MessagesSuffix, query,
                             member);
    }
    HttpResult history(const QUrlQuery &query) { return history(query, m_jimin); }
    HttpResult history(std::initializer_list<std::pair<QString, QString>> items)
    {
        QUrlQuery query;
        for (const auto &[name, value] : items)
            query.addQueryItem(name, value);
        return history(query);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    Member m_jimin, m_minji;
    QString m_channel;
    QList<qint64> m_seqs;
    QList<qint64> m_elsewhere;
};

QTEST_GUILESS_MAIN(TestHistoryWindows)
#include "test_history_windows.moc"
