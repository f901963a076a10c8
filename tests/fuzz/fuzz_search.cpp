// A search typed by anyone over a message written by anyone. The first line is what was typed,
// the rest the message. Whatever they are: the query parses, its MATCH expression is valid FTS5,
// the index (a real FTS5 table with the tokenizer) finds the message whenever the text matches,
// and the highlights lie inside the text, sorted, apart, one wherever a term matches.
#include "search/search_query.h"
#include "search/search_text.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <cstdint>
#include <cstdlib>

using namespace moim::search;
using namespace Qt::StringLiterals;

namespace {

QSqlDatabase &index()
{
    static QSqlDatabase db = [] {
        static int argc = 1;
        static char name[] = "fuzz_search";
        static char *argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
        QSqlDatabase opened = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fuzz"_s);
        opened.setDatabaseName(u":memory:"_s);
        if (!opened.open() || !registerTokenizer(opened) ||
            !QSqlQuery(opened).exec(
                u"CREATE VIRTUAL TABLE texts USING fts5(body, content='', tokenize='moim')"_s))
            std::abort();
        return opened;
    }();
    return db;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf(u'\n');
    const QString typed = newline < 0 ? input : input.first(newline);
    const QString text = newline < 0 ? input : input.sliced(newline + 1);

    const SearchQuery query = SearchQuery::parse(typed);
    const QStringList &terms = query.terms;
    const QString expression = matchExpression(terms);
    const bool matches = matchesAll(text, terms);
    if (matches && expression.isEmpty())
        std::abort();

    QSqlDatabase &db = index();
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO texts (rowid, body) VALUES (1, ?)"_s);
    insert.addBindValue(text);
    if (!insert.exec())
        std::abort();
    bool found = false;
    if (!expression.isEmpty()) {
        QSqlQuery search(db);
        search.prepare(u"SELECT rowid FROM texts WHERE texts MATCH ?"_s);
        search.addBindValue(expression);
        if (!search.exec())
            std::abort(); // every expression is valid FTS5
        found = search.next();
    }
    if (matches && !found)
        std::abort(); // the index missed a match
    QSqlQuery remove(db);
    remove.prepare(u"INSERT INTO texts (texts, rowid, body) VALUES ('delete', 1, ?)"_s);
    remove.addBindValue(text);
    if (!remove.exec() || !QSqlQuery(db).exec(u"DELETE FROM texts"_s))
        std::abort();

    int previousEnd = 0;
    const QList<MatchRange> ranges = findMatches(text, terms);
    for (const MatchRange &range : ranges) {
        if (range.start < previousEnd || range.length <= 0 ||
            range.start + range.length > text.size())
            std::abort();
        previousEnd = range.start + range.length;
    }
    if (matches && ranges.isEmpty())
        std::abort();
    return 0;
}
