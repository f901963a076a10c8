// Chat end to end with the real server process: live delivery across workspaces with unread
// badges, reading on one device clearing another's, the outbox surviving server crashes and a
// client that was killed with messages pending, history paging over 10,000 messages, and a
// damaged local cache found at start, moved aside and rebuilt from the server (the unsent messages
// it held rescued and sent), and a read-only profile that neither loops nor loses quietly.
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "chat/history_model.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "search/search_text.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>
#include <unistd.h>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestE2eChat : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    using Client = test::SignedInClient;

    Client signIn(const QString &email, const QString &profile = {})
    {
        return test::signInWithPassword(m_server.url(), &m_secrets, email, Password, profile);
    }

    // A new start of the same profile: the remembered session, nothing restored yet.
    Client restartWithRememberedSession()
    {
        Client client;
        client.api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                                 u"moim-desktop"_s, u"0.1.0"_s);
        client.sessions = std::make_unique<SessionManager>(Profile(), client.api.get(), &m_secrets);
        return client;
    }

    // The conversations of a workspace, straight from the server.
    QList<Conversation> conversationsOf(Client &client, const QString &workspaceId)
    {
        return test::fetchedConversations(client, workspaceId);
    }

    // Every message body of a conversation as the server has it, oldest first.
    QStringList serverBodies(Client &client, const QString &conversationId)
    {
        QStringList bodies;
        qint64 before = 0;
        for (;;) {
            bool done = false;
            ApiResult page;
            QString path = u"/api/v1/conversations/%1/messages?limit=200"_s.arg(conversationId);
            if (before > 0)
                path += u"&before_seq="_s + QString::number(before);
            client.api->get(path, client.account()->accessToken(), this,
                            [&](const ApiResult &result) {
                                page = result;
                                done = true;
                            });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
            const QJsonArray messages = page.body.value("messages"_L1).toArray();
            QStringList chunk;
            for (const QJsonValue &value : messages)
                chunk.append(value.toObject().value("body"_L1).toString());
            bodies = chunk + bodies;
            if (!page.body.value("has_more"_L1).toBool() || messages.isEmpty())
                return bodies;
            before = messages.first().toObject().value("seq"_L1).toInteger();
        }
    }

    // Makes a folder and its files unwritable, as a read-only or full disk would be: root ignores
    // permission bits, so as root the immutable attribute does it.
    static bool setReadOnly(const QString &folder, bool readOnly)
    {
        QStringList paths{folder};
        for (const QString &name : QDir(folder).entryList(QDir::Files | QDir::Hidden))
            paths.append(folder + u'/' + name);
        if (geteuid() == 0)
            return QProcess::execute(u"chattr"_s,
                                     QStringList{readOnly ? u"+i"_s : u"-i"_s} + paths) == 0;
        bool ok = true;
        for (const QString &path : paths) {
            const bool isFolder = QFileInfo(path).isDir();
            QFileDevice::Permissions permissions = QFileDevice::ReadOwner;
            if (isFolder)
                permissions |= QFileDevice::ExeOwner;
            if (!readOnly)
                permissions |= QFileDevice::WriteOwner;
            ok = QFile::setPermissions(path, permissions) && ok;
        }
        return ok;
    }

    QStringList bodiesStartingWith(Client &client, const QString &conversation,
                                   const QString &prefix)
    {
        QStringList bodies = serverBodies(client, conversation);
        bodies.erase(std::remove_if(bodies.begin(), bodies.end(),
                                    [&](const QString &b) { return !b.startsWith(prefix); }),
                     bodies.end());
        return bodies;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void liveAcrossWorkspacesWithBadges()
    {
        Client desk = signIn(Jimin);
        Client laptop = signIn(Jimin, u"laptop"_s);
        const auto &workspaces = desk.account()->workspaces()->workspaces();
        QVERIFY(workspaces.size() >= 2);
        const QString a = workspaces.at(0).id;
        const QString b = workspaces.at(1).id;
        const Conversation inA = conversationsOf(desk, a).first();
        const Conversation inB = conversationsOf(desk, b).first();
        desk.chat()->setActiveConversation(inA.id);
        laptop.chat()->setActiveConversation(QString());
        const int bBefore = desk.chat()->workspaceUnread(b);
        const int laptopBefore = laptop.chat()->unread(inB.id);

        QSignalSpy arrived(desk.chat(), &Chat::messageChanged);
        QString output;
        QCOMPARE(m_server.admin({u"post"_s, u"alex.park@moim.example"_s, inB.id,
                                 u"@김지민 디자인 리뷰 시간 괜찮으세요?"_s},
                                &output),
                 0);
        // It arrives live while A is shown, and B's badge counts up, on both devices.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(arrived.cbegin(), arrived.cend(),
                                             [](const QList<QVariant> &args) {
                                                 return args.first().value<Message>().body.contains(
                                                     u"디자인 리뷰"_s);
                                             }),
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(desk.chat()->workspaceUnread(b), bBefore + 1, 10000);
        const int row = desk.account()->workspaces()->indexOf(b);
        QCOMPARE(desk.account()->workspaces()->index(row).data(WorkspaceModel::UnreadRole).toInt(),
                 bBefore + 1);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.chat()->unread(inB.id), laptopBefore + 1, 10000);

        // Opening it on the desk clears the badge there, and on the laptop too.
        desk.chat()->setActiveConversation(inB.id);
        QCOMPARE(desk.chat()->unread(inB.id), 0);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.chat()->unread(inB.id), 0, 10000);
    }

    void outboxSurvivesServerCrashes()
    {
        Client client = signIn(Jimin);
        const QString workspace = client.account()->workspaces()->workspaces().at(0).id;
        const QString conversation = conversationsOf(client, workspace).first().id;
        QStringList sent;
        for (int round = 0; round < 3; ++round) {
            for (int i = 0; i < 4; ++i) {
                const QString body = u"crash round %1 message %2"_s.arg(round).arg(i);
                client.chat()->send(conversation, body);
                sent.append(body);
            }
            // The server dies in the middle of it, with no goodbye.
            m_server.kill();
            for (int i = 4; i < 6; ++i) {
                const QString body = u"crash round %1 message %2"_s.arg(round).arg(i);
                client.chat()->send(conversation, body);
                sent.append(body);
            }
            QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
            client.account()->retryNow();
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.account()->connection(), Account::Connection::Online,
                                  40000);
        QTRY_COMPARE_WITH_TIMEOUT(client.chat()->outbox()->pendingCount(), 0, 40000);
        // Every message exactly once, in the order written.
        QStringList onServer = serverBodies(client, conversation);
        onServer.erase(std::remove_if(onServer.begin(), onServer.end(),
                                      [](const QString &b) { return !b.startsWith(u"crash"_s); }),
                       onServer.end());
        QCOMPARE(onServer, sent);
    }

    void killedClientSendsPendingOnRestart()
    {
        QString conversation;
        QStringList written;
        {
            Client client = signIn(Jimin);
            const QString workspace = client.account()->workspaces()->workspaces().at(0).id;
            conversation = conversationsOf(client, workspace).first().id;
            m_server.kill();
            QTRY_VERIFY_WITH_TIMEOUT(client.account()->connection() != Account::Connection::Online,
                                     10000);
            for (int i = 0; i < 5; ++i) {
                written.append(u"written offline %1"_s.arg(i));
                client.chat()->send(conversation, written.last());
            }
            QCOMPARE(client.chat()->outbox()->pendingCount(), 5);
            // The client goes away here with five messages pending (as if killed).
        }
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
        Client restarted = restartWithRememberedSession();
        QVERIFY(restarted.sessions->restore());
        QTRY_COMPARE_WITH_TIMEOUT(restarted.chat()->outbox()->pendingCount(), 0, 30000);
        QStringList onServer = serverBodies(restarted, conversation);
        onServer.erase(
            std::remove_if(onServer.begin(), onServer.end(),
                           [](const QString &b) { return !b.startsWith(u"written offline"_s); }),
            onServer.end());
        QCOMPARE(onServer, written);
    }

    void damagedCacheIsRebuiltAtStart_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated") << u"truncated"_s;
        QTest::newRow("garbage") << u"garbage"_s;
        QTest::newRow("newer schema") << u"newer schema"_s;
        QTest::newRow("other tables") << u"other tables"_s;
    }

    void damagedCacheIsRebuiltAtStart()
    {
        QFETCH(QString, damage);
        QString cacheFile, workspace, conversation;
        QStringList workspaceIds;
        {
            Client client = signIn(Jimin);
            cacheFile = client.sessions->cacheFile(client.account()->identity().id);
            for (const Workspace &w : client.account()->workspaces()->workspaces())
                workspaceIds.append(w.id);
            workspace = workspaceIds.first();
            conversation = conversationsOf(client, workspace).first().id;
            HistoryModel history(client.chat(), client.account()->identity().id);
            history.setConversation(conversation);
            QTRY_VERIFY_WITH_TIMEOUT(history.rowCount() > 0, 10000);
        }
        QVERIFY(QFileInfo(cacheFile).size() > 0);
        const auto corrupt = [&] {
            if (damage == u"newer schema"_s || damage == u"other tables"_s) {
                auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
                db.setDatabaseName(cacheFile);
                [&] { QVERIFY(db.open()); }();
                // Same version number, but a table is not what this version makes.
                QSqlQuery(db).exec(damage == u"newer schema"_s ? u"PRAGMA user_version = 999"_s
                                                               : u"DROP TABLE read_state"_s);
                db.close();
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(u"damage"_s);
                return;
            }
            QFile::remove(cacheFile + u"-wal"_s);
            QFile::remove(cacheFile + u"-shm"_s);
            QFile file(cacheFile);
            if (damage == u"truncated"_s) {
                [&] { QVERIFY(file.resize(QFileInfo(cacheFile).size() / 3)); }();
            } else {
                [&] { QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate)); }();
                file.write(QByteArray(8192, '\xa5'));
            }
        };
        corrupt();
        QVERIFY(!QTest::currentTestFailed());

        // The next start: signed in at once from the remembered session, the damaged file moved
        // aside, and everything back from the server into a fresh cache.
        Client restarted = restartWithRememberedSession();
        QVERIFY(restarted.sessions->restore());
        LocalCache *cache = restarted.account()->cache();
        QVERIFY(cache && cache->isOpen());
        QVERIFY(!cache->quarantinedPath().isEmpty());
        QVERIFY(QFile::exists(cache->quarantinedPath()));
        QCOMPARE(cache->schemaVersion(), LocalCache::SchemaVersion);
        QTRY_COMPARE_WITH_TIMEOUT(restarted.account()->connection(), Account::Connection::Online,
                                  10000);
        QStringList restoredIds;
        for (const Workspace &w : restarted.account()->workspaces()->workspaces())
            restoredIds.append(w.id);
        QCOMPARE(restoredIds, workspaceIds);
        QVERIFY(!conversationsOf(restarted, workspace).isEmpty());
        HistoryModel history(restarted.chat(), restarted.account()->identity().id);
        history.setConversation(conversation);
        QTRY_VERIFY_WITH_TIMEOUT(history.rowCount() > 0, 10000);
        // What came back is in the new cache, ready for the start after this one.
        QCOMPARE(cache->workspaces().size(), workspaceIds.size());
        QTRY_VERIFY_WITH_TIMEOUT(!cache->messages(conversation, 0, 10).isEmpty(), 10000);
    }

    void unsentMessagesInADamagedCacheAreRescuedAndSent()
    {
        QString cacheFile, conversation, myId;
        {
            Client client = signIn(Jimin);
            myId = client.account()->identity().id;
            cacheFile = client.sessions->cacheFile(myId);
            conversation =
                conversationsOf(client, client.account()->workspaces()->workspaces().at(0).id)
                    .first()
                    .id;
        }
        // As an older version left it: unsent rows in the cache itself, and then the file
        // damaged (a schema this version does not know).
        QStringList written;
        {
            LocalCache old;
            QVERIFY(old.open(cacheFile) != LocalCache::OpenResult::Failed);
            for (int i = 0; i < 3; ++i) {
                Message message;
                message.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
                message.localId = message.clientId;
                message.conversationId = conversation;
                message.authorId = myId;
                message.authorName = u"김지민"_s;
                message.body = u"left in a damaged cache %1"_s.arg(i);
                message.createdAt = QDateTime::currentSecsSinceEpoch();
                message.state = Message::State::Pending;
                QVERIFY(old.storeMessage(message));
                written.append(message.body);
            }
        }
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            db.setDatabaseName(cacheFile);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"PRAGMA user_version = 999"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"damage"_s);

        Client restarted = restartWithRememberedSession();
        QVERIFY(restarted.sessions->restore());
        QVERIFY(!restarted.account()->cache()->quarantinedPath().isEmpty());
        // Rescued before the file was moved aside, kept by the outbox, sent once, in order.
        QTRY_COMPARE_WITH_TIMEOUT(restarted.chat()->outbox()->pendingCount(), 0, 20000);
        QCOMPARE(bodiesStartingWith(restarted, conversation, u"left in a damaged cache"_s),
                 written);
        QVERIFY(restarted.account()->outboxStore()->messages().isEmpty());
    }

    void aReadOnlyProfileNeitherLoopsNorLosesQuietly()
    {
        QString folder, conversation;
        {
            Client client = signIn(Jimin);
            folder = QFileInfo(client.sessions->cacheFile(client.account()->identity().id))
                         .absolutePath();
            conversation =
                conversationsOf(client, client.account()->workspaces()->workspaces().at(0).id)
                    .first()
                    .id;
            // Written while the server is away: it waits in the outbox.
            m_server.kill();
            QVERIFY(client.chat()->send(conversation, u"queued before the disk went bad"_s));
        }
        if (!setReadOnly(folder, true))
            QSKIP("this file system cannot make a folder read-only");
        const auto writable = qScopeGuard([&] { setReadOnly(folder, false); });
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));

        Client restarted = restartWithRememberedSession();
        QVERIFY(restarted.sessions->restore());
        Outbox *outbox = restarted.chat()->outbox();
        QSignalSpy changed(outbox, &Outbox::messageChanged);
        // The queued message goes once; that its row cannot be deleted makes it go no more.
        QTRY_COMPARE_WITH_TIMEOUT(outbox->pendingCount(), 0, 20000);
        QTest::qWait(2000);
        const auto sends = std::count_if(changed.cbegin(), changed.cend(), [](const auto &args) {
            return args.first().template value<Message>().state == Message::State::Sent;
        });
        QCOMPARE(sends, 1);
        QCOMPARE(bodiesStartingWith(restarted, conversation, u"queued before the disk"_s).size(),
                 1);
        // A new message cannot be written down: it is refused at once (the UI keeps the text
        // and says so), not shown as "Sending…" forever.
        QVERIFY(!restarted.chat()->send(conversation, u"written on a read-only disk"_s));
        QCOMPARE(outbox->pendingCount(), 0);
        QVERIFY(bodiesStartingWith(restarted, conversation, u"written on a read-only"_s).isEmpty());
    }

    void historyPagesThroughTenThousandMessages()
    {
        Client client = signIn(Jimin);
        const QString workspace = client.account()->workspaces()->workspaces().at(0).id;
        const QString conversation = conversationsOf(client, workspace).last().id;
        {
            // 10,000 messages straight into the server's database (WAL: it keeps running).
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"seed"_s);
            db.setDatabaseName(QDir(m_server.dataDir()).filePath(u"server.sqlite"_s));
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
            QVERIFY(db.open());
            // Its triggers feed the search index, whose tokenizer each connection registers.
            QVERIFY(moim::search::registerTokenizer(db));
            QVERIFY(db.transaction());
            QSqlQuery query(db);
            QVERIFY(query.exec(
                u"SELECT MAX(seq), (SELECT author FROM messages LIMIT 1) FROM messages"_s));
            QVERIFY(query.next());
            const qint64 base = query.value(0).toLongLong();
            const QString author = query.value(1).toString();
            query.prepare(u"INSERT INTO messages (id, conversation_id, author, body, created_at, "
                          "seq) VALUES (?, ?, ?, ?, ?, ?)"_s);
            for (int i = 0; i < 10000; ++i) {
                query.addBindValue(u"m_page_%1"_s.arg(i));
                query.addBindValue(conversation);
                query.addBindValue(author);
                query.addBindValue(u"page message %1"_s.arg(i));
                query.addBindValue(1700000000 + i);
                query.addBindValue(base + 1 + i);
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
            QVERIFY(db.commit());
            db.close();
        }
        QSqlDatabase::removeDatabase(u"seed"_s);

        HistoryModel history(client.chat(), client.account()->identity().id);
        history.setConversation(conversation);
        QTRY_VERIFY_WITH_TIMEOUT(history.rowCount() > 0 &&
                                     history.messages().last().body == u"page message 9999"_s,
                                 10000);
        int maxRows = 0;
        int pages = 0;
        while (history.canLoadOlder()) {
            const QString firstBefore = history.messages().first().localId;
            history.loadOlder();
            QTRY_VERIFY_WITH_TIMEOUT(
                !history.isLoadingOlder() &&
                    (!history.hasOlder() || history.messages().first().localId != firstBefore),
                10000);
            maxRows = std::max(maxRows, history.rowCount());
            if (++pages > 400)
                break;
        }
        // All the way back, never holding more than the window.
        QVERIFY2(pages >= 10000 / HistoryModel::PageSize,
                 qPrintable(u"%1 pages, first %2 %3"_s.arg(pages)
                                .arg(history.messages().first().seq)
                                .arg(history.messages().first().body)));
        QVERIFY2(maxRows <= HistoryModel::MaxRows, qPrintable(QString::number(maxRows)));
        QVERIFY(!history.isAtNewest());
        QVERIFY(std::any_of(history.messages().cbegin(), history.messages().cend(),
                            [](const Message &m) { return m.body == u"page message 0"_s; }));
        // And back to the live end.
        history.jumpToNewest();
        QVERIFY(history.isAtNewest());
    }
};

QTEST_GUILESS_MAIN(TestE2eChat)
#include "test_e2e_chat.moc"
