#include "qr_login.h"

#include "auth/login_secret.h"
#include "auth/session_grant.h"
#include "auth/session_manager.h"
#include "net/api_client.h"
#include "protocol/protocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcQr, "moim.core.auth.qr")

namespace moim {

using namespace Qt::StringLiterals;
namespace event = protocol::event;

namespace {

void send(QWebSocket *socket, const QJsonObject &object)
{
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

// The server names its deadlines in whole seconds of its clock (so up to a second less may be
// left); a refresh fires early enough that the next code is on screen before the old one stops
// working.
constexpr int RefreshLeadMs = 1500;
constexpr int ResponseTimeoutMs = 10'000;

} // namespace

QrLogin::QrLogin(SessionManager *sessions, DeviceInfo device, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_device(std::move(device))
{
    m_refreshTimer.setSingleShot(true);
    // Coarse timers may fire 5 % late; for a 30 s code that is a code that no longer works.
    m_refreshTimer.setTimerType(Qt::PreciseTimer);
    m_expiryTimer.setSingleShot(true);
    m_responseTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &QrLogin::refreshCode);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Waiting || m_state == State::Scanned) {
            closeChannel();
            setState(State::Expired);
        }
    });
    connect(&m_responseTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcQr) << "no answer from the login channel";
        closeChannel();
        setState(State::Offline);
    });
}

QrLogin::~QrLogin()
{
    closeChannel();
}

int QrLogin::msUntilRefresh() const
{
    return m_refreshTimer.isActive() ? m_refreshTimer.remainingTime() : 0;
}

void QrLogin::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void QrLogin::closeChannel()
{
    m_refreshTimer.stop();
    m_expiryTimer.stop();
    m_responseTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

void QrLogin::cancel()
{
    closeChannel();
    m_secret.clear();
    setState(State::Idle);
}

void QrLogin::start(bool keepSignedIn, bool sharedComputer)
{
    closeChannel();
    m_keepSignedIn = keepSignedIn && !sharedComputer;
    m_sharedComputer = sharedComputer;
    m_secret = LoginSecret::generate();
    m_qrSession.clear();
    m_checkCode.clear();
    m_endReason = EndReason::None;
    m_error = {};
    m_lastRequest = 0;
    if (!m_uri.isEmpty()) {
        m_uri.clear();
        Q_EMIT uriChanged(m_uri);
    }

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &QrLogin::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &QrLogin::onFrame);
    connect(m_socket, &QWebSocket::disconnected, this, &QrLogin::onDisconnected);
    setState(State::Connecting);
    m_responseTimer.start(ResponseTimeoutMs);

    QNetworkRequest request(m_sessions->api()->server().socketUrl(protocol::path::LoginChannel));
    request.setRawHeader(protocol::ClientHeader, m_sessions->api()->clientIdentity().toUtf8());
    m_socket->open(request);
}

void QrLogin::onConnected()
{
    // Only the hash goes out now, in the first frame: the server can check the secret later
    // without ever having been able to use it.
    send(m_socket,
         {{u"type"_s, QString(event::QrStart)},
          {u"request"_s, ++m_lastRequest},
          {u"secret_hash"_s, LoginSecret::hashOf(m_secret)},
          {u"device"_s, QJsonObject{{u"name"_s, m_device.name}, {u"os"_s, m_device.os}}}});
}

void QrLogin::refreshCode()
{
    if (m_state != State::Waiting || !m_socket)
        return;
    // A newer request supersedes the one in flight: its answer, if it comes, is dropped.
    send(m_socket, {{u"type"_s, QString(event::QrRefresh)}, {u"request"_s, ++m_lastRequest}});
    m_refreshTimer.stop();
    m_responseTimer.start(ResponseTimeoutMs);
}

