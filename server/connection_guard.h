#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <chrono>

class QTcpSocket;

namespace moim::server {

class JsonReply;

// Enforces the transport limits of docs/protocol.md "Transport" on one HTTP connection before
// QtHttpServer sees its bytes. QtHttpServer 6.4 buffers a whole request, whatever its
// Content-Length, before a handler runs, and has no read timeouts; so this guard follows the
// request framing itself, peeking at every chunk first (never consuming it). It refuses an
// oversize header block (431), an oversize or unbounded body (413, 411) and a request that is not
// complete in time (408), each answered at once with the connection closed, and it closes a
// connection that stays idle too long. A WebSocket upgrade hands the socket to the WebSocket
// hubs, which have their own limits; the guard then lets go of it.
class ConnectionGuard : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxHeaderBytes = 0;
        qint64 maxJsonBodyBytes = 0;
        qint64 maxMessageBodyBytes = 0;
        qint64 maxUploadPieceBytes = 0;
        std::chrono::milliseconds headerTimeout{};
        std::chrono::milliseconds bodyTimeout{};
        std::chrono::milliseconds idleTimeout{};
    };

    enum class State
    {
        Idle,     // between requests (or before the first)
        Headers,  // part of a header block has arrived
        Body,     // the header block was accepted; body bytes are due
        Upgraded, // a WebSocket now owns the socket
        Closing,  // refused or timed out; the rest is read and discarded until the socket closes
    };

    // Becomes a child of socket. Must be created before the HTTP server connects to the socket's
    // readyRead, so that it sees (and may refuse) every chunk of data first.
    ConnectionGuard(QTcpSocket *socket, const Limits &limits);

    State state() const { return m_state; }
    // Whether the connection may be closed to make room for another: it is plain HTTP, and no
    // complete request on it is waiting for its answer.
    bool isEvictable() const;
    // Closes the connection at once (connection caps).
    void evict();

    // An answer written piece by piece as the client reads it (a file download): until it ends
    // the connection is busy, and it stays open while the client keeps reading, however often
    // its write buffer empties on the way.
    void beginStreamedAnswer();
    void endStreamedAnswer();

    // The largest body a request may carry: posting a message takes more than other JSON, a
    // piece of an upload more still.
    static qint64 bodyLimit(const QByteArray &method, const QByteArray &target,
                            const Limits &limits);

private:
    void onReadyRead();
    void onBytesWritten();
    // Follows the framing over newly arrived bytes; false once the connection was refused.
    bool follow(const QByteArray &bytes);
    // Checks a complete header block and moves to the body or the next request.
    bool acceptHeaderBlock();
    void finishRequest();
    void refuse(const JsonReply &reply);
    void onDeadline();
    void armDeadline(std::chrono::milliseconds timeout);

    QTcpSocket *m_socket;
    Limits m_limits;
    State m_state = State::Idle;
    QByteArray m_header;
    qint64 m_bodyLeft = 0;
    bool m_answerPending = false;
    qint64 m_discarded = 0;
    bool m_closeAfterAnswer = false; // the request said "Connection: close"
    bool m_streaming = false;
    QTimer m_deadline;
};

} // namespace moim::server
