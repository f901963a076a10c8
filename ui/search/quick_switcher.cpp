#include "quick_switcher.h"

#include "account/account.h"
#include "common/accessible_fields.h"
#include "common/notice.h"
#include "composing_line_edit.h"
#include "conversations/conversation_dialogs.h"
#include "language.h"
#include "switcher_delegate.h"
#include "theme/theme.h"

#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QJsonArray>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QPainter>
#include <QSettings>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

const auto KeyRecent = u"ui/quickSwitcherRecent"_s;
constexpr int CardWidth = 600;
constexpr int VisibleRows = 9;

} // namespace

QuickSwitcher::QuickSwitcher(Account *account, QSettings *uiState, QWidget *window)
    : QWidget(window)
    , m_account(account)
    , m_uiState(uiState)
    , m_card(new QFrame(this))
    , m_field(new ComposingLineEdit(m_card))
    , m_list(new QListView(m_card))
    , m_status(new QLabel(m_card))
{
    setObjectName(u"QuickSwitcher"_s);
    hide();
    m_card->setObjectName(u"QuickSwitcherCard"_s);
    m_card->setAttribute(Qt::WA_StyledBackground);

    m_field->setObjectName(u"QuickSwitcherField"_s);
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_list->setObjectName(u"QuickSwitcherList"_s);
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new SwitcherDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setMouseTracking(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Typing goes on in the field while the arrows move through the rows from there.
    m_list->setFocusPolicy(Qt::NoFocus);
    setRole(m_status, "caption");
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(Theme::SpaceM, Theme::SpaceM, Theme::SpaceM, Theme::SpaceS);
    layout->setSpacing(Theme::SpaceS);
    layout->addWidget(m_field);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    m_model.setRecent(m_uiState->value(KeyRecent).toStringList());
    connect(m_field, &ComposingLineEdit::composingTextChanged, this, [this](const QString &text) {
        m_model.setQuery(text);
        m_list->setCurrentIndex(m_model.index(0));
        m_list->scrollToTop();
        updateCount();
        placeCard(); // as tall as its rows
    });
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &index) { activate(index.row()); });
    if (m_account) {
        // Lists of other workspaces arrive while the switcher is open.
        connect(m_account, &Account::conversationsChanged, this, [this] {
            if (isVisible())
                reloadPlaces();
        });
    }
    window->installEventFilter(this);
    retranslate();
}

void QuickSwitcher::open()
{
    m_field->clear();
    m_model.setQuery(QString());
    reloadPlaces();
    loadPeople();
    m_opening.clear();
    if (QWidget *focused = QApplication::focusWidget(); focused && !isAncestorOf(focused))
        m_returnFocus = focused;
    placeCard();
    show();
    raise();
    m_list->setCurrentIndex(m_model.index(0));
    updateCount();
    m_field->setFocus(Qt::ShortcutFocusReason);
}

void QuickSwitcher::close()
{
    if (isHidden())
        return;
    hide();
    m_opening.clear();
    if (m_returnFocus)
        m_returnFocus->setFocus(Qt::OtherFocusReason);
    Q_EMIT closed();
}

void QuickSwitcher::reloadPlaces()
{
    if (!m_account)
        return;
    QList<SwitcherEntry> places;
    const bool online = m_account->connection() == Account::Connection::Online;
    const bool english = showsEnglishNames();
    for (const Workspace &workspace : m_account->workspaces()->workspaces()) {
        if (!workspace.available)
            continue;
        places.append(SwitcherEntry::workspace(workspace.id, workspace.shownName(english),
                                               workspace.otherName(english), workspace.color,
                                               workspace.initials));
        if (!workspace.locked.isEmpty())
            continue;
        const QList<Conversation> conversations = m_account->conversations(workspace.id);
        if (conversations.isEmpty() && online && isHidden())
            m_account->fetchConversations(workspace.id);
        for (const Conversation &conversation : conversations) {
            places.append(SwitcherEntry::conversation(
                conversation.id, workspace.id, conversation.name, workspace.shownName(english),
                conversation.kind == Conversation::Kind::Direct, conversation.isPrivate,
                conversation.lastActivity));
        }
    }
    const QString current = m_list->currentIndex().data(SwitcherModel::IdRole).toString();
    m_model.setPlaces(std::move(places));
    // A list arriving must not move the highlight from under the user's Enter.
    int row = 0;
    for (int i = 0; i < m_model.rowCount(); ++i) {
        if (m_model.entry(i).id == current) {
            row = i;
            break;
        }
    }
    m_list->setCurrentIndex(m_model.index(row));
    updateCount();
}

void QuickSwitcher::loadPeople()
{
    if (!m_account || m_account->connection() != Account::Connection::Online)
        return;
    const QString me = m_account->identity().id;
    for (const Workspace &workspace : m_account->workspaces()->workspaces()) {
        if (!workspace.available || !workspace.locked.isEmpty())
            continue;
        m_account->fetchMembers(
            workspace.id, this,
            [this, me, workspaceId = workspace.id,
             workspaceName = workspace.shownName(showsEnglishNames())](const ApiResult &result) {
                if (!result.ok())
                    return; // the places still work; people come back at the next open
                QList<SwitcherEntry> people;
                for (const QJsonValue &value : result.body.value("members"_L1).toArray()) {
                    const QJsonObject member = value.toObject();
                    const QString id = member.value("id"_L1).toString();
                    if (id.isEmpty() || id == me)
                        continue;
                    people.append(SwitcherEntry::person(
                        id, workspaceId, member.value("display_name"_L1).toString(),
                        member.value("email"_L1).toString(), workspaceName));
                }
                const QString current =
                    m_list->currentIndex().data(SwitcherModel::IdRole).toString();
                m_model.setPeople(workspaceId, std::move(people));
                int row = 0;
                for (int i = 0; i < m_model.rowCount(); ++i) {
                    if (m_model.entry(i).id == current) {
                        row = i;
                        break;
                    }
                }
                m_list->setCurrentIndex(m_model.index(row));
                updateCount();
            });
    }
}

