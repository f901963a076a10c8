#include "workspace_sidebar.h"

#include "account/workspace_model.h"
#include "common/plain_text.h"
#include "notify/mute_description.h"
#include "theme/theme.h"
#include "workspace_tile.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDateTime>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
// One notch of a wheel is 120; a deliberate touchpad swipe sends well over that.
constexpr int SwipeThreshold = 120;
constexpr int DragThreshold = 40;
constexpr int AvatarSize = 36; // at the normal text size

// The account's initial in a circle, for the account button, at the user's text size.
QIcon avatarIcon(const QString &name, qreal devicePixelRatio)
{
    const int size = Theme::scaled(AvatarSize);
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x4f, 0x7b, 0xff));
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont font = QApplication::font();
    font.setPixelSize(Theme::scaled(15));
    font.setWeight(QFont::Bold);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, name.left(1).toUpper());
    return QIcon(pixmap);
}
} // namespace

WorkspaceSidebar::WorkspaceSidebar(WorkspaceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tileLayout(new QVBoxLayout)
    , m_group(new QButtonGroup(this))
    , m_accountButton(new QToolButton(this))
{
    setObjectName(u"Sidebar"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_group->setExclusive(true);
    m_tileLayout->setContentsMargins(0, 0, 0, 0);
    m_tileLayout->setSpacing(2);
    m_accountButton->setObjectName(u"AccountButton"_s);
    m_accountButton->setPopupMode(QToolButton::InstantPopup);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(0);
    layout->addLayout(m_tileLayout);
    layout->addStretch(1);
    layout->addWidget(m_accountButton, 0, Qt::AlignHCenter);

    connect(m_model, &QAbstractItemModel::modelReset, this, &WorkspaceSidebar::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkspaceSidebar::refreshAppearance);
    applySizes();
    rebuild();
}

void WorkspaceSidebar::applySizes()
{
    setFixedWidth(Theme::scaled(WorkspaceTile::Width));
    layout()->setContentsMargins(0, Theme::scaled(12), 0, Theme::scaled(12));
    m_tileLayout->setSpacing(Theme::scaled(2));
    m_accountButton->setIconSize(QSize(Theme::scaled(AvatarSize), Theme::scaled(AvatarSize)));
    m_accountButton->setFixedSize(Theme::scaled(56), Theme::scaled(56));
    if (!m_accountName.isEmpty())
        m_accountButton->setIcon(avatarIcon(m_accountName, devicePixelRatioF()));
}

void WorkspaceSidebar::setAccountName(const QString &name)
{
    m_accountName = name;
    m_accountButton->setIcon(avatarIcon(name, devicePixelRatioF()));
}

void WorkspaceSidebar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applySizes();
    QWidget::changeEvent(event);
}

int WorkspaceSidebar::count() const
{
    return int(m_tiles.size());
}

int WorkspaceSidebar::currentIndex() const
{
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles.at(i)->workspaceId() == m_currentId)
            return int(i);
    }
    return -1;
}

void WorkspaceSidebar::rebuild()
{
    const QString previous = m_currentId;
    for (WorkspaceTile *tile : std::as_const(m_tiles)) {
        m_group->removeButton(tile);
        tile->deleteLater();
    }
    m_tiles.clear();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_model->index(row).data(WorkspaceModel::IdRole).toString();
        auto *tile = new WorkspaceTile(id, this);
        tile->installEventFilter(this);
        m_group->addButton(tile);
        m_tileLayout->addWidget(tile);
        m_tiles.append(tile);
        connect(tile, &WorkspaceTile::clicked, this, [this, id] { selectWorkspace(id); });
        // Right click, the Menu key or Shift+F10.
        tile->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(tile, &WorkspaceTile::customContextMenuRequested, this,
                [this, tile, id](const QPoint &position) {
                    QMenu *menu = buildTileMenu(id);
                    menu->setAttribute(Qt::WA_DeleteOnClose);
                    menu->popup(tile->mapToGlobal(position));
                });
    }
    refreshAppearance();
    // Keep the selection across a refresh; fall back to the first workspace when it went away.
    m_currentId.clear();
    if (!selectWorkspace(previous) && !m_tiles.isEmpty())
        selectIndex(0);
    else if (m_tiles.isEmpty() && !previous.isEmpty())
        Q_EMIT currentWorkspaceChanged(QString());
}

