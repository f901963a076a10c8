#pragma once

#include <QFile>
#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <memory>

class QTcpSocket;

namespace moim::server {

class ConnectionGuard;

// One file answer streamed from disk (docs/protocol.md "Files"): the status line and headers at
// once, then the body in pieces, each written only when the socket has drained what came before,
// so a 100 MiB file never sits in memory. Lives as a child of its socket: a client that goes
// away ends it.
class FileDownload : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    // Sends `length` bytes of the open file from `first` on; the status and headers (without
    // Content-Length, which is added) are written first.
    static void start(QHttpServerResponder &&responder, QTcpSocket *socket,
                      std::unique_ptr<QFile> file, qint64 first, qint64 length,
                      QHttpServerResponder::StatusCode status, const Headers &headers);

private:
    FileDownload(QHttpServerResponder &&responder, QTcpSocket *socket, std::unique_ptr<QFile> file,
                 qint64 length);
    // Writes pieces until the socket holds enough or the body is out.
    void pump();
    void finish();

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    QPointer<ConnectionGuard> m_guard;
    std::unique_ptr<QFile> m_file;
    qint64 m_left;
};

} // namespace moim::server
