#include "upload_manager.h"

#include "chat/outbox.h"
#include "net/authorized_api.h"
#include "protocol/upload_headers.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcUploads, "moim.core.uploads")

namespace moim {

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
namespace wire = protocol;

namespace {

struct ErrorName
{
    UploadError error;
    QLatin1StringView name;
};
constexpr ErrorName ErrorNames[] = {
    {UploadError::Unreadable, "unreadable"_L1},
    {UploadError::Folder, "folder"_L1},
    {UploadError::Empty, "empty"_L1},
    {UploadError::TooLarge, "too_large"_L1},
    {UploadError::NotSaved, "not_saved"_L1},
    {UploadError::FileChanged, "file_changed"_L1},
    {UploadError::FileMissing, "file_missing"_L1},
    {UploadError::Refused, "refused"_L1},
};

QString uploadPath(const QString &uploadId)
{
    return wire::path::UploadsBase + QString::fromLatin1(QUrl::toPercentEncoding(uploadId));
}

// A name the server accepts (protocol::isAcceptableFileName) for whatever the file system or a
// paste offered: control characters and slashes become '_', and it is cut to the limit.
QString acceptableName(const QString &name, const QString &fallback)
{
    QString cleaned = name.left(wire::limits::MaxFileNameLength);
    for (QChar &c : cleaned) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == u'/' || u == u'\\')
            c = u'_';
    }
    return wire::isAcceptableFileName(cleaned) ? cleaned : fallback;
}

} // namespace

QString uploadErrorName(UploadError error)
{
    for (const ErrorName &entry : ErrorNames) {
        if (entry.error == error)
            return entry.name;
    }
    return {};
}

UploadError uploadErrorFromName(const QString &name)
{
    for (const ErrorName &entry : ErrorNames) {
        if (entry.name == name)
            return entry.error;
    }
    return name.isEmpty() ? UploadError::None : UploadError::Refused;
}

Attachment Upload::attachment() const
{
    if (file)
        return *file;
    Attachment local;
    local.uploadKey = key;
    local.name = name;
    local.size = size;
    local.type = type;
    local.width = imageSize.width();
    local.height = imageSize.height();
    return local;
}

UploadManager::UploadManager(AuthorizedApi *api, OutboxStore *store, QString outgoingDir,
                             QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_store(store)
    , m_outgoingDir(std::move(outgoingDir))
    // A file in the composer is in front of the user: like the outbox, retries stay frequent.
    , m_backoff(500ms, 8s)
{
    if (m_store && m_store->isOpen()) {
        for (const StoredUpload &stored : m_store->uploads()) {
            Entry entry;
            entry.stored = stored;
            if (stored.file)
                entry.state = Upload::State::Done;
            else if (!stored.failure.isEmpty())
                entry.state = Upload::State::Failed;
            // Started on the server: how far it got is the server's word, not this file's.
            entry.offsetKnown = stored.uploadId.isEmpty();
            m_entries.append(entry);
        }
    }
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &UploadManager::resumeWaiting);
    connect(m_api, &AuthorizedApi::serverReached, this, &UploadManager::tryNow);
    QTimer::singleShot(0, this, &UploadManager::pump);
}

// The piece on the wire ends with its context (a child): the server keeps what it confirmed.
UploadManager::~UploadManager() = default;

qsizetype UploadManager::indexOf(const QString &key) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).stored.key == key)
            return i;
    }
    return -1;
}

Upload UploadManager::snapshot(const Entry &entry) const
{
    const StoredUpload &stored = entry.stored;
    Upload upload;
    upload.key = stored.key;
    upload.conversationId = stored.conversationId;
    upload.name = stored.name;
    upload.localPath = stored.localPath;
    upload.size = stored.size;
    upload.sent =
        stored.file ? stored.size
                    : std::min(stored.size,
                               stored.offset + (stored.key == m_inFlightKey ? entry.pieceSent : 0));
    upload.type = stored.type;
    if (stored.width > 0 && stored.height > 0)
        upload.imageSize = QSize(stored.width, stored.height);
    upload.state = entry.state;
    upload.error = uploadErrorFromName(stored.failure);
    upload.file = stored.file;
    return upload;
}

void UploadManager::announce(const Entry &entry)
{
    Q_EMIT uploadChanged(snapshot(entry));
}

void UploadManager::save(const Entry &entry)
{
    // Not written down (the disk refused): the server's offset is asked again after a restart,
    // and the worst is a piece sent twice and refused with the right offset.
    if (m_store)
        m_store->storeUpload(entry.stored);
}