void WorkspaceSidebar::refreshAppearance()
{
    for (int row = 0; row < m_model->rowCount() && row < m_tiles.size(); ++row) {
        const QModelIndex index = m_model->index(row);
        WorkspaceTile *tile = m_tiles.at(row);
        const bool available = index.data(WorkspaceModel::AvailableRole).toBool();
        tile->setAppearance(index.data(WorkspaceModel::InitialsRole).toString(),
                            QColor(index.data(WorkspaceModel::ColorRole).toString()), available);
        tile->setUnread(index.data(WorkspaceModel::UnreadRole).toInt());
        const bool locked = !index.data(WorkspaceModel::LockedRole).toString().isEmpty();
        tile->setLocked(locked);
        const QString name = index.data(Qt::ToolTipRole).toString();
        const QString shortcut = row < 9 ? tr("Ctrl+%1").arg(row + 1) : QString();
        QString tip = shortcut.isEmpty() ? name : tr("%1 (%2)").arg(name, shortcut);
        if (locked)
            tip += u'\n' + tr("Locked: this workspace requires 2-step verification.");
        const QString silence = silenceText(index);
        tile->setSilenced(!silence.isEmpty());
        if (!silence.isEmpty())
            tip += u'\n' + silence;
        setPlainToolTip(tile, tip);
        QString accessible =
            !available ? tr("Workspace %1, you are no longer a member").arg(name)
            : locked   ? tr("Workspace %1, locked until you turn on 2-step verification").arg(name)
                       : tr("Workspace %1").arg(name);
        if (const int unread = index.data(WorkspaceModel::UnreadRole).toInt(); unread > 0)
            accessible += tr(", %n unread message(s)", nullptr, unread);
        if (!silence.isEmpty())
            accessible += tr(", %1", "appended to the workspace's accessible name").arg(silence);
        tile->setAccessibleName(accessible);
    }
}

QString WorkspaceSidebar::silenceText(const QModelIndex &index) const
{
    if (index.data(WorkspaceModel::MutedRole).toBool()) {
        const qint64 until = index.data(WorkspaceModel::MutedUntilRole).toLongLong();
        if (until <= 0)
            return tr("Notifications muted until you turn them back on");
        return tr("Notifications muted until %1")
            .arg(MuteDescription::when(QDateTime::fromSecsSinceEpoch(until),
                                       QDateTime::currentDateTime()));
    }
    if (index.data(WorkspaceModel::NotifyLevelRole).toInt() ==
        int(NotificationSettings::Level::Nothing))
        return tr("Notifications off");
    return {};
}

QMenu *WorkspaceSidebar::buildTileMenu(const QString &workspaceId)
{
    using Mute = NotificationPolicy::MuteDuration;
    auto *menu = new QMenu(this);
    const int row = m_model->indexOf(workspaceId);
    const QModelIndex index = row >= 0 ? m_model->index(row) : QModelIndex();
    menu->addAction(tr("Notification settings…"), this,
                    [this, workspaceId] { Q_EMIT notificationSettingsRequested(workspaceId); });
    menu->addSeparator();
    if (index.data(WorkspaceModel::MutedRole).toBool()) {
        menu->addAction(tr("Unmute notifications"), this,
                        [this, workspaceId] { Q_EMIT unmuteRequested(workspaceId); });
    } else {
        QMenu *mute = menu->addMenu(tr("Mute notifications"));
        const std::pair<Mute, QString> choices[] = {
            {Mute::OneHour, tr("For 1 hour")},
            {Mute::EightHours, tr("For 8 hours")},
            {Mute::UntilTomorrow, tr("Until tomorrow")},
            {Mute::UntilTurnedOn, tr("Until I turn them back on")}};
        for (const auto &[duration, label] : choices) {
            mute->addAction(label, this, [this, workspaceId, duration = duration] {
                Q_EMIT muteRequested(workspaceId, duration);
            });
        }
    }
    return menu;
}

