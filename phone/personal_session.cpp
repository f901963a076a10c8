#include "personal_session.h"

#include "storage/profile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace moim::phone {

using namespace Qt::StringLiterals;

PersonalSession::PersonalSession(QString profileDir)
    : m_profileDir(std::move(profileDir))
{}

QString PersonalSession::filePath() const
{
    return m_profileDir + u"/personal.json"_s;
}

bool PersonalSession::save(const Saved &session) const
{
    if (!Profile::ensurePrivateDir(m_profileDir))
        return false;
    const QJsonObject object{
        {u"token"_s, session.token},
        {u"expires_at"_s, session.expiresAt},
        {u"personal_account"_s,
         QJsonObject{{u"id"_s, session.personalId}, {u"display_name"_s, session.displayName}}}};
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    // Private before the first byte of the token is written.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson());
    return file.commit();
}

std::optional<PersonalSession::Saved> PersonalSession::load() const
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject account = object.value("personal_account"_L1).toObject();
    Saved saved{object.value("token"_L1).toString(), object.value("expires_at"_L1).toInteger(),
                account.value("id"_L1).toString(), account.value("display_name"_L1).toString()};
    if (saved.token.isEmpty() || saved.personalId.isEmpty())
        return std::nullopt;
    return saved;
}

} // namespace moim::phone
