#include "workspace_model.h"

#include <QDateTime>

namespace moim {

int WorkspaceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workspaces.size());
}

QVariant WorkspaceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Workspace &workspace = m_workspaces.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return workspace.shownName(m_englishNames);
    case Qt::ToolTipRole: {
        const QString other = workspace.otherName(m_englishNames);
        return other.isEmpty()
                   ? workspace.shownName(m_englishNames)
                   : workspace.shownName(m_englishNames) + QStringLiteral(" (") + other + u')';
    }
    case IdRole:
        return workspace.id;
    case NameEnRole:
        return workspace.nameEn;
    case InitialsRole:
        return workspace.initials;
    case ColorRole:
        return workspace.color;
    case AvailableRole:
        return workspace.available;
    case UnreadRole:
        return workspace.unread;
    case LockedRole:
        return workspace.locked;
    case MutedRole:
        return m_notifications.value(workspace.id).isMutedAt(QDateTime::currentSecsSinceEpoch());
    case MutedUntilRole: {
        const NotificationSettings settings = m_notifications.value(workspace.id);
        return settings.mutedForever ? qint64(0) : settings.mutedUntil;
    }
    case NotifyLevelRole:
        return int(m_notifications.value(workspace.id).level);
    case CountedInTotalRole:
        return m_notifications.value(workspace.id).countInTotal;
    default:
        return {};
    }
}

QHash<int, QByteArray> WorkspaceModel::roleNames() const
{
    return {{IdRole, "workspaceId"},
            {NameRole, "name"},
            {NameEnRole, "nameEn"},
            {InitialsRole, "initials"},
            {ColorRole, "color"},
            {AvailableRole, "available"},
            {UnreadRole, "unread"},
            {LockedRole, "locked"},
            {MutedRole, "muted"},
            {MutedUntilRole, "mutedUntil"},
            {NotifyLevelRole, "notifyLevel"},
            {CountedInTotalRole, "countedInTotal"}};
}

void WorkspaceModel::setEnglishNames(bool english)
{
    if (m_englishNames == english)
        return;
    m_englishNames = english;
    if (!m_workspaces.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_workspaces.size()) - 1),
                           {Qt::DisplayRole, NameRole, Qt::ToolTipRole});
}

int WorkspaceModel::indexOf(const QString &workspaceId) const
{
    for (qsizetype i = 0; i < m_workspaces.size(); ++i) {
        if (m_workspaces.at(i).id == workspaceId)
            return int(i);
    }
    return -1;
}

void WorkspaceModel::setWorkspaces(const QList<Workspace> &workspaces)
{
    if (workspaces == m_workspaces)
        return;
    // Workspace lists are short (tens); a reset is cheap and views keep selection by id.
    beginResetModel();
    m_workspaces = workspaces;
    endResetModel();
}

void WorkspaceModel::setUnread(const QString &workspaceId, int unread)
{
    const int row = indexOf(workspaceId);
    if (row < 0 || m_workspaces.at(row).unread == unread)
        return;
    m_workspaces[row].unread = unread;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {UnreadRole});
}

int WorkspaceModel::totalUnread() const
{
    int total = 0;
    for (const Workspace &workspace : m_workspaces) {
        if (m_notifications.value(workspace.id).countInTotal)
            total += workspace.unread;
    }
    return total;
}

void WorkspaceModel::setNotificationSettings(const QString &workspaceId,
                                             const NotificationSettings &settings)
{
    m_notifications.insert(workspaceId, settings);
    // Also when nothing visible changed: a mute that ran out reads differently now.
    const int row = indexOf(workspaceId);
    if (row < 0)
        return;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed,
                       {MutedRole, MutedUntilRole, NotifyLevelRole, CountedInTotalRole});
}

void WorkspaceModel::markUnavailable(const QString &workspaceId)
{
    const int row = indexOf(workspaceId);
    if (row < 0 || !m_workspaces.at(row).available)
        return;
    m_workspaces[row].available = false;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {AvailableRole});
}

} // namespace moim
