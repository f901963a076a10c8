#include "search_text.h"

#include "search_tokens.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>
#include <algorithm>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcSearch, "moim.core.search")

namespace moim::search {

using namespace Qt::StringLiterals;

namespace {

// A character that NFC may merge into the one before it: a combining mark, or the vowel and
// final consonant of a decomposed Hangul syllable.
bool joinsPrevious(char32_t c)
{
    if (c < 0x300)
        return false;
    if (c >= 0x1160 && c <= 0x11FF)
        return true;
    return QChar::combiningClass(c) != 0;
}

// Folds `text` piece by piece (a character with whatever NFC may merge into it), telling `sink`
// each folded piece and the range of `text` it came from. Almost every piece is one character
// that NFC leaves alone (Latin, composed Hangul), folded without building a string.
template<typename Sink> void foldPieces(QStringView text, Sink &&sink)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        qsizetype length = 0;
        const char32_t c = codePointAt(text, i, &length);
        qsizetype end = i + length;
        while (end < size) {
            qsizetype next = 0;
            if (!joinsPrevious(codePointAt(text, end, &next)))
                break;
            end += next;
        }
        if (end == i + length && c < 0x300) {
            const char16_t folded = c < 0x80 ? char16_t(c >= u'A' && c <= u'Z' ? c + 0x20 : c)
                                             : char16_t(QChar::toCaseFolded(c));
            sink(QStringView(&folded, 1), i, end);
        } else if (end == i + length && c >= 0xAC00 && c <= 0xD7A3) {
            sink(text.sliced(i, length), i, end);
        } else {
            const QString piece = text.sliced(i, end - i)
                                      .toString()
                                      .normalized(QString::NormalizationForm_C)
                                      .toCaseFolded();
            sink(QStringView(piece), i, end);
        }
        i = end;
    }
}

// Folded text that remembers where each of its code units came from in the original.
struct FoldedText
{
    QString text;
    QList<qsizetype> sourceStart;
    QList<qsizetype> sourceEnd;
};

FoldedText foldWithSource(QStringView text)
{
    FoldedText folded;
    folded.text.reserve(text.size());
    folded.sourceStart.reserve(text.size());
    folded.sourceEnd.reserve(text.size());
    foldPieces(text, [&folded](QStringView piece, qsizetype start, qsizetype end) {
        folded.text.append(piece);
        for (qsizetype k = 0; k < piece.size(); ++k) {
            folded.sourceStart.append(start);
            folded.sourceEnd.append(end);
        }
    });
    return folded;
}

CharClass classBefore(QStringView text, qsizetype position)
{
    if (position <= 0)
        return CharClass::Separator;
    qsizetype start = position - 1;
    if (text.at(start).isLowSurrogate() && start > 0 && text.at(start - 1).isHighSurrogate())
        --start;
    qsizetype length = 0;
    return classOf(codePointAt(text, start, &length));
}

// A typed word as it is matched: folded, without the spaces and punctuation around it (회의, and
// 회의 are the same search). Empty when nothing is left.
QString termKey(const QString &term)
{
    QString key = normalise(term);
    qsizetype start = 0;
    qsizetype end = key.size();
    while (start < end) {
        qsizetype length = 0;
        if (classOf(codePointAt(key, start, &length)) != CharClass::Separator)
            break;
        start += length;
    }
    while (end > start) {
        qsizetype last = end - 1;
        if (key.at(last).isLowSurrogate() && last > start && key.at(last - 1).isHighSurrogate())
            --last;
        qsizetype length = 0;
        if (classOf(codePointAt(key, last, &length)) != CharClass::Separator)
            break;
        end = last;
    }
    return key.sliced(start, end - start);
}

// Calls found(position) for each place `key` occurs in `folded` under the matching rules: a key
// that starts with a letter or digit only where a word starts (so "ting" is not in "meeting",
// nor "3시" in "13시"), Hangul anywhere.
template<typename Found>
void forEachOccurrence(QStringView folded, const QString &key, Found &&found)
{
    qsizetype length = 0;
    const bool fromWordStart = classOf(codePointAt(key, 0, &length)) == CharClass::Word;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = folded.indexOf(key, from);
        if (at < 0)
            return;
        if (!fromWordStart || classBefore(folded, at) != CharClass::Word) {
            if (!found(at))
                return;
        }
        from = at + 1;
    }
}

QList<QString> keysOf(const QStringList &terms)
{
    QList<QString> keys;
    for (const QString &term : terms) {
        QString key = termKey(term);
        if (!key.isEmpty())
            keys.append(std::move(key));
    }
    return keys;
}

// The FTS5 side: UTF-8 in, tokens out, offsets in bytes of the input.
int createTokenizer(void *, const char **, int, Fts5Tokenizer **tokenizer)
{
    // Stateless: every table shares one instance, which is never freed.
    static int instance = 0;
    *tokenizer = reinterpret_cast<Fts5Tokenizer *>(&instance);
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer *) {}

