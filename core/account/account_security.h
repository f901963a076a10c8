#pragma once

#include "net/api_error.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

namespace moim {

class Account;
class AuthorizedApi;
class PersonalLink;
struct ApiResult;

// "My account" for one signed-in account: 2-step verification, recovery codes, password, the
// devices signed in (docs/protocol.md "Account security") and the linked personal account. One-shot
// calls in ApiClient's style: a context object and a callback that never runs after the context is
// gone.
class AccountSecurity : public QObject
{
    Q_OBJECT

public:
    struct Status
    {
        bool twoStepEnabled = false;
        int recoveryCodesLeft = 0;
        bool twoStepRequired = false; // a workspace is locked until 2-step is on
    };

    struct Setup
    {
        QString secret; // base32, for typing into an authenticator by hand
        QString uri;    // otpauth://, for the QR code
    };

    struct DeviceSession
    {
        QString id;
        QString deviceName;
        QString deviceOs;
        QString deviceKind;
        qint64 createdAt = 0;
        qint64 lastActive = 0;
        bool current = false;
    };

    template<typename T> using Done = std::function<void(const T &value, const ApiError &error)>;
    using Finished = std::function<void(const ApiError &error)>;

    AccountSecurity(AuthorizedApi *api, Account *account);

    // The link to a personal account (push sign-in), a state machine of its own.
    PersonalLink *personalLink() const { return m_personalLink; }

    void fetchStatus(QObject *context, Done<Status> done);
    void beginSetup(QObject *context, Done<Setup> done);
    // Confirms the setup with a code; the answer carries the recovery codes, shown once.
    void enable(const QString &code, QObject *context, Done<QStringList> done);
    void disable(const QString &code, QObject *context, Finished done);
    void regenerateRecoveryCodes(const QString &code, QObject *context, Done<QStringList> done);
    // code may be empty when 2-step verification is off. Other sessions end on success.
    void changePassword(const QString &currentPassword, const QString &newPassword,
                        const QString &code, QObject *context, Finished done);
    void fetchSessions(QObject *context, Done<QList<DeviceSession>> done);
    void signOutSession(const QString &sessionId, QObject *context, Finished done);
    void signOutOtherSessions(QObject *context, Finished done);

private:
    void post(QLatin1StringView path, const QJsonObject &body, QObject *context,
              std::function<void(const ApiResult &)> done);

    AuthorizedApi *m_api;
    Account *m_account;
    PersonalLink *m_personalLink; // a child
};

} // namespace moim
