// KeychainSecretStore where no keychain works (see without-secret-service.sh): a missing Secret
// Service, and one that takes the call but never answers (a keyring stuck on an invisible prompt).
#include "secrets/keychain_secret_store.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Owns org.freedesktop.secrets and swallows every call without a reply.
class SilentSecretService : public QDBusVirtualObject
{
public:
    int calls = 0;
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        ++calls;
        message.setDelayedReply(true); // and never send it
        return true;
    }
};

SecretStore::Result runJob(const std::function<void(SecretStore::Callback)> &start)
{
    SecretStore::Result received;
    bool done = false;
    start([&](const SecretStore::Result &result) {
        received = result;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 30000); }();
    return received;
}

} // namespace

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingSecretServiceIsUnavailable()
    {
        KeychainSecretStore store(u"moim/test/none"_s);
        const auto written = runJob(
            [&](auto done) { store.write(u"u_1/refresh_token"_s, u"secret"_s, this, done); });
        QCOMPARE(written.status, SecretStore::Status::Unavailable);
        const auto read =
            runJob([&](auto done) { store.read(u"u_1/refresh_token"_s, this, done); });
        QCOMPARE(read.status, SecretStore::Status::Unavailable);
    }

    void stuckKeychainTimesOut()
    {
        SilentSecretService silent;
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY(bus.registerVirtualObject(u"/org/freedesktop/secrets"_s, &silent,
                                          QDBusConnection::SubPath));
        QVERIFY(bus.registerService(u"org.freedesktop.secrets"_s));

        KeychainSecretStore store(u"moim/test/stuck"_s);
        store.setTimeout(1500ms);
        QElapsedTimer clock;
        clock.start();
        const auto written = runJob(
            [&](auto done) { store.write(u"u_1/refresh_token"_s, u"secret"_s, this, done); });
        QCOMPARE(written.status, SecretStore::Status::Unavailable);
        QCOMPARE(written.detail, u"timeout"_s);
        QVERIFY(silent.calls > 0); // the keychain was really asked, and really stayed silent
        // Answered by the deadline, not by D-Bus's own 25 s timeout.
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        bus.unregisterService(u"org.freedesktop.secrets"_s);
        bus.unregisterObject(u"/org/freedesktop/secrets"_s, QDBusConnection::UnregisterTree);
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "test_keychain_unavailable.moc"
