#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>

namespace moim {
class FileDownloads;
} // namespace moim

namespace moim::ui {

// The decoded previews of one account's images, for painting: a bounded memory cache over the
// preview files FileDownloads keeps on disk. Decoding happens off the GUI thread (a JPEG takes
// milliseconds; a timeline full of them would stall painting).
class PreviewImages : public QObject
{
    Q_OBJECT

public:
    explicit PreviewImages(FileDownloads *downloads, QObject *parent = nullptr);

    // The preview when it is decoded; otherwise a null image, and it is read from disk or fetched
    // and then decoded, and imageReady() follows (nothing when the preview cannot be had).
    // Asking again while it comes costs nothing.
    QImage image(const QString &fileId);
    bool isDecoded(const QString &fileId) const { return m_images.contains(fileId); }

    static constexpr qint64 MemoryCacheBytes = 24 * 1024 * 1024;

Q_SIGNALS:
    void imageReady(const QString &fileId);

private:
    void decode(const QString &fileId, const QString &path);

    FileDownloads *m_downloads;
    QCache<QString, QImage> m_images; // costs in KiB, so that an int cannot overflow
    QSet<QString> m_decoding;
};

} // namespace moim::ui
