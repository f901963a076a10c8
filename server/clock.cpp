#include "clock.h"

#include <QDateTime>

namespace moim::server {

qint64 Clock::now() const
{
    return QDateTime::currentSecsSinceEpoch() + m_offset;
}

} // namespace moim::server
