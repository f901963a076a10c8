// Upload-Offset, Range and Content-Disposition values come from whoever is on the other end: the
// parsers stay bounded and strict, an accepted offset is exactly its digits, a range always lies
// inside the body, and every name builds a header of printable ASCII that reads back the same.
#include "protocol/upload_headers.h"

#include <QString>
#include <cstdint>
#include <cstdlib>
#include <cstring>

using namespace moim::protocol;

namespace {

void checkOffset(QByteArrayView value)
{
    const auto offset = parseUploadOffset(value);
    if (offset && (*offset < 0 || QByteArray::number(*offset) != value))
        std::abort();
}

void checkRange(QByteArrayView value, qint64 size)
{
    const ByteRange range = parseRange(value, size);
    if (range.kind == ByteRange::Kind::Partial &&
        (range.first < 0 || range.first > range.last || range.last >= size))
        std::abort();
    if (range.kind == ByteRange::Kind::Unsatisfiable && contentRange(range, size).isEmpty())
        std::abort();
}

void checkDisposition(QByteArrayView bytes)
{
    const QString name = QString::fromUtf8(bytes);
    const QByteArray header = contentDisposition(name);
    for (const char c : header) {
        if (c < 0x20 || c > 0x7e)
            std::abort();
    }
    // What a valid name builds reads back as that name (U+FFFD from broken UTF-8 included).
    if (!name.isEmpty() && fileNameFromContentDisposition(header) != name)
        std::abort();
    // And whatever arrives as a header either reads as a name or not at all.
    const auto read = fileNameFromContentDisposition(bytes);
    if (read && read->isEmpty())
        std::abort();
    isAcceptableFileName(name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    checkOffset(input);
    // The first eight bytes (when there are that many) choose the body size for the range.
    qint64 bodySize = 1000;
    if (size >= sizeof(qint64)) {
        std::memcpy(&bodySize, data, sizeof(qint64));
        bodySize = bodySize < 0 ? -(bodySize + 1) : bodySize;
    }
    checkRange(input, 1000);
    checkRange(input.sliced(qMin<qsizetype>(input.size(), sizeof(qint64))), bodySize);
    checkDisposition(input);
    return 0;
}
