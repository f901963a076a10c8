#pragma once

#include <QString>

class QImage;

namespace moim::phone {

// Finds and decodes a QR code in a picture, as the phone's camera would (ZXing-C++).
class QrScanner
{
public:
    enum class Problem
    {
        None,
        UnreadableImage, // the file is not an image we can load
        NoQrCode         // the image holds no readable QR code
    };

    struct Result
    {
        Problem problem = Problem::None;
        QString text;
    };

    static Result scanFile(const QString &path);
    static Result scanImage(const QImage &image);
};

} // namespace moim::phone
