#pragma once

#include <QString>

namespace moim::server {

// The one spelling of an account key: trimmed, Unicode NFC, lower case. Accounts and the
// sign-in throttle both key on it, so "Jimin.Kim@…" and " jimin.kim@…" are the same person.
class EmailAddress
{
public:
    static QString normalise(const QString &email);
};

} // namespace moim::server
