#include "image_viewer.h"

#include "chat/file_downloads.h"
#include "preview_images.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QImageReader>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr double ZoomStep = 1.25;
constexpr double MinZoom = 0.05;
constexpr double MaxZoom = 16.0;
// The original is decoded at most this large on its long side: a 100 MiB PNG could otherwise
// ask for gigabytes of pixels.
constexpr int MaxDecodedSide = 8192;
// Room around a fitted image, so that the backdrop frames it.
constexpr int FitMargin = 24;

QImage decodeFullImage(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && std::max(size.width(), size.height()) > MaxDecodedSide)
        reader.setScaledSize(size.scaled(MaxDecodedSide, MaxDecodedSide, Qt::KeepAspectRatio));
    return reader.read();
}

} // namespace

// Where the image is painted: scaled, centred and panned by the viewer's state.
class ImageCanvas : public QWidget
{
public:
    explicit ImageCanvas(ImageViewer *viewer)
        : QWidget(viewer)
        , m_viewer(viewer)
    {
        setObjectName(u"ImageCanvas"_s);
        setMouseTracking(false);
    }

    double fitScale() const
    {
        const QImage &image = m_viewer->m_image;
        if (image.isNull())
            return 1.0;
        const double byWidth = double(std::max(1, width() - 2 * FitMargin)) / image.width();
        const double byHeight = double(std::max(1, height() - 2 * FitMargin)) / image.height();
        // A small image is shown at its size, not blown up.
        return std::min({1.0, byWidth, byHeight});
    }

    // Keeps the image over the canvas: it may not be dragged out of sight.
    void clampPan()
    {
        const QImage &image = m_viewer->m_image;
        const double scale = m_viewer->scale();
        const double spareX = std::max(0.0, (image.width() * scale - width()) / 2);
        const double spareY = std::max(0.0, (image.height() * scale - height()) / 2);
        m_viewer->m_pan.setX(std::clamp(m_viewer->m_pan.x(), -spareX, spareX));
        m_viewer->m_pan.setY(std::clamp(m_viewer->m_pan.y(), -spareY, spareY));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        const QImage &image = m_viewer->m_image;
        if (image.isNull())
            return;
        QPainter painter(this);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const double scale = m_viewer->scale();
        const QSizeF size(image.width() * scale, image.height() * scale);
        const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + m_viewer->m_pan;
        painter.drawImage(QRectF(centre - QPointF(size.width() / 2, size.height() / 2), size),
                          image);
    }

    void wheelEvent(QWheelEvent *event) override
    {
        if (!(event->modifiers() & Qt::ControlModifier)) {
            event->ignore();
            return;
        }
        const double steps = event->angleDelta().y() / 120.0;
        if (steps != 0)
            m_viewer->setZoom(m_viewer->scale() * std::pow(ZoomStep, steps));
        event->accept();
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() != Qt::LeftButton)
            return QWidget::mousePressEvent(event);
        m_dragFrom = event->position();
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!m_dragging)
            return;
        m_viewer->m_pan += event->position() - m_dragFrom;
        m_dragFrom = event->position();
        clampPan();
        update();
    }

    void mouseReleaseEvent(QMouseEvent *) override
    {
        m_dragging = false;
        unsetCursor();
    }

    void resizeEvent(QResizeEvent *) override { clampPan(); }

private:
    ImageViewer *m_viewer;
    QPointF m_dragFrom;
    bool m_dragging = false;
};

