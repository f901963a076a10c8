#include "api_error.h"

#include "protocol/protocol.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <algorithm>

namespace moim {

using namespace Qt::StringLiterals;
namespace wire = protocol::error;

namespace {

// QNetworkReply numbers its errors by layer: below 100 the connection, 101–199 a proxy; above
// that the HTTP answer itself (a status, a malformed reply).
bool isTransportFailure(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

// What an answer without a wire code we know stands for, by its status alone: a proxy or load
// balancer in front of the server answers with its own (often HTML) page.
ApiError::Code codeFromStatus(int httpStatus, bool hadWireCode)
{
    using Code = ApiError::Code;
    switch (httpStatus) {
    case 408:
        return Code::RequestTimeout;
    case 411:
        return Code::LengthRequired;
    case 413:
        return Code::PayloadTooLarge;
    case 429:
        return Code::RateLimited;
    case 431:
        return Code::HeadersTooLarge;
    default:
        break;
    }
    if (httpStatus >= 500)
        return Code::ServerError;
    // A code from a newer server is a refusal we cannot word; no code at all means the answer
    // is not our protocol (a captive portal's login page, a redirect).
    return hadWireCode ? Code::Unknown : Code::InvalidResponse;
}

} // namespace

bool ApiError::isTransient() const
{
    switch (code) {
    case Code::Network:
    case Code::InvalidResponse:
    case Code::ServerError:
    case Code::ServerBusy:
    case Code::RequestTimeout:
    case Code::RateLimited:
    case Code::TooManyAttempts:
    case Code::TooManyPending:
        return true;
    default:
        // PushBlocked lifts by itself too, but only because a person refused: asking again on
        // our own would pester them.
        return false;
    }
}

std::chrono::milliseconds ApiError::retryAfter() const
{
    return std::chrono::seconds(std::max(0, retryAfterSeconds));
}

ApiError ApiError::fromCode(Code code, const QString &message)
{
    ApiError error;
    error.code = code;
    error.message = message;
    return error;
}

ApiError::Code ApiError::codeFromWire(const QString &wireCode)
{
    static const QHash<QString, Code> codes{
        {wire::BadRequest, Code::BadRequest},
        {wire::InvalidCredentials, Code::InvalidCredentials},
        {wire::InvalidToken, Code::InvalidToken},
        {wire::UnauthorizedUser, Code::UnauthorizedUser},
        {wire::Forbidden, Code::Forbidden},
        {wire::NotFound, Code::NotFound},
        {wire::UpdateRequired, Code::UpdateRequired},
        {wire::TooManyAttempts, Code::TooManyAttempts},
        {wire::ServerError, Code::ServerError},
        {wire::WeakPassword, Code::WeakPassword},
        {wire::InviteInvalid, Code::InviteInvalid},
        {wire::InviteExpired, Code::InviteExpired},
        {wire::InviteUsed, Code::InviteUsed},
        {wire::InviteRevoked, Code::InviteRevoked},
        {wire::InviteReplaced, Code::InviteReplaced},
        {wire::ResetInvalid, Code::ResetInvalid},
        {wire::ResetExpired, Code::ResetExpired},
        {wire::ResetUsed, Code::ResetUsed},
        {wire::QrExpired, Code::QrExpired},
        {wire::QrUsed, Code::QrUsed},
        {wire::WrongCode, Code::WrongCode},
        {wire::SecondFactorRequired, Code::SecondFactorRequired},
        {wire::InvalidCode, Code::InvalidCode},
        {wire::CodeReused, Code::CodeReused},
        {wire::CodeExpired, Code::CodeExpired},
        {wire::ChallengeEnded, Code::ChallengeEnded},
        {wire::TwoStepRequired, Code::TwoStepRequired},
        {wire::InvalidSettings, Code::InvalidSettings},
        {wire::TooManyPending, Code::TooManyPending},
        {wire::PushBlocked, Code::PushBlocked},
        {wire::PushExpired, Code::PushExpired},
        {wire::PushUsed, Code::PushUsed},
        {wire::AlreadyLinked, Code::AlreadyLinked},
        {wire::ServerBusy, Code::ServerBusy},
        {wire::RequestTimeout, Code::RequestTimeout},
        {wire::PayloadTooLarge, Code::PayloadTooLarge},
        {wire::HeadersTooLarge, Code::HeadersTooLarge},
        {wire::LengthRequired, Code::LengthRequired},
    };
    return codes.value(wireCode, Code::Unknown);
}

ApiError ApiError::fromReply(QNetworkReply *reply, const QByteArray &body)
{
    const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (httpStatus != 0 && !isTransportFailure(reply->error())) {
        ApiError error = fromHttpAnswer(httpStatus, body);
        // A proxy's 429 or 503 may say when in the header only.
        if (error.retryAfterSeconds <= 0 && reply->hasRawHeader("Retry-After"))
            error.retryAfterSeconds = std::max(0, reply->rawHeader("Retry-After").toInt());
        return error;
    }
    // No complete HTTP answer: the transport failed (refused, reset, timed out, cut short).
    ApiError error;
    const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
    error.code = tls ? Code::Tls : Code::Network;
    error.httpStatus = httpStatus;
    error.message = reply->errorString();
    return error;
}

ApiError ApiError::fromHttpAnswer(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.httpStatus = httpStatus;
    const QJsonObject object = QJsonDocument::fromJson(body).object().value("error"_L1).toObject();
    error.serverCode = object.value("code"_L1).toString();
    error.message = object.value("message"_L1).toString();
    error.retryAfterSeconds = object.value("retry_after"_L1).toInt();
    error.minimumVersion = object.value("min_version"_L1).toString();
    error.reason = object.value("reason"_L1).toString();
    error.challengeId = object.value("challenge_id"_L1).toString();
    error.attemptsLeft = object.value("attempts_left"_L1).toInt(-1);
    error.field = object.value("field"_L1).toString();

    const Code wireCode =
        error.serverCode.isEmpty() ? Code::Unknown : codeFromWire(error.serverCode);
    error.code = wireCode != Code::Unknown
                     ? wireCode
                     : codeFromStatus(httpStatus, !error.serverCode.isEmpty());
    if (error.message.isEmpty())
        error.message = u"HTTP %1"_s.arg(error.httpStatus);
    return error;
}

QString errorName(ApiError::Code code)
{
    switch (code) {
    case ApiError::Code::None:
        return u"none"_s;
    case ApiError::Code::Network:
        return u"network"_s;
    case ApiError::Code::Tls:
        return u"tls"_s;
    case ApiError::Code::InvalidResponse:
        return u"invalid_response"_s;
    case ApiError::Code::BadRequest:
        return wire::BadRequest;
    case ApiError::Code::InvalidCredentials:
        return wire::InvalidCredentials;
    case ApiError::Code::InvalidToken:
        return wire::InvalidToken;
    case ApiError::Code::UnauthorizedUser:
        return wire::UnauthorizedUser;
    case ApiError::Code::Forbidden:
        return wire::Forbidden;
    case ApiError::Code::NotFound:
        return wire::NotFound;
    case ApiError::Code::UpdateRequired:
        return wire::UpdateRequired;
    case ApiError::Code::TooManyAttempts:
        return wire::TooManyAttempts;
    case ApiError::Code::ServerError:
        return wire::ServerError;
    case ApiError::Code::WeakPassword:
        return wire::WeakPassword;
    case ApiError::Code::InviteInvalid:
        return wire::InviteInvalid;
    case ApiError::Code::InviteExpired:
        return wire::InviteExpired;
    case ApiError::Code::InviteUsed:
        return wire::InviteUsed;
    case ApiError::Code::InviteRevoked:
        return wire::InviteRevoked;
    case ApiError::Code::InviteReplaced:
        return wire::InviteReplaced;
    case ApiError::Code::ResetInvalid:
        return wire::ResetInvalid;
    case ApiError::Code::ResetExpired:
        return wire::ResetExpired;
    case ApiError::Code::ResetUsed:
        return wire::ResetUsed;
    case ApiError::Code::QrExpired:
        return wire::QrExpired;
    case ApiError::Code::QrUsed:
        return wire::QrUsed;
    case ApiError::Code::WrongCode:
        return wire::WrongCode;
    case ApiError::Code::InsecureServer:
        return u"insecure_server"_s;
    case ApiError::Code::InvalidInput:
        return u"invalid_input"_s;
    case ApiError::Code::SecondFactorRequired:
        return wire::SecondFactorRequired;
    case ApiError::Code::InvalidCode:
        return wire::InvalidCode;
    case ApiError::Code::CodeReused:
        return wire::CodeReused;
    case ApiError::Code::CodeExpired:
        return wire::CodeExpired;
    case ApiError::Code::ChallengeEnded:
        return wire::ChallengeEnded;
    case ApiError::Code::TwoStepRequired:
        return wire::TwoStepRequired;
    case ApiError::Code::InvalidSettings:
        return wire::InvalidSettings;
    case ApiError::Code::TooManyPending:
        return wire::TooManyPending;
    case ApiError::Code::PushBlocked:
        return wire::PushBlocked;
    case ApiError::Code::PushExpired:
        return wire::PushExpired;
    case ApiError::Code::PushUsed:
        return wire::PushUsed;
    case ApiError::Code::AlreadyLinked:
        return wire::AlreadyLinked;
    case ApiError::Code::ServerBusy:
        return wire::ServerBusy;
    case ApiError::Code::RateLimited:
        return u"rate_limited"_s;
    case ApiError::Code::RequestTimeout:
        return wire::RequestTimeout;
    case ApiError::Code::PayloadTooLarge:
        return wire::PayloadTooLarge;
    case ApiError::Code::HeadersTooLarge:
        return wire::HeadersTooLarge;
    case ApiError::Code::LengthRequired:
        return wire::LengthRequired;
    case ApiError::Code::LocalFile:
        return u"local_file"_s;
    case ApiError::Code::Unknown:
        return u"unknown"_s;
    }
    return u"unknown"_s;
}

} // namespace moim
