#include "main_window.h"

#include "account/account_security.h"
#include "account/my_account_page.h"
#include "account/personal_link.h"
#include "auth/session_manager.h"
#include "chat/attachment_strip.h"
#include "chat/chat.h"
#include "chat/composer.h"
#include "chat/composer_context_bar.h"
#include "chat/history_model.h"
#include "chat/mention_picker.h"
#include "chat/message_actions.h"
#include "chat/message_files.h"
#include "chat/message_view.h"
#include "chat/outgoing_files.h"
#include "chat/typing_line.h"
#include "common/notice.h"
#include "common/plain_text.h"
#include "conversation_delegate.h"
#include "conversations/conversation_actions.h"
#include "conversations/pinned_notice_bar.h"
#include "language.h"
#include "notify/notification_preferences.h"
#include "notify/notification_settings_page.h"
#include "notify/notifier.h"
#include "search/quick_switcher.h"
#include "search/search_panel.h"
#include "search/search_runner.h"
#include "workspace_sidebar.h"
#include "workspace_tile.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTextCursor>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWidgetAction>
#include <algorithm>
#include <utility>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

const auto KeyLastWorkspace = u"ui/lastWorkspace"_s;
const auto KeyGeometry = u"ui/mainWindowGeometry"_s;
const auto KeySidebarWidth = u"ui/sidebarWidth"_s;
const auto KeyConversationOrder = u"ui/conversationOrder"_s;
const auto OrderByName = u"name"_s;
const auto OrderByActivity = u"activity"_s;
constexpr int DefaultSidebarWidth = 260;

} // namespace

