// Where the single-instance socket lives when there is no $XDG_RUNTIME_DIR (a bare session, a
// cron job, su without a login): a folder that another local user made, or left open, must
// never carry the socket, or a password-reset link handed over to "the running Moim" would
// reach them.
#include "platform/single_instance.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace moim;
using namespace Qt::StringLiterals;

class TestSingleInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString fallbackFolder() const
    {
        return m_tmp.path() + u"/moim-runtime-"_s + QString::number(::getuid());
    }

    static QString profile()
    {
        return u"p"_s + QString::number(QCoreApplication::applicationPid());
    }

    // A second start must find no socket to hand its link to, and the first runs alone.
    static void verifyNoSingleInstance()
    {
        SingleInstance first(profile());
        QVERIFY(first.socketPath().isEmpty());
        QVERIFY(first.becomePrimary());
        SingleInstance second(profile());
        QVERIFY(second.becomePrimary());
        QVERIFY(!second.sendToPrimary(u"moim://reset/secret-token"_s, 500));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        qunsetenv("XDG_RUNTIME_DIR");
        qputenv("TMPDIR", m_tmp.path().toUtf8());
        QDir(fallbackFolder()).removeRecursively();
        QFile::remove(fallbackFolder());
    }

    void aFolderOfItsOwnIsMadePrivate()
    {
        SingleInstance first(profile());
        QVERIFY(first.socketPath().startsWith(fallbackFolder() + u'/'));
        struct stat info = {};
        QCOMPARE(::lstat(QFile::encodeName(fallbackFolder()).constData(), &info), 0);
        QVERIFY(S_ISDIR(info.st_mode));
        QCOMPARE(int(info.st_mode & 0777), 0700);
        QCOMPARE(info.st_uid, ::getuid());

        QVERIFY(first.becomePrimary());
        QSignalSpy activation(&first, &SingleInstance::activationRequested);
        SingleInstance second(profile());
        QVERIFY(!second.becomePrimary());
        // Both ends live in this thread, so the primary reads only once the sender has given up
        // waiting for its answer; the link still arrives.
        second.sendToPrimary(u"moim://x"_s, 200);
        QTRY_COMPARE(activation.size(), 1);
        QCOMPARE(activation.first().first().toString(), u"moim://x"_s);
    }

    void aFolderOthersMayUseIsRefused()
    {
        QVERIFY(QDir().mkpath(fallbackFolder()));
        QVERIFY(QFile::setPermissions(fallbackFolder(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::WriteOther | QFileDevice::ExeOther));
        verifyNoSingleInstance();
        // Refused, never repaired: the mode someone else chose stays as it was.
        QVERIFY(QFile::permissions(fallbackFolder()).testFlag(QFileDevice::WriteOther));
    }

    void aLinkToAFolderIsRefused()
    {
        QTemporaryDir elsewhere;
        QVERIFY(QFile::link(elsewhere.path(), fallbackFolder()));
        verifyNoSingleInstance();
        QVERIFY(QDir(elsewhere.path()).isEmpty());
    }

    void aFolderAnotherUserOwnsIsRefused()
    {
        if (::getuid() != 0)
            QSKIP("only root can give a folder to another user");
        QVERIFY(QDir().mkpath(fallbackFolder()));
        QVERIFY(QFile::setPermissions(fallbackFolder(), QFileDevice::ReadOwner |
                                                            QFileDevice::WriteOwner |
                                                            QFileDevice::ExeOwner));
        // nobody (65534) made it, with a private mode: still not ours.
        QCOMPARE(::chown(QFile::encodeName(fallbackFolder()).constData(), 65534, 65534), 0);
        verifyNoSingleInstance();
    }

    void anOpenRuntimeDirIsRefusedToo()
    {
        QTemporaryDir runtime;
        QVERIFY(QFile::setPermissions(runtime.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::WriteGroup |
                                          QFileDevice::ExeGroup));
        qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
        verifyNoSingleInstance();
    }

    void aPrivateRuntimeDirIsUsed()
    {
        QTemporaryDir runtime;
        qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
        SingleInstance first(profile());
        QCOMPARE(first.socketPath(), runtime.path() + u"/moim-"_s + profile() + u".sock"_s);
        QVERIFY(first.becomePrimary());
        SingleInstance second(profile());
        QVERIFY(!second.becomePrimary());
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "test_single_instance.moc"
