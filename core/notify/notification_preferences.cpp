#include "notification_preferences.h"

#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcNotifySettings, "moim.core.notify.settings")

namespace moim {

using namespace Qt::StringLiterals;
namespace wire = protocol;

NotificationPreferences::NotificationPreferences(AuthorizedApi *api, LocalCache *cache,
                                                 OutboxStore *outbox, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_cache(cache)
    , m_outbox(outbox)
{
    if (m_cache && m_cache->isOpen()) {
        for (const auto &cached : m_cache->notificationSettings()) {
            m_settings.insert(cached.workspaceId, cached.settings);
            if (!cached.pending)
                continue;
            // Left unsent in the cache by an older version: the outbox keeps it from now on.
            m_pending.insert(cached.workspaceId);
            if (m_outbox && m_outbox->storeSettings(cached.workspaceId, cached.settings))
                m_cache->storeNotificationSettings(cached.workspaceId, cached.settings, false);
        }
    }
    if (m_outbox && m_outbox->isOpen()) {
        const auto unsent = m_outbox->settings();
        for (auto it = unsent.cbegin(); it != unsent.cend(); ++it) {
            m_settings.insert(it.key(), it.value());
            m_pending.insert(it.key());
        }
    }
    m_muteTimer.setSingleShot(true);
    connect(&m_muteTimer, &QTimer::timeout, this, &NotificationPreferences::onMuteExpired);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        for (const QString &workspaceId : QSet<QString>(m_pending))
            send(workspaceId);
    });
    scheduleMuteExpiry();
}

NotificationSettings NotificationPreferences::settings(const QString &workspaceId) const
{
    return m_settings.value(workspaceId);
}

QString NotificationPreferences::pathFor(const QString &workspaceId) const
{
    return wire::path::Workspaces + QString::fromLatin1(QUrl::toPercentEncoding(workspaceId)) +
           wire::path::NotificationSettingsSuffix;
}

void NotificationPreferences::change(const QString &workspaceId,
                                     const NotificationSettings &settings)
{
    if (workspaceId.isEmpty())
        return;
    if (m_settings.value(workspaceId) == settings && m_settings.contains(workspaceId) &&
        !m_pending.contains(workspaceId))
        return;
    // Stored before it is sent: a crash or a lost connection never loses the change.
    m_pending.insert(workspaceId);
    if (m_outbox)
        m_outbox->storeSettings(workspaceId, settings);
    const bool changed =
        !m_settings.contains(workspaceId) || m_settings.value(workspaceId) != settings;
    m_settings.insert(workspaceId, settings);
    scheduleMuteExpiry();
    if (changed)
        Q_EMIT settingsChanged(workspaceId);
    send(workspaceId);
}

void NotificationPreferences::send(const QString &workspaceId)
{
    if (!m_online || !m_pending.contains(workspaceId))
        return;
    if (m_inFlight.contains(workspaceId)) {
        m_again.insert(workspaceId); // one PUT at a time per workspace keeps the order true
        return;
    }
    m_inFlight.insert(workspaceId);
    const NotificationSettings sent = m_settings.value(workspaceId);
    m_api->put(pathFor(workspaceId), sent.toJson(), this,
               [this, workspaceId, sent](const ApiResult &result) {
                   m_inFlight.remove(workspaceId);
                   const bool changedSince = m_again.remove(workspaceId);
                   if (result.ok()) {
                       m_retryBackoff.reset();
                       if (changedSince) {
                           send(workspaceId);
                           return;
                       }
                       m_pending.remove(workspaceId);
                       if (m_outbox)
                           m_outbox->removeSettings(workspaceId);
                       const auto stored = NotificationSettings::fromJson(
                           result.body.value("settings"_L1).toObject());
                       apply(workspaceId, stored.value_or(sent));
                       Q_EMIT changeSaved(workspaceId);
                       return;
                   }
                   const ApiError &error = result.error;
                   // A token that could not be renewed, or anything the network or the
                   // server may get over: sent again later.
                   if (error.isTransient() || error.code == ApiError::Code::InvalidToken ||
                       error.code == ApiError::Code::Tls ||
                       error.code == ApiError::Code::TooManyAttempts) {
                       qCInfo(lcNotifySettings)
                           << "settings not saved yet:" << errorName(error.code);
                       retryLater();
                       return;
                   }
                   // Refused for good (invalid, not a member any more): the server's view wins.
                   qCWarning(lcNotifySettings) << "settings refused:" << errorName(error.code)
                                               << error.field << error.message;
                   m_pending.remove(workspaceId);
                   if (m_outbox)
                       m_outbox->removeSettings(workspaceId);
                   if (m_cache && m_cache->isOpen())
                       m_cache->storeNotificationSettings(workspaceId, sent, false);
                   Q_EMIT changeRefused(workspaceId, error);
                   fetchAll();
               });
}

