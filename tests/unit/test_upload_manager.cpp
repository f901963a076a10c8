// Uploads against a fake transport, for the answers a real server gives rarely: a piece sent for
// an offset the server no longer has goes on from the server's; a lost connection or a 5xx waits
// and an online hint tries at once; a file that changed or vanished fails; a checksum mismatch
// starts again once; a refusal for good fails; a restart asks the server for the offset first;
// progress is shown at most ten times a second; and a message waits for its uploads, fails with
// them, and retrying it retries them.
#include "chat/outbox.h"
#include "chat/upload_manager.h"
#include "fake_api_client.h"
#include "net/authorized_api.h"
#include "storage/outbox_store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using test::FakeApiClient;

namespace {

const auto Conversation = u"c_1"_s;
const auto UploadPath = u"/api/v1/uploads/up_1"_s;

QJsonObject created(qint64 offset = 0)
{
    return {{u"upload"_s, QJsonObject{{u"id"_s, u"up_1"_s},
                                      {u"offset"_s, offset},
                                      {u"size"_s, 10},
                                      {u"expires_at"_s, 1795796685}}}};
}

QByteArray finished()
{
    return R"({"file": {"id": "f_1", "name": "notes.txt", "size": 10,
                        "type": "text/plain; charset=utf-8", "preview": false}})";
}

} // namespace

class TestUploadManager : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeApiClient> m_api;
    std::unique_ptr<AuthorizedApi> m_authorized;
    std::unique_ptr<OutboxStore> m_store;
    std::unique_ptr<UploadManager> m_uploads;
    QString m_file;
    int m_run = 0;

    void startManager()
    {
        m_uploads = std::make_unique<UploadManager>(m_authorized.get(), m_store.get(),
                                                    m_dir.filePath(u"outgoing"_s));
        m_uploads->setPieceSize(4);
    }

    // A ten-byte file, started and created on the server, its first piece on the wire.
    QString startedUpload()
    {
        const QString key = m_uploads->start(Conversation, m_file).key;
        [&] {
            QVERIFY(!key.isEmpty());
            QCOMPARE(m_api->calls.size(), 1);
            QCOMPARE(m_api->calls.at(0).path, u"/api/v1/conversations/c_1/uploads"_s);
            QCOMPARE(m_api->calls.at(0).body.value("size"_L1).toInteger(), 10);
            m_api->answerOk(0, created());
            QCOMPARE(m_api->calls.size(), 2);
        }();
        return key;
    }

    const FakeApiClient::Call &last() const { return m_api->calls.last(); }

