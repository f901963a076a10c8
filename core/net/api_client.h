#pragma once

#include "api_error.h"
#include "server_address.h"

#include <QJsonObject>
#include <QObject>
#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace moim {

// The answer to one REST call: either a JSON object or an error, never both.
struct ApiResult
{
    QJsonObject body;
    ApiError error;
    bool ok() const { return !error.isError(); }
};

// The answer to one piece of an upload: as any call's, plus the offset the server confirmed in
// its Upload-Offset header (nothing when it sent none, or one that is not a plain number).
struct PieceResult
{
    ApiResult result;
    std::optional<qint64> uploadOffset;
};

// Speaks the REST half of docs/protocol.md. One-shot calls take a context object and a callback;
// the callback never runs after the context is destroyed, and always runs from the event loop
// (never from inside the call), so callers may start further work from it.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResult &)>;
    using PieceCallback = std::function<void(const PieceResult &)>;
    // Bytes of the request body sent so far, of `total`.
    using ProgressCallback = std::function<void(qint64 sent, qint64 total)>;
    enum class Method
    {
        Get,
        Post,
        Put,
        Patch,
        Delete
    };

    ApiClient(ServerAddress server, QString product, QString version, QObject *parent = nullptr);
    ~ApiClient() override;

    const ServerAddress &server() const { return m_server; }
    QString clientIdentity() const; // "moim-desktop/0.1.0"

    void get(QLatin1StringView path, const QString &accessToken, QObject *context, Callback done);
    void get(const QString &path, const QString &accessToken, QObject *context, Callback done);
    void post(QLatin1StringView path, const QJsonObject &body, const QString &accessToken,
              QObject *context, Callback done);
    void post(const QString &path, const QJsonObject &body, const QString &accessToken,
              QObject *context, Callback done);

    void put(const QString &path, const QJsonObject &body, const QString &accessToken,
             QObject *context, Callback done);

    // Every call goes through here; a test replaces the transport by overriding it.
    virtual void send(Method method, const QString &path, const QJsonObject &body,
                      const QString &accessToken, QObject *context, Callback done);

    // One piece of an upload (docs/protocol.md "Files"): PATCH `path` with `bytes` as the body,
    // to be written at `offset`. Its answer and timeouts are those of any call; the default idle
    // timeout and deadline leave a 4 MiB piece room on any link the server itself accepts it
    // from (its body timeout, 30 s, is the tighter one). Unlike other calls, a piece ends on the
    // wire when `context` is destroyed: a cancelled upload stops sending at once.
    virtual void sendPiece(const QString &path, qint64 offset, const QByteArray &bytes,
                           const QString &accessToken, QObject *context, ProgressCallback progress,
                           PieceCallback done);

    // A GET whose answer the caller reads as it arrives (a file's bytes, see ApiDownload): no size
    // limit and no deadline, since a big file that keeps flowing takes as long as it takes; the
    // idle timeout still ends one that stops. `fromByte` > 0 asks for the rest from there
    // (`Range: bytes=N-`). The reply belongs to the caller.
    QNetworkReply *openDownload(const QString &path, const QString &accessToken, qint64 fromByte);

    // The network changed, the system resumed or the event stream found its socket dead: the
    // connections kept open for reuse may be as dead, so later calls open new ones (a catch-up
    // sent over a dead one would wait out the whole timeout). Calls in flight end as before,
    // with their answer or their timeout.
    void dropConnections();
    // A call whose server sends nothing for this long fails as a network error (so a server that
    // accepts and never answers is noticed); any progress starts the wait again.
    void setIdleTimeout(std::chrono::milliseconds timeout) { m_idleTimeout = timeout; }
    std::chrono::milliseconds idleTimeout() const { return m_idleTimeout; }
    // No call takes longer than this in all, however steadily its answer trickles in; it then
    // fails as a network error.
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline = deadline; }
    std::chrono::milliseconds deadline() const { return m_deadline; }
    // An answer body over this size is cut off unread and the call fails with InvalidResponse;
    // no answer of the REST API comes near it.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }

    static constexpr std::chrono::milliseconds DefaultIdleTimeout{15000};
    static constexpr std::chrono::milliseconds DefaultDeadline{60000};
    static constexpr qint64 DefaultMaxResponseBytes = 16 * 1024 * 1024;

private:
    QNetworkRequest makeRequest(const QString &path, const QString &accessToken) const;
    // `inspect` sees the finished reply (its headers) just before `done` runs.
    void track(QNetworkReply *reply, QObject *context, Callback done,
               std::function<void(const QNetworkReply *)> inspect = {});

    ServerAddress m_server;
    QString m_product;
    QString m_version;
    std::chrono::milliseconds m_idleTimeout = DefaultIdleTimeout;
    std::chrono::milliseconds m_deadline = DefaultDeadline;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    QNetworkAccessManager *m_network;
};

} // namespace moim
