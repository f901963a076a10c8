#include "single_instance.h"

#include "storage/profile.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcInstance, "moim.core.instance")

namespace moim {

using namespace Qt::StringLiterals;

namespace {
// Each message is one line: "open <link>" or "show". A deep link is short; anything longer is
// not from Moim.
constexpr qint64 MaxMessageBytes = 4096;
} // namespace

SingleInstance::SingleInstance(const QString &profileName, QObject *parent)
    : QObject(parent)
{
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty()) {
        // No runtime folder (a bare session): a private folder of our own under the temp dir.
        runtime = QDir::tempPath() + u"/moim-runtime-"_s + qEnvironmentVariable("USER", u"user"_s);
        Profile::ensurePrivateDir(runtime);
    }
    m_socketPath = runtime + u"/moim-"_s + profileName + u".sock"_s;
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file
}

bool SingleInstance::becomePrimary()
{
    {
        // A live instance accepts the connection; a socket file left by a crash refuses it.
        // Acceptance alone decides, so a busy primary is never mistaken for a dead one.
        QLocalSocket probe;
        probe.connectToServer(m_socketPath);
        if (probe.waitForConnected(1000))
            return false;
    }
    QLocalServer::removeServer(m_socketPath);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_socketPath)) {
        qCWarning(lcInstance) << "cannot listen on" << m_socketPath << m_server->errorString();
        // Still run: a second instance is better than none.
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

bool SingleInstance::sendToPrimary(const QString &message, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    const QByteArray line = (message.isEmpty() ? u"show"_s : u"open "_s + message).toUtf8() + '\n';
    socket.write(line);
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The primary answers "ok" once it has the message, so the sender may exit safely.
    if (!socket.waitForReadyRead(timeoutMs))
        return false;
    return socket.readLine().trimmed() == "ok";
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > MaxMessageBytes)
                    socket->abort();
                return;
            }
            const QString line = QString::fromUtf8(socket->readLine(MaxMessageBytes)).trimmed();
            socket->write("ok\n");
            socket->flush();
            socket->disconnectFromServer();
            if (line == "show"_L1)
                Q_EMIT activationRequested(QString());
            else if (line.startsWith("open "_L1))
                Q_EMIT activationRequested(line.mid(5));
            else
                qCWarning(lcInstance) << "ignoring an unknown message on the instance socket";
        });
    }
}

} // namespace moim
