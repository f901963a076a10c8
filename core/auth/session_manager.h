#pragma once

#include "account/account.h"
#include "net/api_error.h"
#include "storage/profile.h"

#include <QObject>
#include <QSettings>
#include <memory>

namespace moim {

class ApiClient;
class DeviceProofStore;
class SecretStore;
struct SessionGrant;

// Owns the profile's account (one for now; the registry shape allows more later): restores a
// remembered session at start, adopts the grant of a finished sign-in, keeps the refresh token in
// the keychain when the user asked to stay signed in (with the device proof of the sign-in, which
// stays after signing out), and signs out — also offline.
//
// A shared-computer session keeps its local data only while it runs: the account's folder is
// marked in the settings before anything is written to it, deleted when the session ends (log
// out, quit, destruction) and, after a crash or power cut, at the next construction on this
// profile, before anything can be restored or shown.
class SessionManager : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        SignedOut,
        SignedIn
    };
    Q_ENUM(State)

    enum class SignOutReason
    {
        UserLoggedOut,
        Deactivated,
        SessionEnded,
        PasswordReset,
        TwoStepEnabled
    };
    Q_ENUM(SignOutReason)

    SessionManager(Profile profile, ApiClient *api, SecretStore *secrets,
                   QObject *parent = nullptr);
    ~SessionManager() override;

    State state() const { return m_state; }
    Account *account() const { return m_account.get(); }
    const Profile &profile() const { return m_profile; }
    ApiClient *api() const { return m_api; }
    // The device proofs of this server's accounts, presented at password sign-in.
    DeviceProofStore *deviceProofs() const { return m_deviceProofs; }
    // True when the current session lives in memory only (not remembered, or no keychain).
    bool isSessionOnly() const { return m_sessionOnly; }
    // True when "this is a shared computer" was chosen for the current session.
    bool isSharedComputer() const { return m_sharedComputer; }
    // True when the last sign-in on this profile was on a shared computer: the sign-in page
    // offers the same choice to the next person.
    bool lastSignInWasShared() const;
    // Accounts whose local data a shared-computer session left and that are not deleted yet
    // (normally empty outside a running shared-computer session).
    QStringList accountsMarkedForDeletion() const;

    // At start: signs in from the remembered session, painting from the cache first. Answers
    // synchronously whether there was one to restore.
    bool restore();
    // Called by a sign-in flow that succeeded.
    void adoptGrant(const SessionGrant &grant, bool keepSignedIn, bool sharedComputer);
    // Ends the session: tells the server (now, or once it is reachable again), deletes the
    // keychain entry and, if asked or on a shared computer, the local cache.
    void logout(bool deleteLocalData = false);

    // The keychain key and namespace this profile uses; tests look entries up with them.
    QString keychainKey(const QString &accountId) const;
    static QString keychainService(const Profile &profile, const ApiClient *api);
    QString cacheFile(const QString &accountId) const;
    // Revocations still owed to the server from an offline logout.
    int pendingRevocationCount() const;
    // Tries to deliver owed revocations now.
    void flushPendingRevocations();

Q_SIGNALS:
    void stateChanged(moim::SessionManager::State state);
    // A different account object is now current (a new sign-in while signed in, e.g. accepting
    // an invitation): views holding the old one must be rebuilt.
    void accountChanged();
    void signedOut(moim::SessionManager::SignOutReason reason);
    // No keychain works: the session is kept in memory only. Emitted once per run.
    void keychainUnavailable();
    // Local secrets and (if asked) data are gone; the server revocation may still be queued.
    void logoutFinished();

private:
    void setState(State state);
    std::unique_ptr<Account> createAccount(const AccountIdentity &identity);
    void storeRefreshToken(const QString &refreshToken);
    void endLocally(SignOutReason reason, bool deleteLocalData);
    void queueRevocation(const QString &sessionId, const QString &proof);
    void reportKeychainUnavailable();
    void markForDeletion(const QString &accountId);
    // Deletes the account's whole folder (caches, outbox, whatever lives there) and, once it is
    // gone, its mark. False when something could not be deleted; the mark then stays.
    bool deleteAccountData(const QString &accountId);
    void deleteMarkedAccountData();
    void closeAccount(Account *account);

    Profile m_profile;
    ApiClient *m_api;
    SecretStore *m_secrets;
    DeviceProofStore *m_deviceProofs;
    QSettings m_settings;
    std::unique_ptr<Account> m_account;
    State m_state = State::SignedOut;
    bool m_sessionOnly = false;
    bool m_sharedComputer = false;
    bool m_keychainReported = false;
};

} // namespace moim
