// The log on disk: in $XDG_STATE_HOME, private, rotated by size, with secrets blanked, and
// debug output only with --verbose.
#include "platform/log_file.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTest, "moim.test.log")

namespace {
QString read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void livesInTheStateFolder()
    {
        QTemporaryDir dir;
        qputenv("XDG_STATE_HOME", dir.path().toUtf8());
        QCOMPARE(LogFile::defaultDirectory(u"work"_s), dir.path() + u"/moim/work"_s);
        // A relative XDG_STATE_HOME is invalid by the specification and ignored.
        qputenv("XDG_STATE_HOME", "relative/state");
        QCOMPARE(LogFile::defaultDirectory(u"work"_s),
                 QDir::homePath() + u"/.local/state/moim/work"_s);
        qunsetenv("XDG_STATE_HOME");
        QCOMPARE(LogFile::defaultDirectory(u"default"_s),
                 QDir::homePath() + u"/.local/state/moim/default"_s);

        LogFile log(dir.path() + u"/moim/work"_s);
        QVERIFY(log.open());
        QCOMPARE(QFile::permissions(dir.path() + u"/moim/work"_s),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                     QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
        QCOMPARE(QFile::permissions(log.filePath()) &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void secretsNeverReachTheFile_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer") << u"GET /api/v1/me Authorization: Bearer eyJhbGciOi.abc.def"_s
                                << u"eyJhbGciOi.abc.def"_s;
        QTest::newRow("invite link")
            << u"opening moim://invite/Zm9vYmFyYmF6cXV4MTIz"_s << u"Zm9vYmFyYmF6cXV4MTIz"_s;
        QTest::newRow("reset link")
            << u"link: \"moim://reset/q1w2e3r4t5y6u7i8\""_s << u"q1w2e3r4t5y6u7i8"_s;
        QTest::newRow("json token")
            << u"{\"refresh_token\": \"r3fr3sh-s3cr3t\", \"id\": 4}"_s << u"r3fr3sh-s3cr3t"_s;
        QTest::newRow("json password")
            << u"body {\"email\":\"a@b\",\"password\":\"p\\\"w d\"}"_s << u"w d"_s;
        QTest::newRow("json code") << u"{\"code\": 123456}"_s << u"123456"_s;
        QTest::newRow("recovery codes")
            << u"{\"recovery_codes\": [\"abcd-efgh\", \"ijkl\"]}"_s << u"abcd-efgh"_s;
        QTest::newRow("otpauth secret")
            << u"otpauth://totp/Moim:jimin?secret=JBSWY3DPEHPK3PXP&issuer=Moim"_s
            << u"JBSWY3DPEHPK3PXP"_s;
        QTest::newRow("query token")
            << u"/join?token=abcdef0123456789&x=1"_s << u"abcdef0123456789"_s;
    }

    void secretsNeverReachTheFile()
    {
        QFETCH(QString, message);
        QFETCH(QString, secret);
        const QString redacted = LogFile::redact(message);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(redacted.contains("[redacted]"_L1), qPrintable(redacted));

        QTemporaryDir dir;
        LogFile log(dir.path());
        QVERIFY(log.open());
        log.write(QtInfoMsg, u"moim.core.api"_s, message);
        const QString written = read(log.filePath());
        QVERIFY(written.contains("info moim.core.api: "_L1));
        QVERIFY2(!written.contains(secret), qPrintable(written));
    }

    void harmlessTextStaysReadable()
    {
        const QString message = u"/api/v1/auth/login failed: invalid_credentials 유효하지 않음"_s;
        QCOMPARE(LogFile::redact(message), message);
    }

    void rotatesBySize()
    {
        QTemporaryDir dir;
        LogFile log(dir.path(), 1000, 2);
        QVERIFY(log.open());
        const QString line(100, u'x');
        for (int i = 0; i < 40; ++i)
            log.write(QtWarningMsg, u"moim.test"_s, u"%1 "_s.arg(i) + line);
        const QString base = log.filePath();
        QVERIFY(QFile::exists(base + u".1"_s));
        QVERIFY(QFile::exists(base + u".2"_s));
        QVERIFY(!QFile::exists(base + u".3"_s)); // only two old files are kept
        for (const QString &path : {base, base + u".1"_s, base + u".2"_s})
            QVERIFY2(QFileInfo(path).size() <= 1000, qPrintable(path));
        // The newest line is in the current file, older ones moved along.
        QVERIFY(read(base).contains("39 x"_L1));
        QVERIFY(read(base + u".1"_s).contains("x\n"_L1));
        QVERIFY(!read(base).contains(" 0 x"_L1));

        // A file already full at start is rotated before the first line.
        LogFile again(dir.path(), 100, 2);
        QVERIFY(again.open());
        QCOMPARE(QFileInfo(base).size(), 0);
    }

    void verboseAddsDebugOutput()
    {
        QTemporaryDir dir;
        {
            LogFile log(dir.path() + u"/quiet"_s);
            QVERIFY(log.open());
            log.install(false);
            qCDebug(lcTest) << "detail only for --verbose";
            qCInfo(lcTest) << "signed in";
            qCWarning(lcTest) << "token"
                              << "Bearer abc.def";
        }
        const QString quiet = read(dir.path() + u"/quiet/moim.log"_s);
        QVERIFY(quiet.contains("info moim.test.log: signed in"_L1));
        QVERIFY(!quiet.contains("detail only"_L1));
        QVERIFY(quiet.contains("warning moim.test.log"_L1));
        QVERIFY(!quiet.contains("abc.def"_L1));
        {
            LogFile log(dir.path() + u"/verbose"_s);
            QVERIFY(log.open());
            log.install(true);
            qCDebug(lcTest) << "detail only for --verbose";
        }
        QVERIFY(
            read(dir.path() + u"/verbose/moim.log"_s).contains("debug moim.test.log: detail"_L1));
        // Uninstalled with the log: nothing more is written.
        qCInfo(lcTest) << "after";
        QVERIFY(!read(dir.path() + u"/verbose/moim.log"_s).contains("after"_L1));
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "test_log_file.moc"
