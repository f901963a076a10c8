#include "password_reset_flow.h"

#include "net/api_client.h"
#include "protocol/protocol.h"

namespace moim {

using namespace Qt::StringLiterals;

namespace {
bool isLinkProblem(ApiError::Code code)
{
    return code == ApiError::Code::ResetInvalid || code == ApiError::Code::ResetExpired ||
           code == ApiError::Code::ResetUsed;
}
} // namespace

PasswordResetFlow::PasswordResetFlow(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{}

void PasswordResetFlow::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PasswordResetFlow::fail(State state, ApiError error)
{
    m_error = std::move(error);
    setState(state);
}

void PasswordResetFlow::requestMail(const QString &email)
{
    const QString trimmed = email.trimmed();
    if (trimmed.isEmpty() || !trimmed.contains(u'@'))
        return fail(State::Failed,
                    ApiError::fromCode(ApiError::Code::InvalidInput, u"not an email address"_s));
    m_email = trimmed;
    m_error = {};
    setState(State::RequestingMail);
    m_api->post(protocol::path::PasswordResetRequest, {{u"email"_s, trimmed}}, {}, this,
                [this](const ApiResult &result) {
                    if (!result.ok())
                        return fail(State::Failed, result.error);
                    setState(State::MailRequested);
                });
}

void PasswordResetFlow::start(const QString &token)
{
    m_token = token;
    m_error = {};
    setState(State::Loading);
    m_api->post(protocol::path::PasswordResetPreview, {{u"token"_s, token}}, {}, this,
                [this](const ApiResult &result) {
                    if (!result.ok())
                        return fail(isLinkProblem(result.error.code) ? State::LinkProblem
                                                                     : State::Failed,
                                    result.error);
                    const QJsonObject reset = result.body.value("reset"_L1).toObject();
                    m_email = reset.value("email"_L1).toString();
                    m_expiresAt = reset.value("expires_at"_L1).toInteger();
                    setState(State::Ready);
                });
}

void PasswordResetFlow::complete(const QString &newPassword)
{
    if (m_state != State::Ready && m_state != State::Failed)
        return;
    if (m_token.isEmpty() || newPassword.isEmpty())
        return fail(State::Failed,
                    ApiError::fromCode(ApiError::Code::InvalidInput, u"password empty"_s));
    m_error = {};
    setState(State::Submitting);
    m_api->post(protocol::path::PasswordResetComplete,
                {{u"token"_s, m_token}, {u"password"_s, newPassword}}, {}, this,
                [this](const ApiResult &result) {
                    if (!result.ok())
                        return fail(isLinkProblem(result.error.code) ? State::LinkProblem
                                                                     : State::Failed,
                                    result.error);
                    setState(State::Done);
                });
}

} // namespace moim
