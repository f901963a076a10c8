// Files on the server over HTTP: uploads sent in pieces at the offset the server confirmed (and
// resumed from it by a server killed and started again), the type told by content and never by
// the name, photos turned upright with their EXIF and GPS gone, content stored once and deleted
// with the last message that carries it, downloads whole or by range with a safe
// Content-Disposition, only for those who may read the conversation, and every limit.
#include "account_store.h"
#include "database.h"
#include "file_store.h"
#include "mock_server.h"
#include "mock_server_process.h"
#include "server_test_client.h"
#include "server_test_events.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QImage>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <protocol/upload_headers.h>

using namespace moim::server;
using namespace moim::server::test;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace limits = moim::protocol::limits;

namespace {
const auto JiminEmail = u"jimin.kim@moim.example"_s;
const auto DanielEmail = u"daniel.cho@moim.example"_s; // Moim HQ and Design Studio
const auto MinjiEmail = u"minji.choi@moim.example"_s;  // not in Design Studio

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(20261203);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QByteArray pngBytes(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void appendLe16(QByteArray &out, quint16 value)
{
    out.append(char(value & 0xff)).append(char(value >> 8));
}

void appendLe32(QByteArray &out, quint32 value)
{
    appendLe16(out, quint16(value & 0xffff));
    appendLe16(out, quint16(value >> 16));
}

// A photo as a phone takes it: stored sideways (red on the left, blue on the right) with EXIF
// orientation 6 ("turn 90° clockwise to show") and a GPS position, in an APP1 segment built by
// hand after the JPEG's start marker.
QByteArray sidewaysPhotoWithGps(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::blue);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width / 2; ++x)
            image.setPixel(x, y, qRgb(255, 0, 0));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 95);

    // TIFF, little endian: IFD0 at 8 with Orientation and the GPS IFD pointer; the GPS IFD at 38
    // with GPSLatitudeRef "N".
    QByteArray tiff("II*\0", 4);
    appendLe32(tiff, 8);
    appendLe16(tiff, 2);
    appendLe16(tiff, 0x0112); // Orientation
    appendLe16(tiff, 3);      // SHORT
    appendLe32(tiff, 1);
    appendLe16(tiff, 6);
    appendLe16(tiff, 0);
    appendLe16(tiff, 0x8825); // GPSInfo
    appendLe16(tiff, 4);      // LONG
    appendLe32(tiff, 1);
    appendLe32(tiff, 38);
    appendLe32(tiff, 0); // no next IFD
    appendLe16(tiff, 1);
    appendLe16(tiff, 0x0001); // GPSLatitudeRef
    appendLe16(tiff, 2);      // ASCII
    appendLe32(tiff, 2);
    tiff.append("N\0\0\0", 4);
    appendLe32(tiff, 0);
    const QByteArray exif = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xff\xe1");
    segment.append(char((exif.size() + 2) >> 8)).append(char((exif.size() + 2) & 0xff));
    segment += exif;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

bool isReddish(QRgb pixel)
{
    return qRed(pixel) > 180 && qBlue(pixel) < 80;
}

bool isBluish(QRgb pixel)
{
    return qBlue(pixel) > 180 && qRed(pixel) < 80;
}

// The blobs in a server's data folder (content only, not previews).
int blobsIn(const QString &dataDir)
{
    int count = 0;
    QDirIterator it(dataDir + u"/files"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        if (!it.next().endsWith(u".preview"_s))
            ++count;
    }
    return count;
}
} // namespace

