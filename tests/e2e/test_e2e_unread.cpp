// Unread counts agree across devices: two desktops of one user under live traffic, with the
// races that used to split them (a catch-up answer and live events crossing, a reply sent from
// one desktop moving the read mark, a conversation read while the server was away), end with the
// server's count on both.
#include "mock_server_process.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"

#include <QJsonArray>
#include <QTimer>
#include <QtTest>
#include <limits>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestE2eUnread : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    test::SignedInClient signIn(const QString &email, const QString &profile)
    {
        return test::signInWithPassword(m_server.url(), &m_secrets, email, Password, profile);
    }

    // conversation id -> unread, as the server counts it for the client's user.
    QMap<QString, int> serverUnread(const test::SignedInClient &client,
                                    QMap<QString, qint64> *marks = nullptr)
    {
        bool done = false;
        ApiResult answer;
        const QString path =
            u"/api/v1/sync?after_seq="_s + QString::number(std::numeric_limits<qint64>::max() / 2);
        client.api->get(path, client.account()->accessToken(), this, [&](const ApiResult &result) {
            answer = result;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        QMap<QString, int> counts;
        for (const QJsonValue &value : answer.body.value("read_state"_L1).toArray()) {
            const QJsonObject state = value.toObject();
            const QString id = state.value("conversation_id"_L1).toString();
            counts.insert(id, state.value("unread"_L1).toInt());
            if (marks)
                marks->insert(id, state.value("last_read_seq"_L1).toInteger());
        }
        return counts;
    }

    static QMap<QString, int> deviceUnread(const test::SignedInClient &client,
                                           const QList<QString> &conversations)
    {
        QMap<QString, int> counts;
        for (const QString &id : conversations)
            counts.insert(id, client.chat()->unread(id));
        return counts;
    }

    static QByteArray describe(const QMap<QString, int> &counts)
    {
        QStringList parts;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            parts.append(it.key() + u'=' + QString::number(it.value()));
        return parts.join(u", "_s).toUtf8();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void twoDesktopsEndWithTheServersCountUnderLiveTraffic()
    {
        test::SignedInClient desk = signIn(Jimin, u"desk"_s);
        test::SignedInClient laptop = signIn(Jimin, u"laptop"_s);
        test::SignedInClient alex = signIn(Alex, u"alex"_s);
        QVERIFY(desk.isSignedIn() && laptop.isSignedIn() && alex.isSignedIn());

        // The conversations Alex and Jimin share.
        const QString workspace = alex.account()->workspaces()->workspaces().first().id;
        QSet<QString> alexSees;
        for (const Conversation &conversation : test::fetchedConversations(alex, workspace))
            alexSees.insert(conversation.id);
        QList<QString> shared;
        for (const Conversation &conversation : test::fetchedConversations(desk, workspace)) {
            if (alexSees.contains(conversation.id))
                shared.append(conversation.id);
        }
        test::fetchedConversations(laptop, workspace);
        QVERIFY2(shared.size() >= 3, QByteArray::number(shared.size()).constData());
        desk.chat()->setActiveConversation(QString());
        laptop.chat()->setActiveConversation(QString());

        // Alex writes a line every 15 ms, round the shared conversations, 90 lines in all.
        const int lines = 90;
        int posted = 0;
        QTimer traffic;
        connect(&traffic, &QTimer::timeout, this, [&] {
            if (posted == lines) {
                traffic.stop();
                return;
            }
            alex.chat()->send(shared.at(posted % shared.size()),
                              u"트래픽 %1 — live line %1"_s.arg(posted));
            ++posted;
        });
        traffic.start(15);

        // The laptop reads one conversation while lines keep arriving there, then leaves it.
        QTRY_VERIFY_WITH_TIMEOUT(posted >= 10, 10000);
        laptop.chat()->setActiveConversation(shared.at(0));
        QTRY_VERIFY_WITH_TIMEOUT(posted >= 20, 10000);
        laptop.chat()->setActiveConversation(QString());

        // The server goes away with no goodbye while lines wait in Alex's outbox; the laptop
        // reads a conversation meanwhile, which the server can hear of only once it is back.
        // Both desktops then catch up while the traffic goes on, answers and events crossing.
        m_server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(laptop.account()->connection() != Account::Connection::Online,
                                 20000);
        laptop.chat()->setActiveConversation(shared.at(2));
        laptop.chat()->setActiveConversation(QString());
        const qint64 readWhileAway = laptop.chat()->lastReadSeq(shared.at(2));
        QVERIFY(readWhileAway > 0);
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
        for (const test::SignedInClient *client : {&desk, &laptop, &alex})
            client->account()->retryNow();

        // The desk replies in another conversation without opening it (as from a notification):
        // the server moves its read mark to the reply, so what came before is read everywhere.
        QTRY_VERIFY_WITH_TIMEOUT(posted >= 50, 20000);
        QVERIFY(desk.chat()->send(shared.at(1), u"확인했습니다 — seen"_s).has_value());

        QTRY_COMPARE_WITH_TIMEOUT(posted, lines, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(alex.chat()->outbox()->pendingCount(), 0, 40000);
        QTRY_COMPARE_WITH_TIMEOUT(desk.chat()->outbox()->pendingCount(), 0, 20000);
        for (const test::SignedInClient *client : {&desk, &laptop}) {
            QTRY_COMPARE_WITH_TIMEOUT(client->account()->connection(), Account::Connection::Online,
                                      20000);
        }

        // Quiet now: the server's count settles (the laptop's late read mark lands with its
        // catch-up), and both desktops come to it.
        QMap<QString, int> truth;
        QMap<QString, qint64> serverMarks;
        for (int attempt = 0; attempt < 50; ++attempt) {
            const QMap<QString, int> all = serverUnread(desk, &serverMarks);
            truth.clear();
            for (const QString &id : std::as_const(shared))
                truth.insert(id, all.value(id, -1));
            if (deviceUnread(desk, shared) == truth && deviceUnread(laptop, shared) == truth)
                break;
            QTest::qWait(200);
        }
        int total = 0;
        for (const int unread : std::as_const(truth))
            total += unread;
        // Lines kept coming after every read, so there is something to count.
        QVERIFY2(total > 0, describe(truth).constData());
        // What the laptop read while the server was away counts as read there too.
        QVERIFY2(serverMarks.value(shared.at(2)) >= readWhileAway,
                 QByteArray::number(serverMarks.value(shared.at(2))).constData());
        QCOMPARE(describe(deviceUnread(desk, shared)), describe(truth));
        QCOMPARE(describe(deviceUnread(laptop, shared)), describe(truth));
        // The workspace badges add up the same on both.
        QCOMPARE(desk.chat()->workspaceUnread(workspace),
                 laptop.chat()->workspaceUnread(workspace));
    }

    void aLongCatchUpBringsEveryPage()
    {
        // More than two pages (200 each) arrive while the desk is closed.
        const int lines = 450;
        test::SignedInClient alex = signIn(Alex, u"alex"_s);
        const QString workspace = alex.account()->workspaces()->workspaces().first().id;
        const QString conversation = test::fetchedConversations(alex, workspace).first().id;
        {
            test::SignedInClient desk = signIn(Jimin, u"closed"_s);
            QVERIFY(desk.isSignedIn());
            desk.chat()->setActiveConversation(QString());
            // It closes having seen a line live, so it knows where to catch up from (a desk
            // closed before its first catch-up loads each history when it is opened instead).
            alex.chat()->send(conversation, u"before the desk closes"_s);
            QTRY_VERIFY_WITH_TIMEOUT(
                desk.chat()->lastMessage(conversation).body == u"before the desk closes"_s, 20000);
        }
        for (int i = 0; i < lines; ++i)
            alex.chat()->send(conversation, u"밀린 메시지 %1 — catch-up line"_s.arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(alex.chat()->outbox()->pendingCount(), 0, 60000);

        test::SignedInClient desk = test::restartSignedIn(m_server.url(), &m_secrets, u"closed"_s);
        QVERIFY(desk.isSignedIn());
        // Every line is held here, the middle pages too, and counted once.
        const auto caughtUp = [&] {
            int held = 0;
            for (const Message &message : desk.chat()->cachedMessages(conversation, 0, 2 * lines))
                held += message.body.endsWith(u"catch-up line"_s) ? 1 : 0;
            return held;
        };
        QTRY_COMPARE_WITH_TIMEOUT(caughtUp(), lines, 20000);
        QCOMPARE(desk.chat()->unread(conversation), serverUnread(desk).value(conversation));
        QVERIFY(desk.chat()->unread(conversation) >= lines);
    }
};

QTEST_GUILESS_MAIN(TestE2eUnread)
#include "test_e2e_unread.moc"
