// Finding people and conversations by how Koreans type a name: initial consonants, a syllable
// still being composed, Latin spellings, and in what order the matches rank.
#include "search/initials.h"

#include <QtTest>

using namespace moim::search;
using namespace Qt::StringLiterals;

class TestInitials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("matches");

        // 초성
        QTest::newRow("initials of a person") << u"김지민"_s << u"ㄱㅈㅁ"_s << true;
        QTest::newRow("initials of a word") << u"개발"_s << u"ㄱㅂ"_s << true;
        QTest::newRow("initials inside a name") << u"개발팀 회의"_s << u"ㅎㅇ"_s << true;
        QTest::newRow("initials across a space") << u"김 지민"_s << u"ㄱㅈㅁ"_s << true;
        QTest::newRow("initials with spaces typed") << u"김지민"_s << u"ㄱ ㅈ ㅁ"_s << true;
        QTest::newRow("initials in the wrong order") << u"김지민"_s << u"ㅈㄱㅁ"_s << false;
        QTest::newRow("initials too many") << u"김지민"_s << u"ㄱㅈㅁㅎ"_s << false;
        QTest::newRow("tense is not plain") << u"김지민"_s << u"ㄲ"_s << false;
        QTest::newRow("plain is not tense") << u"꽃님"_s << u"ㄱㄴ"_s << false;
        // A name being composed.
        QTest::newRow("mixed") << u"김지민"_s << u"김ㅈ"_s << true;
        QTest::newRow("mixed last") << u"김지민"_s << u"김지ㅁ"_s << true;
        QTest::newRow("unfinished syllable") << u"김진수"_s << u"김지"_s << true;
        QTest::newRow("final of the next syllable") << u"김지민"_s << u"김짐"_s << true;
        QTest::newRow("mixed wrong syllable") << u"김지민"_s << u"박ㅈ"_s << false;
        QTest::newRow("composed, wrong final") << u"김지민"_s << u"김짓"_s << false;
        QTest::newRow("NFD name") << u"김지민"_s.normalized(QString::NormalizationForm_D)
                                  << u"ㄱㅈㅁ"_s << true;
        QTest::newRow("NFD query")
            << u"김지민"_s << u"지민"_s.normalized(QString::NormalizationForm_D) << true;
        // Latin spellings.
        QTest::newRow("given name") << u"김지민"_s << u"jimin"_s << true;
        QTest::newRow("given name capitalised") << u"김지민"_s << u"Jimin"_s << true;
        QTest::newRow("revised romanisation") << u"김지민"_s << u"gimjimin"_s << true;
        QTest::newRow("passport surname") << u"김지민"_s << u"kim jimin"_s << true;
        QTest::newRow("given name first") << u"김지민"_s << u"jimin kim"_s << true;
        QTest::newRow("hyphenated") << u"김지민"_s << u"ji-min"_s << true;
        QTest::newRow("lee") << u"이서준"_s << u"lee"_s << true;
        QTest::newRow("lee seojun") << u"이서준"_s << u"lee seojun"_s << true;
        QTest::newRow("seo joon") << u"이서준"_s << u"seojoon"_s << true;
        QTest::newRow("park") << u"박민수"_s << u"park minsu"_s << true;
        QTest::newRow("choi") << u"최유나"_s << u"choi"_s << true;
        QTest::newRow("jung") << u"정하늘"_s << u"jung"_s << true;
        QTest::newRow("sung") << u"김성민"_s << u"sungmin"_s << true;
        QTest::newRow("two-syllable surname") << u"남궁민"_s << u"namgung"_s << true;
        QTest::newRow("typing a spelling") << u"김지민"_s << u"jim"_s << true;
        QTest::newRow("latin conversation") << u"개발팀"_s << u"gaebal"_s << true;
        QTest::newRow("wrong given name") << u"김지민"_s << u"jihun"_s << false;
        QTest::newRow("surname spelled for another") << u"박민수"_s << u"kim"_s << false;
        QTest::newRow("one letter only from the start") << u"김지민"_s << u"j"_s << false;
        QTest::newRow("letters not at a syllable") << u"김지민"_s << u"imji"_s << false;
        // English names and plain text.
        QTest::newRow("english name") << u"Alex Morgan"_s << u"morg"_s << true;
        QTest::newRow("english case") << u"Alex Morgan"_s << u"ALEX"_s << true;
        QTest::newRow("english substring") << u"design-review"_s << u"review"_s << true;
        QTest::newRow("english absent") << u"Alex Morgan"_s << u"sam"_s << false;
        QTest::newRow("hangul substring") << u"제품 개발팀"_s << u"개발"_s << true;
        QTest::newRow("hangul absent") << u"제품 개발팀"_s << u"디자인"_s << false;
        QTest::newRow("empty query") << u"김지민"_s << u""_s << false;
        QTest::newRow("blank query") << u"김지민"_s << u"  "_s << false;
        QTest::newRow("latin against latin only") << u"general"_s << u"jimin"_s << false;
    }

    void matches()
    {
        QFETCH(QString, name);
        QFETCH(QString, query);
        QFETCH(bool, matches);
        QCOMPARE(nameMatchScore(name, query) > 0, matches);
    }

    // Prefix beats substring beats 초성; the whole name beats everything.
    void ranks_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("better");
        QTest::addColumn<QString>("worse");

        QTest::newRow("whole over prefix") << u"개발"_s << u"개발"_s << u"개발팀"_s;
        QTest::newRow("prefix over word") << u"개발"_s << u"개발팀"_s << u"제품 개발팀"_s;
        QTest::newRow("word over substring") << u"dev"_s << u"web dev"_s << u"webdev"_s;
        QTest::newRow("substring over initials") << u"ㄱㅂ"_s << u"xㄱㅂ"_s << u"개발"_s;
        QTest::newRow("hangul prefix over initials") << u"김"_s << u"김지민"_s << u"고김"_s;
        QTest::newRow("initials at start over inside") << u"ㄱㅂ"_s << u"개발팀"_s << u"팀개발"_s;
        QTest::newRow("english prefix over romanised") << u"ji"_s << u"Jina Park"_s << u"김지민"_s;
        QTest::newRow("full romanised over given") << u"jimin"_s << u"지민"_s << u"김지민"_s;
        QTest::newRow("closer length") << u"지민"_s << u"지민"_s << u"지민호"_s;
        QTest::newRow("shorter of two prefixes") << u"개"_s << u"개발"_s << u"개발팀장회의"_s;
    }

    void ranks()
    {
        QFETCH(QString, query);
        QFETCH(QString, better);
        QFETCH(QString, worse);
        const int high = nameMatchScore(better, query);
        const int low = nameMatchScore(worse, query);
        QVERIFY2(high > low,
                 qPrintable(u"%1 (%2) vs %3 (%4)"_s.arg(better).arg(high).arg(worse).arg(low)));
        QVERIFY(low > 0);
    }

    void initialsQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("initials");
        QTest::newRow("consonants") << u"ㄱㅈㅁ"_s << true;
        QTest::newRow("with spaces") << u"ㄱ ㅈ"_s << true;
        QTest::newRow("tense") << u"ㄲㄸ"_s << true;
        QTest::newRow("syllable") << u"김ㅈ"_s << false;
        QTest::newRow("vowel") << u"ㅏ"_s << false;
        QTest::newRow("cluster") << u"ㄳ"_s << false;
        QTest::newRow("latin") << u"kim"_s << false;
        QTest::newRow("empty") << u""_s << false;
    }

    void initialsQuery()
    {
        QFETCH(QString, query);
        QFETCH(bool, initials);
        QCOMPARE(isInitialsQuery(query), initials);
    }

    void romanises_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("latin");
        QTest::newRow("person") << u"김지민"_s << u"gimjimin"_s;
        QTest::newRow("finals") << u"박정훈"_s << u"bakjeonghun"_s;
        QTest::newRow("vowels") << u"최유나"_s << u"choeyuna"_s;
        QTest::newRow("mixed") << u"개발팀 Dev"_s << u"gaebaltim dev"_s;
    }

    void romanises()
    {
        QFETCH(QString, name);
        QFETCH(QString, latin);
        QCOMPARE(romanise(name), latin);
    }

    // A prepared name scores as the one-off function does.
    void preparedMatchesOneOff()
    {
        const MatchableName name(u"김지민"_s);
        for (const QString &query : {u"ㄱㅈ"_s, u"jimin"_s, u"지민"_s, u"박"_s})
            QCOMPARE(name.score(NameQuery(query)), nameMatchScore(u"김지민"_s, query));
    }
};

QTEST_GUILESS_MAIN(TestInitials)
#include "test_initials.moc"
