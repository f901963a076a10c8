#pragma once

#include "two_step_check.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace moim::server {

class Database;

// Turning 2-step verification on and off for an account. Setting up stores a pending secret
// that only becomes the account's secret once the user proves, with a code, that the
// authenticator holds it; until then sign-in is unchanged.
class TwoStepEnrolment
{
public:
    TwoStepEnrolment(Database &database, TwoStepCheck &check);

    // A fresh 160-bit pending secret (replacing an earlier pending one).
    std::optional<QByteArray> begin(const QString &userId);
    // Checks code against the pending secret and, when accepted, enables 2-step with it.
    TwoStepCheck::Outcome confirm(const QString &userId, const QString &code);
    void disable(const QString &userId);

private:
    Database &m_database;
    TwoStepCheck &m_check;
};

} // namespace moim::server
