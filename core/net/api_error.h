#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <chrono>

class QNetworkReply;

namespace moim {

// A failed call as a value: what kind of failure (for the UI to word), plus the details the server
// or the network gave (for logs). User-facing text is made in the UI, never here.
struct ApiError
{
    Q_GADGET

public:
    enum class Code
    {
        None,
        Network,         // could not reach the server
        Tls,             // certificate or TLS failure
        InvalidResponse, // the server answered something that is not our protocol
        BadRequest,
        InvalidCredentials,
        InvalidToken,
        UnauthorizedUser,
        Forbidden,
        NotFound,
        UpdateRequired,
        TooManyAttempts,
        ServerError,
        WeakPassword, // see `reason`: too_short, too_long, too_guessable
        InviteInvalid,
        InviteExpired,
        InviteUsed,
        InviteRevoked,
        InviteReplaced,
        ResetInvalid,
        ResetExpired,
        ResetUsed,
        QrExpired,      // the QR code moved on or its session is over
        QrUsed,         // the QR code was already scanned, approved or ended
        WrongCode,      // the check code did not match; that request has ended
        InsecureServer, // plain http to a host that is not loopback
        InvalidInput,   // refused before sending (e.g. an empty email)
        // 2-step verification
        SecondFactorRequired, // the password was right; a code must follow (challengeId)
        InvalidCode,
        CodeReused,
        CodeExpired,
        ChallengeEnded,  // 5 wrong codes or too slow: sign in with the password again
        TwoStepRequired, // the workspace is locked until the user enrols
        InvalidSettings, // a notification setting was refused; see `field`
        // Push requests to a personal account's phone (sign-in and linking)
        TooManyPending, // 3 requests already wait on the phone (retryAfterSeconds)
        PushBlocked,    // the owner reported a request; pushes are paused (retryAfterSeconds)
        PushExpired,    // the request's 60 s are over
        PushUsed,       // the request was already approved, denied or ended
        AlreadyLinked,  // a personal account or work account is linked already
        // Load and transport limits (docs/protocol.md "Limits"); also matched by HTTP status when
        // a proxy answers without our error body.
        ServerBusy,      // 503 server_busy: every password-check slot is taken (retryAfterSeconds)
        RateLimited,     // a 429 without a code we know: slow down (retryAfterSeconds when given)
        RequestTimeout,  // 408: the request did not reach the server in time
        PayloadTooLarge, // 413: the request body is over the endpoint's limit
        HeadersTooLarge, // 431: the request line and headers are over the limit
        LengthRequired,  // 411: a body without Content-Length
        // A file on this computer could not be written or read (a download's target, a full disk)
        LocalFile,
        Unknown,
    };
    Q_ENUM(Code)

    Code code = Code::None;
    QString serverCode; // the wire code as received, e.g. "too_many_attempts"
    QString message;    // diagnostic detail, English, for logs
    int httpStatus = 0;
    int retryAfterSeconds = 0;
    QString minimumVersion; // with UpdateRequired
    QString reason;         // with WeakPassword
    QString challengeId;    // with SecondFactorRequired (at sign-in)
    int attemptsLeft = -1;  // with InvalidCode, CodeReused, CodeExpired; -1 when not said
    QString field;          // with InvalidSettings: the refused field, e.g. "quiet_hours.start"

    bool isError() const { return code != Code::None; }
    // Worth trying again later without the user changing anything: the network, a timeout, a
    // server failure or overload, an answer that is not our protocol (a captive portal's page),
    // and throttling that lifts by itself. Everything else is a refusal that repeats until the
    // request or the account changes (docs/protocol.md "Client limits and retries").
    bool isTransient() const;
    // How long the server asked us to wait before trying again (retry_after); zero when it did
    // not say, and then the caller's own backoff decides.
    std::chrono::milliseconds retryAfter() const;

    static ApiError fromCode(Code code, const QString &message = {});
    // Maps a wire error code (docs/protocol.md) to Code; unknown codes become Unknown.
    static Code codeFromWire(const QString &wireCode);
    // Builds the error for a finished reply whose body was already read into `body`. A reply that
    // broke off in the transport is a network failure even when its status line had arrived.
    static ApiError fromReply(QNetworkReply *reply, const QByteArray &body);
    // The error an HTTP answer with this status and body stands for (the body may be anything):
    // the wire code when we know it, else what the status says.
    static ApiError fromHttpAnswer(int httpStatus, const QByteArray &body);
};

QString errorName(ApiError::Code code);

} // namespace moim
