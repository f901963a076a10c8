#include "keychain_secret_store.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "moim.core.keychain")

namespace moim {

using namespace Qt::StringLiterals;

namespace {

SecretStore::Status statusFor(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::Status::NotFound;
    // QtKeychain reports a missing Secret Service as OtherError, not NoBackendAvailable.
    case QKeychain::NoBackendAvailable:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::NotImplemented:
        return SecretStore::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return SecretStore::Status::Failed;
    }
    return SecretStore::Status::Failed;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent)
    , m_service(std::move(service))
{}

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    run(Operation::Read, key, {}, context, std::move(done));
}

void KeychainSecretStore::write(const QString &key, const QString &secret, QObject *context,
                                Callback done)
{
    run(Operation::Write, key, secret, context, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    run(Operation::Remove, key, {}, context, std::move(done));
}

void KeychainSecretStore::run(Operation operation, const QString &key, const QString &secret,
                              QObject *context, Callback done)
{
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // Never a plaintext fallback: a token is stored in the keychain or nowhere.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);

    // Whichever comes first, the job's answer or the deadline, answers the caller exactly once.
    struct Pending
    {
        Callback done;
        QPointer<QObject> context;
        bool answered = false;
    };
    auto pending = std::make_shared<Pending>(Pending{std::move(done), context});
    auto answer = [pending](Result result) {
        if (pending->answered)
            return;
        pending->answered = true;
        if (!pending->context)
            return;
        // Queued, so a caller can start the next keychain job from its callback without starting
        // it from inside this job's finished signal.
        QTimer::singleShot(0, pending->context.data(),
                           [pending, result = std::move(result)] { pending->done(result); });
    };

    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [answer, deadline, key] {
        qCWarning(lcKeychain) << "keychain did not answer in time for" << key;
        answer({Status::Unavailable, {}, u"timeout"_s});
        deadline->deleteLater();
    });
    const QPointer<QTimer> deadlineGuard(deadline);
    connect(job, &QKeychain::Job::finished, this,
            [answer, deadlineGuard, operation](QKeychain::Job *j) {
                if (deadlineGuard) {
                    deadlineGuard->stop();
                    deadlineGuard->deleteLater();
                }
                Result result;
                result.status = statusFor(j->error());
                result.detail = j->errorString();
                if (result.status == Status::Ok && operation == Operation::Read)
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
                if (result.status == Status::Unavailable || result.status == Status::Failed)
                    qCWarning(lcKeychain) << "keychain error" << j->error() << j->errorString();
                answer(std::move(result));
            });
    deadline->start(m_timeout);
    job->start();
}

} // namespace moim
