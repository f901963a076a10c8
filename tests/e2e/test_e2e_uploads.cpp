// Files on their way out, with a real desktop and a real server: a file goes up in pieces and the
// server serves back the same bytes; an upload stopped half-way goes on from the server's offset
// in a new manager over the same store and completes once; a cancelled upload is forgotten on
// both sides with its pasted data; files that cannot be sent are refused before any network use,
// and those that can show their type and upright image size before the server answers;
// and a message with files, sent while they are still going up (and across a restart), arrives
// once with all of them, before the message written after it; an upload cut off by a killed
// server goes on once it is back.
#include "chat/upload_manager.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"
#include "storage/outbox_store.h"

#include <QBuffer>
#include <QDirIterator>
#include <QImage>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QtTest>
#include <functional>

using namespace moim;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Minji = u"minji.choi@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
constexpr qint64 SmallPiece = 64 * 1024;

// Bytes that do not compress and are no known type, the same for the same seed.
QByteArray noise(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A GET as the account: the status and the body, whatever they are.
struct RawAnswer
{
    int status = 0;
    QByteArray body;
};
RawAnswer rawGet(const test::SignedInClient &client, const QString &path)
{
    QNetworkAccessManager network;
    QUrl url = client.api->server().baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + client.account()->accessToken().toUtf8());
    request.setRawHeader(protocol::ClientHeader, client.api->clientIdentity().toUtf8());
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    RawAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->readAll()};
    delete reply;
    return answer;
}

// The newest messages of a conversation as the server serves them.
QList<Message> serverMessages(const test::SignedInClient &client, const QString &conversationId)
{
    const RawAnswer answer =
        rawGet(client, path::ConversationsBase + conversationId + path::MessagesSuffix);
    QList<Message> messages;
    const QJsonArray array =
        QJsonDocument::fromJson(answer.body).object().value("messages"_L1).toArray();
    for (const QJsonValue &value : array)
        messages.append(Message::fromJson(value.toObject(), client.account()->identity().id));
    return messages;
}

// Runs the event loop only until `reached` holds after a change of an upload, so that what
// follows happens with the upload half-way (waiting by polling could find it done already).
bool runUntil(UploadManager *uploads, const std::function<bool()> &reached)
{
    QSignalSpy changed(uploads, &UploadManager::uploadChanged);
    while (!reached()) {
        if (!changed.wait(20000))
            return false;
    }
    return true;
}

QList<Message> withBody(const QList<Message> &messages, const QString &body)
{
    QList<Message> found;
    for (const Message &message : messages) {
        if (message.body == body)
            found.append(message);
    }
    return found;
}

} // namespace

