#include "event_stream.h"

#include "protocol/protocol.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcEvents, "moim.core.events")

namespace moim {

using namespace Qt::StringLiterals;
namespace event = protocol::event;

EventStream::EventStream(QUrl url, QString clientIdentity, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_clientIdentity(std::move(clientIdentity))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &EventStream::connectNow);
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

void EventStream::connectNow()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
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
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcEvents) << "ignoring a malformed event:" << parseError.errorString();
        return;
    }
    const QJsonObject object = document.object();
    const QString type = object.value("type"_L1).toString();

    if (type == event::Ready) {
        m_backoff.reset();
        setState(State::Connected);
    } else if (type == event::Ping) {
        const QJsonObject pong{{u"type"_s, QString(event::Pong)}};
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(pong).toJson(QJsonDocument::Compact)));
        return;
    } else if (type == event::Error) {
        const QString code = object.value("code"_L1).toString();
        qCInfo(lcEvents) << "server refused the stream:" << code;
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

void EventStream::onDisconnected()
{
    const auto closeCode = m_socket ? int(m_socket->closeCode()) : 0;
    qCInfo(lcEvents) << "stream closed, code" << closeCode;
    if (m_socket) {
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
    const auto delay = m_backoff.nextDelay();
    qCInfo(lcEvents) << "reconnecting in" << delay.count() << "ms";
    setState(State::WaitingToRetry);
    m_retryTimer.start(delay);
}

} // namespace moim
