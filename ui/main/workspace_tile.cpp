#include "workspace_tile.h"

#include "theme/theme.h"

#include <QEvent>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>

namespace moim::ui {

WorkspaceTile::WorkspaceTile(QString workspaceId, QWidget *parent)
    : QAbstractButton(parent)
    , m_workspaceId(std::move(workspaceId))
{
    setCheckable(true);
    setAutoExclusive(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
}

QSize WorkspaceTile::sizeHint() const
{
    return {Theme::scaled(Width), Theme::scaled(TileSize + 12)};
}

void WorkspaceTile::changeEvent(QEvent *event)
{
    // The text size changed: the tile takes its new size.
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QAbstractButton::changeEvent(event);
}

void WorkspaceTile::setAppearance(const QString &initials, const QColor &color, bool available)
{
    m_initials = initials;
    m_color = color.isValid() ? color : QColor(0x5b, 0x6b, 0x8c);
    m_available = available;
    update();
}

void WorkspaceTile::setUnread(int unread)
{
    m_unread = unread;
    update();
}

void WorkspaceTile::setLocked(bool locked)
{
    m_locked = locked;
    update();
}

void WorkspaceTile::setSilenced(bool silenced)
{
    m_silenced = silenced;
    update();
}

namespace {

// The SVG icon in one colour, sharp at the screen's pixel ratio.
QPixmap tintedIcon(const QString &path, int size, const QColor &color, qreal ratio)
{
    QPixmap pixmap = QIcon(path).pixmap(QSize(size, size), ratio);
    QPainter painter(&pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(pixmap.rect(), color);
    return pixmap;
}

} // namespace

void WorkspaceTile::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // Drawn at the normal text size and scaled as a whole, so initials, badges and the bar
    // keep their proportions at any text size.
    const qreal scale = Theme::textPercent() / 100.0;
    painter.scale(scale, scale);
    const QSizeF area = QSizeF(size()) / scale;
    // Badges are ringed in the sidebar's own colour, which differs between light and dark.
    const QColor ring = Theme::colors(Theme::current()).sidebar;
    const QRectF tile((area.width() - TileSize) / 2.0, (area.height() - TileSize) / 2.0, TileSize,
                      TileSize);

    // The selected tile gets a bar at the window edge and a rounder-squarer shape.
    if (isChecked()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(QRectF(0, tile.top() + 6, 4, TileSize - 12), 2, 2);
    } else if (underMouse()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 160));
        painter.drawRoundedRect(QRectF(0, tile.top() + 14, 4, TileSize - 28), 2, 2);
    }

    QColor fill = m_color;
    if (!m_available)
        fill = QColor(0x55, 0x5c, 0x6b);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    const qreal radius = isChecked() ? 12 : 14;
    painter.drawRoundedRect(tile, radius, radius);

    if (hasFocus()) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0x9d, 0xb5, 0xff), 2));
        painter.drawRoundedRect(tile.adjusted(-3, -3, 3, 3), radius + 3, radius + 3);
    }

    QFont font = this->font();
    font.setPixelSize(m_initials.size() > 1 ? 15 : 18);
    font.setWeight(QFont::Bold);
    painter.setFont(font);
    painter.setPen(m_available ? QColor(Qt::white) : QColor(0xc8, 0xcc, 0xd4));
    painter.drawText(tile, Qt::AlignCenter, m_initials);

    if (!m_available) {
        // Crossed out: the user was removed from this workspace.
        painter.setPen(QPen(QColor(0xff, 0xff, 0xff, 200), 2));
        painter.drawLine(tile.topLeft() + QPointF(8, 8), tile.bottomRight() - QPointF(8, 8));
    }

    if (m_locked) {
        // A small padlock in a round badge at the bottom right, ringed in the sidebar colour
        // so it reads on any tile colour.
        const QRectF badge(tile.right() - 14, tile.bottom() - 14, 20, 20);
        painter.setPen(QPen(ring, 2));
        painter.setBrush(QColor(0xf5, 0xb0, 0x41));
        painter.drawEllipse(badge);
        const QPointF c = badge.center();
        painter.setPen(QPen(ring, 1.6));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(c.x() - 3.2, c.y() - 6.5, 6.4, 7), 0, 180 * 16);
        painter.drawLine(QPointF(c.x() - 3.2, c.y() - 3), QPointF(c.x() - 3.2, c.y() - 1));
        painter.drawLine(QPointF(c.x() + 3.2, c.y() - 3), QPointF(c.x() + 3.2, c.y() - 1));
        painter.setPen(Qt::NoPen);
        painter.setBrush(ring);
        painter.drawRoundedRect(QRectF(c.x() - 4.8, c.y() - 1.2, 9.6, 6.6), 1.5, 1.5);
    }

    if (m_silenced) {
        // A muted bell in a round badge at the bottom left, ringed in the sidebar colour like
        // the lock, in a quiet grey: it tells, it does not call for attention.
        const QRectF badge(tile.left() - 6, tile.bottom() - 14, 20, 20);
        painter.setPen(QPen(QColor(0x1c, 0x24, 0x3b), 2));
        painter.setBrush(QColor(0x8a, 0x93, 0xa6));
        painter.drawEllipse(badge);
        const int iconSize = 14;
        // Rendered for the scaled size, so it stays sharp when the painter scales it.
        const QPixmap bell = tintedIcon(QStringLiteral(":/moim/icons/bell-off.svg"), iconSize,
                                        Qt::white, devicePixelRatioF() * scale);
        painter.drawPixmap(QRectF(badge.center().x() - iconSize / 2.0,
                                  badge.center().y() - iconSize / 2.0, iconSize, iconSize),
                           bell, QRectF(bell.rect()));
    }

    if (m_unread > 0) {
        const QString text = m_unread > 99 ? QStringLiteral("99+") : QString::number(m_unread);
        QFont badgeFont = this->font();
        badgeFont.setPixelSize(11);
        badgeFont.setWeight(QFont::Bold);
        const int textWidth = QFontMetrics(badgeFont).horizontalAdvance(text);
        const qreal badgeWidth = std::max<qreal>(18, textWidth + 10);
        const QRectF badge(tile.right() - badgeWidth + 6, tile.top() - 5, badgeWidth, 18);
        painter.setPen(QPen(ring, 2));
        painter.setBrush(QColor(0xe5, 0x48, 0x4d));
        painter.drawRoundedRect(badge, 9, 9);
        painter.setFont(badgeFont);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, text);
    }
}

} // namespace moim::ui
