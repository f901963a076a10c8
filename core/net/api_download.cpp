#include "api_download.h"

#include "net/authorized_api.h"

#include <QFile>
#include <QLoggingCategory>
#include <QNetworkReply>

Q_LOGGING_CATEGORY(lcDownload, "moim.core.download")

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// What Qt buffers of an answer before it waits for us to read: the memory a download costs.
constexpr qint64 ReadBufferBytes = 1024 * 1024;
// An error answer is a small JSON object; anything longer is not read further.
constexpr qsizetype MaxErrorBody = 64 * 1024;

struct ContentRange
{
    qint64 first = -1; // -1 in "bytes */size"
    qint64 size = -1;
};

// "bytes a-b/size" or "bytes */size" (RFC 9110, section 14.4); nullopt for anything else.
std::optional<ContentRange> parseContentRange(const QByteArray &value)
{
    if (!value.startsWith("bytes "))
        return std::nullopt;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype slash = spec.indexOf('/');
    if (slash < 0)
        return std::nullopt;
    bool ok = false;
    ContentRange range;
    range.size = spec.mid(slash + 1).toLongLong(&ok);
    if (!ok || range.size < 0)
        return std::nullopt;
    const QByteArray span = spec.left(slash);
    if (span == "*")
        return range;
    range.first = span.left(span.indexOf('-')).toLongLong(&ok);
    if (!ok || range.first < 0 || span.indexOf('-') < 0)
        return std::nullopt;
    return range;
}

} // namespace

ApiDownload::ApiDownload(AuthorizedApi *api, QString path, QFile *target, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_path(std::move(path))
    , m_target(target)
{}

ApiDownload::~ApiDownload()
{
    dropReply();
}

void ApiDownload::cancel()
{
    m_finished = true;
    dropReply();
}

void ApiDownload::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    reply->abort();
    reply->deleteLater();
}

void ApiDownload::start()
{
    if (m_finished)
        return;
    if (!m_api || !m_target || !m_target->isOpen())
        return finish(ApiError::fromCode(ApiError::Code::LocalFile, u"no file to write to"_s));
    m_offset = m_target->size();
    if (!m_target->seek(m_offset))
        return finish(ApiError::fromCode(ApiError::Code::LocalFile, m_target->errorString()));
    m_received = m_offset;
    m_total = -1;
    m_status = 0;
    m_bodyAccepted = false;
    m_refusal = {};
    m_errorBody.clear();
    m_usedToken = m_api->accessToken();
    m_reply = m_api->client()->openDownload(m_path, m_usedToken, m_offset);
    m_reply->setReadBufferSize(ReadBufferBytes);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ApiDownload::onHeaders);
    connect(m_reply, &QNetworkReply::readyRead, this, &ApiDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ApiDownload::onFinished);
}

void ApiDownload::fail(const ApiError &error)
{
    finish(error);
}

void ApiDownload::onHeaders()
{
    if (m_status != 0 || !m_reply)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_status == 0)
        return;
    const auto range = parseContentRange(m_reply->rawHeader("Content-Range"));
    if (m_status == 200) {
        m_bodyAccepted = true;
        if (m_offset > 0) {
            // The server sends the whole body (it ignored the range): start the target again.
            m_offset = 0;
            m_received = 0;
            if (!m_target->resize(0) || !m_target->seek(0)) {
                m_refusal = ApiError::fromCode(ApiError::Code::LocalFile, m_target->errorString());
                m_reply->abort();
                return;
            }
        }
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_total = length.isValid() ? length.toLongLong() : -1;
    } else if (m_status == 206) {
        if (!range || range->first != m_offset) {
            m_refusal = ApiError::fromCode(ApiError::Code::InvalidResponse,
                                           u"a range that does not continue at %1"_s.arg(m_offset));
            m_refusal.httpStatus = m_status;
            m_reply->abort();
            return;
        }
        m_bodyAccepted = true;
        m_total = range->size;
    } else if (m_status == 416 && range && range->first < 0 && range->size == m_offset) {
        // The target already holds the whole body (an earlier try ended right after its last
        // byte): nothing is missing.
        m_total = m_offset;
    }
    if (m_bodyAccepted)
        Q_EMIT progress(m_received, m_total);
}

void ApiDownload::onReadyRead()
{
    if (!m_reply)
        return;
    if (m_status == 0)
        onHeaders();
    if (!m_reply || m_refusal.isError())
        return;
    if (!m_bodyAccepted) {
        const QByteArray more = m_reply->readAll();
        m_errorBody += more.left(MaxErrorBody - m_errorBody.size());
        return;
    }
    bool wrote = false;
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(ReadBufferBytes);
        if (m_target->write(chunk) != chunk.size()) {
            m_refusal = ApiError::fromCode(ApiError::Code::LocalFile, m_target->errorString());
            m_reply->abort();
            return;
        }
        m_received += chunk.size();
        wrote = true;
    }
    if (wrote)
        Q_EMIT progress(m_received, m_total);
}

void ApiDownload::onFinished()
{
    if (!m_reply)
        return;
    if (!m_refusal.isError())
        onReadyRead();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    ApiError error = m_refusal;
    if (error.isError()) {
        // Said when it was refused.
    } else if (m_bodyAccepted && reply->error() == QNetworkReply::NoError) {
        if (!m_target->flush())
            error = ApiError::fromCode(ApiError::Code::LocalFile, m_target->errorString());
        else if (m_total >= 0 && m_received != m_total)
            error = ApiError::fromCode(
                ApiError::Code::Network,
                u"the body ended at %1 of %2 bytes"_s.arg(m_received).arg(m_total));
    } else if (m_status == 416 && m_total == m_offset) {
        // Complete already (see onHeaders).
    } else if (m_status == 416) {
        // The target holds more than the file (a file replaced under the same id cannot be, but a
        // damaged part file can): start again from nothing.
        if (!m_target->resize(0))
            error = ApiError::fromCode(ApiError::Code::LocalFile, m_target->errorString());
        else
            return start();
    } else {
        error = ApiError::fromReply(reply, m_errorBody);
    }

    if (m_api && (!error.isError() || (error.httpStatus >= 400 && error.httpStatus < 500)))
        Q_EMIT m_api->serverReached();
    if (error.code == ApiError::Code::InvalidToken && !m_replayed && m_api) {
        // The token expired on the way: once, with the fresh one (see AuthorizedApi).
        m_replayed = true;
        if (!m_api->accessToken().isEmpty() && m_api->accessToken() != m_usedToken)
            return start();
        m_api->waitForToken(this);
        return;
    }
    if (error.isError())
        qCInfo(lcDownload) << m_path << "failed:" << errorName(error.code) << error.message;
    finish(error);
}

void ApiDownload::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    dropReply();
    Q_EMIT finished(error);
}

} // namespace moim
