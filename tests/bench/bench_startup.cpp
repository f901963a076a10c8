// Start-up benchmark: time from process start to the first painted window, and peak RSS, for
// (1) a bare Qt Widgets window, (2) Moim's login window, (3) Moim's main window for a remembered
// session with 10 cached workspaces, with an empty cache and with a year of messages in it
// (10 workspaces × 20 conversations, 100,000 messages; MOIM_BENCH_CACHE_MESSAGES sets another
// count, e.g. 1000000), and the resident memory once the main window has settled. Prints
// medians and ratios; it asserts only that each program painted. Run it inside
// scripts/with-private-keyring.sh (ctest does).
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/keychain_secret_store.h"
#include "storage/local_cache.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstdio>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

#ifdef MOIM_SANITIZED_BUILD
// Under AddressSanitizer filling the cache takes several times longer: a fifth of the messages.
// Such a run's figures are not the product's.
constexpr int DataDivisor = 5;
#else
constexpr int DataDivisor = 1;
#endif

struct Sample
{
    qint64 ms = -1;
    qint64 rssKiB = -1;
    qint64 settledRssKiB = -1; // only when asked to settle
    QString window;
    // Start-up's marks as the program reported them: name → ms since main() began.
    QList<std::pair<QString, double>> phases;

    double phaseEnd(const QString &name) const
    {
        for (const auto &[phase, endMs] : phases) {
            if (phase == name)
                return endMs;
        }
        return -1;
    }
};

// Where the time to the first frame went, phase by phase: the time between a mark and the one
// before it, and before main() the loading and linking of the program and its libraries (the
// rest of the time measured from outside).
void printPhases(const char *title, const Sample &sample)
{
    static const QList<std::pair<QString, const char *>> described = {
        {u"application"_s, "QApplication: platform plugin, fonts, style"},
        {u"language"_s, "profile, preferences, translation"},
        {u"theme"_s, "theme, palette, style sheet"},
        {u"session"_s, "keychain, session, window controller"},
        {u"window-built"_s, "window built"},
        {u"window-shown"_s, "window shown: polish and layout"},
        {u"paint-event"_s, "until the first paint event"},
        {u"painted"_s, "first paint"},
    };
    const double painted = sample.phaseEnd(u"painted"_s);
    if (painted < 0) {
        std::printf("  %s: the program reported no phases\n", title);
        return;
    }
    std::printf("  %s, median run:\n", title);
    std::printf("    %-46s %6.1f ms\n", "before main(): loading and linking",
                double(sample.ms) - painted);
    double previous = sample.phaseEnd(u"main"_s);
    for (const auto &[name, text] : described) {
        const double end = sample.phaseEnd(name);
        if (end < 0)
            continue;
        std::printf("    %-46s %6.1f ms\n", text, end - previous);
        previous = end;
    }
}

// Starts `program` and reads its first-paint report; with `settleMs`, also its resident memory
// that long after the first frame.
Sample launch(const QString &program, const QStringList &arguments, const QString &home,
              int settleMs = 0)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MOIM_REPORT_FIRST_PAINT"_s, u"1"_s);
    env.insert(u"MOIM_REPORT_SETTLED_MS"_s, QString::number(settleMs));
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Sample sample;
    static const QRegularExpression report(
        u"first-paint (\\S+) rss-kb=(-?\\d+)(?: phases=(\\S*))?\\n"_s);
    QString output;
    while (process.waitForReadyRead(20000)) {
        output += QString::fromUtf8(process.readAllStandardOutput());
        const auto match = report.match(output);
        if (match.hasMatch()) {
            sample.ms = clock.elapsed();
            sample.window = match.captured(1);
            sample.rssKiB = match.captured(2).toLongLong();
            for (const QString &phase : match.captured(3).split(u',', Qt::SkipEmptyParts)) {
                const qsizetype colon = phase.lastIndexOf(u':');
                sample.phases.append({phase.left(colon), phase.mid(colon + 1).toDouble()});
            }
            break;
        }
    }
    if (settleMs > 0 && sample.ms > 0) {
        static const QRegularExpression settled(u"settled rss-kb=(\\d+)"_s);
        while (!settled.match(output).hasMatch() && process.waitForReadyRead(settleMs + 20000))
            output += QString::fromUtf8(process.readAllStandardOutput());
        if (const auto match = settled.match(output); match.hasMatch())
            sample.settledRssKiB = match.captured(1).toLongLong();
    }
    process.waitForFinished(10000);
    return sample;
}

Sample medianSettled(QList<Sample> samples)
{
    std::sort(samples.begin(), samples.end(),
              [](const Sample &a, const Sample &b) { return a.settledRssKiB < b.settledRssKiB; });
    return samples.at(samples.size() / 2);
}