std::optional<Upload> UploadManager::find(const QString &key) const
{
    const qsizetype index = indexOf(key);
    return index < 0 ? std::nullopt : std::optional<Upload>(snapshot(m_entries.at(index)));
}

QList<Upload> UploadManager::uploads(const QString &conversationId) const
{
    QList<Upload> result;
    for (const Entry &entry : m_entries) {
        if (entry.stored.conversationId == conversationId)
            result.append(snapshot(entry));
    }
    return result;
}

UploadManager::Started UploadManager::start(const QString &conversationId, const QString &localPath,
                                            QSize imageSize)
{
    // Every refusal comes before anything is written down or sent.
    const QFileInfo info(localPath);
    if (info.isDir())
        return {{}, UploadError::Folder};
    if (!info.isFile() || !info.isReadable())
        return {{}, UploadError::Unreadable};
    if (info.size() <= 0)
        return {{}, UploadError::Empty};
    if (info.size() > MaxFileBytes)
        return {{}, UploadError::TooLarge};
    QFile probe(localPath);
    if (!probe.open(QIODevice::ReadOnly))
        return {{}, UploadError::Unreadable};
    probe.close();
    if (!m_store || !m_store->isWritable())
        return {{}, UploadError::NotSaved};

    Entry entry;
    StoredUpload &stored = entry.stored;
    stored.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stored.conversationId = conversationId;
    stored.localPath = info.absoluteFilePath();
    stored.name = acceptableName(info.fileName(), u"file"_s);
    stored.size = info.size();
    // What the composer shows until the server's answer; the server reads the type itself.
    stored.type = QMimeDatabase().mimeTypeForFile(localPath, QMimeDatabase::MatchContent).name();
    if (imageSize.isValid() && !imageSize.isEmpty()) {
        stored.width = imageSize.width();
        stored.height = imageSize.height();
    }
    stored.createdAt = QDateTime::currentSecsSinceEpoch();
    entry.offsetKnown = true;
    // No sha256 is sent on create: it would take a whole extra read of up to 100 MiB before the
    // first byte goes (and off the GUI thread, a worker of its own); TCP already checksums every
    // piece, and the server hashes what it stored.
    if (!m_store->storeUpload(stored))
        return {{}, UploadError::NotSaved};
    m_entries.append(entry);
    announce(entry);
    pump();
    return {stored.key, UploadError::None};
}

UploadManager::Started UploadManager::startFromData(const QString &conversationId,
                                                    const QByteArray &bytes,
                                                    const QString &suggestedName, QSize imageSize)
{
    if (bytes.isEmpty())
        return {{}, UploadError::Empty};
    if (bytes.size() > MaxFileBytes)
        return {{}, UploadError::TooLarge};
    if (m_outgoingDir.isEmpty() || !QDir().mkpath(m_outgoingDir))
        return {{}, UploadError::NotSaved};
    const QString name = acceptableName(suggestedName, u"image.png"_s);
    // Its own folder keeps the name the user sees on the file that is read.
    const QString folder =
        m_outgoingDir + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!QDir().mkpath(folder))
        return {{}, UploadError::NotSaved};
    const QString path = folder + u'/' + name;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QDir(folder).removeRecursively();
        return {{}, UploadError::NotSaved};
    }
    const Started started = start(conversationId, path, imageSize);
    if (!started.ok())
        QDir(folder).removeRecursively();
    return started;
}

bool UploadManager::ownsFile(const QString &path) const
{
    return !m_outgoingDir.isEmpty() && path.startsWith(QDir(m_outgoingDir).absolutePath() + u'/');
}

void UploadManager::forget(qsizetype index)
{
    const StoredUpload gone = m_entries.takeAt(index).stored;
    if (m_store)
        m_store->removeUpload(gone.key);
    if (ownsFile(gone.localPath))
        QDir(QFileInfo(gone.localPath).absolutePath()).removeRecursively();
    Q_EMIT uploadRemoved(gone.key);
}

void UploadManager::cancel(const QString &key)
{
    const qsizetype index = indexOf(key);
    if (index < 0)
        return;
    if (key == m_inFlightKey) {
        // Aborts the piece. A create on its way is only not listened to: the upload it makes
        // there, never told of, expires by itself.
        delete m_callContext;
        m_inFlightKey.clear();
    }
    const StoredUpload &stored = m_entries.at(index).stored;
    if (!stored.uploadId.isEmpty() && !stored.file) {
        // Best effort: an upload the server is not told about expires there by itself. The
        // call is the API's own business from here, whatever happens to this manager.
        m_api->call(AuthorizedApi::Method::Delete, uploadPath(stored.uploadId), {}, m_api,
                    [](const ApiResult &) {});
    }
    forget(index);
    pump();
}

