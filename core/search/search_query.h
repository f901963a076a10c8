#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace moim::search {

// What the user typed in a search field: words, all of which must occur, and filters written
// `from:<name or email>`, `in:<conversation name>`, `before:<date>`, `after:<date>`. A value may
// be quoted (from:"김 지민"), and so may words ("회의 자료" is one term). Dates are written
// 2026-12-03, 2026.12.03, 2026/12/03 or 20261203. Any other `x:` is an ordinary word (a time,
// a URL).
struct SearchQuery
{
    QStringList terms;
    QString from;  // as typed; the caller resolves it to a member
    QString in;    // as typed; the caller resolves it to a conversation
    QDate before;  // invalid when absent: messages strictly before this (local) day
    QDate after;   // invalid when absent: messages strictly after this (local) day
    QString error; // why a filter could not be read (translated), else empty

    bool isEmpty() const;
    static SearchQuery parse(const QString &typed);
};

} // namespace moim::search
