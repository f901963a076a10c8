#include "qr_code_view.h"

#include <QImage>
#include <QPainter>
#include <qrcodegen.hpp>

namespace moim::ui {

namespace {

struct Encoded
{
    std::vector<bool> modules;
    int size = 0;
};

Encoded encode(const QString &text)
{
    if (text.isEmpty())
        return {};
    // Medium error correction survives a glare or a thumb over a corner and keeps the code
    // small enough for big modules.
    const QByteArray utf8 = text.toUtf8();
    const qrcodegen::QrCode code =
        qrcodegen::QrCode::encodeText(utf8.constData(), qrcodegen::QrCode::Ecc::MEDIUM);
    Encoded encoded;
    encoded.size = code.getSize();
    encoded.modules.resize(size_t(encoded.size * encoded.size));
    for (int y = 0; y < encoded.size; ++y) {
        for (int x = 0; x < encoded.size; ++x)
            encoded.modules[size_t(y * encoded.size + x)] = code.getModule(x, y);
    }
    return encoded;
}

// One pixel per module, quiet zone included; scaled up without smoothing it stays exact.
QImage moduleImage(const std::vector<bool> &modules, int size, int quietZone)
{
    const int side = size + 2 * quietZone;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < size; ++y) {
        uchar *line = image.scanLine(y + quietZone);
        for (int x = 0; x < size; ++x) {
            if (modules[size_t(y * size + x)])
                line[x + quietZone] = 0;
        }
    }
    return image;
}

} // namespace

QrCodeView::QrCodeView(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void QrCodeView::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    Encoded encoded = encode(text);
    m_modules = std::move(encoded.modules);
    m_size = encoded.size;
    update();
}

void QrCodeView::setDimmed(bool dimmed)
{
    if (m_dimmed == dimmed)
        return;
    m_dimmed = dimmed;
    update();
}

QImage QrCodeView::render(const QString &text, int modulePixels)
{
    const Encoded encoded = encode(text);
    if (encoded.size == 0)
        return {};
    const QImage image = moduleImage(encoded.modules, encoded.size, QuietZone);
    return image.scaled(image.size() * modulePixels, Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QSize QrCodeView::sizeHint() const
{
    return {248, 248};
}

QSize QrCodeView::minimumSizeHint() const
{
    return {160, 160};
}

void QrCodeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const qreal dpr = devicePixelRatioF();
    const int sideLogical = std::min(width(), height());
    const QRectF area((width() - sideLogical) / 2.0, (height() - sideLogical) / 2.0, sideLogical,
                      sideLogical);
    if (m_size == 0) {
        // No code yet: a quiet placeholder of the same size, so nothing jumps when it arrives.
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(area, 12, 12);
        return;
    }
    const int modules = moduleCount();
    // Whole device pixels per module: fractional modules blur the edges a camera looks for.
    const int devicePixelsPerModule = std::max(1, int(std::floor(sideLogical * dpr / modules)));
    const int sideDevice = devicePixelsPerModule * modules;
    QImage image =
        moduleImage(m_modules, m_size, QuietZone)
            .scaled(sideDevice, sideDevice, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    image.setDevicePixelRatio(dpr);
    const qreal sideDrawn = sideDevice / dpr;
    // Snap the origin to a device pixel as well.
    const QPointF origin(std::round((width() - sideDrawn) / 2.0 * dpr) / dpr,
                         std::round((height() - sideDrawn) / 2.0 * dpr) / dpr);
    painter.drawImage(origin, image);
    if (m_dimmed) {
        painter.fillRect(QRectF(origin, QSizeF(sideDrawn, sideDrawn)), QColor(255, 255, 255, 215));
    }
}

} // namespace moim::ui
