// The outbox against a fake transport: it owns its retries (no stall after one bad answer while
// the connection looks fine), counts a send as delivered only when the server shows the message,
// honours retry_after, lets a refused message fail without blocking the others, keeps its line in
// a store of its own, and never loops when that store cannot be written.
#include "chat/outbox.h"
#include "fake_api_client.h"
#include "net/authorized_api.h"
#include "storage/outbox_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using test::FakeApiClient;

namespace {

const auto Me = u"u_me"_s;

// The server's answer to a send: the message as it stored it.
QJsonObject delivered(const FakeApiClient::Call &call, qint64 seq)
{
    const QString conversation = call.path.section(u'/', 4, 4);
    return {{u"message"_s,
             QJsonObject{{u"id"_s, u"m_%1"_s.arg(seq)},
                         {u"conversation_id"_s, conversation},
                         {u"client_id"_s, call.body.value("client_id"_L1).toString()},
                         {u"seq"_s, seq},
                         {u"author"_s, QJsonObject{{u"id"_s, Me}, {u"display_name"_s, u"나"_s}}},
                         {u"body"_s, call.body.value("body"_L1).toString()},
                         {u"created_at"_s, 1795710285}}}};
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeApiClient> m_api;
    std::unique_ptr<AuthorizedApi> m_authorized;
    std::unique_ptr<OutboxStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    QString m_storePath;
    int m_run = 0;

    void startOutbox()
    {
        m_outbox = std::make_unique<Outbox>(m_authorized.get(), m_store.get(), Me, u"나"_s);
    }

    QStringList sentBodies(QSignalSpy &spy) const
    {
        QStringList bodies;
        for (const QList<QVariant> &args : spy) {
            const auto message = args.first().value<Message>();
            if (message.state == Message::State::Sent)
                bodies.append(message.body);
        }
        return bodies;
    }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeApiClient>();
        m_authorized = std::make_unique<AuthorizedApi>(m_api.get());
        m_authorized->setAccessToken(u"token-1"_s);
        m_store = std::make_unique<OutboxStore>();
        m_storePath = m_dir.filePath(u"outbox-%1.sqlite"_s.arg(++m_run));
        QCOMPARE(m_store->open(m_storePath), OutboxStore::OpenResult::Opened);
        startOutbox();
    }

    void cleanup()
    {
        m_outbox.reset();
        m_store.reset();
        m_authorized.reset();
        m_api.reset();
    }

