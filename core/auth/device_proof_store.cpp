#include "device_proof_store.h"

#include "secrets/secret_store.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcDeviceProof, "moim.core.auth.proof")

namespace moim {

using namespace Qt::StringLiterals;

DeviceProofStore::DeviceProofStore(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{}

QString DeviceProofStore::accountKey(const QString &email)
{
    return email.trimmed().normalized(QString::NormalizationForm_C).toLower();
}

QString DeviceProofStore::keychainKey(const QString &email)
{
    return accountKey(email) + u"/device_proof"_s;
}

void DeviceProofStore::lookup(const QString &email, QObject *context,
                              std::function<void(QString)> done)
{
    const QString key = accountKey(email);
    const auto cached = m_inMemory.constFind(key);
    if (cached != m_inMemory.cend() || !m_keychainWorks) {
        const QString proof = cached != m_inMemory.cend() ? *cached : QString();
        QTimer::singleShot(0, context, [done = std::move(done), proof] { done(proof); });
        return;
    }
    m_secrets->read(keychainKey(email), context,
                    [this, key, done = std::move(done),
                     guard = QPointer(this)](const SecretStore::Result &result) {
                        QString proof;
                        if (result.status == SecretStore::Status::Ok ||
                            result.status == SecretStore::Status::NotFound) {
                            proof = result.secret;
                            // Asked once per account and run: a retry right after a refusal
                            // does not wait for the keychain again.
                            if (guard)
                                m_inMemory.insert(key, proof);
                        } else {
                            // Sign in without it: the owner is then counted like anyone else.
                            qCWarning(lcDeviceProof)
                                << "could not read the device proof:" << result.detail;
                            if (guard && result.status == SecretStore::Status::Unavailable)
                                m_keychainWorks = false;
                        }
                        done(proof);
                    });
}

void DeviceProofStore::remember(const QString &email, const QString &proof, bool persist)
{
    if (proof.isEmpty())
        return;
    m_inMemory.insert(accountKey(email), proof);
    if (!persist || !m_keychainWorks)
        return;
    m_secrets->write(keychainKey(email), proof, this, [this](const SecretStore::Result &result) {
        if (result.status == SecretStore::Status::Ok)
            return;
        // Never a file: the proof stays in memory for this run.
        qCWarning(lcDeviceProof) << "keychain refused the device proof:" << result.detail;
        m_keychainWorks = false;
    });
}

void DeviceProofStore::forget(const QString &email)
{
    m_inMemory.remove(accountKey(email));
    m_secrets->remove(keychainKey(email), this, [](const SecretStore::Result &result) {
        if (result.status != SecretStore::Status::Ok &&
            result.status != SecretStore::Status::NotFound)
            qCWarning(lcDeviceProof) << "could not delete the device proof:" << result.detail;
    });
}

} // namespace moim