// A copy of a profile folder, files and all.
bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator files(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString source = files.next();
        const QString target = to + source.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

// A year of a busy account in its cache: every workspace gets 20 conversations, and `messages`
// messages are spread over them, each conversation's history in order.
bool fillCache(const QString &cacheFile, const QList<Workspace> &workspaces, int messages)
{
    LocalCache cache;
    if (cache.open(cacheFile) == LocalCache::OpenResult::Failed)
        return false;
    constexpr int ConversationsEach = 20;
    QStringList conversationIds;
    for (const Workspace &workspace : workspaces) {
        QList<Conversation> conversations;
        for (int i = 0; i < ConversationsEach; ++i) {
            Conversation conversation;
            conversation.id = u"c_bench_%1_%2"_s.arg(workspace.id).arg(i);
            conversation.workspaceId = workspace.id;
            conversation.name = u"채널-%1"_s.arg(i);
            conversation.lastActivity = 1700000000 + messages;
            conversations.append(conversation);
            conversationIds.append(conversation.id);
        }
        if (!cache.storeConversations(workspace.id, conversations))
            return false;
    }
    // In batches, as a sync would store them.
    constexpr int Batch = 5000;
    for (int first = 0; first < messages; first += Batch) {
        QList<Message> batch;
        for (int i = first; i < std::min(messages, first + Batch); ++i) {
            Message message;
            message.conversationId = conversationIds.at(i % conversationIds.size());
            message.seq = i / conversationIds.size() + 1;
            message.id = u"m_bench_%1"_s.arg(i);
            message.localId = message.id;
            message.authorId = i % 3 ? u"u_bench_colleague"_s : u"u_bench_lead"_s;
            message.authorName = i % 3 ? u"동료"_s : u"팀장"_s;
            message.body = u"회의 자료 %1번 공유드립니다 — the numbers for this week, see the "
                           u"sheet before Thursday"_s.arg(i);
            message.createdAt = 1700000000 + i;
            batch.append(message);
        }
        if (!cache.storeMessages(batch))
            return false;
    }
    return true;
}

Sample median(QList<Sample> samples)
{
    std::sort(samples.begin(), samples.end(),
              [](const Sample &a, const Sample &b) { return a.ms < b.ms; });
    return samples.at(samples.size() / 2);
}

} // namespace

class BenchStartup : public QObject
{
    Q_OBJECT

