// The proxy choice: what counts as a usable manual proxy, how it is stored, and that the API
// client and the event stream really go through the proxy the user chose (a listening socket
// stands in for the proxy and records what arrives), while loopback always goes direct.
#include "net/api_client.h"
#include "net/proxy_settings.h"
#include "storage/preferences.h"

#include <QNetworkProxyFactory>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

// Accepts connections and keeps the first bytes each one sends, then hangs up.
class RecordingProxy : public QObject
{
public:
    RecordingProxy()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_received.append(socket->readAll());
                    socket->disconnectFromHost();
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QList<QByteArray> received() const { return m_received; }

private:
    QTcpServer m_server;
    QList<QByteArray> m_received;
};

ProxySettings manual(const QString &host, int port,
                     ProxySettings::Type type = ProxySettings::Type::Http)
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode::Manual;
    proxy.type = type;
    proxy.host = host;
    proxy.port = port;
    return proxy;
}

// Qt retries a dropped proxy connection, so several may arrive: each must be the tunnel to
// the server.
bool allConnectTo(const RecordingProxy &proxy, const QByteArray &hostAndPort)
{
    const QList<QByteArray> received = proxy.received();
    for (const QByteArray &request : received) {
        if (!request.startsWith("CONNECT " + hostAndPort + " HTTP/1.1\r\n")) {
            qWarning() << "the proxy got" << request;
            return false;
        }
    }
    return !received.isEmpty();
}

QNetworkProxy proxyFor(const QString &url)
{
    return QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(url))).value(0);
}

} // namespace

class TestProxySettings : public QObject
{
    Q_OBJECT

    // One API call to a server on the network, answered or failed: where it went is the point.
    bool askServer()
    {
        ApiClient api(ServerAddress::parse(u"https://chat.moim.example"_s), u"moim-desktop"_s,
                      u"0.1.0"_s);
        api.setIdleTimeout(std::chrono::seconds(5));
        bool answered = false;
        api.get(u"/api/v1/server"_s, QString(), this, [&](const ApiResult &) { answered = true; });
        return QTest::qWaitFor([&] { return answered; }, 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // libproxy reads a desktop's own proxy settings where it finds one: this test is about
        // the plain environment, on any machine.
        for (const char *name : {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                                 "GNOME_DESKTOP_SESSION_ID", "no_proxy", "NO_PROXY"})
            qunsetenv(name);
    }

    void cleanup()
    {
        // Every test starts from the default: the system's settings.
        ProxySettings().apply();
        qunsetenv("https_proxy");
        qunsetenv("HTTPS_PROXY");
        qunsetenv("http_proxy");
    }

    void manualProxyIsChecked_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<ProxySettings::Problem>("problem");
        QTest::newRow("host name")
            << u"proxy.corp.example"_s << 3128 << ProxySettings::Problem::None;
        QTest::newRow("IPv4") << u"10.0.0.8"_s << 8080 << ProxySettings::Problem::None;
        QTest::newRow("IPv6") << u"fd00::8"_s << 1080 << ProxySettings::Problem::None;
        QTest::newRow("spaces around") << u"  proxy  "_s << 3128 << ProxySettings::Problem::None;
        QTest::newRow("empty") << u""_s << 3128 << ProxySettings::Problem::MissingHost;
        QTest::newRow("blank") << u"   "_s << 3128 << ProxySettings::Problem::MissingHost;
        QTest::newRow("a URL") << u"http://proxy:3128"_s << 3128
                               << ProxySettings::Problem::InvalidHost;
        QTest::newRow("a space inside")
            << u"my proxy"_s << 3128 << ProxySettings::Problem::InvalidHost;
        QTest::newRow("port 0") << u"proxy"_s << 0 << ProxySettings::Problem::InvalidPort;
        QTest::newRow("port too big") << u"proxy"_s << 65536 << ProxySettings::Problem::InvalidPort;
    }

