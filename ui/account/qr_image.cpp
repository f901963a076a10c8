#include "qr_image.h"

#include <QPainter>
#include <qrcodegen.hpp>

namespace moim::ui {

namespace {

constexpr int QuietZoneModules = 4; // what the QR specification asks for

} // namespace

QImage QrImage::render(const QString &text, int moduleSize)
{
    const QByteArray utf8 = text.toUtf8();
    // qrcodegen reports text too long for any QR version by throwing; no exception may cross
    // into Qt, so it ends here as a null image.
    try {
        const qrcodegen::QrCode code =
            qrcodegen::QrCode::encodeText(utf8.constData(), qrcodegen::QrCode::Ecc::MEDIUM);
        const int modules = code.getSize() + 2 * QuietZoneModules;
        QImage image(modules * moduleSize, modules * moduleSize, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::black);
        for (int y = 0; y < code.getSize(); ++y) {
            for (int x = 0; x < code.getSize(); ++x) {
                if (code.getModule(x, y))
                    painter.drawRect((x + QuietZoneModules) * moduleSize,
                                     (y + QuietZoneModules) * moduleSize, moduleSize, moduleSize);
            }
        }
        return image;
    } catch (const qrcodegen::data_too_long &) {
        return {};
    }
}

} // namespace moim::ui
