#include "mock_server_process.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QtTest>

namespace moim::test {

using namespace Qt::StringLiterals;

MockServerProcess::MockServerProcess(QStringList extraArguments)
    : m_extraArguments(std::move(extraArguments))
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

MockServerProcess::~MockServerProcess()
{
    stop();
}

QString MockServerProcess::serverBinary()
{
    return qEnvironmentVariable("MOIM_SERVER_BIN");
}

QString MockServerProcess::phoneBinary()
{
    return qEnvironmentVariable("MOIM_PHONE_BIN");
}

bool MockServerProcess::start()
{
    return launch(u"127.0.0.1:0"_s);
}

bool MockServerProcess::restart()
{
    stop();
    return launch(u"127.0.0.1:%1"_s.arg(m_url.port()));
}

bool MockServerProcess::launch(const QString &listen)
{
    m_output.clear();
    QStringList arguments{u"--listen"_s, listen, u"--data"_s, m_data.path(), u"--demo"_s};
    arguments += m_extraArguments;
    m_process.start(serverBinary(), arguments);
    if (!m_process.waitForStarted(10000)) {
        qWarning() << "cannot start" << serverBinary() << m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(u"Listening on (\\S+)"_s);
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            break;
        m_output += QString::fromUtf8(m_process.readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    qWarning() << "server did not report its address:" << m_output;
    return false;
}

void MockServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void MockServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool MockServerProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

int MockServerProcess::admin(const QStringList &arguments, QString *output,
                             const QByteArray &input) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(serverBinary(), QStringList{u"admin"_s, u"--data"_s, m_data.path()} + arguments);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(30000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString MockServerProcess::adminToken() const
{
    QFile file(QDir(m_data.path()).filePath(u"admin-token"_s));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed())
                                          : QString();
}

QJsonArray MockServerProcess::mails() const
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_url.resolved(QUrl(u"/dev/mail.json"_s)));
    request.setRawHeader("Authorization", "Bearer " + adminToken().toLatin1());
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value("mails"_L1).toArray();
}

QString MockServerProcess::newestLink(const QString &to, const QString &kind) const
{
    for (const QJsonValue &value : mails()) {
        const QJsonObject mail = value.toObject();
        if (mail.value("to"_L1).toString() == to && mail.value("kind"_L1).toString() == kind)
            return mail.value("links"_L1).toArray().first().toString();
    }
    return {};
}

QString MockServerProcess::createWorkspace(const QString &name, const QString &nameEn) const
{
    QString output;
    if (admin({u"create-workspace"_s, name, nameEn}, &output) != 0)
        qWarning() << "create-workspace failed:" << output;
    return QRegularExpression(u"w_[0-9a-f]+"_s).match(output).captured(0);
}

QString MockServerProcess::invite(const QString &email, const QString &workspaceId,
                                  QString *inviteId) const
{
    QString output;
    if (admin({u"invite"_s, email, workspaceId, u"--inviter"_s, u"김지민"_s}, &output) != 0)
        qWarning() << "invite failed:" << output;
    if (inviteId)
        *inviteId = QRegularExpression(u"i_[0-9a-f]+"_s).match(output).captured(0);
    return newestLink(email.toLower(), u"invite"_s);
}

IsolatedHome::IsolatedHome()
{
    qputenv("XDG_CONFIG_HOME", (m_dir.path() + u"/config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", (m_dir.path() + u"/data"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", (m_dir.path() + u"/cache"_s).toUtf8());
    qputenv("XDG_STATE_HOME", (m_dir.path() + u"/state"_s).toUtf8());
}

} // namespace moim::test
