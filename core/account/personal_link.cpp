#include "personal_link.h"

#include "account.h"
#include "auth/push_login.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcLink, "moim.core.account.link")

namespace moim {

using namespace Qt::StringLiterals;
namespace path = protocol::path;
namespace event = protocol::event;
namespace reason = protocol::pushEndReason;

namespace {
// The server ends the request itself and says so; this only covers a stream that was down.
constexpr int ExpiryGraceMs = 3000;
} // namespace

PersonalLink::PersonalLink(AuthorizedApi *api, Account *account, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_account(account)
{
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForPhone)
            conclude(Outcome::Expired);
    });
    connect(m_account->events(), &EventStream::eventReceived, this, &PersonalLink::onEvent);
    // An approval pushed while the stream was reconnecting would be missed: look once more.
    connect(m_account->events(), &EventStream::stateChanged, this,
            [this](EventStream::State streamState) {
                if (streamState != EventStream::State::Connected ||
                    m_state != State::WaitingForPhone)
                    return;
                m_api->get(path::PersonalLink, this, [this](const ApiResult &result) {
                    if (!result.ok() || m_state != State::WaitingForPhone)
                        return;
                    applyLink(result.body.value("personal_account"_L1));
                    if (!m_linkedId.isEmpty())
                        conclude(Outcome::Linked);
                });
            });
}

int PersonalLink::msUntilExpiry() const
{
    return m_expiryTimer.isActive() ? int(m_deadline.remainingTime()) : 0;
}

void PersonalLink::setState(State state)
{
    m_state = state;
    // Re-announced even when unchanged: a new outcome or link comes with it.
    Q_EMIT stateChanged(state);
}

void PersonalLink::conclude(Outcome outcome, ApiError error)
{
    m_outcome = outcome;
    m_error = std::move(error);
    m_linkRequest.clear();
    m_checkCode.clear();
    m_expiryTimer.stop();
    setState(m_linkedId.isEmpty() ? State::NotLinked : State::Linked);
}

void PersonalLink::applyLink(const QJsonValue &personalAccount)
{
    const QJsonObject object = personalAccount.toObject();
    m_linkedId = object.value("id"_L1).toString();
    m_linkedName = object.value("display_name"_L1).toString();
    m_linkedAt = object.value("linked_at"_L1).toInteger();
}

void PersonalLink::refresh()
{
    if (m_state == State::Requesting || m_state == State::WaitingForPhone ||
        m_state == State::Unlinking || m_state == State::Loading)
        return;
    setState(State::Loading);
    m_api->get(path::PersonalLink, this, [this](const ApiResult &result) {
        if (m_state != State::Loading)
            return;
        if (!result.ok()) {
            m_outcome = Outcome::Failed;
            m_error = result.error;
            return setState(State::Unknown);
        }
        applyLink(result.body.value("personal_account"_L1));
        setState(m_linkedId.isEmpty() ? State::NotLinked : State::Linked);
    });
}

void PersonalLink::start(const QString &personalAccount)
{
    if (m_state != State::NotLinked && m_state != State::Unknown)
        return;
    m_requestedId = personalAccount.trimmed();
    m_outcome = Outcome::None;
    m_error = {};
    if (!PushLogin::isPlausibleId(m_requestedId)) {
        // Answer from the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this] {
            conclude(Outcome::Failed,
                     ApiError::fromCode(ApiError::Code::InvalidInput, u"personal account id"_s));
        });
        return;
    }
    setState(State::Requesting);
    m_api->post(path::PersonalLink, {{u"personal_account"_s, m_requestedId}}, this,
                [this](const ApiResult &result) {
                    if (m_state != State::Requesting)
                        return;
                    if (!result.ok()) {
                        qCInfo(lcLink) << "link request refused:" << errorName(result.error.code);
                        return conclude(Outcome::Failed, result.error);
                    }
                    m_linkRequest = result.body.value("link_request"_L1).toString();
                    m_checkCode = result.body.value("check_code"_L1).toString();
                    const qint64 seconds = result.body.value("expires_in"_L1).toInteger();
                    if (m_linkRequest.isEmpty() || m_checkCode.size() != 2 || seconds <= 0)
                        return conclude(Outcome::Failed,
                                        ApiError::fromCode(ApiError::Code::InvalidResponse,
                                                           u"link request without a number"_s));
                    m_deadline.setRemainingTime(std::chrono::seconds(seconds));
                    m_expiryTimer.start(std::chrono::milliseconds(seconds * 1000 + ExpiryGraceMs));
                    setState(State::WaitingForPhone);
                });
}

void PersonalLink::cancel()
{
    if (m_state != State::WaitingForPhone && m_state != State::Requesting)
        return;
    if (!m_linkRequest.isEmpty()) {
        // Withdraws it from the phone's list; nothing to wait for either way.
        m_api->post(path::PersonalLinkCancel, {{u"link_request"_s, m_linkRequest}}, this,
                    [](const ApiResult &) {});
    }
    conclude(Outcome::Cancelled);
}

void PersonalLink::unlink()
{
    if (m_state != State::Linked)
        return;
    m_outcome = Outcome::None;
    setState(State::Unlinking);
    m_api->post(path::PersonalLinkRemove, {}, this, [this](const ApiResult &result) {
        if (result.ok() || result.error.code == ApiError::Code::NotFound) {
            applyLink(QJsonValue());
            return conclude(Outcome::Unlinked);
        }
        conclude(Outcome::Failed, result.error);
    });
}

void PersonalLink::onEvent(const QString &type, const QJsonObject &message)
{
    const QString request = message.value("link_request"_L1).toString();
    const bool ours = !m_linkRequest.isEmpty() && request == m_linkRequest;
    if (type == event::PersonalLinkChanged) {
        applyLink(message.value("personal_account"_L1));
        if (ours && !m_linkedId.isEmpty())
            return conclude(Outcome::Linked);
        // Changed on another device: show it unless an attempt of ours is under way.
        if (m_state == State::NotLinked || m_state == State::Linked || m_state == State::Unknown)
            setState(m_linkedId.isEmpty() ? State::NotLinked : State::Linked);
    } else if (type == event::PersonalLinkEnded && ours) {
        const QString why = message.value("reason"_L1).toString();
        const Outcome outcome = why == reason::WrongCode       ? Outcome::WrongCode
                                : why == reason::Reported      ? Outcome::Reported
                                : why == reason::Expired       ? Outcome::Expired
                                : why == reason::AlreadyLinked ? Outcome::AlreadyLinked
                                : why == reason::Cancelled     ? Outcome::Cancelled
                                                               : Outcome::Denied;
        conclude(outcome);
    }
}

} // namespace moim