MainWindow::MainWindow(SessionManager *sessions, QSettings *uiState, QWidget *parent)
    : QMainWindow(parent)
    , m_sessions(sessions)
    , m_account(sessions->account())
    , m_uiState(uiState)
    , m_sidebar(new WorkspaceSidebar(m_account->workspaces(), this))
    , m_workspaceTitle(new QLabel(this))
    , m_workspaceSubtitle(new QLabel(this))
    , m_conversationList(new QListView(this))
    , m_banner(new Notice(Notice::Kind::Banner, this))
    , m_conversationTitle(new QLabel(this))
    , m_conversationTopic(new QLabel(this))
    , m_emptyIcon(new QLabel(this))
    , m_emptyText(new QLabel(this))
    , m_accountMenu(new QMenu(this))
    , m_unlockButton(new QPushButton(this))
    , m_bannerTimer(new QTimer(this))
    , m_history(new HistoryModel(m_account->chat(), m_account->identity().id, this))
    , m_contentStack(new QStackedWidget(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_messageView(new MessageView(m_history, m_account->chat(), this))
    , m_pinnedNotice(new PinnedNoticeBar(this))
    , m_composer(new Composer(this))
    , m_composerBar(new ComposerContextBar(this))
    , m_typingLine(new TypingLine(this))
    , m_mentionPicker(new MentionPicker(m_account, m_composer, this))
    , m_messageActions(new MessageActions(m_account->chat(), m_history, m_messageView, m_composer,
                                          m_composerBar, m_typingLine, uiState, this))
    , m_attachmentStrip(new AttachmentStrip(this))
    , m_attachButton(new QToolButton(this))
    , m_searchPanel(new SearchPanel(m_account, this))
{
    // Workspace names in the language the UI speaks, where the company gave an English one.
    m_account->workspaces()->setEnglishNames(showsEnglishNames());
    // Read before anything below selects a workspace and records it.
    const QString lastWorkspace = m_uiState->value(KeyLastWorkspace).toString();
    setWindowIcon(QIcon(u":/moim/icons/moim-logo.svg"_s));

    // Column 2: the selected workspace and its conversations.
    auto *conversationPane = new QWidget(this);
    conversationPane->setObjectName(u"ConversationPane"_s);
    conversationPane->setAttribute(Qt::WA_StyledBackground);
    // As wide as the user last dragged it, within what keeps names and messages readable.
    conversationPane->setMinimumWidth(200);
    conversationPane->setMaximumWidth(480);
    setRole(m_workspaceTitle, "heading");
    setRole(m_workspaceSubtitle, "caption");
    for (QLabel *label : {m_workspaceTitle, m_workspaceSubtitle, m_conversationTitle,
                          m_conversationTopic, m_emptyText})
        label->setTextFormat(Qt::PlainText); // names and topics come from the server
    m_workspaceTitle->setWordWrap(true);
    m_conversationList->setObjectName(u"ConversationList"_s);
    m_conversationList->setModel(&m_conversations);
    m_conversations.setChat(m_account->chat());
    m_conversations.setOrder(m_uiState->value(KeyConversationOrder).toString() == OrderByName
                                 ? ConversationModel::Order::Name
                                 : ConversationModel::Order::RecentActivity);
    m_conversationList->setItemDelegate(new ConversationDelegate(m_conversationList));
    m_conversationList->setMouseTracking(true); // hovered rows light up
    m_conversationList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_conversationList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *paneLayout = new QVBoxLayout(conversationPane);
    paneLayout->setContentsMargins(12, 16, 12, 12);
    paneLayout->setSpacing(2);
    // The workspace's settings from its header, not only from the tile's context menu: a popup
    // menu is out of reach of a screen reader under Qt 6.4, a button is not.
    m_workspaceSettings = new QToolButton(conversationPane);
    m_workspaceSettings->setObjectName(u"WorkspaceSettingsButton"_s);
    m_workspaceSettings->setIcon(QIcon(u":/moim/icons/bell.svg"_s));
    m_workspaceSettings->setIconSize(QSize(18, 18));
    m_workspaceSettings->setAutoRaise(true);
    m_workspaceSettings->setFocusPolicy(Qt::StrongFocus);
    m_workspaceSettings->setCursor(Qt::PointingHandCursor);
    connect(m_workspaceSettings, &QToolButton::clicked, this, [this] {
        if (!currentWorkspaceId().isEmpty())
            openNotificationSettings(currentWorkspaceId());
    });
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(m_workspaceTitle);
    titles->addWidget(m_workspaceSubtitle);
    auto *paneHeader = new QHBoxLayout;
    paneHeader->setSpacing(4);
    paneHeader->addLayout(titles, 1);
    paneHeader->addWidget(m_workspaceSettings, 0, Qt::AlignTop);
    paneLayout->addLayout(paneHeader);
    paneLayout->addSpacing(12);
    paneLayout->addWidget(m_conversationList, 1);

    // Column 3: the conversation.
    auto *content = new QWidget(this);
    content->setObjectName(u"ContentPane"_s);
    // Enough for a line of a message and the composer beside the list: the window's minimum
    // size follows from these, so nothing is drawn over anything else.
    content->setMinimumSize(340, 320);
    content->setAttribute(Qt::WA_StyledBackground);
    setRole(m_conversationTitle, "heading");
    setRole(m_conversationTopic, "muted");
    setRole(m_emptyText, "muted");
    m_emptyIcon->setPixmap(
        QIcon(u":/moim/icons/chat-bubble.svg"_s).pixmap(QSize(56, 56), devicePixelRatioF()));
    m_emptyIcon->setAlignment(Qt::AlignCenter);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *header = new QWidget(content);
    auto *headerRow = new QHBoxLayout(header);
    headerRow->setContentsMargins(24, 16, 24, 12);
    headerRow->setSpacing(16);
    auto *headerLayout = new QVBoxLayout;
    headerLayout->setSpacing(2);
    headerLayout->addWidget(m_conversationTitle);
    headerLayout->addWidget(m_conversationTopic);
    headerRow->addLayout(headerLayout, 1);
    m_searchPanel->field()->setMinimumWidth(220);
    m_searchPanel->field()->setMaximumWidth(320);
    headerRow->addWidget(m_searchPanel->field(), 0, Qt::AlignTop);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(header);
    // Either the empty state (no conversation open, or a locked workspace) or the conversation.
    auto *emptyPanel = new QWidget(m_contentStack);
    auto *emptyLayout = new QVBoxLayout(emptyPanel);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyIcon);
    emptyLayout->addSpacing(12);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addSpacing(16);
    emptyLayout->addWidget(m_unlockButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    auto *chatPanel = new QWidget(m_contentStack);
    auto *chatLayout = new QVBoxLayout(chatPanel);
    chatLayout->setContentsMargins(0, 0, 0, 16);
    chatLayout->setSpacing(8);
    chatLayout->addWidget(m_pinnedNotice);
    chatLayout->addWidget(m_messageView, 1);
    auto *composerRow = new QVBoxLayout;
    composerRow->setContentsMargins(24, 0, 24, 0);
    composerRow->setSpacing(4);
    composerRow->addWidget(m_typingLine);
    composerRow->addWidget(m_composerBar);
    composerRow->addWidget(m_attachmentStrip);
    auto *writingRow = new QHBoxLayout;
    writingRow->setContentsMargins(0, 0, 0, 0);
    writingRow->setSpacing(6);
    m_attachButton->setObjectName(u"AttachButton"_s);
    m_attachButton->setIcon(QIcon(u":/moim/icons/paperclip.svg"_s));
    m_attachButton->setIconSize(QSize(22, 22));
    m_attachButton->setCursor(Qt::PointingHandCursor);
    writingRow->addWidget(m_attachButton, 0, Qt::AlignBottom);
    writingRow->addWidget(m_composer, 1);
    composerRow->addLayout(writingRow);
    chatLayout->addLayout(composerRow);
    // Files dropped anywhere on the conversation are attached to the message being written.
    m_outgoingFiles = new OutgoingFiles(m_account->chat(), m_composer, m_attachmentStrip,
                                        m_attachButton, chatPanel, this);
    m_messageFiles =
        new MessageFiles(m_account->chat(), m_account->downloads(), m_history, m_messageView, this);
    connect(m_outgoingFiles, &OutgoingFiles::failed, m_messageView, &MessageView::showNote);
    connect(m_messageFiles, &MessageFiles::note, m_messageView, &MessageView::showNote);

    m_contentStack->addWidget(emptyPanel);
    m_contentStack->addWidget(chatPanel);
    m_contentStack->addWidget(m_searchPanel);
    contentLayout->addWidget(m_contentStack, 1);
    setRole(m_unlockButton, "primary");
    m_unlockButton->setCursor(Qt::PointingHandCursor);
    m_unlockButton->hide();
    connect(m_unlockButton, &QPushButton::clicked, this, [this] { openMyAccount(true); });
    m_banner->hide();

    auto *central = new QWidget(this);
    central->setObjectName(u"MainArea"_s);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_sidebar);
    m_splitter->setObjectName(u"MainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(conversationPane);
    m_splitter->addWidget(content);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    row->addWidget(m_splitter, 1);
    setCentralWidget(central);
    restoreWindowState();
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_uiState->setValue(KeySidebarWidth, sidebarWidth()); });

    buildMenus();
    buildSearch();
    fitToScreen(); // with the menu bar, whose height counts

    connect(m_sidebar, &WorkspaceSidebar::currentWorkspaceChanged, this,
            &MainWindow::onWorkspaceChanged);
    connect(m_account, &Account::connectionChanged, this, &MainWindow::onConnectionChanged);
    connect(m_account, &Account::workspaceRemoved, this, &MainWindow::onWorkspaceRemoved);
    connect(m_account, &Account::conversationsChanged, this, [this](const QString &workspaceId) {
        if (workspaceId != m_sidebar->currentWorkspaceId())
            return;
        m_conversations.setConversations(workspaceId, m_account->conversations(workspaceId));
        if (m_openConversation.isEmpty())
            showWorkspaceWelcome();
        selectOpenConversation();
        openPendingConversation();
    });
    connect(m_sidebar, &WorkspaceSidebar::notificationSettingsRequested, this,
            &MainWindow::openNotificationSettings);
    connect(m_sidebar, &WorkspaceSidebar::muteRequested, this,
            [this](const QString &workspaceId, NotificationPolicy::MuteDuration duration) {
                NotificationPreferences *preferences = m_account->notificationSettings();
                preferences->change(workspaceId, NotificationPolicy::muted(
                                                     preferences->settings(workspaceId), duration,
                                                     QDateTime::currentDateTimeUtc(),
                                                     QTimeZone::systemTimeZone()));
            });
    connect(m_sidebar, &WorkspaceSidebar::unmuteRequested, this,
            [this](const QString &workspaceId) {
                NotificationPreferences *preferences = m_account->notificationSettings();
                preferences->change(
                    workspaceId, NotificationPolicy::unmuted(preferences->settings(workspaceId)));
            });
    connect(m_composer, &Composer::sendRequested, this,
            [this](const QString &text, const QList<moim::protocol::MessageEntity> &mentions) {
                if (!m_account || m_openConversation.isEmpty())
                    return;
                if (m_messageActions->submitEdit(text, mentions))
                    return;
                if (!confirmAddressingEveryone(mentions) || !m_outgoingFiles->readyToSend()) {
                    m_composer->setContent({text, mentions});
                    return;
                }
                const bool saved =
                    m_account->chat()
                        ->send(m_openConversation, text, m_messageActions->replyTarget(), mentions,
                               m_outgoingFiles->attachedKeys())
                        .has_value();
                if (saved) {
                    m_messageActions->sent();
                    m_outgoingFiles->sent();
                }
                if (!saved) {
                    // Not written down, so not sent: the text goes back where it was typed.
                    m_composer->setContent({text, mentions});
                }
                if (saved != !m_sendNotSaved)
                    return;
                m_sendNotSaved = !saved;
                showBannerText();
            });
    // Messages that wait for a retry while the connection looks fine get a banner with a
    // countdown, so "Sending…" never sits there unexplained.
    connect(m_account->chat()->outbox(), &Outbox::messageChanged, this, [this] {
        updateBannerTimer();
        showBannerText();
    });
    connect(m_account->chat(), &Chat::unreadChanged, this, &MainWindow::updateWindowTitle);
    // A workspace's badge can stop (or start) counting toward the total without a new message.
    connect(m_account->chat(), &Chat::totalUnreadChanged, this, &MainWindow::updateWindowTitle);
    connect(m_conversationList, &QListView::activated, this, &MainWindow::onConversationActivated);
    connect(m_conversationList, &QListView::clicked, this, &MainWindow::onConversationActivated);
    // The highlighted row is the open conversation: moving the highlight (arrow keys, Home,
    // typing a name) opens it, while the keyboard stays in the list for the next step.
    connect(m_conversationList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString id = current.data(ConversationModel::IdRole).toString();
                if (id.isEmpty() || id == m_openConversation)
                    return;
                const bool fromList = m_conversationList->hasFocus();
                openConversation(id);
                if (fromList)
                    m_conversationList->setFocus(Qt::OtherFocusReason);
            });
    connect(m_messageActions, &MessageActions::failed, m_messageView, &MessageView::showNote);
    connect(m_composer, &Composer::emptyEscapePressed, this, [this] {
        if (m_account && !m_openConversation.isEmpty())
            m_account->chat()->markRead(m_openConversation);
    });
    for (const int step : {1, -1}) {
        auto *shortcut =
            new QShortcut(QKeySequence(Qt::ALT | (step > 0 ? Qt::Key_Down : Qt::Key_Up)), this);
        connect(shortcut, &QShortcut::activated, this, [this, step] { openNextUnread(step); });
    }
    connect(m_banner, &Notice::actionTriggered, m_account, &Account::retryNow);
    connect(m_banner, &Notice::actionTriggered, this, &MainWindow::showBannerText);
    m_bannerTimer->setInterval(1000);
    connect(m_bannerTimer, &QTimer::timeout, this, &MainWindow::showBannerText);
    // When the account goes online, the conversation list on screen is refreshed.
    connect(m_account, &Account::connectionChanged, this, [this](Account::Connection connection) {
        if (connection == Account::Connection::Online && !currentWorkspaceId().isEmpty())
            m_account->fetchConversations(currentWorkspaceId());
    });
    // A link started elsewhere (accepting an invitation with a personal account) waits for the
    // phone: show its number where the user can read it.
    connect(m_account->security()->personalLink(), &PersonalLink::stateChanged, this,
            [this](PersonalLink::State state) {
                if (state == PersonalLink::State::Requesting && !m_myAccount)
                    openMyAccount()->showPersonalAccount();
            });

    retranslate();
    // The last workspace comes back at the next start.
    if (!m_sidebar->selectWorkspace(lastWorkspace))
        m_sidebar->selectIndex(0);
    onWorkspaceChanged(m_sidebar->currentWorkspaceId());
    onConnectionChanged(m_account->connection());
}

