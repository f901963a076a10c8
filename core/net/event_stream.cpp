#include "event_stream.h"

#include "protocol/protocol.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QWebSocket>
#include <algorithm>

Q_LOGGING_CATEGORY(lcEvents, "moim.core.events")

namespace moim {

using namespace Qt::StringLiterals;
namespace event = protocol::event;

namespace {

constexpr std::chrono::milliseconds DefaultPingInterval{protocol::limits::PingIntervalSeconds *
                                                        1000};
// A server asking for pings more often than this, or less often than the upper bound, is not
// taken at its word: the watchdog would either fire on ordinary jitter or never.
constexpr std::chrono::milliseconds MinPingInterval{100};
constexpr std::chrono::milliseconds MaxPingInterval{std::chrono::hours(1)};
// A connection attempt that has not reached `ready` by then is given up, however long the
// interval: a server that accepts and never answers must show as a connection problem soon.
constexpr std::chrono::milliseconds MaxAttemptTime{std::chrono::seconds(15)};
// Network and resume hints come in bursts (one per interface, suspend and network together).
constexpr std::chrono::milliseconds CheckCoalescing{std::chrono::seconds(1)};

} // namespace

EventStream::EventStream(QUrl url, QString clientIdentity, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_clientIdentity(std::move(clientIdentity))
    , m_pingInterval(DefaultPingInterval)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::connectNow);
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &EventStream::onSilence);
}

EventStream::~EventStream()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

qint64 EventStream::msUntilRetry() const
{
    return m_retryTimer.isActive() ? m_retryTimer.remainingTime() : 0;
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

std::chrono::milliseconds EventStream::attemptTimeout() const
{
    return std::min(silenceLimit(), MaxAttemptTime);
}

void EventStream::start()
{
    if (m_state == State::Connecting || m_state == State::Authenticating ||
        m_state == State::Connected)
        return;
    connectNow();
}

void EventStream::stop()
{
    m_retryTimer.stop();
    m_watchdog.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Stopped);
}

void EventStream::retryNow()
{
    if (m_state != State::WaitingToRetry)
        return;
    m_retryTimer.stop();
    connectNow();
}

std::chrono::milliseconds EventStream::sinceLastCheck() const
{
    if (!m_lastCheck.isValid())
        return CheckCoalescing;
    const qint64 wall = QDateTime::currentMSecsSinceEpoch() - m_lastCheckWallMs;
    // A wall clock that went backwards proves nothing; one that moved on past the window does.
    return std::chrono::milliseconds(std::max(m_lastCheck.elapsed(), wall < 0 ? 0 : wall));
}

void EventStream::checkNow()
{
    if (m_state == State::Stopped)
        return;
    m_backoff.reset();
    const auto folded = std::max(CheckCoalescing - sinceLastCheck(), std::chrono::milliseconds(0));
    if (folded.count() > 0) {
        qCDebug(lcEvents) << "connection check folded into the one" << sinceLastCheck().count()
                          << "ms ago";
        // A flapping network still gets its attempt, once the window is over.
        if (m_state == State::WaitingToRetry && msUntilRetry() > folded.count())
            m_retryTimer.start(folded);
        return;
    }
    m_lastCheck.start();
    m_lastCheckWallMs = QDateTime::currentMSecsSinceEpoch();
    if (m_state == State::WaitingToRetry) {
        qCInfo(lcEvents) << "checking the connection: retrying now";
        retryNow();
        return;
    }
    qCInfo(lcEvents) << "checking the connection: reconnecting now";
    connectNow();
}

void EventStream::dropSocket()
{
    if (!m_socket)
        return;
    // Silenced first: an aborted socket may report its end synchronously, and this one is done.
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void EventStream::connectNow()
{
    dropSocket();
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &EventStream::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onTextMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
    // Qt 6.4 names this signal error(); a refused connection may report only here.
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError socketError) {
                qCInfo(lcEvents) << "stream error" << socketError;
                if (m_state == State::Connecting)
                    onDisconnected();
            });
    setState(State::Connecting);
    m_watchdog.start(attemptTimeout());

    QNetworkRequest request(m_url);
    request.setRawHeader(protocol::ClientHeader, m_clientIdentity.toUtf8());
    m_socket->open(request);
}

void EventStream::onConnected()
{
    setState(State::Authenticating);
    // The token travels in the first frame, never in the URL, so it stays out of every log.
    const QJsonObject auth{{u"type"_s, QString(event::Auth)}, {u"access_token"_s, m_accessToken}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
}

void EventStream::onTextMessage(const QString &message)
{
    // Whatever it says, the server was heard: the link is alive. Before `ready` the attempt's
    // own deadline keeps running.
    if (m_state == State::Connected)
        m_watchdog.start(silenceLimit());

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcEvents) << "ignoring a malformed event:" << parseError.errorString();
        return;
    }
    const QJsonObject object = document.object();
    const QString type = object.value("type"_L1).toString();

    if (type == event::Ready) {
        const qint64 announced = object.value(protocol::field::PingIntervalMs).toInteger(0);
        m_pingInterval = announced > 0 ? std::clamp(std::chrono::milliseconds(announced),
                                                    MinPingInterval, MaxPingInterval)
                                       : DefaultPingInterval;
        m_backoff.reset();
        m_watchdog.start(silenceLimit());
        setState(State::Connected);
    } else if (type == event::Ping) {
        const QJsonObject pong{{u"type"_s, QString(event::Pong)}};
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(pong).toJson(QJsonDocument::Compact)));
        return;
    } else if (type == event::Error) {
        const QString code = object.value("code"_L1).toString();
        qCInfo(lcEvents) << "server refused the stream:" << code;
        m_watchdog.stop();
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
        setState(State::Stopped);
        if (code == protocol::error::UpdateRequired)
            Q_EMIT updateRequired();
        else
            Q_EMIT tokenRejected();
        return;
    }
    Q_EMIT eventReceived(type, object);
}

void EventStream::onSilence()
{
    if (m_state == State::Connected)
        qCInfo(lcEvents) << "nothing from the server for" << silenceLimit().count()
                         << "ms; the connection is taken for dead";
    else
        qCInfo(lcEvents) << "no ready within" << attemptTimeout().count()
                         << "ms; giving up this attempt";
    dropSocket();
    scheduleRetry();
    Q_EMIT silenceDetected();
}

void EventStream::onDisconnected()
{
    m_watchdog.stop();
    const auto closeCode = m_socket ? int(m_socket->closeCode()) : 0;
    qCInfo(lcEvents) << "stream closed, code" << closeCode;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_state == State::Stopped || m_state == State::WaitingToRetry)
        return;
    if (closeCode == protocol::closeCode::SessionRevoked) {
        // The session is over; reconnecting would only be refused.
        setState(State::Stopped);
        return;
    }
    if (closeCode == protocol::closeCode::InvalidToken) {
        setState(State::Stopped);
        Q_EMIT tokenRejected();
        return;
    }
    if (closeCode == protocol::closeCode::UpdateRequired) {
        setState(State::Stopped);
        Q_EMIT updateRequired();
        return;
    }
    scheduleRetry();
}

void EventStream::scheduleRetry()
{
    m_watchdog.stop();
    const auto delay = m_backoff.nextDelay();
    qCInfo(lcEvents) << "reconnecting in" << delay.count() << "ms";
    // The timer runs before the state is announced, so that listeners can read msUntilRetry().
    m_retryTimer.start(delay);
    setState(State::WaitingToRetry);
}

} // namespace moim
