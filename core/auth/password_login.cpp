#include "password_login.h"

#include "auth/session_grant.h"
#include "auth/session_manager.h"
#include "net/api_client.h"
#include "protocol/protocol.h"

#include <QTimer>

namespace moim {

using namespace Qt::StringLiterals;

PasswordLogin::PasswordLogin(SessionManager *sessions, DeviceInfo device, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_device(std::move(device))
{}

void PasswordLogin::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PasswordLogin::fail(ApiError error)
{
    m_error = std::move(error);
    // Re-announce a repeated failure too: the UI shows the new details (e.g. a longer wait).
    if (m_state == State::Failed)
        Q_EMIT stateChanged(State::Failed);
    setState(State::Failed);
}

void PasswordLogin::reset()
{
    if (m_state == State::Verifying)
        return;
    m_error = {};
    setState(State::EnteringCredentials);
}

void PasswordLogin::submit(const QString &email, const QString &password, bool keepSignedIn,
                           bool sharedComputer)
{
    if (m_state == State::Verifying || m_state == State::SignedIn)
        return;
    const QString trimmedEmail = email.trimmed();
    if (trimmedEmail.isEmpty() || password.isEmpty()) {
        // Answer from the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this] {
            fail(ApiError::fromCode(ApiError::Code::InvalidInput, u"email or password empty"_s));
        });
        return;
    }
    m_error = {};
    setState(State::Verifying);

    const QJsonObject body{
        {u"email"_s, trimmedEmail}, {u"password"_s, password}, {u"device"_s, m_device.toJson()}};
    m_sessions->api()->post(protocol::path::Login, body, {}, this,
                            [this, keepSignedIn, sharedComputer](const ApiResult &result) {
                                if (!result.ok())
                                    return fail(result.error);
                                const auto grant = SessionGrant::fromJson(result.body);
                                if (!grant) {
                                    return fail(ApiError::fromCode(ApiError::Code::InvalidResponse,
                                                                   u"login returned no grant"_s));
                                }
                                setState(State::SignedIn);
                                m_sessions->adoptGrant(*grant, keepSignedIn, sharedComputer);
                            });
}

} // namespace moim
