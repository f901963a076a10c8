#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QString>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

class QIODevice;

namespace moim::server {

// The SHA-256 of uploads, kept up to date piece by piece on a thread of its own: a piece's
// answer waits for the disk, not for its hash, and the hash of one piece runs while the next is
// on its way. Finishing an upload waits only for what is still queued of it. Pieces of one
// upload are hashed in the order they were confirmed.
class PieceHasher
{
public:
    PieceHasher();
    ~PieceHasher();
    PieceHasher(const PieceHasher &) = delete;
    PieceHasher &operator=(const PieceHasher &) = delete;

    // Hashes `piece` as the upload's bytes from `offset`. A first piece (offset 0) starts the
    // hash again; a piece that does not follow what was hashed (a restart lost the state) makes
    // the upload's hash unknown, and finishing hashes the part file instead. Waits while more
    // than a few pieces are queued, so that memory stays bounded when hashing falls behind.
    void add(const QString &uploadId, qint64 offset, const QByteArray &piece);
    // The hex SHA-256 of the upload's first `size` bytes once everything queued of it is
    // hashed, and forgets the upload; empty when the pieces seen do not make `size` bytes.
    QString take(const QString &uploadId, qint64 size);
    // Forgets an upload (cancelled or expired) once nothing of it is being hashed.
    void forget(const QString &uploadId);

    // The hex SHA-256 of a whole device from its start; empty when it cannot be read.
    static QString hashOf(QIODevice *device);

private:
    struct Running;
    struct Job
    {
        QString uploadId;
        qint64 offset = 0;
        QByteArray piece;
    };
    void run();
    // Waits until no piece of the upload is queued or being hashed; the lock is held.
    void waitForIdle(std::unique_lock<std::mutex> &lock, const QString &uploadId);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Job> m_jobs;
    qint64 m_queuedBytes = 0;
    // Nodes of an unordered_map keep their address when it grows, so the worker hashes into a
    // state without holding the lock; a state is erased only when none of its pieces is queued.
    std::unordered_map<QString, std::unique_ptr<Running>> m_running;
    bool m_stopping = false;
    std::thread m_worker;
};

} // namespace moim::server
