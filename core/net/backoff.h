#pragma once

#include <chrono>
#include <functional>

namespace moim {

// Exponential backoff with full jitter: the n-th wait is uniform in [0, min(cap, base * 2^n)].
// Full jitter spreads reconnecting clients out instead of letting them stampede in waves.
class Backoff
{
public:
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit Backoff(std::chrono::milliseconds base = std::chrono::milliseconds(500),
                     std::chrono::milliseconds cap = std::chrono::seconds(30), Random random = {});

    std::chrono::milliseconds nextDelay();
    // The ceiling the next delay is drawn under, for display and tests.
    std::chrono::milliseconds currentCeiling() const;
    void reset() { m_attempt = 0; }
    int attempt() const { return m_attempt; }

private:
    std::chrono::milliseconds m_base;
    std::chrono::milliseconds m_cap;
    Random m_random;
    int m_attempt = 0;
};

} // namespace moim
