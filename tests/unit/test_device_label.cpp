// Labels a client says about itself (device names, OS names, display names): what the server
// keeps of them and how a terminal shows them. A name must never forge a line, move the cursor,
// colour the screen or reverse the text that follows it.
#include "protocol/device_label.h"

#include <QtTest>

using namespace moim::protocol;
using namespace Qt::StringLiterals;

class TestDeviceLabel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanLabel_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("clean");
        QTest::newRow("plain") << u"jimin-laptop"_s << u"jimin-laptop"_s;
        QTest::newRow("korean") << u"김지민의 노트북"_s << u"김지민의 노트북"_s;
        QTest::newRow("forged line") << u"Laptop\n  IP address seen by the server: 6.6.6.6"_s
                                     << u"Laptop IP address seen by the server: 6.6.6.6"_s;
        QTest::newRow("carriage return") << u"Laptop\rPhone"_s << u"Laptop Phone"_s;
        QTest::newRow("terminal escape") << u"\x1b[2K\x1b[31mRed\x1b[0m"_s << u"[2K[31mRed[0m"_s;
        QTest::newRow("bell and nul") << QString(u"a\x07"_s + QChar(0) + u"b"_s) << u"ab"_s;
        QTest::newRow("c1 control") << u"a\u0085b\u009bc"_s << u"a bc"_s;
        QTest::newRow("delete") << u"a\x7f"_s << u"a"_s;
        QTest::newRow("right-to-left override") << u"invoice\u202Efdp.exe"_s << u"invoicefdp.exe"_s;
        QTest::newRow("isolates and marks") << u"\u2066a\u2069\u200Eb\u200Fc\u061C"_s << u"abc"_s;
        QTest::newRow("zero width space and bom") << u"a\u200Bb\uFEFF"_s << u"ab"_s;
        QTest::newRow("line separator") << u"a\u2028b\u2029c"_s << u"a b c"_s;
        QTest::newRow("whitespace runs") << u"  a \t\t b  "_s << u"a b"_s;
        QTest::newRow("emoji sequence keeps its joiner")
            << u"👩\u200D💻 laptop"_s << u"👩\u200D💻 laptop"_s;
        QTest::newRow("unpaired surrogate") << QString(u"a"_s + QChar(0xD800) + u"b"_s) << u"ab"_s;
        QTest::newRow("only controls") << u"\x1b\n\u202E"_s << QString();
    }

    void cleanLabel()
    {
        QFETCH(QString, raw);
        QFETCH(QString, clean);
        QCOMPARE(moim::protocol::cleanLabel(raw), clean);
    }

    void cleanLabelIsBoundedInCodePoints()
    {
        QCOMPARE(moim::protocol::cleanLabel(QString(500, u'x')).size(), MaxLabelLength);
        // 100 emoji are 200 UTF-16 units; the cut never leaves half of a pair behind.
        const QString emoji = u"😀"_s.repeated(150);
        const QString cut = moim::protocol::cleanLabel(emoji);
        QCOMPARE(cut.size(), 2 * MaxLabelLength);
        QVERIFY(cut.back().isLowSurrogate());
        QCOMPARE(moim::protocol::cleanLabel(u"ab cd"_s, 3), u"ab"_s);
        QCOMPARE(moim::protocol::cleanLabel(u"ab cd"_s, 4), u"ab c"_s);
    }

    void escapeForTerminalShowsWhatItHides()
    {
        QCOMPARE(escapeForTerminal(u"Laptop\n  IP: 6.6.6.6"_s), u"Laptop\\x0a  IP: 6.6.6.6"_s);
        QCOMPARE(escapeForTerminal(u"\x1b[31mred"_s), u"\\x1b[31mred"_s);
        QCOMPARE(escapeForTerminal(u"a\u202Eb"_s), u"a\\u202eb"_s);
        QCOMPARE(escapeForTerminal(u"tab\there"_s), u"tab\\x09here"_s);
        QCOMPARE(escapeForTerminal(u"김지민 <jimin@moim.example>"_s),
                 u"김지민 <jimin@moim.example>"_s);
        QCOMPARE(escapeForTerminal(u"👩\u200D💻"_s), u"👩\u200D💻"_s);
        const QString escaped = escapeForTerminal(u"\x1b\x07\r\n\u2028\u0085"_s);
        for (const QChar c : escaped)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() < 0x7f, qPrintable(escaped));
    }
};

QTEST_GUILESS_MAIN(TestDeviceLabel)
#include "test_device_label.moc"
