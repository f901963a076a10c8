// The outbox under faults, measured and printed: 200 messages typed into the main window's
// composer while the server is killed with SIGKILL and restarted 22 times; the same run through a
// proxy that answers one send in ten badly (500, 204, empty, `{}`, HTML, 429, a stall, and the
// server committing while its answer is lost); a client process killed with SIGKILL ten times
// with messages queued; and what a server that keeps going away costs the client in CPU and
// memory. Every run ends with the server's own history: each message exactly once, in the order
// written. MOIM_FAULT_SEED changes the (otherwise fixed) schedule of kills and pauses.
#include "account/conversation_model.h"
#include "auth/device_info.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "chat/composer.h"
#include "chat/history_model.h"
#include "chat/message_delegate.h"
#include "chat/message_view.h"
#include "fault_proxy.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAccessible>
#include <QAccessibleTableInterface>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QListView>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>
#include <csignal>
#include <unistd.h>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {

const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
constexpr int MessageCount = 200;

quint32 seed()
{
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("MOIM_FAULT_SEED", &ok);
    return ok ? quint32(fromEnvironment) : 15u;
}

// How the server's history compares with what was written, in order.
struct Tally
{
    int lost = 0;
    int duplicated = 0;
    int outOfOrder = 0; // arrived after a message written later
    QStringList lostBodies;

    bool clean() const { return lost == 0 && duplicated == 0 && outOfOrder == 0; }
    QString summary() const
    {
        return u"lost %1, duplicated %2, out of order %3"_s.arg(lost)
            .arg(duplicated)
            .arg(outOfOrder);
    }
};

Tally tally(const QStringList &written, const QStringList &onServer)
{
    QHash<QString, int> position;
    for (int i = 0; i < written.size(); ++i)
        position.insert(written.at(i), i);
    Tally result;
    QHash<QString, int> seen;
    int latest = -1;
    for (const QString &body : onServer) {
        const auto found = position.constFind(body);
        if (found == position.constEnd())
            continue;
        if (seen[body]++ > 0) {
            ++result.duplicated;
            continue;
        }
        if (*found < latest)
            ++result.outOfOrder;
        else
            latest = *found;
    }
    for (const QString &body : written) {
        if (!seen.contains(body)) {
            ++result.lost;
            result.lostBodies.append(body);
        }
    }
    return result;
}

// CPU time this process has used, in seconds (user and system).
double cpuSeconds()
{
    QFile stat(u"/proc/self/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name may hold spaces: fields are counted from after its closing parenthesis.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

qint64 residentKiB()
{
    QFile statm(u"/proc/self/statm"_s);
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    return statm.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE) / 1024;
}

// Runs the event loop only (no polling), so what the process spends meanwhile is the client's.
void idle(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

// The outbox driver (outbox_driver.cpp) as a child process, and what it reported.
class Driver
{
public:
    explicit Driver(QStringList arguments)
    {
        m_process.setProgram(QString::fromUtf8(MOIM_OUTBOX_DRIVER));
        m_process.setArguments(arguments);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { read(); });
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
                         [this] { m_log += QString::fromUtf8(m_process.readAllStandardError()); });
    }
    ~Driver()
    {
        kill();
        m_process.disconnect(); // its handlers use members that go first
    }

    bool start()
    {
        m_process.start();
        return m_process.waitForStarted(10000);
    }
    void write(const QString &line) { m_process.write(line.toUtf8() + '\n'); }
    // Ends it as a crash or a power cut would.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }
    bool has(const QString &line) const { return m_lines.contains(line); }
    int count(const QString &prefix) const
    {
        return int(std::count_if(m_lines.cbegin(), m_lines.cend(),
                                 [&](const QString &l) { return l.startsWith(prefix); }));
    }
    int lastPending() const { return m_lastPending; }
    bool finished() const { return m_process.state() == QProcess::NotRunning; }
    int exitCode() const { return m_process.exitCode(); }
    QString log() const
    {
        return m_lines.join(u'\n') +
               u"\n--- exit %1 (%2), log ---\n"_s.arg(m_process.exitCode())
                   .arg(m_process.errorString()) +
               m_log.right(4000);
    }

private:
    void read()
    {
        m_partial += m_process.readAllStandardOutput();
        for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n')) {
            const QString line = QString::fromUtf8(m_partial.left(end));
            m_partial.remove(0, end + 1);
            m_lines.append(line);
            if (line.startsWith(u"pending "_s))
                m_lastPending = line.mid(8).toInt();
        }
    }

    QProcess m_process;
    QByteArray m_partial;
    QStringList m_lines;
    QString m_log;
    int m_lastPending = -1;
};

} // namespace

