#include "throttle.h"

#include "clock.h"
#include "database.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <protocol/protocol.h>

namespace moim::server {

namespace limits = moim::protocol::limits;
using namespace Qt::StringLiterals;

Throttle::Throttle(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

QList<Throttle::Key> Throttle::signInKeys(const QString &accountKey, const QString &deviceProofId,
                                          const QString &ip)
{
    if (!deviceProofId.isEmpty())
        return {deviceProofKey(accountKey, deviceProofId)};
    return {{accountKey + u"|ip:"_s + ip, limits::FreeFailedAttempts},
            {accountKey + u"|anonymous"_s, limits::FreeFailedAttemptsPerAccount}};
}

QList<Throttle::Key> Throttle::sessionKeys(const QString &accountKey, const QString &sessionId)
{
    return {{accountKey + u"|session:"_s + sessionId, limits::FreeFailedAttempts}};
}

QList<Throttle::Key> Throttle::pushApprovalKeys(const QString &accountKey,
                                                const QString &personalId)
{
    return {{accountKey + u"|personal:"_s + personalId, limits::FreeFailedAttempts}};
}

Throttle::Key Throttle::deviceProofKey(const QString &accountKey, const QString &deviceProofId)
{
    return {accountKey + u"|device:"_s + deviceProofId, limits::FreeFailedAttempts};
}

QString Throttle::sourceOf(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address.toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        bytes[i] = 0;
    return QHostAddress(bytes).toString() + u"/64"_s;
}

qint64 Throttle::delayAfter(int failures, int freeFailures)
{
    if (failures < freeFailures)
        return 0;
    const int doublings = failures - freeFailures;
    // 2^10 s already exceeds the cap; stop shifting before it could overflow.
    if (doublings >= 10)
        return limits::MaxThrottleSeconds;
    return qMin<qint64>(qint64(1) << doublings, limits::MaxThrottleSeconds);
}

std::optional<qint64> Throttle::waitFor(const Key &key) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT failures, last_failure FROM login_failures WHERE email_key = ?"_s);
    query.addBindValue(key.id);
    if (!query.exec()) {
        qCWarning(lcAuth) << "Throttle lookup failed:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    const int failures = query.value(0).toInt();
    const qint64 allowedAt = query.value(1).toLongLong() + delayAfter(failures, key.freeFailures);
    const qint64 now = m_clock.now();
    if (failures < key.freeFailures || now >= allowedAt)
        return std::nullopt;
    return allowedAt - now;
}

std::optional<qint64> Throttle::retryAfter(const QList<Key> &keys) const
{
    std::optional<qint64> longest;
    for (const Key &key : keys) {
        if (const auto wait = waitFor(key))
            longest = qMax(longest.value_or(0), *wait);
    }
    return longest;
}

std::optional<qint64> Throttle::reserve(const QList<Key> &keys)
{
    // The check and the count run on the main thread with nothing in between, so no other
    // attempt can be admitted on the same count.
    if (const auto wait = retryAfter(keys))
        return wait;
    for (const Key &key : keys)
        count(key);
    return std::nullopt;
}

void Throttle::count(const Key &key)
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"INSERT INTO login_failures (email_key, failures, last_failure) VALUES (?, 1, ?) "
        "ON CONFLICT (email_key) DO UPDATE SET failures = failures + 1, "
        "last_failure = excluded.last_failure"_s);
    query.addBindValue(key.id);
    query.addBindValue(m_clock.now());
    if (!query.exec())
        qCWarning(lcAuth) << "Counting a sign-in attempt failed:" << query.lastError().text();
}

void Throttle::release(const QList<Key> &keys)
{
    QSqlQuery query(m_database.handle());
    for (const Key &key : keys) {
        query.prepare(u"UPDATE login_failures SET failures = failures - 1 WHERE email_key = ? "
                      "AND failures > 0"_s);
        query.addBindValue(key.id);
        if (!query.exec())
            qCWarning(lcAuth) << "Releasing a sign-in attempt failed:" << query.lastError().text();
    }
}

void Throttle::clear(const QList<Key> &keys)
{
    QSqlQuery query(m_database.handle());
    for (const Key &key : keys) {
        query.prepare(u"DELETE FROM login_failures WHERE email_key = ?"_s);
        query.addBindValue(key.id);
        if (!query.exec())
            qCWarning(lcAuth) << "Clearing failed sign-ins failed:" << query.lastError().text();
    }
}

int Throttle::failures(const Key &key) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT failures FROM login_failures WHERE email_key = ?"_s);
    query.addBindValue(key.id);
    if (query.exec() && query.next())
        return query.value(0).toInt();
    return 0;
}

} // namespace moim::server
