#include "onboarding/deep_link.h"

#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const QString Token = u"2g31YSKRgLafMbpCWx9rnSMA3c4h8WGxlNFEkq2zGcc"_s; // 43 base64url chars
}

class TestDeepLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("problem");
        QTest::addColumn<int>("kind");
        using P = DeepLink::Problem;
        using K = DeepLink::Kind;
        QTest::newRow("invite") << u"moim://invite/"_s + Token << int(P::None) << int(K::Invite);
        QTest::newRow("reset") << u"moim://reset/"_s + Token << int(P::None) << int(K::Reset);
        QTest::newRow("spaces around")
            << u"  moim://invite/"_s + Token + u"\n"_s << int(P::None) << int(K::Invite);
        QTest::newRow("landing page")
            << u"http://127.0.0.1:8765/join#"_s + Token << int(P::None) << int(K::Invite);
        QTest::newRow("landing page https")
            << u"https://chat.example.com/join#"_s + Token << int(P::None) << int(K::Invite);
        QTest::newRow("empty") << QString() << int(P::Empty) << 0;
        QTest::newRow("blank") << u"   "_s << int(P::Empty) << 0;
        QTest::newRow("oversized")
            << u"moim://invite/"_s + QString(5000, u'a') << int(P::TooLong) << 0;
        QTest::newRow("other scheme")
            << u"https://example.com/invite/"_s + Token << int(P::NotAMoimLink) << 0;
        QTest::newRow("plain words") << u"hello there"_s << int(P::NotAMoimLink) << 0;
        QTest::newRow("unknown action")
            << u"moim://delete/"_s + Token << int(P::UnknownAction) << 0;
        QTest::newRow("token too short")
            << u"moim://invite/"_s + Token.left(42) << int(P::MalformedToken) << 0;
        QTest::newRow("token too long")
            << u"moim://invite/"_s + Token + u"A"_s << int(P::MalformedToken) << 0;
        QTest::newRow("token bad alphabet")
            << u"moim://invite/"_s + Token.left(42) + u"+"_s << int(P::MalformedToken) << 0;
        QTest::newRow("token with slash")
            << u"moim://invite/"_s + Token.left(20) + u"/"_s + Token.mid(21)
            << int(P::MalformedToken) << 0;
        QTest::newRow("no token") << u"moim://invite/"_s << int(P::MalformedToken) << 0;
        QTest::newRow("query smuggled")
            << u"moim://invite/"_s + Token + u"?x=1"_s << int(P::MalformedToken) << 0;
        QTest::newRow("fragment smuggled")
            << u"moim://invite/"_s + Token + u"#x"_s << int(P::MalformedToken) << 0;
        QTest::newRow("userinfo") << u"moim://me@invite/"_s + Token << int(P::MalformedToken) << 0;
        QTest::newRow("hangul token")
            << u"moim://invite/"_s + QString(43, u'가') << int(P::MalformedToken) << 0;
        QTest::newRow("landing without token")
            << u"http://127.0.0.1:8765/join"_s << int(P::MalformedToken) << 0;
        QTest::newRow("message by seq")
            << u"moim://message/w_1/c_2/42"_s << int(P::None) << int(K::Message);
        QTest::newRow("message by id")
            << u"moim://message/w_1/c_2/m_abc"_s << int(P::None) << int(K::Message);
        QTest::newRow("message missing part")
            << u"moim://message/w_1/c_2"_s << int(P::MalformedToken) << 0;
        QTest::newRow("message extra part")
            << u"moim://message/w_1/c_2/42/x"_s << int(P::MalformedToken) << 0;
        QTest::newRow("message query")
            << u"moim://message/w_1/c_2/42?x=1"_s << int(P::MalformedToken) << 0;
        QTest::newRow("message odd id")
            << u"moim://message/w 1/c_2/42"_s << int(P::NotAMoimLink) << 0;
        QTest::newRow("nul byte") << u"moim://invite/"_s + Token.left(42) + QChar(0)
                                  << int(P::NotAMoimLink) << 0;
    }

    void messageLinkParts()
    {
        const auto bySeq = DeepLink::parse(u"moim://message/w_1/c_2/42"_s);
        QVERIFY(bySeq);
        QCOMPARE(bySeq->workspaceId, u"w_1"_s);
        QCOMPARE(bySeq->conversationId, u"c_2"_s);
        QCOMPARE(bySeq->messageSeq, 42);
        QVERIFY(bySeq->messageId.isEmpty());
        const auto byId = DeepLink::parse(u"moim://message/w_1/c_2/m_abc"_s);
        QVERIFY(byId);
        QCOMPARE(byId->messageId, u"m_abc"_s);
        QCOMPARE(byId->messageSeq, 0);
    }

    void parses()
    {
        QFETCH(QString, text);
        QFETCH(int, problem);
        QFETCH(int, kind);
        DeepLink::Problem found = DeepLink::Problem::Empty;
        const auto link = DeepLink::parse(text, &found);
        QCOMPARE(int(found), problem);
        QCOMPARE(link.has_value(), problem == int(DeepLink::Problem::None));
        if (link && link->kind == DeepLink::Kind::Message)
            QCOMPARE(DeepLink::parse(link->toString())->toString(), link->toString());
        if (link && link->kind != DeepLink::Kind::Message) {
            QCOMPARE(int(link->kind), kind);
            QCOMPARE(link->token, Token);
            // What we print is what we parse.
            QCOMPARE(DeepLink::parse(link->toString())->token, Token);
        }
    }
};

QTEST_GUILESS_MAIN(TestDeepLink)
#include "test_deep_link.moc"
