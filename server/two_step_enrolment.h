#pragma once

#include "two_step_check.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace moim::server {

class Database;
class SecretBox;

// Turning 2-step verification on and off for an account. Setting up stores a pending secret
// that only becomes the account's secret once the user proves, with a code, that the
// authenticator holds it; until then sign-in is unchanged. Secrets are stored sealed (SecretBox)
// under the user id, never in clear.
class TwoStepEnrolment
{
public:
    TwoStepEnrolment(Database &database, TwoStepCheck &check, const SecretBox &secrets);

    // Seals the secrets an older version stored in clear; run once at start. False when the
    // database could not be updated (nothing is changed then).
    bool sealClearSecrets();

    // A fresh 160-bit pending secret (replacing an earlier pending one).
    std::optional<QByteArray> begin(const QString &userId);
    // Checks code against the pending secret and, when accepted, enables 2-step with it.
    TwoStepCheck::Outcome confirm(const QString &userId, const QString &code);
    void disable(const QString &userId);

private:
    Database &m_database;
    TwoStepCheck &m_check;
    const SecretBox &m_secrets;
};

} // namespace moim::server
