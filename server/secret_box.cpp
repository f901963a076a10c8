#include "secret_box.h"

#include <QDir>
#include <QFile>
#include <sodium.h>

namespace moim::server {

namespace {

constexpr char FormatVersion = 0x01;
constexpr qsizetype KeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr qsizetype NonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype TagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

} // namespace

QString SecretBox::keyPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("server-key"));
}

bool SecretBox::loadOrCreate(const QString &dataDir, QString *error)
{
    if (sodium_init() < 0) {
        *error = QStringLiteral("libsodium could not start");
        return false;
    }
    QFile file(keyPath(dataDir));
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        m_key = file.readAll();
        if (m_key.size() != KeyBytes) {
            // Never replace a damaged key: every sealed secret would be lost with it.
            *error = QStringLiteral("%1 is damaged (expected %2 bytes)")
                         .arg(file.fileName())
                         .arg(KeyBytes);
            return false;
        }
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return true;
    }
    m_key.resize(KeyBytes);
    crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char *>(m_key.data()));
    // Restrict the mode before any key byte is written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(m_key) != KeyBytes || !file.flush()) {
        *error = QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool SecretBox::isSealed(const QByteArray &stored)
{
    return stored.size() > 1 + NonceBytes + TagBytes && stored.at(0) == FormatVersion;
}

QByteArray SecretBox::seal(const QByteArray &plain, const QByteArray &associated) const
{
    QByteArray sealed(1 + NonceBytes + plain.size() + TagBytes, Qt::Uninitialized);
    sealed[0] = FormatVersion;
    auto *nonce = reinterpret_cast<unsigned char *>(sealed.data() + 1);
    randombytes_buf(nonce, size_t(NonceBytes));
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + NonceBytes, &written, bytes(plain), quint64(plain.size()), bytes(associated),
        quint64(associated.size()), nullptr, nonce, bytes(m_key));
    sealed.resize(1 + NonceBytes + qsizetype(written));
    return sealed;
}

std::optional<QByteArray> SecretBox::open(const QByteArray &sealed,
                                          const QByteArray &associated) const
{
    if (!isSealed(sealed) || m_key.size() != KeyBytes)
        return std::nullopt;
    const auto *nonce = bytes(sealed) + 1;
    const auto *cipher = nonce + NonceBytes;
    const qsizetype cipherBytes = sealed.size() - 1 - NonceBytes;
    QByteArray plain(cipherBytes - TagBytes, Qt::Uninitialized);
    unsigned long long read = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()),
                                                   &read, nullptr, cipher, quint64(cipherBytes),
                                                   bytes(associated), quint64(associated.size()),
                                                   nonce, bytes(m_key)) != 0)
        return std::nullopt;
    plain.resize(qsizetype(read));
    return plain;
}

} // namespace moim::server