    void manualProxyIsChecked()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(ProxySettings::Problem, problem);
        QCOMPARE(manual(host, port).problem(), problem);
        // The other modes ignore whatever the fields still hold.
        ProxySettings system = manual(host, port);
        system.mode = ProxySettings::Mode::System;
        QCOMPARE(system.problem(), ProxySettings::Problem::None);
    }

    void choiceIsStoredAndInvalidOnesRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"settings.ini"_s);
        {
            Preferences preferences(file);
            QCOMPARE(preferences.proxy().mode, ProxySettings::Mode::System); // the default
            QSignalSpy changed(&preferences, &Preferences::proxyChanged);
            QVERIFY(preferences.setProxy(
                manual(u"proxy.corp.example"_s, 3128, ProxySettings::Type::Socks5)));
            QCOMPARE(changed.size(), 1);
            QVERIFY(!preferences.setProxy(manual(u"http://proxy"_s, 3128)));
            QCOMPARE(changed.size(), 1);
        }
        Preferences again(file);
        const ProxySettings stored = again.proxy();
        QCOMPARE(stored.mode, ProxySettings::Mode::Manual);
        QCOMPARE(stored.type, ProxySettings::Type::Socks5);
        QCOMPARE(stored.host, u"proxy.corp.example"_s);
        QCOMPARE(stored.port, 3128);

        // Back to the system's proxy: the manual one is remembered for the next time.
        ProxySettings system = stored;
        system.mode = ProxySettings::Mode::System;
        QVERIFY(again.setProxy(system));
        QCOMPARE(Preferences(file).proxy().mode, ProxySettings::Mode::System);
        QCOMPARE(Preferences(file).proxy().host, u"proxy.corp.example"_s);
    }

    void appliedApplicationWide()
    {
        QVERIFY(manual(u"proxy.corp.example"_s, 3128).apply());
        QCOMPARE(proxyFor(u"https://chat.moim.example/"_s).type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxyFor(u"https://chat.moim.example/"_s).hostName(), u"proxy.corp.example"_s);
        QCOMPARE(proxyFor(u"https://chat.moim.example/"_s).port(), 3128);
        // The bundled server on this computer is never sent through a proxy.
        QCOMPARE(proxyFor(u"http://127.0.0.1:8765/"_s).type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(u"http://localhost:8765/"_s).type(), QNetworkProxy::NoProxy);

        ProxySettings none;
        none.mode = ProxySettings::Mode::None;
        QVERIFY(none.apply());
        QCOMPARE(proxyFor(u"https://chat.moim.example/"_s).type(), QNetworkProxy::NoProxy);

        // An invalid choice changes nothing.
        QVERIFY(manual(u"proxy.corp.example"_s, 3128).apply());
        QVERIFY(!manual(u""_s, 3128).apply());
        QCOMPARE(proxyFor(u"https://chat.moim.example/"_s).hostName(), u"proxy.corp.example"_s);
    }

    void apiCallsGoThroughTheManualProxy()
    {
        RecordingProxy proxy;
        QVERIFY(manual(u"127.0.0.1"_s, proxy.port()).apply());
        QVERIFY(askServer());
        QVERIFY(allConnectTo(proxy, "chat.moim.example:443"));
    }

    void eventStreamGoesThroughASocksProxy()
    {
        RecordingProxy proxy;
        QVERIFY(manual(u"127.0.0.1"_s, proxy.port(), ProxySettings::Type::Socks5).apply());
        QWebSocket socket;
        socket.open(QUrl(u"wss://chat.moim.example/api/v1/events"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!proxy.received().isEmpty(), 10000);
        QCOMPARE(proxy.received().constFirst().at(0), '\x05'); // a SOCKS5 greeting
    }

    void systemProxyComesFromTheEnvironment()
    {
        // With no desktop proxy configuration, the system's settings are the *_proxy variables.
        RecordingProxy proxy;
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(proxy.port());
        qputenv("https_proxy", url);
        qputenv("HTTPS_PROXY", url);
        qputenv("http_proxy", url);
        QVERIFY(ProxySettings().apply());
        QVERIFY(askServer());
        QVERIFY(allConnectTo(proxy, "chat.moim.example:443"));
    }

    void noProxyMeansDirect()
    {
        RecordingProxy proxy;
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(proxy.port());
        qputenv("https_proxy", url);
        qputenv("http_proxy", url);
        ProxySettings none;
        none.mode = ProxySettings::Mode::None;
        QVERIFY(none.apply());
        QVERIFY(askServer());
        QVERIFY(proxy.received().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProxySettings)
#include "test_proxy_settings.moc"
