#include "two_step_enrolment.h"

#include "database.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <otp/totp.h>
#include <sodium.h>

namespace moim::server {

TwoStepEnrolment::TwoStepEnrolment(Database &database, TwoStepCheck &check)
    : m_database(database)
    , m_check(check)
{}

std::optional<QByteArray> TwoStepEnrolment::begin(const QString &userId)
{
    QByteArray secret(moim::otp::Totp::SecretBytes, Qt::Uninitialized);
    randombytes_buf(secret.data(), size_t(secret.size()));
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "INSERT INTO two_step (user_id, pending_secret) VALUES (?, ?) "
        "ON CONFLICT(user_id) DO UPDATE SET pending_secret = excluded.pending_secret"));
    query.addBindValue(userId);
    query.addBindValue(secret);
    if (!query.exec()) {
        qCWarning(lcAuth) << "Could not store a pending secret:" << query.lastError().text();
        return std::nullopt;
    }
    return secret;
}

TwoStepCheck::Outcome TwoStepEnrolment::confirm(const QString &userId, const QString &code)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT pending_secret FROM two_step WHERE user_id = ? AND "
                                 "pending_secret IS NOT NULL"));
    query.addBindValue(userId);
    if (!query.exec() || !query.next())
        return TwoStepCheck::Outcome::NotEnrolled;
    const QByteArray secret = query.value(0).toByteArray();
    query.finish();
    const auto outcome = m_check.checkTotp(userId, secret, code);
    if (outcome != TwoStepCheck::Outcome::Accepted)
        return outcome;
    query.prepare(QStringLiteral("UPDATE two_step SET secret = pending_secret, pending_secret = "
                                 "NULL, enabled_at = strftime('%s','now') WHERE user_id = ?"));
    query.addBindValue(userId);
    if (!query.exec()) {
        qCWarning(lcAuth) << "Could not enable 2-step:" << query.lastError().text();
        return TwoStepCheck::Outcome::NotEnrolled;
    }
    qCInfo(lcAuth) << "2-step verification enabled for" << userId;
    return outcome;
}

void TwoStepEnrolment::disable(const QString &userId)
{
    // The row and its last_step stay: harmless, and a later enrolment reuses the row.
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("UPDATE two_step SET secret = NULL, pending_secret = NULL, "
                                 "enabled_at = NULL WHERE user_id = ?"));
    query.addBindValue(userId);
    if (!query.exec())
        qCWarning(lcAuth) << "Could not disable 2-step:" << query.lastError().text();
    qCInfo(lcAuth) << "2-step verification disabled for" << userId;
}

} // namespace moim::server
