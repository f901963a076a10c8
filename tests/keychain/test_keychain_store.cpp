// KeychainSecretStore against the real Secret Service (gnome-keyring, see
// scripts/with-private-keyring.sh).
#include "secrets/keychain_secret_store.h"

#include <QProcess>
#include <QUuid>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

SecretStore::Result runJob(const std::function<void(SecretStore::Callback)> &start)
{
    SecretStore::Result received;
    bool done = false;
    start([&](const SecretStore::Result &result) {
        received = result;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
    return received;
}

// What the Secret Service holds for a service name, asked independently of QtKeychain.
QString secretToolLookup(const QString &service, const QString &key)
{
    QProcess tool;
    tool.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, service, u"user"_s, key});
    tool.waitForFinished(10000);
    return QString::fromUtf8(tool.readAllStandardOutput());
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

    QString m_service =
        u"moim/test-%1/127.0.0.1_8765"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));

private Q_SLOTS:
    void writeReadRemove()
    {
        KeychainSecretStore store(m_service);
        const QString key = u"u_123/refresh_token"_s;
        const QString secret = u"refresh-토큰-%1"_s.arg(QUuid::createUuid().toString());

        auto written = runJob([&](auto done) { store.write(key, secret, this, done); });
        QCOMPARE(written.status, SecretStore::Status::Ok);
        QCOMPARE(secretToolLookup(m_service, key), secret);

        auto read = runJob([&](auto done) { store.read(key, this, done); });
        QCOMPARE(read.status, SecretStore::Status::Ok);
        QCOMPARE(read.secret, secret);

        auto removed = runJob([&](auto done) { store.remove(key, this, done); });
        QCOMPARE(removed.status, SecretStore::Status::Ok);
        QCOMPARE(secretToolLookup(m_service, key), QString());
    }

    void missingEntryIsAnOrdinaryAnswer()
    {
        KeychainSecretStore store(m_service);
        auto read = runJob([&](auto done) { store.read(u"nobody/refresh_token"_s, this, done); });
        QCOMPARE(read.status, SecretStore::Status::NotFound);
    }

    void namespacesAreSeparate()
    {
        KeychainSecretStore first(m_service + u"/a"_s);
        KeychainSecretStore second(m_service + u"/b"_s);
        const QString key = u"u_1/refresh_token"_s;
        QCOMPARE(runJob([&](auto done) { first.write(key, u"A"_s, this, done); }).status,
                 SecretStore::Status::Ok);
        QCOMPARE(runJob([&](auto done) { second.read(key, this, done); }).status,
                 SecretStore::Status::NotFound);
        QCOMPARE(runJob([&](auto done) { first.remove(key, this, done); }).status,
                 SecretStore::Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestKeychainStore)
#include "test_keychain_store.moc"
