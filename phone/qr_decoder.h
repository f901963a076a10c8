#pragma once

#include <QString>
#include <optional>

class QImage;

namespace moim::phone {

// Finds a QR code in an image (a file, or a grab of the screen) with ZXing, as the phone's
// camera would.
class QrDecoder
{
public:
    // The text of the first QR code found; nullopt when there is none.
    static std::optional<QString> decode(const QImage &image);
};

} // namespace moim::phone