class TestE2eUploads : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    test::SignedInClient signIn(const QString &email, const QString &profile)
    {
        return test::signInWithPassword(m_server.url(), &m_secrets, email, Password, profile);
    }

    static QString channel(const test::SignedInClient &client)
    {
        return test::channelNamed(client, u"Moim HQ"_s, u"일반"_s);
    }

    // The file the server keeps under `fileId`, as its uploader downloads it.
    static QByteArray served(const test::SignedInClient &client, const QString &fileId)
    {
        const RawAnswer answer = rawGet(client, path::FilesBase + fileId);
        return answer.status == 200 ? answer.body : QByteArray();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void aFileGoesUpInPiecesAndComesBackTheSame()
    {
        test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString conversation = channel(jimin);
        QVERIFY(!conversation.isEmpty());
        UploadManager *uploads = jimin.chat()->uploads();
        uploads->setPieceSize(SmallPiece);

        const QByteArray bytes = noise(300 * 1024 + 17, 1);
        const QString path = m_home->path() + u"/회의 자료.bin"_s;
        QVERIFY(writeFile(path, bytes));
        QSignalSpy changed(uploads, &UploadManager::uploadChanged);
        const UploadManager::Started started = uploads->start(conversation, path);
        QVERIFY(started.ok());
        QCOMPARE(uploads->uploads(conversation).size(), 1);
        QCOMPARE(uploads->find(started.key)->name, u"회의 자료.bin"_s);
        QCOMPARE(uploads->find(started.key)->size, bytes.size());
        QTRY_COMPARE_WITH_TIMEOUT(uploads->find(started.key)->state, Upload::State::Done, 20000);

        // Each confirmed piece was shown on its way: five pieces, each at most 64 KiB.
        QList<qint64> confirmed;
        for (const QList<QVariant> &args : changed) {
            const auto upload = args.first().value<Upload>();
            if (upload.sent % SmallPiece == 0 && upload.sent > 0 &&
                !confirmed.contains(upload.sent))
                confirmed.append(upload.sent);
        }
        QVERIFY2(confirmed.size() >= 4, qPrintable(QString::number(confirmed.size())));
        const Upload done = uploads->find(started.key).value();
        QCOMPARE(done.sent, bytes.size());
        QVERIFY(done.file && !done.file->fileId.isEmpty());
        QCOMPARE(done.file->size, bytes.size());
        QCOMPARE(served(jimin, done.file->fileId), bytes);
    }

    void anUploadStoppedHalfWayGoesOnFromTheServersOffset()
    {
        test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString conversation = channel(jimin);
        QVERIFY(!conversation.isEmpty());
        const QByteArray bytes = noise(640 * 1024 + 5, 2);
        const QString path = m_home->path() + u"/big.bin"_s;
        QVERIFY(writeFile(path, bytes));
        const QString storePath = m_home->path() + u"/uploads.sqlite"_s;

        QString key;
        QString uploadId;
        {
            OutboxStore store;
            QCOMPARE(store.open(storePath), OutboxStore::OpenResult::Opened);
            UploadManager uploads(jimin.account()->api(), &store, m_home->path());
            uploads.setPieceSize(SmallPiece);
            key = uploads.start(conversation, path).key;
            QVERIFY(!key.isEmpty());
            // Stopped with a piece or two confirmed, likely one on the wire.
            QVERIFY(runUntil(
                &uploads, [&store] { return store.uploads().value(0).offset >= 2 * SmallPiece; }));
            uploadId = store.uploads().value(0).uploadId;
        }
        QVERIFY(!uploadId.isEmpty());
        const QJsonObject halfWay =
            QJsonDocument::fromJson(rawGet(jimin, path::UploadsBase + uploadId).body)
                .object()
                .value("upload"_L1)
                .toObject();
        QVERIFY(halfWay.value("offset"_L1).toInteger() >= 2 * SmallPiece);
        QVERIFY(halfWay.value("offset"_L1).toInteger() < bytes.size());

        OutboxStore store;
        QCOMPARE(store.open(storePath), OutboxStore::OpenResult::Opened);
        UploadManager uploads(jimin.account()->api(), &store, m_home->path());
        uploads.setPieceSize(SmallPiece);
        QCOMPARE(uploads.find(key)->state, Upload::State::Uploading);
        QSignalSpy changed(&uploads, &UploadManager::uploadChanged);
        QTRY_COMPARE_WITH_TIMEOUT(uploads.find(key)->state, Upload::State::Done, 20000);
        // It went on from where the server stood, not from the start.
        QVERIFY(changed.first().first().value<Upload>().sent >=
                halfWay.value("offset"_L1).toInteger());
        const Attachment file = uploads.find(key)->file.value();
        QCOMPARE(store.uploads().value(0).uploadId, uploadId);
        QCOMPARE(served(jimin, file.fileId), bytes);
        // Once: the upload is that file, and asking again changes nothing.
        const QJsonObject finished =
            QJsonDocument::fromJson(rawGet(jimin, path::UploadsBase + uploadId).body).object();
        QCOMPARE(finished.value("file"_L1).toObject().value("id"_L1).toString(), file.fileId);
    }

    void aCancelledUploadIsForgottenOnBothSides()
    {
        test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString conversation = channel(jimin);
        QVERIFY(!conversation.isEmpty());
        UploadManager *uploads = jimin.chat()->uploads();
        uploads->setPieceSize(SmallPiece);
        QSignalSpy removed(uploads, &UploadManager::uploadRemoved);

        const UploadManager::Started started =
            uploads->startFromData(conversation, noise(3 * 1024 * 1024, 3), u"스크린샷.png"_s);
        QVERIFY(started.ok());
        QCOMPARE(uploads->find(started.key)->name, u"스크린샷.png"_s);
        // The pasted bytes wait in a file of their own in the account's data folder.
        const QString outgoing =
            QFileInfo(jimin.account()->cache()->filePath()).absolutePath() + u"/outgoing"_s;
        QDirIterator files(outgoing, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(files.hasNext());
        const QString pasted = files.next();
        QCOMPARE(QFileInfo(pasted).size(), 3 * 1024 * 1024);

        QVERIFY(runUntil(uploads, [&] { return uploads->find(started.key)->sent >= SmallPiece; }));
        QString uploadId;
        {
            OutboxStore reader;
            QCOMPARE(reader.open(QFileInfo(outgoing).absolutePath() + u"/outbox.sqlite"_s),
                     OutboxStore::OpenResult::Opened);
            uploadId = reader.uploads().value(0).uploadId;
        }
        QVERIFY(!uploadId.isEmpty());
        QCOMPARE(rawGet(jimin, path::UploadsBase + uploadId).status, 200);
        QVERIFY(uploads->find(started.key)->state != Upload::State::Done);

        uploads->cancel(started.key);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toString(), started.key);
        QVERIFY(!uploads->find(started.key));
        QVERIFY(uploads->uploads(conversation).isEmpty());
        QVERIFY(!QFileInfo::exists(pasted));
        QTRY_COMPARE_WITH_TIMEOUT(rawGet(jimin, path::UploadsBase + uploadId).status, 404, 10000);
    }

    void whatCannotBeSentIsRefusedBeforeAnyNetwork()
    {
        QTemporaryDir dir;
        OutboxStore store;
        QCOMPARE(store.open(dir.filePath(u"outbox.sqlite"_s)), OutboxStore::OpenResult::Opened);
        // No server at all: a refusal never needs one.
        ApiClient api(ServerAddress::parse(u"http://127.0.0.1:9"_s), u"moim-desktop"_s, u"0.1.0"_s);
        AuthorizedApi authorized(&api);
        UploadManager uploads(&authorized, &store, dir.filePath(u"outgoing"_s));

        QVERIFY(writeFile(dir.filePath(u"empty.txt"_s), {}));
        QCOMPARE(uploads.start(u"c_1"_s, dir.filePath(u"empty.txt"_s)).error, UploadError::Empty);
        QCOMPARE(uploads.start(u"c_1"_s, dir.path()).error, UploadError::Folder);
        QCOMPARE(uploads.start(u"c_1"_s, dir.filePath(u"missing.txt"_s)).error,
                 UploadError::Unreadable);
        QFile huge(dir.filePath(u"huge.bin"_s));
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(UploadManager::MaxFileBytes + 1)); // sparse: nothing is written
        huge.close();
        QCOMPARE(uploads.start(u"c_1"_s, huge.fileName()).error, UploadError::TooLarge);
        QCOMPARE(uploads.startFromData(u"c_1"_s, {}, u"a.png"_s).error, UploadError::Empty);

        QVERIFY(uploads.uploads(u"c_1"_s).isEmpty());
        QVERIFY(store.uploads().isEmpty());
        QVERIFY(!QFileInfo::exists(dir.filePath(u"outgoing"_s)) ||
                QDir(dir.filePath(u"outgoing"_s)).isEmpty());

        // The limit itself is allowed.
        QVERIFY(huge.resize(UploadManager::MaxFileBytes));
        QVERIFY(uploads.start(u"c_1"_s, huge.fileName()).ok());
    }

    // The UI reads an image's upright size (images are its to decode) and hands it over.
    void aFileShowsItsTypeAndImageSizeBeforeTheServerAnswers()
    {
        QTemporaryDir dir;
        OutboxStore store;
        QCOMPARE(store.open(dir.filePath(u"outbox.sqlite"_s)), OutboxStore::OpenResult::Opened);
        ApiClient api(ServerAddress::parse(u"http://127.0.0.1:9"_s), u"moim-desktop"_s, u"0.1.0"_s);
        AuthorizedApi authorized(&api);
        QString png;
        {
            UploadManager uploads(&authorized, &store, dir.filePath(u"outgoing"_s));
            QImage landscape(40, 30, QImage::Format_RGB32);
            landscape.fill(Qt::darkCyan);
            // Named as nothing in particular: the type is read from the content.
            QVERIFY(landscape.save(dir.filePath(u"photo.dat"_s), "PNG"));
            png = uploads.start(u"c_1"_s, dir.filePath(u"photo.dat"_s), QSize(40, 30)).key;
            QCOMPARE(uploads.find(png)->type, u"image/png"_s);
            QCOMPARE(uploads.find(png)->imageSize, QSize(40, 30));
            QCOMPARE(uploads.find(png)->localPath, dir.filePath(u"photo.dat"_s));
            const Attachment shown = uploads.find(png)->attachment();
            QCOMPARE(shown.uploadKey, png);
            QVERIFY(shown.fileId.isEmpty());
            QCOMPARE(shown.width, 40);
            QCOMPARE(shown.height, 30);

            // Pasted data too.
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QVERIFY(landscape.save(&buffer, "PNG"));
            const QString pasted =
                uploads.startFromData(u"c_1"_s, buffer.data(), u"붙여넣기.png"_s, QSize(40, 30))
                    .key;
            QCOMPARE(uploads.find(pasted)->imageSize, QSize(40, 30));

            // Anything else has no image size.
            QVERIFY(writeFile(dir.filePath(u"notes.txt"_s), "회의 메모\n"));
            const QString text = uploads.start(u"c_1"_s, dir.filePath(u"notes.txt"_s)).key;
            QVERIFY(uploads.find(text)->type.startsWith(u"text/plain"_s));
            QVERIFY(uploads.find(text)->imageSize.isEmpty());
            QCOMPARE(uploads.uploads(u"c_1"_s).size(), 3);
        }
        // Written down with the upload: after a restart the size is there before any answer.
        UploadManager restarted(&authorized, &store, dir.filePath(u"outgoing"_s));
        QCOMPARE(restarted.find(png)->imageSize, QSize(40, 30));
        QCOMPARE(restarted.uploads(u"c_1"_s).size(), 3);
    }

    void aMessageWithFilesArrivesOnceWithThemBeforeTheNextOne()
    {
        test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
        test::SignedInClient minji = signIn(Minji, u"minji"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString conversation = channel(jimin);
        QVERIFY(!conversation.isEmpty());
        UploadManager *uploads = jimin.chat()->uploads();
        uploads->setPieceSize(SmallPiece);

        const QByteArray report = noise(300 * 1024, 4);
        const QByteArray sheet = noise(200 * 1024, 5);
        QVERIFY(writeFile(m_home->path() + u"/보고서.bin"_s, report));
        QVERIFY(writeFile(m_home->path() + u"/표.bin"_s, sheet));
        const QString first = uploads->start(conversation, m_home->path() + u"/보고서.bin"_s).key;
        const QString second = uploads->start(conversation, m_home->path() + u"/표.bin"_s).key;
        QVERIFY(!first.isEmpty() && !second.isEmpty());

        // Written while the files are still going up, then a text after it.
        const std::optional<Message> withFiles =
            jimin.chat()->send(conversation, u"자료 두 개입니다"_s, {}, {}, {first, second});
        QVERIFY(withFiles);
        QCOMPARE(withFiles->state, Message::State::Pending);
        QCOMPARE(withFiles->attachments.size(), 2);
        QCOMPARE(withFiles->attachments.at(0).uploadKey, first);
        QVERIFY(withFiles->attachments.at(0).fileId.isEmpty());
        QVERIFY(jimin.chat()->send(conversation, u"위 자료 확인 부탁해요"_s));
        QVERIFY(uploads->find(first)->state != Upload::State::Done);

        QList<Message> kept;
        QTRY_VERIFY_WITH_TIMEOUT((kept = serverMessages(minji, conversation),
                                  withBody(kept, u"위 자료 확인 부탁해요"_s).size() == 1),
                                 30000);
        const QList<Message> carried = withBody(kept, u"자료 두 개입니다"_s);
        QCOMPARE(carried.size(), 1);
        QVERIFY(carried.first().seq < withBody(kept, u"위 자료 확인 부탁해요"_s).first().seq);
        QCOMPARE(carried.first().attachments.size(), 2);
        QCOMPARE(carried.first().attachments.at(0).name, u"보고서.bin"_s);
        QCOMPARE(carried.first().attachments.at(1).name, u"표.bin"_s);
        QCOMPARE(served(minji, carried.first().attachments.at(0).fileId), report);
        QCOMPARE(served(minji, carried.first().attachments.at(1).fileId), sheet);
        // Sent: the uploads are let go, and the message holds the server's files.
        QTRY_VERIFY_WITH_TIMEOUT(uploads->uploads(conversation).isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(jimin.chat()->outbox()->unsent(conversation).isEmpty(), 5000);
    }

    void aMessageWithFilesSurvivesARestartInTheMiddle()
    {
        QString conversation;
        const QByteArray bytes = noise(700 * 1024, 6);
        const QString path = m_home->path() + u"/발표.bin"_s;
        QVERIFY(writeFile(path, bytes));
        {
            test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
            QVERIFY(!QTest::currentTestFailed());
            conversation = channel(jimin);
            QVERIFY(!conversation.isEmpty());
            UploadManager *uploads = jimin.chat()->uploads();
            uploads->setPieceSize(SmallPiece);
            const QString key = uploads->start(conversation, path).key;
            QVERIFY(jimin.chat()->send(conversation, u"발표 자료"_s, {}, {}, {key}));
            QVERIFY(jimin.chat()->send(conversation, u"발표 뒤에"_s));
            QVERIFY(runUntil(uploads, [&] { return uploads->find(key)->sent >= 2 * SmallPiece; }));
            QVERIFY(uploads->find(key)->state != Upload::State::Done);
        } // the client quits with the upload half-way

        test::SignedInClient jimin = test::restartSignedIn(m_server.url(), &m_secrets, u"jimin"_s);
        QVERIFY(!QTest::currentTestFailed());
        QList<Message> kept;
        QTRY_VERIFY_WITH_TIMEOUT((kept = serverMessages(jimin, conversation),
                                  withBody(kept, u"발표 뒤에"_s).size() == 1),
                                 30000);
        const QList<Message> carried = withBody(kept, u"발표 자료"_s);
        QCOMPARE(carried.size(), 1);
        QVERIFY(carried.first().seq < withBody(kept, u"발표 뒤에"_s).first().seq);
        QCOMPARE(carried.first().attachments.size(), 1);
        QCOMPARE(served(jimin, carried.first().attachments.first().fileId), bytes);
        QTRY_VERIFY_WITH_TIMEOUT(jimin.chat()->uploads()->uploads(conversation).isEmpty(), 5000);
    }

    void anUploadGoesOnAfterTheServerWasKilled()
    {
        test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString conversation = channel(jimin);
        QVERIFY(!conversation.isEmpty());
        UploadManager *uploads = jimin.chat()->uploads();
        uploads->setPieceSize(SmallPiece);
        const QByteArray bytes = noise(2 * 1024 * 1024 + 3, 7);
        QVERIFY(writeFile(m_home->path() + u"/계약서.bin"_s, bytes));
        const QString key = uploads->start(conversation, m_home->path() + u"/계약서.bin"_s).key;
        QVERIFY(!key.isEmpty());
        QVERIFY(runUntil(uploads, [&] { return uploads->find(key)->sent >= 2 * SmallPiece; }));

        m_server.kill(); // a crash, likely with a piece half-received
        QTRY_COMPARE_WITH_TIMEOUT(uploads->find(key)->state, Upload::State::WaitingForNetwork,
                                  10000);
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
        uploads->setOnline(true);
        QTRY_COMPARE_WITH_TIMEOUT(uploads->find(key)->state, Upload::State::Done, 30000);
        QCOMPARE(served(jimin, uploads->find(key)->file->fileId), bytes);
    }
};

QTEST_MAIN(TestE2eUploads)
#include "test_e2e_uploads.moc"
