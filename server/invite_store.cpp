#include "invite_store.h"

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

const auto Columns = u"id, email, workspace_id, inviter_name, created_at, expires_at, "
                     "used_at IS NOT NULL, revoked_at IS NOT NULL, COALESCE(replaced_by, '')"_s;

InviteStore::Invite inviteFrom(const QSqlQuery &query)
{
    InviteStore::Invite invite;
    invite.id = query.value(0).toString();
    invite.email = query.value(1).toString();
    invite.workspaceId = query.value(2).toString();
    invite.inviterName = query.value(3).toString();
    invite.createdAt = query.value(4).toLongLong();
    invite.expiresAt = query.value(5).toLongLong();
    invite.used = query.value(6).toBool();
    invite.revoked = query.value(7).toBool();
    invite.replacedBy = query.value(8).toString();
    return invite;
}

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcDb) << "Invite query failed:" << query.lastError().text();
    return false;
}

} // namespace

InviteStore::InviteStore(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{}

std::optional<InviteStore::Issued>
InviteStore::insert(const QString &email, const QString &workspaceId, const QString &inviterName)
{
    Issued issued;
    issued.token = SecureToken::generate();
    Invite &invite = issued.invite;
    invite.id = SecureToken::randomId("i_"_L1);
    invite.email = email;
    invite.workspaceId = workspaceId;
    invite.inviterName = inviterName;
    invite.createdAt = m_clock.now();
    invite.expiresAt = invite.createdAt + ValiditySeconds;
    QSqlQuery query(m_database.handle());
    query.prepare(u"INSERT INTO invites (id, token_hash, email, workspace_id, inviter_name, "
                  "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(invite.id);
    query.addBindValue(SecureToken::sha256(issued.token));
    query.addBindValue(email);
    query.addBindValue(workspaceId);
    query.addBindValue(inviterName);
    query.addBindValue(invite.createdAt);
    query.addBindValue(invite.expiresAt);
    if (!execOrWarn(query))
        return std::nullopt;
    return issued;
}

std::optional<InviteStore::Issued> InviteStore::create(const QString &normalisedEmail,
                                                       const QString &workspaceId,
                                                       const QString &inviterName)
{
    return insert(normalisedEmail, workspaceId, inviterName);
}

std::optional<InviteStore::Issued> InviteStore::resend(const QString &inviteId)
{
    const auto old = find(inviteId);
    if (!old || statusOf(*old) == Status::Used || old->revoked)
        return std::nullopt;
    auto issued = insert(old->email, old->workspaceId, old->inviterName);
    if (!issued)
        return std::nullopt;
    QSqlQuery query(m_database.handle());
    query.prepare(u"UPDATE invites SET revoked_at = ?, replaced_by = ? WHERE id = ?"_s);
    query.addBindValue(m_clock.now());
    query.addBindValue(issued->invite.id);
    query.addBindValue(inviteId);
    execOrWarn(query);
    tellLinkEnded(inviteId);
    return issued;
}

bool InviteStore::revoke(const QString &inviteId)
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL "
                  "AND used_at IS NULL"_s);
    query.addBindValue(m_clock.now());
    query.addBindValue(inviteId);
    if (!execOrWarn(query) || query.numRowsAffected() != 1)
        return false;
    tellLinkEnded(inviteId);
    return true;
}

void InviteStore::tellLinkEnded(const QString &inviteId) const
{
    if (!m_linkEnded)
        return;
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT token_hash FROM invites WHERE id = ?"_s);
    query.addBindValue(inviteId);
    if (execOrWarn(query) && query.next())
        m_linkEnded(query.value(0).toByteArray());
}

QList<InviteStore::Invite> InviteStore::pending() const
{
    QList<Invite> invites;
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + Columns +
                  u" FROM invites WHERE used_at IS NULL AND revoked_at IS NULL AND "
                  "expires_at > ? ORDER BY created_at"_s);
    query.addBindValue(m_clock.now());
    if (!execOrWarn(query))
        return invites;
    while (query.next())
        invites.append(inviteFrom(query));
    return invites;
}

std::optional<InviteStore::Invite> InviteStore::find(const QString &inviteId) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + Columns + u" FROM invites WHERE id = ?"_s);
    query.addBindValue(inviteId);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    return inviteFrom(query);
}

InviteStore::Status InviteStore::statusOf(const Invite &invite) const
{
    if (invite.used)
        return Status::Used;
    if (!invite.replacedBy.isEmpty())
        return Status::Replaced;
    if (invite.revoked)
        return Status::Revoked;
    if (m_clock.now() >= invite.expiresAt)
        return Status::Expired;
    return Status::Valid;
}

InviteStore::Status InviteStore::lookup(const QString &token, Invite *invite) const
{
    QSqlQuery query(m_database.handle());
    query.prepare(u"SELECT "_s + Columns + u" FROM invites WHERE token_hash = ?"_s);
    query.addBindValue(SecureToken::sha256(token));
    if (!execOrWarn(query) || !query.next())
        return Status::Unknown;
    *invite = inviteFrom(query);
    return statusOf(*invite);
}

bool InviteStore::markUsed(const QString &inviteId)
{
    QSqlQuery query(m_database.handle());
    query.prepare(
        u"UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL"_s);
    query.addBindValue(m_clock.now());
    query.addBindValue(inviteId);
    if (!execOrWarn(query) || query.numRowsAffected() != 1)
        return false;
    tellLinkEnded(inviteId);
    return true;
}

} // namespace moim::server
