#pragma once

#include <QImage>
#include <QString>

namespace moim::ui {

// Renders text as a QR code (qrcodegen) into a crisp black-on-white image with the quiet zone
// scanners need. Used for the otpauth:// URI of 2-step verification.
class QrImage
{
public:
    // moduleSize device pixels per module; a null image when the text does not fit a QR code.
    static QImage render(const QString &text, int moduleSize = 6);
};

} // namespace moim::ui
