// Which parts of a message's plain text become links: only http(s) and www. addresses, cut
// cleanly from the sentence around them (Korean particles, brackets, punctuation).
#include "chat/text_link.h"

#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

class TestTextLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("shown");
        QTest::addColumn<QStringList>("opens");

        QTest::newRow("none") << u"회의는 3시에 시작합니다."_s << QStringList() << QStringList();
        QTest::newRow("alone") << u"https://moim.example/a?b=1#c"_s
                               << QStringList{u"https://moim.example/a?b=1#c"_s}
                               << QStringList{u"https://moim.example/a?b=1#c"_s};
        QTest::newRow("http and port") << u"see http://127.0.0.1:8765/dev/mail now"_s
                                       << QStringList{u"http://127.0.0.1:8765/dev/mail"_s}
                                       << QStringList{u"http://127.0.0.1:8765/dev/mail"_s};
        QTest::newRow("korean particle") << u"자료는 https://docs.moim.example/q3에서 보세요"_s
                                         << QStringList{u"https://docs.moim.example/q3"_s}
                                         << QStringList{u"https://docs.moim.example/q3"_s};
        QTest::newRow("www opens https")
            << u"www.moim.example"_s << QStringList{u"www.moim.example"_s}
            << QStringList{u"https://www.moim.example"_s};
        QTest::newRow("upper case scheme")
            << u"HTTPS://MOIM.EXAMPLE/X"_s << QStringList{u"HTTPS://MOIM.EXAMPLE/X"_s}
            << QStringList{u"https://moim.example/X"_s};
        QTest::newRow("sentence end")
            << u"Read https://moim.example/faq."_s << QStringList{u"https://moim.example/faq"_s}
            << QStringList{u"https://moim.example/faq"_s};
        QTest::newRow("in brackets")
            << u"(https://moim.example/a)"_s << QStringList{u"https://moim.example/a"_s}
            << QStringList{u"https://moim.example/a"_s};
        QTest::newRow("balanced brackets")
            << u"https://en.wikipedia.org/wiki/Moim_(app)!"_s
            << QStringList{u"https://en.wikipedia.org/wiki/Moim_(app)"_s}
            << QStringList{u"https://en.wikipedia.org/wiki/Moim_(app)"_s};
        QTest::newRow("two links")
            << u"a https://one.example, b www.two.example;"_s
            << QStringList{u"https://one.example"_s, u"www.two.example"_s}
            << QStringList{u"https://one.example"_s, u"https://www.two.example"_s};
        QTest::newRow("angle brackets")
            << u"<https://moim.example/x>"_s << QStringList{u"https://moim.example/x"_s}
            << QStringList{u"https://moim.example/x"_s};
        QTest::newRow("quotes") << u"\"https://moim.example/q\""_s
                                << QStringList{u"https://moim.example/q"_s}
                                << QStringList{u"https://moim.example/q"_s};
        QTest::newRow("new line") << u"first\nhttps://moim.example\nlast"_s
                                  << QStringList{u"https://moim.example"_s}
                                  << QStringList{u"https://moim.example"_s};
        // Other schemes never become links, whatever the text says.
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << QStringList() << QStringList();
        QTest::newRow("file") << u"file:///etc/passwd"_s << QStringList() << QStringList();
        QTest::newRow("moim") << u"moim://invite/abc"_s << QStringList() << QStringList();
        QTest::newRow("ftp") << u"ftp://files.example/x"_s << QStringList() << QStringList();
        // Not addresses at all.
        QTest::newRow("scheme only") << u"http:// is a prefix"_s << QStringList() << QStringList();
        QTest::newRow("no dot in host")
            << u"https://intranet/x"_s << QStringList() << QStringList();
        QTest::newRow("www only") << u"www."_s << QStringList() << QStringList();
        QTest::newRow("glued to word")
            << u"xhttps://moim.example"_s << QStringList() << QStringList();
        QTest::newRow("inside email")
            << u"mail@www.moim.example"_s << QStringList() << QStringList();
        QTest::newRow("localhost")
            << u"http://localhost:8765/join"_s << QStringList{u"http://localhost:8765/join"_s}
            << QStringList{u"http://localhost:8765/join"_s};
        QTest::newRow("bad port") << u"https://moim.example:99999/"_s << QStringList()
                                  << QStringList();
    }

    void finds()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, shown);
        QFETCH(QStringList, opens);
        const QList<TextLink> links = TextLink::findAll(text);
        QStringList actualShown, actualOpens;
        for (const TextLink &link : links) {
            actualShown.append(text.mid(link.start, link.length));
            actualOpens.append(link.url.toString());
        }
        QCOMPARE(actualShown, shown);
        QCOMPARE(actualOpens, opens);
    }

    // Whatever the text, the finder ends, and what it returns lies inside the text, in order.
    void survivesAnyText()
    {
        const QString alphabet = u"hts:/w.()[]<>\"' 가a1@%#?"_s;
        quint32 seed = 12345;
        for (int round = 0; round < 2000; ++round) {
            QString text;
            const int length = int(seed % 60);
            for (int i = 0; i < length; ++i) {
                seed = seed * 1103515245u + 12345u;
                text.append(alphabet.at(int((seed >> 16) % quint32(alphabet.size()))));
            }
            text.insert(int(seed % quint32(text.size() + 1)), u"https://a.b"_s);
            qsizetype previousEnd = 0;
            for (const TextLink &link : TextLink::findAll(text)) {
                QVERIFY(link.start >= previousEnd);
                QVERIFY(link.length > 0 && link.start + link.length <= text.size());
                QVERIFY(link.url.scheme() == u"https"_s || link.url.scheme() == u"http"_s);
                previousEnd = link.start + link.length;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTextLink)
#include "test_text_link.moc"
