#include "account_store.h"

#include "clock.h"
#include "conversation_store.h"
#include "database.h"
#include "secure_token.h"
#include "server_logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <protocol/protocol.h>

namespace moim::server {

using namespace Qt::StringLiterals;

namespace {

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Account query failed:" << query.lastError().text();
    return false;
}

AccountStore::Account accountFrom(const QSqlQuery &query)
{
    return {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toBool()};
}

// The tile shows one letter: the first character of the workspace's own name ("모" for 모임 본사).
QString initialsOf(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    const qsizetype length = trimmed.at(0).isHighSurrogate() && trimmed.size() > 1 ? 2 : 1;
    return trimmed.left(length).toUpper();
}

} // namespace

AccountStore::AccountStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

bool AccountStore::isEmpty() const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT 1 FROM users LIMIT 1"));
    return execOrWarn(query) && !query.next();
}

std::optional<AccountStore::Account> AccountStore::findByEmail(const QString &normalisedEmail) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT id, email, display_name, password_hash, deactivated "
                                 "FROM users WHERE email = ?"));
    query.addBindValue(normalisedEmail);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return accountFrom(query);
}

std::optional<AccountStore::Account> AccountStore::findById(const QString &id) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT id, email, display_name, password_hash, deactivated "
                                 "FROM users WHERE id = ?"));
    query.addBindValue(id);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return accountFrom(query);
}

QJsonObject AccountStore::accountJson(const Account &account)
{
    return {{QStringLiteral("id"), account.id},
            {QStringLiteral("email"), account.email},
            {QStringLiteral("display_name"), account.displayName}};
}

QString AccountStore::lockedWorkspacesQuery()
{
    return u"SELECT lw.id FROM workspaces lw WHERE lw.require_two_step = 1 AND NOT ("
           "EXISTS (SELECT 1 FROM two_step lt WHERE lt.user_id = :user AND lt.enabled_at IS NOT "
           "NULL) AND EXISTS (SELECT 1 FROM sessions ls WHERE ls.id = :session AND ls.user_id = "
           ":user AND ls.two_step_passed = 1))"_s;
}

QJsonArray AccountStore::activeWorkspaces(const QString &userId, const QString &sessionId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT w.id, w.name, w.name_en, m.role, w.color, w.id IN ("_s +
                  lockedWorkspacesQuery() +
                  u") FROM memberships m JOIN workspaces w ON w.id = m.workspace_id JOIN users u "
                  "ON u.id = m.user_id WHERE m.user_id = :user AND u.deactivated = 0 ORDER BY "
                  "w.position, w.id"_s);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":session"_s, sessionId);
    QJsonArray result;
    if (!execOrWarn(query))
        return result;
    while (query.next()) {
        const QString name = query.value(1).toString();
        QJsonObject workspace{{QStringLiteral("id"), query.value(0).toString()},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("name_en"), query.value(2).toString()},
                              {QStringLiteral("initials"), initialsOf(name)},
                              {QStringLiteral("role"), query.value(3).toString()},
                              {QStringLiteral("color"), query.value(4).toString()}};
        if (query.value(5).toInt() != 0)
            workspace.insert(QStringLiteral("locked"),
                             QString(moim::protocol::lock::TwoStepRequired));
        result.append(workspace);
    }
    return result;
}

bool AccountStore::isLockedFor(const QString &userId, const QString &sessionId,
                               const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT 1 WHERE :workspace IN ("_s + lockedWorkspacesQuery() + u")"_s);
    query.bindValue(u":workspace"_s, workspaceId);
    query.bindValue(u":user"_s, userId);
    query.bindValue(u":session"_s, sessionId);
    return execOrWarn(query) && query.next();
}

bool AccountStore::setRequireTwoStep(const QString &workspace, bool require, QStringList *memberIds)
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT id FROM workspaces WHERE id = ? OR name = ? OR name_en = ?"));
    for (int i = 0; i < 3; ++i)
        query.addBindValue(workspace);
    if (!execOrWarn(query) || !query.next())
        return false;
    const QString workspaceId = query.value(0).toString();
    query.finish();
    query.prepare(QStringLiteral("UPDATE workspaces SET require_two_step = ? WHERE id = ?"));
    query.addBindValue(require ? 1 : 0);
    query.addBindValue(workspaceId);
    if (!execOrWarn(query))
        return false;
    query.prepare(QStringLiteral("SELECT user_id FROM memberships WHERE workspace_id = ?"));
    query.addBindValue(workspaceId);
    if (execOrWarn(query)) {
        while (query.next())
            memberIds->append(query.value(0).toString());
    }
    return true;
}

bool AccountStore::workspaceExists(const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT 1 FROM workspaces WHERE id = ?"));
    query.addBindValue(workspaceId);
    return execOrWarn(query) && query.next();
}

bool AccountStore::isActiveMember(const QString &userId, const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        QStringLiteral("SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id "
                       "WHERE m.user_id = ? AND m.workspace_id = ? AND u.deactivated = 0"));
    query.addBindValue(userId);
    query.addBindValue(workspaceId);
    return execOrWarn(query) && query.next();
}

