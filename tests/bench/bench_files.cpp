// Files over loopback with the mock server in this process: a 100 MiB file uploaded in the
// client's 4 MiB pieces and downloaded again, read from and written to disk piece by piece as a
// client does. Prints the throughput each way and how much the process's resident memory grew
// meanwhile (server and client together: the server must stream, never hold a whole file). It
// asserts only that the file came back as it went.
#include "bench_measures.h"
#include "http_listener.h"
#include "mock_server.h"
#include "server_test_client.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <cstdio>

using namespace moim::server;
using namespace moim::server::test;
using namespace Qt::StringLiterals;
using moim::test::RssWatch;
namespace path = moim::protocol::path;
namespace limits = moim::protocol::limits;

namespace {

constexpr qint64 FileBytes = 100 * 1024 * 1024;

// One keep-alive HTTP/1.1 connection written to as a client would: the request whole, then its
// answer read; with nothing between the bytes and the server, the figure is the server's.
class PlainHttp
{
public:
    bool open(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        QSignalSpy connected(&m_socket, &QTcpSocket::connected);
        return m_socket.state() == QAbstractSocket::ConnectedState || connected.wait(5000);
    }

    // The whole answer (headers and body) to a request.
    QByteArray exchange(const QByteArray &head, const QByteArray &body)
    {
        m_socket.write(head);
        m_socket.write(body);
        QByteArray answer;
        QSignalSpy readyRead(&m_socket, &QIODevice::readyRead);
        while (!isComplete(answer)) {
            if (m_socket.bytesAvailable() == 0 && !readyRead.wait(30'000))
                return answer;
            answer += m_socket.readAll();
        }
        return answer;
    }

private:
    static bool isComplete(const QByteArray &answer)
    {
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = answer.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qint64 length =
            at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return answer.size() >= end + 4 + length;
    }

    QTcpSocket m_socket;
};

} // namespace

class BenchFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadAndDownload100MiB()
    {
        QTemporaryDir serverDir;
        QTemporaryDir clientDir;
        QString error;
        HttpListener::keepLargeBuffers(); // as moim-mock-server does
        const auto server = startDemoServer(serverDir.path(), &error);
        QVERIFY2(server, qPrintable(error));
        ServerTestClient client(*server);
        const Member jimin = client.signIn(u"jimin.kim@moim.example"_s);
        const QString conversation =
            client.conversationNamed(jimin, jimin.workspaces.value(u"Moim HQ"_s), u"random"_s);
        QVERIFY(!conversation.isEmpty());

        // Bytes that compress badly and are not text, written to disk a MiB at a time.
        QFile source(clientDir.filePath(u"source.bin"_s));
        QVERIFY(source.open(QIODevice::ReadWrite));
        QCryptographicHash sent(QCryptographicHash::Sha256);
        QRandomGenerator generator(20261203);
        QByteArray chunk(1024 * 1024, Qt::Uninitialized);
        for (qint64 written = 0; written < FileBytes; written += chunk.size()) {
            generator.fillRange(reinterpret_cast<quint32 *>(chunk.data()),
                                chunk.size() / qsizetype(sizeof(quint32)));
            sent.addData(chunk);
            QCOMPARE(source.write(chunk), chunk.size());
        }
        chunk = QByteArray();
        QVERIFY(source.seek(0));

        const RawResult started = client.raw(
            "POST", path::ConversationsBase + conversation + path::UploadsSuffix, jimin,
            {{"Content-Type", "application/json"}},
            QJsonDocument(QJsonObject{{u"name"_s, u"100MiB.bin"_s}, {u"size"_s, FileBytes}})
                .toJson());
        QCOMPARE(started.status, 201);
        const QString uploadId =
            started.json().value("upload"_L1).toObject().value("id"_L1).toString();

        QString fileId;
        double uploadSeconds = 0;
        double uploadGrowth = 0;
        {
            RssWatch watch;
            QElapsedTimer clock;
            clock.start();
            PlainHttp http;
            QVERIFY(http.open(server->port()));
            for (qint64 offset = 0; offset < FileBytes; offset += limits::UploadPieceBytes) {
                const QByteArray piece = source.read(limits::UploadPieceBytes);
                const QByteArray answer = http.exchange(
                    "PATCH " + (path::UploadsBase + uploadId).toLatin1() +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Moim-Client: moim-desktop/0.1.0\r\n"
                        "Authorization: Bearer " +
                        jimin.accessToken.toLatin1() +
                        "\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: " +
                        QByteArray::number(offset) +
                        "\r\nContent-Length: " + QByteArray::number(piece.size()) + "\r\n\r\n",
                    piece);
                watch.sample();
                QVERIFY2(answer.startsWith("HTTP/1.1 204") || answer.startsWith("HTTP/1.1 200"),
                         answer.constData());
                if (answer.startsWith("HTTP/1.1 200"))
                    fileId = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4))
                                 .object()
                                 .value("file"_L1)
                                 .toObject()
                                 .value("id"_L1)
                                 .toString();
            }
            uploadSeconds = double(clock.nsecsElapsed()) / 1e9;
            uploadGrowth = watch.growthMiB();
        }
        QVERIFY(!fileId.isEmpty());

        QNetworkAccessManager network;
        QNetworkRequest request(server->url().resolved(QUrl(path::FilesBase + fileId)));
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        request.setRawHeader("Authorization", "Bearer " + jimin.accessToken.toLatin1());
        QFile target(clientDir.filePath(u"target.bin"_s));
        QVERIFY(target.open(QIODevice::WriteOnly));
        double downloadSeconds = 0;
        double downloadGrowth = 0;
        {
            RssWatch watch;
            QElapsedTimer clock;
            clock.start();
            QNetworkReply *reply = network.get(request);
            reply->setReadBufferSize(1024 * 1024);
            QObject::connect(reply, &QIODevice::readyRead, reply, [&] {
                target.write(reply->readAll());
                watch.sample();
            });
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(120'000));
            target.write(reply->readAll());
            target.close();
            downloadSeconds = double(clock.nsecsElapsed()) / 1e9;
            downloadGrowth = watch.growthMiB();
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QVERIFY(target.open(QIODevice::ReadOnly));
        QCryptographicHash received(QCryptographicHash::Sha256);
        QVERIFY(received.addData(&target));
        QCOMPARE(received.result(), sent.result());

        const double mib = double(FileBytes) / (1024.0 * 1024.0);
        std::printf("bench_files upload 100 MiB in 4 MiB pieces: %.0f MiB/s\n",
                    mib / uploadSeconds);
        std::printf("bench_files download 100 MiB: %.0f MiB/s\n", mib / downloadSeconds);
        std::printf("bench_files RSS growth during the upload (server and client): %.1f MiB\n",
                    uploadGrowth);
        std::printf("bench_files RSS growth during the download (server and client): %.1f MiB\n",
                    downloadGrowth);
    }
};

QTEST_GUILESS_MAIN(BenchFiles)
#include "bench_files.moc"