MainWindow::~MainWindow() = default;

void MainWindow::restoreWindowState()
{
    // Size and position as the user left them; a first start gets a comfortable size. The
    // window system may still place the window where it likes (Wayland always does).
    if (!restoreGeometry(m_uiState->value(KeyGeometry).toByteArray()))
        resize(1100, 720);
    const int width = m_uiState->value(KeySidebarWidth, DefaultSidebarWidth).toInt();
    m_splitter->setSizes({width, std::max(400, this->width() - width)});
}

void MainWindow::saveWindowState()
{
    m_uiState->setValue(KeyGeometry, saveGeometry());
    m_uiState->setValue(KeySidebarWidth, sidebarWidth());
}

void MainWindow::fitToScreen()
{
    // A geometry saved on a larger screen, or at a smaller scale, must not put the composer
    // out of reach: the window fits the screen it is on, and so does its minimum size.
    QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize minimum = minimumSizeHint().boundedTo(available.size());
    setMinimumSize(minimum);
    QRect frame = frameGeometry();
    const QSize decoration = frame.size() - size();
    QSize fitted = size().boundedTo(available.size() - decoration).expandedTo(minimum);
    if (fitted != size()) {
        resize(fitted);
        frame = frameGeometry();
    }
    if (!available.contains(frame)) {
        frame.moveLeft(
            std::clamp(frame.left(), available.left(),
                       std::max(available.left(), available.right() - frame.width() + 1)));
        frame.moveTop(
            std::clamp(frame.top(), available.top(),
                       std::max(available.top(), available.bottom() - frame.height() + 1)));
        move(frame.topLeft());
    }
}

int MainWindow::sidebarWidth() const
{
    return m_splitter->sizes().value(0, DefaultSidebarWidth);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_hidesOnClose) {
        event->ignore();
        hide();
        Q_EMIT hiddenToTray();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Only now does the window system tell how much its frame takes.
    if (!m_fittedOnShow && !event->spontaneous()) {
        m_fittedOnShow = true;
        fitToScreen();
    }
}

