#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

class QSqlDatabase;

namespace moim::search {

// Folds text for matching: NFC (a decomposed 한글 pasted from macOS matches the composed one),
// then case folded. Nothing wider: NFKC would fold away differences users mean.
QString normalise(QStringView text);

// Registers the FTS5 tokenizer "moim" on an open QSQLITE connection (through the sqlite3* of
// QSqlDriver::handle()). Every connection must call it before it touches a table that uses the
// tokenizer. Returns false (and logs) when FTS5 is unavailable.
bool registerTokenizer(const QSqlDatabase &db);

// The FTS5 MATCH expression for the typed words, AND-ed. Hangul of any length is found inside
// longer words (회의 in 회의는, 팀 in 팀장님); other words from the start of a word (meet in
// Meeting). Empty when there is nothing to search for.
QString matchExpression(const QStringList &terms);

struct MatchRange
{
    int start = 0;
    int length = 0;
    bool operator==(const MatchRange &other) const = default;
};

// Where the terms occur in `text`, as ranges of the original (not normalised) text, so that an
// NFD text highlights correctly. Sorted, overlapping ranges merged.
QList<MatchRange> findMatches(const QString &text, const QStringList &terms);

// Whether every term occurs in `text` under the same rules: the check behind the index, whose
// phrase and prefix queries can let through a near miss (v2.1 against "v2 1"), and what the
// tests hold the index to.
bool matchesAll(const QString &text, const QStringList &terms);

} // namespace moim::search
