#pragma once

#include "auth/session_grant.h"

#include <QString>
#include <optional>

namespace moim::phone {

// The phone's own sign-in, kept like a mobile app keeps it: in the phone profile's folder, in a
// file only its owner can read.
class PhoneSession
{
public:
    explicit PhoneSession(QString profileDir);

    QString filePath() const;
    bool save(const SessionGrant &grant) const;
    std::optional<SessionGrant> load() const;
    bool clear() const;

private:
    QString m_profileDir;
};

} // namespace moim::phone