void MainWindow::hideEvent(QHideEvent *event)
{
    // Hidden for any reason (closed, to the tray, logged out): the next window opens like this.
    if (!event->spontaneous())
        saveWindowState();
    QMainWindow::hideEvent(event);
}

void MainWindow::buildMenus()
{
    m_moimMenu = menuBar()->addMenu(QString());
    m_workspaceMenu = menuBar()->addMenu(QString());
    buildConversationManagement(); // after the workspace menu

    // Who is signed in, name over email on two lines (a menu item's text is one line).
    auto *header = new QWidget(m_accountMenu);
    header->setObjectName(u"AccountMenuHeader"_s);
    m_accountName = new QLabel(header);
    m_accountEmail = new QLabel(header);
    for (QLabel *label : {m_accountName, m_accountEmail})
        label->setTextFormat(Qt::PlainText);
    setRole(m_accountName, "accountName");
    setRole(m_accountEmail, "caption");
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(14, 8, 14, 8);
    headerLayout->setSpacing(2);
    headerLayout->addWidget(m_accountName);
    headerLayout->addWidget(m_accountEmail);
    m_accountHeader = new QWidgetAction(m_accountMenu);
    m_accountHeader->setDefaultWidget(header);
    m_accountHeader->setEnabled(false);
    m_accountMenu->addAction(m_accountHeader);
    m_accountMenu->addSeparator();
    m_myAccountAction = m_accountMenu->addAction(QString());
    connect(m_myAccountAction, &QAction::triggered, this, [this] { openMyAccount(); });
    m_preferencesAction = m_accountMenu->addAction(QString());
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_preferencesAction); // the shortcut works without opening the menu
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::preferencesRequested);
    m_accountMenu->addSeparator();
    m_logoutAction = m_accountMenu->addAction(QString());
    m_logoutWipeAction = m_accountMenu->addAction(QString());
    m_sidebar->accountButton()->setMenu(m_accountMenu);

    m_moimMenu->addAction(m_preferencesAction);
    m_moimMenu->addSeparator();
    m_moimMenu->addAction(m_logoutAction);
    m_moimMenu->addAction(m_logoutWipeAction);
    m_moimMenu->addSeparator();
    m_quitAction = m_moimMenu->addAction(QString());
    // Ctrl+Q on every desktop: the generic platform theme maps QKeySequence::Quit to nothing.
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_logoutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));

    m_notificationSettingsAction = m_workspaceMenu->addAction(QString());
    connect(m_notificationSettingsAction, &QAction::triggered, this, [this] {
        if (!currentWorkspaceId().isEmpty())
            openNotificationSettings(currentWorkspaceId());
    });
    // How each section of the list is ordered, kept for the next start.
    m_sortMenu = m_workspaceMenu->addMenu(QString());
    auto *order = new QActionGroup(this);
    m_orderByActivity = m_sortMenu->addAction(QString());
    m_orderByName = m_sortMenu->addAction(QString());
    for (QAction *action : {m_orderByActivity, m_orderByName}) {
        action->setCheckable(true);
        order->addAction(action);
    }
    (m_conversations.order() == ConversationModel::Order::Name ? m_orderByName : m_orderByActivity)
        ->setChecked(true);
    connect(order, &QActionGroup::triggered, this, [this](QAction *action) {
        const bool byName = action == m_orderByName;
        m_conversations.setOrder(byName ? ConversationModel::Order::Name
                                        : ConversationModel::Order::RecentActivity);
        m_uiState->setValue(KeyConversationOrder, byName ? OrderByName : OrderByActivity);
        m_conversationList->scrollTo(m_conversationList->currentIndex());
    });
    m_workspaceMenu->addSeparator();
    m_findAction = m_workspaceMenu->addAction(QString());
    m_findAction->setShortcut(QKeySequence::Find);
    m_findEverywhereAction = m_workspaceMenu->addAction(QString());
    m_findEverywhereAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_findAction, &QAction::triggered, this, [this] { startSearch(false); });
    connect(m_findEverywhereAction, &QAction::triggered, this, [this] { startSearch(true); });
    m_jumpAction = m_workspaceMenu->addAction(QString());
    m_jumpAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_jumpAction->setShortcutContext(Qt::WindowShortcut);
    for (QAction *action : {m_jumpAction, m_findAction, m_findEverywhereAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action); // the shortcut works without opening the menu
    }
    connect(m_jumpAction, &QAction::triggered, this, &MainWindow::openQuickSwitcher);
    m_nextAction = m_workspaceMenu->addAction(QString());
    m_nextAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    m_previousAction = m_workspaceMenu->addAction(QString());
    m_previousAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                    QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    for (QAction *action : {m_nextAction, m_previousAction})
        action->setShortcutContext(Qt::WindowShortcut);
    connect(m_nextAction, &QAction::triggered, this, [this] { m_sidebar->step(1); });
    connect(m_previousAction, &QAction::triggered, this, [this] { m_sidebar->step(-1); });
    for (int i = 0; i < 8; ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { m_sidebar->selectIndex(i); });
    }
    // Ctrl+9 is the last workspace however many there are, as in web browsers.
    auto *lastWorkspace = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_9), this);
    connect(lastWorkspace, &QShortcut::activated, this,
            [this] { m_sidebar->selectIndex(m_sidebar->count() - 1); });

    connect(m_logoutAction, &QAction::triggered, this, [this] { Q_EMIT logoutRequested(false); });
    connect(m_logoutWipeAction, &QAction::triggered, this,
            [this] { Q_EMIT logoutRequested(true); });
    // Quitting goes through whoever runs the windows: it must not end up in the tray.
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // Before the texts: the title and the welcome line name the workspace.
        if (m_account)
            m_account->workspaces()->setEnglishNames(showsEnglishNames());
        retranslate();
    }
    if (event->type() == QEvent::ActivationChange)
        updateFocusedConversation();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    if (!m_account)
        return;
    const AccountIdentity &identity = m_account->identity();
    setWindowTitle(tr("Moim"));
    m_moimMenu->setTitle(tr("&Moim"));
    m_workspaceMenu->setTitle(tr("&Workspace"));
    if (m_conversationActions)
        m_conversationActions->retranslate();
    m_accountName->setText(identity.displayName.isEmpty() ? identity.email : identity.displayName);
    m_accountEmail->setText(identity.email);
    m_accountEmail->setVisible(!identity.displayName.isEmpty());
    m_accountHeader->setText(literalActionText(
        identity.displayName.isEmpty() ? identity.email
                                       : tr("%1, %2").arg(identity.displayName, identity.email)));
    m_myAccountAction->setText(tr("My account…"));
    m_preferencesAction->setText(tr("&Preferences…"));
    m_unlockButton->setText(tr("Turn on 2-step verification"));
    m_unlockButton->setAccessibleName(m_unlockButton->text());
    m_logoutAction->setText(tr("&Log out"));
    m_logoutWipeAction->setText(tr("Log out and &delete local data"));
    m_quitAction->setText(tr("&Quit"));
    m_notificationSettingsAction->setText(tr("N&otification settings…"));
    m_sortMenu->setTitle(tr("&Sort conversations"));
    m_orderByActivity->setText(tr("By recent &activity"));
    m_orderByName->setText(tr("By &name"));
    m_jumpAction->setText(tr("&Jump to…"));
    m_findAction->setText(tr("&Find in conversation"));
    m_findEverywhereAction->setText(tr("Find in &all workspaces"));
    m_nextAction->setText(tr("&Next workspace"));
    m_previousAction->setText(tr("&Previous workspace"));
    QToolButton *account = m_sidebar->accountButton();
    const QString name = identity.displayName.isEmpty() ? identity.email : identity.displayName;
    m_sidebar->setAccountName(name);
    setPlainToolTip(account, tr("Account: %1").arg(name));
    account->setAccessibleName(tr("Account menu for %1").arg(name));
    m_conversationList->setAccessibleName(tr("Conversations"));
    m_emptyText->setText(tr("Pick a conversation on the left.\nMessages arrive here."));
    onWorkspaceChanged(m_sidebar->currentWorkspaceId());
    showBannerText();
}

