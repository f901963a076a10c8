#include "single_instance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcInstance, "moim.core.instance")

namespace moim {

using namespace Qt::StringLiterals;

namespace {
// Each message is one line: "open <link>" or "show". A deep link is short; anything longer is
// not from Moim.
constexpr qint64 MaxMessageBytes = 4096;
} // namespace

namespace {

// Whether `path` is a folder that only this user can enter and write: a real folder (not a link
// to one), owned by us, with no permission for anyone else. Says why not otherwise.
bool isPrivateFolder(const QString &path, QString *why)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0) {
        *why = u"cannot inspect it"_s;
        return false;
    }
    if (!S_ISDIR(info.st_mode)) {
        *why = u"it is not a folder (or is a link)"_s;
        return false;
    }
    if (info.st_uid != ::getuid()) {
        *why = u"another user owns it"_s;
        return false;
    }
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        *why = u"other users may use it (mode %1)"_s.arg(info.st_mode & 0777, 3, 8, QChar(u'0'));
        return false;
    }
    return true;
}

// The folder for the instance socket: $XDG_RUNTIME_DIR, or else a folder of our own under the
// temporary directory. Anyone can create names there, so a folder that exists already is used
// only when it is ours and private; it is never repaired, since what someone else made could be
// swapped under us. Empty when there is no safe folder.
QString runtimeFolder()
{
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty()) {
        runtime = QDir::tempPath() + u"/moim-runtime-"_s + QString::number(::getuid());
        // mkdir either makes it with our owner and mode, or finds what is there and we check it.
        if (::mkdir(QFile::encodeName(runtime).constData(), S_IRWXU) != 0 && errno != EEXIST) {
            qCWarning(lcInstance) << "no single instance: cannot create" << runtime
                                  << qt_error_string(errno);
            return {};
        }
    }
    QString why;
    if (!isPrivateFolder(runtime, &why)) {
        qCWarning(lcInstance).noquote()
            << "no single instance: the folder" << runtime << "is not private:" << why;
        return {};
    }
    return runtime;
}

} // namespace

SingleInstance::SingleInstance(const QString &profileName, QObject *parent)
    : QObject(parent)
{
    const QString runtime = runtimeFolder();
    if (!runtime.isEmpty())
        m_socketPath = runtime + u"/moim-"_s + profileName + u".sock"_s;
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close(); // removes the socket file
}

bool SingleInstance::becomePrimary()
{
    // Without a safe folder this instance runs alone rather than talk through a socket that
    // another user could own: a link handed over there would reach them.
    if (m_socketPath.isEmpty())
        return true;
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
    if (m_socketPath.isEmpty())
        return false;
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
