#include "password_hasher.h"

#include "secure_token.h"

#include <sodium.h>

namespace moim::server {

PasswordHasher::Limits PasswordHasher::Limits::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHasher::Limits PasswordHasher::Limits::minimal()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(Limits limits)
    : m_limits(limits)
{
    SecureToken::initialiseSodium();
    m_dummyHash = hash(SecureToken::generate().toLatin1());
}

QString PasswordHasher::hash(const QByteArray &password) const
{
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.constData(),
                              static_cast<unsigned long long>(password.size()), m_limits.opsLimit,
                              m_limits.memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        // Only out-of-memory gets here; an empty hash never verifies, so the account is unusable
        // rather than open.
        return {};
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QByteArray &password) const
{
    ++m_verifications;
    const QByteArray encoded = hash.toLatin1();
    if (encoded.isEmpty())
        return false;
    return crypto_pwhash_str_verify(encoded.constData(), password.constData(),
                                    static_cast<unsigned long long>(password.size())) == 0;
}

} // namespace moim::server
