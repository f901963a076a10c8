#pragma once

#include "chat/message.h"
#include "net/api_error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QFile;

namespace moim {

class ApiDownload;
class AuthorizedApi;

// The files of one account coming to this computer: saved where the user says or in the download
// folder, fetched into the cache to be opened or shown full size, and the small previews of
// images for the timeline. Every file is written to "<target>.part" as it arrives and renamed
// when complete, so a half file never carries the real name.
//
// Each save, open or full image is a download named by a key; its progress and end come as
// signals with that key and the file's id. Failures are reported once, never retried behind the
// user's back: a preview that failed is not asked for again for a while.
class FileDownloads : public QObject
{
    Q_OBJECT

public:
    // `cacheDir` holds this account's opened files and image previews (see cacheDirFor()).
    FileDownloads(AuthorizedApi *api, QString cacheDir, QObject *parent = nullptr);
    ~FileDownloads() override;

    // The account's own cache folder: the system cache location, then the account's id, so that
    // nothing of one account is served to another signed in on the same computer.
    static QString cacheDirFor(const QString &accountId);

    // Where saveToDownloads() puts files: the XDG download folder unless set.
    QString downloadFolder() const;
    void setDownloadFolder(const QString &folder) { m_downloadFolder = folder; }

    // Saves the file at `targetPath` (which is replaced: a Save as… dialog asked already).
    QString save(const Attachment &attachment, const QString &targetPath);
    // Saves it in the download folder (created if missing) under its own name made safe, with
    // " (1)", " (2)"… before the extension when the name is taken.
    QString saveToDownloads(const Attachment &attachment);
    // Stops a download and removes its part file; nothing more is emitted for it.
    void cancel(const QString &key);
    // Fetches the file into the cache (unless it is there whole already) and emits readyToOpen();
    // opening it is the UI's business.
    QString open(const Attachment &attachment);
    // Fetches an image whole into the cache for the viewer and emits fullImageReady().
    QString fullImage(const Attachment &attachment);
    // The viewer has moved on from the image fetched under `key`: its download stops, unless an
    // Open of the same file joined it, which then goes on alone.
    void stopFullImage(const QString &key);
    // Where open() and fullImage() keep the file; a part file beside it is continued.
    QString cachedPath(const Attachment &attachment) const;
    bool isActive(const QString &key) const { return m_transfers.contains(key); }

    // The preview file of an image when it is on disk (it counts as seen now); otherwise an empty
    // path, and the preview is fetched from the server and previewReady() follows, or
    // previewFailed(). Asking again while it comes, or soon after it failed, costs nothing.
    // The preview asked for last is fetched first: the timeline asks for what it paints, so
    // what is on screen now goes before what was scrolled past. Decoding it is the UI's business.
    QString preview(const QString &fileId);
    // The previews waiting for a fetch slot, the next one first.
    QStringList previewQueue() const { return m_previewQueue; }
    // The UI could not decode the preview: it is removed and not asked for again for a while.
    void previewUnreadable(const QString &fileId);

    // Offline, no preview is fetched from the server (the disk cache still serves); online again,
    // previews that failed for want of a network are asked for again.
    void setOnline(bool online);

    // A name safe to create in a folder: no path separators or control characters, no leading
    // dots, short enough for the file system with room for " (n)" and ".part"; never empty.
    static QString safeFileName(const QString &name);
    // `name` in `folder`, or the first "name (n).ext" that neither exists nor is being written.
    QString freeFileName(const QString &folder, const QString &name) const;

    static constexpr int MaxPreviewFetches = 4;
    static constexpr qint64 DefaultDiskCacheBytes = 256 * 1024 * 1024;
    // How long a failed preview is not asked for again (a lost network: until back online).
    static constexpr qint64 PreviewRetryMs = 10 * 60 * 1000;
    void setDiskCacheBytes(qint64 bytes) { m_diskCacheBytes = bytes; }

Q_SIGNALS:
    void downloadChanged(const QString &key, const QString &fileId, qint64 received, qint64 total);
    void downloadFinished(const QString &key, const QString &fileId, const QString &path);
    void downloadFailed(const QString &key, const QString &fileId, moim::ApiError::Code code);
    void readyToOpen(const QString &fileId, const QString &path);
    void fullImageReady(const QString &fileId, const QString &path);
    void previewReady(const QString &fileId, const QString &path);
    void previewFailed(const QString &fileId, moim::ApiError::Code code);

private:
    struct Transfer
    {
        QString fileId;
        QString target; // the final path; the bytes go to target + ".part"
        QFile *part = nullptr;
        ApiDownload *download = nullptr;
        bool thenOpen = false;
        bool thenShow = false;
    };
    struct PreviewFailure
    {
        ApiError::Code code;
        QElapsedTimer since;
    };

    QString start(const QString &fileId, const QString &target, bool resume);
    QString fetchToCache(const Attachment &attachment, bool open);
    void finishTransfer(const QString &key, const ApiError &error);
    void dropTransfer(const QString &key, bool removePart);

    QString previewFolder() const;
    QString previewPath(const QString &fileId) const;
    void pumpPreviews();
    void fetchPreview(const QString &fileId);
    void previewFailedWith(const QString &fileId, ApiError::Code code);
    void trimDiskCache();

    AuthorizedApi *m_api;
    QString m_cacheDir;
    QString m_downloadFolder;
    bool m_online = true;
    int m_nextKey = 0;
    QHash<QString, Transfer> m_transfers;

    QStringList m_previewQueue;   // waiting for a fetch slot, latest request first
    QSet<QString> m_previewsBusy; // queued or being fetched
    int m_previewFetches = 0;
    QHash<QString, PreviewFailure> m_previewFailures;
    qint64 m_diskCacheBytes = DefaultDiskCacheBytes;
    qint64 m_diskCacheUsed = -1; // -1 until the folder was measured
};

} // namespace moim
