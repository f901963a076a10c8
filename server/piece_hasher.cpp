#include "piece_hasher.h"

#include <QIODevice>
#include <sodium.h>

namespace moim::server {

namespace {

// Room for a few 8 MiB pieces (the largest a client may send): the worker hashes several times
// faster than a piece arrives, so this is reached only when many uploads run at once.
constexpr qint64 MaxQueuedBytes = 32 * 1024 * 1024;

QString hexOf(crypto_hash_sha256_state *state)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(state, digest);
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

} // namespace

struct PieceHasher::Running
{
    crypto_hash_sha256_state state;
    qint64 expected = 0; // where the next queued piece starts; all hashed once none is pending
    int pending = 0;     // pieces queued or being hashed
    bool broken = false;
};

PieceHasher::PieceHasher()
    : m_worker([this] { run(); })
{}

PieceHasher::~PieceHasher()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_worker.join();
}

void PieceHasher::add(const QString &uploadId, qint64 offset, const QByteArray &piece)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queuedBytes < MaxQueuedBytes || m_stopping; });
    std::unique_ptr<Running> &running = m_running[uploadId];
    if (offset == 0) {
        waitForIdle(lock, uploadId);
        running = std::make_unique<Running>();
        crypto_hash_sha256_init(&running->state);
    } else if (!running) {
        running = std::make_unique<Running>();
        running->broken = true;
    }
    if (running->broken || offset != running->expected) {
        running->broken = true;
        return;
    }
    running->expected += piece.size();
    ++running->pending;
    m_jobs.push_back({uploadId, offset, piece});
    m_queuedBytes += piece.size();
    m_changed.notify_all();
}

QString PieceHasher::take(const QString &uploadId, qint64 size)
{
    std::unique_lock lock(m_mutex);
    waitForIdle(lock, uploadId);
    const auto found = m_running.find(uploadId);
    if (found == m_running.end())
        return {};
    const std::unique_ptr<Running> running = std::move(found->second);
    m_running.erase(found);
    if (!running || running->broken || running->expected != size)
        return {};
    return hexOf(&running->state);
}

void PieceHasher::forget(const QString &uploadId)
{
    std::unique_lock lock(m_mutex);
    waitForIdle(lock, uploadId);
    m_running.erase(uploadId);
}

void PieceHasher::waitForIdle(std::unique_lock<std::mutex> &lock, const QString &uploadId)
{
    m_changed.wait(lock, [this, &uploadId] {
        const auto found = m_running.find(uploadId);
        return found == m_running.end() || !found->second || found->second->pending == 0;
    });
}

void PieceHasher::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
        if (m_jobs.empty())
            return; // stopping, with nothing left
        const Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        Running *running = m_running.at(job.uploadId).get();
        lock.unlock();
        crypto_hash_sha256_update(&running->state,
                                  reinterpret_cast<const unsigned char *>(job.piece.constData()),
                                  static_cast<unsigned long long>(job.piece.size()));
        lock.lock();
        --running->pending;
        m_queuedBytes -= job.piece.size();
        m_changed.notify_all();
    }
}

QString PieceHasher::hashOf(QIODevice *device)
{
    if (!device->isOpen() || !device->seek(0))
        return {};
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 read = device->read(buffer.data(), buffer.size());
        if (read < 0)
            return {};
        if (read == 0)
            break;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(buffer.data()),
                                  static_cast<unsigned long long>(read));
    }
    return hexOf(&state);
}

} // namespace moim::server
