#pragma once

#include "chat/message.h"

#include <QImage>
#include <QList>
#include <QPointF>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace moim {
class FileDownloads;
}

namespace moim::ui {

class PreviewImages;
class ImageCanvas;

// The images of a conversation full size, one at a time, over the main window: a dark backdrop
// that covers the window's content (a child widget that follows the window's size, not a window
// of its own, so it moves, resizes and closes with the window and never gets lost behind it).
// While the original comes it shows the preview scaled up with a progress line.
//
// Esc closes, ←/→ move through the list, Ctrl+wheel, + and − zoom, 0 fits the image in the window
// and 1 shows it at 100 %; dragging pans an image larger than the window.
class ImageViewer : public QWidget
{
    Q_OBJECT

public:
    ImageViewer(FileDownloads *downloads, PreviewImages *previews, QWidget *window);
    ~ImageViewer() override;

    using QWidget::show;
    // Shows `images[index]` and lets the arrows move through `images`.
    void show(const QList<Attachment> &images, int index);

    int index() const { return m_index; }
    int count() const { return int(m_images.size()); }
    Attachment current() const { return m_images.value(m_index); }
    // Screen pixels per image pixel as shown now; whether it follows the window (fit).
    double scale() const;
    bool isFitted() const { return m_fitted; }
    // Whether the original is shown (not its preview while it comes).
    bool isFullImageShown() const { return m_full; }

    void showIndex(int index);
    void next();
    void previous();
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    void actualSize();

Q_SIGNALS:
    void closed();
    // The bar's Save as… and Open, for the image shown.
    void saveRequested(const moim::Attachment &image);
    void openRequested(const moim::Attachment &image);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    friend class ImageCanvas;

    void setZoom(double scale);
    void setImage(const QImage &image, bool full);
    void updateTexts();
    void loadFullImage(const QString &fileId, const QString &path);
    void stopDownload();

    FileDownloads *m_downloads;
    PreviewImages *m_previews;
    QList<Attachment> m_images;
    int m_index = -1;
    QString m_downloadKey;
    QImage m_image;
    bool m_full = false;
    bool m_fitted = true;
    double m_scale = 1.0;
    QPointF m_pan; // the image's centre offset from the canvas's centre, in screen pixels

    QLabel *m_name;
    QLabel *m_counter;
    QLabel *m_zoom;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_save;
    QPushButton *m_open;
    QPushButton *m_close;
    QProgressBar *m_progress;
    QLabel *m_status;
    ImageCanvas *m_canvas;
};

} // namespace moim::ui
