#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace moim::test {

// The real moim-mock-server as a child process on a free loopback port, with its own data
// folder. Tests drive it like a user would, including its admin subcommand.
class MockServerProcess
{
public:
    explicit MockServerProcess(QStringList extraArguments = {});
    ~MockServerProcess();

    // Starts and waits for the "Listening on URL" line; false (with output in the log) on failure.
    bool start();
    void stop();
    // Starts again on the same port with the same data, as after a server outage.
    bool restart();
    // Ends the server at once (SIGKILL): no goodbye to anyone, as in a crash.
    void kill();
    bool isRunning() const;
    QUrl url() const { return m_url; }
    QString dataDir() const { return m_data.path(); }
    QString output() const { return m_output; }

    // Runs `moim-mock-server admin --data DIR <arguments>` with `input` on its standard input;
    // returns its exit code.
    int admin(const QStringList &arguments, QString *output = nullptr,
              const QByteArray &input = {}) const;

    // The admin token from the server's data folder, as the admin subcommand reads it.
    QString adminToken() const;
    // The dev mailbox as JSON, newest first (read with the admin token).
    QJsonArray mails() const;
    // The first link of the newest mail of `kind` ("invite", "password_reset"…) to `to`.
    QString newestLink(const QString &to, const QString &kind) const;
    // Creates a workspace with the admin subcommand and returns its id.
    QString createWorkspace(const QString &name, const QString &nameEn) const;
    // Invites `email` with the admin subcommand and returns the link from the mail.
    QString invite(const QString &email, const QString &workspaceId,
                   QString *inviteId = nullptr) const;

    static QString serverBinary();
    static QString phoneBinary();

private:
    bool launch(const QString &listen);

    QStringList m_extraArguments;
    QTemporaryDir m_data;
    QProcess m_process;
    QUrl m_url;
    QString m_output;
};

// Points the XDG folders at a fresh temporary folder so a test owns its settings and caches.
class IsolatedHome
{
public:
    IsolatedHome();
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

} // namespace moim::test