bool WorkspaceSidebar::selectWorkspace(const QString &workspaceId)
{
    if (workspaceId.isEmpty())
        return false;
    for (WorkspaceTile *tile : std::as_const(m_tiles)) {
        if (tile->workspaceId() != workspaceId)
            continue;
        tile->setChecked(true);
        if (m_currentId != workspaceId) {
            m_currentId = workspaceId;
            Q_EMIT currentWorkspaceChanged(workspaceId);
        }
        return true;
    }
    return false;
}

bool WorkspaceSidebar::selectIndex(int index)
{
    if (index < 0 || index >= m_tiles.size())
        return false;
    return selectWorkspace(m_tiles.at(index)->workspaceId());
}

void WorkspaceSidebar::step(int step)
{
    if (m_tiles.isEmpty())
        return;
    const int size = int(m_tiles.size());
    const int from = std::max(0, currentIndex());
    selectIndex(((from + step) % size + size) % size);
}

void WorkspaceSidebar::wheelEvent(QWheelEvent *event)
{
    // A horizontal swipe over the sidebar (touchpads send it as horizontal scrolling).
    const QPoint delta = event->angleDelta();
    if (std::abs(delta.x()) <= std::abs(delta.y())) {
        QWidget::wheelEvent(event);
        return;
    }
    m_swipeAccumulated += delta.x();
    if (std::abs(m_swipeAccumulated) >= SwipeThreshold) {
        // Content follows the fingers: swiping left (negative x) brings the next workspace.
        step(m_swipeAccumulated < 0 ? 1 : -1);
        m_swipeAccumulated = 0;
    }
    event->accept();
}

void WorkspaceSidebar::mousePressEvent(QMouseEvent *event)
{
    m_pressed = true;
    m_pressPosition = event->position().toPoint();
    QWidget::mousePressEvent(event);
}

void WorkspaceSidebar::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_pressed) {
        const int dx = event->position().toPoint().x() - m_pressPosition.x();
        if (std::abs(dx) >= DragThreshold)
            step(dx < 0 ? 1 : -1);
    }
    m_pressed = false;
    QWidget::mouseReleaseEvent(event);
}

bool WorkspaceSidebar::eventFilter(QObject *watched, QEvent *event)
{
    // A drag across the tiles is a swipe too; it must not also click the tile it ends on.
    if (event->type() == QEvent::MouseButtonPress) {
        m_pressed = true;
        m_pressPosition =
            mapFromGlobal(static_cast<QMouseEvent *>(event)->globalPosition().toPoint());
    } else if (event->type() == QEvent::MouseButtonRelease && m_pressed) {
        m_pressed = false;
        const QPoint release =
            mapFromGlobal(static_cast<QMouseEvent *>(event)->globalPosition().toPoint());
        const int dx = release.x() - m_pressPosition.x();
        if (std::abs(dx) >= DragThreshold) {
            static_cast<WorkspaceTile *>(watched)->setDown(false);
            step(dx < 0 ? 1 : -1);
            return true;
        }
    }
    // Arrow keys move between tiles, as in any list; Enter/Space already click a focused tile.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int index = int(m_tiles.indexOf(static_cast<WorkspaceTile *>(watched)));
        if (index >= 0 && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up)) {
            const int next = index + (key->key() == Qt::Key_Down ? 1 : -1);
            if (next >= 0 && next < m_tiles.size()) {
                m_tiles.at(next)->setFocus(Qt::TabFocusReason);
                selectIndex(next);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace moim::ui
