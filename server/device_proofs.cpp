#include "device_proofs.h"

#include "clock.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"
#include "throttle.h"

#include <QSqlError>
#include <QSqlQuery>
#include <protocol/protocol.h>

namespace moim::server {

namespace limits = moim::protocol::limits;
using namespace Qt::StringLiterals;

namespace {

// A proof the server issued is 43 characters; anything much longer is not one.
constexpr qsizetype MaxProofLength = 256;

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcAuth) << "Device proof query failed:" << query.lastError().text();
    return false;
}

} // namespace

DeviceProofs::DeviceProofs(Database &database, const Clock &clock, const Throttle &throttle)
    : m_database(database)
    , m_clock(clock)
    , m_throttle(throttle)
{}

std::optional<QString> DeviceProofs::issue(const QString &accountKey, const QString &sessionId,
                                           const QString &replacedId)
{
    if (!replacedId.isEmpty())
        withdraw(replacedId);
    const QString token = SecureToken::generate();
    const qint64 now = m_clock.now();
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT INTO device_proofs (id, hash, account_key, session_id, created_at, "
                  "expires_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(SecureToken::randomId("dp_"_L1));
    query.addBindValue(SecureToken::sha256(token));
    query.addBindValue(accountKey);
    query.addBindValue(sessionId.isNull() ? u""_s : sessionId);
    query.addBindValue(now);
    query.addBindValue(now + limits::DeviceProofSeconds);
    if (!execOrWarn(query))
        return std::nullopt;
    // Expired proofs go, and an account keeps only its newest ones: storage stays bounded
    // however often someone signs in.
    query.prepare(u"DELETE FROM device_proofs WHERE expires_at <= ?"_s);
    query.addBindValue(now);
    execOrWarn(query);
    query.prepare(u"DELETE FROM device_proofs WHERE account_key = ? AND id NOT IN (SELECT id FROM "
                  "device_proofs WHERE account_key = ? ORDER BY created_at DESC, rowid DESC "
                  "LIMIT ?)"_s);
    query.addBindValue(accountKey);
    query.addBindValue(accountKey);
    query.addBindValue(limits::MaxDeviceProofsPerAccount);
    execOrWarn(query);
    return token;
}

QString DeviceProofs::validate(const QString &accountKey, const QString &token)
{
    if (token.isEmpty() || token.size() > MaxProofLength)
        return {};
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"SELECT id FROM device_proofs WHERE hash = ? AND account_key = ? AND expires_at > ?"_s);
    query.addBindValue(SecureToken::sha256(token));
    query.addBindValue(accountKey);
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query) || !query.next())
        return {};
    const QString id = query.value(0).toString();
    query.finish();
    if (m_throttle.failures(Throttle::deviceProofKey(accountKey, id)) >=
        limits::MaxDeviceProofFailures) {
        qCInfo(lcAuth) << "Device proof" << id << "withdrawn after too many failures";
        withdraw(id);
        return {};
    }
    return id;
}

void DeviceProofs::revokeAll(const QString &accountKey, const QString &keepSessionId)
{
    QSqlQuery query(m_database.handle());
    if (keepSessionId.isEmpty()) {
        query.prepare(u"DELETE FROM device_proofs WHERE account_key = ?"_s);
        query.addBindValue(accountKey);
    } else {
        query.prepare(u"DELETE FROM device_proofs WHERE account_key = ? AND session_id != ?"_s);
        query.addBindValue(accountKey);
        query.addBindValue(keepSessionId);
    }
    execOrWarn(query);
}

void DeviceProofs::withdraw(const QString &id)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"DELETE FROM device_proofs WHERE id = ?"_s);
    query.addBindValue(id);
    execOrWarn(query);
}

} // namespace moim::server