void UploadManager::release(const QString &key)
{
    const qsizetype index = indexOf(key);
    if (index >= 0 && m_entries.at(index).state == Upload::State::Done)
        forget(index);
}

void UploadManager::retry(const QString &key)
{
    const qsizetype index = indexOf(key);
    if (index < 0 || m_entries.at(index).state != Upload::State::Failed)
        return;
    Entry &entry = m_entries[index];
    entry.state = Upload::State::Uploading;
    entry.stored.failure.clear();
    entry.offsetKnown = entry.stored.uploadId.isEmpty();
    entry.startedAgain = false;
    save(entry);
    announce(entry);
    tryNow();
}

void UploadManager::setOnline(bool online)
{
    if (online)
        tryNow();
}

void UploadManager::tryNow()
{
    if (!m_inFlightKey.isEmpty())
        return;
    m_backoff.reset();
    m_retryTimer.stop();
    resumeWaiting();
}

void UploadManager::resumeWaiting()
{
    for (Entry &entry : m_entries) {
        if (entry.state == Upload::State::WaitingForNetwork) {
            entry.state = Upload::State::Uploading;
            announce(entry);
        }
    }
    pump();
}

QObject *UploadManager::beginCall(const QString &key)
{
    m_inFlightKey = key;
    m_callContext = new QObject(this);
    return m_callContext;
}

UploadManager::Entry *UploadManager::answered(const QString &key)
{
    if (m_inFlightKey == key) {
        m_inFlightKey.clear();
        m_callContext->deleteLater();
    }
    const qsizetype index = indexOf(key);
    return index < 0 ? nullptr : &m_entries[index];
}

void UploadManager::pump()
{
    if (!m_inFlightKey.isEmpty() || m_retryTimer.isActive())
        return;
    for (Entry &entry : m_entries) {
        if (entry.state != Upload::State::Uploading)
            continue;
        const QFileInfo info(entry.stored.localPath);
        if (!info.isFile()) {
            fail(entry, UploadError::FileMissing);
            continue;
        }
        if (info.size() != entry.stored.size) {
            fail(entry, UploadError::FileChanged);
            continue;
        }
        if (entry.stored.uploadId.isEmpty())
            create(entry);
        else if (!entry.offsetKnown)
            askOffset(entry);
        else
            sendPiece(entry);
        return;
    }
}

void UploadManager::create(Entry &entry)
{
    const QString path = wire::path::ConversationsBase +
                         QString::fromLatin1(QUrl::toPercentEncoding(entry.stored.conversationId)) +
                         wire::path::UploadsSuffix;
    const QJsonObject request{{u"name"_s, entry.stored.name}, {u"size"_s, entry.stored.size}};
    const QString key = entry.stored.key;
    m_api->post(path, request, beginCall(key), [this, key](const ApiResult &result) {
        Entry *waiting = answered(key);
        if (!waiting)
            return pump();
        const QJsonObject upload = result.body.value("upload"_L1).toObject();
        const QString id = upload.value("id"_L1).toString();
        if (!result.ok() || id.isEmpty())
            return handleError(*waiting, result);
        waiting->stored.uploadId = id;
        waiting->stored.offset =
            std::clamp(upload.value("offset"_L1).toInteger(), qint64(0), waiting->stored.size);
        waiting->offsetKnown = true;
        save(*waiting);
        m_backoff.reset();
        pump();
    });
}

void UploadManager::askOffset(Entry &entry)
{
    const QString key = entry.stored.key;
    m_api->get(
        uploadPath(entry.stored.uploadId), beginCall(key), [this, key](const ApiResult &result) {
            Entry *waiting = answered(key);
            if (!waiting)
                return pump();
            if (result.error.code == ApiError::Code::NotFound) {
                startAgain(*waiting); // expired or lost there: the file is still here
                return pump();
            }
            if (!result.ok())
                return handleError(*waiting, result);
            if (const auto file = Attachment::fromJson(result.body.value("file"_L1).toObject()))
                return finish(*waiting, *file); // the last piece's answer was lost
            const QJsonObject upload = result.body.value("upload"_L1).toObject();
            if (!upload.contains("offset"_L1))
                return handleError(*waiting, result);
            waiting->stored.offset =
                std::clamp(upload.value("offset"_L1).toInteger(), qint64(0), waiting->stored.size);
            waiting->offsetKnown = true;
            save(*waiting);
            announce(*waiting);
            pump();
        });
}

