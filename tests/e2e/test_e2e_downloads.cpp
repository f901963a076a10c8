// Files coming down to a desktop from the real mock server in this process: streamed into a
// file, continued from what the file holds with a Range, and carried through a token refresh.
#include "chat/message.h"
#include "net/api_client.h"
#include "net/api_download.h"
#include "net/authorized_api.h"
#include "server_test_client.h"

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

    // The streaming GET on its own: a target that holds the first half gets the rest with a
    // Range, one that holds all of it gets nothing more, and one that holds more than the file
    // (damaged) is written again from the start.
    void aMemberOfAnotherWorkspaceGetsNotFound()
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
};

QTEST_GUILESS_MAIN(TestE2eDownloads)
#include "test_e2e_downloads.moc"
