#pragma once

#include "net/api_client.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QFile;

namespace moim {

class ApiDownload;

// The one way calls are made on behalf of a signed-in account. It attaches the access token;
// when the server says the token is no longer good, it asks for a fresh one once — every call
// that meets the expired token waits for that same refresh — and replays the calls with it. A
// call is replayed at most once, so a server that keeps refusing cannot make it loop.
//
// Who refreshes is the account's business: it answers refreshNeeded() with setAccessToken() or
// refreshFailed().
class AuthorizedApi : public QObject
{
    Q_OBJECT

public:
    using Method = ApiClient::Method;
    using Callback = ApiClient::Callback;
    using PieceCallback = ApiClient::PieceCallback;
    using ProgressCallback = ApiClient::ProgressCallback;

    explicit AuthorizedApi(ApiClient *api, QObject *parent = nullptr);
    ~AuthorizedApi() override;

    ApiClient *client() const { return m_api; }
    QString accessToken() const { return m_accessToken; }
    bool isRefreshing() const { return m_refreshing; }

    // A fresh token: calls that wait for it are replayed with it.
    void setAccessToken(const QString &token);
    // The refresh could not produce a token: calls that wait for it end with `error`.
    void refreshFailed(const ApiError &error);

    void call(Method method, const QString &path, const QJsonObject &body, QObject *context,
              Callback done);
    void get(const QString &path, QObject *context, Callback done);
    void post(const QString &path, const QJsonObject &body, QObject *context, Callback done);
    void put(const QString &path, const QJsonObject &body, QObject *context, Callback done);
    // One piece of an upload (ApiClient::sendPiece), with the same token handling as a call: a
    // piece replayed after a refresh starts again from its first byte. Destroying `context`
    // ends the piece on the wire.
    void sendPiece(const QString &path, qint64 offset, const QByteArray &bytes, QObject *context,
                   ProgressCallback progress, PieceCallback done);

    // A GET of a file's body into `target` (open for writing; what it holds already is continued
    // with a Range), written as it arrives: see ApiDownload. The download is a child of `parent`
    // and starts from the event loop, after the refresh under way if there is one.
    ApiDownload *download(const QString &path, QFile *target, QObject *parent);

Q_SIGNALS:
    // A call met an expired or revoked token; emitted once per refresh, however many calls met it.
    void refreshNeeded();
    // The server answered a call (with success or a refusal that is not about the connection):
    // whoever waits for the network to come back may try now.
    void serverReached();

private:
    friend class ApiDownload;
    // A download met an expired token: it starts again when the refresh brings a new one.
    void waitForToken(ApiDownload *download);

    struct Call
    {
        // Sends the request once with the token given; the answer goes to the callback.
        std::function<void(const QString &token, QObject *context, Callback answered)> issue;
        QPointer<QObject> context;
        Callback done;
        bool replayed = false;
    };

    // Starts the call, or holds it for the refresh under way.
    void enqueue(Call call);
    void start(Call call);
    void onAnswer(Call call, const QString &usedToken, const ApiResult &result);

    ApiClient *m_api;
    QString m_accessToken;
    bool m_refreshing = false;
    QList<Call> m_waiting; // for the refresh under way
    QList<QPointer<ApiDownload>> m_waitingDownloads;
};

} // namespace moim
