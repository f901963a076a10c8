#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace moim::server {

// Encryption at rest for the secrets the server must read back (TOTP secrets): XChaCha20-
// Poly1305 under a 256-bit key kept in the data folder (`server-key`, mode 0600), apart from
// the database, so a copied database file alone gives away no authenticator. Each value is
// bound to what it belongs to (the associated data, e.g. the user id), so a sealed value moved
// to another row no longer opens.
class SecretBox
{
public:
    // Reads the key file, or creates it with a fresh random key.
    bool loadOrCreate(const QString &dataDir, QString *error);

    // version byte, 24-byte nonce, ciphertext and 16-byte tag.
    QByteArray seal(const QByteArray &plain, const QByteArray &associated) const;
    // nullopt when the value was not sealed with this key for this associated data.
    std::optional<QByteArray> open(const QByteArray &sealed, const QByteArray &associated) const;
    // Whether a stored value is sealed (as opposed to a clear value from an older version).
    static bool isSealed(const QByteArray &stored);

    static QString keyPath(const QString &dataDir);

private:
    QByteArray m_key;
};

} // namespace moim::server
