// Files coming down to a desktop from the real mock server in this process: saved whole and
// byte-identical with a free name in the download folder, cancelled without a trace, refused to a
// member of another workspace, continued from a part file with a Range, and image previews
// fetched once, then served from memory and, for the next start, from the disk cache.
#include "chat/file_downloads.h"
#include "fault_proxy.h"
#include "net/api_client.h"
#include "net/api_download.h"
#include "net/authorized_api.h"
#include "server_test_client.h"

#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace moim::server::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(20261204);
    for (char &byte : bytes)
        byte = char(generator.bounded(256));
    return bytes;
}

QByteArray pngOf(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A desktop's calls for one member: the API client and the token-carrying layer over it.
struct Desktop
{
    Desktop(const QUrl &server, const QString &accessToken)
        : api(ServerAddress::parse(server.toString()), u"moim-desktop"_s, u"0.1.0"_s)
        , authorized(&api)
    {
        authorized.setAccessToken(accessToken);
    }
    ApiClient api;
    AuthorizedApi authorized;
};

} // namespace

class TestE2eDownloads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    QTemporaryDir m_home;
    std::unique_ptr<moim::server::MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    Member m_jimin;
    Member m_minji;
    QString m_room;

    Attachment upload(const QString &name, const QByteArray &bytes)
    {
        return Attachment::fromJson(m_client->uploadWhole(m_jimin, m_room, name, bytes))
            .value_or(Attachment{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = startDemoServer(m_serverDir.path(), &error);
        QVERIFY2(m_server, qPrintable(error));
        m_client = std::make_unique<ServerTestClient>(*m_server);
        m_jimin = m_client->signIn(u"jimin.kim@moim.example"_s);
        m_minji = m_client->signIn(u"minji.choi@moim.example"_s);
        const QString design = m_jimin.workspaces.value(u"Design Studio"_s);
        QVERIFY(!design.isEmpty());
        QVERIFY(!m_minji.workspaces.contains(u"Design Studio"_s));
        m_room = m_client->createChannel(m_jimin, design, u"downloads"_s, false);
        QVERIFY(!m_room.isEmpty());
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void aSavedFileArrivesWholeUnderAFreeName()
    {
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 17);
        const Attachment attachment = upload(u"보고서.hwp"_s, bytes);
        QVERIFY(!attachment.fileId.isEmpty());

        Desktop desktop(m_server->url(), m_jimin.accessToken);
        FileDownloads downloads(&desktop.authorized, m_home.filePath(u"cache"_s));
        // Not there yet: the folder is made for the first file.
        const QString folder = m_home.filePath(u"다운로드/new"_s);
        downloads.setDownloadFolder(folder);
        QSignalSpy changed(&downloads, &FileDownloads::downloadChanged);
        QSignalSpy finished(&downloads, &FileDownloads::downloadFinished);
        QSignalSpy failed(&downloads, &FileDownloads::downloadFailed);

        const QString key = downloads.saveToDownloads(attachment);
        QVERIFY(finished.wait(30'000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(finished.first().at(0).toString(), key);
        QCOMPARE(finished.first().at(1).toString(), attachment.fileId);
        const QString path = finished.first().at(2).toString();
        QCOMPARE(path, folder + u"/보고서.hwp"_s);
        QCOMPARE(contentOf(path), bytes);
        QVERIFY(!QFile::exists(path + u".part"_s));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.last().at(2).toLongLong(), bytes.size());
        QCOMPARE(changed.last().at(3).toLongLong(), bytes.size());
        QVERIFY(!downloads.isActive(key));

        // The same file again does not overwrite the first.
        downloads.saveToDownloads(attachment);
        QVERIFY(finished.wait(30'000));
        QCOMPARE(finished.last().at(2).toString(), folder + u"/보고서 (1).hwp"_s);
        QCOMPARE(contentOf(folder + u"/보고서 (1).hwp"_s), bytes);

        // Saved where the user chose, replacing what was there.
        const QString chosen = m_home.filePath(u"chosen.bin"_s);
        QFile old(chosen);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old content");
        old.close();
        downloads.save(attachment, chosen);
        QVERIFY(finished.wait(30'000));
        QCOMPARE(contentOf(chosen), bytes);
    }

    void namesAreMadeSafe()
    {
        QCOMPARE(FileDownloads::safeFileName(u"../../.bashrc"_s), u"_.._.bashrc"_s);
        QCOMPARE(FileDownloads::safeFileName(u"..hidden"_s), u"hidden"_s);
        QCOMPARE(FileDownloads::safeFileName(u"a/b\\c.txt"_s), u"a_b_c.txt"_s);
        QCOMPARE(FileDownloads::safeFileName(u"tab\there.txt"_s), u"tab_here.txt"_s);
        QCOMPARE(FileDownloads::safeFileName(u"..."_s), u"file"_s);
        QCOMPARE(FileDownloads::safeFileName(QString()), u"file"_s);
        // 255 Korean characters are 765 bytes of UTF-8; a file system takes 255.
        const QString longName = QString(255 - 4, QChar(u'가')) + u".hwp"_s;
        const QString safe = FileDownloads::safeFileName(longName);
        QVERIFY(safe.toUtf8().size() <= 240);
        QVERIFY(safe.endsWith(u"가.hwp"_s));
    }

    void aCancelledDownloadLeavesNothing()
    {
        const QByteArray bytes = randomBytes(24 * 1024 * 1024);
        const Attachment attachment = upload(u"big.bin"_s, bytes);
        QVERIFY(!attachment.fileId.isEmpty());

        Desktop desktop(m_server->url(), m_jimin.accessToken);
        FileDownloads downloads(&desktop.authorized, m_home.filePath(u"cache"_s));
        const QString folder = m_home.filePath(u"cancelled"_s);
        downloads.setDownloadFolder(folder);
        QSignalSpy finished(&downloads, &FileDownloads::downloadFinished);
        QSignalSpy failed(&downloads, &FileDownloads::downloadFailed);
        QString key;
        qint64 receivedWhenCancelled = -1;
        connect(&downloads, &FileDownloads::downloadChanged, this,
                [&](const QString &changedKey, const QString &, qint64 received, qint64) {
                    if (changedKey == key && received > 0 && receivedWhenCancelled < 0) {
                        receivedWhenCancelled = received;
                        // The part file exists while it comes.
                        QVERIFY(QFile::exists(folder + u"/big.bin.part"_s));
                        downloads.cancel(key);
                    }
                });
        key = downloads.saveToDownloads(attachment);
        QVERIFY(QTest::qWaitFor([&] { return receivedWhenCancelled > 0; }, 30'000));
        QVERIFY(receivedWhenCancelled < bytes.size());
        QTest::qWait(300);
        QVERIFY(!downloads.isActive(key));
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList());
    }

    // The viewer moving on stops its full image, but not an Open that joined the same download.
    void aViewerMovingOnLeavesAJoinedOpenGoing()
    {
        const QByteArray bytes = randomBytes(3 * 1024 * 1024);
        const Attachment attachment = upload(u"원본.bin"_s, bytes);
        QVERIFY(!attachment.fileId.isEmpty());

        Desktop desktop(m_server->url(), m_jimin.accessToken);
        FileDownloads downloads(&desktop.authorized, m_home.filePath(u"joined-cache"_s));
        QSignalSpy shown(&downloads, &FileDownloads::fullImageReady);
        QSignalSpy opened(&downloads, &FileDownloads::readyToOpen);
        const QString viewerKey = downloads.fullImage(attachment);
        QVERIFY(downloads.isActive(viewerKey));
        QCOMPARE(downloads.open(attachment), viewerKey); // one download for both
        downloads.stopFullImage(viewerKey);
        QVERIFY(downloads.isActive(viewerKey));
        QVERIFY(opened.wait(30'000));
        QCOMPARE(opened.first().at(1).toString(), downloads.cachedPath(attachment));
        QCOMPARE(contentOf(downloads.cachedPath(attachment)), bytes);
        QCOMPARE(shown.size(), 0);

        // Alone, the viewer's download stops and leaves no part file.
        const Attachment other = upload(u"다른 원본.bin"_s, randomBytes(3 * 1024 * 1024));
        const QString alone = downloads.fullImage(other);
        QVERIFY(downloads.isActive(alone));
        downloads.stopFullImage(alone);
        QVERIFY(!downloads.isActive(alone));
        QTest::qWait(200);
        QCOMPARE(shown.size(), 0);
        QVERIFY(!QFile::exists(downloads.cachedPath(other) + u".part"_s));
        QVERIFY(!QFile::exists(downloads.cachedPath(other)));
    }

    void aMemberOfAnotherWorkspaceGetsNotFound()
    {
        const Attachment attachment = upload(u"비밀.txt"_s, "우리끼리만\n");
        QVERIFY(!attachment.fileId.isEmpty());

        Desktop desktop(m_server->url(), m_minji.accessToken);
        FileDownloads downloads(&desktop.authorized, m_home.filePath(u"minji-cache"_s));
        const QString folder = m_home.filePath(u"minji"_s);
        downloads.setDownloadFolder(folder);
        QSignalSpy failed(&downloads, &FileDownloads::downloadFailed);
        QSignalSpy finished(&downloads, &FileDownloads::downloadFinished);
        const QString key = downloads.saveToDownloads(attachment);
        QVERIFY(failed.wait(10'000));
        QCOMPARE(failed.first().at(0).toString(), key);
        QCOMPARE(failed.first().at(2).value<ApiError::Code>(), ApiError::Code::NotFound);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList());

        // The same answer for a file that does not exist at all, and for its preview.
        QSignalSpy previewFailed(&downloads, &FileDownloads::previewFailed);
        QVERIFY(downloads.preview(attachment.fileId).isEmpty());
        QVERIFY(previewFailed.wait(10'000));
        QCOMPARE(previewFailed.first().at(1).value<ApiError::Code>(), ApiError::Code::NotFound);
    }

    void anExpiredTokenIsRefreshedOnceAndTheDownloadGoesOn()
    {
        const QByteArray bytes = randomBytes(100'000);
        const Attachment attachment = upload(u"refresh.bin"_s, bytes);
        Desktop desktop(m_server->url(), u"expired-token"_s);
        int refreshes = 0;
        connect(&desktop.authorized, &AuthorizedApi::refreshNeeded, this, [&] {
            ++refreshes;
            desktop.authorized.setAccessToken(m_jimin.accessToken);
        });
        QFile target(m_home.filePath(u"refreshed.bin"_s));
        QVERIFY(target.open(QIODevice::ReadWrite | QIODevice::Truncate));
        ApiDownload *download = desktop.authorized.download(
            moim::protocol::path::FilesBase + attachment.fileId, &target, this);
        QSignalSpy finished(download, &ApiDownload::finished);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().first().value<ApiError>().code, ApiError::Code::None);
        QCOMPARE(refreshes, 1);
        target.close();
        QCOMPARE(contentOf(target.fileName()), bytes);
        delete download;
    }

    void theStreamRefusedToAnotherWorkspaceWritesNothing()
    {
        const Attachment attachment = upload(u"비밀.txt"_s, "우리끼리만\n");
        QVERIFY(!attachment.fileId.isEmpty());
        Desktop desktop(m_server->url(), m_minji.accessToken);
        QFile target(m_home.filePath(u"minji.txt"_s));
        QVERIFY(target.open(QIODevice::ReadWrite | QIODevice::Truncate));
        ApiDownload *download = desktop.authorized.download(
            moim::protocol::path::FilesBase + attachment.fileId, &target, this);
        QSignalSpy progress(download, &ApiDownload::progress);
        QSignalSpy finished(download, &ApiDownload::finished);
        QVERIFY(finished.wait(10'000));
        QCOMPARE(finished.first().first().value<ApiError>().code, ApiError::Code::NotFound);
        // The error's body is never taken for the file's.
        QCOMPARE(target.size(), 0);
        QCOMPARE(progress.size(), 0);
        delete download;
    }

    // The streaming GET on its own: a target that holds the first half gets the rest with a
    // Range, one that holds all of it gets nothing more, and one that holds more than the file
    // (damaged) is written again from the start.
    void aTargetIsContinuedWhereItStops()
    {
        const QByteArray bytes = randomBytes(1024 * 1024 + 5);
        const Attachment attachment = upload(u"range.bin"_s, bytes);
        Desktop desktop(m_server->url(), m_jimin.accessToken);
        const QString path = m_home.filePath(u"range.bin"_s);
        qint64 total = -1;
        const auto downloadOver = [&](const QByteArray &held, QList<qint64> *progress) {
            QFile target(path);
            if (!target.open(QIODevice::ReadWrite | QIODevice::Truncate))
                return ApiError::fromCode(ApiError::Code::LocalFile);
            target.write(held);
            ApiDownload *download = desktop.authorized.download(
                moim::protocol::path::FilesBase + attachment.fileId, &target, nullptr);
            connect(download, &ApiDownload::progress, this,
                    [progress](qint64 received, qint64) { progress->append(received); });
            QSignalSpy finished(download, &ApiDownload::finished);
            finished.wait(30'000);
            const ApiError error = finished.isEmpty() ? ApiError::fromCode(ApiError::Code::Network)
                                                      : finished.first().first().value<ApiError>();
            total = download->total();
            delete download;
            return error;
        };
        QList<qint64> progress;
        QCOMPARE(downloadOver(bytes.first(bytes.size() / 2), &progress).code, ApiError::Code::None);
        QCOMPARE(contentOf(path), bytes);
        QCOMPARE(progress.first(), bytes.size() / 2);
        QCOMPARE(progress.last(), bytes.size());
        QCOMPARE(total, bytes.size());

        progress.clear();
        QCOMPARE(downloadOver(bytes, &progress).code, ApiError::Code::None);
        QCOMPARE(contentOf(path), bytes);
        QVERIFY(progress.isEmpty());
        QCOMPARE(total, bytes.size());

        progress.clear();
        QCOMPARE(downloadOver(bytes + "damaged tail", &progress).code, ApiError::Code::None);
        QCOMPARE(contentOf(path), bytes);
        QCOMPARE(progress.first(), 0);
    }

    void aPartFileIsContinuedWithARange()
    {
        const QByteArray bytes = randomBytes(2 * 1024 * 1024 + 3);
        const Attachment attachment = upload(u"이어받기.pdf"_s, bytes);
        QVERIFY(!attachment.fileId.isEmpty());

        Desktop desktop(m_server->url(), m_jimin.accessToken);
        FileDownloads downloads(&desktop.authorized, m_home.filePath(u"resume-cache"_s));
        const QString path = downloads.cachedPath(attachment);
        QVERIFY(path.startsWith(m_home.filePath(u"resume-cache"_s)));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const qsizetype half = bytes.size() / 2;
        QFile part(path + u".part"_s);
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(bytes.first(half));
        part.close();

        QSignalSpy changed(&downloads, &FileDownloads::downloadChanged);
        QSignalSpy ready(&downloads, &FileDownloads::readyToOpen);
        downloads.open(attachment);
        QVERIFY(ready.wait(30'000));
        QCOMPARE(ready.first().at(0).toString(), attachment.fileId);
        QCOMPARE(ready.first().at(1).toString(), path);
        QCOMPARE(contentOf(path), bytes);
        QVERIFY(!QFile::exists(path + u".part"_s));
        // It went on from the half it had: the first progress already counts it.
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.first().at(2).toLongLong(), half);
        QCOMPARE(changed.first().at(3).toLongLong(), bytes.size());

        // Whole in the cache, it opens without a download.
        changed.clear();
        downloads.open(attachment);
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.last().at(1).toString(), path);
        QCOMPARE(changed.size(), 0);

        // The viewer's full image is the same cached file.
        QSignalSpy fullImage(&downloads, &FileDownloads::fullImageReady);
        downloads.fullImage(attachment);
        QVERIFY(fullImage.wait(5000));
        QCOMPARE(fullImage.first().at(1).toString(), path);
    }

    void aPreviewIsFetchedOnceThenServedFromMemoryAndDisk()
    {
        const Attachment red = upload(u"빨강.png"_s, pngOf(800, 600, Qt::red));
        const Attachment blue = upload(u"파랑.png"_s, pngOf(600, 900, Qt::blue));
        QVERIFY(red.hasPreview && blue.hasPreview);

        moim::test::FaultProxy proxy(m_server->url());
        QVERIFY(proxy.listen());
        const auto previewRequests = [&] {
            int count = 0;
            for (const QByteArray &request : proxy.requests())
                count += request.endsWith("/preview") ? 1 : 0;
            return count;
        };
        const QString cache = m_home.filePath(u"preview-cache"_s);
        {
            Desktop desktop(proxy.url(), m_jimin.accessToken);
            FileDownloads downloads(&desktop.authorized, cache);
            QSignalSpy ready(&downloads, &FileDownloads::previewReady);
            QVERIFY(downloads.preview(red.fileId).isEmpty());
            // Asked again while it comes: the same fetch.
            QVERIFY(downloads.preview(red.fileId).isEmpty());
            QVERIFY(downloads.preview(blue.fileId).isEmpty());
            QVERIFY(QTest::qWaitFor([&] { return ready.size() == 2; }, 10'000));
            QCOMPARE(previewRequests(), 2);
            const QString redPath = downloads.preview(red.fileId);
            // Now on disk: its path comes at once, the one previewReady() named.
            const auto announced =
                std::find_if(ready.cbegin(), ready.cend(),
                             [&](const auto &args) { return args.at(0).toString() == red.fileId; });
            QVERIFY(announced != ready.cend());
            QCOMPARE(announced->at(1).toString(), redPath);
            const QImage image(redPath);
            QCOMPARE(image.size(), QSize(320, 240));
            QVERIFY(QColor(image.pixel(10, 10)).red() > 240); // a JPEG preview, nearly exact
            QCOMPARE(QImage(downloads.preview(blue.fileId)).size(), QSize(213, 320));
            QCOMPARE(previewRequests(), 2);
            QCOMPARE(ready.size(), 2);
        }
        {
            // The next start reads them from disk, without asking the server.
            Desktop desktop(proxy.url(), m_jimin.accessToken);
            FileDownloads downloads(&desktop.authorized, cache);
            QCOMPARE(QImage(downloads.preview(red.fileId)).size(), QSize(320, 240));
            QCOMPARE(previewRequests(), 2);

            // A file without a preview fails once and is not asked for again.
            const Attachment text = upload(u"메모.txt"_s, "메모\n");
            QSignalSpy failed(&downloads, &FileDownloads::previewFailed);
            QVERIFY(downloads.preview(text.fileId).isEmpty());
            QVERIFY(failed.wait(10'000));
            QCOMPARE(failed.first().at(1).value<ApiError::Code>(), ApiError::Code::NotFound);
            QCOMPARE(previewRequests(), 3);
            QVERIFY(downloads.preview(text.fileId).isEmpty());
            QTest::qWait(200);
            QCOMPARE(previewRequests(), 3);
            QCOMPARE(failed.size(), 1);

            // A preview the UI cannot decode is dropped from the disk and not asked for again.
            const QString bluePath = downloads.preview(blue.fileId);
            QVERIFY(!bluePath.isEmpty());
            downloads.previewUnreadable(blue.fileId);
            QCOMPARE(failed.size(), 2);
            QCOMPARE(failed.last().at(1).value<ApiError::Code>(), ApiError::Code::InvalidResponse);
            QVERIFY(!QFile::exists(bluePath));
            QVERIFY(downloads.preview(blue.fileId).isEmpty());
            QTest::qWait(200);
            QCOMPARE(previewRequests(), 3);
        }
    }

    // Scrolling fast asks for many previews; what was asked for last (on screen now) goes first.
    void theLatestPreviewAskedForIsFetchedFirst()
    {
        QStringList ids;
        for (int i = 0; i < 6; ++i) {
            const Attachment image =
                upload(u"순서 %1.png"_s.arg(i), pngOf(300, 200, QColor(30 * i, 120, 60)));
            QVERIFY(image.hasPreview);
            ids.append(image.fileId);
        }
        Desktop desktop(m_server->url(), m_jimin.accessToken);
        FileDownloads downloads(&desktop.authorized, m_home.filePath(u"order-cache"_s));
        QSignalSpy ready(&downloads, &FileDownloads::previewReady);
        downloads.setOnline(false); // nothing leaves, so the queue can be read as it is
        for (const QString &id : ids)
            QVERIFY(downloads.preview(id).isEmpty());
        QCOMPARE(downloads.previewQueue(),
                 (QStringList{ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]}));
        // The first one is painted again: scrolled back to, it is the next.
        QVERIFY(downloads.preview(ids[0]).isEmpty());
        QCOMPARE(downloads.previewQueue().constFirst(), ids[0]);
        downloads.setOnline(true);
        // As many as there are slots went at once, the latest asked first; the rest wait.
        QCOMPARE(downloads.previewQueue(), (QStringList{ids[2], ids[1]}));
        QVERIFY(QTest::qWaitFor([&] { return ready.size() == ids.size(); }, 10'000));
        QVERIFY(downloads.previewQueue().isEmpty());
    }

    // The disk cache keeps what was seen last: a preview read again from disk counts as new.
    void previewsBeyondTheDiskBudgetAreEvictedOldestFirst()
    {
        QList<Attachment> images;
        for (int i = 0; i < 3; ++i)
            images.append(upload(u"%1.png"_s.arg(i), pngOf(400, 400, QColor(40 * i, 90, 200))));
        const QString cache = m_home.filePath(u"small-cache"_s);
        const auto onDisk = [&](int i) { return cache + u"/previews/"_s + images[i].fileId; };
        const auto seenAgo = [&](int i, int hours) {
            QFile file(onDisk(i));
            return file.open(QIODevice::ReadWrite) &&
                   file.setFileTime(QDateTime::currentDateTimeUtc().addSecs(-hours * 3600),
                                    QFileDevice::FileModificationTime);
        };
        Desktop desktop(m_server->url(), m_jimin.accessToken);
        {
            FileDownloads downloads(&desktop.authorized, cache);
            QSignalSpy ready(&downloads, &FileDownloads::previewReady);
            QVERIFY(downloads.preview(images[0].fileId).isEmpty());
            QVERIFY(downloads.preview(images[1].fileId).isEmpty());
            QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10'000);
        }
        QVERIFY(seenAgo(0, 2));
        QVERIFY(seenAgo(1, 1));
        const qint64 one = std::max(QFileInfo(onDisk(0)).size(), QFileInfo(onDisk(1)).size());
        QVERIFY(one > 0);

        FileDownloads downloads(&desktop.authorized, cache);
        // Room for two: the third pushes out the one seen longest ago.
        downloads.setDiskCacheBytes(one * 2 + one / 2);
        QSignalSpy ready(&downloads, &FileDownloads::previewReady);
        QVERIFY(!downloads.preview(images[0].fileId).isEmpty()); // from disk: seen now
        QVERIFY(downloads.preview(images[2].fileId).isEmpty());
        QVERIFY(ready.wait(10'000));
        QVERIFY(QFile::exists(onDisk(0)));
        QVERIFY(!QFile::exists(onDisk(1)));
        QVERIFY(QFile::exists(onDisk(2)));
    }
};

QTEST_GUILESS_MAIN(TestE2eDownloads)
#include "test_e2e_downloads.moc"
