#include "json_reply.h"

#include <QJsonDocument>
#include <protocol/protocol.h>

namespace moim::server {

namespace error = moim::protocol::error;

namespace {

JsonReply::Status statusFor(QLatin1StringView code)
{
    using S = JsonReply::Status;
    if (code == error::BadRequest)
        return S::BadRequest;
    if (code == error::InvalidCredentials || code == error::InvalidToken ||
        code == error::SecondFactorRequired || code == error::InvalidCode ||
        code == error::CodeReused || code == error::CodeExpired || code == error::ChallengeEnded)
        return S::Unauthorized;
    if (code == error::UnauthorizedUser || code == error::Forbidden || code == error::WrongCode ||
        code == error::TwoStepRequired)
        return S::Forbidden;
    if (code == error::QrExpired || code == error::PushExpired)
        return S::Gone;
    if (code == error::QrUsed || code == error::PushUsed || code == error::AlreadyLinked ||
        code == error::Conflict || code == error::NotEditable || code == error::TooManyReactions ||
        code == error::TooLarge || code == error::OffsetMismatch)
        return S::Conflict;
    if (code == error::NotFound)
        return S::NotFound;
    if (code == error::UpdateRequired)
        return S::UpgradeRequired;
    if (code == error::TooManyAttempts || code == error::TooManyPending ||
        code == error::PushBlocked || code == error::TooManyUploads)
        return S::TooManyRequests;
    if (code == error::WeakPassword || code == error::InvalidSettings ||
        code == error::ChecksumMismatch)
        return S::UnprocessableEntity;
    if (code == error::PayloadTooLarge)
        return S::PayloadTooLarge;
    if (code == error::HeadersTooLarge)
        return S::RequestHeaderFieldsTooLarge;
    if (code == error::LengthRequired)
        return S::LengthRequired;
    if (code == error::RequestTimeout)
        return S::RequestTimeout;
    if (code == error::ServerBusy)
        return S::ServiceUnavailable;
    if (code == error::InviteInvalid || code == error::ResetInvalid)
        return S::NotFound;
    if (code == error::InviteExpired || code == error::InviteUsed || code == error::InviteRevoked ||
        code == error::InviteReplaced || code == error::ResetExpired || code == error::ResetUsed)
        return S::Gone;
    return S::InternalServerError;
}

// Only the statuses a transport limit answers with need a phrase; HTTP allows an empty one.
QByteArray reasonPhrase(JsonReply::Status status)
{
    using S = JsonReply::Status;
    switch (status) {
    case S::RequestTimeout:
        return "Request Timeout";
    case S::LengthRequired:
        return "Length Required";
    case S::PayloadTooLarge:
        return "Payload Too Large";
    case S::RequestHeaderFieldsTooLarge:
        return "Request Header Fields Too Large";
    case S::ServiceUnavailable:
        return "Service Unavailable";
    default:
        return {};
    }
}

} // namespace

JsonReply JsonReply::ok(const QJsonObject &body)
{
    JsonReply reply;
    reply.m_body = body;
    return reply;
}

JsonReply JsonReply::noContent()
{
    JsonReply reply;
    reply.m_status = Status::NoContent;
    return reply;
}

JsonReply JsonReply::error(QLatin1StringView code, const QString &message)
{
    JsonReply reply;
    reply.m_status = statusFor(code);
    reply.m_body = {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString(code)},
                                                          {QStringLiteral("message"), message}}}};
    return reply;
}

JsonReply JsonReply::weakPassword(const QString &reason)
{
    JsonReply reply =
        error(error::WeakPassword,
              QStringLiteral("The password does not meet the policy: %1.").arg(reason));
    QJsonObject inner = reply.m_body.value(QStringLiteral("error")).toObject();
    inner.insert(QStringLiteral("reason"), reason);
    reply.m_body.insert(QStringLiteral("error"), inner);
    return reply;
}

JsonReply JsonReply::tooManyAttempts(qint64 retryAfterSeconds)
{
    JsonReply reply = error(error::TooManyAttempts,
                            QStringLiteral("Try again in %1 seconds.").arg(retryAfterSeconds));
    QJsonObject inner = reply.m_body.value(QStringLiteral("error")).toObject();
    inner.insert(QStringLiteral("retry_after"), retryAfterSeconds);
    reply.m_body.insert(QStringLiteral("error"), inner);
    reply.m_retryAfter = retryAfterSeconds;
    return reply;
}

JsonReply JsonReply::updateRequired(const QString &minVersion)
{
    JsonReply reply =
        error(error::UpdateRequired,
              QStringLiteral("This server needs a client of version %1 or newer.").arg(minVersion));
    QJsonObject inner = reply.m_body.value(QStringLiteral("error")).toObject();
    inner.insert(QStringLiteral("min_version"), minVersion);
    reply.m_body.insert(QStringLiteral("error"), inner);
    return reply;
}

JsonReply JsonReply::serverBusy(qint64 retryAfterSeconds)
{
    return error(error::ServerBusy, QStringLiteral("The server is busy; try again in %1 seconds.")
                                        .arg(retryAfterSeconds))
        .withRetryAfter(retryAfterSeconds);
}

JsonReply JsonReply::withRetryAfter(qint64 seconds) const
{
    JsonReply reply = withErrorField(QStringLiteral("retry_after"), seconds);
    reply.m_retryAfter = seconds;
    return reply;
}

JsonReply JsonReply::withErrorField(const QString &name, const QJsonValue &value) const
{
    JsonReply reply = *this;
    QJsonObject inner = reply.m_body.value(QStringLiteral("error")).toObject();
    inner.insert(name, value);
    reply.m_body.insert(QStringLiteral("error"), inner);
    return reply;
}

JsonReply JsonReply::withStatus(Status status) const
{
    JsonReply reply = *this;
    reply.m_status = status;
    return reply;
}

JsonReply JsonReply::withHeader(const QByteArray &name, const QByteArray &value) const
{
    JsonReply reply = *this;
    reply.m_headers.append({name, value});
    return reply;
}

QString JsonReply::errorCode() const
{
    return m_body.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QHttpServerResponse JsonReply::toResponse() const
{
    if (m_status == Status::NoContent) {
        QHttpServerResponse response(Status::NoContent);
        for (const auto &[name, value] : m_headers)
            response.addHeader(name, value);
        return response;
    }
    QHttpServerResponse response(QByteArrayLiteral("application/json"),
                                 QJsonDocument(m_body).toJson(QJsonDocument::Compact), m_status);
    for (const auto &[name, value] : m_headers)
        response.addHeader(name, value);
    if (m_retryAfter)
        response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(*m_retryAfter));
    // Tokens travel in these bodies; no cache may keep them.
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

QByteArray JsonReply::toClosingHttpMessage() const
{
    const QByteArray body = QJsonDocument(m_body).toJson(QJsonDocument::Compact);
    QByteArray message = "HTTP/1.1 " + QByteArray::number(int(m_status)) + ' ' +
                         reasonPhrase(m_status) +
                         "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
                         "Connection: close\r\nContent-Length: " +
                         QByteArray::number(body.size()) + "\r\n";
    if (m_retryAfter)
        message += "Retry-After: " + QByteArray::number(*m_retryAfter) + "\r\n";
    return message + "\r\n" + body;
}

} // namespace moim::server
