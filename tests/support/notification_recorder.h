#pragma once

#include <QDBusConnection>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace moim::test {

// A notification service for tests: owns org.freedesktop.Notifications on the session bus
// through a connection of its own (so calls to it really cross the bus), records every Notify
// call as a desktop's service would receive it, and lets a test click an action or close a
// notification the way a user would. Run it on a private bus (tests/support/with-private-bus.sh).
class NotificationRecorder : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        uint id = 0;
        QString appName;
        uint replacesId = 0;   // as the client sent it
        bool replaced = false; // it did replace a notification still shown (no new popup)
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };

    explicit NotificationRecorder(QStringList capabilities = {QStringLiteral("body"),
                                                              QStringLiteral("body-markup"),
                                                              QStringLiteral("actions")},
                                  QObject *parent = nullptr);
    ~NotificationRecorder() override;

    // Takes the service name on the session bus; false when it cannot.
    bool start();
    void stop();

    const QList<Call> &calls() const { return m_calls; }
    // Popups: calls that did not replace a notification still shown.
    int popupCount() const;
    void clear() { m_calls.clear(); }

    // The user clicks the notification (action "default") or closes it.
    void invokeAction(uint id, const QString &actionKey = QStringLiteral("default"));
    void close(uint id, uint reason = 2);

public Q_SLOTS:
    Q_SCRIPTABLE QStringList GetCapabilities();
    Q_SCRIPTABLE uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                             const QString &summary, const QString &body,
                             const QStringList &actions, const QVariantMap &hints,
                             int expireTimeout);
    Q_SCRIPTABLE void CloseNotification(uint id);
    Q_SCRIPTABLE QString GetServerInformation(QString &vendor, QString &version,
                                              QString &specVersion);

Q_SIGNALS:
    Q_SCRIPTABLE void NotificationClosed(uint id, uint reason);
    Q_SCRIPTABLE void ActionInvoked(uint id, const QString &actionKey);
    // For the test: a call was recorded.
    void notified(const QString &summary, const QString &body);

private:
    QStringList m_capabilities;
    QString m_connectionName;
    QDBusConnection m_bus;
    QList<Call> m_calls;
    QList<uint> m_open;
    uint m_nextId = 1;
};

} // namespace moim::test
