#include "file_type.h"

#include <QFile>
#include <QStringDecoder>

namespace moim::server::fileType {

using namespace Qt::StringLiterals;

namespace {

// What is read of a file to tell an OLE2 compound file's kind: HWP's FileHeader stream sits in
// one of the first sectors.
constexpr qint64 OleScanBytes = 1024 * 1024;
// A ZIP's end record lies within its last 64 KiB + 22 bytes (the comment is at most 64 KiB).
constexpr qint64 ZipTailBytes = 65'535 + 22;
// The central directory read to find an OOXML part; real documents need a few KiB.
constexpr qint64 MaxZipDirectoryBytes = 4 * 1024 * 1024;
constexpr qint64 TextChunkBytes = 1024 * 1024;

quint32 le16(const QByteArray &bytes, qsizetype at)
{
    return quint32(quint8(bytes[at])) | quint32(quint8(bytes[at + 1])) << 8;
}

quint32 le32(const QByteArray &bytes, qsizetype at)
{
    return le16(bytes, at) | le16(bytes, at + 2) << 16;
}

QByteArray readAt(QFile &file, qint64 offset, qint64 length)
{
    if (offset < 0 || !file.seek(offset))
        return {};
    return file.read(length);
}

// The first entry of a ZIP when it is a stored "mimetype" file (ODF and HWPX put it there).
QByteArray zipMimetype(QFile &file)
{
    const QByteArray header = readAt(file, 0, 30);
    if (header.size() < 30 || le16(header, 8) != 0)
        return {};
    const quint32 nameLength = le16(header, 26);
    const quint32 extraLength = le16(header, 28);
    const quint32 size = le32(header, 18);
    if (readAt(file, 30, nameLength) != "mimetype" || size > 256)
        return {};
    return readAt(file, 30 + nameLength + extraLength, size);
}

// The names in a ZIP's central directory (empty when it cannot be read).
QList<QByteArray> zipEntryNames(QFile &file)
{
    const qint64 size = file.size();
    const qint64 tailStart = qMax<qint64>(0, size - ZipTailBytes);
    const QByteArray tail = readAt(file, tailStart, size - tailStart);
    const qsizetype end = tail.lastIndexOf("PK\x05\x06");
    if (end < 0 || end + 22 > tail.size())
        return {};
    const qint64 directorySize = le32(tail, end + 12);
    const qint64 directoryOffset = le32(tail, end + 16);
    if (directorySize > MaxZipDirectoryBytes)
        return {};
    const QByteArray directory = readAt(file, directoryOffset, directorySize);
    QList<QByteArray> names;
    qsizetype at = 0;
    while (at + 46 <= directory.size() && directory.mid(at, 4) == "PK\x01\x02") {
        const qsizetype nameLength = le16(directory, at + 28);
        const qsizetype rest = nameLength + le16(directory, at + 30) + le16(directory, at + 32);
        names.append(directory.mid(at + 46, nameLength));
        at += 46 + rest;
    }
    return names;
}

QString zipType(QFile &file)
{
    if (zipMimetype(file).startsWith("application/hwp+zip"))
        return QString::fromLatin1(Hwpx);
    const QList<QByteArray> names = zipEntryNames(file);
    if (names.contains("[Content_Types].xml")) {
        for (const QByteArray &name : names) {
            if (name.startsWith("word/"))
                return QString::fromLatin1(Docx);
            if (name.startsWith("xl/"))
                return QString::fromLatin1(Xlsx);
            if (name.startsWith("ppt/"))
                return QString::fromLatin1(Pptx);
        }
    }
    return QString::fromLatin1(Zip);
}

// Whether bytes end inside a UTF-8 sequence (the decoder keeps such a tail waiting for more).
bool endsMidSequence(const QByteArray &bytes)
{
    qsizetype at = bytes.size() - 1;
    int continuations = 0;
    while (at >= 0 && continuations < 3 && (quint8(bytes[at]) & 0xc0) == 0x80) {
        --at;
        ++continuations;
    }
    if (at < 0)
        return false;
    const auto lead = quint8(bytes[at]);
    const int needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
    return continuations < needed;
}

// Whether the whole file is UTF-8 text: valid, and no control characters but tab, line feed,
// form feed and carriage return (a NUL says binary).
bool isUtf8Text(QFile &file)
{
    if (!file.seek(0))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    QByteArray chunk;
    while (!file.atEnd()) {
        chunk = file.read(TextChunkBytes);
        if (chunk.isEmpty())
            return false;
        for (const char c : std::as_const(chunk)) {
            const auto byte = quint8(c);
            if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r') ||
                byte == 0x7f)
                return false;
        }
        // Decoding is what finds invalid sequences; the text itself is not needed.
        [[maybe_unused]] const QString text = decoder(chunk);
        if (decoder.hasError())
            return false;
    }
    return !endsMidSequence(chunk);
}

} // namespace

QString sniff(QFile &file)
{
    const QByteArray head = readAt(file, 0, 64);
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return QString::fromLatin1(Png);
    if (head.startsWith("\xff\xd8\xff"))
        return QString::fromLatin1(Jpeg);
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return QString::fromLatin1(Gif);
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QString::fromLatin1(Webp);
    if (head.startsWith("%PDF-"))
        return QString::fromLatin1(Pdf);
    if (head.startsWith("PK\x03\x04"))
        return zipType(file);
    if (head.startsWith("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) {
        // Word, Excel and HWP 5 all are compound files; HWP says so in its FileHeader stream.
        return readAt(file, 0, OleScanBytes).contains("HWP Document File")
                   ? QString::fromLatin1(Hwp)
                   : QString::fromLatin1(Unknown);
    }
    return isUtf8Text(file) ? QString::fromLatin1(Text) : QString::fromLatin1(Unknown);
}

} // namespace moim::server::fileType
