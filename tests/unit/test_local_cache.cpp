#include "search/search_text.h"
#include "storage/local_cache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
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

    // A cache holding the sample workspaces, closed cleanly.
    void writeSampleCache(const QString &path)
    {
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
    }

    static Message sentMessage(qint64 seq, const QString &body,
                               const QString &conversationId = u"c1"_s,
                               const QString &authorId = u"u_other"_s, qint64 createdAt = 0)
    {
        Message message;
        message.id = u"m_"_s + QString::number(seq);
        message.localId = message.id;
        message.conversationId = conversationId;
        message.seq = seq;
        message.version = seq;
        message.authorId = authorId;
        message.authorName = authorId;
        message.body = body;
        message.createdAt = createdAt > 0 ? createdAt : 1'800'000'000 + seq;
        return message;
    }

    static QList<qint64> seqsOf(const QList<Message> &messages)
    {
        QList<qint64> seqs;
        for (const Message &message : messages)
            seqs.append(message.seq);
        return seqs;
    }

    static LocalSearch searchFor(const QStringList &terms, int limit = 50)
    {
        LocalSearch search;
        search.terms = terms;
        search.limit = limit;
        return search;
    }

    static bool execAll(QSqlDatabase &db, const QStringList &statements)
    {
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                return false;
            }
        }
        return true;
    }

    // Takes a current file back to version 8, before messages carried files.
    static bool downgradeToVersionEight(QSqlDatabase &db)
    {
        return moim::search::registerTokenizer(db) &&
               execAll(db, {u"ALTER TABLE messages DROP COLUMN attachments"_s,
                            u"PRAGMA user_version = 8"_s});
    }

    // Takes a current file back to version 6, before messages changed after they were written.
    static bool downgradeToVersionSix(QSqlDatabase &db)
    {
        return downgradeToVersionEight(db) &&
               execAll(db, {u"ALTER TABLE messages DROP COLUMN entities"_s,
                            u"ALTER TABLE messages DROP COLUMN version"_s,
                            u"ALTER TABLE messages DROP COLUMN edited_at"_s,
                            u"ALTER TABLE messages DROP COLUMN deleted"_s,
                            u"ALTER TABLE messages DROP COLUMN reply_to"_s,
                            u"ALTER TABLE messages DROP COLUMN reactions"_s,
                            u"PRAGMA user_version = 6"_s});
    }

    // Takes a current file back to version 5, before search: what an upgrade starts from. The
    // connection registers the tokenizer first, as every connection to the file must.
    static bool downgradeToVersionFive(QSqlDatabase &db)
    {
        if (!downgradeToVersionSix(db))
            return false;
        QSqlQuery query(db);
        for (const QString &statement :
             {u"DROP TRIGGER message_search_insert"_s, u"DROP TRIGGER message_search_delete"_s,
              u"DROP TRIGGER message_search_update"_s, u"DROP TABLE message_search"_s,
              u"DROP INDEX messages_by_seq"_s, u"DELETE FROM meta WHERE key LIKE 'search_%'"_s,
              u"PRAGMA user_version = 5"_s}) {
            if (!query.exec(statement)) {
                qWarning() << statement << query.lastError().text();
                return false;
            }
        }
        return true;
    }

    // Writes `count` messages straight into a version 5 file, as a long-used cache holds them.
    static bool writeVersionFiveFile(const QString &path, int count)
    {
        {
            LocalCache cache;
            if (cache.open(path) != LocalCache::OpenResult::Opened)
                return false;
        }
        bool ok = false;
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v5"_s);
            db.setDatabaseName(path);
            ok = db.open() && downgradeToVersionFive(db) && db.transaction();
            QSqlQuery insert(db);
            insert.prepare(u"INSERT INTO messages (local_id, id, conversation_id, client_id, seq,"
                           " author_id, author_name, body, created_at, state, queued_at)"
                           " VALUES (?, ?, 'c1', '', ?, 'u_other', 'x', ?, ?, 'sent', 0)"_s);
            for (int seq = 1; ok && seq <= count; ++seq) {
                insert.addBindValue(u"m_"_s + QString::number(seq));
                insert.addBindValue(u"m_"_s + QString::number(seq));
                insert.addBindValue(seq);
                insert.addBindValue(seq % 3 == 0 ? u"내일 회의는 %1시"_s.arg(seq)
                                                 : u"자료 공유 %1"_s.arg(seq));
                insert.addBindValue(1'800'000'000 + seq);
                ok = insert.exec();
            }
            ok = ok && db.commit();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v5"_s);
        return ok;
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
            QVERIFY(downgradeToVersionFive(db));
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

    void versionSixMessagesGainTheirVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QTRY_VERIFY(cache.isSearchIndexComplete());
            QVERIFY(cache.storeMessage(sentMessage(7, u"회의는 3시"_s)));
        }
        {
            // Messages as version 6 kept them: no version, no reply, no reactions.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v6"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(downgradeToVersionSix(db));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v6"_s);

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        const Message kept = cache.message(u"m_7"_s).value();
        QCOMPARE(kept, sentMessage(7, u"회의는 3시"_s)); // version = seq, nothing else changed
        QCOMPARE(kept.version, 7);
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), QList<qint64>{7});

        // The same copy again changes nothing; an edit does, and the index follows it.
        Message repeat = sentMessage(7, u"다른 말"_s);
        QVERIFY(cache.storeMessage(repeat));
        QCOMPARE(cache.message(u"m_7"_s)->body, u"회의는 3시"_s);
        Message edited = sentMessage(7, u"회의는 4시로"_s);
        edited.version = 30;
        edited.editedAt = 1'800'000'100;
        QVERIFY(cache.storeMessage(edited));
        QCOMPARE(cache.message(u"m_7"_s).value(), edited);
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"4시로"_s}))), QList<qint64>{7});
    }

    void versionEightMessagesGainTheirFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QTRY_VERIFY(cache.isSearchIndexComplete());
            QVERIFY(cache.storeMessage(sentMessage(7, u"회의록"_s)));
        }
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v8"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(downgradeToVersionEight(db));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v8"_s);

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        QCOMPARE(cache.message(u"m_7"_s).value(), sentMessage(7, u"회의록"_s));

        // A newer copy carries files, which the cache keeps as the server described them.
        Message withFiles = sentMessage(7, u"회의록"_s);
        withFiles.version = 9;
        Attachment report;
        report.fileId = u"f_1"_s;
        report.name = u"보고서.hwp"_s;
        report.size = 48213;
        report.type = u"application/x-hwp"_s;
        Attachment photo;
        photo.fileId = u"f_2"_s;
        photo.name = u"사진.jpg"_s;
        photo.size = 1'200'000;
        photo.type = u"image/jpeg"_s;
        photo.hasPreview = true;
        photo.width = 3024;
        photo.height = 4032;
        withFiles.attachments = {report, photo};
        QVERIFY(cache.storeMessage(withFiles));
        QCOMPARE(cache.message(u"m_7"_s).value(), withFiles);
        Message later = withFiles;
        later.version = 10;
        later.attachments = {photo};
        QVERIFY(cache.updateMessages({later}));
        QCOMPARE(cache.message(u"m_7"_s)->attachments, QList<Attachment>{photo});
    }

    void theHighestVersionStays()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QVERIFY(cache.storeMessage(sentMessage(5, u"첫 문장"_s)));

        Message reacted = sentMessage(5, u"첫 문장"_s);
        reacted.version = 9;
        reacted.reactions = {{u"👍"_s, {u"u_kim"_s, u"u_lee"_s}, {u"김"_s, u"이"_s}}};
        Message edited = sentMessage(5, u"@김지민 고친 문장"_s);
        edited.version = 12;
        edited.editedAt = 1'800'000'200;
        edited.reactions = reacted.reactions;
        edited.entities = {{moim::protocol::MessageEntity::Type::Mention, 0, 4, u"u_kim"_s}};

        // The newer copy first, then the older one and a repeat: the newer one stays.
        QVERIFY(cache.storeMessage(edited));
        QVERIFY(cache.storeMessage(reacted));
        QVERIFY(cache.storeMessages({sentMessage(5, u"첫 문장"_s), edited}));
        QCOMPARE(cache.message(u"m_5"_s).value(), edited);
        QVERIFY(cache.updateMessages({reacted}));
        QCOMPARE(cache.message(u"m_5"_s).value(), edited);

        // Found by its new words only.
        QVERIFY(cache.searchMessages(searchFor({u"첫"_s})).isEmpty());
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"고친"_s}))), QList<qint64>{5});

        // A changed message the cache never held is not added: it would be an island.
        Message old = sentMessage(2, u"오래된 말"_s);
        old.version = 13;
        QVERIFY(cache.updateMessages({old}));
        QVERIFY(!cache.message(u"m_2"_s));
        QCOMPARE(cache.messages(u"c1"_s, 0, 10).size(), 1);
    }

    // What a flush leaves to write goes in one transaction: messages, the stream's position and
    // the read states that moved; a part not given is left as it is.
    void aBatchIsWrittenWhole()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QVERIFY(cache.storeReadStates({{u"c1"_s, u"w1"_s, 3, 4}, {u"c2"_s, u"w1"_s, 1, 7}}));
        QVERIFY(
            cache.storeBatch({sentMessage(8, u"배치로 온 말"_s)}, 8, {{u"c1"_s, u"w1"_s, 0, 8}}));
        QCOMPARE(cache.lastSeq(), 8);
        QCOMPARE(cache.message(u"m_8"_s)->body, u"배치로 온 말"_s);
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"배치로"_s}))), QList<qint64>{8});
        QList<LocalCache::ReadState> states = cache.readStates();
        std::sort(states.begin(), states.end(),
                  [](const auto &a, const auto &b) { return a.conversationId < b.conversationId; });
        QCOMPARE(states.size(), 2);
        QCOMPARE(states.at(0).lastReadSeq, 8); // moved
        QCOMPARE(states.at(0).unread, 0);
        QCOMPARE(states.at(1).lastReadSeq, 7); // not given, left alone

        // Read states alone leave the position where it was.
        QVERIFY(cache.storeBatch({}, -1, {{u"c2"_s, u"w1"_s, 0, 8}}));
        QCOMPARE(cache.lastSeq(), 8);
        QCOMPARE(cache.readStates().size(), 2);
    }

    void aDeletedMessageKeepsNoWords()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        Message original = sentMessage(5, u"비밀 계획은 내일\n둘째 줄"_s);
        Message reply = sentMessage(6, u"좋아요"_s);
        reply.replyTo =
            ReplyQuote{u"m_5"_s, 5, u"u_other"_s, u"u_other"_s, u"비밀 계획은 내일"_s, false};
        QVERIFY(cache.storeMessages({original, reply}));
        QCOMPARE(cache.message(u"m_6"_s)->replyTo, reply.replyTo);

        // Edited: the reply's quote follows, though the reply itself did not change.
        Message edited = sentMessage(5, u"계획 변경\n자세한 건 나중에"_s);
        edited.version = 7;
        edited.editedAt = 1'800'000'300;
        QVERIFY(cache.updateMessages({edited}));
        QCOMPARE(cache.message(u"m_6"_s)->replyTo->snippet, u"계획 변경"_s);
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"계획"_s}))), QList<qint64>{5});

        // Deleted, with words a careless server left in: nothing of them is kept or found.
        Message deleted = sentMessage(5, u"계획 변경"_s);
        deleted.version = 8;
        deleted.deleted = true;
        deleted.reactions = {{u"👍"_s, {u"u_kim"_s}, {u"김"_s}}};
        deleted.entities = {{moim::protocol::MessageEntity::Type::Here, 0, 2, {}}};
        Attachment file;
        file.fileId = u"f_1"_s;
        file.name = u"계획.pdf"_s;
        deleted.attachments = {file};
        QVERIFY(cache.storeMessage(deleted));
        const Message tombstone = cache.message(u"m_5"_s).value();
        QVERIFY(tombstone.deleted);
        QVERIFY(tombstone.body.isEmpty());
        QVERIFY(tombstone.reactions.isEmpty());
        QVERIFY(tombstone.entities.isEmpty());
        QVERIFY(tombstone.attachments.isEmpty());
        QCOMPARE(tombstone.version, 8);
        QVERIFY(cache.searchMessages(searchFor({u"계획"_s})).isEmpty());
        QVERIFY(cache.searchMessages(searchFor({u"비밀"_s})).isEmpty());
        const ReplyQuote quote = cache.message(u"m_6"_s)->replyTo.value();
        QVERIFY(quote.deleted);
        QVERIFY(quote.snippet.isEmpty());
        QCOMPARE(quote.authorName, u"u_other"_s);
    }

    void corruptFileIsMovedAsideAndRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        writeSampleCache(path);
        QVERIFY(!QTest::currentTestFailed());
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

    void inUseMarkFollowsTheCache()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        const QString mark = path + u"-in-use"_s;
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QVERIFY(QFile::exists(mark));
            QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
        }
        // Closed cleanly: no mark, no write-ahead log left.
        QVERIFY(!QFile::exists(mark));
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QCOMPARE(cache.workspaces().size(), 2);
        }
        QVERIFY(QFile(mark).open(QIODevice::WriteOnly));
        QVERIFY(LocalCache::removeFiles(path));
        QVERIFY(!QFile::exists(mark));
    }

    void afterACrashEveryPageIsChecked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        writeSampleCache(path);
        QVERIFY(!QTest::currentTestFailed());
        // Pages past the first (the schema) turned to noise, the size unchanged, and the mark of
        // a run that never closed the cache: only reading every page finds it.
        QFile file(path);
        const qint64 size = file.size();
        QVERIFY(size > 8 * 4096);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4 * 4096));
        file.write(QByteArray(size - 5 * 4096, '\xa5'));
        file.close();
        QCOMPARE(QFileInfo(path).size(), size);
        QVERIFY(QFile(path + u"-in-use"_s).open(QIODevice::WriteOnly));

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Recovered);
        QVERIFY(QFile::exists(cache.quarantinedPath()));
        QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
    }

    void aFileCutShortIsCaughtAfterACleanClose()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        writeSampleCache(path);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(!QFile::exists(path + u"-in-use"_s));
        QFile file(path);
        QVERIFY(file.resize(file.size() / 3));
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Recovered);
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
        writeSampleCache(path);
        QVERIFY(!QTest::currentTestFailed());
        {
            // The version number says current, a table says otherwise.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"edited"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(moim::search::registerTokenizer(db));
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

    void searchFindsMessagesAsTheyAreStored()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QVERIFY(cache.storeMessages(
            {sentMessage(10, u"내일 회의는 3시"_s), sentMessage(11, u"회의록 올렸어요"_s),
             sentMessage(12, u"점심 뭐 먹죠"_s), sentMessage(13, u"Weekly Meeting notes"_s)}));
        // Unsent: the server does not have it, so it is not a search result.
        Message pending = sentMessage(0, u"회의 자료 보내요"_s);
        pending.id.clear();
        pending.localId = u"uuid-1"_s;
        pending.clientId = u"uuid-1"_s;
        pending.authorId = u"u_me"_s;
        pending.state = Message::State::Pending;
        QVERIFY(cache.storeMessage(pending));

        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), (QList<qint64>{11, 10}));
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"meet"_s}))), QList<qint64>{13});
        QVERIFY(cache.searchMessages(searchFor({u"회의"_s, u"점심"_s})).isEmpty());
        QVERIFY(cache.searchMessages(searchFor({})).isEmpty());
        const Message found = cache.searchMessages(searchFor({u"점심"_s})).value(0);
        QCOMPARE(found, sentMessage(12, u"점심 뭐 먹죠"_s));

        // The server confirms the unsent one: now it is found.
        Message confirmed = pending;
        confirmed.id = u"m_14"_s;
        confirmed.localId = u"m_14"_s;
        confirmed.seq = 14;
        confirmed.state = Message::State::Sent;
        QVERIFY(cache.storeMessage(confirmed));
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), (QList<qint64>{14, 11, 10}));

        // Edited: the old words go, the new ones are found.
        Message edited = sentMessage(12, u"저녁 회식 장소"_s);
        edited.version = 20;
        QVERIFY(cache.storeMessage(edited));
        QVERIFY(cache.searchMessages(searchFor({u"점심"_s})).isEmpty());
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회식"_s}))), QList<qint64>{12});
        // Stored again unchanged (a catch-up repeats messages): still found once.
        QVERIFY(cache.storeMessage(sentMessage(11, u"회의록 올렸어요"_s)));
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), (QList<qint64>{14, 11, 10}));
    }

    void searchFilters()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QVERIFY(cache.storeMessages({
            sentMessage(1, u"회의 A"_s, u"c1"_s, u"u_kim"_s, 1000),
            sentMessage(2, u"회의 B"_s, u"c2"_s, u"u_lee"_s, 2000),
            sentMessage(3, u"회의 C"_s, u"c1"_s, u"u_lee"_s, 3000),
            sentMessage(4, u"회의 D"_s, u"c3"_s, u"u_kim"_s, 4000),
            sentMessage(5, u"회의 E"_s, u"c1"_s, u"u_kim"_s, 5000),
        }));
        LocalSearch search = searchFor({u"회의"_s});
        search.conversationIds = {u"c1"_s, u"c3"_s};
        QCOMPARE(seqsOf(cache.searchMessages(search)), (QList<qint64>{5, 4, 3, 1}));
        search.authorId = u"u_kim"_s;
        QCOMPARE(seqsOf(cache.searchMessages(search)), (QList<qint64>{5, 4, 1}));
        search.afterTime = 1000;
        search.beforeTime = 5000;
        QCOMPARE(seqsOf(cache.searchMessages(search)), QList<qint64>{4});

        // Paging: each page continues before the last result's seq, with no gap or repeat.
        LocalSearch page = searchFor({u"회의"_s}, 2);
        QList<qint64> all;
        for (int round = 0; round < 5; ++round) {
            const QList<Message> results = cache.searchMessages(page);
            QVERIFY(results.size() <= 2);
            all += seqsOf(results);
            if (results.size() < 2)
                break;
            page.beforeSeq = results.last().seq;
        }
        QCOMPARE(all, (QList<qint64>{5, 4, 3, 2, 1}));
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}, 1))), QList<qint64>{5});
        QVERIFY(cache.searchMessages(searchFor({u"회의"_s}, 0)).isEmpty());
    }

    void nearMissesOfTheIndexAreNotResults()
    {
        QTemporaryDir dir;
        LocalCache cache;
        QCOMPARE(cache.open(dir.filePath(u"cache.sqlite"_s)), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QVERIFY(cache.storeMessages({sentMessage(1, u"v2.1 배포"_s), sentMessage(2, u"v2 1차"_s),
                                     sentMessage(3, u"회"_s), sentMessage(4, u"의"_s)}));
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"v2.1"_s}))), QList<qint64>{1});
        QVERIFY(cache.searchMessages(searchFor({u"회의"_s})).isEmpty());
    }

    void anOlderCacheIsIndexedInTheBackground()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        // More than one batch, so the rebuild goes through several transactions.
        const int count = 5000;
        QVERIFY(writeVersionFiveFile(path, count));

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.schemaVersion(), LocalCache::SchemaVersion);
        // Messages arriving while it is built are found too, once, wherever the build stands.
        QVERIFY(cache.storeMessage(sentMessage(count + 1, u"새 회의 공지"_s)));
        Message edited = sentMessage(2, u"오래된 회의 메시지"_s);
        edited.version = count + 2;
        QVERIFY(cache.storeMessage(edited));
        QTRY_VERIFY_WITH_TIMEOUT(cache.isSearchIndexComplete(), 60000);

        const QList<Message> found = cache.searchMessages(searchFor({u"회의"_s}, count));
        QCOMPARE(found.size(), count / 3 + 2);
        QCOMPARE(found.first().seq, count + 1);
        const QList<qint64> seqs = seqsOf(found);
        QCOMPARE(QSet<qint64>(seqs.cbegin(), seqs.cend()).size(), seqs.size());
        QVERIFY(std::is_sorted(seqs.crbegin(), seqs.crend()));
        QVERIFY(seqs.contains(2));
    }

    void anInterruptedBuildResumes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        const int count = 3000;
        QVERIFY(writeVersionFiveFile(path, count));
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QTRY_VERIFY_WITH_TIMEOUT(cache.isSearchIndexComplete(), 60000);
        }
        {
            // As a build stopped at seq 2000 leaves the file: indexed up to there, not beyond.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"stopped"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(moim::search::registerTokenizer(db));
            QSqlQuery query(db);
            QVERIFY(query.exec(u"INSERT INTO message_search (message_search, rowid, body)"
                               " SELECT 'delete', seq, body FROM messages WHERE seq > 2000"_s));
            QVERIFY(query.exec(u"UPDATE meta SET value = '2000'"
                               " WHERE key = 'search_indexed_seq'"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"stopped"_s);

        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QTRY_VERIFY_WITH_TIMEOUT(cache.isSearchIndexComplete(), 60000);
        const QList<qint64> seqs = seqsOf(cache.searchMessages(searchFor({u"회의"_s}, count)));
        QCOMPARE(seqs.size(), count / 3);
        // Nothing indexed twice: what was indexed before the stop was not indexed again.
        QCOMPARE(QSet<qint64>(seqs.cbegin(), seqs.cend()).size(), seqs.size());
    }

    void aDamagedIndexIsMadeAgain_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("structure record overwritten")
            << u"UPDATE message_search_data SET block = x'00000000ffffffffff' WHERE id = 10"_s;
        QTest::newRow("index pages overwritten")
            << u"UPDATE message_search_data SET block = x'ffffffffffffffff' WHERE id > 10"_s;
        QTest::newRow("a table of the index lost") << u"DROP TABLE message_search_data"_s;
        QTest::newRow("the index lost")
            << u"DROP TRIGGER message_search_insert; DROP TRIGGER message_search_update;"
               " DROP TRIGGER message_search_delete; DROP TABLE message_search"_s;
    }

    void aDamagedIndexIsMadeAgain()
    {
        QFETCH(QString, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        {
            LocalCache cache;
            QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
            QTRY_VERIFY(cache.isSearchIndexComplete());
            QVERIFY(cache.storeWorkspaces(sampleWorkspaces()));
            QVERIFY(
                cache.storeMessages({sentMessage(1, u"회의 자료"_s), sentMessage(2, u"점심"_s)}));
        }
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damaged"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(moim::search::registerTokenizer(db));
            for (const QString &statement : damage.split(u"; "_s))
                QVERIFY2(QSqlQuery(db).exec(statement), qPrintable(statement));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"damaged"_s);

        // The cache itself is fine: it is kept, only the index is made again.
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QCOMPARE(cache.workspaces().size(), 2);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), QList<qint64>{1});
        QVERIFY(cache.storeMessage(sentMessage(3, u"회의 끝"_s)));
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), (QList<qint64>{3, 1}));
    }

    void anIndexDamagedWhileOpenIsMadeAgain()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        LocalCache cache;
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QVERIFY(cache.storeMessages({sentMessage(1, u"회의 자료"_s), sentMessage(2, u"점심"_s)}));
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damaged"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(
                u"UPDATE message_search_data SET block = x'ffffffffffffffff' WHERE id > 10"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"damaged"_s);
        // The search that meets the damage finds nothing, and starts the rebuild.
        QVERIFY(cache.searchMessages(searchFor({u"회의"_s})).isEmpty());
        QTRY_VERIFY(cache.isSearchIndexComplete());
        QCOMPARE(seqsOf(cache.searchMessages(searchFor({u"회의"_s}))), QList<qint64>{1});
    }

    void removeFilesLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        writeSampleCache(path);
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(LocalCache::removeFiles(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "test_local_cache.moc"
