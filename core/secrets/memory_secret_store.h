#pragma once

#include "secret_store.h"

#include <QHash>

namespace moim {

// A SecretStore in process memory: for tests, and for sessions that must not outlive the
// process. `setAvailable(false)` makes it behave like a machine without a keychain.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

    void setAvailable(bool available) { m_available = available; }
    const QHash<QString, QString> &contents() const { return m_secrets; }

private:
    void answer(QObject *context, Callback done, Result result);

    QHash<QString, QString> m_secrets;
    bool m_available = true;
};

} // namespace moim