QJsonArray AccountStore::conversations(const QString &userId, const QString &workspaceId) const
{
    return ConversationStore(m_database, m_clock).list(userId, workspaceId);
}

std::optional<AccountStore::Account> AccountStore::createAccount(const QString &normalisedEmail,
                                                                 const QString &displayName,
                                                                 const QString &passwordHash)
{
    const QString id = SecureToken::randomId("u_"_L1);
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("INSERT INTO users (id, email, display_name, password_hash, "
                                 "deactivated, created_at) VALUES (?, ?, ?, ?, 0, ?)"));
    query.addBindValue(id);
    query.addBindValue(normalisedEmail);
    query.addBindValue(displayName);
    query.addBindValue(passwordHash);
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query))
        return std::nullopt;
    return findById(id);
}

QString AccountStore::createWorkspace(const QString &name, const QString &nameEn)
{
    // Tiles get a colour from a small palette that stays readable with white initials.
    static const QStringList palette{u"#3B6FE0"_s, u"#D9485F"_s, u"#2E9E6A"_s,
                                     u"#8A5CF6"_s, u"#E07A2E"_s, u"#1E8FA8"_s};
    QSqlQuery count(m_database.handle());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM workspaces"));
    const int position = execOrWarn(count) && count.next() ? count.value(0).toInt() : 0;
    const QString id = SecureToken::randomId("w_"_L1);
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("INSERT INTO workspaces (id, name, name_en, color, position, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(name);
    query.addBindValue(nameEn);
    query.addBindValue(palette.at(position % palette.size()));
    query.addBindValue(position);
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query))
        return {};
    // Every workspace starts with a channel everyone sees.
    QSqlQuery channel(m_database.handle());
    channel.prepare(QStringLiteral("INSERT INTO conversations (id, workspace_id, kind, name, "
                                   "topic, created_at) VALUES (?, ?, 'channel', ?, '', ?)"));
    channel.addBindValue(SecureToken::randomId("c_"_L1));
    channel.addBindValue(id);
    channel.addBindValue(u"general"_s);
    channel.addBindValue(m_clock.now());
    execOrWarn(channel);
    return id;
}

bool AccountStore::addMembership(const QString &userId, const QString &workspaceId,
                                 const QString &role)
{
    if (!workspaceExists(workspaceId))
        return false;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO memberships (user_id, workspace_id, role) "
                                 "VALUES (?, ?, ?)"));
    query.addBindValue(userId);
    query.addBindValue(workspaceId);
    query.addBindValue(role);
    return execOrWarn(query);
}

bool AccountStore::setPasswordHash(const QString &userId, const QString &hash)
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
    query.addBindValue(hash);
    query.addBindValue(userId);
    return execOrWarn(query) && query.numRowsAffected() == 1;
}

QJsonObject AccountStore::workspaceSummary(const QString &workspaceId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT id, name, name_en FROM workspaces WHERE id = ?"));
    query.addBindValue(workspaceId);
    if (!execOrWarn(query) || !query.next())
        return {};
    return {{u"id"_s, query.value(0).toString()},
            {u"name"_s, query.value(1).toString()},
            {u"name_en"_s, query.value(2).toString()}};
}

QStringList AccountStore::workspaceNames(const QString &userId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("SELECT w.name, w.name_en FROM workspaces w JOIN memberships m "
                                 "ON m.workspace_id = w.id WHERE m.user_id = ?"));
    query.addBindValue(userId);
    QStringList names;
    if (!execOrWarn(query))
        return names;
    while (query.next())
        names << query.value(0).toString() << query.value(1).toString();
    return names;
}

AccountStore::Result AccountStore::setDeactivated(const QString &normalisedEmail, bool deactivated,
                                                  QString *userId)
{
    const auto account = findByEmail(normalisedEmail);
    if (!account)
        return Result::NoSuchAccount;
    *userId = account->id;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("UPDATE users SET deactivated = ? WHERE id = ?"));
    query.addBindValue(deactivated ? 1 : 0);
    query.addBindValue(account->id);
    execOrWarn(query);
    qCInfo(lcAdmin) << (deactivated ? "Deactivated" : "Reactivated") << account->id << "at"
                    << m_clock.now();
    return Result::Ok;
}

AccountStore::Result AccountStore::removeMembership(const QString &normalisedEmail,
                                                    const QString &workspaceId, QString *userId)
{
    const auto account = findByEmail(normalisedEmail);
    if (!account)
        return Result::NoSuchAccount;
    *userId = account->id;
    QSqlQuery query(m_database.handle());
    query.prepare(QStringLiteral("DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?"));
    query.addBindValue(account->id);
    query.addBindValue(workspaceId);
    if (!execOrWarn(query) || query.numRowsAffected() != 1)
        return Result::NoSuchMembership;
    return Result::Ok;
}

} // namespace moim::server
