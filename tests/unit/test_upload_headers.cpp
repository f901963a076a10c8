// The headers of uploads and downloads as both sides read and write them: an Upload-Offset is a
// plain number or nothing, a Range is one bytes range or ignored, and a Content-Disposition
// carries any name (Korean included) in printable ASCII and reads back the same.
#include "protocol/protocol.h"
#include "protocol/upload_headers.h"

#include <QtTest>

using namespace moim::protocol;
using namespace Qt::StringLiterals;
using Kind = ByteRange::Kind;

class TestUploadHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uploadOffset_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("offset"); // -1: refused
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("a piece") << QByteArray("4194304") << qint64(4194304);
        QTest::newRow("largest") << QByteArray("9223372036854775806")
                                 << qint64(9223372036854775806);
        QTest::newRow("overflow") << QByteArray("9223372036854775808") << qint64(-1);
        QTest::newRow("many digits") << QByteArray(40, '9') << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
        QTest::newRow("plus") << QByteArray("+5") << qint64(-1);
        QTest::newRow("minus") << QByteArray("-5") << qint64(-1);
        QTest::newRow("leading zero") << QByteArray("05") << qint64(-1);
        QTest::newRow("space") << QByteArray(" 5") << qint64(-1);
        QTest::newRow("trailing space") << QByteArray("5 ") << qint64(-1);
        QTest::newRow("hex") << QByteArray("0x10") << qint64(-1);
        QTest::newRow("decimal point") << QByteArray("1.0") << qint64(-1);
        QTest::newRow("exponent") << QByteArray("1e3") << qint64(-1);
    }

    void uploadOffset()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, offset);
        const auto parsed = parseUploadOffset(value);
        QCOMPARE(parsed.value_or(-1), offset);
    }

    void range_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("none") << QByteArray() << qint64(100) << Kind::Whole << 0ll << -1ll;
        QTest::newRow("closed") << QByteArray("bytes=10-19") << qint64(100) << Kind::Partial << 10ll
                                << 19ll;
        QTest::newRow("one byte") << QByteArray("bytes=0-0") << qint64(100) << Kind::Partial << 0ll
                                  << 0ll;
        QTest::newRow("open") << QByteArray("bytes=90-") << qint64(100) << Kind::Partial << 90ll
                              << 99ll;
        QTest::newRow("last beyond the end")
            << QByteArray("bytes=90-1000") << qint64(100) << Kind::Partial << 90ll << 99ll;
        QTest::newRow("last overflows") << QByteArray("bytes=1-99999999999999999999999")
                                        << qint64(100) << Kind::Partial << 1ll << 99ll;
        QTest::newRow("suffix") << QByteArray("bytes=-10") << qint64(100) << Kind::Partial << 90ll
                                << 99ll;
        QTest::newRow("suffix longer than the body")
            << QByteArray("bytes=-500") << qint64(100) << Kind::Partial << 0ll << 99ll;
        QTest::newRow("suffix of nothing")
            << QByteArray("bytes=-0") << qint64(100) << Kind::Unsatisfiable << 0ll << -1ll;
        QTest::newRow("starts at the end")
            << QByteArray("bytes=100-") << qint64(100) << Kind::Unsatisfiable << 0ll << -1ll;
        QTest::newRow("starts far beyond") << QByteArray("bytes=99999999999999999999-")
                                           << qint64(100) << Kind::Unsatisfiable << 0ll << -1ll;
        QTest::newRow("backwards")
            << QByteArray("bytes=20-10") << qint64(100) << Kind::Whole << 0ll << -1ll;
        QTest::newRow("several ranges")
            << QByteArray("bytes=0-1,5-6") << qint64(100) << Kind::Whole << 0ll << -1ll;
        QTest::newRow("other unit")
            << QByteArray("items=0-1") << qint64(100) << Kind::Whole << 0ll << -1ll;
        QTest::newRow("no dash") << QByteArray("bytes=5") << qint64(100) << Kind::Whole << 0ll
                                 << -1ll;
        QTest::newRow("only a dash")
            << QByteArray("bytes=-") << qint64(100) << Kind::Whole << 0ll << -1ll;
        QTest::newRow("sign") << QByteArray("bytes=+1-2") << qint64(100) << Kind::Whole << 0ll
                              << -1ll;
        QTest::newRow("spaces") << QByteArray("bytes= 1-2") << qint64(100) << Kind::Whole << 0ll
                                << -1ll;
    }

    void range()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, size);
        QFETCH(Kind, kind);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const ByteRange range = parseRange(value, size);
        QCOMPARE(range.kind, kind);
        if (kind == Kind::Partial) {
            QCOMPARE(range.first, first);
            QCOMPARE(range.last, last);
        }
    }

    void contentRangeSaysWhatIsSent()
    {
        QCOMPARE(contentRange(parseRange("bytes=10-19", 100), 100), QByteArray("bytes 10-19/100"));
        QCOMPARE(contentRange(parseRange("bytes=100-", 100), 100), QByteArray("bytes */100"));
    }

    void contentDisposition_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("ascii") << u"report.pdf"_s
                               << QByteArray("attachment; filename=\"report.pdf\"; "
                                             "filename*=UTF-8''report.pdf");
        QTest::newRow("korean") << u"보고서.hwp"_s
                                << QByteArray("attachment; filename=\"___.hwp\"; filename*=UTF-8''"
                                              "%EB%B3%B4%EA%B3%A0%EC%84%9C.hwp");
        QTest::newRow("quotes and spaces")
            << u"a \"b\" c\\d;e.txt"_s
            << QByteArray("attachment; filename=\"a _b_ c_d;e.txt\"; filename*=UTF-8''"
                          "a%20%22b%22%20c%5Cd%3Be.txt");
        QTest::newRow("header injection")
            << u"x\r\nSet-Cookie: a=b"_s
            << QByteArray("attachment; filename=\"x__Set-Cookie: a=b\"; filename*=UTF-8''"
                          "x%0D%0ASet-Cookie%3A%20a%3Db");
        QTest::newRow("a parameter inside the name")
            << u"a; filename*=UTF-8''evil.exe"_s
            << QByteArray("attachment; filename=\"a; filename*=UTF-8''evil.exe\"; filename*=UTF-8''"
                          "a%3B%20filename%2A%3DUTF-8%27%27evil.exe");
        QTest::newRow("emoji is one fallback character")
            << u"😀.png"_s
            << QByteArray("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%98%80.png");
    }

    void contentDisposition()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, header);
        QCOMPARE(moim::protocol::contentDisposition(name), header);
        QCOMPARE(fileNameFromContentDisposition(header).value_or(QString()), name);
    }

    void fileNameNeedsAWellFormedParameter_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("none") << QByteArray("attachment; filename=\"a.txt\"");
        QTest::newRow("other charset") << QByteArray("attachment; filename*=ISO-8859-1''a.txt");
        QTest::newRow("short escape") << QByteArray("attachment; filename*=UTF-8''a%4");
        QTest::newRow("bad escape") << QByteArray("attachment; filename*=UTF-8''a%ZZ");
        QTest::newRow("not utf-8") << QByteArray("attachment; filename*=UTF-8''%FF");
        QTest::newRow("raw quote") << QByteArray("attachment; filename*=UTF-8''a\"b");
        QTest::newRow("empty") << QByteArray("attachment; filename*=UTF-8''");
        QTest::newRow("inside the fallback")
            << QByteArray("attachment; filename=\"filename*=UTF-8''x\"");
    }

    void fileNameNeedsAWellFormedParameter()
    {
        QFETCH(QByteArray, header);
        QVERIFY(!fileNameFromContentDisposition(header));
    }

    void fileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("acceptable");
        QTest::newRow("korean") << u"보고서.hwp"_s << true;
        QTest::newRow("dotfile") << u".profile"_s << true;
        QTest::newRow("longest") << QString(limits::MaxFileNameLength, u'가') << true;
        QTest::newRow("too long") << QString(limits::MaxFileNameLength + 1, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << u"."_s << false;
        QTest::newRow("dot dot") << u".."_s << false;
        QTest::newRow("slash") << u"../etc/passwd"_s << false;
        QTest::newRow("backslash") << u"..\\boot.ini"_s << false;
        QTest::newRow("newline") << u"a\nb.txt"_s << false;
        QTest::newRow("nul") << QString(u"a"_s + QChar(0) + u"b"_s) << false;
        QTest::newRow("c1 control") << u"a\u0085b"_s << false;
        QTest::newRow("delete") << u"a\x7f"_s << false;
    }

    void fileNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, acceptable);
        QCOMPARE(isAcceptableFileName(name), acceptable);
    }
};

QTEST_GUILESS_MAIN(TestUploadHeaders)
#include "test_upload_headers.moc"
