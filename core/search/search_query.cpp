#include "search_query.h"

#include <QCoreApplication>

namespace moim::search {

using namespace Qt::StringLiterals;

namespace {

// The typed text in pieces: runs of non-space, where a quoted stretch (spaces and all) belongs to
// the piece it is in and loses its quotes. An unclosed quote runs to the end.
QStringList piecesOf(const QString &typed)
{
    QStringList pieces;
    QString piece;
    bool inPiece = false;
    bool quoted = false;
    for (const QChar c : typed) {
        if (c == u'"') {
            quoted = !quoted;
            inPiece = true;
            continue;
        }
        if (!quoted && c.isSpace()) {
            if (inPiece)
                pieces.append(piece);
            piece.clear();
            inPiece = false;
            continue;
        }
        piece.append(c);
        inPiece = true;
    }
    if (inPiece)
        pieces.append(piece);
    return pieces;
}

QDate dateFrom(const QString &value)
{
    for (const auto format : {u"yyyy-M-d", u"yyyy.M.d", u"yyyy/M/d", u"yyyyMMdd"}) {
        const QDate date = QDate::fromString(value, QString::fromUtf16(format));
        if (date.isValid())
            return date;
    }
    return {};
}

} // namespace

bool SearchQuery::isEmpty() const
{
    return terms.isEmpty() && from.isEmpty() && in.isEmpty() && !before.isValid() &&
           !after.isValid();
}

SearchQuery SearchQuery::parse(const QString &typed)
{
    SearchQuery query;
    for (const QString &piece : piecesOf(typed)) {
        const qsizetype colon = piece.indexOf(u':');
        const QString key = colon > 0 ? piece.first(colon).toLower() : QString();
        const QString value = colon > 0 ? piece.sliced(colon + 1).trimmed() : QString();
        const bool isFilter =
            key == "from"_L1 || key == "in"_L1 || key == "before"_L1 || key == "after"_L1;
        if (!isFilter) {
            if (!piece.trimmed().isEmpty())
                query.terms.append(piece);
            continue;
        }
        if (value.isEmpty()) {
            if (query.error.isEmpty())
                query.error = QCoreApplication::translate("moim::search::SearchQuery",
                                                          "Add a value after %1:")
                                  .arg(key);
            continue;
        }
        if (key == "from"_L1) {
            query.from = value;
        } else if (key == "in"_L1) {
            query.in = value;
        } else {
            const QDate date = dateFrom(value);
            if (!date.isValid()) {
                if (query.error.isEmpty())
                    query.error = QCoreApplication::translate(
                                      "moim::search::SearchQuery",
                                      "‘%1’ is not a date. Write dates like 2026-12-03.")
                                      .arg(value);
                continue;
            }
            (key == "before"_L1 ? query.before : query.after) = date;
        }
    }
    if (query.error.isEmpty() && query.before.isValid() && query.after.isValid() &&
        query.after.addDays(1) >= query.before)
        query.error =
            QCoreApplication::translate("moim::search::SearchQuery",
                                        "No day is both after %1 and before %2.")
                .arg(query.after.toString(Qt::ISODate), query.before.toString(Qt::ISODate));
    return query;
}

} // namespace moim::search
