#pragma once

#include "secret_store.h"

#include <chrono>

namespace moim {

// SecretStore on the OS keychain through QtKeychain (the Secret Service on Linux).
// QtKeychain 0.13 cannot tell whether a keychain works, and a locked keyring can wait forever on
// a prompt nobody sees: so every job has a deadline, and missing the deadline means Unavailable.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // `service` namespaces every entry, e.g. "moim/<profile>/<server>".
    explicit KeychainSecretStore(QString service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    QString service() const { return m_service; }

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    void run(Operation operation, const QString &key, const QString &secret, QObject *context,
             Callback done);

    QString m_service;
    std::chrono::milliseconds m_timeout{5000};
};

} // namespace moim
