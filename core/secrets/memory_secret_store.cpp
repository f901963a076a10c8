#include "memory_secret_store.h"

#include <QPointer>
#include <QTimer>

namespace moim {

void MemorySecretStore::answer(QObject *context, Callback done, Result result)
{
    // Asynchronous like the real keychain, so callers are tested against the same ordering.
    QTimer::singleShot(0, context,
                       [done = std::move(done), result = std::move(result)] { done(result); });
}

void MemorySecretStore::read(const QString &key, QObject *context, Callback done)
{
    if (!m_available)
        return answer(context, std::move(done), {Status::Unavailable, {}, {}});
    const auto found = m_secrets.constFind(key);
    if (found == m_secrets.cend())
        return answer(context, std::move(done), {Status::NotFound, {}, {}});
    answer(context, std::move(done), {Status::Ok, found.value(), {}});
}

void MemorySecretStore::write(const QString &key, const QString &secret, QObject *context,
                              Callback done)
{
    if (!m_available)
        return answer(context, std::move(done), {Status::Unavailable, {}, {}});
    m_secrets.insert(key, secret);
    answer(context, std::move(done), {Status::Ok, {}, {}});
}

void MemorySecretStore::remove(const QString &key, QObject *context, Callback done)
{
    if (!m_available)
        return answer(context, std::move(done), {Status::Unavailable, {}, {}});
    const bool existed = m_secrets.remove(key) > 0;
    answer(context, std::move(done), {existed ? Status::Ok : Status::NotFound, {}, {}});
}

} // namespace moim
