#include "password_login.h"

#include "auth/device_proof_store.h"
#include "auth/second_factor.h"
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
    m_challengeId.clear();
    // Re-announce a repeated failure too: the UI shows the new details (e.g. a longer wait).
    if (m_state == State::Failed)
        Q_EMIT stateChanged(State::Failed);
    setState(State::Failed);
}

void PasswordLogin::reset()
{
    if (m_state == State::Verifying || m_state == State::VerifyingCode)
        return;
    m_error = {};
    m_challengeId.clear();
    setState(State::EnteringCredentials);
}

void PasswordLogin::submit(const QString &email, const QString &password, bool keepSignedIn,
                           bool sharedComputer)
{
    if (m_state == State::Verifying || m_state == State::VerifyingCode ||
        m_state == State::SignedIn)
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
    m_challengeId.clear();
    m_email = trimmedEmail;
    m_keepSignedIn = keepSignedIn;
    m_sharedComputer = sharedComputer;
    setState(State::Verifying);

    QJsonObject body{
        {u"email"_s, trimmedEmail}, {u"password"_s, password}, {u"device"_s, m_device.toJson()}};
    // A proof from an earlier sign-in to this account keeps others' failed guesses from
    // throttling this computer.
    m_sessions->deviceProofs()->lookup(
        trimmedEmail, this, [this, body](const QString &proof) mutable {
            if (m_state != State::Verifying)
                return;
            if (!proof.isEmpty())
                body.insert(protocol::field::DeviceProof, proof);
            m_sessions->api()->post(protocol::path::Login, body, {}, this,
                                    [this](const ApiResult &result) { finish(result); });
        });
}

void PasswordLogin::submitCode(const QString &code)
{
    answerChallenge("code"_L1, code);
}

void PasswordLogin::submitRecoveryCode(const QString &code)
{
    answerChallenge("recovery_code"_L1, code);
}

void PasswordLogin::answerChallenge(QLatin1StringView field, const QString &code)
{
    if (m_state != State::NeedsSecondFactor || m_challengeId.isEmpty())
        return;
    const bool sent = secondFactor::answer(m_sessions->api(), m_challengeId, field, code, this,
                                           [this](const ApiResult &result) { finish(result); });
    if (!sent) {
        m_error = ApiError::fromCode(ApiError::Code::InvalidInput, u"code empty"_s);
        QTimer::singleShot(0, this, [this] { Q_EMIT stateChanged(m_state); });
        return;
    }
    setState(State::VerifyingCode);
}

void PasswordLogin::finish(const ApiResult &result)
{
    if (!result.ok()) {
        const ApiError &error = result.error;
        if (error.code == ApiError::Code::SecondFactorRequired && !error.challengeId.isEmpty()) {
            m_challengeId = error.challengeId;
            m_error = {};
            return setState(State::NeedsSecondFactor);
        }
        // A refused code leaves the challenge open: ask again, saying why.
        if (secondFactor::leavesChallengeOpen(error.code) && m_state == State::VerifyingCode) {
            m_error = error;
            m_state = State::NeedsSecondFactor;
            Q_EMIT stateChanged(m_state);
            return;
        }
        return fail(error);
    }
    const auto grant = SessionGrant::fromJson(result.body);
    if (!grant)
        return fail(
            ApiError::fromCode(ApiError::Code::InvalidResponse, u"login returned no grant"_s));
    m_challengeId.clear();
    setState(State::SignedIn);
    m_sessions->adoptGrant(*grant, m_keepSignedIn, m_sharedComputer);
}

} // namespace moim
