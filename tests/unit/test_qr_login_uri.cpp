// The QR payload parser: the text comes from a camera, so anything that is not exactly a Moim
// sign-in code is refused, with the reason the phone shows.
#include "auth/qr_login_uri.h"

#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

class TestQrLoginUri : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWhatTheServerIssues()
    {
        const auto uri = QrLoginUri::parse(u"moim://qr-login?s=q_0123456789abcdef&n=n_9876"_s);
        QVERIFY(uri);
        QCOMPARE(uri->session, u"q_0123456789abcdef"_s);
        QCOMPARE(uri->nonce, u"n_9876"_s);
        QCOMPARE(QrLoginUri::parse(uri->toString())->nonce, uri->nonce);
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("problem");
        using P = QrLoginUri::Problem;
        QTest::newRow("empty") << QString() << int(P::NotMoim);
        QTest::newRow("web") << u"https://moim.example/qr-login?s=q_1234&n=n_1234"_s
                             << int(P::NotMoim);
        QTest::newRow("invite") << u"moim://invite/abc"_s << int(P::NotMoim);
        QTest::newRow("other host")
            << u"moim://qr-loginx?s=q_1234&n=n_1234"_s << int(P::Incomplete);
        QTest::newRow("no nonce") << u"moim://qr-login?s=q_1234"_s << int(P::Incomplete);
        QTest::newRow("empty nonce") << u"moim://qr-login?s=q_1234&n="_s << int(P::Incomplete);
        QTest::newRow("no session") << u"moim://qr-login?n=n_1234"_s << int(P::Incomplete);
        QTest::newRow("cut") << u"moim://qr-login?s=q_12"_s << int(P::Incomplete);
        QTest::newRow("bytes") << u"moim://qr-login?s=%00%FF%FE&n=%0A"_s << int(P::Incomplete);
        QTest::newRow("markup") << u"moim://qr-login?s=<b>x</b>&n=';--"_s << int(P::Incomplete);
        QTest::newRow("huge") << u"moim://qr-login?s="_s + QString(5000, u'a') + u"&n=n_1234"_s
                              << int(P::Incomplete);
    }

    void refusesEverythingElse()
    {
        QFETCH(QString, text);
        QFETCH(int, problem);
        QrLoginUri::Problem why = QrLoginUri::Problem::None;
        QVERIFY(!QrLoginUri::parse(text, &why));
        QCOMPARE(int(why), problem);
    }
};

QTEST_GUILESS_MAIN(TestQrLoginUri)
#include "test_qr_login_uri.moc"
