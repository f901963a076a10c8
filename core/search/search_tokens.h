#pragma once

#include <QChar>
#include <QStringView>
#include <algorithm>

namespace moim::search {

// Why this tokenizer (figures from tests/bench/bench_search.cpp on a 2-core machine,
// generated Korean/English work chat; MOIM_BENCH_SEARCH_COMPARE=1 for the comparison):
//
//                         build    index / messages   p95, newest 50: 1 char   2 chars   3+ chars
//   100,000 messages
//   moim, detail=full     2.2 s    0.71               0.26 ms    0.12 ms   0.47 ms
//   moim, detail=column   2.0 s    0.69               0.18 ms    0.21 ms   (no phrases)
//   trigram + LIKE        2.0 s    0.79               153 ms     158 ms    0.63 ms
//   1,000,000 messages, through LocalCache::searchMessages (moim, detail=full)
//                         21.5 s   0.69               0.55 ms    1.10 ms   1.48 ms (English 8.0 ms)
//
// SQLite's trigram tokenizer finds nothing shorter than three characters from its index, and in
// Korean the words people search for are mostly one or two syllables: those fall back to a scan
// (LIKE), which costs ~150 ms at 100,000 messages and grows with the cache; it also leaves NFC
// and case folding outside. Unigrams plus colocated bigrams answer every length from the index,
// at a smaller size. detail=column saves little here (one column, no column sizes) and gives up
// phrases, which 3+ syllables and "quoted words" need, so detail stays full.
//
// How a character takes part in matching.
// - Gram: Hangul (and Han, kana). Korean glues particles to words (회의는, 회의에서) and most words
//   are one or two syllables, so these match anywhere inside a run: indexed as one token per
//   character plus a colocated token per pair of neighbours.
// - Word: other letters and digits. Matched from the start of a word (meet finds Meeting), like
//   every Latin-script search users know; a whole word is one token.
// - Symbol: an emoji or other pictograph, a token of its own.
// - Separator: spaces and punctuation, never a token.
enum class CharClass
{
    Separator,
    Word,
    Gram,
    Symbol
};

inline CharClass classOf(char32_t c)
{
    if (c < 0x80) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z'))
            return CharClass::Word;
        return CharClass::Separator;
    }
    if ((c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) ||
        (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
        (c >= 0xD7B0 && c <= 0xD7FF))
        return CharClass::Gram;
    switch (QChar::script(c)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
        return CharClass::Gram;
    default:
        break;
    }
    if (QChar::isLetterOrNumber(c))
        return CharClass::Word;
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        // A mark belongs to the word it follows; variation selectors only choose how an emoji
        // looks and are left out, so ❤️ and ❤ match each other.
        if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF))
            return CharClass::Separator;
        return CharClass::Word;
    case QChar::Symbol_Other:
        return CharClass::Symbol;
    default:
        return CharClass::Separator;
    }
}

inline char32_t codePointAt(QStringView text, qsizetype i, qsizetype *length)
{
    const QChar first = text.at(i);
    if (first.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *length = 2;
        return QChar::surrogateToUcs4(first, text.at(i + 1));
    }
    *length = 1;
    return first.unicode();
}

constexpr qsizetype MaxWordTokenLength = 64;

enum class TokenMode
{
    Document, // text being indexed
    Query     // one typed word, matched as a phrase
};

// Calls emit(QStringView token, bool colocated, qsizetype start, qsizetype end) for each token
// of `normalised` (already passed through normalise()); start/end index into it.
//
// Document: every Gram character is a token at its own position, and the pair it starts (if the
// next character is a Gram too) is a second token at the same position (colocated). So a Gram
// substring of one character is its unigram, of two its bigram, and of n > 2 the phrase of its
// n-1 bigrams at consecutive positions.
// Query: a Gram run is written that way; when more tokens follow in the same word, the run's last
// character is added as a unigram so that the positions of what follows line up with the text's.
template<typename Emit> void tokenize(QStringView normalised, TokenMode mode, Emit &&emit)
{
    const qsizetype size = normalised.size();
    qsizetype i = 0;
    while (i < size) {
        qsizetype length = 0;
        const char32_t c = codePointAt(normalised, i, &length);
        switch (classOf(c)) {
        case CharClass::Separator:
            i += length;
            break;
        case CharClass::Symbol:
            emit(normalised.sliced(i, length), false, i, i + length);
            i += length;
            break;
        case CharClass::Word: {
            qsizetype end = i + length;
            while (end < size) {
                qsizetype next = 0;
                if (classOf(codePointAt(normalised, end, &next)) != CharClass::Word)
                    break;
                end += next;
            }
            // A token of a long run (a pasted key or base64) is cut: the index stays small and the
            // check of every candidate against the text keeps the match exact.
            qsizetype tokenEnd = std::min(end, i + MaxWordTokenLength);
            if (tokenEnd < end && normalised.at(tokenEnd).isLowSurrogate())
                --tokenEnd;
            emit(normalised.sliced(i, tokenEnd - i), false, i, tokenEnd);
            i = end;
            break;
        }
        case CharClass::Gram: {
            qsizetype nextLength = 0;
            const bool pairs =
                i + length < size &&
                classOf(codePointAt(normalised, i + length, &nextLength)) == CharClass::Gram;
            if (mode == TokenMode::Document) {
                emit(normalised.sliced(i, length), false, i, i + length);
                if (pairs)
                    emit(normalised.sliced(i, length + nextLength), true, i,
                         i + length + nextLength);
                i += length;
                break;
            }
            if (!pairs) {
                emit(normalised.sliced(i, length), false, i, i + length);
                i += length;
                break;
            }
            // A run of two or more: its bigrams, then the last character if anything follows.
            while (true) {
                emit(normalised.sliced(i, length + nextLength), false, i, i + length + nextLength);
                i += length;
                length = nextLength;
                if (!(i + length < size &&
                      classOf(codePointAt(normalised, i + length, &nextLength)) == CharClass::Gram))
                    break;
            }
            // i is now the run's last character.
            bool more = false;
            for (qsizetype j = i + length; j < size && !more;) {
                qsizetype step = 0;
                more = classOf(codePointAt(normalised, j, &step)) != CharClass::Separator;
                j += step;
            }
            if (more)
                emit(normalised.sliced(i, length), false, i, i + length);
            i += length;
            break;
        }
        }
    }
}

} // namespace moim::search
