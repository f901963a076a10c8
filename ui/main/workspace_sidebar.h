#pragma once

#include "notify/notification_policy.h"

#include <QWidget>

class QButtonGroup;
class QMenu;
class QVBoxLayout;
class QToolButton;

namespace moim {
class WorkspaceModel;
}

namespace moim::ui {

class WorkspaceTile;

// The workspace switcher at the top left: one tile per workspace of the account. Switching by
// click, by arrow keys between tiles, and by a horizontal swipe (touchpad or drag) over it;
// the window adds Ctrl+1…9 and Ctrl+Tab.
class WorkspaceSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit WorkspaceSidebar(WorkspaceModel *model, QWidget *parent = nullptr);

    QString currentWorkspaceId() const { return m_currentId; }
    // Selects by id; false when there is no such workspace.
    bool selectWorkspace(const QString &workspaceId);
    bool selectIndex(int index);
    // Moves the selection by `step` tiles, wrapping around.
    void step(int step);
    int count() const;
    QList<WorkspaceTile *> tiles() const { return m_tiles; }
    QToolButton *accountButton() const { return m_accountButton; }
    // The account button shows the initial of `name` in a circle.
    void setAccountName(const QString &name);
    // The context menu of a workspace's tile (notification settings, mute, unmute), built
    // afresh so it shows the workspace as it is now. The caller owns it.
    QMenu *buildTileMenu(const QString &workspaceId);

Q_SIGNALS:
    void currentWorkspaceChanged(const QString &workspaceId);
    void notificationSettingsRequested(const QString &workspaceId);
    void muteRequested(const QString &workspaceId, moim::NotificationPolicy::MuteDuration duration);
    void unmuteRequested(const QString &workspaceId);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Sizes follow the user's text size, like the tiles.
    void applySizes();
    void rebuild();
    void refreshAppearance();
    // "Notifications muted until 18:30" and the like; empty when notifications are on.
    QString silenceText(const QModelIndex &index) const;
    int currentIndex() const;

    WorkspaceModel *m_model;
    QVBoxLayout *m_tileLayout;
    QButtonGroup *m_group;
    QList<WorkspaceTile *> m_tiles;
    QToolButton *m_accountButton;
    QString m_accountName;
    QString m_currentId;
    int m_swipeAccumulated = 0;
    QPoint m_pressPosition;
    bool m_pressed = false;
};

} // namespace moim::ui
