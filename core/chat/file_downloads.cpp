#include "file_downloads.h"

#include "net/api_download.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <algorithm>

Q_LOGGING_CATEGORY(lcFiles, "moim.core.files")

namespace moim {

using namespace Qt::StringLiterals;
namespace path = protocol::path;

namespace {

constexpr auto PartSuffix = ".part"_L1;
// File names are bytes on Linux (255 at most); Korean takes three a character in UTF-8, so a
// name the server allows (255 characters) may not fit. This leaves room for " (99)" and ".part".
constexpr qsizetype MaxNameBytes = 240;

// A file id names a file in the cache folder, so only the characters the server's ids are made
// of pass: anything else could climb out of the folder.
bool isSafeFileId(const QString &fileId)
{
    return !fileId.isEmpty() && fileId.size() <= 128 &&
           std::all_of(fileId.begin(), fileId.end(), [](QChar c) {
               return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
                      (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
           });
}

// `text` cut so that its UTF-8 takes at most `bytes`, never inside a surrogate pair.
QString cutToUtf8(const QString &text, qsizetype bytes)
{
    QString cut = text;
    while (cut.toUtf8().size() > bytes) {
        cut.chop(1);
        if (!cut.isEmpty() && cut.back().isHighSurrogate())
            cut.chop(1);
    }
    return cut;
}

// "보고서.hwp" → {"보고서", ".hwp"}; a name without a dot (or only a leading one) has no extension.
std::pair<QString, QString> splitExtension(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    if (dot <= 0 || name.size() - dot > 16)
        return {name, QString()};
    return {name.left(dot), name.mid(dot)};
}

} // namespace

FileDownloads::FileDownloads(AuthorizedApi *api, QString cacheDir, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cacheDir(std::move(cacheDir))
{}

FileDownloads::~FileDownloads()
{
    // Downloads under way stop with the account; their part files stay for the next time (a
    // cache file continues from there, a saved one is started again).
    for (Transfer &transfer : m_transfers) {
        delete transfer.download;
        delete transfer.part;
    }
}

QString FileDownloads::cacheDirFor(const QString &accountId)
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/accounts/"_s +
           accountId;
}

QString FileDownloads::downloadFolder() const
{
    if (!m_downloadFolder.isEmpty())
        return m_downloadFolder;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return folder.isEmpty() ? QDir::homePath() : folder;
}

QString FileDownloads::safeFileName(const QString &name)
{
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        const bool control = c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() <= 0x9f);
        safe.append(control || c == u'/' || c == u'\\' ? u'_' : c);
    }
    // A leading dot hides the file (or makes it "." or ".."); spaces around it are lost in
    // file managers.
    qsizetype start = 0;
    while (start < safe.size() && (safe.at(start) == u'.' || safe.at(start).isSpace()))
        ++start;
    safe = safe.mid(start).trimmed();
    if (safe.toUtf8().size() > MaxNameBytes) {
        const auto [base, extension] = splitExtension(safe);
        safe = cutToUtf8(base, MaxNameBytes - extension.toUtf8().size()).trimmed() + extension;
    }
    if (safe.isEmpty())
        safe.prepend(u"file"_s);
    return safe;
}

QString FileDownloads::freeFileName(const QString &folder, const QString &name) const
{
    const QDir dir(folder);
    const auto taken = [&](const QString &candidate) {
        const QString path = dir.filePath(candidate);
        if (QFileInfo::exists(path) || QFileInfo::exists(path + PartSuffix))
            return true;
        return std::any_of(m_transfers.begin(), m_transfers.end(),
                           [&](const Transfer &transfer) { return transfer.target == path; });
    };
    if (!taken(name))
        return dir.filePath(name);
    const auto [base, extension] = splitExtension(name);
    for (int n = 1;; ++n) {
        const QString candidate = u"%1 (%2)%3"_s.arg(base).arg(n).arg(extension);
        if (!taken(candidate))
            return dir.filePath(candidate);
    }
}

QString FileDownloads::save(const Attachment &attachment, const QString &targetPath)
{
    // A part file beside a chosen name may be anything: start from nothing.
    return start(attachment.fileId, targetPath, false);
}

QString FileDownloads::saveToDownloads(const Attachment &attachment)
{
    const QString folder = downloadFolder();
    QDir().mkpath(folder);
    return start(attachment.fileId, freeFileName(folder, safeFileName(attachment.name)), false);
}

QString FileDownloads::cachedPath(const Attachment &attachment) const
{
    return m_cacheDir + u"/files/"_s + attachment.fileId + u'/' + safeFileName(attachment.name);
}

QString FileDownloads::open(const Attachment &attachment)
{
    return fetchToCache(attachment, true);
}

