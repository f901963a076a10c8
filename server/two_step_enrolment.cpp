#include "two_step_enrolment.h"

#include "database.h"
#include "secret_box.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <otp/totp.h>
#include <sodium.h>

namespace moim::server {

TwoStepEnrolment::TwoStepEnrolment(Database &database, TwoStepCheck &check,
                                   const SecretBox &secrets)
    : m_database(database)
    , m_check(check)
    , m_secrets(secrets)
{}

bool TwoStepEnrolment::sealClearSecrets()
{
    QSqlDatabase db = m_database.handle();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT user_id, secret, pending_secret FROM two_step")))
        return false;
    struct Row
    {
        QString userId;
        QVariant secret;
        QVariant pending;
    };
    QList<Row> clear;
    const auto sealedOrNull = [this](const QVariant &stored, const QString &userId) {
        const QByteArray bytes = stored.toByteArray();
        if (stored.isNull() || SecretBox::isSealed(bytes))
            return stored;
        return QVariant(m_secrets.seal(bytes, userId.toUtf8()));
    };
    while (query.next()) {
        const QString userId = query.value(0).toString();
        const QVariant secret = query.value(1);
        const QVariant pending = query.value(2);
        if ((!secret.isNull() && !SecretBox::isSealed(secret.toByteArray())) ||
            (!pending.isNull() && !SecretBox::isSealed(pending.toByteArray())))
            clear.append({userId, sealedOrNull(secret, userId), sealedOrNull(pending, userId)});
    }
    query.finish();
    if (clear.isEmpty())
        return true;
    db.transaction();
    query.prepare(
        QStringLiteral("UPDATE two_step SET secret = ?, pending_secret = ? WHERE user_id = ?"));
    for (const Row &row : std::as_const(clear)) {
        query.addBindValue(row.secret);
        query.addBindValue(row.pending);
        query.addBindValue(row.userId);
        if (!query.exec()) {
            qCWarning(lcAuth) << "Could not seal a 2-step secret:" << query.lastError().text();
            db.rollback();
            return false;
        }
    }
    if (!db.commit())
        return false;
    // The clear values must not linger in the WAL or in the old page images of the file
    // (secure_delete, set when the database opens, overwrites what is replaced).
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        qCWarning(lcAuth) << "Could not checkpoint after sealing:" << query.lastError().text();
    qCInfo(lcAuth) << "Sealed" << clear.size() << "2-step secrets stored in clear";
    return true;
}

std::optional<QByteArray> TwoStepEnrolment::begin(const QString &userId)
{
    QByteArray secret(moim::otp::Totp::SecretBytes, Qt::Uninitialized);
    randombytes_buf(secret.data(), size_t(secret.size()));
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "INSERT INTO two_step (user_id, pending_secret) VALUES (?, ?) "
        "ON CONFLICT(user_id) DO UPDATE SET pending_secret = excluded.pending_secret"));
    query.addBindValue(userId);
    query.addBindValue(m_secrets.seal(secret, userId.toUtf8()));
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
    const auto secret = m_secrets.open(query.value(0).toByteArray(), userId.toUtf8());
    query.finish();
    if (!secret)
        return TwoStepCheck::Outcome::NotEnrolled;
    const auto outcome = m_check.checkTotp(userId, *secret, code);
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
