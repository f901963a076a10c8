#include "personal_account_store.h"

#include "clock.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <protocol/protocol.h>

namespace moim::server {

namespace limits = moim::protocol::limits;

namespace {

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Personal account query failed:" << query.lastError().text();
    return false;
}

constexpr int MinIdLength = 3;

} // namespace

PersonalAccountStore::PersonalAccountStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

QString PersonalAccountStore::normaliseId(const QString &id)
{
    const QString key = id.trimmed().normalized(QString::NormalizationForm_C).toLower();
    if (key.size() < MinIdLength || key.size() > limits::MaxPersonalAccountIdLength)
        return {};
    for (const QChar c : key) {
        if (c.isSpace() || c.category() == QChar::Other_Control ||
            c.category() == QChar::Other_Format)
            return {};
    }
    return key;
}

std::optional<PersonalAccountStore::PersonalAccount>
PersonalAccountStore::find(const QString &normalisedId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT id, display_name, password_hash FROM personal_accounts WHERE id = ?"));
    query.addBindValue(normalisedId);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return PersonalAccount{query.value(0).toString(), query.value(1).toString(),
                           query.value(2).toString()};
}

bool PersonalAccountStore::create(const QString &normalisedId, const QString &displayName,
                                  const QString &passwordHash)
{
    if (normalisedId.isEmpty() || normaliseId(normalisedId) != normalisedId)
        return false;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO personal_accounts (id, display_name, "
                                 "password_hash, created_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(normalisedId);
    query.addBindValue(displayName);
    query.addBindValue(passwordHash);
    query.addBindValue(m_clock.now());
    return execOrWarn(query) && query.numRowsAffected() == 1;
}

QString PersonalAccountStore::createSession(const QString &personalId, const QString &deviceName,
                                            qint64 *expiresAt)
{
    const QString token = SecureToken::generate();
    *expiresAt = m_clock.now() + limits::PersonalSessionSeconds;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("INSERT INTO personal_sessions (token_hash, personal_id, "
                                 "device_name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(SecureToken::sha256(token));
    query.addBindValue(personalId);
    query.addBindValue(deviceName);
    query.addBindValue(m_clock.now());
    query.addBindValue(*expiresAt);
    return execOrWarn(query) ? token : QString();
}

std::optional<QString> PersonalAccountStore::authenticate(const QString &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT personal_id FROM personal_sessions WHERE token_hash = ? AND expires_at > ?"));
    query.addBindValue(SecureToken::sha256(token));
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

PersonalAccountStore::LinkResult PersonalAccountStore::link(const QString &personalId,
                                                            const QString &userId)
{
    if (!find(personalId))
        return LinkResult::NoSuchAccount;
    if (const auto existing = linkOfPersonal(personalId))
        return existing->userId == userId ? LinkResult::UserHasLink
                                          : LinkResult::PersonalLinkedElsewhere;
    if (linkOfUser(userId))
        return LinkResult::UserHasLink;
    QSqlQuery query(m_database.handle());
    // The constraints decide a race between two approvals; the checks above only name the loser.
    query.prepare(QStringLiteral(
        "INSERT INTO personal_links (personal_id, user_id, linked_at) VALUES (?, ?, ?)"));
    query.addBindValue(personalId);
    query.addBindValue(userId);
    query.addBindValue(m_clock.now());
    return execOrWarn(query) ? LinkResult::Linked : LinkResult::Failed;
}

bool PersonalAccountStore::unlink(const QString &userId, Link *removed)
{
    const auto link = linkOfUser(userId);
    if (!link)
        return false;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("DELETE FROM personal_links WHERE user_id = ?"));
    query.addBindValue(userId);
    if (!execOrWarn(query) || query.numRowsAffected() != 1)
        return false;
    *removed = *link;
    return true;
}

namespace {

std::optional<PersonalAccountStore::Link> linkFrom(QSqlQuery &query)
{
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return PersonalAccountStore::Link{query.value(0).toString(), query.value(1).toString(),
                                      query.value(2).toString(), query.value(3).toLongLong()};
}

} // namespace

std::optional<PersonalAccountStore::Link>
PersonalAccountStore::linkOfUser(const QString &userId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT l.personal_id, p.display_name, l.user_id, l.linked_at FROM personal_links l "
        "JOIN personal_accounts p ON p.id = l.personal_id WHERE l.user_id = ?"));
    query.addBindValue(userId);
    return linkFrom(query);
}

std::optional<PersonalAccountStore::Link>
PersonalAccountStore::linkOfPersonal(const QString &personalId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "SELECT l.personal_id, p.display_name, l.user_id, l.linked_at FROM personal_links l "
        "JOIN personal_accounts p ON p.id = l.personal_id WHERE l.personal_id = ?"));
    query.addBindValue(personalId);
    return linkFrom(query);
}

void PersonalAccountStore::block(const QString &personalId, qint64 seconds)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral(
        "INSERT INTO push_blocks (personal_id, blocked_until) VALUES (?, ?) ON CONFLICT "
        "(personal_id) DO UPDATE SET blocked_until = MAX(blocked_until, excluded.blocked_until)"));
    query.addBindValue(personalId);
    query.addBindValue(m_clock.now() + seconds);
    execOrWarn(query);
}

std::optional<qint64> PersonalAccountStore::blockedFor(const QString &personalId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT blocked_until FROM push_blocks WHERE personal_id = ?"));
    query.addBindValue(personalId);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    const qint64 left = query.value(0).toLongLong() - m_clock.now();
    if (left <= 0)
        return std::nullopt;
    return left;
}

} // namespace moim::server
