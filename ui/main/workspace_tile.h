#pragma once

#include <QAbstractButton>

namespace moim::ui {

// One workspace in the sidebar: a rounded square with its initials in its colour, an unread
// badge, and a bar beside the selected one. Its name is the tooltip and the accessible name.
class WorkspaceTile : public QAbstractButton
{
    Q_OBJECT

public:
    // At the normal text size; a tile and everything on it grow with the user's text size.
    static constexpr int TileSize = 44;
    static constexpr int Width = 72;

    WorkspaceTile(QString workspaceId, QWidget *parent = nullptr);

    QString workspaceId() const { return m_workspaceId; }
    void setAppearance(const QString &initials, const QColor &color, bool available);
    void setUnread(int unread);
    // A lock badge: the workspace waits for the user to turn on 2-step verification.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    // A muted bell: notifications of this workspace are off for now (muted, or level
    // "nothing").
    void setSilenced(bool silenced);
    bool isSilenced() const { return m_silenced; }
    int unread() const { return m_unread; }
    bool isAvailable() const { return m_available; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_workspaceId;
    QString m_initials;
    QColor m_color;
    bool m_available = true;
    int m_unread = 0;
    bool m_locked = false;
    bool m_silenced = false;
};

} // namespace moim::ui
