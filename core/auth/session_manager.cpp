#include "session_manager.h"

#include "auth/device_proof_store.h"
#include "auth/session_grant.h"
#include "chat/chat.h"
#include "chat/file_downloads.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "secrets/secret_store.h"
#include "storage/outbox_store.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "moim.core.session")

namespace moim {

using namespace Qt::StringLiterals;

namespace {
// Settings keys: identity and choices only, never a token.
const auto KeyAccountId = u"session/accountId"_s;
const auto KeyEmail = u"session/email"_s;
const auto KeyServer = u"session/server"_s;
const auto KeyShared = u"session/sharedComputer"_s;
// Accounts whose folder a shared-computer session may have written: deleted at the session's end
// or, if the process never got there, at the next start.
const auto KeyMarkedForDeletion = u"sharedComputer/deleteAccountData"_s;
// The choice of the last sign-in, kept after the session for the next person's sign-in page.
const auto KeyLastSignInShared = u"sharedComputer/lastSignIn"_s;
const auto GroupRevocations = u"pendingRevocations/"_s;
} // namespace

SessionManager::SessionManager(Profile profile, ApiClient *api, SecretStore *secrets,
                               QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_api(api)
    , m_secrets(secrets)
    , m_deviceProofs(new DeviceProofStore(secrets, this))
    , m_settings(m_profile.settingsFile(), QSettings::IniFormat)
{
    QFile::setPermissions(m_profile.settingsFile(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // A shared-computer session that was killed, crashed or lost power left its data behind:
    // it goes before anything can restore or paint it, whoever starts Moim next.
    deleteMarkedAccountData();
}

SessionManager::~SessionManager()
{
    // Quitting ends a shared-computer session like logging out does, as far as this computer is
    // concerned: nothing of it stays on disk.
    QString keptAccountId;
    if (m_account && m_sharedComputer) {
        const QString accountId = m_account->identity().id;
        closeAccount(m_account.get());
        m_account.reset();
        deleteAccountData(accountId);
        m_settings.remove(KeyShared);
        m_settings.sync();
    } else if (m_account) {
        keptAccountId = m_account->identity().id;
    }
    // What an earlier shared session of this run could not delete then (a file still open).
    const QStringList marked = accountsMarkedForDeletion();
    for (const QString &accountId : marked) {
        if (accountId != keptAccountId)
            deleteAccountData(accountId);
    }
}

bool SessionManager::lastSignInWasShared() const
{
    return m_settings.value(KeyLastSignInShared, false).toBool();
}

QStringList SessionManager::accountsMarkedForDeletion() const
{
    return m_settings.value(KeyMarkedForDeletion).toStringList();
}

void SessionManager::markForDeletion(const QString &accountId)
{
    QStringList marked = accountsMarkedForDeletion();
    if (!marked.contains(accountId))
        marked.append(accountId);
    m_settings.setValue(KeyMarkedForDeletion, marked);
    // On disk before the account's folder gets its first byte.
    m_settings.sync();
}

bool SessionManager::deleteAccountData(const QString &accountId)
{
    // The account's folder holds its cache and outbox; the cache folder holds the files it
    // opened and the image previews it kept, which are as private.
    const QStringList dirs{m_profile.accountDir(accountId), FileDownloads::cacheDirFor(accountId)};
    bool deleted = true;
    for (const QString &dir : dirs) {
        QDir(dir).removeRecursively();
        if (QFileInfo::exists(dir)) {
            qCWarning(lcSession) << "could not delete the account's local data in" << dir
                                 << (accountsMarkedForDeletion().contains(accountId)
                                         ? "; trying again at the next start"
                                         : "");
            deleted = false;
        }
    }
    if (!deleted)
        return false;
    QStringList marked = accountsMarkedForDeletion();
    if (marked.removeAll(accountId) > 0) {
        if (marked.isEmpty())
            m_settings.remove(KeyMarkedForDeletion);
        else
            m_settings.setValue(KeyMarkedForDeletion, marked);
        m_settings.sync();
    }
    return true;
}

void SessionManager::deleteMarkedAccountData()
{
    const QStringList marked = accountsMarkedForDeletion();
    for (const QString &accountId : marked) {
        qCInfo(lcSession) << "deleting the local data a shared-computer session left";
        deleteAccountData(accountId);
    }
}

void SessionManager::closeAccount(Account *account)
{
    account->shutDown();
    account->chat()->flush();
    if (account->cache())
        account->cache()->close();
}

QString SessionManager::keychainService(const Profile &profile, const ApiClient *api)
{
    return u"moim/%1/%2"_s.arg(profile.name(), api->server().key());
}

QString SessionManager::keychainKey(const QString &accountId) const
{
    return accountId + u"/refresh_token"_s;
}

QString SessionManager::cacheFile(const QString &accountId) const
{
    return m_profile.accountDir(accountId) + u"/cache.sqlite"_s;
}

void SessionManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

std::unique_ptr<Account> SessionManager::createAccount(const AccountIdentity &identity)
{
    auto cache = std::make_unique<LocalCache>();
    Profile::ensurePrivateDir(m_profile.accountDir(identity.id));
    const auto opened = cache->open(cacheFile(identity.id));
    if (opened == LocalCache::OpenResult::Failed)
        qCWarning(lcSession) << "no local cache this run; working from the server only";
    // Unsent messages and settings have a store of their own: the cache may be thrown away.
    auto outbox = std::make_unique<OutboxStore>();
    if (outbox->open(m_profile.accountDir(identity.id) + u"/outbox.sqlite"_s) ==
        OutboxStore::OpenResult::Failed)
        qCWarning(lcSession) << "no outbox this run: messages cannot be saved, so none are sent";
    auto account = std::make_unique<Account>(identity, m_api, std::move(cache), std::move(outbox));

    Account *raw = account.get();
    connect(raw, &Account::refreshTokenChanged, this, &SessionManager::storeRefreshToken);
    connect(raw, &Account::sessionEnded, this, [this](Account::EndReason reason) {
        switch (reason) {
        case Account::EndReason::Deactivated:
            endLocally(SignOutReason::Deactivated, m_sharedComputer);
            break;
        case Account::EndReason::PasswordReset:
            endLocally(SignOutReason::PasswordReset, m_sharedComputer);
            break;
        case Account::EndReason::TwoStepEnabled:
            endLocally(SignOutReason::TwoStepEnabled, m_sharedComputer);
            break;
        default:
            endLocally(SignOutReason::SessionEnded, m_sharedComputer);
        }
    });
    return account;
}

bool SessionManager::restore()
{
    const QString accountId = m_settings.value(KeyAccountId).toString();
    const QString server = m_settings.value(KeyServer).toString();
    if (accountId.isEmpty() || server != m_api->server().key())
        return false;

    AccountIdentity identity;
    identity.id = accountId;
    identity.email = m_settings.value(KeyEmail).toString();
    m_account = createAccount(identity);
    m_sharedComputer = m_settings.value(KeyShared, false).toBool();
    m_sessionOnly = false;

    // Paint first, talk later: the window shows cached workspaces while the token is read.
    m_account->loadFromCache();
    setState(State::SignedIn);

    m_secrets->read(keychainKey(accountId), this, [this, accountId](const SecretStore::Result &r) {
        if (!m_account || m_account->identity().id != accountId)
            return;
        switch (r.status) {
        case SecretStore::Status::Ok:
            m_account->resumeWithRefreshToken(r.secret);
            flushPendingRevocations();
            break;
        case SecretStore::Status::NotFound:
            qCInfo(lcSession) << "remembered account has no token any more; signing out";
            endLocally(SignOutReason::SessionEnded, false);
            break;
        case SecretStore::Status::Unavailable:
        case SecretStore::Status::Failed:
            reportKeychainUnavailable();
            endLocally(SignOutReason::SessionEnded, false);
            break;
        }
    });
    return true;
}

void SessionManager::adoptGrant(const SessionGrant &grant, bool keepSignedIn, bool sharedComputer)
{
    if (m_account) {
        // A new sign-in ends a shared-computer session, and with it that session's data.
        const bool endsSharedSession = m_sharedComputer;
        const QString previousId = m_account->identity().id;
        if (endsSharedSession)
            closeAccount(m_account.get());
        else
            m_account->shutDown();
        m_account.release()->deleteLater();
        if (endsSharedSession)
            deleteAccountData(previousId);
    }
    m_sharedComputer = sharedComputer;
    // A shared computer never remembers a session, whatever the checkbox said.
    const bool remember = keepSignedIn && !sharedComputer;
    m_sessionOnly = !remember;

    m_settings.setValue(KeyLastSignInShared, sharedComputer);
    if (sharedComputer)
        markForDeletion(grant.account.id);
    m_account = createAccount(grant.account);
    m_account->applyGrant(grant);
    // The proof outlives the session, in the keychain when the session is remembered there;
    // otherwise (not kept signed in, a shared computer) for this run only.
    m_deviceProofs->remember(grant.account.email, grant.deviceProof, remember);

    // Identity and choices are not secrets; they let the next start find the keychain entry.
    m_settings.setValue(KeyServer, m_api->server().key());
    m_settings.setValue(KeyShared, sharedComputer);
    if (remember) {
        m_settings.setValue(KeyAccountId, grant.account.id);
        m_settings.setValue(KeyEmail, grant.account.email);
        storeRefreshToken(grant.refreshToken);
    } else {
        m_settings.remove(KeyAccountId);
        m_settings.remove(KeyEmail);
        // A token from an earlier remembered session of this account must not linger.
        m_secrets->remove(keychainKey(grant.account.id), this, [](const SecretStore::Result &) {});
    }
    m_settings.sync();
    if (m_state == State::SignedIn)
        Q_EMIT accountChanged();
    setState(State::SignedIn);
    flushPendingRevocations();
}

void SessionManager::storeRefreshToken(const QString &refreshToken)
{
    if (m_sessionOnly || !m_account)
        return;
    const QString accountId = m_account->identity().id;
    m_secrets->write(keychainKey(accountId), refreshToken, this,
                     [this](const SecretStore::Result &result) {
                         if (result.status == SecretStore::Status::Ok)
                             return;
                         // Never fall back to a file: keep the session in memory only.
                         qCWarning(lcSession) << "keychain refused the token:" << result.detail;
                         m_sessionOnly = true;
                         m_settings.remove(KeyAccountId);
                         m_settings.remove(KeyEmail);
                         m_settings.sync();
                         reportKeychainUnavailable();
                     });
}

void SessionManager::reportKeychainUnavailable()
{
    if (m_keychainReported)
        return;
    m_keychainReported = true;
    Q_EMIT keychainUnavailable();
}

void SessionManager::logout(bool deleteLocalData)
{
    if (!m_account)
        return;
    const QString sessionId = m_account->sessionId();
    const QString refreshToken = m_account->refreshToken();
    if (!refreshToken.isEmpty()) {
        // Revoke by the refresh token: it works even when the access token has expired.
        const QString proof = revocationProof(refreshToken);
        m_api->post(protocol::path::Logout, {{u"refresh_token"_s, refreshToken}}, {}, this,
                    [this, sessionId, proof](const ApiResult &result) {
                        if (result.ok() || !result.error.isTransient())
                            return;
                        qCInfo(lcSession) << "offline logout; the revocation is queued";
                        queueRevocation(sessionId, proof);
                    });
    }
    endLocally(SignOutReason::UserLoggedOut, deleteLocalData || m_sharedComputer);
}

void SessionManager::endLocally(SignOutReason reason, bool deleteLocalData)
{
    if (!m_account)
        return;
    std::unique_ptr<Account> account = std::move(m_account);
    const QString accountId = account->identity().id;
    const QString email = account->identity().email;
    closeAccount(account.get());
    // Often we are inside one of the account's own signals (a revocation pushed on its socket):
    // it must outlive this call.
    account.release()->deleteLater();

    m_secrets->remove(keychainKey(accountId), this, [](const SecretStore::Result &result) {
        if (result.status != SecretStore::Status::Ok &&
            result.status != SecretStore::Status::NotFound)
            qCWarning(lcSession) << "could not delete the keychain entry:" << result.detail;
    });
    m_settings.remove(KeyAccountId);
    m_settings.remove(KeyEmail);
    m_settings.remove(KeyShared);
    m_settings.sync();
    // A shared-computer session keeps nothing, however it ends.
    deleteLocalData = deleteLocalData || m_sharedComputer;
    // Deleting this computer's data includes what says it signed in before.
    if (deleteLocalData) {
        m_deviceProofs->forget(email);
        deleteAccountData(accountId);
    }
    m_sessionOnly = false;
    m_sharedComputer = false;
    setState(State::SignedOut);
    Q_EMIT signedOut(reason);
    Q_EMIT logoutFinished();
}

void SessionManager::queueRevocation(const QString &sessionId, const QString &proof)
{
    m_settings.beginGroup(GroupRevocations + m_api->server().key());
    m_settings.setValue(sessionId, proof);
    m_settings.endGroup();
    m_settings.sync();
}

int SessionManager::pendingRevocationCount() const
{
    QSettings settings(m_profile.settingsFile(), QSettings::IniFormat);
    settings.beginGroup(GroupRevocations + m_api->server().key());
    return int(settings.childKeys().size());
}

void SessionManager::flushPendingRevocations()
{
    m_settings.beginGroup(GroupRevocations + m_api->server().key());
    const QStringList sessionIds = m_settings.childKeys();
    QHash<QString, QString> owed;
    for (const QString &sessionId : sessionIds)
        owed.insert(sessionId, m_settings.value(sessionId).toString());
    m_settings.endGroup();

    for (auto it = owed.cbegin(); it != owed.cend(); ++it) {
        const QString sessionId = it.key();
        m_api->post(protocol::path::Revoke,
                    {{u"session_id"_s, sessionId}, {u"proof"_s, it.value()}}, {}, this,
                    [this, sessionId](const ApiResult &result) {
                        if (!result.ok() && result.error.isTransient())
                            return; // still offline; try again next time
                        m_settings.beginGroup(GroupRevocations + m_api->server().key());
                        m_settings.remove(sessionId);
                        m_settings.endGroup();
                        m_settings.sync();
                    });
    }
}

} // namespace moim
