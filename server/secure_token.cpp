#include "secure_token.h"

#include <cstdlib>
#include <sodium.h>

namespace moim::server {

void SecureToken::initialiseSodium()
{
    // A function-local static makes the first call thread-safe; sodium_init itself is too, but
    // failing it means no CSPRNG, and a token server without one must not run at all.
    static const int result = sodium_init();
    if (result < 0)
        qFatal("libsodium could not be initialised");
}

QString SecureToken::generate()
{
    initialiseSodium();
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return base64Url(bytes);
}

QString SecureToken::randomId(QLatin1StringView prefix)
{
    initialiseSodium();
    QByteArray bytes(12, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return prefix + QString::fromLatin1(bytes.toHex());
}

QByteArray SecureToken::sha256(const QByteArray &data)
{
    initialiseSodium();
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       static_cast<unsigned long long>(data.size()));
    return digest;
}

QString SecureToken::base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray SecureToken::fromBase64Url(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

bool SecureToken::equal(const QByteArray &a, const QByteArray &b)
{
    initialiseSodium();
    if (a.size() != b.size())
        return false;
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace moim::server
