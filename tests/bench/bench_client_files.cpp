// A 100 MiB file up and down as the desktop moves it: UploadManager in 4 MiB pieces read from
// disk, FileDownloads streaming to a part file, the account signed in against the mock server in
// a process of its own, so that the memory measured is the desktop's alone. Prints the throughput
// each way, the GUI thread's event-loop lag (a 1 ms timer) and the desktop's resident memory
// growth meanwhile. It asserts only that the file came back as it went.
#include "bench_measures.h"
#include "chat/file_downloads.h"
#include "chat/upload_manager.h"
#include "mock_server_process.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdio>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 FileBytes = 100 * 1024 * 1024;
constexpr qint64 WriteChunk = 4 * 1024 * 1024;

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
}

// Bytes no compression or type detection makes anything of, written a chunk at a time.
bool writeNoise(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator generator(2026);
    QByteArray chunk(WriteChunk, Qt::Uninitialized);
    for (qint64 written = 0; written < FileBytes; written += chunk.size()) {
        generator.fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                            chunk.size() / qsizetype(sizeof(quint32)));
        if (file.write(chunk) != chunk.size())
            return false;
    }
    return true;
}

double mibPerSecond(qint64 bytes, qint64 ms)
{
    return ms > 0 ? double(bytes) / (1024.0 * 1024.0) / (double(ms) / 1000.0) : 0.0;
}

} // namespace

class BenchClientFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHundredMebibytesUpAndDown()
    {
        test::MockServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        test::IsolatedHome home;
        MemorySecretStore secrets;
        const test::SignedInClient client = test::signInWithPassword(
            server.url(), &secrets, u"jimin.kim@moim.example"_s, u"seoul-spring-gathering"_s);
        QVERIFY(client.isSignedIn());
        const QString channel = test::channelNamed(client, u"Moim HQ"_s, u"일반"_s);
        QVERIFY(!channel.isEmpty());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString original = dir.filePath(u"원본.bin"_s);
        QVERIFY(writeNoise(original));
        const QByteArray expected = sha256Of(original);

        UploadManager *uploads = client.chat()->uploads();
        std::optional<Attachment> uploaded;
        QElapsedTimer clock;
        qint64 uploadMs = 0;
        double uploadLagP99 = 0;
        double uploadLagMax = 0;
        double uploadRss = 0;
        {
            const test::RssWatch memory;
            const test::EventLoopLag lag;
            clock.start();
            const UploadManager::Started started = uploads->start(channel, original);
            QVERIFY(started.ok());
            // A real event loop, as the application runs one: QTRY_VERIFY's polling sleeps
            // between rounds, and each 16 KiB the network thread asks of the GUI thread would
            // wait out those sleeps.
            const auto isOver = [&] {
                const std::optional<Upload> upload = uploads->find(started.key);
                return !upload || upload->state == Upload::State::Done ||
                       upload->state == Upload::State::Failed;
            };
            QEventLoop loop;
            QObject::connect(uploads, &UploadManager::uploadChanged, &loop, [&] {
                if (isOver())
                    loop.quit();
            });
            QTimer::singleShot(300'000, &loop, &QEventLoop::quit);
            if (!isOver())
                loop.exec();
            QVERIFY(uploads->find(started.key) &&
                    uploads->find(started.key)->state == Upload::State::Done);
            uploadMs = clock.elapsed();
            uploaded = uploads->find(started.key)->file;
            uploadLagP99 = lag.p99();
            uploadLagMax = lag.max();
            uploadRss = memory.growthMiB();
        }
        QVERIFY(uploaded && !uploaded->fileId.isEmpty());

        FileDownloads *downloads = client.account()->downloads();
        const QString copy = dir.filePath(u"받은 사본.bin"_s);
        QSignalSpy finished(downloads, &FileDownloads::downloadFinished);
        qint64 downloadMs = 0;
        double downloadLagP99 = 0;
        double downloadLagMax = 0;
        double downloadRss = 0;
        {
            const test::RssWatch memory;
            const test::EventLoopLag lag;
            clock.restart();
            QVERIFY(!downloads->save(*uploaded, copy).isEmpty());
            QVERIFY(finished.wait(300'000));
            downloadMs = clock.elapsed();
            downloadLagP99 = lag.p99();
            downloadLagMax = lag.max();
            downloadRss = memory.growthMiB();
        }
        QCOMPARE(sha256Of(copy), expected);

        std::printf("Files, 100 MiB through the desktop (goals: GUI lag p99 <= 16 ms, resident "
                    "growth <= 16 MiB)\n");
        std::printf("  upload   %6.1f MiB/s, GUI lag p99 %5.2f ms (max %5.1f), resident growth "
                    "%5.1f MiB\n",
                    mibPerSecond(FileBytes, uploadMs), uploadLagP99, uploadLagMax, uploadRss);
        std::printf("  download %6.1f MiB/s, GUI lag p99 %5.2f ms (max %5.1f), resident growth "
                    "%5.1f MiB\n",
                    mibPerSecond(FileBytes, downloadMs), downloadLagP99, downloadLagMax,
                    downloadRss);
    }
};

QTEST_MAIN(BenchClientFiles)
#include "bench_client_files.moc"
