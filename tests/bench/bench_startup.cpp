// Start-up benchmark: time from process start to the first painted window, and peak RSS, for
// (1) a bare Qt Widgets window, (2) Moim's login window, (3) Moim's main window for a remembered
// session with 10 cached workspaces. Prints medians and ratios; it asserts only that each
// program painted. Run it inside scripts/with-private-keyring.sh (ctest does).
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/keychain_secret_store.h"

#include <QCoreApplication>
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

struct Sample
{
    qint64 ms = -1;
    qint64 rssKiB = -1;
    QString window;
};

Sample launch(const QString &program, const QStringList &arguments, const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"MOIM_REPORT_FIRST_PAINT"_s, u"1"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    if (!env.contains(u"QT_QPA_PLATFORM"_s))
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Sample sample;
    static const QRegularExpression report(u"first-paint (\\S+) rss-kb=(-?\\d+)"_s);
    QString output;
    while (process.waitForReadyRead(20000)) {
        output += QString::fromUtf8(process.readAllStandardOutput());
        const auto match = report.match(output);
        if (match.hasMatch()) {
            sample.ms = clock.elapsed();
            sample.window = match.captured(1);
            sample.rssKiB = match.captured(2).toLongLong();
            break;
        }
    }
    process.waitForFinished(10000);
    return sample;
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
            QList<Workspace> workspaces = sessions.account()->workspaces()->workspaces();
            for (int i = int(workspaces.size()); i < 10; ++i) {
                workspaces.append({u"w_bench_%1"_s.arg(i), u"벤치 워크스페이스 %1"_s.arg(i),
                                   u"Bench %1"_s.arg(i), u"벤"_s, u"#7A5AF8"_s, u"member"_s});
            }
            QVERIFY(sessions.account()->cache()->storeWorkspaces(workspaces));
            QTRY_VERIFY_WITH_TIMEOUT(
                sessions.account()->connection() == Account::Connection::Online, 10000);
        }

        QList<Sample> bareRuns, loginRuns, mainRuns;
        for (int i = 0; i < Runs; ++i) {
            QTemporaryDir fresh;
            bareRuns.append(launch(bare, {}, fresh.path()));
            loginRuns.append(launch(moimApp, {u"--server"_s, serverUrl}, fresh.path()));
            mainRuns.append(launch(moimApp, {u"--server"_s, serverUrl}, remembered.path()));
        }
        const Sample b = median(bareRuns), l = median(loginRuns), m = median(mainRuns);
        QVERIFY(b.ms > 0 && l.ms > 0 && m.ms > 0);
        QCOMPARE(l.window, u"moim::ui::LoginWindow"_s);
        QCOMPARE(m.window, u"moim::ui::MainWindow"_s);

        std::printf("\nStart-up, median of %d runs (process start → first painted window)\n", Runs);
        std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS\n", "bare Qt Widgets window",
                    static_cast<long long>(b.ms), double(b.rssKiB) / 1024.0);
        std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS  (%.2fx bare time)\n",
                    "Moim login window (signed out)", static_cast<long long>(l.ms),
                    double(l.rssKiB) / 1024.0, double(l.ms) / double(b.ms));
        std::printf("  %-44s %6lld ms  %6.1f MiB peak RSS  (%.2fx bare time)\n",
                    "Moim main window (remembered, 10 workspaces)", static_cast<long long>(m.ms),
                    double(m.rssKiB) / 1024.0, double(m.ms) / double(b.ms));
        std::fflush(stdout);
    }
};

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
