#pragma once

#include "device_info.h"
#include "net/api_error.h"

#include <QObject>

namespace moim {

class ApiClient;
class SessionManager;

// Email and password sign-in as a small state machine. The UI renders the state and forwards
// input; it never talks to the network itself. 2-step verification will add a state between
// Verifying and SignedIn.
class PasswordLogin : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        EnteringCredentials,
        Verifying,
        SignedIn,
        Failed
    };
    Q_ENUM(State)

    PasswordLogin(SessionManager *sessions, DeviceInfo device, QObject *parent = nullptr);

    State state() const { return m_state; }
    // Why the last attempt failed (with Failed).
    ApiError error() const { return m_error; }

    // Starts verification; ignored while one is running. Empty fields fail at once with
    // InvalidInput, without a request.
    void submit(const QString &email, const QString &password, bool keepSignedIn,
                bool sharedComputer);
    // Back to entering credentials (e.g. after the user read the error).
    void reset();

Q_SIGNALS:
    void stateChanged(moim::PasswordLogin::State state);

private:
    void setState(State state);
    void fail(ApiError error);

    SessionManager *m_sessions;
    DeviceInfo m_device;
    State m_state = State::EnteringCredentials;
    ApiError m_error;
};

} // namespace moim