void appendUtf8(QByteArray &out, QStringView text)
{
    for (qsizetype i = 0; i < text.size();) {
        qsizetype length = 0;
        const char32_t c = codePointAt(text, i, &length);
        i += length;
        if (c < 0x80) {
            out.append(char(c));
        } else if (c < 0x800) {
            out.append(char(0xC0 | (c >> 6)));
            out.append(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out.append(char(0xE0 | (c >> 12)));
            out.append(char(0x80 | ((c >> 6) & 0x3F)));
            out.append(char(0x80 | (c & 0x3F)));
        } else {
            out.append(char(0xF0 | (c >> 18)));
            out.append(char(0x80 | ((c >> 12) & 0x3F)));
            out.append(char(0x80 | ((c >> 6) & 0x3F)));
            out.append(char(0x80 | (c & 0x3F)));
        }
    }
}

int tokenizeText(Fts5Tokenizer *, void *context, int flags, const char *text, int textBytes,
                 int (*token)(void *, int, const char *, int, int, int))
{
    if (textBytes <= 0)
        return SQLITE_OK;
    const QString normalised = normalise(QString::fromUtf8(text, textBytes));
    const TokenMode mode =
        (flags & FTS5_TOKENIZE_QUERY) != 0 ? TokenMode::Query : TokenMode::Document;
    // Offsets only serve FTS5's highlight() and snippet(), which Moim does not use (highlights
    // come from findMatches on the original text): they are those of the folded text, kept
    // within the input.
    qsizetype counted = 0;
    int countedBytes = 0;
    const auto bytesAt = [&](qsizetype position) {
        for (; counted < position; ++counted) {
            const char16_t unit = normalised.at(counted).unicode();
            countedBytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : QChar::isSurrogate(unit) ? 2 : 3;
        }
        return std::min(countedBytes, textBytes);
    };
    QByteArray buffer;
    int result = SQLITE_OK;
    tokenize(normalised, mode,
             [&](QStringView piece, bool colocated, qsizetype start, qsizetype end) {
                 if (result != SQLITE_OK)
                     return;
                 buffer.clear();
                 appendUtf8(buffer, piece);
                 const int startBytes = bytesAt(start);
                 const int endBytes = bytesAt(end);
                 result = token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, buffer.constData(),
                                int(buffer.size()), startBytes, endBytes);
             });
    return result;
}

} // namespace

QString normalise(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    foldPieces(text, [&folded](QStringView piece, qsizetype, qsizetype) { folded.append(piece); });
    return folded;
}

bool registerTokenizer(const QSqlDatabase &db)
{
    const QVariant handle = db.isOpen() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        qCWarning(lcSearch) << "cannot register the search tokenizer: not an open SQLite"
                               " connection";
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        return false;
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!api || api->iVersion < 2) {
        qCWarning(lcSearch) << "cannot register the search tokenizer: SQLite has no FTS5";
        return false;
    }
    fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenizeText};
    if (api->xCreateTokenizer(api, "moim", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        qCWarning(lcSearch) << "cannot register the search tokenizer:"
                            << sqlite3_errmsg(connection);
        return false;
    }
    return true;
}

QString matchExpression(const QStringList &terms)
{
    QStringList phrases;
    for (const QString &key : keysOf(terms)) {
        // FTS5 reads a string only up to a NUL; as a separator, a space stands for it.
        QString phrase =
            u'"' + QString(key).replace(u'"', u"\"\""_s).replace(QChar(0), u' ') + u'"';
        // The last word of a term may go on (meet finds meeting); Hangul already matches inside.
        qsizetype last = key.size() - 1;
        if (key.at(last).isLowSurrogate() && last > 0)
            --last;
        qsizetype length = 0;
        if (classOf(codePointAt(key, last, &length)) == CharClass::Word)
            phrase += u" *"_s;
        phrases.append(phrase);
    }
    return phrases.join(u" AND "_s);
}

QList<MatchRange> findMatches(const QString &text, const QStringList &terms)
{
    const QList<QString> keys = keysOf(terms);
    if (keys.isEmpty())
        return {};
    const FoldedText folded = foldWithSource(text);
    QList<MatchRange> ranges;
    for (const QString &key : keys) {
        forEachOccurrence(folded.text, key, [&](qsizetype at) {
            const qsizetype start = folded.sourceStart.at(at);
            const qsizetype end = folded.sourceEnd.at(at + key.size() - 1);
            ranges.append({int(start), int(end - start)});
            return true;
        });
    }
    std::sort(ranges.begin(), ranges.end(), [](const MatchRange &a, const MatchRange &b) {
        return a.start < b.start || (a.start == b.start && a.length > b.length);
    });
    QList<MatchRange> merged;
    for (const MatchRange &range : ranges) {
        if (!merged.isEmpty() && range.start <= merged.last().start + merged.last().length) {
            MatchRange &last = merged.last();
            last.length =
                std::max(last.start + last.length, range.start + range.length) - last.start;
        } else {
            merged.append(range);
        }
    }
    return merged;
}

bool matchesAll(const QString &text, const QStringList &terms)
{
    const QList<QString> keys = keysOf(terms);
    if (keys.isEmpty())
        return false;
    const QString folded = normalise(text);
    return std::all_of(keys.cbegin(), keys.cend(), [&folded](const QString &key) {
        bool found = false;
        forEachOccurrence(folded, key, [&found](qsizetype) {
            found = true;
            return false;
        });
        return found;
    });
}

} // namespace moim::search
