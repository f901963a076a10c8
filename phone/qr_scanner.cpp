#include "qr_scanner.h"

#include <QImage>
#include <QImageReader>
#include <ZXing/ReadBarcode.h>

namespace moim::phone {

QrScanner::Result QrScanner::scanFile(const QString &path)
{
    QImageReader reader(path);
    // A hostile file must not make us allocate gigabytes (QImageReader's own limit is 128 MB).
    reader.setAllocationLimit(64);
    const QImage image = reader.read();
    if (image.isNull())
        return {Problem::UnreadableImage, {}};
    return scanImage(image);
}

QrScanner::Result QrScanner::scanImage(const QImage &image)
{
    if (image.isNull())
        return {Problem::UnreadableImage, {}};
    // 8-bit grey is what the decoder works on; converting here keeps the view simple and safe.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {Problem::NoQrCode, {}};
    return {Problem::None, QString::fromStdString(result.text())};
}

} // namespace moim::phone