    void aMessageIsWrittenDownBeforeItGoes()
    {
        const auto queued = m_outbox->queue(u"c_a"_s, u"안녕하세요"_s);
        QVERIFY(queued);
        QCOMPARE(queued->state, Message::State::Pending);
        const QList<Message> stored = m_store->messages();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().clientId, queued->clientId);
        QCOMPARE(stored.first().body, u"안녕하세요"_s);
        QCOMPARE(m_api->calls.size(), 1);
        QCOMPARE(m_api->calls.first().path, u"/api/v1/conversations/c_a/messages"_s);
        QCOMPARE(m_api->calls.first().body.value("client_id"_L1).toString(), queued->clientId);
        QCOMPARE(m_api->calls.first().accessToken, u"token-1"_s);
    }

    void onlyTheServersMessageCountsAsDelivered_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("204") << 204 << QByteArray();
        QTest::newRow("empty 200") << 200 << QByteArray();
        QTest::newRow("{}") << 200 << QByteArray("{}");
        QTest::newRow("message without seq")
            << 200 << QByteArray(R"({"message":{"id":"m_1","conversation_id":"c_a"}})");
        QTest::newRow("captive portal") << 200 << QByteArray("<html><body>Log in</body></html>");
        QTest::newRow("500 html") << 500 << QByteArray("<html>Internal Server Error</html>");
        QTest::newRow("502") << 502 << QByteArray();
        QTest::newRow("503 busy") << 503
                                  << QByteArray(
                                         R"({"error":{"code":"server_busy","message":"busy"}})");
    }

    void onlyTheServersMessageCountsAsDelivered()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QSignalSpy changed(m_outbox.get(), &Outbox::messageChanged);
        const auto queued = m_outbox->queue(u"c_a"_s, u"회의는 3시"_s);
        m_api->answerHttp(0, status, body);

        // Still pending, still written down with its words, and tried again on its own timer
        // although nobody said the connection changed.
        QCOMPARE(m_outbox->pendingCount(), 1);
        QCOMPARE(m_store->messages().size(), 1);
        QCOMPARE(m_store->messages().first().body, u"회의는 3시"_s);
        QVERIFY(sentBodies(changed).isEmpty());
        QVERIFY(m_outbox->isRetryScheduled());
        QTRY_COMPARE_WITH_TIMEOUT(m_api->calls.size(), 2, 3000);
        QCOMPARE(m_api->calls.at(1).body.value("client_id"_L1).toString(), queued->clientId);

        m_api->answerOk(1, delivered(m_api->calls.at(1), 41));
        QCOMPARE(sentBodies(changed), QStringList{u"회의는 3시"_s});
        QCOMPARE(m_outbox->pendingCount(), 0);
        QVERIFY(m_store->messages().isEmpty());
    }

    void aTimedOutSendDoesNotStallTheOthers()
    {
        // The stall that was: one send times out while the event stream stays up.
        m_outbox->setOnline(true);
        for (int i = 0; i < 5; ++i)
            QVERIFY(m_outbox->queue(u"c_a"_s, u"message %1"_s.arg(i)));
        QCOMPARE(m_api->calls.size(), 1); // one at a time, in order
        m_api->answerError(0, ApiError::Code::Network);
        QCOMPARE(m_outbox->pendingCount(), 5);
        // No one calls setOnline() again; the outbox goes on by itself.
        QSignalSpy changed(m_outbox.get(), &Outbox::messageChanged);
        qint64 seq = 100;
        QElapsedTimer clock;
        clock.start();
        while (m_outbox->pendingCount() > 0 && clock.elapsed() < 10000) {
            QTRY_VERIFY_WITH_TIMEOUT(m_api->unanswered() == 1, 3000);
            const qsizetype last = m_api->calls.size() - 1;
            m_api->answerOk(last, delivered(m_api->calls.at(last), ++seq));
        }
        QCOMPARE(sentBodies(changed), (QStringList{u"message 0"_s, u"message 1"_s, u"message 2"_s,
                                                   u"message 3"_s, u"message 4"_s}));
    }

    void theServerSayingWaitIsHonoured()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"천천히"_s));
        QElapsedTimer clock;
        clock.start();
        m_api->answerError(0, ApiError::Code::Unknown, 429, u"rate_limited"_s, 1);
        QCOMPARE(m_outbox->pendingCount(), 1);
        // A nudge (any other call reaching the server) does not cut the server's wait short.
        m_outbox->tryNow();
        QCOMPARE(m_api->calls.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_api->calls.size(), 2, 3000);
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        m_api->answerOk(1, delivered(m_api->calls.at(1), 7));
        QCOMPARE(m_outbox->pendingCount(), 0);
    }

    void aRefusedMessageFailsAndTheRestGoOn()
    {
        QSignalSpy changed(m_outbox.get(), &Outbox::messageChanged);
        const auto refused = m_outbox->queue(u"c_left"_s, u"to a channel I left"_s);
        QVERIFY(m_outbox->queue(u"c_b"_s, u"to another one"_s));
        m_api->answerError(0, ApiError::Code::Forbidden, 403, u"forbidden"_s);
        // Marked not sent, with the reason, kept for a retry or a delete.
        const QList<Message> unsent = m_outbox->unsent(u"c_left"_s);
        QCOMPARE(unsent.size(), 1);
        QCOMPARE(unsent.first().state, Message::State::Failed);
        QCOMPARE(unsent.first().failure, u"forbidden"_s);
        QCOMPARE(m_store->messages().first().state, Message::State::Failed);
        QCOMPARE(m_store->messages().first().failure, u"forbidden"_s);
        // The next one went at once.
        QCOMPARE(m_api->calls.size(), 2);
        QCOMPARE(m_api->calls.at(1).body.value("body"_L1).toString(), u"to another one"_s);
        m_api->answerOk(1, delivered(m_api->calls.at(1), 8));
        QCOMPARE(sentBodies(changed), QStringList{u"to another one"_s});

        // Retry puts it back in line; delete gives it up for good.
        m_outbox->retry(refused->localId);
        QCOMPARE(m_api->calls.size(), 3);
        m_api->answerError(2, ApiError::Code::Forbidden, 403, u"forbidden"_s);
        QSignalSpy discarded(m_outbox.get(), &Outbox::messageDiscarded);
        m_outbox->discard(refused->localId);
        QCOMPARE(discarded.size(), 1);
        QVERIFY(m_outbox->unsent(u"c_left"_s).isEmpty());
        QVERIFY(m_store->messages().isEmpty());
    }

    void aTooLargeMessageIsRefusedForGood()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, QString(70000, u'가')));
        m_api->answerHttp(0, 413,
                          R"({"error":{"code":"payload_too_large","message":"body too large"}})");
        QCOMPARE(m_outbox->unsent(u"c_a"_s).first().state, Message::State::Failed);
        QCOMPARE(m_outbox->pendingCount(), 0);
    }

    void anAnswerLostAfterTheServerCommittedSendsOnce()
    {
        QSignalSpy changed(m_outbox.get(), &Outbox::messageChanged);
        const auto queued = m_outbox->queue(u"c_a"_s, u"exactly once"_s);
        // The server stored it; the answer never arrived.
        m_api->answerError(0, ApiError::Code::Network);
        QTRY_COMPARE_WITH_TIMEOUT(m_api->calls.size(), 2, 3000);
        // The retry carries the same client id: the server answers with the stored message.
        QCOMPARE(m_api->calls.at(1).body.value("client_id"_L1).toString(), queued->clientId);
        m_api->answerOk(1, delivered(m_api->calls.at(1), 9));
        QCOMPARE(sentBodies(changed), QStringList{u"exactly once"_s});
        QCOMPARE(m_outbox->pendingCount(), 0);
    }

    void anyCallReachingTheServerSendsAtOnce()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"waiting"_s));
        m_api->answerError(0, ApiError::Code::Network);
        // Drive the backoff up so its wait is long.
        for (int i = 0; i < 6; ++i)
            m_outbox->backoff().nextDelay();
        QVERIFY(m_outbox->isRetryScheduled());
        // Something else gets an answer: the server is back.
        bool answered = false;
        m_authorized->get(u"/api/v1/sync"_s, this, [&](const ApiResult &) { answered = true; });
        m_api->answerOk(1, {});
        QVERIFY(answered);
        QCOMPARE(m_api->calls.size(), 3);
        QCOMPARE(m_api->calls.at(2).body.value("body"_L1).toString(), u"waiting"_s);
    }

    void theLineSurvivesARestartInOrder()
    {
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_outbox->queue(i == 1 ? u"c_b"_s : u"c_a"_s, u"before restart %1"_s.arg(i)));
        // Gone without a goodbye; a new start on the same store.
        m_outbox.reset();
        m_store = std::make_unique<OutboxStore>();
        QCOMPARE(m_store->open(m_storePath), OutboxStore::OpenResult::Opened);
        m_api->calls.clear();
        startOutbox();
        QCOMPARE(m_outbox->pendingCount(), 3);
        QSignalSpy changed(m_outbox.get(), &Outbox::messageChanged);
        for (int i = 0; i < 3; ++i) {
            QTRY_COMPARE_WITH_TIMEOUT(m_api->calls.size(), i + 1, 2000);
            m_api->answerOk(i, delivered(m_api->calls.at(i), 50 + i));
        }
        QCOMPARE(sentBodies(changed), (QStringList{u"before restart 0"_s, u"before restart 1"_s,
                                                   u"before restart 2"_s}));
    }

    void aMessageWaitingItsTurnCanBeEdited()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"first"_s));
        const Message second = m_outbox->queue(u"c_a"_s, u"secnod"_s).value();
        QSignalSpy changed(m_outbox.get(), &Outbox::messageChanged);
        QVERIFY(m_outbox->edit(second.localId, u"second"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Message>().body, u"second"_s);
        QCOMPARE(changed.first().first().value<Message>().state, Message::State::Pending);
        // Written down in its place, so a restart sends the new words.
        QCOMPARE(m_store->messages().size(), 2);
        QCOMPARE(m_store->messages().at(1).body, u"second"_s);
        QCOMPARE(m_outbox->unsent(u"c_a"_s).at(1).body, u"second"_s);

        // The one on its way cannot be changed any more; its answer decides.
        QVERIFY(m_outbox->isOnItsWay(m_api->calls.at(0).body.value("client_id"_L1).toString()));
        QVERIFY(!m_outbox->edit(m_api->calls.at(0).body.value("client_id"_L1).toString(),
                                u"too late"_s));
        QVERIFY(!m_outbox->edit(u"no-such-message"_s, u"x"_s));
        m_api->answerOk(0, delivered(m_api->calls.at(0), 60));
        QCOMPARE(m_api->calls.size(), 2);
        QCOMPARE(m_api->calls.at(1).body.value("body"_L1).toString(), u"second"_s);
        QCOMPARE(m_api->calls.at(1).body.value("client_id"_L1).toString(), second.clientId);
    }

    void aMessageWaitingItsTurnCanBeRemoved()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"first"_s));
        const Message second = m_outbox->queue(u"c_a"_s, u"never mind"_s).value();
        const Message third = m_outbox->queue(u"c_a"_s, u"third"_s).value();
        QSignalSpy discarded(m_outbox.get(), &Outbox::messageDiscarded);
        QVERIFY(m_outbox->discard(second.localId));
        QCOMPARE(discarded.size(), 1);
        QCOMPARE(discarded.first().at(1).toString(), second.localId);
        QCOMPARE(m_store->messages().size(), 2);
        QVERIFY(!m_outbox->discard(m_api->calls.at(0).body.value("client_id"_L1).toString()));

        m_api->answerOk(0, delivered(m_api->calls.at(0), 61));
        QCOMPARE(m_api->calls.size(), 2);
        QCOMPARE(m_api->calls.at(1).body.value("client_id"_L1).toString(), third.clientId);
    }

    void aReplyKeepsItsQuoteAcrossARestart()
    {
        const ReplyQuote quote{u"m_40"_s, 40, u"u_kim"_s, u"김지민"_s, u"회의는 3시"_s, false};
        const Message reply = m_outbox->queue(u"c_a"_s, u"좋아요"_s, quote).value();
        QCOMPARE(reply.replyTo, quote);
        // The server is told only what it answers.
        QCOMPARE(m_api->calls.at(0).body.value("reply_to"_L1).toString(), u"m_40"_s);

        m_outbox.reset();
        m_store = std::make_unique<OutboxStore>();
        QCOMPARE(m_store->open(m_storePath), OutboxStore::OpenResult::Opened);
        QCOMPARE(m_store->messages().first().replyTo, quote);
        m_api->calls.clear();
        startOutbox();
        QCOMPARE(m_outbox->unsent(u"c_a"_s).first().replyTo, quote);
        QTRY_COMPARE_WITH_TIMEOUT(m_api->calls.size(), 1, 2000);
        QCOMPARE(m_api->calls.at(0).body.value("reply_to"_L1).toString(), u"m_40"_s);
        QCOMPARE(m_api->calls.at(0).body.value("client_id"_L1).toString(), reply.clientId);

        // A message that answers nothing says nothing of replies.
        m_api->answerOk(0, delivered(m_api->calls.at(0), 70));
        QVERIFY(m_outbox->queue(u"c_a"_s, u"plain"_s));
        QVERIFY(!m_api->calls.at(1).body.contains("reply_to"_L1));
    }

    void aMentionKeepsItsBindingAcrossAnEditAndARestart()
    {
        using moim::protocol::MessageEntity;
        const QList<MessageEntity> jimin{{MessageEntity::Type::Mention, 0, 4, u"u_jimin"_s}};
        QVERIFY(m_outbox->queue(u"c_a"_s, u"first"_s));
        const Message waiting =
            m_outbox->queue(u"c_a"_s, u"@김지민 확인 부탁해요"_s, std::nullopt, jimin).value();
        QCOMPARE(waiting.entities, jimin);
        // Edited while it waits: the new words come with their own mentions.
        const QList<MessageEntity> moved{{MessageEntity::Type::Mention, 3, 4, u"u_jimin"_s}};
        QVERIFY(m_outbox->edit(waiting.localId, u"다시 @김지민 확인 부탁해요"_s, moved));

        m_outbox.reset();
        m_store = std::make_unique<OutboxStore>();
        QCOMPARE(m_store->open(m_storePath), OutboxStore::OpenResult::Opened);
        QCOMPARE(m_store->messages().at(1).entities, moved);
        m_api->calls.clear();
        startOutbox();
        QTRY_COMPARE_WITH_TIMEOUT(m_api->calls.size(), 1, 2000);
        // The first message says nothing of entities; the second sends its mention.
        QVERIFY(!m_api->calls.at(0).body.contains("entities"_L1));
        m_api->answerOk(0, delivered(m_api->calls.at(0), 80));
        QCOMPARE(m_api->calls.size(), 2);
        QCOMPARE(m_api->calls.at(1).body.value("entities"_L1).toArray(),
                 moim::protocol::messageEntitiesToJson(moved));
    }

    void aVersionOneStoreGainsReplies()
    {
        m_outbox.reset();
        m_store.reset();
        QFile::remove(m_storePath);
        {
            // The line as the previous release kept it.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(m_storePath);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE messages (client_id TEXT PRIMARY KEY,"
                               " position INTEGER NOT NULL, conversation_id TEXT NOT NULL,"
                               " author_id TEXT NOT NULL, author_name TEXT NOT NULL,"
                               " body TEXT NOT NULL, created_at INTEGER NOT NULL,"
                               " state TEXT NOT NULL, failure TEXT NOT NULL)"_s));
            QVERIFY(query.exec(u"CREATE TABLE settings (workspace_id TEXT PRIMARY KEY,"
                               " settings TEXT NOT NULL)"_s));
            QVERIFY(query.exec(u"INSERT INTO messages VALUES ('uuid-1', 1, 'c_a', 'u_me', '나',"
                               " 'from before', 1795710285, 'pending', '')"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 1"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v1"_s);
        m_store = std::make_unique<OutboxStore>();
        QCOMPARE(m_store->open(m_storePath), OutboxStore::OpenResult::Opened);
        QCOMPARE(m_store->messages().size(), 1);
        QCOMPARE(m_store->messages().first().body, u"from before"_s);
        QVERIFY(!m_store->messages().first().replyTo);

        Message reply = m_store->messages().first();
        reply.clientId = u"uuid-2"_s;
        reply.replyTo = ReplyQuote{u"m_1"_s, 1, u"u_kim"_s, u"김지민"_s, u"안녕"_s, false};
        reply.body = u"@김지민 안녕"_s;
        reply.entities = {{moim::protocol::MessageEntity::Type::Mention, 0, 4, u"u_kim"_s}};
        QVERIFY(m_store->store(reply));
        QCOMPARE(m_store->messages().last().replyTo, reply.replyTo);
        QCOMPARE(m_store->messages().last().entities, reply.entities);
    }

    void aVersionThreeStoreGainsFiles()
    {
        m_outbox.reset();
        m_store.reset();
        QFile::remove(m_storePath);
        {
            // The line as the release before files kept it.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v3"_s);
            db.setDatabaseName(m_storePath);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"CREATE TABLE messages (client_id TEXT PRIMARY KEY,"
                               " position INTEGER NOT NULL, conversation_id TEXT NOT NULL,"
                               " author_id TEXT NOT NULL, author_name TEXT NOT NULL,"
                               " body TEXT NOT NULL, created_at INTEGER NOT NULL,"
                               " state TEXT NOT NULL, failure TEXT NOT NULL,"
                               " reply_to TEXT NOT NULL DEFAULT '',"
                               " entities TEXT NOT NULL DEFAULT '')"_s));
            QVERIFY(query.exec(u"CREATE TABLE settings (workspace_id TEXT PRIMARY KEY,"
                               " settings TEXT NOT NULL)"_s));
            QVERIFY(query.exec(u"INSERT INTO messages VALUES ('uuid-1', 1, 'c_a', 'u_me', '나',"
                               " 'from before', 1795710285, 'pending', '', '', '')"_s));
            QVERIFY(query.exec(u"PRAGMA user_version = 3"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"v3"_s);
        m_store = std::make_unique<OutboxStore>();
        QCOMPARE(m_store->open(m_storePath), OutboxStore::OpenResult::Opened);
        QCOMPARE(m_store->messages().size(), 1);
        QCOMPARE(m_store->messages().first().body, u"from before"_s);
        QVERIFY(m_store->messages().first().attachments.isEmpty());
        QVERIFY(m_store->uploads().isEmpty());

        // A message with a file the server has and one still going up, and that upload.
        Message withFiles = m_store->messages().first();
        withFiles.clientId = u"uuid-2"_s;
        withFiles.body.clear();
        Attachment sent;
        sent.fileId = u"f_1"_s;
        sent.name = u"보고서.hwp"_s;
        sent.size = 48213;
        sent.type = u"application/x-hwp"_s;
        Attachment going;
        going.uploadKey = u"key-1"_s;
        going.name = u"사진.png"_s;
        going.size = 300'000;
        going.type = u"image/png"_s;
        going.width = 640;
        going.height = 480;
        withFiles.attachments = {sent, going};
        QVERIFY(m_store->store(withFiles));
        QCOMPARE(m_store->messages().last().attachments, withFiles.attachments);

        StoredUpload upload{u"key-1"_s,
                            u"c_a"_s,
                            u"/home/me/사진.png"_s,
                            u"사진.png"_s,
                            300'000,
                            u"image/png"_s,
                            640,
                            480,
                            {},
                            0,
                            std::nullopt,
                            {},
                            1795710285};
        QVERIFY(m_store->storeUpload(upload));
        upload.uploadId = u"up_1"_s;
        upload.offset = 65536;
        QVERIFY(m_store->storeUpload(upload));
        QCOMPARE(m_store->uploads(), QList<StoredUpload>{upload});
        upload.file = sent;
        QVERIFY(m_store->storeUpload(upload));
        QCOMPARE(m_store->uploads().first().file, std::optional<Attachment>(sent));
        QVERIFY(m_store->removeUpload(u"key-1"_s));
        QVERIFY(m_store->uploads().isEmpty());
    }

    void aMessageThatCannotBeSavedIsNotSent()
    {
        OutboxStore unopened;
        Outbox outbox(m_authorized.get(), &unopened, Me, u"나"_s);
        QVERIFY(!outbox.canStore());
        QVERIFY(!outbox.queue(u"c_a"_s, u"lost?"_s));
        QVERIFY(m_api->calls.isEmpty());
        QCOMPARE(outbox.pendingCount(), 0);
    }

    void aStoreThatStopsWritingNeverMakesItLoop()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"once"_s));
        // The disk goes away under it (read-only, full): removing the sent row fails.
        m_store->close();
        m_api->answerOk(0, delivered(m_api->calls.at(0), 12));
        QTest::qWait(1500);
        QCOMPARE(m_api->calls.size(), 1);
        QCOMPARE(m_outbox->pendingCount(), 0);
    }

    void aStoreItCannotUseKeepsWhatCanBeRead()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"survivor"_s));
        m_outbox.reset();
        m_store.reset();
        {
            // As a newer Moim would leave it: a schema this one does not know.
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            db.setDatabaseName(m_storePath);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"PRAGMA user_version = 99"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        OutboxStore reopened;
        QCOMPARE(reopened.open(m_storePath), OutboxStore::OpenResult::Recovered);
        QCOMPARE(reopened.messages().size(), 1);
        QCOMPARE(reopened.messages().first().body, u"survivor"_s);
    }

    void aDamagedStoreStartsAfreshAndTakesWrites()
    {
        QVERIFY(m_outbox->queue(u"c_a"_s, u"before"_s));
        m_outbox.reset();
        m_store.reset();
        QFile file(m_storePath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.write(QByteArray(100, 'x')); // the header gone: not a database any more
        file.close();
        OutboxStore reopened;
        QCOMPARE(reopened.open(m_storePath), OutboxStore::OpenResult::Recovered);
        Message message;
        message.clientId = u"after"_s;
        message.conversationId = u"c_a"_s;
        message.authorId = Me;
        message.body = u"written after"_s;
        message.state = Message::State::Pending;
        QVERIFY(reopened.store(message));
        QCOMPARE(reopened.messages().last().body, u"written after"_s);
        // The damaged file is kept beside it for inspection.
        QVERIFY(!QDir(m_dir.path())
                     .entryList({QFileInfo(m_storePath).fileName() + u".corrupt-*"_s})
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "test_outbox.moc"