QString FileDownloads::fullImage(const Attachment &attachment)
{
    return fetchToCache(attachment, false);
}

QString FileDownloads::fetchToCache(const Attachment &attachment, bool open)
{
    const QString key = u"%1"_s.arg(++m_nextKey);
    const QString path = cachedPath(attachment);
    const auto emitReady = [this, open, fileId = attachment.fileId](const QString &at) {
        if (open)
            Q_EMIT readyToOpen(fileId, at);
        else
            Q_EMIT fullImageReady(fileId, at);
    };
    if (!isSafeFileId(attachment.fileId)) {
        QMetaObject::invokeMethod(
            this,
            [this, key, fileId = attachment.fileId] {
                Q_EMIT downloadFailed(key, fileId, ApiError::Code::InvalidResponse);
            },
            Qt::QueuedConnection);
        return key;
    }
    const QFileInfo cached(path);
    if (cached.isFile() && cached.size() == attachment.size) {
        QMetaObject::invokeMethod(
            this, [emitReady, path] { emitReady(path); }, Qt::QueuedConnection);
        return key;
    }
    // One download per cached file: asking to open an image the viewer is fetching joins it.
    for (auto it = m_transfers.begin(); it != m_transfers.end(); ++it) {
        if (it->target == path) {
            (open ? it->thenOpen : it->thenShow) = true;
            return it.key();
        }
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString started = start(attachment.fileId, path, true);
    if (m_transfers.contains(started))
        (open ? m_transfers[started].thenOpen : m_transfers[started].thenShow) = true;
    return started;
}

QString FileDownloads::start(const QString &fileId, const QString &target, bool resume)
{
    const QString key = u"%1"_s.arg(++m_nextKey);
    auto *part = new QFile(target + PartSuffix);
    const QIODevice::OpenMode mode =
        resume ? QIODevice::ReadWrite : QIODevice::ReadWrite | QIODevice::Truncate;
    if (!isSafeFileId(fileId) || !part->open(mode)) {
        const ApiError::Code code =
            isSafeFileId(fileId) ? ApiError::Code::LocalFile : ApiError::Code::InvalidResponse;
        qCInfo(lcFiles) << "cannot download" << fileId << "to" << part->fileName() << ":"
                        << part->errorString();
        delete part;
        QMetaObject::invokeMethod(
            this, [this, key, fileId, code] { Q_EMIT downloadFailed(key, fileId, code); },
            Qt::QueuedConnection);
        return key;
    }
    Transfer transfer;
    transfer.fileId = fileId;
    transfer.target = target;
    transfer.part = part;
    transfer.download = m_api->download(path::FilesBase + fileId, part, nullptr);
    connect(transfer.download, &ApiDownload::progress, this,
            [this, key, fileId](qint64 received, qint64 total) {
                Q_EMIT downloadChanged(key, fileId, received, total);
            });
    connect(transfer.download, &ApiDownload::finished, this,
            [this, key](const ApiError &error) { finishTransfer(key, error); });
    m_transfers.insert(key, transfer);
    return key;
}

void FileDownloads::finishTransfer(const QString &key, const ApiError &error)
{
    if (!m_transfers.contains(key))
        return;
    const Transfer transfer = m_transfers.value(key);
    ApiError result = error;
    if (!result.isError()) {
        transfer.part->close();
        QFile::remove(transfer.target);
        if (!QFile::rename(transfer.part->fileName(), transfer.target))
            result = ApiError::fromCode(ApiError::Code::LocalFile,
                                        u"could not rename to %1"_s.arg(transfer.target));
    }
    // A cache file continues from its part next time; a saved one starts again (see save()), so
    // its part would only be litter in the user's folder.
    const bool cached = transfer.thenOpen || transfer.thenShow;
    dropTransfer(key, result.isError() && !cached);
    if (result.isError()) {
        Q_EMIT downloadFailed(key, transfer.fileId, result.code);
        return;
    }
    Q_EMIT downloadFinished(key, transfer.fileId, transfer.target);
    if (transfer.thenOpen)
        Q_EMIT readyToOpen(transfer.fileId, transfer.target);
    if (transfer.thenShow)
        Q_EMIT fullImageReady(transfer.fileId, transfer.target);
}

void FileDownloads::cancel(const QString &key)
{
    if (m_transfers.contains(key))
        dropTransfer(key, true);
}

void FileDownloads::stopFullImage(const QString &key)
{
    const auto transfer = m_transfers.find(key);
    if (transfer == m_transfers.end())
        return;
    if (transfer->thenOpen)
        transfer->thenShow = false;
    else
        dropTransfer(key, true);
}

void FileDownloads::dropTransfer(const QString &key, bool removePart)
{
    const Transfer transfer = m_transfers.take(key);
    transfer.download->cancel();
    transfer.download->deleteLater();
    if (removePart)
        transfer.part->remove();
    delete transfer.part;
}

// Previews

QString FileDownloads::previewFolder() const
{
    return m_cacheDir + u"/previews"_s;
}

QString FileDownloads::previewPath(const QString &fileId) const
{
    return previewFolder() + u'/' + fileId;
}

void FileDownloads::setOnline(bool online)
{
    m_online = online;
    if (!online)
        return;
    for (auto it = m_previewFailures.begin(); it != m_previewFailures.end();) {
        if (ApiError::fromCode(it->code).isTransient())
            it = m_previewFailures.erase(it);
        else
            ++it;
    }
    pumpPreviews();
}

QString FileDownloads::preview(const QString &fileId)
{
    if (m_previewsBusy.contains(fileId)) {
        // Painted again while it waits for a slot: it is on screen now, so it goes first.
        if (m_previewQueue.size() > 1 && m_previewQueue.constFirst() != fileId &&
            m_previewQueue.removeOne(fileId))
            m_previewQueue.prepend(fileId);
        return {};
    }
    if (!isSafeFileId(fileId))
        return {};
    const auto failure = m_previewFailures.constFind(fileId);
    if (failure != m_previewFailures.constEnd()) {
        if (failure->since.elapsed() < PreviewRetryMs)
            return {};
        m_previewFailures.remove(fileId);
    }
    const QString path = previewPath(fileId);
    if (QFileInfo::exists(path)) {
        // Touched (which needs it open), so that eviction takes the previews seen longest ago
        // first.
        QFile file(path);
        if (file.open(QIODevice::ReadWrite))
            file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        return path;
    }
    m_previewsBusy.insert(fileId);
    m_previewQueue.prepend(fileId);
    pumpPreviews();
    return {};
}

void FileDownloads::previewUnreadable(const QString &fileId)
{
    if (!isSafeFileId(fileId))
        return;
    QFile::remove(previewPath(fileId));
    m_diskCacheUsed = -1;
    previewFailedWith(fileId, ApiError::Code::InvalidResponse);
}

void FileDownloads::pumpPreviews()
{
    while (m_online && m_previewFetches < MaxPreviewFetches && !m_previewQueue.isEmpty())
        fetchPreview(m_previewQueue.takeFirst());
}

void FileDownloads::fetchPreview(const QString &fileId)
{
    QDir().mkpath(previewFolder());
    const QString path = previewPath(fileId);
    auto *part = new QFile(path + PartSuffix, this);
    if (!part->open(QIODevice::ReadWrite | QIODevice::Truncate)) {
        delete part;
        return previewFailedWith(fileId, ApiError::Code::LocalFile);
    }
    ++m_previewFetches;
    ApiDownload *download =
        m_api->download(path::FilesBase + fileId + path::PreviewSuffix, part, part);
    connect(
        download, &ApiDownload::finished, this, [this, fileId, path, part](const ApiError &error) {
            --m_previewFetches;
            const qint64 size = part->size();
            part->close();
            QFile::remove(path);
            if (!error.isError() && part->rename(path)) {
                if (m_diskCacheUsed >= 0)
                    m_diskCacheUsed += size;
                trimDiskCache();
                m_previewsBusy.remove(fileId);
                Q_EMIT previewReady(fileId, path);
            } else {
                part->remove();
                previewFailedWith(fileId, error.isError() ? error.code : ApiError::Code::LocalFile);
            }
            part->deleteLater();
            pumpPreviews();
        });
}

void FileDownloads::previewFailedWith(const QString &fileId, ApiError::Code code)
{
    m_previewsBusy.remove(fileId);
    PreviewFailure failure{code, {}};
    failure.since.start();
    m_previewFailures.insert(fileId, failure);
    Q_EMIT previewFailed(fileId, code);
}

void FileDownloads::trimDiskCache()
{
    if (m_diskCacheUsed >= 0 && m_diskCacheUsed <= m_diskCacheBytes)
        return;
    QFileInfoList previews =
        QDir(previewFolder()).entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
    qint64 used = 0;
    for (const QFileInfo &preview : previews)
        used += preview.size();
    // Oldest first, down to nine tenths, so that the next few previews do not each scan again.
    for (const QFileInfo &preview : previews) {
        if (used <= m_diskCacheBytes * 9 / 10)
            break;
        if (preview.fileName().endsWith(PartSuffix))
            continue;
        if (QFile::remove(preview.filePath()))
            used -= preview.size();
    }
    m_diskCacheUsed = used;
}

} // namespace moim
