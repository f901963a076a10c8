#include "common/korean_particles.h"

#include <QTest>

using namespace Qt::StringLiterals;
using moim::ui::withKoreanParticles;

class TestKoreanParticles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void picksTheFormTheWordTakes_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<QString>("expected");
        // Hangul: final consonant or not, and ㄹ for 으로.
        QTest::newRow("팀 + 을") << u"팀을(를) 만들었습니다"_s << u"팀을 만들었습니다"_s;
        QTest::newRow("회사 + 를") << u"회사을(를) 골랐습니다"_s << u"회사를 골랐습니다"_s;
        QTest::newRow("민지 + 가") << u"민지이(가) 읽음"_s << u"민지가 읽음"_s;
        QTest::newRow("지민 + 이") << u"지민이(가) 읽음"_s << u"지민이 읽음"_s;
        QTest::newRow("개발팀 + 은") << u"개발팀은(는)"_s << u"개발팀은"_s;
        QTest::newRow("모임 + 과") << u"모임과(와)"_s << u"모임과"_s;
        QTest::newRow("서울 + 로") << u"서울(으)로 이동"_s << u"서울로 이동"_s;
        QTest::newRow("부산 + 으로") << u"부산(으)로 이동"_s << u"부산으로 이동"_s;
        QTest::newRow("제주 + 로") << u"제주(으)로"_s << u"제주로"_s;
        QTest::newRow("quoted 민지 + 라는") << u"“민지”(이)라는 사람"_s << u"“민지”라는 사람"_s;
        QTest::newRow("quoted 지민 + 이라는") << u"“지민”(이)라는 사람"_s << u"“지민”이라는 사람"_s;
        QTest::newRow("single quotes") << u"‘내일’은(는) 날짜"_s << u"‘내일’은 날짜"_s;
        QTest::newRow("reversed marker") << u"사과를(을)"_s << u"사과를"_s;
        // Digits as Sino-Korean numbers: 84 팔십사 → 를, 39 삼십구 → 를, 1 일, 10 십, 3 삼.
        QTest::newRow("84") << u"숫자 84을(를) 입력"_s << u"숫자 84를 입력"_s;
        QTest::newRow("39") << u"39을(를)"_s << u"39를"_s;
        QTest::newRow("41") << u"41을(를)"_s << u"41을"_s;
        QTest::newRow("10") << u"10을(를)"_s << u"10을"_s;
        QTest::newRow("100") << u"100이(가)"_s << u"100이"_s;
        QTest::newRow("0") << u"0은(는)"_s << u"0은"_s;
        QTest::newRow("3") << u"3과(와)"_s << u"3과"_s;
        QTest::newRow("6") << u"6을(를)"_s << u"6을"_s;
        QTest::newRow("7 + 로") << u"7(으)로"_s << u"7로"_s;
        QTest::newRow("12 + 로") << u"12(으)로"_s << u"12로"_s;
        QTest::newRow("20 + 으로") << u"20(으)로"_s << u"20으로"_s;
        // Latin letters by their names: M 엠, L 엘, A 에이, K 케이.
        QTest::newRow("ABM") << u"ABM을(를)"_s << u"ABM을"_s;
        QTest::newRow("HWP") << u"HWP을(를)"_s << u"HWP를"_s;
        QTest::newRow("URL + 로") << u"URL(으)로"_s << u"URL로"_s;
        QTest::newRow("PDF + 로") << u"PDF(으)로"_s << u"PDF로"_s;
        QTest::newRow("lowercase n") << u"admin이(가)"_s << u"admin이"_s;
        // Two markers in one sentence, each by its own word.
        QTest::newRow("two markers") << u"지민이(가) 84을(를) 보냄"_s << u"지민이 84를 보냄"_s;
    }

    void picksTheFormTheWordTakes()
    {
        QFETCH(QString, marked);
        QFETCH(QString, expected);
        QCOMPARE(withKoreanParticles(marked), expected);
    }

    void leavesOtherTextAlone()
    {
        QCOMPARE(withKoreanParticles(u"Type 84 on your phone (it expires)."_s),
                 u"Type 84 on your phone (it expires)."_s);
        QCOMPARE(withKoreanParticles(u"(주)모임 회의실"_s), u"(주)모임 회의실"_s);
        QCOMPARE(withKoreanParticles(QString()), QString());
    }

    // Every Korean translation that uses a marker must end up without one once filled in: the
    // catalogue is the list of strings this helper has to serve.
    void noMarkerSurvivesInTheCatalogue()
    {
        for (const QString &word : {u"민지"_s, u"지민"_s, u"84"_s, u"URL"_s}) {
            for (const ParticlePairSample &sample : samples()) {
                const QString shown = withKoreanParticles(sample.marked.arg(word));
                QVERIFY2(!shown.contains(u'(') || shown.contains(u"(주)"_s), qPrintable(shown));
            }
        }
    }

private:
    struct ParticlePairSample
    {
        QString marked;
    };
    static QList<ParticlePairSample> samples()
    {
        return {{u"%1을(를)"_s}, {u"%1를(을)"_s},     {u"%1이(가)"_s}, {u"%1가(이)"_s},
                {u"%1은(는)"_s}, {u"%1는(은)"_s},     {u"%1과(와)"_s}, {u"%1와(과)"_s},
                {u"%1(으)로"_s}, {u"“%1”(이)라는"_s}, {u"%1(이)나"_s}};
    }
};

QTEST_APPLESS_MAIN(TestKoreanParticles)
#include "test_korean_particles.moc"
