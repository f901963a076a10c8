#include "session_grant.h"

#include "protocol/protocol.h"

#include <QCryptographicHash>

namespace moim {

using namespace Qt::StringLiterals;

std::optional<SessionGrant> SessionGrant::fromJson(const QJsonObject &object)
{
    SessionGrant grant;
    grant.sessionId = object.value("session_id"_L1).toString();
    grant.accessToken = object.value("access_token"_L1).toString();
    grant.accessExpiresIn = object.value("access_expires_in"_L1).toInt();
    grant.refreshToken = object.value("refresh_token"_L1).toString();
    grant.refreshExpiresAt = object.value("refresh_expires_at"_L1).toInteger();
    grant.account = AccountIdentity::fromJson(object.value("account"_L1).toObject());
    grant.workspaces = Workspace::listFromJson(object.value("workspaces"_L1));
    grant.deviceProof = object.value(protocol::field::DeviceProof).toString();
    if (grant.sessionId.isEmpty() || grant.accessToken.isEmpty() || grant.refreshToken.isEmpty() ||
        !grant.account.isValid() || grant.accessExpiresIn <= 0)
        return std::nullopt;
    return grant;
}

QString revocationProof(const QString &refreshToken)
{
    const QByteArray digest =
        QCryptographicHash::hash(refreshToken.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace moim
