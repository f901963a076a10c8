#include "device_label.h"

#include <QChar>

namespace moim::protocol {

namespace {

constexpr char32_t ZeroWidthNonJoiner = 0x200C;
constexpr char32_t ZeroWidthJoiner = 0x200D;

} // namespace

bool isHiddenOrControl(char32_t codePoint)
{
    // Joiners are invisible but shape emoji sequences and Indic and Arabic text; dropping them
    // would change how a name reads, and they cannot reorder or hide anything.
    if (codePoint == ZeroWidthNonJoiner || codePoint == ZeroWidthJoiner)
        return false;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:       // C0, DEL, C1: terminal escapes, new lines, tabs
    case QChar::Other_Format:        // bidi overrides, embeddings, isolates, marks; zero-width
    case QChar::Other_Surrogate:     // an unpaired half
    case QChar::Separator_Line:      // U+2028
    case QChar::Separator_Paragraph: // U+2029
        return true;
    default:
        return false;
    }
}

QString cleanLabel(QStringView raw, qsizetype maxLength)
{
    QString clean;
    clean.reserve(qMin(raw.size(), maxLength * 2));
    qsizetype codePoints = 0;
    bool pendingSpace = false;
    for (qsizetype i = 0; i < raw.size() && codePoints < maxLength;) {
        char32_t codePoint = raw.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(codePoint) && i + 1 < raw.size() &&
            raw.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(raw.at(i), raw.at(i + 1));
            width = 2;
        }
        const QStringView piece = raw.mid(i, width);
        i += width;
        // Whitespace before the check: a tab or a new line becomes a space, not nothing, so
        // "Jimin's\nLaptop" stays two words.
        if (QChar::isSpace(codePoint)) {
            pendingSpace = !clean.isEmpty();
            continue;
        }
        if (isHiddenOrControl(codePoint))
            continue;
        if (pendingSpace) {
            if (codePoints + 1 >= maxLength)
                break;
            clean += u' ';
            ++codePoints;
            pendingSpace = false;
        }
        clean += piece;
        ++codePoints;
    }
    return clean;
}

QString escapeForTerminal(QStringView text)
{
    QString shown;
    shown.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        char32_t codePoint = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(codePoint) && i + 1 < text.size() &&
            text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        // A plain space is harmless; every other kind of whitespace is escaped with the rest.
        if (codePoint != u' ' && (isHiddenOrControl(codePoint) || QChar::isSpace(codePoint))) {
            const QString hex = QString::number(quint32(codePoint), 16);
            shown += codePoint < 0x100 ? QStringLiteral("\\x") + hex.rightJustified(2, u'0')
                                       : QStringLiteral("\\u") + hex.rightJustified(4, u'0');
        } else {
            shown += text.mid(i, width);
        }
        i += width;
    }
    return shown;
}

} // namespace moim::protocol
