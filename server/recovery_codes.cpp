#include "recovery_codes.h"

#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <otp/totp.h>
#include <protocol/protocol.h>
#include <sodium.h>

namespace moim::server {

namespace {

constexpr int CodeBytes = 10; // 80 bits
constexpr int CodeChars = 16; // base32 of 10 bytes

} // namespace

RecoveryCodes::RecoveryCodes(Database &database)
    : m_database(database)
{
    SecureToken::initialiseSodium();
}

QString RecoveryCodes::normalise(const QString &code)
{
    QString result;
    for (const QChar c : code) {
        if (c == u'-' || c == u' ')
            continue;
        if (c.unicode() > 127 || !c.isLetterOrNumber())
            return {};
        result.append(c.toUpper());
    }
    return result.size() == CodeChars ? result : QString();
}

QStringList RecoveryCodes::regenerate(const QString &userId)
{
    QStringList codes;
    for (int i = 0; i < moim::protocol::limits::RecoveryCodeCount; ++i) {
        QByteArray bytes(CodeBytes, Qt::Uninitialized);
        randombytes_buf(bytes.data(), size_t(bytes.size()));
        const QString plain = moim::otp::Totp::toBase32(bytes);
        codes.append(plain.mid(0, 4) + u'-' + plain.mid(4, 4) + u'-' + plain.mid(8, 4) + u'-' +
                     plain.mid(12, 4));
    }
    QSqlDatabase db = m_database.handle();
    db.transaction();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM recovery_codes WHERE user_id = ?"));
    query.addBindValue(userId);
    bool ok = query.exec();
    for (const QString &code : std::as_const(codes)) {
        if (!ok)
            break;
        query.prepare(QStringLiteral("INSERT INTO recovery_codes (hash, user_id) VALUES (?, ?)"));
        query.addBindValue(SecureToken::sha256(normalise(code)));
        query.addBindValue(userId);
        ok = query.exec();
    }
    if (!ok || !db.commit()) {
        qCWarning(lcAuth) << "Could not store recovery codes:" << query.lastError().text();
        db.rollback();
        return {};
    }
    return codes;
}

int RecoveryCodes::remaining(const QString &userId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL"));
    query.addBindValue(userId);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

void RecoveryCodes::removeAll(const QString &userId)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("DELETE FROM recovery_codes WHERE user_id = ?"));
    query.addBindValue(userId);
    if (!query.exec())
        qCWarning(lcAuth) << "Could not remove recovery codes:" << query.lastError().text();
}

} // namespace moim::server
