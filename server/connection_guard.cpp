#include "connection_guard.h"

#include "json_reply.h"
#include "server_logging.h"

#include <QTcpSocket>
#include <algorithm>
#include <limits>
#include <optional>
#include <protocol/protocol.h>

namespace moim::server {

namespace error = moim::protocol::error;
namespace path = moim::protocol::path;

namespace {

// After a refusal the client may still be sending; reading and discarding for a moment before
// closing keeps the kernel from resetting the connection (which can destroy the answer).
constexpr std::chrono::milliseconds Linger{1000};
// What the linger reads and discards at most before it gives up and resets the connection.
constexpr qint64 MaxDiscardedBytes = 4 * 1024 * 1024;
// A peer that does not read its answer cannot hold the socket open beyond this.
constexpr std::chrono::milliseconds CloseGrace{2000};

// Where the header block ends (just past its empty line), or -1. Lines end in CRLF; a bare LF
// is accepted too, as the HTTP server's parser accepts it.
qsizetype headerBlockEnd(const QByteArray &data, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(from, 1); i < data.size(); ++i) {
        if (data[i] != '\n')
            continue;
        if (data[i - 1] == '\n')
            return i + 1;
        if (i >= 2 && data[i - 1] == '\r' && data[i - 2] == '\n')
            return i + 1;
    }
    return -1;
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const Limits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ConnectionGuard::onDeadline);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::onBytesWritten);
    // A new connection owes its first header block within the header timeout.
    armDeadline(m_limits.headerTimeout);
}

bool ConnectionGuard::isEvictable() const
{
    return m_state != State::Upgraded && !(m_state == State::Idle && m_answerPending) &&
           !m_streaming;
}

void ConnectionGuard::beginStreamedAnswer()
{
    m_streaming = true;
}

void ConnectionGuard::endStreamedAnswer()
{
    m_streaming = false;
    onBytesWritten();
}

void ConnectionGuard::evict()
{
    m_deadline.stop();
    m_socket->abort();
}

qint64 ConnectionGuard::bodyLimit(const QByteArray &method, const QByteArray &target,
                                  const Limits &limits)
{
    const qsizetype query = target.indexOf('?');
    const QByteArray requestPath = query < 0 ? target : target.left(query);
    const bool postsMessage =
        method == "POST" && (requestPath == QByteArrayView(path::AdminMessages) ||
                             (requestPath.startsWith(QByteArrayView(path::ConversationsBase)) &&
                              requestPath.endsWith(QByteArrayView(path::MessagesSuffix))));
    // An edit carries a whole new body: conversations/<id>/messages/<id>.
    const QList<QByteArray> segments = requestPath.mid(path::ConversationsBase.size()).split('/');
    const bool editsMessage =
        method == "PATCH" && requestPath.startsWith(QByteArrayView(path::ConversationsBase)) &&
        segments.size() == 3 && "/" + segments.at(1) == QByteArrayView(path::MessagesSuffix);
    const bool sendsPiece = method == "PATCH" &&
                            requestPath.startsWith(QByteArrayView(path::UploadsBase)) &&
                            !requestPath.mid(path::UploadsBase.size()).contains('/');
    if (sendsPiece)
        return limits.maxUploadPieceBytes;
    return postsMessage || editsMessage ? limits.maxMessageBodyBytes : limits.maxJsonBodyBytes;
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Upgraded || m_state == State::Closing || !m_socket->isOpen())
        return;
    // The HTTP server reads everything available right after this slot, inside its own
    // transaction, so what is available now is exactly the data it has not seen yet.
    follow(m_socket->peek(m_socket->bytesAvailable()));
}

void ConnectionGuard::onBytesWritten()
{
    // A client still reading a long answer is not idle.
    if (m_streaming) {
        armDeadline(m_limits.idleTimeout);
        return;
    }
    // The answer is out: the keep-alive idle time starts now.
    if (m_state == State::Idle && m_answerPending && m_socket->bytesToWrite() == 0) {
        m_answerPending = false;
        // The HTTP server keeps every connection open; honour a client that asked otherwise.
        if (m_closeAfterAnswer) {
            m_state = State::Closing;
            m_deadline.stop();
            m_socket->disconnectFromHost();
            return;
        }
        armDeadline(m_limits.idleTimeout);
    }
}

bool ConnectionGuard::follow(const QByteArray &bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        switch (m_state) {
        case State::Idle:
            // Empty lines before a request line are allowed (RFC 9112, section 2.2).
            if (bytes[pos] == '\r' || bytes[pos] == '\n') {
                ++pos;
                break;
            }
            m_state = State::Headers;
            m_header.clear();
            armDeadline(m_limits.headerTimeout);
            break;
        case State::Headers: {
            const qsizetype before = m_header.size();
            const qsizetype room = m_limits.maxHeaderBytes + 1 - before;
            m_header.append(bytes.constData() + pos, qMin(bytes.size() - pos, room));
            const qsizetype end = headerBlockEnd(m_header, before - 2);
            if (end < 0 || end > m_limits.maxHeaderBytes) {
                if (end > m_limits.maxHeaderBytes || m_header.size() > m_limits.maxHeaderBytes) {
                    refuse(JsonReply::error(error::HeadersTooLarge,
                                            QStringLiteral("The request headers are too large.")));
                    return false;
                }
                pos = bytes.size();
                break;
            }
            pos += end - before;
            m_header.truncate(end);
            if (!acceptHeaderBlock())
                return m_state == State::Upgraded;
            break;
        }
        case State::Body: {
            const qint64 taken = qMin<qint64>(m_bodyLeft, bytes.size() - pos);
            pos += taken;
            m_bodyLeft -= taken;
            if (m_bodyLeft == 0)
                finishRequest();
            break;
        }
        case State::Upgraded:
        case State::Closing:
            return false;
        }
    }
    return true;
}

