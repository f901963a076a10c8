#pragma once

// The headers of file uploads and downloads (docs/protocol.md "Files"), read and written the same
// way by the client and the mock server: Upload-Offset, a single Range, and Content-Disposition.
// Plain functions over bytes; nothing here touches the network.
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace moim::protocol {

// An Upload-Offset value: a plain decimal number of bytes (digits only, no sign, no spaces, no
// leading zero, at most what fits in 63 bits); nullopt for anything else.
std::optional<qint64> parseUploadOffset(QByteArrayView value);

// What a Range header asks of a body of `size` bytes.
struct ByteRange
{
    enum class Kind
    {
        Whole,         // no Range, or one the server ignores (not one well-formed bytes range)
        Partial,       // first..last, both inside the body
        Unsatisfiable, // well-formed, but starts at or after the end (416)
    };
    Kind kind = Kind::Whole;
    qint64 first = 0;
    qint64 last = -1;

    qint64 length() const { return last - first + 1; }
};
// Reads one "bytes=a-b", "bytes=a-" or "bytes=-n" against a body of `size` bytes (RFC 9110,
// section 14.1.2): `last` beyond the end stops at the end, a suffix longer than the body is the
// whole body. Several ranges, another unit or a malformed spec are ignored (Whole), as the RFC
// allows: the client gets the whole body with 200.
ByteRange parseRange(QByteArrayView value, qint64 size);
// "bytes first-last/size" for 206, or "bytes */size" for 416.
QByteArray contentRange(const ByteRange &range, qint64 size);

// "attachment; filename=\"…\"; filename*=UTF-8''…": the name percent-encoded as RFC 5987 says,
// and an ASCII fallback for old readers in which every other character is '_'. Only printable
// ASCII comes out, whatever the name holds.
QByteArray contentDisposition(const QString &name);
// The name in a Content-Disposition's filename* parameter (UTF-8, percent-encoded); nullopt
// when there is none or it is not well-formed.
std::optional<QString> fileNameFromContentDisposition(QByteArrayView value);

// Whether a file name may be stored as given: 1 to limits::MaxFileNameLength UTF-16 units, no
// control character, no '/' or '\\', and neither "." nor "..".
bool isAcceptableFileName(const QString &name);

} // namespace moim::protocol