    static constexpr int Runs = 7;

private Q_SLOTS:
    void startup()
    {
        const QString binDir = QCoreApplication::applicationDirPath();
        const QString bare = binDir + u"/bench_bare_window"_s;
        const QString moimApp = qEnvironmentVariable("MOIM_APP_BIN");
        QVERIFY2(QFile::exists(moimApp), "MOIM_APP_BIN must name the moim executable");

        test::MockServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        const QString serverUrl = server.url().toString();

        // A profile with a remembered session and 10 cached workspaces.
        QTemporaryDir remembered;
        QString cacheFile;
        QList<Workspace> workspaces;
        qputenv("XDG_CONFIG_HOME", (remembered.path() + u"/config"_s).toUtf8());
        qputenv("XDG_DATA_HOME", (remembered.path() + u"/data"_s).toUtf8());
        {
            const Profile profile;
            ApiClient api(ServerAddress::parse(serverUrl), u"moim-desktop"_s, u"0.1.0"_s);
            KeychainSecretStore secrets(SessionManager::keychainService(profile, &api));
            SessionManager sessions(profile, &api, &secrets);
            PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
            login.submit(u"jimin.kim@moim.example"_s, u"seoul-spring-gathering"_s, true, false);
            QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
            cacheFile = profile.accountDir(sessions.account()->identity().id) + u"/cache.sqlite"_s;
            workspaces = sessions.account()->workspaces()->workspaces();
            for (int i = int(workspaces.size()); i < 10; ++i) {
                workspaces.append({u"w_bench_%1"_s.arg(i), u"벤치 워크스페이스 %1"_s.arg(i),
                                   u"Bench %1"_s.arg(i), u"벤"_s, u"#7A5AF8"_s, u"member"_s});
            }
            QVERIFY(sessions.account()->cache()->storeWorkspaces(workspaces));
            QTRY_VERIFY_WITH_TIMEOUT(
                sessions.account()->connection() == Account::Connection::Online, 10000);
        }

        // The same profile with a year of messages in its cache.
        const int cachedMessages =
            qEnvironmentVariableIntValue("MOIM_BENCH_CACHE_MESSAGES") > 0
                ? qEnvironmentVariableIntValue("MOIM_BENCH_CACHE_MESSAGES") / DataDivisor
                : 100000 / DataDivisor;
        QTemporaryDir busy;
        QVERIFY(copyFolder(remembered.path(), busy.path()));
        QElapsedTimer filling;
        filling.start();
        QVERIFY(fillCache(busy.path() + cacheFile.mid(remembered.path().size()), workspaces,
                          cachedMessages));
        const double fillSeconds = double(filling.elapsed()) / 1000.0;
        const qint64 cacheBytes =
            QFileInfo(busy.path() + cacheFile.mid(remembered.path().size())).size();

        QList<Sample> bareRuns, loginRuns, koreanLoginRuns, mainRuns, busyRuns;
        for (int i = 0; i < Runs; ++i) {
            QTemporaryDir fresh;
            bareRuns.append(launch(bare, {}, fresh.path()));
            loginRuns.append(launch(moimApp, {u"--server"_s, serverUrl}, fresh.path()));
            koreanLoginRuns.append(
                launch(moimApp, {u"--server"_s, serverUrl, u"--lang"_s, u"ko"_s}, fresh.path()));
            mainRuns.append(launch(moimApp, {u"--server"_s, serverUrl}, remembered.path()));
            busyRuns.append(launch(moimApp, {u"--server"_s, serverUrl}, busy.path()));
        }
        // Resident memory once the window has settled: its deferred work done, the server's
        // first answers in.
        constexpr int SettleMs = 2000;
        constexpr int SettleRuns = 3;
        QList<Sample> settledLogin, settledMain, settledBusy;
        for (int i = 0; i < SettleRuns; ++i) {
            QTemporaryDir fresh;
            settledLogin.append(
                launch(moimApp, {u"--server"_s, serverUrl}, fresh.path(), SettleMs));
            settledMain.append(
                launch(moimApp, {u"--server"_s, serverUrl}, remembered.path(), SettleMs));
            settledBusy.append(launch(moimApp, {u"--server"_s, serverUrl}, busy.path(), SettleMs));
        }
        const Sample b = median(bareRuns), l = median(loginRuns), k = median(koreanLoginRuns),
                     m = median(mainRuns), y = median(busyRuns);
        QVERIFY(b.ms > 0 && l.ms > 0 && m.ms > 0 && y.ms > 0);
        QCOMPARE(y.window, u"moim::ui::MainWindow"_s);
        QCOMPARE(l.window, u"moim::ui::LoginWindow"_s);
        QCOMPARE(k.window, u"moim::ui::LoginWindow"_s);
        QCOMPARE(m.window, u"moim::ui::MainWindow"_s);

        std::printf("\nStart-up, median of %d runs (process start → first painted window)\n", Runs);
        std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS\n", "bare Qt Widgets window",
                    static_cast<long long>(b.ms), double(b.rssKiB) / 1024.0);
        const auto printLogin = [&b](const char *title, const Sample &login) {
            std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS  (%.2fx bare time, %.2fx bare RSS)\n",
                        title, static_cast<long long>(login.ms), double(login.rssKiB) / 1024.0,
                        double(login.ms) / double(b.ms), double(login.rssKiB) / double(b.rssKiB));
        };
        printLogin("Moim login window (signed out, English)", l);
        printLogin("Moim login window (signed out, Korean)", k);
        std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS  (%.2fx bare time)\n",
                    "Moim main window (remembered, 10 workspaces)", static_cast<long long>(m.ms),
                    double(m.rssKiB) / 1024.0, double(m.ms) / double(b.ms));
        const QByteArray busyTitle =
            u"Moim main window (%1 cached messages)"_s.arg(cachedMessages).toUtf8();
        std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS  (%.2fx the empty cache's time)\n",
                    busyTitle.constData(), static_cast<long long>(y.ms), double(y.rssKiB) / 1024.0,
                    double(y.ms) / double(m.ms));
        std::printf("    (the cache: 10 workspaces × 20 conversations, %d messages, %.1f MiB, "
                    "filled in %.1f s)\n",
                    cachedMessages, double(cacheBytes) / (1024.0 * 1024.0), fillSeconds);
        if (DataDivisor > 1)
            std::printf("    (a sanitized build: a fifth of the messages; the figures are not the "
                        "product's)\n");

        std::printf("\nResident memory %d ms after the first frame, median of %d runs\n", SettleMs,
                    SettleRuns);
        const auto printSettled = [](const char *title, const Sample &sample) {
            std::printf("  %-44s %6.1f MiB resident  %6.1f MiB at the first frame\n", title,
                        double(sample.settledRssKiB) / 1024.0, double(sample.rssKiB) / 1024.0);
        };
        printSettled("Moim login window", medianSettled(settledLogin));
        printSettled("Moim main window (remembered, empty cache)", medianSettled(settledMain));
        printSettled(busyTitle.constData(), medianSettled(settledBusy));
        std::printf("\nWhere the time to the first frame goes\n");
        printPhases("bare Qt Widgets window", b);
        printPhases("Moim login window (English)", l);
        printPhases("Moim login window (Korean)", k);
        printPhases("Moim main window (remembered)", m);
        printPhases(busyTitle.constData(), y);
        std::fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