bool ConnectionGuard::acceptHeaderBlock()
{
    const QList<QByteArray> lines = m_header.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    std::optional<qint64> contentLength;
    bool chunked = false;
    bool upgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            const bool digitsOnly =
                !value.isEmpty() && std::all_of(value.cbegin(), value.cend(),
                                                [](char c) { return c >= '0' && c <= '9'; });
            // A length that does not parse (too many digits for 64 bits included) is surely
            // too large; two different lengths are a request smuggling attempt.
            if (!digitsOnly || (contentLength && ok && *contentLength != length)) {
                refuse(
                    JsonReply::error(error::BadRequest, QStringLiteral("Invalid Content-Length.")));
                return false;
            }
            contentLength = ok ? length : std::numeric_limits<qint64>::max();
        } else if (name == "transfer-encoding") {
            chunked = true;
        } else if (name == "connection") {
            m_closeAfterAnswer = value.toLower().contains("close");
        } else if (name == "upgrade") {
            upgrade = value.compare("websocket", Qt::CaseInsensitive) == 0;
        }
    }
    // Only the two WebSocket paths are handed over; anywhere else the header changes nothing and
    // cannot be used to escape the limits.
    const qsizetype query = target.indexOf('?');
    const QByteArray requestPath = query < 0 ? target : target.left(query);
    if (upgrade && method == "GET" &&
        (requestPath == QByteArrayView(path::Events) ||
         requestPath == QByteArrayView(path::LoginChannel))) {
        // The WebSocket server takes the socket from here on; stop watching it.
        m_state = State::Upgraded;
        m_deadline.stop();
        disconnect(m_socket, nullptr, this, nullptr);
        return false;
    }
    if (chunked) {
        // A chunked body's size is known only at its end; clients send Content-Length.
        refuse(JsonReply::error(error::LengthRequired,
                                QStringLiteral("Send the body with a Content-Length.")));
        return false;
    }
    const qint64 limit = bodyLimit(method, target, m_limits);
    if (contentLength.value_or(0) > limit) {
        qCInfo(lcHttp) << "Refused a body of" << *contentLength << "bytes for" << method << target
                       << "from" << m_socket->peerAddress().toString();
        refuse(JsonReply::error(error::PayloadTooLarge,
                                QStringLiteral("The body is larger than %1 bytes.").arg(limit))
                   .withErrorField(QStringLiteral("max_bytes"), limit));
        return false;
    }
    m_header.clear();
    if (contentLength.value_or(0) > 0) {
        m_state = State::Body;
        m_bodyLeft = *contentLength;
        armDeadline(m_limits.bodyTimeout);
    } else {
        finishRequest();
    }
    return true;
}

void ConnectionGuard::finishRequest()
{
    m_state = State::Idle;
    m_answerPending = true;
    // Covers the time to answer too; an answer never takes that long.
    armDeadline(m_limits.idleTimeout);
}

void ConnectionGuard::refuse(const JsonReply &reply)
{
    m_state = State::Closing;
    m_deadline.stop();
    // The HTTP server must not see another byte of this connection: it would buffer the body.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
    connect(m_socket, &QIODevice::readyRead, this, [this] {
        m_discarded += m_socket->readAll().size();
        // Reading a flood to its end is not worth it; the answer has had its chance.
        if (m_discarded > MaxDiscardedBytes)
            m_socket->abort();
    });
    m_socket->write(reply.toClosingHttpMessage());
    QTimer::singleShot(Linger, this, [this] {
        m_socket->disconnectFromHost();
        QTimer::singleShot(CloseGrace, this, [this] { m_socket->abort(); });
    });
}

void ConnectionGuard::onDeadline()
{
    switch (m_state) {
    case State::Idle:
        qCDebug(lcHttp) << "Closing an idle connection from" << m_socket->peerAddress().toString();
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        QTimer::singleShot(CloseGrace, this, [this] { m_socket->abort(); });
        break;
    case State::Headers:
    case State::Body:
        qCInfo(lcHttp) << "Request not complete in time from" << m_socket->peerAddress().toString();
        refuse(JsonReply::error(error::RequestTimeout,
                                QStringLiteral("The request did not arrive in time.")));
        break;
    case State::Upgraded:
    case State::Closing:
        break;
    }
}

void ConnectionGuard::armDeadline(std::chrono::milliseconds timeout)
{
    m_deadline.start(timeout);
}

} // namespace moim::server
