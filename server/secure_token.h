#pragma once

#include <QByteArray>
#include <QString>

namespace moim::server {

// Small wrappers over libsodium for the secrets the server hands out. Tokens are 256 bits from
// the CSPRNG, written as base64url without padding; the server keeps only their SHA-256.
class SecureToken
{
public:
    // Call before any other libsodium use; cheap and idempotent.
    static void initialiseSodium();

    static QString generate();
    // An opaque identifier such as "s_3fa9…" (not a secret, but still unguessable).
    static QString randomId(QLatin1StringView prefix);
    static QByteArray sha256(const QByteArray &data);
    static QByteArray sha256(const QString &token) { return sha256(token.toUtf8()); }
    static QString base64Url(const QByteArray &bytes);
    static QByteArray fromBase64Url(const QString &text);
    // Constant-time for equal lengths (sodium_memcmp); differing lengths are simply unequal.
    static bool equal(const QByteArray &a, const QByteArray &b);
};

} // namespace moim::server
