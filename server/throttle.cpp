#include "throttle.h"

#include "clock.h"
#include "database.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <protocol/protocol.h>

namespace moim::server {

namespace limits = moim::protocol::limits;

Throttle::Throttle(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

qint64 Throttle::delayAfter(int failures)
{
    if (failures < limits::FreeFailedAttempts)
        return 0;
    const int doublings = failures - limits::FreeFailedAttempts;
    // 2^10 s already exceeds the cap; stop shifting before it could overflow.
    if (doublings >= 10)
        return limits::MaxThrottleSeconds;
    return qMin<qint64>(qint64(1) << doublings, limits::MaxThrottleSeconds);
}

std::optional<qint64> Throttle::retryAfter(const QString &emailKey) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT failures, last_failure FROM login_failures WHERE email_key = ?"));
    query.addBindValue(emailKey);
    if (!query.exec()) {
        qCWarning(lcAuth) << "Throttle lookup failed:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    const int failures = query.value(0).toInt();
    const qint64 allowedAt = query.value(1).toLongLong() + delayAfter(failures);
    const qint64 now = m_clock.now();
    if (failures < limits::FreeFailedAttempts || now >= allowedAt)
        return std::nullopt;
    return allowedAt - now;
}

void Throttle::recordFailure(const QString &emailKey)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "INSERT INTO login_failures (email_key, failures, last_failure) VALUES (?, 1, ?) "
        "ON CONFLICT (email_key) DO UPDATE SET failures = failures + 1, "
        "last_failure = excluded.last_failure"));
    query.addBindValue(emailKey);
    query.addBindValue(m_clock.now());
    if (!query.exec())
        qCWarning(lcAuth) << "Recording a failed sign-in failed:" << query.lastError().text();
}

void Throttle::clear(const QString &emailKey)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("DELETE FROM login_failures WHERE email_key = ?"));
    query.addBindValue(emailKey);
    if (!query.exec())
        qCWarning(lcAuth) << "Clearing failed sign-ins failed:" << query.lastError().text();
}

int Throttle::failures(const QString &emailKey) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT failures FROM login_failures WHERE email_key = ?"));
    query.addBindValue(emailKey);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return 0;
}

} // namespace moim::server
