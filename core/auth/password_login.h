#pragma once

#include "device_info.h"
#include "net/api_error.h"

#include <QObject>

namespace moim {

class ApiClient;
class SessionManager;
struct ApiResult;

// Email and password sign-in as a small state machine. The UI renders the state and forwards
// input; it never talks to the network itself. When the account has 2-step verification the
// server answers the password with a challenge: the machine asks for a code
// (NeedsSecondFactor) and is resumed by submitCode() or submitRecoveryCode().
class PasswordLogin : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        EnteringCredentials,
        Verifying,
        NeedsSecondFactor, // error() says why the last code was refused, if one was
        VerifyingCode,
        SignedIn,
        Failed
    };
    Q_ENUM(State)

    PasswordLogin(SessionManager *sessions, DeviceInfo device, QObject *parent = nullptr);

    State state() const { return m_state; }
    // Why the last attempt failed (with Failed), or why the last code was refused (with
    // NeedsSecondFactor).
    ApiError error() const { return m_error; }
    QString email() const { return m_email; }

    // Starts verification; ignored while one is running. Empty fields fail at once with
    // InvalidInput, without a request.
    void submit(const QString &email, const QString &password, bool keepSignedIn,
                bool sharedComputer);
    // Answers the second-factor challenge; ignored unless NeedsSecondFactor.
    void submitCode(const QString &code);
    void submitRecoveryCode(const QString &code);
    // Back to entering credentials (e.g. after the user read the error, or to give up on the
    // code).
    void reset();

Q_SIGNALS:
    void stateChanged(moim::PasswordLogin::State state);

private:
    void setState(State state);
    void fail(ApiError error);
    void answerChallenge(QLatin1StringView field, const QString &code);
    void finish(const ApiResult &result);

    SessionManager *m_sessions;
    DeviceInfo m_device;
    State m_state = State::EnteringCredentials;
    ApiError m_error;
    QString m_email;
    QString m_challengeId;
    bool m_keepSignedIn = true;
    bool m_sharedComputer = false;
};

} // namespace moim