void UploadManager::sendPiece(Entry &entry)
{
    const StoredUpload &stored = entry.stored;
    QFile file(stored.localPath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(stored.offset)) {
        fail(entry, UploadError::Unreadable);
        return pump();
    }
    const qint64 length = std::min(m_pieceSize, stored.size - stored.offset);
    const QByteArray piece = file.read(length);
    if (piece.size() != length) {
        fail(entry, UploadError::FileChanged);
        return pump();
    }
    entry.pieceSent = 0;
    const QString key = stored.key;
    const qint64 offset = stored.offset;
    m_api->sendPiece(
        uploadPath(stored.uploadId), offset, piece, beginCall(key),
        [this, key](qint64 sent, qint64) {
            const qsizetype index = indexOf(key);
            if (index < 0)
                return;
            Entry &progressing = m_entries[index];
            progressing.pieceSent = sent;
            if (progressing.lastProgress.isValid() &&
                progressing.lastProgress.elapsed() < ProgressInterval)
                return;
            progressing.lastProgress.start();
            announce(progressing);
        },
        [this, key, offset](const PieceResult &result) { onPiece(key, offset, result); });
}

void UploadManager::onPiece(const QString &key, qint64 offset, const PieceResult &piece)
{
    Entry *entry = answered(key);
    if (!entry)
        return pump();
    entry->pieceSent = 0;
    const ApiResult &result = piece.result;
    if (result.ok()) {
        if (const auto file = Attachment::fromJson(result.body.value("file"_L1).toObject()))
            return finish(*entry, *file);
        // Only an offset past the one sent, within the file, is progress; anything else is not
        // the server's answer and the piece is sent again after a wait.
        if (piece.uploadOffset && *piece.uploadOffset > offset &&
            *piece.uploadOffset < entry->stored.size) {
            entry->stored.offset = *piece.uploadOffset;
            save(*entry);
            m_backoff.reset();
            announce(*entry);
            return pump();
        }
        return handleError(*entry, {{},
                                    ApiError::fromCode(ApiError::Code::InvalidResponse,
                                                       u"no new offset for a piece"_s)});
    }
    if (result.error.serverCode == wire::error::OffsetMismatch) {
        // The server has more or less than we thought (a lost answer, a restart on either
        // side): go on from its offset, or ask for it.
        if (piece.uploadOffset && *piece.uploadOffset <= entry->stored.size)
            entry->stored.offset = *piece.uploadOffset;
        else
            entry->offsetKnown = false;
        save(*entry);
        return pump();
    }
    if (result.error.serverCode == wire::error::ChecksumMismatch ||
        result.error.code == ApiError::Code::NotFound) {
        // The server dropped what it had (a bad checksum, or the upload expired): once more
        // from the start, then it is a failure.
        if (entry->startedAgain)
            fail(*entry, UploadError::Refused);
        else
            startAgain(*entry);
        return pump();
    }
    handleError(*entry, result);
}

void UploadManager::startAgain(Entry &entry)
{
    qCInfo(lcUploads) << "an upload starts again from its first byte";
    entry.startedAgain = true;
    entry.stored.uploadId.clear();
    entry.stored.offset = 0;
    entry.offsetKnown = true;
    save(entry);
    announce(entry);
}

void UploadManager::finish(Entry &entry, const Attachment &file)
{
    entry.stored.file = file;
    entry.stored.offset = entry.stored.size;
    entry.state = Upload::State::Done;
    save(entry);
    m_backoff.reset();
    announce(entry);
    pump();
}

void UploadManager::fail(Entry &entry, UploadError error)
{
    qCWarning(lcUploads) << "an upload failed:" << uploadErrorName(error);
    entry.state = Upload::State::Failed;
    entry.stored.failure = uploadErrorName(error);
    save(entry);
    announce(entry);
}

void UploadManager::handleError(Entry &entry, const ApiResult &result)
{
    const ApiError &error = result.error;
    if (isPermanentSendRefusal(error)) {
        qCWarning(lcUploads) << "upload refused:" << errorName(error.code) << error.serverCode;
        fail(entry, UploadError::Refused);
        return pump();
    }
    // The network, a timeout, a 5xx, too many unfinished uploads: later, after a wait.
    qCInfo(lcUploads) << "upload deferred:" << errorName(error.code) << error.message;
    entry.state = Upload::State::WaitingForNetwork;
    announce(entry);
    m_retryTimer.start(std::max(m_backoff.nextDelay(), error.retryAfter()));
}

} // namespace moim
