#pragma once

#include <QtGlobal>
#include <optional>

namespace moim::server {

// The server's notion of "now": system time plus an offset. Every expiry (tokens, sessions,
// throttling) reads this clock, so tests and the admin API can move time without waiting.
class Clock
{
public:
    explicit Clock(qint64 offsetSeconds = 0)
        : m_offset(offsetSeconds)
    {}

    // Seconds since the Unix epoch in the server's clock.
    qint64 now() const;
    qint64 offset() const { return m_offset; }
    void setOffset(qint64 seconds) { m_offset = seconds; }
    void advance(qint64 seconds) { m_offset += seconds; }
    // Stops the clock where it is: only advance() moves it from now on. For tests whose
    // outcome must not depend on a second boundary passing while they run.
    void freeze() { m_frozenAt = now() - m_offset; }

private:
    qint64 m_offset = 0;
    std::optional<qint64> m_frozenAt;
};

} // namespace moim::server