void QuickSwitcher::activate(int row)
{
    if (row < 0 || row >= m_model.rowCount())
        return;
    const SwitcherEntry entry = m_model.entry(row);
    m_model.recordUse(entry);
    m_uiState->setValue(KeyRecent, m_model.recent());
    switch (entry.kind) {
    case SwitcherEntry::Kind::Workspace:
        close();
        Q_EMIT workspaceRequested(entry.id);
        return;
    case SwitcherEntry::Kind::Conversation:
        close();
        Q_EMIT conversationRequested(entry.workspaceId, entry.id);
        return;
    case SwitcherEntry::Kind::Person:
        break;
    }
    if (!m_account)
        return;
    // The direct conversation with the person: the one that exists, or a new one.
    m_opening = entry.key;
    m_status->setText(tr("Opening the conversation with %1…").arg(entry.name));
    m_account->openDirect(
        entry.workspaceId, {entry.id}, this,
        [this, key = entry.key, workspaceId = entry.workspaceId](const ApiResult &result) {
            if (m_opening != key)
                return; // closed or another row chosen meanwhile
            m_opening.clear();
            if (!result.ok()) {
                m_status->setText(conversationErrorText(result));
                return;
            }
            const QString conversationId =
                result.body.value("conversation"_L1).toObject().value("id"_L1).toString();
            close();
            Q_EMIT conversationRequested(workspaceId, conversationId);
        });
}

void QuickSwitcher::updateCount()
{
    const int count = m_model.rowCount();
    m_list->setAccessibleName(tr("%n result(s)", nullptr, count));
    if (!m_opening.isEmpty())
        return;
    if (m_model.query().trimmed().isEmpty())
        m_status->setText(tr("↑↓ to choose, Enter to open, Esc to close"));
    else if (count == 0)
        m_status->setText(tr("Nothing matches “%1”.").arg(m_model.query().trimmed()));
    else
        m_status->setText(tr("%n result(s)", nullptr, count));
}

void QuickSwitcher::moveCurrent(int step)
{
    const int count = m_model.rowCount();
    if (count == 0)
        return;
    const int row = std::clamp(m_list->currentIndex().row() + step, 0, count - 1);
    m_list->setCurrentIndex(m_model.index(row));
    m_list->scrollTo(m_model.index(row));
}

void QuickSwitcher::placeCard()
{
    QWidget *window = parentWidget();
    setGeometry(window->rect());
    const int width = std::min(CardWidth, window->width() - 2 * Theme::SpaceXL);
    const int top = std::max(Theme::SpaceL, window->height() / 8);
    const int rows = std::clamp(m_model.rowCount(), 1, VisibleRows);
    const int listHeight = rows * SwitcherDelegate::RowHeight + 4;
    const int height =
        std::min(m_card->sizeHint().height() - m_list->sizeHint().height() + listHeight,
                 window->height() - top - Theme::SpaceL);
    m_card->setGeometry((window->width() - width) / 2, top, width, height);
}

bool QuickSwitcher::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        placeCard();
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Tab:
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
        case Qt::Key_Backtab:
            moveCurrent(-1);
            return true;
        case Qt::Key_PageDown:
            moveCurrent(VisibleRows - 1);
            return true;
        case Qt::Key_PageUp:
            moveCurrent(-(VisibleRows - 1));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            activate(m_list->currentIndex().row());
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QuickSwitcher::paintEvent(QPaintEvent *)
{
    // The window dims behind the card: the switcher is the one thing to look at. The shadow is
    // a few soft outlines rather than a blur effect, which would cost a frame on every keystroke.
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 70));
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int spread = 1; spread <= 6; ++spread) {
        painter.setBrush(QColor(0, 0, 0, 14 - 2 * spread));
        painter.drawRoundedRect(
            m_card->geometry().adjusted(-spread, -spread + 3, spread, spread + 3), 12 + spread,
            12 + spread);
    }
}

void QuickSwitcher::mousePressEvent(QMouseEvent *event)
{
    // A click beside the card: the user wants the window back.
    if (!m_card->geometry().contains(event->position().toPoint()))
        close();
}

void QuickSwitcher::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Workspace names follow the language too.
        if (!isHidden()) {
            reloadPlaces();
            loadPeople();
        }
    }
    QWidget::changeEvent(event);
}

void QuickSwitcher::retranslate()
{
    makeFieldButtonsAccessible(m_field, tr("Clear"));
    m_field->setPlaceholderText(tr("Jump to a conversation, person or workspace"));
    m_field->setAccessibleName(tr("Jump to"));
    m_card->setAccessibleName(tr("Quick switcher"));
    m_model.setQuery(m_model.query()); // rows carry translated descriptions
    updateCount();
}

} // namespace moim::ui