void NotificationPreferences::retryLater()
{
    if (m_online && !m_retryTimer.isActive())
        m_retryTimer.start(m_retryBackoff.nextDelay());
}

void NotificationPreferences::setOnline(bool online)
{
    m_online = online;
    if (!online) {
        m_retryTimer.stop();
        return;
    }
    // What waits goes first: the answer to the fetch must not undo a change made offline.
    for (const QString &workspaceId : QSet<QString>(m_pending))
        send(workspaceId);
    fetchAll();
}

void NotificationPreferences::fetchAll()
{
    if (!m_online)
        return;
    m_api->get(wire::path::NotificationSettings, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            qCInfo(lcNotifySettings) << "cannot fetch settings:" << errorName(result.error.code);
            return;
        }
        for (const QJsonValue &value : result.body.value("workspaces"_L1).toArray()) {
            const QJsonObject entry = value.toObject();
            const QString workspaceId = entry.value("workspace_id"_L1).toString();
            NotificationSettings::Problem problem;
            const auto settings =
                NotificationSettings::fromJson(entry.value("settings"_L1).toObject(), &problem);
            if (workspaceId.isEmpty() || !settings) {
                qCWarning(lcNotifySettings)
                    << "ignoring settings of" << workspaceId << problem.field << problem.message;
                continue;
            }
            if (!m_pending.contains(workspaceId))
                apply(workspaceId, *settings);
        }
    });
}

bool NotificationPreferences::handleEvent(const QString &type, const QJsonObject &event)
{
    if (type != wire::event::NotificationSettingsChanged)
        return false;
    const QString workspaceId = event.value("workspace_id"_L1).toString();
    NotificationSettings::Problem problem;
    const auto settings =
        NotificationSettings::fromJson(event.value("settings"_L1).toObject(), &problem);
    if (workspaceId.isEmpty() || !settings) {
        qCWarning(lcNotifySettings)
            << "ignoring a settings event:" << problem.field << problem.message;
        return true;
    }
    // A change of ours on its way wins over what another device said before it.
    if (!m_pending.contains(workspaceId))
        apply(workspaceId, *settings);
    return true;
}

void NotificationPreferences::apply(const QString &workspaceId,
                                    const NotificationSettings &settings)
{
    const bool changed =
        !m_settings.contains(workspaceId) || m_settings.value(workspaceId) != settings;
    m_settings.insert(workspaceId, settings);
    if (m_cache && m_cache->isOpen())
        m_cache->storeNotificationSettings(workspaceId, settings, false);
    if (!changed)
        return;
    scheduleMuteExpiry();
    Q_EMIT settingsChanged(workspaceId);
}

void NotificationPreferences::scheduleMuteExpiry()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    qint64 next = 0;
    m_timedMutes.clear();
    for (auto it = m_settings.cbegin(); it != m_settings.cend(); ++it) {
        if (it->mutedForever || it->mutedUntil <= now)
            continue;
        m_timedMutes.insert(it.key());
        if (next == 0 || it->mutedUntil < next)
            next = it->mutedUntil;
    }
    if (next == 0) {
        m_muteTimer.stop();
        return;
    }
    // QTimer counts in int milliseconds; a mute further away is looked at again in a day.
    const qint64 ms = std::min<qint64>((next - now) * 1000 + 50, 24LL * 3600 * 1000);
    m_muteTimer.start(std::chrono::milliseconds(ms));
}

void NotificationPreferences::onMuteExpired()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QStringList ended;
    for (const QString &workspaceId : std::as_const(m_timedMutes)) {
        if (!m_settings.value(workspaceId).isMutedAt(now))
            ended.append(workspaceId);
    }
    scheduleMuteExpiry();
    for (const QString &workspaceId : std::as_const(ended))
        Q_EMIT settingsChanged(workspaceId); // the sidebar drops its mute badge
}

} // namespace moim