class TestE2eOutboxFaults : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    // The app as the user has it: the login window, then the main window with a conversation
    // open and its composer ready.
    struct App
    {
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<WindowController> windows;
        MainWindow *main() const { return windows->mainWindow(); }
        Account *account() const { return sessions->account(); }
        Chat *chat() const { return account()->chat(); }
    };

    std::unique_ptr<App> openApp(const QUrl &server)
    {
        auto app = std::make_unique<App>();
        app->api = std::make_unique<ApiClient>(ServerAddress::parse(server.toString()),
                                               u"moim-desktop"_s, u"0.1.0"_s);
        app->sessions = std::make_unique<SessionManager>(Profile(), app->api.get(), &m_secrets);
        app->windows = std::make_unique<WindowController>(app->sessions.get());
        app->windows->start();
        app->windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(app->main() && app->main()->isVisible(), 20000);
            QTRY_COMPARE_WITH_TIMEOUT(app->account()->connection(), Account::Connection::Online,
                                      10000);
            QTRY_VERIFY_WITH_TIMEOUT(app->main()->conversationList()->model()->rowCount() > 0,
                                     10000);
        }();
        const QString conversation = app->main()
                                         ->conversationList()
                                         ->model()
                                         ->index(0, 0)
                                         .data(ConversationModel::IdRole)
                                         .toString();
        app->main()->openConversation(conversation);
        return app;
    }

    // Types a message into the composer and presses Enter, as the user does: Latin letters key
    // by key, Hangul committed by the input method.
    static bool type(MainWindow *main, const QString &body)
    {
        Composer *composer = main->composer();
        for (qsizetype start = 0; start < body.size();) {
            const bool latin = body.at(start).unicode() < 0x80;
            qsizetype end = start;
            while (end < body.size() && (body.at(end).unicode() < 0x80) == latin)
                ++end;
            if (latin) {
                QTest::keyClicks(composer, body.mid(start, end - start));
            } else {
                QInputMethodEvent committed;
                committed.setCommitString(body.mid(start, end - start));
                QApplication::sendEvent(composer, &committed);
            }
            start = end;
        }
        QTest::keyClick(composer, Qt::Key_Return);
        return composer->toPlainText().isEmpty();
    }

    // Every message body of a conversation as the server has it, oldest first.
    QStringList serverBodies(ApiClient *api, const QString &accessToken,
                             const QString &conversationId)
    {
        QStringList bodies;
        qint64 before = 0;
        for (;;) {
            bool done = false;
            ApiResult page;
            QString path = u"/api/v1/conversations/%1/messages?limit=200"_s.arg(conversationId);
            if (before > 0)
                path += u"&before_seq="_s + QString::number(before);
            api->get(path, accessToken, this, [&](const ApiResult &result) {
                page = result;
                done = true;
            });
            if (!QTest::qWaitFor([&] { return done; }, 20000) || !page.ok()) {
                qWarning() << "history page failed:" << page.error.message;
                return bodies;
            }
            const QJsonArray messages = page.body.value("messages"_L1).toArray();
            QStringList chunk;
            for (const QJsonValue &value : messages)
                chunk.append(value.toObject().value("body"_L1).toString());
            bodies = chunk + bodies;
            if (!page.body.value("has_more"_L1).toBool() || messages.isEmpty())
                return bodies;
            before = messages.first().toObject().value("seq"_L1).toInteger();
        }
    }

    static QStringList startingWith(QStringList bodies, const QString &prefix)
    {
        bodies.erase(std::remove_if(bodies.begin(), bodies.end(),
                                    [&](const QString &b) { return !b.startsWith(prefix); }),
                     bodies.end());
        return bodies;
    }

    bool ensureServerRunning() { return m_server.isRunning() || m_server.restart(); }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        qInfo("fault schedule seed %u (MOIM_FAULT_SEED)", seed());
    }

    void init()
    {
        m_home = std::make_unique<test::IsolatedHome>();
        QVERIFY2(ensureServerRunning(), qPrintable(m_server.output()));
    }

    // 200 messages typed while the server is killed -9 and restarted 22 times: kills fall while
    // typing, while the outbox drains and while it reconnects. Nobody presses "Retry".
    void serverKilledWhileTyping()
    {
        const auto app = openApp(m_server.url());
        MainWindow *main = app->main();
        const QString conversation = main->openConversationId();
        QVERIFY(!conversation.isEmpty());
        QRandomGenerator random(seed());
        constexpr int Restarts = 22;
        QStringList written;
        QElapsedTimer clock;
        clock.start();
        qint64 lastRestart = 0;
        int next = 0;
        for (int round = 0; round < Restarts; ++round) {
            const int first = next;
            const int end = MessageCount * (round + 1) / Restarts;
            const int killAt = first + int(random.bounded(end - first + 1));
            for (; next < end; ++next) {
                if (next == killAt)
                    m_server.kill();
                written.append(
                    u"outage %1 of %2: 서버가 돌아오면 보내요"_s.arg(next + 1, 3, 10, QChar(u'0'))
                        .arg(MessageCount));
                QVERIFY2(type(main, written.last()), qPrintable(written.last()));
                QTest::qWait(int(random.bounded(40)));
            }
            m_server.kill(); // when the round's messages all went in while it was up
            QTest::qWait(100 + int(random.bounded(900)));
            QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
            lastRestart = clock.elapsed();
            // The next round starts while the client reconnects and drains.
            QTest::qWait(int(random.bounded(500)));
        }
        QCOMPARE(written.size(), MessageCount);

        const bool drained =
            QTest::qWaitFor([&] { return app->chat()->outbox()->pendingCount() == 0; }, 30000);
        const double drainSeconds = double(clock.elapsed() - lastRestart) / 1000;
        const int pending = app->chat()->outbox()->pendingCount();
        const Tally result = tally(
            written,
            startingWith(serverBodies(app->api.get(), app->account()->accessToken(), conversation),
                         u"outage "_s));
        qInfo("server killed -9 and restarted %d times while %d messages were typed into the "
              "composer: %s, %s in %.1f s after the last restart",
              Restarts, MessageCount, qPrintable(result.summary()),
              drained ? "drained" : qPrintable(u"NOT drained (%1 pending)"_s.arg(pending)),
              drainSeconds);
        QVERIFY2(drained, qPrintable(u"%1 still pending"_s.arg(pending)));
        QVERIFY2(result.clean(), qPrintable(result.summary() + u"; lost: "_s +
                                            result.lostBodies.mid(0, 5).join(u" | "_s)));
        QVERIFY2(drainSeconds <= 10, qPrintable(QString::number(drainSeconds)));
    }

    // A screen reader hears what the eye sees under a message: "Sending…" while it waits, "Not
    // sent" once the server refused it for good.
    void sendStateIsInAccessibleName()
    {
        const auto app = openApp(m_server.url());
        MainWindow *main = app->main();
        main->resize(1000, 700);
        HistoryModel *history = main->history();
        const auto nameOfLast = [&] {
            QAccessibleInterface *view = QAccessible::queryAccessibleInterface(main->messageView());
            QAccessibleTableInterface *table = view ? view->tableInterface() : nullptr;
            QAccessibleInterface *cell =
                table ? table->cellAt(history->rowCount() - 1, 0) : nullptr;
            return cell ? cell->text(QAccessible::Name) : QString();
        };
        const auto stateOfLast = [&] {
            return MessageDelegate::stateText(history->index(history->rowCount() - 1));
        };

        m_server.kill();
        QTRY_VERIFY_WITH_TIMEOUT(app->account()->connection() != Account::Connection::Online,
                                 10000);
        const QString waiting = u"accessible: waiting for the server"_s;
        QVERIFY(type(main, waiting));
        QTRY_VERIFY_WITH_TIMEOUT(
            history->rowCount() > 0 && history->messages().last().body == waiting, 10000);
        QVERIFY(!stateOfLast().isEmpty());
        QVERIFY2(nameOfLast().contains(waiting) && nameOfLast().contains(stateOfLast()),
                 qPrintable(nameOfLast()));

        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
        QTRY_COMPARE_WITH_TIMEOUT(app->chat()->outbox()->pendingCount(), 0, 20000);
        // Longer than the server takes (10,000 characters): refused for good.
        QInputMethodEvent tooLong;
        tooLong.setCommitString(QString(10001, u'x'));
        QApplication::sendEvent(main->composer(), &tooLong);
        QTest::keyClick(main->composer(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() > 0 &&
                                     history->messages().last().state == Message::State::Failed,
                                 20000);
        QVERIFY(!stateOfLast().isEmpty());
        QVERIFY2(nameOfLast().contains(stateOfLast()), qPrintable(nameOfLast().right(80)));
    }

    // The same 200 messages through a proxy that answers one send in ten badly. Each bad answer
    // is one the outbox must retry (with backoff, or after retry_after) without being told to:
    // none may mark a message sent that the server does not have, or "not sent" for good.
    void badAnswersToSends()
    {
        test::FaultProxy proxy(m_server.url());
        QVERIFY(proxy.listen());
        const auto app = openApp(proxy.url());
        MainWindow *main = app->main();
        const QString conversation = main->openConversationId();
        QVERIFY(!conversation.isEmpty());
        using Fault = test::FaultProxy::Fault;
        // Twelve faults a cycle, two of them stalls: about 22 faults over the run.
        proxy.setSchedule(10, int(seed() % 10),
                          {Fault::ServerErrorHtml, Fault::NoContent, Fault::RateLimited,
                           Fault::EmptyObject, Fault::CommittedThenClosed, Fault::Stall,
                           Fault::CaptivePortal, Fault::EmptyOk, Fault::CommittedThen500,
                           Fault::ServerErrorHtml, Fault::RateLimited, Fault::NoContent});
        QSignalSpy changes(app->chat(), &Chat::messageChanged);
        QRandomGenerator random(seed());

        QStringList written;
        const qint64 started = proxy.now();
        for (int i = 0; i < MessageCount; ++i) {
            written.append(u"fault %1 of %2: 답이 이상해도 한 번만"_s.arg(i + 1, 3, 10, QChar(u'0'))
                               .arg(MessageCount));
            QVERIFY2(type(main, written.last()), qPrintable(written.last()));
            QTest::qWait(20 + int(random.bounded(60)));
        }
        const qint64 typed = proxy.now();
        // Drained, or given up: nothing on its way and no send tried for 15 s (longer than any
        // backoff or retry_after of this run) while messages wait.
        constexpr int Quiet = 15000;
        qint64 drainedAt = -1;
        (void)QTest::qWaitFor(
            [&] {
                if (app->chat()->outbox()->pendingCount() == 0 && proxy.sendsInFlight() == 0) {
                    drainedAt = proxy.now();
                    return true;
                }
                return proxy.sendsInFlight() == 0 && proxy.now() - proxy.lastSendActivity() > Quiet;
            },
            180000);
        const int pending = app->chat()->outbox()->pendingCount();
        int markedFailed = 0;
        for (const QList<QVariant> &args : std::as_const(changes))
            markedFailed += args.first().value<Message>().state == Message::State::Failed;
        const Tally result = tally(
            written,
            startingWith(serverBodies(app->api.get(), app->account()->accessToken(), conversation),
                         u"fault "_s));

        QStringList kinds;
        const auto injected = proxy.injectedByKind();
        for (auto it = injected.cbegin(); it != injected.cend(); ++it)
            kinds.append(u"%1 %2"_s.arg(test::FaultProxy::name(it.key())).arg(it.value()));
        const double sinceLastFault =
            drainedAt >= 0
                ? double(drainedAt - std::max<qint64>(proxy.lastFaultEnded(), typed)) / 1000
                : -1;
        qInfo("%d messages through a proxy answering 1 send in 10 badly: %d faults (%s); "
              "%d send attempts, %d reached the server",
              MessageCount, proxy.injectedTotal(), qPrintable(kinds.join(u", "_s)),
              proxy.sendAttempts(), proxy.forwardedSends());
        qInfo("%s, %d marked \"not sent\", %s; typed in %.1f s, last fault ended at %.1f s, "
              "drained at %s",
              qPrintable(result.summary()), markedFailed,
              drainedAt >= 0 ? "drained" : qPrintable(u"NOT drained (%1 pending)"_s.arg(pending)),
              double(typed - started) / 1000, double(proxy.lastFaultEnded() - started) / 1000,
              drainedAt >= 0 ? qPrintable(u"%1 s (%2 s after the last fault)"_s
                                              .arg(double(drainedAt - started) / 1000, 0, 'f', 1)
                                              .arg(sinceLastFault, 0, 'f', 1))
                             : "never");
        QVERIFY2(drainedAt >= 0,
                 qPrintable(
                     u"%1 still pending, nothing sent for %2 s"_s.arg(pending).arg(Quiet / 1000)));
        QVERIFY2(result.clean(), qPrintable(result.summary() + u"; lost: "_s +
                                            result.lostBodies.mid(0, 5).join(u" | "_s)));
        QCOMPARE(markedFailed, 0);
        QVERIFY2(sinceLastFault <= 10, qPrintable(QString::number(sinceLastFault)));
        // Every kind of fault was really met.
        QCOMPARE(injected.size(), 9);
    }

    // A client process killed with SIGKILL ten times with messages queued: right after they were
    // written, while they drain, and while the server is down so that they wait. Each start
    // comes back from the remembered session (the real keychain) and sends what the last run
    // left, before what it is given.
    void clientKilledWithMessagesQueued()
    {
        // The reader is a separate session (its own profile) that reads the server's history.
        ApiClient readerApi(ServerAddress::parse(m_server.url().toString()), u"moim-desktop"_s,
                            u"0.1.0"_s);
        SessionManager reader(Profile(u"reader"_s), &readerApi, &m_secrets);
        PasswordLogin login(&reader, DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Jimin, Password, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
        const QString workspace = reader.account()->workspaces()->workspaces().at(0).id;
        reader.account()->fetchConversations(workspace);
        QTRY_VERIFY_WITH_TIMEOUT(!reader.account()->conversations(workspace).isEmpty(), 10000);
        const QString conversation = reader.account()->conversations(workspace).first().id;

        // The client talks through a proxy that, while it drains, lets a few sends out and then
        // holds the next one unanswered: so every kill finds messages still queued, however fast
        // the machine.
        test::FaultProxy proxy(m_server.url());
        QVERIFY(proxy.listen());
        proxy.setStallDuration(60000);
        const QStringList common{u"--server"_s, proxy.url().toString(), u"--conversation"_s,
                                 conversation};
        {
            Driver signIn(common + QStringList{u"--sign-in"_s, u"--email"_s, Jimin, u"--password"_s,
                                               Password});
            QVERIFY(signIn.start());
            QTRY_VERIFY2_WITH_TIMEOUT(signIn.finished(), qPrintable(signIn.log()), 30000);
            QVERIFY2(signIn.has(u"remembered"_s), qPrintable(signIn.log()));
        }

        QRandomGenerator random(seed());
        constexpr int Kills = 10;
        constexpr int Batch = 10;
        QStringList written;
        int queuedAtKill = 0;
        int killsWhileDraining = 0;
        int killsWhileServerDown = 0;
        for (int round = 0; round < Kills; ++round) {
            const bool serverDown = round % 3 == 1;
            if (serverDown)
                m_server.kill();
            else
                QVERIFY2(ensureServerRunning(), qPrintable(m_server.output()));
            // Killed after a few went out, the rest (and any left from before) still queued.
            const int sentBeforeKill = int(random.bounded(Batch / 2));
            QList<test::FaultProxy::Fault> schedule(sentBeforeKill, test::FaultProxy::Fault::None);
            schedule.append(
                QList<test::FaultProxy::Fault>(Batch * Kills, test::FaultProxy::Fault::Stall));
            proxy.setSchedule(serverDown ? 0 : 1, 0, schedule);
            const int heldBefore = proxy.injected(test::FaultProxy::Fault::Stall);
            Driver driver(common);
            QVERIFY(driver.start());
            QTRY_VERIFY2_WITH_TIMEOUT(driver.has(u"ready"_s), qPrintable(driver.log()), 15000);
            for (int i = 0; i < Batch; ++i) {
                written.append(u"killed %1: 앱이 죽어도 %2번째"_s
                                   .arg(int(written.size() + 1), 3, 10, QChar(u'0'))
                                   .arg(written.size() + 1));
                driver.write(written.last());
            }
            QTRY_VERIFY2_WITH_TIMEOUT(driver.count(u"queued "_s) == Batch, qPrintable(driver.log()),
                                      10000);
            if (serverDown) {
                QTest::qWait(int(random.bounded(300)));
                ++killsWhileServerDown;
            } else {
                (void)QTest::qWaitFor([&] { return driver.count(u"sent "_s) >= sentBeforeKill; },
                                      10000);
                // The next send is on its way and held: the kill comes mid-send.
                QTRY_VERIFY_WITH_TIMEOUT(
                    proxy.injected(test::FaultProxy::Fault::Stall) > heldBefore, 10000);
                killsWhileDraining += driver.count(u"sent "_s) > 0;
            }
            QVERIFY2(!driver.has(u"signed out"_s), qPrintable(driver.log()));
            queuedAtKill += driver.lastPending() > 0;
            driver.kill();
        }

        QVERIFY2(ensureServerRunning(), qPrintable(m_server.output()));
        proxy.setSchedule(0, 0, {});
        Driver last(common);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(last.start());
        const bool drained =
            QTest::qWaitFor([&] { return last.has(u"ready"_s) && last.lastPending() == 0; }, 30000);
        const double drainSeconds = double(clock.elapsed()) / 1000;
        const Tally result = tally(
            written,
            startingWith(serverBodies(&readerApi, reader.account()->accessToken(), conversation),
                         u"killed "_s));
        qInfo("client killed -9 %d times with messages queued (%d by its own count; %d while "
              "draining, %d while the server was down), %lld messages: %s, %s in %.1f s after "
              "the last start",
              Kills, queuedAtKill, killsWhileDraining, killsWhileServerDown,
              qlonglong(written.size()), qPrintable(result.summary()),
              drained ? "drained"
                      : qPrintable(u"NOT drained (%1 pending)"_s.arg(last.lastPending())),
              drainSeconds);
        QVERIFY2(drained, qPrintable(last.log()));
        QVERIFY2(result.clean(), qPrintable(result.summary() + u"; lost: "_s +
                                            result.lostBodies.mid(0, 5).join(u" | "_s)));
        QCOMPARE(queuedAtKill, Kills);
    }

    // A server that is down 5 s of every 10 s: the client reconnects every time, spends next to
    // nothing while it waits, and does not grow. Three cycles by default, to keep the suite short;
    // MOIM_FLAP_CYCLES=12 is the two-minute run.
    void flappingServerCostsLittle()
    {
        bool ok = false;
        const int requested = qEnvironmentVariableIntValue("MOIM_FLAP_CYCLES", &ok);
        const int cycles = ok && requested > 1 ? requested : 3;
        ApiClient api(ServerAddress::parse(m_server.url().toString()), u"moim-desktop"_s,
                      u"0.1.0"_s);
        SessionManager sessions(Profile(), &api, &m_secrets);
        PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Jimin, Password, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
        Account *account = sessions.account();
        QTRY_COMPARE_WITH_TIMEOUT(account->connection(), Account::Connection::Online, 10000);

        double offlineCpu = 0;
        double offlineWall = 0;
        int reconnects = 0;
        QStringList reconnectTimes; // seconds after each restart, "-" for none in the window
        qint64 rssAfterFirst = 0;
        QElapsedTimer clock;
        for (int cycle = 0; cycle < cycles; ++cycle) {
            m_server.kill();
            clock.start();
            const double cpuBefore = cpuSeconds();
            idle(5000);
            offlineCpu += cpuSeconds() - cpuBefore;
            offlineWall += double(clock.elapsed()) / 1000;
            QVERIFY(account->connection() != Account::Connection::Online);

            clock.start();
            QVERIFY2(m_server.restart(), qPrintable(m_server.output()));
            if (QTest::qWaitFor(
                    [&] { return account->connection() == Account::Connection::Online; },
                    int(std::max<qint64>(0, 5000 - clock.elapsed())))) {
                ++reconnects;
                reconnectTimes.append(QString::number(double(clock.elapsed()) / 1000, 'f', 1));
            } else {
                reconnectTimes.append(u"-"_s);
            }
            idle(int(std::max<qint64>(0, 5000 - clock.elapsed())));
            if (cycle == 0)
                rssAfterFirst = residentKiB();
        }
        const qint64 growth = residentKiB() - rssAfterFirst;
        const double cpuPercent = 100 * offlineCpu / offlineWall;
        qInfo("server down 5 s of every 10 s, %d cycles: reconnected %d times (s after each "
              "restart: %s); CPU while offline %.2f %% of a core, RSS growth %lld KiB over %d "
              "reconnects",
              cycles, reconnects, qPrintable(reconnectTimes.join(u' ')), cpuPercent,
              qlonglong(growth), std::max(0, reconnects - 1));
        QCOMPARE(reconnects, cycles);
        QVERIFY2(cpuPercent <= 1.0, qPrintable(QString::number(cpuPercent)));
        QVERIFY2(growth <= 2048, qPrintable(QString::number(growth)));
    }
};

QTEST_MAIN(TestE2eOutboxFaults)
#include "test_e2e_outbox_faults.moc"
