#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace moim {

// One Moim per profile. The first instance listens on a local socket in $XDG_RUNTIME_DIR (one
// per profile); a later one hands over its deep link (or just asks to be shown) and exits.
// A socket left behind by a crashed instance is detected (nobody answers) and replaced.
// Without $XDG_RUNTIME_DIR the socket lives in a folder of the user's own under the temporary
// directory. Either folder is used only when it is a real folder owned by the user with mode
// 0700; otherwise there is no single instance (logged), because a deep link sent through a
// socket in someone else's folder would reach them.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &profileName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket path this profile uses; empty when no private folder could be had.
    QString socketPath() const { return m_socketPath; }

    // Tries to become the running instance. False means another one runs: then hand over with
    // sendToPrimary() and exit.
    bool becomePrimary();
    // Sends `message` (a deep link, or empty to just raise the window); true when delivered.
    bool sendToPrimary(const QString &message, int timeoutMs = 3000) const;

Q_SIGNALS:
    // In the primary: another start asked to be shown, with a deep link or none.
    void activationRequested(const QString &link);

private:
    void onNewConnection();

    QString m_socketPath;
    QLocalServer *m_server = nullptr;
};

} // namespace moim
