#include "invite_flow.h"

#include "account/account_security.h"
#include "account/personal_link.h"
#include "auth/session_grant.h"
#include "auth/session_manager.h"
#include "net/api_client.h"
#include "protocol/protocol.h"

namespace moim {

using namespace Qt::StringLiterals;

namespace {
bool isLinkProblem(ApiError::Code code)
{
    switch (code) {
    case ApiError::Code::InviteInvalid:
    case ApiError::Code::InviteExpired:
    case ApiError::Code::InviteUsed:
    case ApiError::Code::InviteRevoked:
    case ApiError::Code::InviteReplaced:
        return true;
    default:
        return false;
    }
}
} // namespace

InviteFlow::InviteFlow(SessionManager *sessions, DeviceInfo device, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_device(std::move(device))
{}

void InviteFlow::setState(State state)
{
    m_state = state;
    // Re-announced even when unchanged: a second failure carries new details.
    Q_EMIT stateChanged(state);
}

void InviteFlow::fail(State state, ApiError error)
{
    m_error = std::move(error);
    setState(state);
}

void InviteFlow::start(const QString &token)
{
    m_token = token;
    m_preview = {};
    m_error = {};
    setState(State::Loading);
    m_sessions->api()->post(
        protocol::path::InvitePreview, {{u"token"_s, token}}, {}, this,
        [this](const ApiResult &result) {
            if (!result.ok())
                return fail(isLinkProblem(result.error.code) ? State::LinkProblem : State::Failed,
                            result.error);
            const QJsonObject invite = result.body.value("invite"_L1).toObject();
            const QJsonObject workspace = invite.value("workspace"_L1).toObject();
            m_preview.workspaceId = workspace.value("id"_L1).toString();
            m_preview.workspaceName = workspace.value("name"_L1).toString();
            m_preview.workspaceNameEn = workspace.value("name_en"_L1).toString();
            m_preview.inviter = invite.value("inviter"_L1).toString();
            m_preview.email = invite.value("email"_L1).toString();
            m_preview.expiresAt = invite.value("expires_at"_L1).toInteger();
            m_preview.accountExists = invite.value("account_exists"_L1).toBool();
            if (m_preview.workspaceId.isEmpty() || m_preview.email.isEmpty())
                return fail(State::LinkProblem,
                            ApiError::fromCode(ApiError::Code::InvalidResponse,
                                               u"invite preview without a workspace"_s));
            setState(State::Ready);
        });
}

void InviteFlow::accept(const QString &password, const QString &displayName, bool keepSignedIn,
                        bool sharedComputer, const QString &code, const QString &personalAccount)
{
    if (m_state != State::Ready && m_state != State::Failed)
        return;
    if (password.isEmpty()) {
        return fail(State::Failed,
                    ApiError::fromCode(ApiError::Code::InvalidInput, u"password empty"_s));
    }
    m_error = {};
    setState(State::Submitting);
    QJsonObject body{
        {u"token"_s, m_token}, {u"password"_s, password}, {u"device"_s, m_device.toJson()}};
    if (!m_preview.accountExists)
        body.insert(u"display_name"_s, displayName.trimmed());
    if (!code.trimmed().isEmpty())
        body.insert(u"code"_s, code.trimmed());
    m_sessions->api()->post(
        protocol::path::InviteAccept, body, {}, this,
        [this, keepSignedIn, sharedComputer,
         personalAccount = personalAccount.trimmed()](const ApiResult &result) {
            if (!result.ok())
                return fail(isLinkProblem(result.error.code) ? State::LinkProblem : State::Failed,
                            result.error);
            const auto grant = SessionGrant::fromJson(result.body);
            if (!grant)
                return fail(State::Failed, ApiError::fromCode(ApiError::Code::InvalidResponse,
                                                              u"accept returned no grant"_s));
            const QString landingId = result.body.value("landing_workspace_id"_L1).toString();
            Q_EMIT landing(landingId.isEmpty() ? m_preview.workspaceId : landingId);
            setState(State::SignedIn);
            m_sessions->adoptGrant(*grant, keepSignedIn, sharedComputer);
            // Linking needs the new session: it starts now and waits for the phone, while the
            // user is already in the workspace.
            if (!personalAccount.isEmpty() && m_sessions->account())
                m_sessions->account()->security()->personalLink()->start(personalAccount);
        });
}

} // namespace moim
