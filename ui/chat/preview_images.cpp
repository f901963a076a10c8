#include "preview_images.h"

#include "chat/file_downloads.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace moim::ui {

namespace {

QImage decodeImage(const QString &path)
{
    QImage image;
    image.load(path);
    return image;
}

} // namespace

PreviewImages::PreviewImages(FileDownloads *downloads, QObject *parent)
    : QObject(parent)
    , m_downloads(downloads)
    , m_images(int(MemoryCacheBytes / 1024))
{
    connect(downloads, &FileDownloads::previewReady, this, &PreviewImages::decode);
}

QImage PreviewImages::image(const QString &fileId)
{
    if (const QImage *image = m_images.object(fileId))
        return *image;
    if (m_decoding.contains(fileId))
        return {};
    if (const QString path = m_downloads->preview(fileId); !path.isEmpty())
        decode(fileId, path);
    return {};
}

void PreviewImages::decode(const QString &fileId, const QString &path)
{
    if (m_decoding.contains(fileId))
        return;
    m_decoding.insert(fileId);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, fileId] {
        const QImage image = watcher->result();
        watcher->deleteLater();
        m_decoding.remove(fileId);
        if (image.isNull())
            return m_downloads->previewUnreadable(fileId);
        m_images.insert(fileId, new QImage(image),
                        int(std::max<qint64>(1, image.sizeInBytes() / 1024)));
        Q_EMIT imageReady(fileId);
    });
    watcher->setFuture(QtConcurrent::run(decodeImage, path));
}

} // namespace moim::ui
