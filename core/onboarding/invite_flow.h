#pragma once

#include "auth/device_info.h"
#include "net/api_error.h"

#include <QObject>

namespace moim {

class SessionManager;

// What an invitation says before anyone accepts it.
struct InvitePreview
{
    QString workspaceId;
    QString workspaceName;
    QString workspaceNameEn;
    QString inviter;
    QString email;
    qint64 expiresAt = 0;
    bool accountExists = false; // then the account's password is asked, not a new one
};

// Accepting an invitation (moim://invite/<token>) as a small state machine: the preview comes
// first, then a new password (new account) or the account's password (existing account), then
// the user is signed in and lands in the invited workspace.
class InviteFlow : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Loading, // fetching the preview
        Ready,   // preview() is shown; waiting for the password
        Submitting,
        SignedIn,
        LinkProblem, // the link is expired, used, revoked, replaced or unknown: error()
        Failed,      // the last submission failed (wrong or weak password…): error()
    };
    Q_ENUM(State)

    InviteFlow(SessionManager *sessions, DeviceInfo device, QObject *parent = nullptr);

    State state() const { return m_state; }
    const InvitePreview &preview() const { return m_preview; }
    ApiError error() const { return m_error; }

    void start(const QString &token);
    // New account: password and the name colleagues will see. Existing account: its password
    // (displayName is ignored).
    // `code`: a 2-step verification code, when the existing account has 2-step verification
    // (the first attempt without one fails with SecondFactorRequired).
    // `personalAccount`: optionally, a personal account to link once signed in; the link then
    // waits for the approval on that account's phone (see PersonalLink).
    void accept(const QString &password, const QString &displayName, bool keepSignedIn,
                bool sharedComputer, const QString &code = QString(),
                const QString &personalAccount = QString());

Q_SIGNALS:
    void stateChanged(moim::InviteFlow::State state);
    // Just before the session is adopted: the workspace to show first.
    void landing(const QString &workspaceId);

private:
    void setState(State state);
    void fail(State state, ApiError error);

    SessionManager *m_sessions;
    DeviceInfo m_device;
    State m_state = State::Idle;
    QString m_token;
    InvitePreview m_preview;
    ApiError m_error;
};

} // namespace moim
