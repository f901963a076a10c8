#include "hash_queue.h"

#include "server_logging.h"

#include <QElapsedTimer>
#include <cmath>

namespace moim::server {

HashQueue::HashQueue(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_pool.setMaxThreadCount(m_limits.threads);
}

HashQueue::~HashQueue()
{
    waitForDone();
}

void HashQueue::waitForDone()
{
    m_waiting.clear();
    m_turns.clear();
    m_waitingCount = 0;
    m_pool.waitForDone();
}

bool HashQueue::submit(const QString &ip, std::function<void()> work)
{
    int &ofIp = m_perIp[ip];
    const bool threadFree = m_running < m_limits.threads;
    if (ofIp >= m_limits.perIp || (!threadFree && m_waitingCount >= m_limits.waiting)) {
        if (ofIp == 0)
            m_perIp.remove(ip);
        qCInfo(lcAuth) << "Password check refused, queue full for" << ip << "(" << m_running
                       << "running," << m_waitingCount << "waiting)";
        return false;
    }
    ++ofIp;
    auto &queue = m_waiting[ip];
    if (queue.empty())
        m_turns.push_back(ip);
    queue.push_back(std::move(work));
    ++m_waitingCount;
    startNext();
    return true;
}

qint64 HashQueue::retryAfterSeconds() const
{
    const double perThread = double(m_running + m_waitingCount) / double(qMax(1, m_limits.threads));
    return qMax<qint64>(1, qint64(std::ceil(perThread * m_averageMs / 1000.0)));
}

void HashQueue::startNext()
{
    while (m_running < m_limits.threads && !m_turns.empty()) {
        const QString ip = m_turns.front();
        m_turns.pop_front();
        auto &queue = m_waiting[ip];
        std::function<void()> work = std::move(queue.front());
        queue.pop_front();
        // The address goes to the back of the line if it has more.
        if (queue.empty())
            m_waiting.remove(ip);
        else
            m_turns.push_back(ip);
        --m_waitingCount;
        ++m_running;
        m_pool.start([this, ip, work = std::move(work)] {
            QElapsedTimer timer;
            timer.start();
            work();
            const qint64 elapsed = timer.elapsed();
            // The destructor waits for running work, so this object is alive; Qt drops the
            // queued call if it is gone by the time the event is delivered.
            QMetaObject::invokeMethod(
                this, [this, ip, elapsed] { finished(ip, elapsed); }, Qt::QueuedConnection);
        });
    }
}

void HashQueue::finished(const QString &ip, qint64 elapsedMs)
{
    --m_running;
    if (auto it = m_perIp.find(ip); it != m_perIp.end() && --*it <= 0)
        m_perIp.erase(it);
    m_averageMs = 0.8 * m_averageMs + 0.2 * double(elapsedMs);
    startNext();
}

} // namespace moim::server
