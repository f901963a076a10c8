#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <optional>

namespace moim::server {

// A REST answer as a plain, copyable value. Handlers that finish asynchronously pass it through
// QFuture continuations and turn it into a (move-only) QHttpServerResponse only at the end; it
// also keeps the error body shape of docs/protocol.md "Errors" in one place.
class JsonReply
{
public:
    using Status = QHttpServerResponse::StatusCode;

    static JsonReply ok(const QJsonObject &body);
    static JsonReply noContent();
    // An error with the HTTP status that belongs to code (see protocol.md).
    static JsonReply error(QLatin1StringView code, const QString &message);
    static JsonReply tooManyAttempts(qint64 retryAfterSeconds);
    // weak_password with the policy's reason ("too_short", "too_long", "too_guessable").
    static JsonReply weakPassword(const QString &reason);
    static JsonReply updateRequired(const QString &minVersion);
    // 503 server_busy: every password check slot is taken; retry after the given seconds.
    static JsonReply serverBusy(qint64 retryAfterSeconds);
    // The same error with one more field inside the "error" object (e.g. challenge_id).
    JsonReply withErrorField(const QString &name, const QJsonValue &value) const;
    // The same error with "retry_after" in the error object and the Retry-After header.
    JsonReply withRetryAfter(qint64 seconds) const;
    // The same answer with another status: where a code's usual one does not fit (201 for
    // something created, 413 for a file over the size limit).
    JsonReply withStatus(Status status) const;
    // The same answer with one more header (Upload-Offset).
    JsonReply withHeader(const QByteArray &name, const QByteArray &value) const;

    Status status() const { return m_status; }
    QJsonObject body() const { return m_body; }
    // The error code of an error reply, empty otherwise.
    QString errorCode() const;

    QHttpServerResponse toResponse() const;
    // The whole HTTP/1.1 response with "Connection: close", for answers written straight to a
    // socket before the HTTP server has seen the request (transport limits).
    QByteArray toClosingHttpMessage() const;

private:
    Status m_status = Status::Ok;
    QJsonObject m_body;
    std::optional<qint64> m_retryAfter;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
};

} // namespace moim::server