QString MainWindow::currentWorkspaceId() const
{
    return m_sidebar->currentWorkspaceId();
}

QString MainWindow::workspaceTitle() const
{
    return m_workspaceTitle->text();
}

void MainWindow::onWorkspaceChanged(const QString &workspaceId)
{
    if (!m_account)
        return;
    rememberReadingPlace();
    // The conversation page stays up while the workspace's own conversation may open on it:
    // hiding and showing it again would lay the messages out twice.
    closeConversation(false);
    const auto showEmptyPage = qScopeGuard([this] {
        if (m_openConversation.isEmpty())
            m_contentStack->setCurrentIndex(0);
    });
    if (workspaceId != m_pendingWorkspace)
        m_pendingConversation.clear(); // the user went elsewhere meanwhile
    WorkspaceModel *model = m_account->workspaces();
    const int row = model->indexOf(workspaceId);
    if (row < 0) {
        m_workspaceTitle->setText(tr("No workspace"));
        m_workspaceSubtitle->clear();
        m_workspaceSettings->hide();
        m_conversations.setConversations({}, {});
        return;
    }
    const Workspace &workspace = model->workspaces().at(row);
    m_workspaceTitle->setText(workspace.shownName(showsEnglishNames()));
    m_workspaceSubtitle->setText(workspace.otherName(showsEnglishNames()));
    m_workspaceSettings->setVisible(workspace.locked.isEmpty());
    m_workspaceSettings->setAccessibleName(
        tr("Notification settings for %1").arg(workspace.shownName(showsEnglishNames())));
    setPlainToolTip(m_workspaceSettings, tr("Notifications and mute for this workspace"));
    m_uiState->setValue(KeyLastWorkspace, workspaceId);
    m_unlockButton->setVisible(!workspace.locked.isEmpty());
    if (!workspace.locked.isEmpty()) {
        // Locked until the user turns on 2-step verification: say why and lead there.
        m_conversations.setConversations(workspaceId, {});
        m_emptyIcon->setPixmap(
            QIcon(u":/moim/icons/lock.svg"_s).pixmap(QSize(56, 56), devicePixelRatioF()));
        m_conversationTitle->setText(
            tr("%1 is locked").arg(workspace.shownName(showsEnglishNames())));
        m_conversationTopic->setText(tr("This workspace requires 2-step verification."));
        m_emptyText->setText(tr("Turn on 2-step verification for your account to open it. It "
                                "takes a minute with an authenticator app."));
        return;
    }
    m_emptyIcon->setPixmap(
        QIcon(u":/moim/icons/chat-bubble.svg"_s).pixmap(QSize(56, 56), devicePixelRatioF()));
    // Cached list first, so switching never waits for the network.
    m_conversations.setConversations(workspaceId, m_account->conversations(workspaceId));
    showWorkspaceWelcome();
    // Back in a workspace, the conversation left open there opens again where it was read,
    // unless something else was asked for (a notification).
    if (m_pendingConversation.isEmpty() && m_readingPlaces.contains(workspaceId)) {
        m_pendingWorkspace = workspaceId;
        m_pendingConversation = m_readingPlaces.value(workspaceId).conversationId;
        openPendingConversation();
    }
    if (m_account->connection() == Account::Connection::Online)
        m_account->fetchConversations(workspaceId);
}

MyAccountPage *MainWindow::openMyAccount(bool startTwoStepSetup)
{
    if (!m_account)
        return nullptr;
    if (!m_myAccount) {
        m_myAccount = new MyAccountPage(m_account, this);
        m_myAccount->setAttribute(Qt::WA_DeleteOnClose);
        // The account menu's actions, for those who cannot reach a popup menu.
        connect(m_myAccount, &MyAccountPage::preferencesRequested, this,
                &MainWindow::preferencesRequested);
        connect(m_myAccount, &MyAccountPage::logoutRequested, this, [this](bool deleteLocalData) {
            m_myAccount->close();
            Q_EMIT logoutRequested(deleteLocalData);
        });
    }
    m_myAccount->show();
    m_myAccount->raise();
    m_myAccount->activateWindow();
    if (startTwoStepSetup)
        m_myAccount->startTwoStepSetup();
    return m_myAccount;
}

