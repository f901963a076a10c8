// RFC 6238 TOTP over liboath and the otpauth:// parser the phone feeds with scanned images.
#include <QTest>
#include <otp/otpauth_uri.h>
#include <otp/totp.h>

using moim::otp::OtpauthUri;
using moim::otp::Totp;
using namespace Qt::StringLiterals;

class TestTotp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc6238Sha1Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("code");
        // RFC 6238 Appendix B, SHA-1 rows (8 digits, ASCII secret "12345678901234567890").
        QTest::newRow("59") << qint64(59) << u"94287082"_s;
        QTest::newRow("1111111109") << qint64(1111111109) << u"07081804"_s;
        QTest::newRow("1111111111") << qint64(1111111111) << u"14050471"_s;
        QTest::newRow("1234567890") << qint64(1234567890) << u"89005924"_s;
        QTest::newRow("2000000000") << qint64(2000000000) << u"69279037"_s;
        QTest::newRow("20000000000") << qint64(20000000000) << u"65353130"_s;
    }

    void rfc6238Sha1Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, code);
        const QByteArray secret = "12345678901234567890";
        QCOMPARE(Totp::generate(secret, time, 8), code);
        // The 6-digit code is the same truncation, modulo 10^6.
        QCOMPARE(Totp::generate(secret, time), code.right(6));
    }

    void matchesOnlyWithinTheWindow()
    {
        const QByteArray secret = "12345678901234567890";
        const qint64 now = 1234567890;
        const QString current = Totp::generate(secret, now);
        const QString previous = Totp::generate(secret, now - 30);
        const QString old = Totp::generate(secret, now - 90);
        QCOMPARE(Totp::matchingStep(secret, now, current, 1), Totp::stepOf(now));
        QCOMPARE(Totp::matchingStep(secret, now, previous, 1), Totp::stepOf(now) - 1);
        QCOMPARE(Totp::matchingStep(secret, now, old, 1), std::nullopt);
        QCOMPARE(Totp::matchingStep(secret, now, old, 10), Totp::stepOf(now) - 3);
        QCOMPARE(Totp::matchingStep(secret, now, u"12345"_s, 1), std::nullopt);
        QCOMPARE(Totp::matchingStep(secret, now, u"abcdef"_s, 1), std::nullopt);
    }

    void base32RoundTrip()
    {
        const QByteArray secret = "12345678901234567890";
        const QString text = Totp::toBase32(secret);
        QCOMPARE(text, u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s);
        QCOMPARE(Totp::fromBase32(text.toLower()), secret);
        QCOMPARE(Totp::fromBase32(u"GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"_s), secret);
        QCOMPARE(Totp::fromBase32(u"not base32!"_s), std::nullopt);
        QCOMPARE(Totp::fromBase32(QString()), std::nullopt);
    }

    void parsesWhatTheServerIssues()
    {
        const QByteArray secret = "12345678901234567890";
        const QString uri = OtpauthUri::build(u"Moim"_s, u"jimin.kim@moim.example"_s, secret);
        OtpauthUri::Error error = OtpauthUri::Error::TooLong;
        const auto parsed = OtpauthUri::parse(uri, &error);
        QVERIFY(parsed);
        QCOMPARE(error, OtpauthUri::Error::None);
        QCOMPARE(parsed->secret(), secret);
        QCOMPARE(parsed->issuer(), u"Moim"_s);
        QCOMPARE(parsed->account(), u"jimin.kim@moim.example"_s);
        QCOMPARE(parsed->label(), u"Moim:jimin.kim@moim.example"_s);
    }

    // Found by fuzz_otpauth_uri: a label without an issuer, as long as a label may be, was built
    // back with a leading colon that made it one character too long to read again.
    void aLabelWithoutIssuerBuildsBackTheSame()
    {
        const QByteArray secret = "12345678901234567890";
        const QString account(OtpauthUri::MaxLabelLength, u'a');
        const QString uri = OtpauthUri::build(QString(), account, secret);
        QVERIFY(!uri.contains(u"issuer="_s));
        const auto parsed = OtpauthUri::parse(uri);
        QVERIFY(parsed);
        QVERIFY(parsed->issuer().isEmpty());
        QCOMPARE(parsed->account(), account);
    }

    // Found by fuzz_otpauth_uri: ":Moim:jimin" names no issuer and the account "Moim:jimin";
    // built without the leading colon it read back as issuer "Moim" and account "jimin".
    void anAccountWithAColonAndNoIssuerBuildsBackTheSame()
    {
        const QByteArray secret = "12345678901234567890";
        const auto read = OtpauthUri::parse(
            u"otpauth://totp/:Moim:jimin.kim%40moim.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s);
        QVERIFY(read);
        QVERIFY(read->issuer().isEmpty());
        QCOMPARE(read->account(), u"Moim:jimin.kim@moim.example"_s);
        const auto again = OtpauthUri::parse(OtpauthUri::build(QString(), read->account(), secret));
        QVERIFY(again);
        QVERIFY(again->issuer().isEmpty());
        QCOMPARE(again->account(), read->account());
    }

    // Found by fuzz_otpauth_uri: an issuer with a colon in it moved part of itself into the
    // account when the label was split at its first colon.
    void issuerWithAColonKeepsTheAccount()
    {
        const QByteArray secret = "12345678901234567890";
        const QString uri =
            OtpauthUri::build(u"Moim: 서울 개발팀"_s, u"jimin.kim@moim.example"_s, secret);
        const auto parsed = OtpauthUri::parse(uri);
        QVERIFY(parsed);
        QCOMPARE(parsed->issuer(), u"Moim: 서울 개발팀"_s);
        QCOMPARE(parsed->account(), u"jimin.kim@moim.example"_s);
        // Without the issuer parameter, the label's first colon is all there is to go by.
        const auto bare = OtpauthUri::parse(
            u"otpauth://totp/Moim:jimin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s);
        QVERIFY(bare);
        QCOMPARE(bare->issuer(), u"Moim"_s);
        QCOMPARE(bare->account(), u"jimin"_s);
    }

    // Found by fuzz_otpauth_uri: a '%' in a name was written into the query as it stood, where it
    // read as the start of an escape; and a stray '%' made QUrl take every '%' of the text for a
    // literal one, so the same URI decoded two ways.
    void aPercentSignInANameBuildsBackTheSame()
    {
        const QByteArray secret = "12345678901234567890";
        const QString issuer = u"100%25 회사 %20"_s;
        const QString account = u"kim%jimin"_s;
        const auto parsed = OtpauthUri::parse(OtpauthUri::build(issuer, account, secret));
        QVERIFY(parsed);
        QCOMPARE(parsed->issuer(), issuer);
        QCOMPARE(parsed->account(), account);
        QCOMPARE(OtpauthUri::parse(u"otpauth://totp/a:kim?secret=GEZDGNBVGY3TQOJQ&issuer=a%2"_s),
                 std::nullopt);
    }

    // Found by fuzz_otpauth_uri: a noncharacter or a lone surrogate in a name does not survive
    // UTF-8 and back; it reads as U+FFFD, which does.
    void unencodableCharactersReadAsReplacementCharacters()
    {
        const QByteArray secret = "12345678901234567890";
        const auto parsed = OtpauthUri::parse(
            u"otpauth://totp/x%EF%BF%BFy:kim%ED%A0%80?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s);
        QVERIFY(parsed);
        QVERIFY(!parsed->issuer().isEmpty());
        for (const QChar c : parsed->issuer() + parsed->account())
            QVERIFY(!c.isNonCharacter() && !c.isSurrogate());
        QVERIFY(parsed->issuer().contains(QChar::ReplacementCharacter));
        const auto again =
            OtpauthUri::parse(OtpauthUri::build(parsed->issuer(), parsed->account(), secret));
        QVERIFY(again);
        QCOMPARE(again->issuer(), parsed->issuer());
        QCOMPARE(again->account(), parsed->account());
    }

    void refusesBadUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<OtpauthUri::Error>("error");
        const QString secret = u"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"_s;
        QTest::newRow("not a uri") << u"hello"_s << OtpauthUri::Error::NotOtpauth;
        QTest::newRow("https") << u"https://totp/Moim:a?secret="_s + secret
                               << OtpauthUri::Error::NotOtpauth;
        QTest::newRow("hotp") << u"otpauth://hotp/Moim:a?secret="_s + secret
                              << OtpauthUri::Error::NotTotp;
        QTest::newRow("no secret")
            << u"otpauth://totp/Moim:a?issuer=Moim"_s << OtpauthUri::Error::MissingSecret;
        QTest::newRow("empty secret")
            << u"otpauth://totp/Moim:a?secret="_s << OtpauthUri::Error::MissingSecret;
        QTest::newRow("not base32")
            << u"otpauth://totp/Moim:a?secret=18!!18"_s << OtpauthUri::Error::MalformedSecret;
        QTest::newRow("short secret")
            << u"otpauth://totp/Moim:a?secret=GEZDGNBV"_s << OtpauthUri::Error::MalformedSecret;
        QTest::newRow("huge secret") << u"otpauth://totp/Moim:a?secret="_s + QString(1500, u'A')
                                     << OtpauthUri::Error::MalformedSecret;
        QTest::newRow("sha256") << u"otpauth://totp/Moim:a?algorithm=SHA256&secret="_s + secret
                                << OtpauthUri::Error::UnsupportedAlgorithm;
        QTest::newRow("8 digits") << u"otpauth://totp/Moim:a?digits=8&secret="_s + secret
                                  << OtpauthUri::Error::UnsupportedDigits;
        QTest::newRow("60 s") << u"otpauth://totp/Moim:a?period=60&secret="_s + secret
                              << OtpauthUri::Error::UnsupportedPeriod;
        QTest::newRow("no account")
            << u"otpauth://totp/?secret="_s + secret << OtpauthUri::Error::MissingAccount;
        QTest::newRow("huge label")
            << u"otpauth://totp/"_s + QString(1000, u'x') + u"?secret="_s + secret
            << OtpauthUri::Error::TooLong;
        // Each fits on its own, but not as the label "issuer:account" it would be written as.
        QTest::newRow("issuer and account too long together")
            << u"otpauth://totp/"_s + QString(20, u'a') + u"?issuer="_s + QString(250, u'i') +
                   u"&secret="_s + secret
            << OtpauthUri::Error::TooLong;
        QTest::newRow("huge uri") << u"otpauth://totp/a?secret="_s + secret + u"&x="_s +
                                         QString(100000, u'y')
                                  << OtpauthUri::Error::TooLong;
    }

    void refusesBadUris()
    {
        QFETCH(QString, uri);
        QFETCH(OtpauthUri::Error, error);
        OtpauthUri::Error reported = OtpauthUri::Error::None;
        QVERIFY(!OtpauthUri::parse(uri, &reported));
        QCOMPARE(reported, error);
        QVERIFY(!OtpauthUri::describe(reported).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "test_totp.moc"
