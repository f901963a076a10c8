#include "upload_headers.h"

#include "protocol.h"

#include <limits>

namespace moim::protocol {

namespace {

constexpr qint64 Saturated = std::numeric_limits<qint64>::max();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// A run of digits as a number, Saturated when it does not fit; nullopt when empty or not digits.
std::optional<qint64> saturatingNumber(QByteArrayView digits)
{
    if (digits.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const char c : digits) {
        if (!isDigit(c))
            return std::nullopt;
        if (value > (Saturated - (c - '0')) / 10)
            value = Saturated;
        else
            value = value * 10 + (c - '0');
    }
    return value;
}

// RFC 5987 attr-char: what stays as it is in an ext-value.
bool isAttrChar(char c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c))
        return true;
    return QByteArrayView("!#$&+-.^_`|~").contains(c);
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isControl(char16_t unit)
{
    return unit < 0x20 || (unit >= 0x7f && unit < 0xa0);
}

} // namespace

std::optional<qint64> parseUploadOffset(QByteArrayView value)
{
    if (value.size() > 1 && value.front() == '0')
        return std::nullopt;
    const auto number = saturatingNumber(value);
    if (!number || *number == Saturated)
        return std::nullopt;
    return number;
}

ByteRange parseRange(QByteArrayView value, qint64 size)
{
    constexpr QByteArrayView unit = "bytes=";
    if (size < 0 || !value.startsWith(unit))
        return {};
    const QByteArrayView spec = value.sliced(unit.size());
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return {};
    const QByteArrayView firstText = spec.first(dash);
    const QByteArrayView lastText = spec.sliced(dash + 1);
    ByteRange range;
    if (firstText.isEmpty()) {
        // A suffix: the last n bytes.
        const auto suffix = saturatingNumber(lastText);
        if (!suffix)
            return {};
        if (*suffix == 0 || size == 0)
            return {ByteRange::Kind::Unsatisfiable};
        range.first = size - qMin(*suffix, size);
        range.last = size - 1;
    } else {
        const auto first = saturatingNumber(firstText);
        if (!first)
            return {};
        std::optional<qint64> last = Saturated;
        if (!lastText.isEmpty())
            last = saturatingNumber(lastText);
        if (!last || *last < *first)
            return {};
        if (*first >= size)
            return {ByteRange::Kind::Unsatisfiable};
        range.first = *first;
        range.last = qMin(*last, size - 1);
    }
    range.kind = ByteRange::Kind::Partial;
    return range;
}

QByteArray contentRange(const ByteRange &range, qint64 size)
{
    if (range.kind != ByteRange::Kind::Partial)
        return "bytes */" + QByteArray::number(size);
    return "bytes " + QByteArray::number(range.first) + '-' + QByteArray::number(range.last) + '/' +
           QByteArray::number(size);
}

QByteArray contentDisposition(const QString &name)
{
    QByteArray fallback;
    for (const QChar c : name) {
        const char16_t unit = c.unicode();
        // A pair of surrogates is one character: one '_' for it.
        if (c.isLowSurrogate())
            continue;
        fallback += unit >= 0x20 && unit < 0x7f && unit != '"' && unit != '\\' ? char(unit) : '_';
    }
    QByteArray encoded;
    for (const char c : name.toUtf8()) {
        if (isAttrChar(c)) {
            encoded += c;
        } else {
            constexpr char hex[] = "0123456789ABCDEF";
            const auto byte = static_cast<unsigned char>(c);
            encoded += '%';
            encoded += hex[byte >> 4];
            encoded += hex[byte & 0xf];
        }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

std::optional<QString> fileNameFromContentDisposition(QByteArrayView value)
{
    constexpr QByteArrayView parameter = "filename*=";
    constexpr QByteArrayView charset = "UTF-8''";
    qsizetype at = -1;
    // The parameter follows a ';' outside any quoted string: a quoted fallback may hold text that
    // looks like one.
    bool quoted = false;
    for (qsizetype i = 0; i < value.size() && at < 0; ++i) {
        const char c = value[i];
        if (quoted) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ';') {
            qsizetype next = i + 1;
            while (next < value.size() && value[next] == ' ')
                ++next;
            if (value.sliced(next).startsWith(parameter))
                at = next + parameter.size();
        }
    }
    if (at < 0 || !value.sliced(at).startsWith(charset))
        return std::nullopt;
    at += charset.size();
    QByteArray bytes;
    for (; at < value.size() && value[at] != ';' && value[at] != ' '; ++at) {
        const char c = value[at];
        if (c == '%') {
            if (at + 2 >= value.size())
                return std::nullopt;
            const int high = hexValue(value[at + 1]);
            const int low = hexValue(value[at + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            bytes += char(high << 4 | low);
            at += 2;
        } else if (isAttrChar(c)) {
            bytes += c;
        } else {
            return std::nullopt;
        }
    }
    if (bytes.isEmpty())
        return std::nullopt;
    const QString name = QString::fromUtf8(bytes);
    // Bytes that are not UTF-8 would come back as U+FFFD: not the name that was sent.
    if (name.toUtf8() != bytes)
        return std::nullopt;
    return name;
}

bool isAcceptableFileName(const QString &name)
{
    if (name.isEmpty() || name.size() > limits::MaxFileNameLength || name == u"."_s ||
        name == u".."_s)
        return false;
    for (const QChar c : name) {
        if (isControl(c.unicode()) || c == u'/' || c == u'\\')
            return false;
    }
    return true;
}

} // namespace moim::protocol
