#pragma once

#include "account/workspace.h"

#include <QJsonObject>
#include <optional>

namespace moim {

// What a successful sign-in or refresh returns (docs/protocol.md, "session grant").
struct SessionGrant
{
    QString sessionId;
    QString accessToken;
    int accessExpiresIn = 0; // seconds
    QString refreshToken;
    qint64 refreshExpiresAt = 0;
    AccountIdentity account;
    QList<Workspace> workspaces;
    // With a sign-in (not a refresh): the proof to present at this account's next sign-in.
    QString deviceProof;

    // Empty when a required field is missing: a reply we cannot trust is no grant.
    static std::optional<SessionGrant> fromJson(const QJsonObject &object);
};

// The proof that lets a client revoke a session after deleting its tokens:
// base64url(SHA-256(refresh token)), see POST /auth/revoke.
QString revocationProof(const QString &refreshToken);

} // namespace moim
