#include "qr_decoder.h"

#include <QImage>
#include <ZXing/ReadBarcode.h>

namespace moim::phone {

std::optional<QString> QrDecoder::decode(const QImage &image)
{
    if (image.isNull())
        return std::nullopt;
    // Grey is all a QR decoder looks at, and one byte per pixel keeps big screenshots cheap.
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(),
                                ZXing::ImageFormat::Lum, int(grey.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return std::nullopt;
    return QString::fromStdString(result.text());
}

} // namespace moim::phone