ImageViewer::ImageViewer(FileDownloads *downloads, PreviewImages *previews, QWidget *window)
    : QWidget(window)
    , m_downloads(downloads)
    , m_previews(previews)
    , m_name(new QLabel(this))
    , m_counter(new QLabel(this))
    , m_zoom(new QLabel(this))
    , m_previous(new QPushButton(u"‹"_s, this))
    , m_next(new QPushButton(u"›"_s, this))
    , m_save(new QPushButton(tr("Save as…"), this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_close(new QPushButton(u"✕"_s, this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_canvas(new ImageCanvas(this))
{
    setObjectName(u"ImageViewer"_s);
    setAccessibleName(tr("Image viewer"));
    setFocusPolicy(Qt::StrongFocus);
    hide();

    auto *bar = new QFrame(this);
    bar->setObjectName(u"ImageViewerBar"_s);
    m_name->setObjectName(u"ImageViewerName"_s);
    m_name->setTextFormat(Qt::PlainText);
    m_name->setMinimumWidth(80);
    m_counter->setProperty("role", u"muted"_s);
    m_zoom->setProperty("role", u"muted"_s);
    m_previous->setToolTip(tr("Previous image (←)"));
    m_previous->setAccessibleName(tr("Previous image"));
    m_next->setToolTip(tr("Next image (→)"));
    m_next->setAccessibleName(tr("Next image"));
    m_save->setAccessibleName(tr("Save the image as a file"));
    m_open->setAccessibleName(tr("Open the image in another app"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAccessibleName(tr("Close the image viewer"));
    for (QPushButton *button : {m_previous, m_next, m_save, m_open, m_close})
        button->setProperty("role", u"secondary"_s);
    m_progress->setAccessibleName(tr("Download of the original image"));
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(3);
    m_progress->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(16, 8, 16, 8);
    row->setSpacing(8);
    row->addWidget(m_name, 1);
    row->addWidget(m_counter);
    row->addWidget(m_zoom);
    row->addSpacing(8);
    row->addWidget(m_previous);
    row->addWidget(m_next);
    row->addWidget(m_save);
    row->addWidget(m_open);
    row->addWidget(m_close);
    auto *barLayout = new QVBoxLayout(bar);
    barLayout->setContentsMargins(0, 0, 0, 0);
    barLayout->setSpacing(0);
    barLayout->addLayout(row);
    barLayout->addWidget(m_progress);

    m_status->setObjectName(u"ImageViewerStatus"_s);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_status);

    connect(m_previous, &QPushButton::clicked, this, &ImageViewer::previous);
    connect(m_next, &QPushButton::clicked, this, &ImageViewer::next);
    // Saving and opening are the timeline's, so that they say where a file went and open it
    // once, wherever they were asked for.
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!current().fileId.isEmpty())
            Q_EMIT saveRequested(current());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!current().fileId.isEmpty())
            Q_EMIT openRequested(current());
    });
    connect(m_close, &QPushButton::clicked, this, &QWidget::hide);

    // Shortcuts rather than key presses: they work whichever button of the bar has the focus.
    const auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QShortcut(keys, this);
        action->setContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QShortcut::activated, this, slot);
    };
    shortcut(Qt::Key_Escape, &QWidget::hide);
    shortcut(Qt::Key_Right, &ImageViewer::next);
    shortcut(Qt::Key_Left, &ImageViewer::previous);
    shortcut(Qt::Key_Plus, &ImageViewer::zoomIn);
    shortcut(Qt::Key_Equal, &ImageViewer::zoomIn); // + without Shift on most keyboards
    shortcut(Qt::Key_Minus, &ImageViewer::zoomOut);
    shortcut(Qt::Key_0, &ImageViewer::fitToWindow);
    shortcut(Qt::Key_1, &ImageViewer::actualSize);

    connect(m_downloads, &FileDownloads::downloadChanged, this,
            [this](const QString &key, const QString &, qint64 received, qint64 total) {
                if (key != m_downloadKey || total <= 0)
                    return;
                m_progress->setRange(0, 1000);
                m_progress->setValue(int(received * 1000 / total));
                m_progress->setVisible(!m_full);
            });
    connect(m_downloads, &FileDownloads::downloadFailed, this,
            [this](const QString &key, const QString &fileId, ApiError::Code) {
                if (key == m_downloadKey && fileId == current().fileId) {
                    m_downloadKey.clear();
                    m_progress->hide();
                    m_status->setText(tr("The original image could not be loaded."));
                    m_status->show();
                }
            });
    connect(m_downloads, &FileDownloads::fullImageReady, this,
            [this](const QString &fileId, const QString &path) {
                if (fileId == current().fileId && !m_full)
                    loadFullImage(fileId, path);
            });
    connect(m_previews, &PreviewImages::imageReady, this, [this](const QString &fileId) {
        if (fileId == current().fileId && !m_full)
            setImage(m_previews->image(fileId), false);
    });

    window->installEventFilter(this);
    setGeometry(window->rect());
}

ImageViewer::~ImageViewer()
{
    stopDownload();
}

void ImageViewer::show(const QList<Attachment> &images, int index)
{
    m_images = images;
    m_index = -1;
    setGeometry(parentWidget()->rect());
    raise();
    QWidget::show();
    setFocus(Qt::OtherFocusReason);
    showIndex(index);
}

