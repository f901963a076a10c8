#pragma once

#include "protocol/notification_settings.h"
#include "workspace.h"

#include <QAbstractListModel>

namespace moim {

// The account's workspaces in sidebar order, for views to show.
class WorkspaceModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        NameRole,
        NameEnRole,
        InitialsRole,
        ColorRole,
        AvailableRole,
        UnreadRole,
        LockedRole, // the lock reason (protocol::lock), empty when the workspace opens
        // Notifications (the workspace's notification settings, as the sidebar shows them):
        MutedRole,          // bool: muted right now (for a while or until turned back on)
        MutedUntilRole,     // qint64 seconds since the epoch; 0 when muted until turned on
        NotifyLevelRole,    // int, NotificationSettings::Level
        CountedInTotalRole, // bool: its unread messages count toward the total
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<Workspace> &workspaces() const { return m_workspaces; }
    int indexOf(const QString &workspaceId) const;
    // Whether names are shown in English where the company gave an English name (the UI's
    // language is English); the company's own name otherwise.
    void setEnglishNames(bool english);
    bool englishNames() const { return m_englishNames; }
    // Replaces the list; rows that stay keep their identity so a selection survives a refresh.
    void setWorkspaces(const QList<Workspace> &workspaces);
    void setUnread(const QString &workspaceId, int unread);
    // The total over the workspaces whose badge counts toward it (as Chat::totalUnread()).
    int totalUnread() const;
    void setNotificationSettings(const QString &workspaceId, const NotificationSettings &settings);
    // Marks a workspace unavailable (the user was removed) without losing its place yet.
    void markUnavailable(const QString &workspaceId);

private:
    QList<Workspace> m_workspaces;
    bool m_englishNames = false;
    // By workspace id, kept across list refreshes; a workspace without an entry has defaults.
    QHash<QString, NotificationSettings> m_notifications;
};

} // namespace moim
