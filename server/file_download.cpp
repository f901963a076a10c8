#include "file_download.h"

#include "connection_guard.h"
#include "server_logging.h"

#include <QTcpSocket>

namespace moim::server {

namespace {

// What is read from disk at a time, and how much may wait in the socket's buffer: enough to keep
// a fast loopback client busy between two turns of the event loop, little enough per download.
constexpr qint64 PieceBytes = 256 * 1024;
constexpr qint64 BufferedBytes = 1024 * 1024;

} // namespace

void FileDownload::start(QHttpServerResponder &&responder, QTcpSocket *socket,
                         std::unique_ptr<QFile> file, qint64 first, qint64 length,
                         QHttpServerResponder::StatusCode status, const Headers &headers)
{
    if (!socket || !file->seek(first)) {
        responder.write(QHttpServerResponder::StatusCode::InternalServerError);
        return;
    }
    responder.writeStatusLine(status);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
    for (const auto &[name, value] : headers)
        responder.writeHeader(name, value);
    auto *download = new FileDownload(std::move(responder), socket, std::move(file), length);
    download->pump();
}

FileDownload::FileDownload(QHttpServerResponder &&responder, QTcpSocket *socket,
                           std::unique_ptr<QFile> file, qint64 length)
    : QObject(socket)
    , m_responder(std::move(responder))
    , m_socket(socket)
    , m_guard(socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly))
    , m_file(std::move(file))
    , m_left(length)
{
    if (m_guard)
        m_guard->beginStreamedAnswer();
    connect(socket, &QIODevice::bytesWritten, this, &FileDownload::pump);
}

void FileDownload::pump()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    while (m_left > 0 && m_socket->bytesToWrite() < BufferedBytes) {
        const QByteArray piece = m_file->read(qMin(PieceBytes, m_left));
        if (piece.isEmpty()) {
            // The promised length can no longer be kept: only closing tells the client.
            qCWarning(lcHttp) << "Cannot read" << m_file->fileName() << m_file->errorString();
            m_socket->abort();
            return;
        }
        m_responder.writeBody(piece);
        m_left -= piece.size();
    }
    if (m_left == 0)
        finish();
}

void FileDownload::finish()
{
    disconnect(m_socket, nullptr, this, nullptr);
    if (m_guard)
        m_guard->endStreamedAnswer();
    deleteLater();
}

} // namespace moim::server
