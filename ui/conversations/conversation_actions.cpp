#include "conversation_actions.h"

#include "account/account.h"
#include "conversation_dialogs.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

namespace moim::ui {

namespace {

constexpr Conversation::MuteLevel Levels[] = {
    Conversation::MuteLevel::Inherit, Conversation::MuteLevel::All,
    Conversation::MuteLevel::MentionsAndDirect, Conversation::MuteLevel::Nothing};

// A failed call says why, over the window, and leaves things as they were.
void tellFailure(QWidget *window, const ApiResult &result)
{
    if (!result.ok())
        QMessageBox::warning(window, ChannelDialog::tr("Moim"), conversationErrorText(result));
}

} // namespace

ConversationActions::ConversationActions(Account *account, QWidget *window)
    : QObject(window)
    , m_account(account)
    , m_window(window)
    , m_menu(new QMenu(window))
    , m_levelMenu(new QMenu(window))
    , m_levels(new QActionGroup(this))
{
    m_newChannel = m_menu->addAction(QString(), this, &ConversationActions::newChannel);
    m_browse = m_menu->addAction(QString(), this, &ConversationActions::browseChannels);
    m_newDirect = m_menu->addAction(QString(), this, &ConversationActions::newDirect);
    m_menu->addSeparator();
    m_edit = m_menu->addAction(QString(), this, &ConversationActions::editChannel);
    m_menu->addMenu(m_levelMenu);
    for (const Conversation::MuteLevel level : Levels) {
        QAction *action = m_levelMenu->addAction(QString());
        action->setCheckable(true);
        m_levels->addAction(action);
        m_levelActions.append(action);
        connect(action, &QAction::triggered, this, [this, level] {
            if (m_account && !m_conversationId.isEmpty())
                m_account->setMuteLevel(m_conversationId, level, m_window,
                                        [this](const ApiResult &r) { tellFailure(m_window, r); });
        });
    }
    m_leave = m_menu->addAction(QString(), this, &ConversationActions::leaveChannel);
    m_menu->addSeparator();
    m_markAllRead = m_menu->addAction(QString(), this, &ConversationActions::markAllRead);
    m_markAllRead->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Escape));
    m_markAllRead->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_markAllRead);
    if (account) {
        connect(account, &Account::conversationsChanged, this, &ConversationActions::updateActions);
    }
    retranslate();
    updateActions();
}

void ConversationActions::retranslate()
{
    m_menu->setTitle(tr("&Conversation"));
    m_newChannel->setText(tr("New channel…"));
    m_browse->setText(tr("Browse channels…"));
    m_newDirect->setText(tr("New message…"));
    m_edit->setText(tr("Rename or describe channel…"));
    m_levelMenu->setTitle(tr("Notifications"));
    m_levelActions.at(0)->setText(tr("As the workspace"));
    m_levelActions.at(1)->setText(tr("All messages"));
    m_levelActions.at(2)->setText(tr("Mentions only"));
    m_levelActions.at(3)->setText(tr("Muted"));
    m_leave->setText(tr("Leave channel"));
    m_markAllRead->setText(tr("Mark all as read"));
}

void ConversationActions::setCurrent(const QString &workspaceId, const QString &conversationId)
{
    m_workspaceId = workspaceId;
    m_conversationId = conversationId;
    updateActions();
}

void ConversationActions::updateActions()
{
    const bool inWorkspace = m_account && !m_workspaceId.isEmpty();
    for (QAction *action : {m_newChannel, m_browse, m_newDirect, m_markAllRead})
        action->setEnabled(inWorkspace);
    const std::optional<Conversation> current = m_account && !m_conversationId.isEmpty()
                                                    ? m_account->conversation(m_conversationId)
                                                    : std::nullopt;
    const bool channel = current && current->kind == Conversation::Kind::Channel;
    m_edit->setEnabled(channel && current->canEdit);
    m_leave->setEnabled(channel);
    m_levelMenu->setEnabled(current.has_value());
    if (current)
        m_levelActions.at(int(current->muteLevel))->setChecked(true);
}

void ConversationActions::newChannel()
{
    if (!m_account || m_workspaceId.isEmpty())
        return;
    auto *dialog = new ChannelDialog(m_account, m_workspaceId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChannelDialog::done, this, &ConversationActions::openRequested);
    dialog->open();
}

void ConversationActions::browseChannels()
{
    if (!m_account || m_workspaceId.isEmpty())
        return;
    auto *dialog = new BrowseChannelsDialog(m_account, m_workspaceId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BrowseChannelsDialog::openRequested, this,
            &ConversationActions::openRequested);
    dialog->open();
}

void ConversationActions::newDirect()
{
    if (!m_account || m_workspaceId.isEmpty())
        return;
    auto *dialog = new NewDirectDialog(m_account, m_workspaceId, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewDirectDialog::openRequested, this, &ConversationActions::openRequested);
    dialog->open();
}

void ConversationActions::editChannel()
{
    const std::optional<Conversation> current =
        m_account ? m_account->conversation(m_conversationId) : std::nullopt;
    if (!current || !current->canEdit)
        return;
    auto *dialog = new ChannelDialog(m_account, *current, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ConversationActions::leaveChannel()
{
    const std::optional<Conversation> current =
        m_account ? m_account->conversation(m_conversationId) : std::nullopt;
    if (!current || current->kind != Conversation::Kind::Channel)
        return;
    const QString text =
        current->isPrivate
            ? tr("Leave #%1? It is private: you cannot join it again on your own.")
                  .arg(current->name)
            : tr("Leave #%1? You can join it again from Browse channels.").arg(current->name);
    if (QMessageBox::question(m_window, tr("Leave channel"), text,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    m_account->leaveChannel(current->id, m_window,
                            [this](const ApiResult &r) { tellFailure(m_window, r); });
}

void ConversationActions::markAllRead()
{
    if (m_account && !m_workspaceId.isEmpty())
        m_account->markAllRead(m_workspaceId, m_window,
                               [this](const ApiResult &r) { tellFailure(m_window, r); });
}

void ConversationActions::pinMessage(const QString &conversationId, const QString &messageId)
{
    if (m_account && !messageId.isEmpty())
        m_account->setPinned(conversationId, messageId, m_window,
                             [this](const ApiResult &r) { tellFailure(m_window, r); });
}

void ConversationActions::unpin(const QString &conversationId)
{
    if (m_account)
        m_account->setPinned(conversationId, QString(), m_window,
                             [this](const ApiResult &r) { tellFailure(m_window, r); });
}

} // namespace moim::ui
