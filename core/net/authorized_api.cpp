#include "authorized_api.h"

#include "net/api_download.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuthorized, "moim.core.authorized")

namespace moim {

AuthorizedApi::AuthorizedApi(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

AuthorizedApi::~AuthorizedApi() = default;

void AuthorizedApi::setAccessToken(const QString &token)
{
    m_accessToken = token;
    if (!m_refreshing)
        return;
    m_refreshing = false;
    const QList<Call> waiting = std::exchange(m_waiting, {});
    for (const Call &call : waiting)
        start(call);
    const QList<QPointer<ApiDownload>> downloads = std::exchange(m_waitingDownloads, {});
    for (const QPointer<ApiDownload> &download : downloads) {
        if (download)
            download->start();
    }
}

void AuthorizedApi::refreshFailed(const ApiError &error)
{
    m_refreshing = false;
    const QList<Call> waiting = std::exchange(m_waiting, {});
    for (const Call &call : waiting) {
        if (call.context)
            call.done(ApiResult{{}, error});
    }
    const QList<QPointer<ApiDownload>> downloads = std::exchange(m_waitingDownloads, {});
    for (const QPointer<ApiDownload> &download : downloads) {
        if (download)
            download->fail(error);
    }
}

void AuthorizedApi::call(Method method, const QString &path, const QJsonObject &body,
                         QObject *context, Callback done)
{
    const QPointer<ApiClient> api(m_api);
    Call call{
        [api, method, path, body](const QString &token, QObject *callContext, Callback answered) {
            if (api)
                api->send(method, path, body, token, callContext, std::move(answered));
        },
        context, std::move(done)};
    enqueue(std::move(call));
}

void AuthorizedApi::sendPiece(const QString &path, qint64 offset, const QByteArray &bytes,
                              QObject *context, ProgressCallback progress, PieceCallback done)
{
    // The call path speaks ApiResult; the confirmed offset of the last answer rides beside it.
    auto confirmed = std::make_shared<std::optional<qint64>>();
    const QPointer<ApiClient> api(m_api);
    Call call{[api, path, offset, bytes, progress,
               confirmed](const QString &token, QObject *callContext, Callback answered) {
                  if (!api)
                      return;
                  api->sendPiece(path, offset, bytes, token, callContext, progress,
                                 [confirmed, answered](const PieceResult &result) {
                                     *confirmed = result.uploadOffset;
                                     answered(result.result);
                                 });
              },
              context,
              [confirmed, done = std::move(done)](const ApiResult &result) {
                  done(PieceResult{result, *confirmed});
              }};
    enqueue(std::move(call));
}

void AuthorizedApi::enqueue(Call call)
{
    if (m_refreshing) {
        // The token in hand is known to be stale: wait for the fresh one instead of
        // collecting another refusal.
        m_waiting.append(std::move(call));
        return;
    }
    start(std::move(call));
}

void AuthorizedApi::get(const QString &path, QObject *context, Callback done)
{
    call(Method::Get, path, {}, context, std::move(done));
}

void AuthorizedApi::post(const QString &path, const QJsonObject &body, QObject *context,
                         Callback done)
{
    call(Method::Post, path, body, context, std::move(done));
}

void AuthorizedApi::put(const QString &path, const QJsonObject &body, QObject *context,
                        Callback done)
{
    call(Method::Put, path, body, context, std::move(done));
}

ApiDownload *AuthorizedApi::download(const QString &path, QFile *target, QObject *parent)
{
    auto *download = new ApiDownload(this, path, target, parent);
    const QPointer<AuthorizedApi> self(this);
    QMetaObject::invokeMethod(
        download,
        [self, download] {
            if (self && self->m_refreshing)
                self->m_waitingDownloads.append(download);
            else
                download->start();
        },
        Qt::QueuedConnection);
    return download;
}

void AuthorizedApi::waitForToken(ApiDownload *download)
{
    m_waitingDownloads.append(download);
    if (!m_refreshing) {
        m_refreshing = true;
        qCInfo(lcAuthorized) << "access token refused; refreshing once for every waiting call";
        Q_EMIT refreshNeeded();
    }
}

void AuthorizedApi::start(Call call)
{
    if (!call.context)
        return;
    const QString usedToken = m_accessToken;
    QObject *context = call.context;
    const QPointer<AuthorizedApi> self(this);
    call.issue(usedToken, context, [self, call, usedToken](const ApiResult &result) {
        if (self)
            self->onAnswer(call, usedToken, result);
        else
            call.done(result);
    });
}

void AuthorizedApi::onAnswer(Call call, const QString &usedToken, const ApiResult &result)
{
    if (result.error.code != ApiError::Code::InvalidToken || call.replayed) {
        if (result.ok() || (result.error.httpStatus >= 400 && result.error.httpStatus < 500))
            Q_EMIT serverReached();
        call.done(result);
        return;
    }
    call.replayed = true;
    if (usedToken != m_accessToken && !m_accessToken.isEmpty()) {
        // Refreshed while this call was out: the new token is already here.
        start(std::move(call));
        return;
    }
    m_waiting.append(std::move(call));
    if (!m_refreshing) {
        m_refreshing = true;
        qCInfo(lcAuthorized) << "access token refused; refreshing once for every waiting call";
        Q_EMIT refreshNeeded();
    }
}

} // namespace moim
