#pragma once

#include <QString>

namespace moim {

// The secret a desktop keeps while it waits for a phone to approve its sign-in (QR or push):
// 256 bits from the system CSPRNG, base64url. Before the approval only its SHA-256 leaves the
// desktop (in the login channel's first frame); the secret itself goes once, in the body of the
// redeeming request. It never appears in a QR code, a URL or a log.
class LoginSecret
{
public:
    static QString generate();
    // base64url (no padding) of the SHA-256 of the secret, as the first frame carries it.
    static QString hashOf(const QString &secret);
};

} // namespace moim
