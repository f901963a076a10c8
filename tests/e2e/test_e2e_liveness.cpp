// A dead connection is noticed, end to end with the real server process behind a proxy that can
// stop forwarding without closing anything: the client sees the silence within twice the ping
// interval, reconnects once the network is back and catches up on what it missed; and after a
// resume from sleep (or a network change) it reconnects at once instead of waiting for the
// watchdog. Prints how long each took.
#include "account/account.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "holding_proxy.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "net/connectivity_monitor.h"
#include "net/event_stream.h"
#include "secrets/memory_secret_store.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

bool hasMessage(const QSignalSpy &spy, const QString &body)
{
    return std::any_of(spy.cbegin(), spy.cend(), [&](const QList<QVariant> &args) {
        return args.first().value<Message>().body == body;
    });
}
} // namespace

class TestE2eLiveness : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    struct Client
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SessionManager> sessions;
        Account *account() const { return sessions->account(); }
        Chat *chat() const { return sessions->account()->chat(); }
    };

    // Signs in through `via` (the proxy), so that every call and the event stream cross it.
    Client signIn(const QUrl &via)
    {
        Client client;
        client.api = std::make_unique<ApiClient>(ServerAddress::parse(via.toString()),
                                                 u"moim-desktop"_s, u"0.1.0"_s);
        client.sessions = std::make_unique<SessionManager>(Profile(), client.api.get(), &m_secrets);
        PasswordLogin login(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Jimin, Password, true, false);
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
            QTRY_COMPARE_WITH_TIMEOUT(client.account()->connection(), Account::Connection::Online,
                                      10000);
        }();
        return client;
    }

    // A conversation Alex is in too (the demo's second workspace).
    QString sharedConversation(Client &client)
    {
        const QString workspace = client.account()->workspaces()->workspaces().at(1).id;
        client.account()->fetchConversations(workspace);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(!client.account()->conversations(workspace).isEmpty(), 10000);
        }();
        return client.account()->conversations(workspace).first().id;
    }

private Q_SLOTS:
    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void halfOpenConnectionIsNoticedAndCaughtUp()
    {
        test::MockServerProcess server({u"--ping-interval-ms"_s, u"500"_s});
        QVERIFY2(server.start(), qPrintable(server.output()));
        test::HoldingProxy proxy(server.url());
        QVERIFY(proxy.listen());
        Client client = signIn(proxy.url());
        QVERIFY(!QTest::currentTestFailed());
        EventStream *events = client.account()->events();
        QCOMPARE(events->pingInterval(), 500ms);
        const QString conversation = sharedConversation(client);
        QVERIFY(!QTest::currentTestFailed());
        QSignalSpy arrived(client.chat(), &Chat::messageChanged);

        // The network goes away under the open socket: nothing arrives, nothing closes.
        proxy.stall();
        QElapsedTimer sinceStall;
        sinceStall.start();
        const QString body = u"sent while the link was half-open"_s;
        QString posted;
        QVERIFY2(server.admin({u"post"_s, Alex, conversation, body}, &posted) == 0,
                 qPrintable(posted));
        QTRY_VERIFY_WITH_TIMEOUT(client.account()->connection() != Account::Connection::Online,
                                 10000);
        const qint64 noticedAfter = sinceStall.elapsed();
        qInfo().noquote() << u"half-open link noticed %1 ms after it stalled (ping interval "
                             u"500 ms, limit 1000 ms after the last frame)"_s.arg(noticedAfter);
        // The last frame came at most one interval before the stall.
        QVERIFY2(noticedAfter <= 1000 + 1000, qPrintable(QString::number(noticedAfter)));

        // While the network is gone the client keeps trying: its attempts reach the proxy and
        // wait there unanswered.
        const int acceptedBefore = proxy.acceptedConnections();
        QTRY_VERIFY_WITH_TIMEOUT(proxy.acceptedConnections() > acceptedBefore, 10000);
        QVERIFY(!hasMessage(arrived, body)); // the push went into the dead socket

        proxy.resume();
        QElapsedTimer sinceResume;
        sinceResume.start();
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(arrived, body), 15000);
        const qint64 appearedAfter = sinceResume.elapsed();
        qInfo().noquote() << u"the missed message appeared %1 ms after forwarding resumed"_s.arg(
            appearedAfter);
        QVERIFY2(appearedAfter <= 5000, qPrintable(QString::number(appearedAfter)));
        QTRY_COMPARE_WITH_TIMEOUT(client.account()->connection(), Account::Connection::Online,
                                  5000);
    }

    void resumeReconnectsAtOnce_data()
    {
        QTest::addColumn<QString>("hint");
        QTest::newRow("resume from sleep") << u"resume"_s;
        QTest::newRow("network back") << u"network"_s;
    }

    void resumeReconnectsAtOnce()
    {
        QFETCH(QString, hint);
        // A watchdog of 20 s: only the hint can explain a quick reconnect.
        test::MockServerProcess server({u"--ping-interval-ms"_s, u"10000"_s});
        QVERIFY2(server.start(), qPrintable(server.output()));
        test::HoldingProxy proxy(server.url());
        QVERIFY(proxy.listen());
        Client client = signIn(proxy.url());
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(client.account()->events()->silenceLimit(), 20s);
        const QString conversation = sharedConversation(client);
        QVERIFY(!QTest::currentTestFailed());
        QSignalSpy arrived(client.chat(), &Chat::messageChanged);
        QSignalSpy checks(client.account(), &Account::connectionCheckRequested);

        // The system slept: its connections died silently; the network is back.
        proxy.blackHoleOpenConnections();
        const QString body = u"sent while the laptop slept (%1)"_s.arg(hint);
        QString posted;
        QVERIFY2(server.admin({u"post"_s, Alex, conversation, body}, &posted) == 0,
                 qPrintable(posted));
        const int acceptedBefore = proxy.acceptedConnections();

        QElapsedTimer sinceHint;
        sinceHint.start();
        ConnectivityMonitor *monitor = client.account()->connectivity();
        if (hint == u"resume"_s) {
            monitor->onPrepareForSleep(true);
            monitor->onPrepareForSleep(false);
        } else {
            monitor->onReachabilityChanged(QNetworkInformation::Reachability::Disconnected);
            monitor->onReachabilityChanged(QNetworkInformation::Reachability::Online);
        }
        QVERIFY(checks.size() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(hasMessage(arrived, body), 15000);
        const qint64 appearedAfter = sinceHint.elapsed();
        qInfo().noquote() << u"after the %1 hint the missed message appeared in %2 ms (the "
                             u"watchdog alone: up to 20000 ms)"_s.arg(hint)
                                 .arg(appearedAfter);
        QVERIFY2(appearedAfter <= 5000, qPrintable(QString::number(appearedAfter)));
        QVERIFY(proxy.acceptedConnections() > acceptedBefore);
        QCOMPARE(client.account()->connection(), Account::Connection::Online);
    }
};

QTEST_GUILESS_MAIN(TestE2eLiveness)
#include "test_e2e_liveness.moc"
