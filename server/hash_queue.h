#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <deque>
#include <functional>

namespace moim::server {

// The one queue in front of the password hasher (argon2id: tens of milliseconds and 64 MiB per
// hash at interactive limits). It is bounded overall and per client IP address, and it starts
// waiting checks in turns across addresses, so one address flooding sign-ins delays a check from
// another address by at most one hash per address ahead of it. A check that does not fit is
// refused at once (the caller answers 503 server_busy with retry_after) instead of waiting.
class HashQueue : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int threads = 2;
        int waiting = 32; // checks waiting for a thread, all addresses together
        int perIp = 4;    // checks of one address, waiting or running
    };

    explicit HashQueue(Limits limits, QObject *parent = nullptr);
    ~HashQueue() override;
    // Drops the checks that still wait and waits for the running ones.
    void waitForDone();

    // Runs work on a hashing thread when its turn comes. False, and work is dropped, when the
    // address's share or the queue is full.
    bool submit(const QString &ip, std::function<void()> work);
    // Whole seconds (at least 1) after which a refused check may try again: about the time the
    // checks already admitted take.
    qint64 retryAfterSeconds() const;

    int waitingCount() const { return m_waitingCount; }
    int runningCount() const { return m_running; }

private:
    void startNext();
    void finished(const QString &ip, qint64 elapsedMs);

    Limits m_limits;
    QThreadPool m_pool;
    QHash<QString, std::deque<std::function<void()>>> m_waiting;
    std::deque<QString> m_turns; // addresses with waiting checks, in the order they get a thread
    QHash<QString, int> m_perIp; // waiting and running, per address
    int m_waitingCount = 0;
    int m_running = 0;
    double m_averageMs = 250; // a running average of one check's duration
};

} // namespace moim::server
