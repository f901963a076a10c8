#include "protocol/password_policy.h"

#include <QtTest>

using moim::protocol::PasswordPolicy;
using namespace Qt::StringLiterals;

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdicts_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("problem");
        using P = PasswordPolicy::Problem;
        QTest::newRow("empty") << QString() << int(P::TooShort);
        QTest::newRow("11 chars") << u"abcdefghijk"_s << int(P::TooShort);
        QTest::newRow("12 repeated") << u"aaaaaaaaaaaa"_s << int(P::TooGuessable);
        QTest::newRow("keyboard walk") << u"qwertyuiop123"_s << int(P::TooGuessable);
        QTest::newRow("own email") << u"jimin.kim.moim"_s << int(P::TooGuessable);
        QTest::newRow("own workspace") << u"seoulengineering"_s << int(P::TooGuessable);
        QTest::newRow("unrelated words") << u"jeju-sunrise-hallasan-42"_s << int(P::None);
        QTest::newRow("demo password") << u"seoul-spring-gathering"_s << int(P::None);
        // Korean counts by code points: 12 syllables are 12 characters, not 36 bytes.
        QTest::newRow("hangul 11") << u"한라산일출봉성산포구바"_s << int(P::TooShort);
        QTest::newRow("hangul 12") << u"한라산일출봉성산포구바다"_s << int(P::None);
        QTest::newRow("256 accepted") << u"Zq7!"_s.repeated(64) << int(P::None);
        QTest::newRow("257 refused") << u"Zq7!"_s.repeated(64) + u"x"_s << int(P::TooLong);
    }

    void verdicts()
    {
        QFETCH(QString, password);
        QFETCH(int, problem);
        const QStringList words =
            PasswordPolicy::userWords(u"jimin.kim@moim.example"_s, u"김지민"_s,
                                      {u"Seoul Engineering"_s, u"seoulengineering"_s});
        const auto verdict = PasswordPolicy::evaluate(password, words);
        QCOMPARE(int(verdict.problem), problem);
        QCOMPARE(verdict.acceptable(), problem == int(PasswordPolicy::Problem::None));
        if (verdict.acceptable())
            QVERIFY(verdict.entropyBits >= PasswordPolicy::MinEntropyBits);
    }

    void reasonsRoundTrip()
    {
        for (auto problem : {PasswordPolicy::Problem::TooShort, PasswordPolicy::Problem::TooLong,
                             PasswordPolicy::Problem::TooGuessable})
            QCOMPARE(PasswordPolicy::problemFromReason(PasswordPolicy::reasonName(problem)),
                     problem);
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "test_password_policy.moc"
