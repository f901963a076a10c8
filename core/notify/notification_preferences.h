#pragma once

#include "net/api_error.h"
#include "net/backoff.h"
#include "protocol/notification_settings.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace moim {

class AuthorizedApi;
class OutboxStore;
class LocalCache;

// The account's notification settings, one independent set per workspace. They live on the
// server (so they follow the user to every device) and in the local cache (so the first paint
// and an offline start have them). A change here is stored at once and sent when the server can
// be reached; a change on another device arrives live (notification_settings.changed) and after
// a gap by fetching them all again.
class NotificationPreferences : public QObject
{
    Q_OBJECT

public:
    // Changes not yet accepted by the server are kept in `outbox`, the rest in `cache`.
    NotificationPreferences(AuthorizedApi *api, LocalCache *cache, OutboxStore *outbox,
                            QObject *parent = nullptr);

    // The workspace's settings; the defaults for a workspace nobody changed.
    NotificationSettings settings(const QString &workspaceId) const;
    // Changed here and not yet accepted by the server.
    bool isPending(const QString &workspaceId) const { return m_pending.contains(workspaceId); }
    // Whether settings for this workspace were loaded or fetched (not just the defaults).
    bool isKnown(const QString &workspaceId) const { return m_settings.contains(workspaceId); }

    // Takes effect here at once; reaches the server now or when it can be reached.
    void change(const QString &workspaceId, const NotificationSettings &settings);

    // Online: send what waits, then take the server's view of everything else.
    void setOnline(bool online);
    // Handles notification_settings.changed; false for events that are not ours.
    bool handleEvent(const QString &type, const QJsonObject &event);

Q_SIGNALS:
    // The settings of a workspace changed (here, on another device, or a mute ran out).
    void settingsChanged(const QString &workspaceId);
    // The server accepted the settings as they are now.
    void changeSaved(const QString &workspaceId);
    // The server refused a change for good; the settings are the server's again.
    void changeRefused(const QString &workspaceId, const moim::ApiError &error);
    // The server refused our token: the account refreshes it.

private:
    void apply(const QString &workspaceId, const NotificationSettings &settings);
    void send(const QString &workspaceId);
    void fetchAll();
    void scheduleMuteExpiry();
    void onMuteExpired();
    void retryLater();
    QString pathFor(const QString &workspaceId) const;

    AuthorizedApi *m_api;
    LocalCache *m_cache;
    OutboxStore *m_outbox;
    QHash<QString, NotificationSettings> m_settings;
    QSet<QString> m_pending;    // changed here, the server has not said yes yet
    QSet<QString> m_inFlight;   // a PUT is on its way
    QSet<QString> m_again;      // changed again while its PUT was on its way
    QSet<QString> m_timedMutes; // muted until a time that has not come yet
    bool m_online = false;
    QTimer m_muteTimer;  // fires when the next mute ends, so the sidebar can say so
    QTimer m_retryTimer; // sends again after a transient failure while online
    Backoff m_retryBackoff;
};

} // namespace moim
