#include "tray_icon.h"

#include "account/account.h"
#include "chat/chat.h"
#include "common/plain_text.h"
#include "language.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSvgRenderer>

namespace moim::ui {

using namespace Qt::StringLiterals;

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
{
    // Open, then the workspaces between two separators, then log out and quit.
    m_openAction = m_menu->addAction(QString());
    m_menu->addSeparator();
    m_workspacesEnd = m_menu->addSeparator();
    m_logoutAction = m_menu->addAction(QString());
    m_quitAction = m_menu->addAction(QString());
    connect(m_openAction, &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_logoutAction, &QAction::triggered, this, &TrayIcon::logoutRequested);
    connect(m_quitAction, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                // A click (or a middle click) on the icon opens Moim; the menu is on the right.
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::MiddleClick ||
                    reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT openRequested();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
    m_tray->setIcon(iconFor(0));
    // The language is chosen at start, before any tray icon exists.
    m_openAction->setText(tr("&Open Moim"));
    m_logoutAction->setText(tr("&Log out"));
    m_quitAction->setText(tr("&Quit Moim"));
    m_tray->setToolTip(toolTip());
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isSystemTrayAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setAccount(Account *account)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_accountConnections))
        disconnect(connection);
    m_accountConnections.clear();
    m_account = account;
    if (account) {
        WorkspaceModel *model = account->workspaces();
        const auto rebuild = [this] { rebuildMenu(); };
        m_accountConnections = {
            connect(model, &QAbstractItemModel::modelReset, this, rebuild),
            connect(model, &QAbstractItemModel::rowsInserted, this, rebuild),
            connect(model, &QAbstractItemModel::rowsRemoved, this, rebuild),
            connect(model, &QAbstractItemModel::dataChanged, this, rebuild),
            connect(account->chat(), &Chat::totalUnreadChanged, this, &TrayIcon::setUnread),
        };
    }
    setUnread(account ? account->chat()->totalUnread() : 0);
    rebuildMenu();
    m_logoutAction->setVisible(account != nullptr);
    m_tray->setVisible(account != nullptr);
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible();
}

QString TrayIcon::toolTip() const
{
    return m_unread > 0 ? tr("Moim: %n unread message(s)", nullptr, m_unread) : tr("Moim");
}

void TrayIcon::setUnread(int total)
{
    if (total != m_unread)
        m_tray->setIcon(iconFor(total));
    m_unread = total;
    m_tray->setToolTip(toolTip());
}

void TrayIcon::rebuildMenu()
{
    QList<Workspace> shown;
    if (m_account) {
        for (const Workspace &workspace : m_account->workspaces()->workspaces()) {
            if (workspace.available)
                shown.append(workspace);
        }
    }
    // The same workspaces in the same order keep their entries and only relabel: a panel may
    // have the menu open, and the entries it knows must stay the ones it can click.
    bool sameEntries = shown.size() == m_workspaceActions.size();
    for (qsizetype i = 0; sameEntries && i < shown.size(); ++i)
        sameEntries = m_workspaceActions.at(i)->data().toString() == shown.at(i).id;
    if (!sameEntries) {
        qDeleteAll(m_workspaceActions);
        m_workspaceActions.clear();
        for (const Workspace &workspace : std::as_const(shown)) {
            auto *action = new QAction(m_menu.get());
            action->setData(workspace.id);
            const QString id = workspace.id;
            connect(action, &QAction::triggered, this,
                    [this, id] { Q_EMIT workspaceRequested(id); });
            m_menu->insertAction(m_workspacesEnd, action);
            m_workspaceActions.append(action);
        }
    }
    // Each with its unread count.
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const Workspace &workspace = shown.at(i);
        const QString name = workspace.shownName(showsEnglishNames());
        // Worded, not "(4)": the menu is read aloud by the desktop's screen reader too.
        const QString label =
            workspace.unread > 0 ? tr("%1 (%n unread)", nullptr, workspace.unread).arg(name) : name;
        m_workspaceActions.at(i)->setText(literalActionText(label));
    }
}

void TrayIcon::showMessage(const QString &title, const QString &body)
{
    m_tray->showMessage(title, body, iconFor(m_unread));
}

QIcon TrayIcon::iconFor(int unread)
{
    static QSvgRenderer logo(u":/moim/icons/moim-logo.svg"_s);
    QIcon icon;
    // The sizes panels ask for, at 1x and 2x: each drawn from the vector mark, never scaled.
    for (const int size : {16, 22, 24, 32, 44, 48, 64, 96, 128}) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        logo.render(&painter, QRectF(0, 0, size, size));
        if (unread > 0) {
            // A red dot at the top right, ringed in white so it reads on any panel.
            const qreal diameter = size * 0.46;
            const QRectF dot(size - diameter, 0, diameter, diameter);
            painter.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
            painter.setBrush(QColor(0xe5, 0x48, 0x4d));
            painter.drawEllipse(dot.adjusted(0.5, 0.5, -0.5, -0.5));
            // Where there is room for it, the count itself (the tooltip always has it).
            if (size >= 32) {
                QFont font = QApplication::font();
                font.setPixelSize(int(diameter * 0.62));
                font.setWeight(QFont::Bold);
                painter.setFont(font);
                painter.setPen(Qt::white);
                painter.drawText(dot, Qt::AlignCenter,
                                 unread > 9 ? u"9+"_s : QString::number(unread));
            }
        }
        painter.end();
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace moim::ui
