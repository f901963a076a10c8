#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace moim {

// One Moim per profile. The first instance listens on a local socket in $XDG_RUNTIME_DIR (one
// per profile); a later one hands over its deep link (or just asks to be shown) and exits.
// A socket left behind by a crashed instance is detected (nobody answers) and replaced.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &profileName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The socket path this profile uses.
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
