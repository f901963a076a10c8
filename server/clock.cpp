#include "clock.h"

#include <QDateTime>

namespace moim::server {

qint64 Clock::now() const
{
    return m_frozenAt.value_or(QDateTime::currentSecsSinceEpoch()) + m_offset;
}

} // namespace moim::server