void QrLogin::onFrame(const QString &frame)
{
    const QJsonObject message = QJsonDocument::fromJson(frame.toUtf8()).object();
    const QString type = message.value("type"_L1).toString();
    if (type == event::QrCode) {
        if (message.value("request"_L1).toInt() != m_lastRequest || m_state == State::Scanned)
            return; // an answer to a superseded refresh
        const QString uri = message.value("uri"_L1).toString();
        const qint64 nonceSeconds = message.value("nonce_expires_in"_L1).toInteger();
        const qint64 sessionSeconds = message.value("expires_in"_L1).toInteger();
        if (uri.isEmpty() || nonceSeconds <= 0 || sessionSeconds <= 0)
            return fail(ApiError::fromCode(ApiError::Code::InvalidResponse, u"bad qr.code"_s));
        m_responseTimer.stop();
        m_qrSession = message.value("qr_session"_L1).toString();
        // Re-armed from the server's own deadlines, not a fixed local interval.
        m_refreshTimer.start(std::max<qint64>(1000, nonceSeconds * 1000 - RefreshLeadMs));
        if (!m_expiryTimer.isActive() || m_state == State::Connecting)
            m_expiryTimer.start(std::chrono::seconds(sessionSeconds));
        m_uri = uri;
        Q_EMIT uriChanged(m_uri);
        setState(State::Waiting);
    } else if (type == event::QrScanned) {
        m_refreshTimer.stop();
        m_responseTimer.stop();
        m_checkCode = message.value("check_code"_L1).toString();
        setState(State::Scanned);
    } else if (type == event::QrApproved) {
        redeem();
    } else if (type == event::QrEnded) {
        const QString reason = message.value("reason"_L1).toString();
        closeChannel();
        if (reason == protocol::qrEndReason::Expired) {
            setState(State::Expired);
            return;
        }
        m_endReason = reason == protocol::qrEndReason::WrongCode ? EndReason::WrongCode
                      : reason == protocol::qrEndReason::Denied  ? EndReason::Denied
                      : reason == protocol::qrEndReason::TwoStepRequired
                          ? EndReason::PhoneNeedsTwoStep
                          : EndReason::Refused;
        setState(State::Denied);
    } else if (type == event::Error) {
        ApiError error;
        error.serverCode = message.value("code"_L1).toString();
        error.code = ApiError::codeFromWire(error.serverCode);
        error.minimumVersion = message.value("min_version"_L1).toString();
        error.message = u"login channel refused"_s;
        closeChannel();
        fail(error);
    }
}

void QrLogin::onDisconnected()
{
    const int closeCode = m_socket ? int(m_socket->closeCode()) : 0;
    qCInfo(lcQr) << "login channel closed, code" << closeCode;
    if (m_socket) {
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_refreshTimer.stop();
    m_responseTimer.stop();
    // After approval the channel has done its job; redeeming goes over REST.
    if (m_state == State::Connecting || m_state == State::Waiting || m_state == State::Scanned) {
        m_expiryTimer.stop();
        setState(State::Offline);
    }
}

void QrLogin::redeem()
{
    // The channel stays open until the server closes it after the redemption: hanging up first
    // would tell the server this desktop had gone away.
    m_refreshTimer.stop();
    m_expiryTimer.stop();
    m_responseTimer.stop();
    setState(State::SigningIn);
    const QJsonObject body{{u"qr_session"_s, m_qrSession}, {u"secret"_s, m_secret}};
    m_sessions->api()->post(protocol::path::QrRedeem, body, {}, this,
                            [this](const ApiResult &result) {
                                m_secret.clear();
                                closeChannel();
                                if (!result.ok())
                                    return fail(result.error);
                                const auto grant = SessionGrant::fromJson(result.body);
                                if (!grant) {
                                    return fail(ApiError::fromCode(ApiError::Code::InvalidResponse,
                                                                   u"redeem returned no grant"_s));
                                }
                                setState(State::SignedIn);
                                m_sessions->adoptGrant(*grant, m_keepSignedIn, m_sharedComputer);
                            });
}

void QrLogin::fail(ApiError error)
{
    m_error = std::move(error);
    closeChannel();
    setState(m_error.code == ApiError::Code::Network ? State::Offline : State::Failed);
}

} // namespace moim
