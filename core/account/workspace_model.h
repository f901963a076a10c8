#pragma once

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
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<Workspace> &workspaces() const { return m_workspaces; }
    int indexOf(const QString &workspaceId) const;
    // Replaces the list; rows that stay keep their identity so a selection survives a refresh.
    void setWorkspaces(const QList<Workspace> &workspaces);
    void setUnread(const QString &workspaceId, int unread);
    int totalUnread() const;
    // Marks a workspace unavailable (the user was removed) without losing its place yet.
    void markUnavailable(const QString &workspaceId);

private:
    QList<Workspace> m_workspaces;
};

} // namespace moim
