#include "api_client.h"

#include "protocol/protocol.h"
#include "protocol/upload_headers.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <memory>

Q_LOGGING_CATEGORY(lcApi, "moim.core.api")

namespace moim {

using namespace Qt::StringLiterals;

ApiClient::ApiClient(ServerAddress server, QString product, QString version, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_product(std::move(product))
    , m_version(std::move(version))
    , m_network(new QNetworkAccessManager(this))
{
    // Redirects could carry a bearer token to another origin; the protocol never redirects.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ApiClient::~ApiClient() = default;

QString ApiClient::clientIdentity() const
{
    return m_product + u'/' + m_version;
}

void ApiClient::dropConnections()
{
    m_network->clearConnectionCache();
}

QNetworkRequest ApiClient::makeRequest(const QString &path, const QString &accessToken) const
{
    QUrl url = m_server.baseUrl();
    // A path may carry a query ("…/sync?after_seq=42"); never a token, which goes in a header.
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader(protocol::ClientHeader, clientIdentity().toUtf8());
    if (!accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + accessToken.toUtf8());
    request.setTransferTimeout(int(m_idleTimeout.count()));
    return request;
}

void ApiClient::get(QLatin1StringView path, const QString &accessToken, QObject *context,
                    Callback done)
{
    get(QString(path), accessToken, context, std::move(done));
}

void ApiClient::get(const QString &path, const QString &accessToken, QObject *context,
                    Callback done)
{
    send(Method::Get, path, {}, accessToken, context, std::move(done));
}

void ApiClient::post(QLatin1StringView path, const QJsonObject &body, const QString &accessToken,
                     QObject *context, Callback done)
{
    post(QString(path), body, accessToken, context, std::move(done));
}

void ApiClient::post(const QString &path, const QJsonObject &body, const QString &accessToken,
                     QObject *context, Callback done)
{
    send(Method::Post, path, body, accessToken, context, std::move(done));
}

void ApiClient::put(const QString &path, const QJsonObject &body, const QString &accessToken,
                    QObject *context, Callback done)
{
    send(Method::Put, path, body, accessToken, context, std::move(done));
}

void ApiClient::send(Method method, const QString &path, const QJsonObject &body,
                     const QString &accessToken, QObject *context, Callback done)
{
    const QNetworkRequest request = makeRequest(path, accessToken);
    QNetworkReply *reply = nullptr;
    switch (method) {
    case Method::Get:
        reply = m_network->get(request);
        break;
    case Method::Post:
        reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        break;
    case Method::Put:
        reply = m_network->put(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        break;
    case Method::Patch:
        reply = m_network->sendCustomRequest(request, "PATCH",
                                             QJsonDocument(body).toJson(QJsonDocument::Compact));
        break;
    case Method::Delete:
        reply = m_network->deleteResource(request);
        break;
    }
    track(reply, context, std::move(done));
}

void ApiClient::sendPiece(const QString &path, qint64 offset, const QByteArray &bytes,
                          const QString &accessToken, QObject *context, ProgressCallback progress,
                          PieceCallback done)
{
    QNetworkRequest request = makeRequest(path, accessToken);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray(protocol::UploadPieceType));
    request.setRawHeader(protocol::UploadOffsetHeader, QByteArray::number(offset));
    QNetworkReply *reply = m_network->sendCustomRequest(request, "PATCH", bytes);
    // The abort below reports progress once more, from inside the context's destructor: the
    // guard (already null then) keeps that from reaching a half-destroyed owner.
    const QPointer<QObject> guard(context);
    if (progress) {
        connect(reply, &QNetworkReply::uploadProgress, reply,
                [guard, progress = std::move(progress)](qint64 sent, qint64 total) {
                    if (guard)
                        progress(sent, total);
                });
    }
    connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
    auto confirmed = std::make_shared<std::optional<qint64>>();
    track(
        reply, context,
        [confirmed, done = std::move(done)](const ApiResult &result) {
            done(PieceResult{result, *confirmed});
        },
        [confirmed](const QNetworkReply *finished) {
            *confirmed =
                protocol::parseUploadOffset(finished->rawHeader(protocol::UploadOffsetHeader));
        });
}

QNetworkReply *ApiClient::openDownload(const QString &path, const QString &accessToken,
                                       qint64 fromByte)
{
    QNetworkRequest request = makeRequest(path, accessToken);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QVariant());
    if (fromByte > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(fromByte) + '-');
    return m_network->get(request);
}

namespace {

// Why the client ended a reply itself; the reply then only says "canceled".
enum class Cutoff
{
    None,
    TooLarge,
    Deadline,
};

} // namespace

void ApiClient::track(QNetworkReply *reply, QObject *context, Callback done,
                      std::function<void(const QNetworkReply *)> inspect)
{
    const QPointer<QObject> guard(context);
    const auto cutoff = std::make_shared<Cutoff>(Cutoff::None);
    const qint64 limit = m_maxResponseBytes;
    const auto cutOff = [reply, cutoff](Cutoff why) {
        if (*cutoff != Cutoff::None || reply->isFinished())
            return;
        *cutoff = why;
        reply->abort();
    };
    // An announced giant is refused from its headers, before any of it is read; a chunked or
    // lying answer is cut as soon as what has arrived passes the limit.
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, limit, cutOff] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > limit)
            cutOff(Cutoff::TooLarge);
    });
    connect(reply, &QNetworkReply::readyRead, this, [reply, limit, cutOff] {
        if (reply->bytesAvailable() > limit)
            cutOff(Cutoff::TooLarge);
    });
    // The idle timeout restarts with every byte, so an answer that trickles forever needs a
    // deadline of its own.
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [cutOff] { cutOff(Cutoff::Deadline); });
    deadline->start(m_deadline);

    connect(
        reply, &QNetworkReply::finished, this,
        [reply, guard, cutoff, limit, deadlineTime = m_deadline, done = std::move(done),
         inspect = std::move(inspect)] {
            reply->deleteLater();
            ApiResult result;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (*cutoff == Cutoff::TooLarge) {
                result.error =
                    ApiError::fromCode(ApiError::Code::InvalidResponse,
                                       u"the answer is over %1 bytes; cut off"_s.arg(limit));
                result.error.httpStatus = status;
            } else if (*cutoff == Cutoff::Deadline) {
                result.error = ApiError::fromCode(
                    ApiError::Code::Network,
                    u"no complete answer within %1 ms"_s.arg(deadlineTime.count()));
                result.error.httpStatus = status;
            } else if (status >= 200 && status < 300 && reply->error() == QNetworkReply::NoError) {
                // An empty body is a valid answer (204); callers that need fields check them.
                const QByteArray body = reply->readAll();
                if (!body.isEmpty()) {
                    QJsonParseError parseError;
                    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
                    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
                        result.error =
                            ApiError::fromCode(ApiError::Code::InvalidResponse,
                                               parseError.error != QJsonParseError::NoError
                                                   ? parseError.errorString()
                                                   : u"the answer is not a JSON object"_s);
                        result.error.httpStatus = status;
                    } else {
                        result.body = document.object();
                    }
                }
            } else {
                // A reply the transport ended (the idle timeout) is closed: nothing to read.
                result.error =
                    ApiError::fromReply(reply, reply->isOpen() ? reply->readAll() : QByteArray());
            }
            if (result.error.isError()) {
                qCInfo(lcApi) << reply->request().url().path()
                              << "failed:" << errorName(result.error.code) << result.error.message;
            }
            if (!guard)
                return;
            if (inspect)
                inspect(reply);
            done(result);
        });
}

} // namespace moim
