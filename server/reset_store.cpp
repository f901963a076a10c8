#include "reset_store.h"

#include "clock.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace moim::server {

using namespace Qt::StringLiterals;

namespace {
bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Reset query failed:" << query.lastError().text();
    return false;
}
} // namespace

ResetStore::ResetStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

bool ResetStore::admitRequest(const QString &normalisedEmail)
{
    const qint64 now = m_clock.now();
    QSqlQuery count(m_database.handle());
    count.prepare(u"SELECT COUNT(*) FROM reset_requests WHERE email = ? AND requested_at > ?"_s);
    count.addBindValue(normalisedEmail);
    count.addBindValue(now - 3600);
    const int recent = execOrWarn(count) && count.next() ? count.value(0).toInt() : 0;
    if (recent >= MaxMailsPerHour)
        return false;
    QSqlQuery record(m_database.handle());
    record.prepare(u"INSERT INTO reset_requests (email, requested_at) VALUES (?, ?)"_s);
    record.addBindValue(normalisedEmail);
    record.addBindValue(now);
    execOrWarn(record);
    return true;
}

QString ResetStore::create(const QString &userId)
{
    const QString token = SecureToken::generate();
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) "
                  "VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(SecureToken::sha256(token));
    query.addBindValue(userId);
    query.addBindValue(m_clock.now());
    query.addBindValue(m_clock.now() + ValiditySeconds);
    return execOrWarn(query) ? token : QString();
}

ResetStore::Status ResetStore::lookup(const QString &token, QString *userId,
                                      qint64 *expiresAt) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT user_id, expires_at, used_at IS NOT NULL FROM password_resets "
                  "WHERE token_hash = ?"_s);
    query.addBindValue(SecureToken::sha256(token));
    if (!execOrWarn(query) || !query.next())
        return Status::Unknown;
    *userId = query.value(0).toString();
    *expiresAt = query.value(1).toLongLong();
    if (query.value(2).toBool())
        return Status::Used;
    if (m_clock.now() >= *expiresAt)
        return Status::Expired;
    return Status::Valid;
}

bool ResetStore::markUsed(const QString &token)
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"_s);
    query.addBindValue(m_clock.now());
    query.addBindValue(SecureToken::sha256(token));
    if (!execOrWarn(query) || query.numRowsAffected() != 1)
        return false;
    if (m_linkEnded)
        m_linkEnded(SecureToken::sha256(token));
    return true;
}

void ResetStore::invalidateAll(const QString &userId)
{
    QList<QByteArray> open;
    QSqlQuery select(m_database.handle());
    select.prepare(
        u"SELECT token_hash FROM password_resets WHERE user_id = ? AND used_at IS NULL"_s);
    select.addBindValue(userId);
    if (execOrWarn(select)) {
        while (select.next())
            open.append(select.value(0).toByteArray());
    }
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL"_s);
    query.addBindValue(m_clock.now());
    query.addBindValue(userId);
    if (!execOrWarn(query) || !m_linkEnded)
        return;
    for (const QByteArray &hash : std::as_const(open))
        m_linkEnded(hash);
}

bool ResetStore::rememberDevice(const QString &userId, const QString &deviceKey)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT OR IGNORE INTO known_devices (user_id, device_key, first_seen) "
                  "VALUES (?, ?, ?)"_s);
    query.addBindValue(userId);
    query.addBindValue(deviceKey);
    query.addBindValue(m_clock.now());
    return execOrWarn(query) && query.numRowsAffected() == 1;
}

} // namespace moim::server
