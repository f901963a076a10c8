// "This is a shared computer" when the session never ends cleanly: a real client process signs
// in on a shared computer against the real server, writes messages into its local data and is
// killed with SIGKILL. The next start of the same profile, by anyone, must find nothing of it —
// deleted before anything is restored or shown — and offer the same choice on the sign-in page.
// And the real app quits cleanly on SIGTERM, as at the end of a desktop session.
#include "auth/session_manager.h"
#include "login/login_window.h"
#include "login/password_page.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "platform/single_instance.h"
#include "secrets/memory_secret_store.h"
#include "window_controller.h"

#include <QCheckBox>
#include <QDirIterator>
#include <QProcess>
#include <QUuid>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

// Every file under `dir` whose bytes contain `marker`.
QStringList filesHolding(const QString &dir, const QByteArray &marker)
{
    QStringList found;
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(marker))
            found.append(file.fileName());
    }
    return found;
}
} // namespace

class TestE2eSharedComputer : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void killedSessionLeavesNothingForTheNextStart()
    {
        const QByteArray marker = "shared-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        // The client inherits this test's XDG folders: the same profile on the same computer.
        QProcess client;
        client.setProcessChannelMode(QProcess::MergedChannels);
        client.start(QCoreApplication::applicationDirPath() + u"/shared_computer_session"_s,
                     {m_server.url().toString(), Jimin, Password, QString::fromLatin1(marker)});
        QVERIFY2(client.waitForStarted(), qPrintable(client.errorString()));
        QByteArray output;
        QString accountDir;
        const auto readyLine = [&] {
            output += client.readAll();
            const qsizetype ready = output.indexOf("READY ");
            const qsizetype end = ready < 0 ? -1 : output.indexOf('\n', ready);
            if (end < 0)
                return false;
            accountDir = QString::fromUtf8(output.mid(ready + 6, end - ready - 6));
            return true;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(readyLine(), output.constData(), 60000);
        QVERIFY(!filesHolding(accountDir, marker).isEmpty());

        // No quit, no logout, no destructor: as in a crash or a power cut.
        client.kill();
        QVERIFY(client.waitForFinished(10000));
        QCOMPARE(client.exitStatus(), QProcess::CrashExit);
        QVERIFY2(!filesHolding(m_home->path(), marker).isEmpty(), "the killed client left no data");

        // The next start of this profile, whoever it is.
        ApiClient api(ServerAddress::parse(m_server.url().toString()), u"moim-desktop"_s,
                      u"0.1.0"_s);
        MemorySecretStore secrets;
        SessionManager next(Profile(), &api, &secrets);
        // Gone before anything could restore or paint it: the whole folder, and every byte of the
        // old user's messages anywhere in the profile.
        QVERIFY(!QDir(accountDir).exists());
        QCOMPARE(filesHolding(m_home->path(), marker), QStringList());
        QVERIFY(next.accountsMarkedForDeletion().isEmpty());

        WindowController windows(&next);
        windows.start();
        QCOMPARE(next.state(), SessionManager::State::SignedOut);
        LoginWindow *login = windows.loginWindow();
        QVERIFY(login && login->isVisible());
        QCOMPARE(login->currentPage(), LoginWindow::Page::Password);
        // The next person is at the same shared computer: nobody is remembered by default.
        QVERIFY(login->passwordPage()->sharedComputerBox()->isChecked());
        QVERIFY(!login->passwordPage()->keepSignedInBox()->isChecked());
        QVERIFY(!login->passwordPage()->keepSignedInBox()->isEnabled());
    }

    // Quit is what deletes a shared-computer session's data at once (above, the next start does
    // it). The desktop session ending or a shutdown send SIGTERM: Moim quits as from its menu.
    void terminationSignalQuitsLikeQuit()
    {
        const QString profile = u"signal-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
        QProcess moim;
        moim.setProcessChannelMode(QProcess::MergedChannels);
        moim.start(qEnvironmentVariable("MOIM_APP_BIN"),
                   {u"--server"_s, m_server.url().toString(), u"--profile"_s, profile});
        QVERIFY2(moim.waitForStarted(), qPrintable(moim.errorString()));
        // Running its event loop once a second start of the profile is answered.
        SingleInstance second(profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            moim.state() != QProcess::Running || second.sendToPrimary({}, 1000), 30000);
        QVERIFY2(moim.state() == QProcess::Running, moim.readAll().constData());
        moim.terminate(); // SIGTERM
        QVERIFY(moim.waitForFinished(30000));
        const QByteArray output = moim.readAll();
        QVERIFY2(moim.exitStatus() == QProcess::NormalExit, output.constData());
        QVERIFY2(moim.exitCode() == 0, output.constData());
    }
};

QTEST_MAIN(TestE2eSharedComputer)
#include "test_e2e_shared_computer.moc"
