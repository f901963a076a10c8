#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

namespace moim {

class SecretStore;

// The device proofs this client got at sign-in (docs/protocol.md "Throttling"), one per account
// on the server the secret store is namespaced to. Presented at the next password sign-in to the
// same account, a proof keeps the owner from being throttled by someone else's failed guesses.
// A proof is a credential: it lives in the keychain next to the refresh token, never in a file,
// or in memory only where no keychain works or the session is not remembered (not kept signed
// in, a shared computer). Unlike the session it outlives a sign-out: that this computer signed
// in before is the whole point of it.
class DeviceProofStore : public QObject
{
    Q_OBJECT

public:
    explicit DeviceProofStore(SecretStore *secrets, QObject *parent = nullptr);

    // The keychain key of an account's proof: sign-in knows only the email, so it is keyed by
    // the email as the server normalises it (trimmed, NFC, lower case).
    static QString keychainKey(const QString &email);

    // Calls done with the stored proof for email, or an empty string, from the event loop and
    // never after context is destroyed.
    void lookup(const QString &email, QObject *context, std::function<void(QString)> done);
    // Keeps the proof of a new sign-in: in the keychain when persist, else in memory only.
    void remember(const QString &email, const QString &proof, bool persist);
    // Forgets the proof of email everywhere (signing out with "delete local data").
    void forget(const QString &email);

private:
    static QString accountKey(const QString &email);

    SecretStore *m_secrets;
    QHash<QString, QString> m_inMemory;
    bool m_keychainWorks = true;
};

} // namespace moim
