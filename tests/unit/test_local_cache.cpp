#include "storage/local_cache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

class TestLocalCache : public QObject
{
    Q_OBJECT

    QList<Workspace> sampleWorkspaces()
    {
        Workspace hq{u"w1"_s, u"모임 본사"_s, u"Moim HQ"_s, u"모"_s, u"#3B6FE0"_s, u"member"_s};
        Workspace design{u"w2"_s, u"디자인 스튜디오"_s, u"Design Studio"_s,
                         u"디"_s, u"#E0503B"_s,         u"admin"_s};
        // Locked until 2-step verification is on: it must start locked, from the cache alone.
        design.locked = u"two_step_required"_s;
        return {hq, design};
    }

private Q_SLOTS:
    void freshFileGetsTheCurrentSchema()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        // The cache describes the user's work: only its owner may read it.
        QCOMPARE(QFile::permissions(dir.filePath(u"cache.sqlite"_s)) & 0x0077, 0);
    }

    void workspacesAndConversationsRoundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QVERIFY(cache.storeIdentity({u"u1"_s, u"jimin.kim@moim.example"_s, u"김지민"_s}));
            QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
            Conversation general{u"c1"_s,   u"w1"_s,          Conversation::Kind::Channel,
                                 u"일반"_s, u"모두의 채널"_s, 1700000000};
            Conversation dm{u"c2"_s,        u"w1"_s, Conversation::Kind::Direct,
                            u"Alex Park"_s, {},      1700000100};
            QVERIFY(cache.storeConversations(u"w1"_s, {general, dm}));
        }
        LocalCache reopened;
        QCOMPARE(reopened.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(reopened.identity().displayName, u"김지민"_s);
        QCOMPARE(reopened.workspaces(), sampleWorkspaces());
        const auto conversations = reopened.conversations(u"w1"_s);
        QCOMPARE(conversations.size(), 2);
        QCOMPARE(conversations.at(1).kind, Conversation::Kind::Direct);
        QCOMPARE(conversations.at(0).topic, u"모두의 채널"_s);
    }

    void conversationsOfALeftWorkspaceAreDropped()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
        Conversation design{u"c9"_s, u"w2"_s, Conversation::Kind::Channel, u"general"_s, {}, 0};
        QVERIFY(cache.storeConversations(u"w2"_s, {design}));
        QVERIFY(cache.storeWorkspaces({sampleWorkspaces().first()}));
        QVERIFY(cache.conversations(u"w2"_s).isEmpty());
    }

    void migratesAVersionZeroFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            // An empty database as an interrupted first start leaves it: user_version 0.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v0"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"CREATE TABLE leftover (x INTEGER)"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v0"_s);
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
    }

    void versionTwoFileKeepsItsWorkspaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            // A cache as the previous release wrote it: version 2, workspaces without a lock.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s));
            QVERIFY(query.exec(u"CREATE TABLE workspaces (id TEXT PRIMARY KEY, position INTEGER NOT"
                               " NULL, name TEXT NOT NULL, name_en TEXT NOT NULL, initials TEXT NOT"
                               " NULL, color TEXT NOT NULL, role TEXT NOT NULL)"_s));
            QVERIFY(query.exec(u"INSERT INTO workspaces VALUES ('w1', 0, '모임 본사', 'Moim HQ',"
                               " '모', '#3B6FE0', 'member')"_s));
            QVERIFY(query.exec(u"CREATE TABLE conversations (id TEXT NOT NULL, workspace_id TEXT"
                               " NOT NULL, position INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT"
                               " NOT NULL, topic TEXT NOT NULL, last_activity INTEGER NOT NULL,"
                               " PRIMARY KEY (workspace_id, id))"_s));
            QVERIFY(query.exec(u"CREATE TABLE messages (local_id TEXT PRIMARY KEY, id TEXT NOT"
                               " NULL, conversation_id TEXT NOT NULL, client_id TEXT NOT NULL, seq"
                               " INTEGER NOT NULL, author_id TEXT NOT NULL, author_name TEXT NOT"
                               " NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, state TEXT"
                               " NOT NULL, queued_at INTEGER NOT NULL)"_s));
            QVERIFY(query.exec(
                u"CREATE INDEX messages_by_conversation ON messages (conversation_id, seq)"_s));
            QVERIFY(query.exec(u"CREATE INDEX messages_outbox ON messages (state, queued_at)"_s));
            QVERIFY(query.exec(u"CREATE TABLE read_state (conversation_id TEXT PRIMARY KEY,"
                               " workspace_id TEXT NOT NULL, unread INTEGER NOT NULL,"
                               " last_read_seq INTEGER NOT NULL)"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 2"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v2"_s);
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        QCOMPARE(cache.workspaces().size(), 1);
        QCOMPARE(cache.workspaces().first().name, u"모임 본사"_s);
        QVERIFY(cache.workspaces().first().locked.isEmpty());
    }

    void versionFourMessagesAreKeyedByServerId()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QVERIFY(cache.storeIdentity({u"u_me"_s, u"jimin.kim@moim.example"_s, u"김지민"_s}));
        }
        {
            // Messages as version 4 kept them: under the client id whenever a message had one,
            // also someone else's (which could take the place of one of ours).
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v4"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            const auto insert =
                u"INSERT INTO messages (local_id, id, conversation_id, client_id,"
                " seq, author_id, author_name, body, created_at, state, queued_at)"
                " VALUES ('%1', '%2', 'c1', '%3', %4, '%5', 'x', '%6', 0, '%7', %8)"_s;
            QVERIFY(query.exec(insert.arg(u"uuid-mine"_s, u"m_1"_s, u"uuid-mine"_s, u"1"_s,
                                          u"u_me"_s, u"sent by me"_s, u"sent"_s, u"0"_s)));
            QVERIFY(query.exec(insert.arg(u"uuid-theirs"_s, u"m_2"_s, u"uuid-theirs"_s, u"2"_s,
                                          u"u_other"_s, u"sent by them"_s, u"sent"_s, u"0"_s)));
            QVERIFY(query.exec(insert.arg(u"m_3"_s, u"m_3"_s, u""_s, u"3"_s, u"u_other"_s,
                                          u"no client id"_s, u"sent"_s, u"0"_s)));
            QVERIFY(query.exec(insert.arg(u"uuid-unsent"_s, u""_s, u"uuid-unsent"_s, u"0"_s,
                                          u"u_me"_s, u"still to send"_s, u"pending"_s, u"1"_s)));
            QVERIFY(query.exec(u"PRAGMA user_version = 4"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v4"_s);

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        const QList<Message> sent = cache.messages(u"c1"_s, 0, 10);
        QCOMPARE(sent.size(), 4);
        for (const Message &message : sent.first(3))
            QCOMPARE(message.localId, message.id);
        QCOMPARE(sent.at(0).clientId, u"uuid-mine"_s); // ours keeps its key
        QVERIFY(sent.at(1).clientId.isEmpty());        // theirs matches nothing of ours any more
        // The outbox is untouched.
        QCOMPARE(cache.pendingMessages().size(), 1);
        QCOMPARE(cache.pendingMessages().first().localId, u"uuid-unsent"_s);
        QCOMPARE(cache.pendingMessages().first().clientId, u"uuid-unsent"_s);
    }

    void corruptFileIsMovedAsideAndRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(4096, '\x5a'));
        file.close();

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Recovered);
        QVERIFY(cache.workspaces().isEmpty());
        QVERIFY(QFile::exists(cache.quarantinedPath()));
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
    }

    void newerSchemaIsNotGuessedAt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"PRAGMA user_version = 99"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"future"_s);
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Recovered);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
    }

    void tablesOtherThanTheSchemaAreNotTrusted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
        }
        {
            // The version number says current, a table says otherwise.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edited"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"ALTER TABLE workspaces DROP COLUMN role"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"edited"_s);
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Recovered);
        QVERIFY(cache.workspaces().isEmpty());
        QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
        QCOMPARE(cache.workspaces().size(), 2);
    }

    void onlyTheNewestDamagedFileIsKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        for (int start = 0; start < 3; ++start) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(4096, char('a' + start)));
            file.close();
            // Earlier quarantines, named as earlier starts named them.
            QFile::copy(path, path + u".corrupt-10%1"_s.arg(start));
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Recovered);
            const QStringList kept =
                QDir(dir.path()).entryList({u"cache.sqlite.corrupt-*"_s}, QDir::Files);
            QCOMPARE(kept, QStringList{QFileInfo(cache.quarantinedPath()).fileName()});
            QFile damaged(cache.quarantinedPath());
            QVERIFY(damaged.open(QIODevice::ReadOnly));
            QCOMPARE(damaged.read(1), QByteArray(1, char('a' + start)));
        }
    }

    void removeFilesLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
        }
        QVERIFY(LocalCache::removeFiles(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "test_local_cache.moc"
