#include "phone_session.h"

#include "storage/profile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace moim::phone {

using namespace Qt::StringLiterals;

PhoneSession::PhoneSession(QString profileDir)
    : m_profileDir(std::move(profileDir))
{}

QString PhoneSession::filePath() const
{
    return m_profileDir + u"/session.json"_s;
}

bool PhoneSession::save(const SessionGrant &grant) const
{
    if (!Profile::ensurePrivateDir(m_profileDir))
        return false;
    QJsonArray workspaces;
    for (const Workspace &workspace : grant.workspaces)
        workspaces.append(QJsonObject{{u"id"_s, workspace.id}, {u"name"_s, workspace.name}});
    const QJsonObject object{
        {u"session_id"_s, grant.sessionId},
        {u"access_token"_s, grant.accessToken},
        {u"access_expires_in"_s, grant.accessExpiresIn},
        {u"refresh_token"_s, grant.refreshToken},
        {u"account"_s, QJsonObject{{u"id"_s, grant.account.id},
                                   {u"email"_s, grant.account.email},
                                   {u"display_name"_s, grant.account.displayName}}},
        {u"workspaces"_s, workspaces},
    };
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Private before the first byte of a token is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson());
    return file.commit();
}

std::optional<SessionGrant> PhoneSession::load() const
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return SessionGrant::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

bool PhoneSession::clear() const
{
    return !QFile::exists(filePath()) || QFile::remove(filePath());
}

} // namespace moim::phone
