#include "net/server_address.h"

#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

class TestServerAddress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainHttpOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("problem");
        using P = ServerAddress::Problem;
        QTest::newRow("loopback v4") << u"http://127.0.0.1:8765"_s << int(P::None);
        QTest::newRow("localhost") << u"http://localhost:9000"_s << int(P::None);
        QTest::newRow("loopback v6") << u"http://[::1]:8765"_s << int(P::None);
        QTest::newRow("remote http") << u"http://chat.example.com"_s << int(P::InsecureRemote);
        QTest::newRow("private http") << u"http://192.168.1.10:8765"_s << int(P::InsecureRemote);
        QTest::newRow("remote https") << u"https://chat.example.com"_s << int(P::None);
        QTest::newRow("ftp") << u"ftp://chat.example.com"_s << int(P::UnsupportedScheme);
        QTest::newRow("empty") << QString() << int(P::Malformed);
    }

    void plainHttpOnlyToLoopback()
    {
        QFETCH(QString, input);
        QFETCH(int, problem);
        QCOMPARE(int(ServerAddress::parse(input).problem()), problem);
    }

    void eventsUrlFollowsTheScheme()
    {
        QCOMPARE(ServerAddress::parse(u"http://127.0.0.1:8765"_s).eventsUrl(),
                 QUrl(u"ws://127.0.0.1:8765/api/v1/events"_s));
        QCOMPARE(ServerAddress::parse(u"https://chat.example.com"_s).eventsUrl(),
                 QUrl(u"wss://chat.example.com/api/v1/events"_s));
    }

    void pathAndQueryAreDropped()
    {
        // A pasted URL with a path must not make every request go to the wrong place.
        const auto address = ServerAddress::parse(u"http://127.0.0.1:8765/some/page?x=1"_s);
        QVERIFY(address.isValid());
        QCOMPARE(address.baseUrl(), QUrl(u"http://127.0.0.1:8765"_s));
        QCOMPARE(address.key(), u"127.0.0.1_8765"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerAddress)
#include "test_server_address.moc"