void ImageViewer::showIndex(int index)
{
    if (index < 0 || index >= count() || index == m_index)
        return;
    stopDownload();
    m_index = index;
    m_full = false;
    m_fitted = true;
    m_pan = {};
    m_status->hide();
    // Busy until the server says the size; hidden again at once when the cache has the file.
    m_progress->setRange(0, 0);
    m_progress->show();
    const Attachment image = current();
    setImage(m_previews->image(image.fileId), false);
    m_downloadKey = m_downloads->fullImage(image);
    updateTexts();
}

void ImageViewer::next()
{
    showIndex(m_index + 1);
}

void ImageViewer::previous()
{
    showIndex(m_index - 1);
}

double ImageViewer::scale() const
{
    return m_fitted ? m_canvas->fitScale() : m_scale;
}

void ImageViewer::setZoom(double scale)
{
    const double before = this->scale();
    m_scale = std::clamp(scale, MinZoom, MaxZoom);
    m_fitted = false;
    if (before > 0)
        m_pan *= m_scale / before;
    m_canvas->clampPan();
    updateTexts();
    m_canvas->update();
}

void ImageViewer::zoomIn()
{
    setZoom(scale() * ZoomStep);
}

void ImageViewer::zoomOut()
{
    setZoom(scale() / ZoomStep);
}

void ImageViewer::fitToWindow()
{
    m_fitted = true;
    m_pan = {};
    updateTexts();
    m_canvas->update();
}

void ImageViewer::actualSize()
{
    setZoom(1.0);
}

void ImageViewer::setImage(const QImage &image, bool full)
{
    const Attachment attachment = current();
    m_image = image;
    if (!full && !image.isNull() && attachment.isImage()) {
        // The preview stands in at the original's size, so that nothing jumps when the original
        // comes; past 2048 px, blowing a 320 px preview up would cost more than it shows.
        QSize size(attachment.width, attachment.height);
        if (size.width() > 2048 || size.height() > 2048)
            size = size.scaled(2048, 2048, Qt::KeepAspectRatio);
        m_image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    m_full = full;
    m_canvas->clampPan();
    updateTexts();
    m_canvas->update();
}

void ImageViewer::loadFullImage(const QString &fileId, const QString &path)
{
    m_downloadKey.clear();
    m_progress->hide();
    // A large photo takes a moment to decode; the preview stays meanwhile.
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, fileId] {
        const QImage image = watcher->result();
        watcher->deleteLater();
        if (fileId != current().fileId)
            return;
        if (image.isNull()) {
            m_status->setText(tr("The original image could not be shown."));
            m_status->show();
            return;
        }
        const double shown = scale();
        const int shownWidth = m_image.width();
        setImage(image, true);
        // Zoomed in on the preview: stay at the same apparent size.
        if (!m_fitted && shownWidth > 0)
            m_scale = shown * shownWidth / double(image.width());
        updateTexts();
        m_canvas->update();
    });
    watcher->setFuture(QtConcurrent::run(decodeFullImage, path));
}

void ImageViewer::stopDownload()
{
    if (!m_downloadKey.isEmpty())
        m_downloads->stopFullImage(m_downloadKey);
    m_downloadKey.clear();
}

void ImageViewer::updateTexts()
{
    const Attachment image = current();
    m_name->setText(image.name);
    m_name->setToolTip(image.name);
    m_counter->setText(tr("%1 / %2").arg(m_index + 1).arg(count()));
    m_counter->setAccessibleName(tr("Image %1 of %2").arg(m_index + 1).arg(count()));
    m_zoom->setText(tr("%1 %").arg(qRound(scale() * 100)));
    m_zoom->setAccessibleName(tr("Zoom %1 percent").arg(qRound(scale() * 100)));
    m_canvas->setAccessibleName(image.name);
    m_previous->setEnabled(m_index > 0);
    m_next->setEnabled(m_index + 1 < count());
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void ImageViewer::paintEvent(QPaintEvent *)
{
    // Photos are judged against a dark surround whatever the theme; the bar above follows it.
    QPainter painter(this);
    painter.fillRect(rect(), QColor(10, 12, 16, 235));
}

void ImageViewer::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (event->spontaneous())
        return;
    stopDownload();
    if (parentWidget())
        parentWidget()->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

} // namespace moim::ui
