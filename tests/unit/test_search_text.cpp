#include "search/search_query.h"
#include "search/search_text.h"
#include "search/search_tokens.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace moim::search;
using namespace Qt::StringLiterals;

namespace {

QString decomposed(const QString &text)
{
    return text.normalized(QString::NormalizationForm_D);
}

QList<int> rows(std::initializer_list<int> list)
{
    return QList<int>(list);
}

} // namespace

class TestSearchText : public QObject
{
    Q_OBJECT

    QSqlDatabase m_db;

    // Indexes `texts` (row i has rowid i + 1) in a fresh FTS5 table with the tokenizer and returns
    // the rows the index offers for `terms`.
    QList<int> indexCandidates(const QStringList &texts, const QStringList &terms)
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"DELETE FROM texts"_s))
            qWarning() << query.lastError().text();
        query.prepare(u"INSERT INTO texts (rowid, body) VALUES (?, ?)"_s);
        for (qsizetype i = 0; i < texts.size(); ++i) {
            query.addBindValue(i + 1);
            query.addBindValue(texts.at(i));
            if (!query.exec())
                qWarning() << query.lastError().text();
        }
        QList<int> found;
        const QString expression = matchExpression(terms);
        if (expression.isEmpty())
            return found;
        QSqlQuery search(m_db);
        search.prepare(u"SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rowid"_s);
        search.addBindValue(expression);
        if (!search.exec())
            qWarning() << expression << search.lastError().text();
        while (search.next())
            found.append(search.value(0).toInt() - 1);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"search"_s);
        m_db.setDatabaseName(u":memory:"_s);
        QVERIFY(m_db.open());
        QVERIFY(registerTokenizer(m_db));
        QSqlQuery query(m_db);
        QVERIFY2(query.exec(u"CREATE VIRTUAL TABLE texts USING fts5(body, tokenize = 'moim')"_s),
                 qPrintable(query.lastError().text()));
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"search"_s);
    }

    void matching_data()
    {
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QList<int>>("expected");

        const QStringList particles{u"내일 회의는 3시"_s, u"회의에서 봐요"_s, u"회의를 미룹시다"_s,
                                    u"회식 장소 정했어요"_s, u"의회 소식"_s};
        QTest::newRow("particles") << particles << QStringList{u"회의"_s} << rows({0, 1, 2});
        QTest::newRow("particle typed too") << particles << QStringList{u"회의는"_s} << rows({0});

        const QStringList team{u"팀장님 확인 부탁드려요"_s, u"우리 팀 회식"_s, u"탐색 결과"_s,
                               u"디자인팀"_s};
        QTest::newRow("one syllable") << team << QStringList{u"팀"_s} << rows({0, 1, 3});
        QTest::newRow("one syllable, none") << team << QStringList{u"팜"_s} << rows({});

        const QStringList files{u"자료 공유드립니다"_s, u"자두 먹을 사람"_s, u"참고자료입니다"_s};
        QTest::newRow("two syllables") << files << QStringList{u"자료"_s} << rows({0, 2});

        const QStringList minutes{u"회의록 올렸어요"_s, u"회의 록 밴드"_s,
                                  u"프로젝트 일정표 확인"_s, u"일정 표"_s};
        QTest::newRow("three syllables") << minutes << QStringList{u"회의록"_s} << rows({0});
        QTest::newRow("three syllables mid-word") << minutes << QStringList{u"정표"_s} << rows({2});
        QTest::newRow("four syllables") << QStringList{u"분기별프로젝트일정"_s, u"프로젝트"_s}
                                        << QStringList{u"프로젝트일정"_s} << rows({0});

        const QStringList nfd{decomposed(u"내일 회의는 3시"_s), u"회의를 미룹시다"_s,
                              decomposed(u"회식 장소"_s)};
        QTest::newRow("decomposed text") << nfd << QStringList{u"회의"_s} << rows({0, 1});
        QTest::newRow("decomposed query")
            << nfd << QStringList{decomposed(u"회의"_s)} << rows({0, 1});
        QTest::newRow("decomposed query, three syllables")
            << QStringList{u"회의록 올렸어요"_s} << QStringList{decomposed(u"회의록"_s)}
            << rows({0});

        QTest::newRow("digits and hangul")
            << QStringList{u"내일 3시에 봬요"_s, u"13시 회의"_s, u"3 시"_s} << QStringList{u"3시"_s}
            << rows({0});
        QTest::newRow("version") << QStringList{u"v2.1 배포 완료"_s, u"v2 1차 검토"_s,
                                                u"V2.10 나왔어요"_s}
                                 << QStringList{u"v2.1"_s} << rows({0, 2});
        QTest::newRow("part of a URL") << QStringList{u"https://docs.moim.kr/guide 참고"_s,
                                                      u"docs 폴더의 moim"_s, u"mydocs.moim.kr"_s}
                                       << QStringList{u"docs.moim"_s} << rows({0});
        QTest::newRow("latin then hangul")
            << QStringList{u"Moim팀 공지"_s, u"moim 팀"_s} << QStringList{u"moim팀"_s} << rows({0});
        QTest::newRow("hangul then latin") << QStringList{u"회의room 예약"_s, u"회의 room"_s}
                                           << QStringList{u"의room"_s} << rows({0});

        const QStringList english{u"Weekly Meeting notes"_s, u"MEETING ROOM"_s,
                                  u"we meet at noon"_s, u"greeting"_s};
        QTest::newRow("latin, any case") << english << QStringList{u"meeting"_s} << rows({0, 1});
        QTest::newRow("latin, upper-case query")
            << english << QStringList{u"MEETING"_s} << rows({0, 1});
        QTest::newRow("latin, word start") << english << QStringList{u"meet"_s} << rows({0, 1, 2});
        QTest::newRow("latin, not mid-word") << english << QStringList{u"eeting"_s} << rows({});
        QTest::newRow("latin with accents")
            << QStringList{u"Café meeting"_s, decomposed(u"CAFÉ 2층"_s), u"cafe"_s}
            << QStringList{u"café"_s} << rows({0, 1});

        QTest::newRow("emoji") << QStringList{u"좋아요 👍"_s, u"확인 ✅"_s, u"👍🏻굿"_s,
                                              u"좋아요"_s}
                               << QStringList{u"👍"_s} << rows({0, 2});
        QTest::newRow("emoji with a variation selector")
            << QStringList{u"고마워요 ❤"_s, u"고마워요"_s} << QStringList{u"❤️"_s} << rows({0});

        const QStringList several{u"회의 자료 공유합니다"_s, u"회의 일정"_s, u"자료 정리"_s,
                                  u"자료회의"_s};
        QTest::newRow("several words, all needed")
            << several << QStringList{u"회의"_s, u"자료"_s} << rows({0, 3});
        QTest::newRow("a quoted phrase") << several << QStringList{u"회의 자료"_s} << rows({0});
        QTest::newRow("punctuation around a word")
            << several << QStringList{u"\"회의,"_s} << rows({0, 1, 3});

        QTest::newRow("not across messages")
            << QStringList{u"회"_s, u"의"_s} << QStringList{u"회의"_s} << rows({});
        QTest::newRow("not across messages, three syllables")
            << QStringList{u"회의"_s, u"록"_s, u"의록"_s} << QStringList{u"회의록"_s} << rows({});
        QTest::newRow("word order")
            << QStringList{u"자료 회의"_s, u"의자"_s} << QStringList{u"회의 자료"_s} << rows({});
        QTest::newRow("not across a space")
            << QStringList{u"회 의"_s, u"회의"_s} << QStringList{u"회의"_s} << rows({1});
        QTest::newRow("partial syllable")
            << QStringList{u"회의"_s, u"회ㅇ"_s} << QStringList{u"회ㅇ"_s} << rows({1});
        QTest::newRow("a lone consonant is not a syllable")
            << QStringList{u"회의"_s, u"ㅎㅎ 좋네요"_s} << QStringList{u"ㅎ"_s} << rows({1});
        QTest::newRow("a lone decomposed consonant")
            << QStringList{u"회의"_s} << QStringList{u"\u1112"_s} << rows({});
    }

    void matching()
    {
        QFETCH(QStringList, texts);
        QFETCH(QStringList, terms);
        QFETCH(QList<int>, expected);

        QList<int> byText;
        for (qsizetype i = 0; i < texts.size(); ++i) {
            if (matchesAll(texts.at(i), terms))
                byText.append(int(i));
        }
        QCOMPARE(byText, expected);

        // The index may offer a near miss, which the check against the text removes; it must
        // never miss a match.
        const QList<int> candidates = indexCandidates(texts, terms);
        for (const int row : expected)
            QVERIFY2(candidates.contains(row), qPrintable(texts.at(row)));
        QList<int> checked;
        for (const int row : candidates) {
            if (matchesAll(texts.at(row), terms))
                checked.append(row);
        }
        QCOMPARE(checked, expected);
    }

    void indexOffersFewNearMisses()
    {
        // Hangul is matched exactly by the index itself: a phrase of bigrams at consecutive
        // positions is only ever the substring.
        const QStringList texts{u"회의록 정리"_s, u"회의 록"_s, u"록회의"_s, u"의록회"_s};
        QCOMPARE(indexCandidates(texts, {u"회의록"_s}), rows({0}));
        QCOMPARE(indexCandidates(texts, {u"회의"_s}), rows({0, 1, 2}));
    }

    void nothingToSearchFor()
    {
        QVERIFY(matchExpression({}).isEmpty());
        QVERIFY(matchExpression({u"  "_s, u"..."_s, u"\"\""_s}).isEmpty());
        QVERIFY(!matchesAll(u"회의"_s, {u"!!"_s}));
        QVERIFY(findMatches(u"회의"_s, {u"?"_s}).isEmpty());
    }

    void quotesInATermCannotBreakTheExpression()
    {
        const QStringList texts{u"say \"hi\" there"_s, u"hi"_s};
        QCOMPARE(indexCandidates(texts, {u"\"hi\" there"_s}), rows({0}));
        QCOMPARE(indexCandidates(texts, {u"AND OR NOT ("_s}), rows({}));
        QCOMPARE(indexCandidates(texts, {u"*"_s, u"hi"_s}), rows({0, 1}));
        // A NUL would end the expression's string early in FTS5.
        QCOMPARE(indexCandidates(texts, {u"there"_s + QChar(0) + u"x"_s}), rows({}));
        QCOMPARE(indexCandidates({u"a\u0000b"_s}, {u"a"_s + QChar(0) + u"b"_s}), rows({0}));
    }

    void normaliseComposesAndFolds()
    {
        QCOMPARE(normalise(decomposed(u"회의"_s)), u"회의"_s);
        QCOMPARE(normalise(u"MeetING"_s), u"meeting"_s);
        QCOMPARE(normalise(decomposed(u"Éa"_s)), u"éa"_s);
        QCOMPARE(normalise(u"👍"_s), u"👍"_s);
    }

    void documentTokens()
    {
        QStringList tokens;
        tokenize(u"회의는 Moim 3시 👍"_s, TokenMode::Document,
                 [&tokens](QStringView token, bool colocated, qsizetype, qsizetype) {
                     tokens.append((colocated ? u"+"_s : QString()) + token.toString());
                 });
        QCOMPARE(tokens, (QStringList{u"회"_s, u"+회의"_s, u"의"_s, u"+의는"_s, u"는"_s, u"Moim"_s,
                                      u"3"_s, u"시"_s, u"👍"_s}));
        tokens.clear();
        tokenize(u"회의록room"_s, TokenMode::Query,
                 [&tokens](QStringView token, bool colocated, qsizetype, qsizetype) {
                     QVERIFY(!colocated);
                     tokens.append(token.toString());
                 });
        QCOMPARE(tokens, (QStringList{u"회의"_s, u"의록"_s, u"록"_s, u"room"_s}));
    }

    void highlights_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<QList<int>>("startsAndLengths");

        QTest::newRow("particle") << u"내일 회의는 3시"_s << QStringList{u"회의"_s} << rows({3, 2});
        QTest::newRow("several, sorted")
            << u"자료랑 회의 자료"_s << QStringList{u"회의"_s, u"자료"_s}
            << rows({0, 2, 4, 2, 7, 2});
        QTest::newRow("overlapping merged")
            << u"회의는"_s << QStringList{u"회의"_s, u"의는"_s} << rows({0, 3});
        // Decomposed, 내 and 회 and 의 are two jamo each, 일 three: the range covers the jamo.
        QTest::newRow("decomposed text")
            << decomposed(u"내일 회의는"_s) << QStringList{u"회의"_s} << rows({6, 4});
        QTest::newRow("latin word start")
            << u"Weekly Meeting"_s << QStringList{u"meet"_s} << rows({7, 4});
        QTest::newRow("emoji") << u"좋아요👍"_s << QStringList{u"👍"_s} << rows({3, 2});
        QTest::newRow("none") << u"회의"_s << QStringList{u"자료"_s} << rows({});
    }

    void highlights()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, terms);
        QFETCH(QList<int>, startsAndLengths);
        QList<int> found;
        for (const MatchRange &range : findMatches(text, terms))
            found << range.start << range.length;
        QCOMPARE(found, startsAndLengths);
    }

    void queryWordsAndFilters()
    {
        const SearchQuery query = SearchQuery::parse(
            u"  회의 from:\"김 지민\" in:디자인 after:2026-12-01 before:20261203 \"회의 자료\" "_s);
        QVERIFY(query.error.isEmpty());
        QCOMPARE(query.terms, (QStringList{u"회의"_s, u"회의 자료"_s}));
        QCOMPARE(query.from, u"김 지민"_s);
        QCOMPARE(query.in, u"디자인"_s);
        QCOMPARE(query.after, QDate(2026, 12, 1));
        QCOMPARE(query.before, QDate(2026, 12, 3));
        QVERIFY(!query.isEmpty());
    }

    void queryDateForms()
    {
        QCOMPARE(SearchQuery::parse(u"before:2026.12.03"_s).before, QDate(2026, 12, 3));
        QCOMPARE(SearchQuery::parse(u"BEFORE:2026/1/5"_s).before, QDate(2026, 1, 5));
        QCOMPARE(SearchQuery::parse(u"after:20260229"_s).after, QDate());
        QVERIFY(!SearchQuery::parse(u"after:20260229"_s).error.isEmpty());
        QVERIFY(!SearchQuery::parse(u"before:tomorrow"_s).error.isEmpty());
        QVERIFY(!SearchQuery::parse(u"from:"_s).error.isEmpty());
        QVERIFY(!SearchQuery::parse(u"after:2026-12-03 before:2026-12-04"_s).error.isEmpty());
        QVERIFY(SearchQuery::parse(u"after:2026-12-02 before:2026-12-04"_s).error.isEmpty());
    }

    void unknownFiltersAreWords()
    {
        const SearchQuery query = SearchQuery::parse(u"10:30 https://docs.moim.kr to:me"_s);
        QVERIFY(query.error.isEmpty());
        QCOMPARE(query.terms, (QStringList{u"10:30"_s, u"https://docs.moim.kr"_s, u"to:me"_s}));
        QVERIFY(query.from.isEmpty());
        QVERIFY(SearchQuery::parse(u"   "_s).isEmpty());
        QCOMPARE(SearchQuery::parse(u"\"unclosed 회의"_s).terms, QStringList{u"unclosed 회의"_s});
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "test_search_text.moc"