class TestFilesServer : public QObject
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
        m_room = m_client->createChannel(m_jimin, m_design, u"files-room"_s, false);
        QVERIFY(!m_room.isEmpty());
        QVERIFY(m_client->join(m_daniel, m_room));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void anUploadGoesInPiecesAndIsSent()
    {
        const QByteArray bytes = randomBytes(10'000);
        const QJsonObject upload = startUpload(m_jimin, m_room, u"data.bin"_s, bytes.size());
        const QString id = upload.value("id"_L1).toString();
        QVERIFY(id.startsWith(u"up_"_s));
        QCOMPARE(upload.value("offset"_L1).toInteger(), 0);
        QCOMPARE(upload.value("size"_L1).toInteger(), bytes.size());
        QVERIFY(upload.value("expires_at"_L1).toInteger() > 0);

        auto answer = sendPiece(m_jimin, id, 0, bytes.first(4000));
        QCOMPARE(answer.status, 204);
        QCOMPARE(answer.header("Upload-Offset"), QByteArray("4000"));
        QCOMPARE(showUpload(m_jimin, id)
                     .json.value("upload"_L1)
                     .toObject()
                     .value("offset"_L1)
                     .toInteger(),
                 4000);
        // Someone else's upload does not exist for them.
        QCOMPARE(sendPiece(m_daniel, id, 4000, bytes.mid(4000)).status, 404);
        QCOMPARE(showUpload(m_daniel, id).status, 404);

        answer = sendPiece(m_jimin, id, 4000, bytes.mid(4000));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("Upload-Offset"), QByteArray("10000"));
        const QJsonObject file = answer.json().value("file"_L1).toObject();
        QVERIFY(file.value("id"_L1).toString().startsWith(u"f_"_s));
        QCOMPARE(file.value("name"_L1).toString(), u"data.bin"_s);
        QCOMPARE(file.value("size"_L1).toInteger(), bytes.size());
        QCOMPARE(file.value("type"_L1).toString(), u"application/octet-stream"_s);
        QCOMPARE(file.value("sha256"_L1).toString(), sha256Of(bytes));
        QCOMPARE(file.value("preview"_L1).toBool(), false);
        QVERIFY(!file.contains("image"_L1));
        QCOMPARE(showUpload(m_jimin, id).json.value("file"_L1).toObject(), file);

        // Before it is sent, only its uploader reads it.
        const QString fileId = file.value("id"_L1).toString();
        QCOMPARE(download(m_jimin, fileId).body, bytes);
        QCOMPARE(download(m_daniel, fileId).status, 404);

        EventClient danielStream;
        QUrl eventsUrl = m_server->url().resolved(QUrl(QString(path::Events)));
        eventsUrl.setScheme(u"ws"_s);
        QVERIFY(danielStream.open(eventsUrl, m_daniel.accessToken));
        const HttpResult sent = sendWithFiles(m_jimin, m_room, u"자료입니다"_s, {fileId});
        QCOMPARE(sent.status, 200);
        const QJsonArray attachments =
            sent.json.value("message"_L1).toObject().value("attachments"_L1).toArray();
        QCOMPARE(attachments.size(), 1);
        QJsonObject expected = file;
        expected.remove("sha256"_L1);
        QCOMPARE(attachments.first().toObject(), expected);
        QVERIFY(QTest::qWaitFor([&] { return danielStream.messagesIn(m_room) == 1; }, 5000));
        QCOMPARE(danielStream.ofType(moim::protocol::event::MessageCreated)
                     .first()
                     .value("message"_L1)
                     .toObject()
                     .value("attachments"_L1)
                     .toArray(),
                 attachments);
        const QJsonObject inHistory = lastMessage(m_daniel, m_room);
        QCOMPARE(inHistory.value("attachments"_L1).toArray(), attachments);
        // The catch-up and search serve it with its files too, as the event did.
        const qint64 seq = inHistory.value("seq"_L1).toInteger();
        const QJsonArray caughtUp =
            m_client
                ->get(QString(path::Sync), {{u"after_seq"_s, QString::number(seq - 1)}}, m_daniel)
                .messages();
        QVERIFY(!caughtUp.isEmpty());
        QCOMPARE(caughtUp.first().toObject().value("attachments"_L1).toArray(), attachments);
        const QJsonArray found =
            m_client
                ->get(QString(path::Search),
                      {{u"q"_s, u"자료입니다"_s}, {u"conversation_id"_s, m_room}}, m_daniel)
                .messages();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().toObject().value("attachments"_L1).toArray(), attachments);

        const RawResult got = download(m_daniel, fileId);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, bytes);
        QCOMPARE(got.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(got.header("Content-Length"), QByteArray("10000"));
        QCOMPARE(got.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(got.header("Accept-Ranges"), QByteArray("bytes"));
        QCOMPARE(got.header("Content-Disposition"),
                 QByteArray("attachment; filename=\"data.bin\"; filename*=UTF-8''data.bin"));

        // Attached once, a file cannot be attached again.
        const HttpResult again = sendWithFiles(m_jimin, m_room, u"또"_s, {fileId});
        QCOMPARE(again.status, 400);
        QCOMPARE(again.errorField(), u"attachments"_s);
    }

    void aRetriedSendWithFilesIsAnsweredOnce()
    {
        const QString fileId = uploadWhole(m_jimin, m_room, u"retry.txt"_s, "다시 보내기\n");
        const QJsonObject body{{u"client_id"_s, u"files-retry"_s},
                               {u"body"_s, QString()},
                               {u"attachments"_s, QJsonArray{fileId}}};
        const QString messages = path::ConversationsBase + m_room + path::MessagesSuffix;
        const HttpResult first = m_client->call("POST", messages, m_jimin, body);
        QCOMPARE(first.status, 200);
        const HttpResult second = m_client->call("POST", messages, m_jimin, body);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json.value("duplicate"_L1).toBool(), true);
        QCOMPARE(second.json.value("message"_L1).toObject().value("id"_L1),
                 first.json.value("message"_L1).toObject().value("id"_L1));
        // A message of files only has an empty body.
        QCOMPARE(first.json.value("message"_L1).toObject().value("body"_L1).toString(), QString());
    }

    void aWrongOffsetIsRefusedWithTheConfirmedOne()
    {
        const QByteArray bytes = randomBytes(3000);
        const QString id =
            startUpload(m_jimin, m_room, u"offset.bin"_s, bytes.size()).value("id"_L1).toString();
        QCOMPARE(sendPiece(m_jimin, id, 0, bytes.first(1000)).status, 204);
        for (const qint64 wrong : {qint64(0), qint64(500), qint64(2000)}) {
            const RawResult answer = sendPiece(m_jimin, id, wrong, bytes.mid(wrong, 100));
            QCOMPARE(answer.status, 409);
            QCOMPARE(answer.errorCode(), u"offset_mismatch"_s);
            QCOMPARE(answer.json().value("error"_L1).toObject().value("offset"_L1).toInteger(),
                     1000);
        }
        // A piece past the announced size, an empty one, a malformed offset or another type.
        QCOMPARE(sendPiece(m_jimin, id, 1000, bytes.mid(1000) + "x").status, 400);
        QCOMPARE(sendPiece(m_jimin, id, 1000, QByteArray()).status, 400);
        QCOMPARE(m_client
                     ->raw("PATCH", path::UploadsBase + id, m_jimin,
                           {{"Content-Type", "application/offset+octet-stream"},
                            {"Upload-Offset", "+1000"}},
                           bytes.mid(1000))
                     .status,
                 400);
        QCOMPARE(m_client
                     ->raw("PATCH", path::UploadsBase + id, m_jimin,
                           {{"Content-Type", "application/json"}, {"Upload-Offset", "1000"}},
                           bytes.mid(1000))
                     .status,
                 400);
        QCOMPARE(sendPiece(m_jimin, id, 1000, bytes.mid(1000)).status, 200);

        // Cancelled, an upload is gone.
        const QString cancelled =
            startUpload(m_jimin, m_room, u"cancel.bin"_s, 10).value("id"_L1).toString();
        QCOMPARE(sendPiece(m_jimin, cancelled, 0, "12345").status, 204);
        QVERIFY(QFile::exists(m_dir.filePath(u"uploads/"_s + cancelled + u".part"_s)));
        QCOMPARE(m_client->raw("DELETE", path::UploadsBase + cancelled, m_jimin).status, 204);
        QVERIFY(!QFile::exists(m_dir.filePath(u"uploads/"_s + cancelled + u".part"_s)));
        QCOMPARE(showUpload(m_jimin, cancelled).status, 404);
        QCOMPARE(sendPiece(m_jimin, cancelled, 5, "67890").status, 404);
    }

    // A piece is far larger than any JSON body (the transport's limit for it is tested with the
    // other transport limits).
    void aPieceMayBeFourMebibytes()
    {
        const QByteArray bytes = randomBytes(limits::UploadPieceBytes + 10);
        const QString id =
            startUpload(m_jimin, m_room, u"big.bin"_s, bytes.size()).value("id"_L1).toString();
        QCOMPARE(sendPiece(m_jimin, id, 0, bytes.first(limits::UploadPieceBytes)).status, 204);
        const RawResult done =
            sendPiece(m_jimin, id, limits::UploadPieceBytes, bytes.mid(limits::UploadPieceBytes));
        QCOMPARE(done.status, 200);
        const QString fileId = done.json().value("file"_L1).toObject().value("id"_L1).toString();
        QCOMPARE(download(m_jimin, fileId).body, bytes);

        // A client that goes away in the middle of a download leaves the server serving.
        QTcpSocket quitter;
        quitter.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(quitter.waitForConnected(5000));
        quitter.write("GET " + (path::FilesBase + fileId).toLatin1() +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Moim-Client: moim-desktop/0.1.0\r\n"
                      "Authorization: Bearer " +
                      m_jimin.accessToken.toLatin1() + "\r\n\r\n");
        QSignalSpy readyRead(&quitter, &QIODevice::readyRead);
        QVERIFY(readyRead.wait(5000));
        QVERIFY(quitter.readAll().startsWith("HTTP/1.1 200"));
        quitter.abort();
        QCOMPARE(download(m_jimin, fileId).body, bytes);
    }

    void theTypeIsToldByContent_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("type");
        QTest::newRow("png named pdf") << u"보고서.pdf"_s << pngBytes(8, 8) << u"image/png"_s;
        QTest::newRow("program named png")
            << u"a.png"_s << QByteArray("MZ\x90\0\3\0\0\0", 8) + randomBytes(200)
            << u"application/octet-stream"_s;
        QTest::newRow("pdf") << u"a.txt"_s << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
                             << u"application/pdf"_s;
        QTest::newRow("korean text")
            << u"메모"_s << u"회의록\n- 안건 1\n"_s.toUtf8() << u"text/plain; charset=utf-8"_s;
        QTest::newRow("text cut inside a character")
            << u"cut.txt"_s << u"회의"_s.toUtf8().chopped(1) << u"application/octet-stream"_s;
        QTest::newRow("hwp") << u"a.bin"_s
                             << QByteArray("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) +
                                    QByteArray(504, '\0') + "HWP Document File" +
                                    QByteArray(100, '\0')
                             << u"application/x-hwp"_s;
        QTest::newRow("other compound file")
            << u"a.hwp"_s << QByteArray("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) + randomBytes(600)
            << u"application/octet-stream"_s;
        QTest::newRow("docx") << u"a.zip"_s
                              << zip({{"[Content_Types].xml", "<Types/>"},
                                      {"word/document.xml", "<w:document/>"}})
                              << u"application/vnd.openxmlformats-officedocument."
                                 "wordprocessingml.document"_s;
        QTest::newRow("xlsx") << u"a.docx"_s
                              << zip({{"[Content_Types].xml", "<Types/>"},
                                      {"xl/workbook.xml", "<workbook/>"}})
                              << u"application/vnd.openxmlformats-officedocument."
                                 "spreadsheetml.sheet"_s;
        QTest::newRow("pptx") << u"a"_s
                              << zip({{"[Content_Types].xml", "<Types/>"},
                                      {"ppt/presentation.xml", "<p/>"}})
                              << u"application/vnd.openxmlformats-officedocument."
                                 "presentationml.presentation"_s;
        QTest::newRow("hwpx") << u"a.zip"_s
                              << zip({{"mimetype", "application/hwp+zip"},
                                      {"Contents/section0.xml", "<hs:sec/>"}})
                              << u"application/hwp+zip"_s;
        QTest::newRow("plain zip")
            << u"a.docx"_s << zip({{"readme.txt", "hello"}}) << u"application/zip"_s;
    }

    void theTypeIsToldByContent()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, type);
        const QString fileId = uploadWhole(m_jimin, m_room, name, bytes);
        QVERIFY(!fileId.isEmpty());
        QCOMPARE(m_server->files().fileJson(fileId).value("type"_L1).toString(), type);
        const RawResult got = download(m_jimin, fileId);
        QCOMPARE(got.header("Content-Type"), type.toLatin1());
        QCOMPARE(got.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void aPhotoComesBackUprightWithoutItsMetadata()
    {
        const QByteArray photo = sidewaysPhotoWithGps(400, 200);
        QVERIFY(photo.contains("Exif"));
        QCOMPARE(QImage::fromData(photo).size(), QSize(400, 200));
        const QJsonObject file = m_client->uploadWhole(m_jimin, m_room, u"IMG_0001.jpg"_s, photo);
        QCOMPARE(file.value("type"_L1).toString(), u"image/jpeg"_s);
        QCOMPARE(file.value("image"_L1).toObject(),
                 (QJsonObject{{u"width"_s, 200}, {u"height"_s, 400}}));
        QCOMPARE(file.value("preview"_L1).toBool(), true);

        const RawResult got = download(m_jimin, file.value("id"_L1).toString());
        QCOMPARE(got.status, 200);
        // What is stored is the cleaned image, and its size and hash are the cleaned one's.
        QCOMPARE(got.body.size(), file.value("size"_L1).toInteger());
        QCOMPARE(sha256Of(got.body), file.value("sha256"_L1).toString());
        QVERIFY(!got.body.contains("Exif"));
        QVERIFY(!got.body.contains(QByteArray("\xff\xe1", 2)));
        const QImage upright = QImage::fromData(got.body);
        QCOMPARE(upright.size(), QSize(200, 400));
        // Turned clockwise: what was on the left is now on top.
        QVERIFY(isReddish(upright.pixel(100, 50)));
        QVERIFY(isBluish(upright.pixel(100, 350)));

        const RawResult preview = m_client->raw(
            "GET", path::FilesBase + file.value("id"_L1).toString() + path::PreviewSuffix, m_jimin);
        QCOMPARE(preview.status, 200);
        QCOMPARE(preview.header("Content-Type"), QByteArray("image/jpeg"));
        const QImage small = QImage::fromData(preview.body);
        QCOMPARE(small.size(), QSize(160, 320));
        QVERIFY(isReddish(small.pixel(80, 40)));
        QVERIFY(!preview.body.contains("Exif"));

        // A PNG with alpha keeps it in its preview; a small image is its own size.
        QImage translucent(32, 16, QImage::Format_ARGB32);
        translucent.fill(QColor(0, 0, 255, 100));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        translucent.setText(u"Comment"_s, u"Seoul 37.5665 N"_s);
        translucent.save(&buffer, "PNG");
        QVERIFY(png.contains("Seoul"));
        const QJsonObject pngFile = m_client->uploadWhole(m_jimin, m_room, u"화면.png"_s, png);
        const RawResult stored = download(m_jimin, pngFile.value("id"_L1).toString());
        QVERIFY(!stored.body.contains("Seoul"));
        const RawResult pngPreview = m_client->raw(
            "GET", path::FilesBase + pngFile.value("id"_L1).toString() + path::PreviewSuffix,
            m_jimin);
        QCOMPARE(pngPreview.header("Content-Type"), QByteArray("image/png"));
        QCOMPARE(QImage::fromData(pngPreview.body).size(), QSize(32, 16));
        QVERIFY(QImage::fromData(pngPreview.body).hasAlphaChannel());

        // No preview for what is not an image.
        const QString text = uploadWhole(m_jimin, m_room, u"a.txt"_s, "text\n");
        QCOMPARE(m_client->raw("GET", path::FilesBase + text + path::PreviewSuffix, m_jimin).status,
                 404);
    }

    void theSameBytesAreStoredOnce()
    {
        const QByteArray bytes = randomBytes(5000) + "dedup";
        const int before = blobsIn(m_dir.path());
        const QString first = uploadWhole(m_jimin, m_room, u"첫째.bin"_s, bytes);
        const QString second = uploadWhole(m_daniel, m_room, u"둘째.bin"_s, bytes);
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        QCOMPARE(blobsIn(m_dir.path()), before + 1);
        const QString firstMessage = sendWithFiles(m_jimin, m_room, QString(), {first})
                                         .json.value("message"_L1)
                                         .toObject()
                                         .value("id"_L1)
                                         .toString();
        const QString secondMessage = sendWithFiles(m_daniel, m_room, QString(), {second})
                                          .json.value("message"_L1)
                                          .toObject()
                                          .value("id"_L1)
                                          .toString();
        QCOMPARE(download(m_daniel, first).body, bytes);
        QCOMPARE(download(m_jimin, second).body, bytes);

        // Deleting one message keeps the other's file.
        QCOMPARE(deleteMessage(m_jimin, m_room, firstMessage).status, 200);
        QCOMPARE(download(m_daniel, first).status, 404);
        QCOMPARE(download(m_jimin, second).body, bytes);
        QCOMPARE(blobsIn(m_dir.path()), before + 1);
        const QJsonObject tombstone = lastMessageWithId(m_daniel, m_room, firstMessage);
        QVERIFY(tombstone.value("deleted"_L1).toBool());
        QVERIFY(!tombstone.contains("attachments"_L1));

        // Deleting the last one takes the content off the disk.
        QCOMPARE(deleteMessage(m_daniel, m_room, secondMessage).status, 200);
        QCOMPARE(download(m_jimin, second).status, 404);
        QCOMPARE(blobsIn(m_dir.path()), before);
    }

    void onlyThoseWhoReadTheConversationDownload()
    {
        const QString fileId = uploadWhole(m_jimin, m_room, u"회의록.txt"_s, "회의록\n");
        QCOMPARE(sendWithFiles(m_jimin, m_room, u"회의록"_s, {fileId}).status, 200);
        QCOMPARE(download(m_daniel, fileId).status, 200);
        // Not a member of the workspace: as if there were no such file.
        const RawResult outsider = download(m_minji, fileId);
        QCOMPARE(outsider.status, 404);
        QCOMPARE(outsider.errorCode(), u"not_found"_s);
        QCOMPARE(download(m_minji, u"f_nonexistent"_s).status, 404);
        QCOMPARE(download(Member{}, fileId).status, 401);
        // Nor may an outsider start an upload there.
        QVERIFY(startUploadAnswer(m_minji, m_room, u"x.txt"_s, 10).status >= 400);
    }

    void aKoreanNameIsSafeInContentDisposition()
    {
        const QString name = u"2026년 \"예산\" 보고서 (최종).hwp"_s;
        const QString fileId = uploadWhole(m_jimin, m_room, name, "보고서\n");
        const QByteArray disposition = download(m_jimin, fileId).header("Content-Disposition");
        QCOMPARE(disposition, moim::protocol::contentDisposition(name));
        QVERIFY(disposition.startsWith("attachment; filename=\"2026_ ____ ___ (__).hwp\"; "));
        QVERIFY(disposition.contains("filename*=UTF-8''2026%EB%85%84%20%22"));
        QCOMPARE(moim::protocol::fileNameFromContentDisposition(disposition).value_or(QString()),
                 name);
    }

    void aRangeIsServedOrRefused()
    {
        const QByteArray bytes = randomBytes(1000);
        const QString fileId = uploadWhole(m_jimin, m_room, u"range.bin"_s, bytes);
        RawResult got = download(m_jimin, fileId, "bytes=10-19");
        QCOMPARE(got.status, 206);
        QCOMPARE(got.body, bytes.mid(10, 10));
        QCOMPARE(got.header("Content-Range"), QByteArray("bytes 10-19/1000"));
        QCOMPARE(got.header("Content-Length"), QByteArray("10"));
        got = download(m_jimin, fileId, "bytes=990-");
        QCOMPARE(got.status, 206);
        QCOMPARE(got.body, bytes.mid(990));
        got = download(m_jimin, fileId, "bytes=1000-");
        QCOMPARE(got.status, 416);
        QCOMPARE(got.header("Content-Range"), QByteArray("bytes */1000"));
        // Several ranges are not served as such: the whole file comes.
        got = download(m_jimin, fileId, "bytes=0-1,5-6");
        QCOMPARE(got.status, 200);
        QCOMPARE(got.body, bytes);
    }

    void limitsAreKept()
    {
        RawResult answer =
            startUploadAnswer(m_jimin, m_room, u"huge.iso"_s, limits::MaxFileBytes + 1);
        QCOMPARE(answer.status, 413);
        QCOMPARE(answer.errorCode(), u"too_large"_s);
        QCOMPARE(answer.json().value("error"_L1).toObject().value("max_bytes"_L1).toInteger(),
                 limits::MaxFileBytes);
        QCOMPARE(startUploadAnswer(m_jimin, m_room, u"exact.iso"_s, limits::MaxFileBytes).status,
                 201);
        for (const qint64 size : {qint64(0), qint64(-1)})
            QCOMPARE(startUploadAnswer(m_jimin, m_room, u"a.txt"_s, size).status, 400);

        for (const QString &name : {QString(), u"."_s, u".."_s, u"a/b.txt"_s, u"a\\b.txt"_s,
                                    u"a\nb.txt"_s, QString(limits::MaxFileNameLength + 1, u'가')}) {
            answer = startUploadAnswer(m_jimin, m_room, name, 10);
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.json().value("error"_L1).toObject().value("field"_L1).toString(),
                     u"name"_s);
        }
        QCOMPARE(startUploadAnswer(m_jimin, m_room, QString(limits::MaxFileNameLength, u'가'), 10)
                     .status,
                 201);

        // Eleven attachments are one too many.
        QStringList files;
        for (int i = 0; i < limits::MaxAttachmentsPerMessage + 1; ++i)
            files.append(uploadWhole(m_daniel, m_room, u"%1.txt"_s.arg(i), "파일\n"));
        HttpResult sent = sendWithFiles(m_daniel, m_room, u"많다"_s, files);
        QCOMPARE(sent.status, 400);
        QCOMPARE(sent.errorField(), u"attachments"_s);
        sent = sendWithFiles(m_daniel, m_room, u"열 개"_s, files.first(10));
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.json.value("message"_L1).toObject().value("attachments"_L1).toArray().size(),
                 10);
        // Someone else's file, an unknown one, or whitespace for a body are refused.
        const QString jiminsFile = uploadWhole(m_jimin, m_room, u"mine.txt"_s, "mine\n");
        QCOMPARE(sendWithFiles(m_daniel, m_room, u"남의 것"_s, {jiminsFile}).errorField(),
                 u"attachments"_s);
        QCOMPARE(sendWithFiles(m_jimin, m_room, u"없는 것"_s, {u"f_nonexistent"_s}).errorField(),
                 u"attachments"_s);
        QCOMPARE(sendWithFiles(m_jimin, m_room, u"   "_s, {jiminsFile}).status, 400);

        // At most 20 unfinished uploads per user; the 21st waits for one to finish or go.
        const Member minji = m_client->signIn(MinjiEmail);
        const QString hq = minji.workspaces.value(u"Moim HQ"_s);
        const QString random = m_client->conversationNamed(minji, hq, u"random"_s);
        QVERIFY(!random.isEmpty());
        QStringList started;
        for (int i = 0; i < limits::MaxUnfinishedUploads; ++i) {
            answer = startUploadAnswer(minji, random, u"%1.bin"_s.arg(i), 100);
            QCOMPARE(answer.status, 201);
            started.append(answer.json().value("upload"_L1).toObject().value("id"_L1).toString());
        }
        answer = startUploadAnswer(minji, random, u"21.bin"_s, 100);
        QCOMPARE(answer.status, 429);
        QCOMPARE(answer.errorCode(), u"too_many_uploads"_s);
        QCOMPARE(sendPiece(minji, started.first(), 0, randomBytes(100)).status, 200);
        QCOMPARE(startUploadAnswer(minji, random, u"21.bin"_s, 100).status, 201);
        // An unfinished upload expires a day after its last piece (signed in again: the access
        // token has expired by then too).
        m_server->clock().advance(limits::UploadExpirySeconds + 1);
        const Member dayLater = m_client->signIn(MinjiEmail);
        QCOMPARE(showUpload(dayLater, started.last()).status, 404);
        QCOMPARE(startUploadAnswer(dayLater, random, u"22.bin"_s, 100).status, 201);
        m_server->clock().advance(-(limits::UploadExpirySeconds + 1));
    }

    void aChecksumMismatchStartsTheUploadAgain()
    {
        const QByteArray bytes = randomBytes(2000);
        QByteArray other = bytes;
        other[1500] = char(other[1500] ^ 1);
        const RawResult started =
            startUploadAnswer(m_jimin, m_room, u"sum.bin"_s, bytes.size(), sha256Of(bytes));
        QCOMPARE(started.status, 201);
        const QString id = started.json().value("upload"_L1).toObject().value("id"_L1).toString();
        QCOMPARE(sendPiece(m_jimin, id, 0, other.first(1000)).status, 204);
        RawResult answer = sendPiece(m_jimin, id, 1000, other.mid(1000));
        QCOMPARE(answer.status, 422);
        QCOMPARE(answer.errorCode(), u"checksum_mismatch"_s);
        QCOMPARE(showUpload(m_jimin, id)
                     .json.value("upload"_L1)
                     .toObject()
                     .value("offset"_L1)
                     .toInteger(),
                 0);
        QCOMPARE(sendPiece(m_jimin, id, 0, bytes).status, 200);
        QCOMPARE(startUploadAnswer(m_jimin, m_room, u"bad.bin"_s, 10, u"abc"_s).status, 400);
    }

    // A server killed in the middle of an upload resumes from the offset it confirmed last, even
    // with bytes it wrote but never confirmed, and completes it once.
    void aKilledServerResumesAtTheConfirmedOffset()
    {
        moim::test::MockServerProcess process;
        QVERIFY(process.start());
        ServerTestClient client(process.url());
        const Member jimin = client.signIn(JiminEmail);
        const QString hq = jimin.workspaces.value(u"Moim HQ"_s);
        const QString random = client.conversationNamed(jimin, hq, u"random"_s);
        QVERIFY(!random.isEmpty());

        const QByteArray bytes = randomBytes(3 * 100'000 + 123);
        const RawResult started =
            client.raw("POST", path::ConversationsBase + random + path::UploadsSuffix, jimin,
                       {{"Content-Type", "application/json"}},
                       QJsonDocument(QJsonObject{{u"name"_s, u"resume.bin"_s},
                                                 {u"size"_s, bytes.size()},
                                                 {u"sha256"_s, sha256Of(bytes)}})
                           .toJson());
        QCOMPARE(started.status, 201);
        const QString id = started.json().value("upload"_L1).toObject().value("id"_L1).toString();
        const auto piece = [&](qint64 offset, const QByteArray &data) {
            return client.raw("PATCH", path::UploadsBase + id, jimin,
                              {{"Content-Type", "application/offset+octet-stream"},
                               {"Upload-Offset", QByteArray::number(offset)}},
                              data);
        };
        QCOMPARE(piece(0, bytes.first(100'000)).status, 204);
        QCOMPARE(piece(100'000, bytes.mid(100'000, 100'000)).status, 204);

        process.kill();
        // What a server dying between writing and confirming leaves behind.
        QFile part(process.dataDir() + u"/uploads/"_s + id + u".part"_s);
        QVERIFY(part.open(QIODevice::Append));
        part.write(QByteArray(5000, 'x'));
        part.close();
        QVERIFY(process.restart());

        const RawResult resumed = client.raw("GET", path::UploadsBase + id, jimin);
        QCOMPARE(resumed.status, 200);
        QCOMPARE(resumed.json().value("upload"_L1).toObject().value("offset"_L1).toInteger(),
                 200'000);
        QCOMPARE(piece(0, bytes.first(100'000)).status, 409);
        QCOMPARE(piece(200'000, bytes.mid(200'000, 100'000)).status, 204);
        const RawResult done = piece(300'000, bytes.mid(300'000));
        QCOMPARE(done.status, 200);
        const QJsonObject file = done.json().value("file"_L1).toObject();
        QCOMPARE(file.value("sha256"_L1).toString(), sha256Of(bytes));
        // Once: asking again brings the same file, and a repeated last piece adds nothing.
        QCOMPARE(
            client.raw("GET", path::UploadsBase + id, jimin).json().value("file"_L1).toObject(),
            file);
        QCOMPARE(piece(300'000, bytes.mid(300'000)).status, 409);
        QCOMPARE(client.raw("GET", path::FilesBase + file.value("id"_L1).toString(), jimin).body,
                 bytes);
        QCOMPARE(blobsIn(process.dataDir()), 1);
    }

    // Last: it locks the workspace for the rest of the run.
    void theTwoStepLockClosesFiles()
    {
        const QString sentFile = uploadWhole(m_jimin, m_room, u"잠금.txt"_s, "잠금\n");
        QCOMPARE(sendWithFiles(m_jimin, m_room, u"잠금"_s, {sentFile}).status, 200);
        const QString id =
            startUpload(m_jimin, m_room, u"half.bin"_s, 100).value("id"_L1).toString();
        QStringList members;
        QVERIFY(m_server->accounts().setRequireTwoStep(m_design, true, &members));
        const QList<RawResult> answers{download(m_daniel, sentFile),
                                       download(m_jimin, sentFile),
                                       startUploadAnswer(m_jimin, m_room, u"a.txt"_s, 10),
                                       sendPiece(m_jimin, id, 0, randomBytes(100)),
                                       m_client->raw("GET", path::UploadsBase + id, m_jimin),
                                       m_client->raw("DELETE", path::UploadsBase + id, m_jimin)};
        for (const RawResult &answer : answers)
            QCOMPARE(answer.status, 403);
        QCOMPARE(download(m_daniel, sentFile).errorCode(), u"two_step_required"_s);
    }

    // A database from before files keeps its messages, which carry no attachments.
    void anExistingDatabaseMovesToFiles()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"moim.db"_s);
        {
            Database database;
            QString error;
            QVERIFY2(database.open(file, &error, 13), qPrintable(error));
            QSqlQuery query(database.handle());
            QVERIFY(query.exec(u"PRAGMA foreign_keys=OFF"_s));
            QVERIFY(query.exec(u"INSERT INTO messages (id, conversation_id, author, body, "
                               "created_at, seq, version) VALUES ('m_old', 'c_old', 'u_old', "
                               "'지난주 회의록', 1, 7, 7)"_s));
        }
        Database database;
        QString error;
        QVERIFY2(database.open(file, &error), qPrintable(error));
        QSqlQuery query(database.handle());
        QVERIFY(query.exec(u"SELECT body, (SELECT COUNT(*) FROM files WHERE message_id = "
                           "'m_old') FROM messages WHERE id = 'm_old'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"지난주 회의록"_s);
        QCOMPARE(query.value(1).toInt(), 0);
        QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), Database::SchemaVersion);
        for (const QString &table : {u"blobs"_s, u"files"_s, u"uploads"_s})
            QVERIFY2(query.exec(u"SELECT COUNT(*) FROM "_s + table), qPrintable(table));
    }

private:
    static QByteArray zip(const QList<std::pair<QByteArray, QByteArray>> &entries)
    {
        // Stored entries (no compression), a central directory and its end record.
        QByteArray out;
        QByteArray directory;
        for (const auto &[name, data] : entries) {
            const quint32 crc = 0; // not checked by a type sniffer
            QByteArray local("PK\3\4", 4);
            appendLe16(local, 10);
            appendLe16(local, 0);
            appendLe16(local, 0);
            appendLe32(local, 0);
            appendLe32(local, crc);
            appendLe32(local, quint32(data.size()));
            appendLe32(local, quint32(data.size()));
            appendLe16(local, quint16(name.size()));
            appendLe16(local, 0);
            QByteArray central("PK\1\2", 4);
            appendLe16(central, 20);
            appendLe16(central, 10);
            appendLe16(central, 0);
            appendLe16(central, 0);
            appendLe32(central, 0);
            appendLe32(central, crc);
            appendLe32(central, quint32(data.size()));
            appendLe32(central, quint32(data.size()));
            appendLe16(central, quint16(name.size()));
            appendLe16(central, 0);
            appendLe16(central, 0);
            appendLe16(central, 0);
            appendLe16(central, 0);
            appendLe32(central, 0);
            appendLe32(central, quint32(out.size()));
            directory += central + name;
            out += local + name + data;
        }
        QByteArray end("PK\5\6", 4);
        appendLe16(end, 0);
        appendLe16(end, 0);
        appendLe16(end, quint16(entries.size()));
        appendLe16(end, quint16(entries.size()));
        appendLe32(end, quint32(directory.size()));
        appendLe32(end, quint32(out.size()));
        appendLe16(end, 0);
        return out + directory + end;
    }

    RawResult startUploadAnswer(const Member &member, const QString &conversationId,
                                const QString &name, qint64 size, const QString &sha256 = {})
    {
        QJsonObject body{{u"name"_s, name}, {u"size"_s, size}};
        if (!sha256.isEmpty())
            body.insert(u"sha256"_s, sha256);
        return m_client->raw("POST", path::ConversationsBase + conversationId + path::UploadsSuffix,
                             member, {{"Content-Type", "application/json"}},
                             QJsonDocument(body).toJson());
    }

    QJsonObject startUpload(const Member &member, const QString &conversationId,
                            const QString &name, qint64 size)
    {
        const RawResult answer = startUploadAnswer(member, conversationId, name, size);
        if (answer.status != 201)
            qWarning() << "upload refused:" << answer.status << answer.body;
        return answer.json().value("upload"_L1).toObject();
    }

    RawResult sendPiece(const Member &member, const QString &uploadId, qint64 offset,
                        const QByteArray &piece)
    {
        return m_client->raw("PATCH", path::UploadsBase + uploadId, member,
                             {{"Content-Type", "application/offset+octet-stream"},
                              {"Upload-Offset", QByteArray::number(offset)}},
                             piece);
    }

    HttpResult showUpload(const Member &member, const QString &uploadId)
    {
        return m_client->call("GET", path::UploadsBase + uploadId, member);
    }

    QString uploadWhole(const Member &member, const QString &conversationId, const QString &name,
                        const QByteArray &bytes)
    {
        return m_client->uploadWhole(member, conversationId, name, bytes).value("id"_L1).toString();
    }

    HttpResult sendWithFiles(const Member &member, const QString &conversationId,
                             const QString &body, const QStringList &fileIds)
    {
        return m_client->call(
            "POST", path::ConversationsBase + conversationId + path::MessagesSuffix, member,
            {{u"client_id"_s, u"files-%1"_s.arg(++m_sent)},
             {u"body"_s, body},
             {u"attachments"_s, QJsonArray::fromStringList(fileIds)}});
    }

    HttpResult deleteMessage(const Member &member, const QString &conversationId,
                             const QString &messageId)
    {
        return m_client->call("DELETE",
                              path::ConversationsBase + conversationId + path::MessagesSuffix +
                                  u'/' + messageId,
                              member);
    }

    RawResult download(const Member &member, const QString &fileId, const QByteArray &range = {})
    {
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!range.isEmpty())
            headers.append({"Range", range});
        return m_client->raw("GET", path::FilesBase + fileId, member, headers);
    }

    QJsonObject lastMessage(const Member &member, const QString &conversationId)
    {
        const QJsonArray messages =
            m_client
                ->call("GET", path::ConversationsBase + conversationId + path::MessagesSuffix,
                       member)
                .messages();
        return messages.last().toObject();
    }

    QJsonObject lastMessageWithId(const Member &member, const QString &conversationId,
                                  const QString &messageId)
    {
        const QJsonArray messages =
            m_client
                ->call("GET", path::ConversationsBase + conversationId + path::MessagesSuffix,
                       member)
                .messages();
        for (const QJsonValue &value : messages) {
            if (value.toObject().value("id"_L1).toString() == messageId)
                return value.toObject();
        }
        return {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    Member m_jimin;
    Member m_daniel;
    Member m_minji;
    QString m_design;
    QString m_room;
    int m_sent = 0;
};

QTEST_GUILESS_MAIN(TestFilesServer)
#include "test_files_server.moc"
