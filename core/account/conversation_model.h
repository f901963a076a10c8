#pragma once

#include "workspace.h"

#include <QAbstractListModel>

namespace moim {

// The conversations of the workspace on screen: channels first, then direct messages.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        KindRole,
        TopicRole,
        IsDirectRole
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QString workspaceId() const { return m_workspaceId; }
    const QList<Conversation> &conversations() const { return m_conversations; }
    void setConversations(const QString &workspaceId, QList<Conversation> conversations);

private:
    QString m_workspaceId;
    QList<Conversation> m_conversations;
};

} // namespace moim
