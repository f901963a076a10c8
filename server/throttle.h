#pragma once

#include <QString>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// Failed sign-in attempts per normalised email, whether or not an account exists (so throttling
// reveals nothing), persisted so a restart does not reset an attacker's count. The first 5
// failures are free; then 1 s after the 5th, doubling per failure, capped at 15 minutes.
class Throttle
{
public:
    Throttle(Database &database, const Clock &clock);

    // Seconds until the next attempt is allowed, or nullopt when it is allowed now.
    std::optional<qint64> retryAfter(const QString &emailKey) const;
    void recordFailure(const QString &emailKey);
    void clear(const QString &emailKey);
    int failures(const QString &emailKey) const;

    // The delay that follows the n-th failure (0 while still free).
    static qint64 delayAfter(int failures);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
