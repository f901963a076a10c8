#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace moim::server {

class Clock;
class Database;

// Accounts, workspaces, memberships and conversations as the REST API and the admin API see
// them. Deactivation is a flag on the account (every membership counts as inactive while it is
// set), so reactivation restores exactly the memberships the account had.
class AccountStore
{
public:
    struct Account
    {
        QString id;
        QString email;
        QString displayName;
        QString passwordHash;
        bool deactivated = false;
    };

    enum class Result
    {
        Ok,
        NoSuchAccount,
        NoSuchMembership
    };

    AccountStore(Database &database, const Clock &clock);

    bool isEmpty() const;
    std::optional<Account> findByEmail(const QString &normalisedEmail) const;
    std::optional<Account> findById(const QString &id) const;

    // {id, email, display_name} as in the session grant.
    static QJsonObject accountJson(const Account &account);
    // The workspaces with an active membership, in sidebar order, as in the session grant, as
    // the session sessionId sees them: a workspace closed to it (lockedWorkspacesQuery) carries
    // "locked": "two_step_required". Without a session every such workspace counts as closed.
    QJsonArray activeWorkspaces(const QString &userId, const QString &sessionId = {}) const;
    // Whether the workspace is closed to this session of the user (lockedWorkspacesQuery).
    bool isLockedFor(const QString &userId, const QString &sessionId,
                     const QString &workspaceId) const;
    // The one statement of the 2-step lock, as a subquery that binds :user and :session: the
    // workspaces that require 2-step verification, unless the user has it on and this session
    // passed it. Every workspace-scoped call, the catch-up and the event stream use it.
    static QString lockedWorkspacesQuery();
    // Sets the admin policy; workspace is an id or an exact (Korean or English) name. Fills
    // memberIds with the users whose workspace list changes. False: no such workspace.
    bool setRequireTwoStep(const QString &workspace, bool require, QStringList *memberIds);

    bool workspaceExists(const QString &workspaceId) const;
    bool isActiveMember(const QString &userId, const QString &workspaceId) const;
    QJsonArray conversations(const QString &userId, const QString &workspaceId) const;

    // Onboarding: new accounts, workspaces and memberships, and password changes.
    std::optional<Account> createAccount(const QString &normalisedEmail, const QString &displayName,
                                         const QString &passwordHash);
    QString createWorkspace(const QString &name, const QString &nameEn);
    // Adds (or keeps) a membership; false when the workspace does not exist.
    bool addMembership(const QString &userId, const QString &workspaceId, const QString &role);
    bool setPasswordHash(const QString &userId, const QString &passwordHash);
    // {id, name, name_en} of one workspace, empty when unknown.
    QJsonObject workspaceSummary(const QString &workspaceId) const;
    // Names of the user's workspaces, for the password policy's dictionary.
    QStringList workspaceNames(const QString &userId) const;

    Result setDeactivated(const QString &normalisedEmail, bool deactivated, QString *userId);
    Result removeMembership(const QString &normalisedEmail, const QString &workspaceId,
                            QString *userId);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace moim::server