private Q_SLOTS:
    void init()
    {
        m_api = std::make_unique<FakeApiClient>();
        m_authorized = std::make_unique<AuthorizedApi>(m_api.get());
        m_authorized->setAccessToken(u"token-1"_s);
        m_store = std::make_unique<OutboxStore>();
        QCOMPARE(m_store->open(m_dir.filePath(u"outbox-%1.sqlite"_s.arg(++m_run))),
                 OutboxStore::OpenResult::Opened);
        m_file = m_dir.filePath(u"notes-%1.txt"_s.arg(m_run));
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("0123456789");
        startManager();
    }

    void cleanup()
    {
        m_uploads.reset();
        m_store.reset();
    }

    void piecesGoAtTheServersOffset()
    {
        const QString key = startedUpload();
        QCOMPARE(last().path, UploadPath);
        QCOMPARE(last().offset, 0);
        QCOMPARE(last().bytes, QByteArray("0123"));
        m_api->answerPiece(1, 4);
        QCOMPARE(last().offset, 4);
        QCOMPARE(last().bytes, QByteArray("4567"));
        QCOMPARE(m_store->uploads().first().offset, 4);
        // The server has more than we thought (an answer was lost): from its offset.
        m_api->answerPiece(2, 8, 409,
                           R"({"error": {"code": "offset_mismatch", "message": "", "offset": 8}})");
        QCOMPARE(last().offset, 8);
        QCOMPARE(last().bytes, QByteArray("89"));
        m_api->answerPiece(3, 10, 200, finished());
        QCOMPARE(m_api->calls.size(), 4);
        const Upload done = m_uploads->find(key).value();
        QCOMPARE(done.state, Upload::State::Done);
        QCOMPARE(done.sent, 10);
        QCOMPARE(done.file->fileId, u"f_1"_s);
        QCOMPARE(m_store->uploads().first().file->fileId, u"f_1"_s);
    }

    void aLostConnectionWaitsAndOnlineTriesAtOnce()
    {
        const QString key = startedUpload();
        m_api->answerPiece(1, 4);
        m_api->answerError(2, ApiError::Code::Network);
        QCOMPARE(m_uploads->find(key)->state, Upload::State::WaitingForNetwork);
        QCOMPARE(m_api->calls.size(), 3);
        m_uploads->setOnline(true);
        QCOMPARE(m_api->calls.size(), 4);
        QCOMPARE(last().offset, 4);
        QCOMPARE(m_uploads->find(key)->state, Upload::State::Uploading);
        // A 5xx waits too, and its own timer sends the piece again.
        m_uploads->backoff() =
            Backoff(std::chrono::milliseconds(10), std::chrono::milliseconds(10));
        m_api->answerHttp(3, 503, R"({"error": {"code": "server_busy", "message": ""}})");
        QCOMPARE(m_uploads->find(key)->state, Upload::State::WaitingForNetwork);
        QTRY_COMPARE(m_api->calls.size(), 5);
        QCOMPARE(last().offset, 4);
    }

    void aFileThatChangedOrVanishedFails()
    {
        const QString key = startedUpload();
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::Append));
        file.write("more");
        file.close();
        m_api->answerPiece(1, 4);
        QCOMPARE(m_api->calls.size(), 2); // nothing more is sent
        QCOMPARE(m_uploads->find(key)->state, Upload::State::Failed);
        QCOMPARE(m_uploads->find(key)->error, UploadError::FileChanged);
        QCOMPARE(m_store->uploads().first().failure, u"file_changed"_s);

        QVERIFY(QFile::resize(m_file, 10));
        m_uploads->retry(key);
        QCOMPARE(m_api->calls.size(), 3); // where the server stands, then on
        QCOMPARE(last().path, UploadPath);
        QCOMPARE(last().method, ApiClient::Method::Get);
        QVERIFY(QFile::remove(m_file));
        m_api->answerOk(2, created(4));
        QCOMPARE(m_uploads->find(key)->error, UploadError::FileMissing);
    }

    void aChecksumMismatchStartsAgainOnce()
    {
        const QString key = startedUpload();
        m_api->answerPiece(1, 4);
        m_api->answerPiece(2, 8);
        const QByteArray mismatch =
            R"({"error": {"code": "checksum_mismatch", "message": "", "offset": 0}})";
        m_api->answerPiece(3, 0, 422, mismatch);
        QCOMPARE(last().path, u"/api/v1/conversations/c_1/uploads"_s); // from the start
        m_api->answerOk(4, created());
        QCOMPARE(last().offset, 0);
        m_api->answerPiece(5, 4);
        m_api->answerPiece(6, 8);
        m_api->answerPiece(7, 0, 422, mismatch);
        QCOMPARE(m_api->calls.size(), 8);
        QCOMPARE(m_uploads->find(key)->state, Upload::State::Failed);
        QCOMPARE(m_uploads->find(key)->error, UploadError::Refused);
    }

    void aRefusalForGoodFails()
    {
        const QString key = m_uploads->start(Conversation, m_file).key;
        m_api->answerHttp(0, 403, R"({"error": {"code": "forbidden", "message": ""}})");
        QCOMPARE(m_uploads->find(key)->state, Upload::State::Failed);
        QCOMPARE(m_uploads->find(key)->error, UploadError::Refused);
        QCOMPARE(m_api->calls.size(), 1);
    }

    void afterARestartTheServerIsAskedFirst()
    {
        const QString key = startedUpload();
        m_api->answerPiece(1, 4);
        m_uploads.reset(); // the piece on the wire is dropped
        QVERIFY(m_api->calls.at(2).context.isNull());

        startManager();
        QCOMPARE(m_uploads->find(key)->sent, 4);
        QTRY_COMPARE(m_api->calls.size(), 4);
        QCOMPARE(last().method, ApiClient::Method::Get);
        QCOMPARE(last().path, UploadPath);
        m_api->answerOk(3, created(8));
        QCOMPARE(last().offset, 8);
        QCOMPARE(last().bytes, QByteArray("89"));
    }

    void progressIsShownAtMostTenTimesASecond()
    {
        const QString key = startedUpload();
        QSignalSpy changed(m_uploads.get(), &UploadManager::uploadChanged);
        for (qint64 sent = 1; sent <= 3; ++sent)
            m_api->calls.at(1).progress(sent, 4);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Upload>().sent, 1);
        QCOMPARE(m_uploads->find(key)->sent, 3); // asked, it is up to date
        QTest::qWait(120);
        m_api->calls.at(1).progress(4, 4);
        QCOMPARE(changed.size(), 2);
        // A confirmed piece is a change of its own, never held back.
        m_api->answerPiece(1, 4);
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.last().first().value<Upload>().sent, 4);
    }

    void aMessageWaitsForItsUploadsAndFailsWithThem()
    {
        Outbox outbox(m_authorized.get(), m_store.get(), u"u_me"_s, u"나"_s, m_uploads.get());
        const QString key = m_uploads->start(Conversation, m_file).key;
        QCOMPARE(m_api->calls.size(), 1);
        const Message withFile =
            outbox.queue(Conversation, {}, std::nullopt, {}, {m_uploads->find(key)->attachment()})
                .value();
        outbox.queue(Conversation, u"after the file"_s);
        QCOMPARE(m_api->calls.size(), 1); // both wait for the upload

        m_api->answerHttp(0, 403, R"({"error": {"code": "forbidden", "message": ""}})");
        QCOMPARE(outbox.find(withFile.localId)->state, Message::State::Failed);
        QCOMPARE(outbox.find(withFile.localId)->failure, Outbox::UploadFailed);
        QCOMPARE(m_api->calls.size(), 2); // the text goes on
        QCOMPARE(last().body.value("body"_L1).toString(), u"after the file"_s);
        m_api->answerOk(
            1, {{u"message"_s,
                 QJsonObject{{u"id"_s, u"m_1"_s},
                             {u"conversation_id"_s, Conversation},
                             {u"client_id"_s, last().body.value("client_id"_L1).toString()},
                             {u"seq"_s, 1},
                             {u"author"_s, QJsonObject{{u"id"_s, u"u_me"_s}}},
                             {u"body"_s, u"after the file"_s},
                             {u"created_at"_s, 1795710285}}}});

        // Retried: the upload starts again, and the message goes with its file id once done.
        outbox.retry(withFile.localId);
        QCOMPARE(m_api->calls.size(), 3);
        QCOMPARE(m_api->calls.at(2).path, u"/api/v1/conversations/c_1/uploads"_s);
        m_api->answerOk(2, created(8));
        m_api->answerPiece(3, 10, 200, finished());
        QCOMPARE(m_api->calls.size(), 5);
        QCOMPARE(last().body.value("attachments"_L1).toArray(), QJsonArray{u"f_1"_s});
        QCOMPARE(last().body.value("body"_L1).toString(), QString());
    }
};

QTEST_MAIN(TestUploadManager)
#include "test_upload_manager.moc"
