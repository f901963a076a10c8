#pragma once

#include "process_memory.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <algorithm>
#include <ctime>

namespace moim::test {

// The value below which a share `p` (0–1) of `values` lies; 0 for none.
inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty()
               ? 0
               : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

// The peak of this process's resident set while it lives, sampled every 5 ms, against what it
// was when it started.
class RssWatch
{
public:
    RssWatch()
        : m_before(currentRssKiB())
        , m_peak(m_before)
    {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sample(); });
        m_timer.start(5);
    }
    void sample() { m_peak = std::max(m_peak, currentRssKiB()); }
    double growthMiB() const { return double(m_peak - m_before) / 1024.0; }

private:
    qint64 m_before;
    qint64 m_peak;
    QTimer m_timer;
};

// How late the GUI thread's event loop runs a timer due every `intervalMs` while it lives: each
// tick's delay past its due time, in milliseconds.
class EventLoopLag
{
public:
    explicit EventLoopLag(int intervalMs = 1)
        : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            m_lags.append(std::max(0.0, double(m_tick.nsecsElapsed()) / 1e6 - m_interval));
            m_tick.restart();
        });
        m_tick.start();
        m_timer.start(m_interval);
    }
    const QList<double> &lags() const { return m_lags; }
    double p99() const { return percentile(m_lags, 0.99); }
    double max() const
    {
        return m_lags.isEmpty() ? 0.0 : *std::max_element(m_lags.cbegin(), m_lags.cend());
    }

private:
    int m_interval;
    QElapsedTimer m_tick;
    QTimer m_timer;
    QList<double> m_lags;
};

// CPU time this process used (all its threads) since the clock was made.
class CpuClock
{
public:
    CpuClock()
        : m_start(now())
    {}
    double elapsedSeconds() const { return now() - m_start; }

private:
    static double now()
    {
        timespec spec{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec);
        return double(spec.tv_sec) + double(spec.tv_nsec) / 1e9;
    }
    double m_start;
};

} // namespace moim::test
