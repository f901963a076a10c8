#include "push_login.h"

#include "auth/login_secret.h"
#include "auth/second_factor.h"
#include "auth/session_grant.h"
#include "auth/session_manager.h"
#include "net/api_client.h"
#include "protocol/protocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcPush, "moim.core.auth.push")

namespace moim {

using namespace Qt::StringLiterals;
namespace event = protocol::event;
namespace reason = protocol::pushEndReason;

namespace {

void send(QWebSocket *socket, const QJsonObject &object)
{
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

constexpr int ResponseTimeoutMs = 10'000;
// The server ends the request itself and says so; this only covers a server that went quiet.
constexpr int ExpiryGraceMs = 3000;

} // namespace

PushLogin::PushLogin(SessionManager *sessions, DeviceInfo device, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_device(std::move(device))
{
    m_expiryTimer.setSingleShot(true);
    m_responseTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::WaitingForPhone) {
            closeChannel();
            setState(State::Expired);
        }
    });
    connect(&m_responseTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcPush) << "no answer from the login channel";
        closeChannel();
        setState(State::Offline);
    });
}

PushLogin::~PushLogin()
{
    closeChannel();
}

bool PushLogin::isPlausibleId(const QString &text)
{
    const QString id = text.trimmed();
    if (id.size() < 3 || id.size() > protocol::limits::MaxPersonalAccountIdLength)
        return false;
    return std::none_of(id.cbegin(), id.cend(), [](QChar c) { return c.isSpace(); });
}

int PushLogin::msUntilExpiry() const
{
    return m_expiryTimer.isActive() ? int(m_deadline.remainingTime()) : 0;
}

void PushLogin::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void PushLogin::closeChannel()
{
    m_expiryTimer.stop();
    m_responseTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void PushLogin::cancel()
{
    if (m_state == State::SigningIn || m_state == State::VerifyingCode)
        return;
    closeChannel();
    m_secret.clear();
    m_challengeId.clear();
    setState(State::Idle);
}

void PushLogin::start(const QString &personalAccount, bool keepSignedIn, bool sharedComputer)
{
    if (m_state == State::SigningIn || m_state == State::VerifyingCode ||
        m_state == State::SignedIn)
        return;
    closeChannel();
    m_personalAccount = personalAccount.trimmed();
    m_keepSignedIn = keepSignedIn && !sharedComputer;
    m_sharedComputer = sharedComputer;
    m_pushRequest.clear();
    m_checkCode.clear();
    m_challengeId.clear();
    m_endReason = EndReason::None;
    m_error = {};
    if (!isPlausibleId(m_personalAccount)) {
        // Answer from the event loop, like every other outcome.
        QTimer::singleShot(0, this, [this] {
            fail(ApiError::fromCode(ApiError::Code::InvalidInput, u"personal account id"_s));
        });
        return;
    }
    m_secret = LoginSecret::generate();

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &PushLogin::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &PushLogin::onFrame);
    connect(m_socket, &QWebSocket::disconnected, this, &PushLogin::onDisconnected);
    setState(State::Connecting);
    m_responseTimer.start(ResponseTimeoutMs);

    QNetworkRequest request(m_sessions->api()->server().socketUrl(protocol::path::LoginChannel));
    request.setRawHeader(protocol::ClientHeader, m_sessions->api()->clientIdentity().toUtf8());
    m_socket->open(request);
}

void PushLogin::onConnected()
{
    // Only the hash of the secret goes out now; the secret itself only to redeem the approval.
    send(m_socket,
         {{u"type"_s, QString(event::PushStart)},
          {u"request"_s, 1},
          {u"secret_hash"_s, LoginSecret::hashOf(m_secret)},
          {u"personal_account"_s, m_personalAccount},
          {u"device"_s, QJsonObject{{u"name"_s, m_device.name}, {u"os"_s, m_device.os}}}});
}

void PushLogin::onFrame(const QString &frame)
{
    const QJsonObject message = QJsonDocument::fromJson(frame.toUtf8()).object();
    const QString type = message.value("type"_L1).toString();
    if (type == event::PushPending) {
        const QString requestId = message.value("push_request"_L1).toString();
        const QString code = message.value("check_code"_L1).toString();
        const qint64 seconds = message.value("expires_in"_L1).toInteger();
        if (requestId.isEmpty() || code.size() != 2 || seconds <= 0)
            return fail(ApiError::fromCode(ApiError::Code::InvalidResponse, u"bad push.pending"_s));
        m_responseTimer.stop();
        m_pushRequest = requestId;
        m_checkCode = code;
        m_deadline.setRemainingTime(std::chrono::seconds(seconds));
        m_expiryTimer.start(std::chrono::milliseconds(seconds * 1000 + ExpiryGraceMs));
        setState(State::WaitingForPhone);
    } else if (type == event::PushApproved) {
        redeem();
    } else if (type == event::PushEnded) {
        const QString why = message.value("reason"_L1).toString();
        closeChannel();
        if (why == reason::Expired)
            return setState(State::Expired);
        m_endReason = why == reason::WrongCode  ? EndReason::WrongCode
                      : why == reason::Reported ? EndReason::Reported
                      : why == reason::Denied   ? EndReason::Denied
                                                : EndReason::Refused;
        setState(State::Denied);
    } else if (type == event::Error) {
        ApiError error;
        error.serverCode = message.value("code"_L1).toString();
        error.code = ApiError::codeFromWire(error.serverCode);
        error.minimumVersion = message.value("min_version"_L1).toString();
        error.retryAfterSeconds = message.value("retry_after"_L1).toInt();
        error.message = u"login channel refused"_s;
        fail(error);
    }
}

void PushLogin::onDisconnected()
{
    const int closeCode = m_socket ? int(m_socket->closeCode()) : 0;
    qCInfo(lcPush) << "login channel closed, code" << closeCode;
    if (m_socket) {
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_responseTimer.stop();
    // After approval the channel has done its job; redeeming goes over REST.
    if (m_state == State::Connecting || m_state == State::WaitingForPhone) {
        m_expiryTimer.stop();
        setState(State::Offline);
    }
}

void PushLogin::redeem()
{
    // The channel stays open until the server closes it after the redemption: hanging up first
    // would tell the server this desktop had gone away.
    m_expiryTimer.stop();
    m_responseTimer.stop();
    setState(State::SigningIn);
    const QJsonObject body{{u"push_request"_s, m_pushRequest}, {u"secret"_s, m_secret}};
    m_sessions->api()->post(protocol::path::PushRedeem, body, {}, this,
                            [this](const ApiResult &result) {
                                m_secret.clear();
                                closeChannel();
                                finish(result);
                            });
}

void PushLogin::submitCode(const QString &code)
{
    answerChallenge("code"_L1, code);
}

void PushLogin::submitRecoveryCode(const QString &code)
{
    answerChallenge("recovery_code"_L1, code);
}

void PushLogin::answerChallenge(QLatin1StringView field, const QString &code)
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

void PushLogin::finish(const ApiResult &result)
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
            ApiError::fromCode(ApiError::Code::InvalidResponse, u"redeem returned no grant"_s));
    m_challengeId.clear();
    setState(State::SignedIn);
    m_sessions->adoptGrant(*grant, m_keepSignedIn, m_sharedComputer);
}

void PushLogin::fail(ApiError error)
{
    m_error = std::move(error);
    m_challengeId.clear();
    closeChannel();
    const State next = m_error.code == ApiError::Code::Network ? State::Offline : State::Failed;
    // Re-announce a repeated failure too: the UI shows the new details.
    if (m_state == next)
        Q_EMIT stateChanged(next);
    setState(next);
}

} // namespace moim
