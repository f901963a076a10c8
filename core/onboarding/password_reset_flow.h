#pragma once

#include "net/api_error.h"

#include <QObject>

namespace moim {

class ApiClient;

// "Forgot password?" and the reset link (moim://reset/<token>) as one state machine. Asking for
// a mail always ends in MailRequested (the server never says whether the address exists); the
// link leads to a new password, after which every session of the account has ended.
class PasswordResetFlow : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        RequestingMail,
        MailRequested,
        Loading, // checking the link
        Ready,   // email() known; waiting for the new password
        Submitting,
        Done,        // password changed; sign in with it
        LinkProblem, // expired, used or unknown link: error()
        Failed,      // the last step failed (weak password, network…): error()
    };
    Q_ENUM(State)

    explicit PasswordResetFlow(ApiClient *api, QObject *parent = nullptr);

    State state() const { return m_state; }
    ApiError error() const { return m_error; }
    QString email() const { return m_email; }
    qint64 expiresAt() const { return m_expiresAt; }

    void requestMail(const QString &email);
    void start(const QString &token);
    void complete(const QString &newPassword);

Q_SIGNALS:
    void stateChanged(moim::PasswordResetFlow::State state);

private:
    void setState(State state);
    void fail(State state, ApiError error);

    ApiClient *m_api;
    State m_state = State::Idle;
    QString m_token;
    QString m_email;
    qint64 m_expiresAt = 0;
    ApiError m_error;
};

} // namespace moim
