// "Start Moim when I log in": the XDG autostart entry is written where desktops look, starts
// this profile in the background, survives odd program paths, validates, and goes away again.
#include "mock_server_process.h"
#include "platform/autostart_entry.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

QString read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString execValue(const QString &contents)
{
    for (const QString &line : contents.split(u'\n')) {
        if (line.startsWith("Exec="_L1))
            return line.mid(5);
    }
    return {};
}

} // namespace

class TestAutostartEntry : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::IsolatedHome> m_home;

private Q_SLOTS:
    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void enableWritesTheEntryAndDisableRemovesIt()
    {
        const AutostartEntry entry(u"default"_s, u"/usr/bin/moim"_s);
        QCOMPARE(entry.filePath(), m_home->path() + u"/config/autostart/moim.desktop"_s);
        QVERIFY(!entry.isEnabled());

        QString error;
        QVERIFY2(entry.setEnabled(true, &error), qPrintable(error));
        QVERIFY(entry.isEnabled());
        const QString contents = read(entry.filePath());
        QVERIFY(contents.startsWith("[Desktop Entry]\n"_L1));
        QVERIFY(contents.contains("\nType=Application\n"_L1));
        QVERIFY(contents.contains(u"\nName[ko]=모임\n"_s));
        QCOMPARE(execValue(contents), u"/usr/bin/moim --background"_s);

        QVERIFY(entry.setEnabled(false));
        QVERIFY(!QFile::exists(entry.filePath()));
        QVERIFY(!entry.isEnabled());
        QVERIFY(entry.setEnabled(false)); // already off: nothing to do, no error
    }

    void otherProfilesGetTheirOwnEntry()
    {
        const AutostartEntry work(u"work"_s, u"/usr/bin/moim"_s);
        const AutostartEntry home(u"default"_s, u"/usr/bin/moim"_s);
        QVERIFY(work.filePath().endsWith("/autostart/moim-work.desktop"_L1));
        QVERIFY(work.setEnabled(true));
        QVERIFY(!home.isEnabled());
        QCOMPARE(execValue(read(work.filePath())), u"/usr/bin/moim --background --profile work"_s);
    }

    void oddProgramPathsAreQuoted()
    {
        // (Raw string literals would read better here, but moc's lexer loses its way in them.)
        // Spaces, a dollar sign, a percent sign and a backslash, each escaped the way the
        // Desktop Entry Specification says (and the backslash once more as a string value).
        const AutostartEntry entry(u"default"_s, u"/opt/My Apps/mo$im%1\\bin"_s);
        QVERIFY(entry.setEnabled(true));
        QCOMPARE(execValue(read(entry.filePath())),
                 u"\"/opt/My Apps/mo\\\\$im%%1\\\\\\\\bin\" --background"_s);
        QCOMPARE(AutostartEntry::quoteExecArgument(u"plain"_s), u"plain"_s);
        QCOMPARE(AutostartEntry::quoteExecArgument(u"a\"b"_s), u"\"a\\\"b\""_s);
        QCOMPARE(AutostartEntry::quoteExecArgument(QString()), u"\"\""_s);
    }

    void entryPassesDesktopFileValidate()
    {
        const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
        if (validator.isEmpty())
            QSKIP("desktop-file-validate is not installed (scripts/install-deps.sh installs it)");
        const AutostartEntry entry(u"work"_s, u"/opt/My Apps/moim"_s);
        QVERIFY(entry.setEnabled(true));
        QProcess process;
        process.start(validator, {entry.filePath()});
        QVERIFY(process.waitForFinished(10000));
        const QString output =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0 && !output.contains("error"_L1), qPrintable(output));
    }

    void switchedOffByTheDesktopCountsAsOff()
    {
        // Desktops' own start-up settings switch an entry off in place; Moim must agree.
        const AutostartEntry entry(u"default"_s, u"/usr/bin/moim"_s);
        QVERIFY(entry.setEnabled(true));
        for (const QString &key : {u"Hidden=true"_s, u"X-GNOME-Autostart-enabled=false"_s}) {
            QString contents = read(entry.filePath());
            contents.replace("X-GNOME-Autostart-enabled=true\n"_L1, QString());
            contents += key + u'\n';
            QFile file(entry.filePath());
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(contents.toUtf8());
            file.close();
            QVERIFY2(!entry.isEnabled(), qPrintable(key));
            // Turning it on again writes a fresh entry.
            QVERIFY(entry.setEnabled(true));
            QVERIFY(entry.isEnabled());
        }
    }

    void aFolderThatCannotBeCreatedIsAnError()
    {
        // A file where the autostart folder should be: nothing can be written there.
        QFile blocker(m_home->path() + u"/config/autostart"_s);
        QDir().mkpath(m_home->path() + u"/config"_s);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const AutostartEntry entry(u"default"_s, u"/usr/bin/moim"_s);
        QString error;
        QVERIFY(!entry.setEnabled(true, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!entry.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestAutostartEntry)
#include "test_autostart_entry.moc"
