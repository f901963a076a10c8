#include "backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace moim {

Backoff::Backoff(std::chrono::milliseconds base, std::chrono::milliseconds cap, Random random)
    : m_base(base)
    , m_cap(cap)
    , m_random(random ? std::move(random)
                      : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{}

std::chrono::milliseconds Backoff::currentCeiling() const
{
    // Stop doubling once past the cap so the shift can never overflow.
    const int shift = std::min(m_attempt, 30);
    const auto grown = m_base.count() * (qint64(1) << shift);
    return std::chrono::milliseconds(std::min<qint64>(grown, m_cap.count()));
}

std::chrono::milliseconds Backoff::nextDelay()
{
    const auto ceiling = currentCeiling();
    ++m_attempt;
    return std::chrono::milliseconds(qint64(m_random() * double(ceiling.count())));
}

} // namespace moim