void MainWindow::showWorkspaceWelcome()
{
    const int row = m_account ? m_account->workspaces()->indexOf(currentWorkspaceId()) : -1;
    if (row < 0 || !m_account->workspaces()->workspaces().at(row).locked.isEmpty())
        return;
    m_emptyText->setText(tr("Pick a conversation on the left.\nMessages arrive here."));
    m_conversationTitle->setText(
        tr("Welcome to %1")
            .arg(m_account->workspaces()->workspaces().at(row).shownName(showsEnglishNames())));
    m_conversationTopic->setText(
        tr("%n conversation(s)", nullptr, int(m_conversations.rowCount())));
}

void MainWindow::onConversationActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    openConversation(index.data(ConversationModel::IdRole).toString());
    // Chosen with a click or Enter: the next thing is writing.
    m_composer->setFocus(Qt::OtherFocusReason);
}

void MainWindow::selectOpenConversation()
{
    const int row = m_conversations.rowOf(m_openConversation);
    if (row >= 0 && m_conversationList->currentIndex().row() != row)
        m_conversationList->setCurrentIndex(m_conversations.index(row));
}

void MainWindow::openNextUnread(int step)
{
    const int count = m_conversations.rowCount();
    if (count == 0)
        return;
    const int current = m_conversations.rowOf(m_openConversation);
    for (int i = 1; i <= count; ++i) {
        // From the open conversation onwards, around the end: the next unread one is found
        // wherever it is; muted conversations do not call for attention.
        const int row = ((current < 0 && step < 0 ? count : current) + step * i + count) % count;
        const QModelIndex index = m_conversations.index(row);
        if (index.data(ConversationModel::UnreadRole).toInt() > 0 &&
            !index.data(ConversationModel::MutedRole).toBool()) {
            const bool fromList = m_conversationList->hasFocus();
            openConversation(index.data(ConversationModel::IdRole).toString());
            if (fromList)
                m_conversationList->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void MainWindow::rememberReadingPlace()
{
    const QString workspaceId = m_conversations.workspaceId();
    if (workspaceId.isEmpty())
        return;
    if (m_openConversation.isEmpty()) {
        m_readingPlaces.remove(workspaceId);
        return;
    }
    ReadingPlace place{m_openConversation, {}, 0};
    if (!m_messageView->isAtBottom()) {
        const QModelIndex top =
            m_messageView->indexAt(QPoint(m_messageView->viewport()->width() / 2, 0));
        if (top.isValid()) {
            place.topMessage = top.data(HistoryModel::LocalIdRole).toString();
            place.topOffset = m_messageView->visualRect(top).top();
        }
    }
    m_readingPlaces.insert(workspaceId, place);
}

void MainWindow::restoreReadingPlace(const ReadingPlace &place)
{
    if (place.topMessage.isEmpty())
        return; // it was read at the bottom, where a conversation opens anyway
    m_messageView->doItemsLayout();
    for (int row = 0; row < m_history->rowCount(); ++row) {
        const QModelIndex index = m_history->index(row);
        if (index.data(HistoryModel::LocalIdRole).toString() != place.topMessage)
            continue;
        m_messageView->scrollTo(index, QAbstractItemView::PositionAtTop);
        QScrollBar *bar = m_messageView->verticalScrollBar();
        bar->setValue(bar->value() - place.topOffset);
        return;
    }
}

void MainWindow::openConversation(const QString &conversationId)
{
    if (!m_account || conversationId == m_openConversation)
        return;
    closeConversation(false);
    // Set first: selecting its row below must not open it a second time.
    m_openConversation = conversationId;
    // Opened by a click or from elsewhere (a notification): the list shows which one it is.
    const auto &conversations = m_conversations.conversations();
    const auto found =
        std::find_if(conversations.cbegin(), conversations.cend(),
                     [&conversationId](const Conversation &c) { return c.id == conversationId; });
    if (found != conversations.cend()) {
        const QModelIndex index = m_conversations.index(int(found - conversations.cbegin()));
        m_conversationList->setCurrentIndex(index);
        const QString name = index.data(Qt::DisplayRole).toString();
        const bool direct = index.data(ConversationModel::IsDirectRole).toBool();
        m_conversationTitle->setText(direct ? name : u"# "_s + name);
        m_conversationTopic->setText(index.data(ConversationModel::TopicRole).toString());
        // An empty conversation introduces itself instead of showing a blank pane.
        m_messageView->setConversationInfo(name,
                                           index.data(ConversationModel::TopicRole).toString(),
                                           direct, found->createdByName, found->createdAt);
    }
    m_messageView->setWorkspaceId(currentWorkspaceId());
    m_history->setConversation(conversationId);
    m_account->chat()->setActiveConversation(conversationId);
    m_messageActions->setConversation(conversationId);
    m_outgoingFiles->setConversation(conversationId);
    m_contentStack->setCurrentIndex(1);
    // The draft of this conversation comes back where it was left.
    m_composer->setContent(m_drafts.take(conversationId));
    m_mentionPicker->setConversation(conversationId);
    m_composer->setAccessibleName(tr("Message %1").arg(m_conversationTitle->text()));
    //: The message list's name for screen readers: "#일반 메시지" / "Messages in #general".
    m_messageView->setAccessibleName(tr("Messages in %1").arg(m_conversationTitle->text()));
    m_composer->setPlaceholderText(tr("Message %1").arg(m_conversationTitle->text()));
    m_composer->setFocus(Qt::OtherFocusReason);
    updateFocusedConversation();
    if (m_pendingMessageConversation == conversationId) {
        m_pendingMessageConversation.clear();
        m_messageView->jumpToMessage(std::exchange(m_pendingMessageId, QString()),
                                     std::exchange(m_pendingMessageSeq, 0));
    }
}

bool MainWindow::confirmAddressingEveryone(const QList<moim::protocol::MessageEntity> &mentions)
{
    // @channel and @here in a big channel notify many people at once: asked first.
    constexpr int ConfirmAbove = 10;
    const auto conversation = m_account->conversation(m_openConversation);
    if (!moim::protocol::entitiesAddressEveryone(mentions) || !conversation ||
        conversation->memberCount <= ConfirmAbove)
        return true;
    QMessageBox ask(QMessageBox::Question, tr("Notify everyone?"),
                    tr("This message notifies all %n members of the channel.", nullptr,
                       conversation->memberCount),
                    QMessageBox::Cancel, this);
    QAbstractButton *send = ask.addButton(tr("Send and notify"), QMessageBox::AcceptRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    return ask.clickedButton() == send;
}

void MainWindow::closeConversation(bool showEmptyPage)
{
    // A message being edited gives the composer back to the draft, which is kept below.
    m_messageActions->setConversation(QString());
    m_outgoingFiles->setConversation(QString());
    if (!m_openConversation.isEmpty()) {
        const ComposerText draft = m_composer->content();
        if (!draft.text.trimmed().isEmpty())
            m_drafts.insert(m_openConversation, draft);
    }
    m_openConversation.clear();
    m_composer->clear();
    if (m_account)
        m_account->chat()->setActiveConversation(QString());
    m_history->setConversation(QString());
    if (showEmptyPage)
        m_contentStack->setCurrentIndex(0);
    updateFocusedConversation();
}

void MainWindow::setNotificationSink(NotificationSink *sink, const NotificationTexts *texts)
{
    if (!m_account || m_notifier)
        return;
    m_notifier = new Notifier(m_account, sink, texts, this);
    connect(m_notifier, &Notifier::openRequested, this, &MainWindow::showConversation);
    updateFocusedConversation();
}

void MainWindow::updateFocusedConversation()
{
    if (m_notifier)
        m_notifier->setFocusedConversation(isActiveWindow() ? m_openConversation : QString());
    syncConversationManagement();
}

// --- Managing conversations -------------------------------------------------------------------

void MainWindow::buildConversationManagement()
{
    m_conversationActions = new ConversationActions(m_account, this);
    menuBar()->addMenu(m_conversationActions->menu());
    connect(m_conversationActions, &ConversationActions::openRequested, this,
            &MainWindow::openConversation);
    connect(m_pinnedNotice, &PinnedNoticeBar::unpinRequested, m_conversationActions,
            &ConversationActions::unpin);
    connect(m_pinnedNotice, &PinnedNoticeBar::showRequested, this,
            [this](const QString &conversationId, const QString &messageId, qint64 seq) {
                if (conversationId == m_openConversation)
                    m_messageView->jumpToMessage(messageId, seq);
            });
    connect(m_messageView, &MessageView::pinRequested, this, [this](const QString &messageId) {
        m_conversationActions->pinMessage(m_openConversation, messageId);
    });
    connect(m_messageView, &MessageView::unpinRequested, this,
            [this] { m_conversationActions->unpin(m_openConversation); });
    connect(m_sidebar, &WorkspaceSidebar::currentWorkspaceChanged, this,
            &MainWindow::syncConversationManagement);
    connect(m_account, &Account::conversationUpdated, this, [this](const Conversation &changed) {
        if (changed.id != m_openConversation)
            return;
        m_conversationTitle->setText(
            changed.kind == Conversation::Kind::Direct ? changed.name : u"# "_s + changed.name);
        m_conversationTopic->setText(changed.topic);
        syncConversationManagement();
    });
    // However the rows are rebuilt (a live change, the order), the open conversation stays the
    // selected one, so the window does not fall back to the workspace's welcome under it.
    connect(&m_conversations, &QAbstractItemModel::modelReset, this,
            &MainWindow::selectOpenConversation);
    // Left here or on another device: the conversation is gone from the screen too.
    connect(m_account, &Account::conversationRemoved, this,
            [this](const QString &, const QString &conversationId) {
                if (conversationId != m_openConversation)
                    return;
                closeConversation();
                showWorkspaceWelcome();
            });
}

void MainWindow::syncConversationManagement()
{
    if (!m_conversationActions || !m_account)
        return;
    m_conversationActions->setCurrent(m_sidebar->currentWorkspaceId(), m_openConversation);
    const std::optional<Conversation> open =
        m_openConversation.isEmpty() ? std::nullopt : m_account->conversation(m_openConversation);
    m_pinnedNotice->setConversation(open);
    m_messageView->setPinnedMessage(open ? open->pinned.messageId : QString());
}

NotificationSettingsPage *MainWindow::openNotificationSettings(const QString &workspaceId)
{
    if (!m_account || m_account->workspaces()->indexOf(workspaceId) < 0)
        return nullptr;
    QPointer<NotificationSettingsPage> &page = m_notificationPages[workspaceId];
    if (!page) {
        page = new NotificationSettingsPage(m_account, workspaceId, this);
        page->setAttribute(Qt::WA_DeleteOnClose);
    }
    page->show();
    page->raise();
    page->activateWindow();
    return page;
}

void MainWindow::showConversation(const QString &workspaceId, const QString &conversationId)
{
    if (!m_account)
        return;
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    if (!m_sidebar->selectWorkspace(workspaceId))
        return;
    m_pendingWorkspace = workspaceId;
    m_pendingConversation = conversationId;
    openPendingConversation();
}

QuickSwitcher *MainWindow::openQuickSwitcher()
{
    if (!m_account)
        return nullptr;
    if (!m_quickSwitcher) {
        m_quickSwitcher = new QuickSwitcher(m_account, m_uiState, centralWidget());
        connect(m_quickSwitcher, &QuickSwitcher::workspaceRequested, m_sidebar,
                &WorkspaceSidebar::selectWorkspace);
        connect(m_quickSwitcher, &QuickSwitcher::conversationRequested, this,
                &MainWindow::showConversation);
    }
    m_quickSwitcher->open();
    return m_quickSwitcher;
}

void MainWindow::startSearch(bool everywhere)
{
    const bool inConversation = !everywhere && !m_openConversation.isEmpty();
    m_searchPanel->begin(inConversation ? SearchPanel::Scope::Conversation
                                        : SearchPanel::Scope::Everywhere,
                         currentWorkspaceId(), m_openConversation);
    if (!m_searchPanel->field()->text().trimmed().isEmpty())
        m_contentStack->setCurrentWidget(m_searchPanel);
}

void MainWindow::buildSearch()
{
    new SearchRunner(m_account, m_searchPanel);
    // While results show, the header names no conversation: the results may come from anywhere.
    connect(m_contentStack, &QStackedWidget::currentChanged, this, [this] {
        const bool searching = m_contentStack->currentWidget() == m_searchPanel;
        m_conversationTitle->setVisible(!searching);
        m_conversationTopic->setVisible(!searching);
    });
    // The results take the conversation's place while there is something to show.
    connect(m_searchPanel, &SearchPanel::searchRequested, this,
            [this] { m_contentStack->setCurrentWidget(m_searchPanel); });
    const auto back = [this] {
        if (m_contentStack->currentWidget() != m_searchPanel)
            return;
        m_contentStack->setCurrentIndex(m_openConversation.isEmpty() ? 0 : 1);
        if (!m_openConversation.isEmpty())
            m_composer->setFocus(Qt::OtherFocusReason);
    };
    connect(m_searchPanel, &SearchPanel::searchCancelled, this, back);
    connect(m_searchPanel, &SearchPanel::closeRequested, this, back);
    connect(m_searchPanel, &SearchPanel::messageChosen, this,
            [this, back](const QString &workspaceId, const QString &conversationId,
                         const QString &messageId, qint64 seq) {
                back();
                openMessageLink(workspaceId, conversationId, messageId, seq);
            });
    connect(m_searchPanel, &SearchPanel::conversationChosen, this,
            [this, back](const QString &workspaceId, const QString &conversationId) {
                back();
                showConversation(workspaceId, conversationId);
            });
}

void MainWindow::openMessageLink(const QString &workspaceId, const QString &conversationId,
                                 const QString &messageId, qint64 seq)
{
    if (!m_account)
        return;
    m_pendingMessageConversation = conversationId;
    m_pendingMessageId = messageId;
    m_pendingMessageSeq = seq;
    showConversation(workspaceId, conversationId);
    // Already open: opening it again does nothing, so the jump is made here.
    if (m_openConversation == conversationId && m_pendingMessageConversation == conversationId) {
        m_pendingMessageConversation.clear();
        m_messageView->jumpToMessage(std::exchange(m_pendingMessageId, QString()),
                                     std::exchange(m_pendingMessageSeq, 0));
    }
}

void MainWindow::openPendingConversation()
{
    if (m_pendingConversation.isEmpty())
        return;
    for (int row = 0; row < m_conversations.rowCount(); ++row) {
        const QModelIndex index = m_conversations.index(row);
        if (index.data(ConversationModel::IdRole).toString() != m_pendingConversation)
            continue;
        const QString conversationId = m_pendingConversation;
        m_pendingConversation.clear();
        openConversation(conversationId);
        const auto place = m_readingPlaces.constFind(m_pendingWorkspace);
        if (place != m_readingPlaces.cend() && place->conversationId == conversationId) {
            // After the view has put a freshly opened conversation at its bottom (queued on
            // the same loop), and only if the user has not gone elsewhere meanwhile.
            QTimer::singleShot(0, this, [this, restored = *place] {
                if (m_openConversation == restored.conversationId)
                    restoreReadingPlace(restored);
            });
        }
        return;
    }
    // Not listed yet: the workspace's list is on its way (see conversationsChanged).
}

void MainWindow::updateWindowTitle()
{
    const int total = m_account ? m_account->chat()->totalUnread() : 0;
    // The count first and the name last: Qt adds the application's name to a title that does
    // not end with it, which would read "모임 (31) — 모임".
    //: The main window's title with the unread total: "(31) 모임".
    setWindowTitle(total > 0 ? tr("(%1) Moim").arg(total) : tr("Moim"));
}

void MainWindow::onConnectionChanged(Account::Connection)
{
    updateBannerTimer();
    showBannerText();
}

void MainWindow::updateBannerTimer()
{
    // The banner counts down to the next attempt, of the connection or of the outbox.
    const bool waiting = m_account && (m_account->connection() == Account::Connection::Offline ||
                                       m_account->chat()->outbox()->pendingCount() > 0);
    if (waiting && !m_bannerTimer->isActive())
        m_bannerTimer->start();
    else if (!waiting)
        m_bannerTimer->stop();
}

void MainWindow::onWorkspaceRemoved(const QString &workspaceId)
{
    if (!m_account)
        return;
    const int row = m_account->workspaces()->indexOf(workspaceId);
    const QString name =
        row >= 0 ? m_account->workspaces()->workspaces().at(row).shownName(showsEnglishNames())
                 : QString();
    m_removedNotice = tr("You are no longer a member of %1.").arg(name);
    showBannerText();
}

void MainWindow::showKeychainUnavailable()
{
    m_keychainNotice = true;
    showBannerText();
}

void MainWindow::showBannerText()
{
    if (!m_account)
        return;
    QString text;
    QString action;
    switch (m_account->connection()) {
    case Account::Connection::Offline: {
        const qint64 ms = m_account->events()->msUntilRetry();
        text = ms > 0
                   ? tr("Offline. Reconnecting in %n second(s)…", nullptr, int((ms + 999) / 1000))
                   : tr("Offline. Reconnecting…");
        action = tr("Retry now");
        break;
    }
    case Account::Connection::Connecting:
        // Cached data is on screen meanwhile; a banner for a sub-second state is only noise.
        break;
    case Account::Connection::UpdateRequired:
        text = tr("This version of Moim is too old for the server. Update Moim with your package "
                  "manager or software centre.");
        break;
    case Account::Connection::Online: {
        const Outbox *outbox = m_account->chat()->outbox();
        const qint64 ms = outbox->msUntilRetry();
        if (outbox->pendingCount() > 0 && ms > 0) {
            text = tr("%n message(s) not sent yet.", nullptr, outbox->pendingCount()) + u' ' +
                   tr("Trying again in %n second(s)…", nullptr, int((ms + 999) / 1000));
            action = tr("Retry now");
        }
        break;
    }
    }
    if (m_sendNotSaved)
        text = tr("Couldn't save your message, so it was not sent. Your text is still in the "
                  "message box: check that the disk has free space, then press Enter again.");
    if (text.isEmpty() && !m_removedNotice.isEmpty())
        text = m_removedNotice;
    if (text.isEmpty() && m_keychainNotice)
        text = tr("No keychain is available on this computer, so Moim cannot remember you. You "
                  "will sign in again next time.");
    m_banner->setMessage(text);
    m_banner->setAction(action);
    m_banner->setVisible(!text.isEmpty());
}

} // namespace moim::ui
