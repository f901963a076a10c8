#include "conversation_dialogs.h"

#include "account/account.h"
#include "common/accessible_fields.h"
#include "common/error_text.h"
#include "common/notice.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxNameLength = 80;
constexpr int IdRole = Qt::UserRole + 1;
constexpr int MemberRole = Qt::UserRole + 2;

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    setRole(label, "error");
    label->hide();
    return label;
}

void hideUnmatched(QListWidget *list, const QString &filter)
{
    for (int i = 0; i < list->count(); ++i) {
        QListWidgetItem *item = list->item(i);
        item->setHidden(!filter.isEmpty() && !item->text().contains(filter, Qt::CaseInsensitive));
    }
}

} // namespace

QString conversationErrorText(const ApiResult &result)
{
    const ApiError &error = result.error;
    if (error.serverCode == "conflict"_L1)
        return ChannelDialog::tr("A channel with this name already exists in this workspace.");
    if (error.serverCode == "bad_request"_L1 && error.field == "name"_L1)
        return ChannelDialog::tr("A channel name needs 1 to 80 characters, without line breaks "
                                 "or control characters.");
    if (error.serverCode == "bad_request"_L1 && error.field == "topic"_L1)
        return ChannelDialog::tr("A description can have up to 500 characters.");
    if (error.serverCode == "forbidden"_L1)
        return ChannelDialog::tr("You are not allowed to do this here.");
    if (error.serverCode == "not_found"_L1)
        return ChannelDialog::tr("This conversation no longer exists.");
    const QString general = ErrorText::forServerAnswer(error);
    return general.isEmpty() ? ChannelDialog::tr("Could not reach the server. Try again.")
                             : general;
}

ChannelDialog::ChannelDialog(Account *account, const QString &workspaceId, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_workspaceId(workspaceId)
{
    build(false);
}

ChannelDialog::ChannelDialog(Account *account, const Conversation &conversation, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_workspaceId(conversation.workspaceId)
    , m_editing(conversation)
{
    build(true);
    m_name->setText(conversation.name);
    m_description->setPlainText(conversation.topic);
}

void ChannelDialog::build(bool editing)
{
    setWindowTitle(editing ? tr("Edit channel") : tr("New channel"));
    setMinimumWidth(420);
    m_name = new QLineEdit(this);
    m_name->setMaxLength(MaxNameLength);
    m_name->setPlaceholderText(tr("e.g. launch-plans"));
    m_description = new QPlainTextEdit(this);
    m_description->setPlaceholderText(tr("What is this channel about? (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    m_error = errorLabel(this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Save") : tr("Create"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    if (!editing) {
        m_private = new QCheckBox(tr("Private: only its members can see it"), this);
        form->addRow(QString(), m_private);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &ChannelDialog::updateButton);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChannelDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

QString ChannelDialog::nameText() const
{
    return m_name->text().simplified();
}

QString ChannelDialog::descriptionText() const
{
    return m_description->toPlainText().trimmed();
}

void ChannelDialog::updateButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!nameText().isEmpty());
}

void ChannelDialog::submit()
{
    if (!m_account || nameText().isEmpty())
        return;
    m_error->hide();
    m_buttons->setEnabled(false);
    const auto answer = [this](const ApiResult &result) { finished(result); };
    if (m_editing.id.isEmpty()) {
        m_account->createChannel(m_workspaceId, nameText(), descriptionText(),
                                 m_private->isChecked(), this, answer);
    } else {
        const std::optional<QString> name =
            nameText() != m_editing.name ? std::optional(nameText()) : std::nullopt;
        m_account->editChannel(m_editing.id, name, descriptionText(), this, answer);
    }
}

void ChannelDialog::finished(const ApiResult &result)
{
    m_buttons->setEnabled(true);
    updateButton();
    if (!result.ok()) {
        m_error->setText(conversationErrorText(result));
        m_error->show();
        return;
    }
    Q_EMIT done(result.body.value("conversation"_L1).toObject().value("id"_L1).toString());
    accept();
}

BrowseChannelsDialog::BrowseChannelsDialog(Account *account, const QString &workspaceId,
                                           QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_workspaceId(workspaceId)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_status(errorLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Browse channels"));
    resize(460, 420);
    // A placeholder is not a name to a screen reader.
    m_filter->setPlaceholderText(tr("Search channels"));
    m_filter->setAccessibleName(m_filter->placeholderText());
    m_list->setAccessibleName(tr("Public channels"));
    m_filter->setClearButtonEnabled(true);
    makeFieldButtonsAccessible(m_filter, tr("Clear"));
    m_list->setWordWrap(true);
    m_list->setSpacing(4);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Join"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_filter, &QLineEdit::textChanged, this,
            [this](const QString &text) { hideUnmatched(m_list, text.trimmed()); });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
        ok->setEnabled(item != nullptr);
        ok->setText(item && item->data(MemberRole).toBool() ? tr("Open") : tr("Join"));
    });
    connect(m_list, &QListWidget::itemActivated, this, &BrowseChannelsDialog::joinSelected);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BrowseChannelsDialog::joinSelected);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

void BrowseChannelsDialog::load()
{
    if (!m_account)
        return;
    m_account->browseChannels(m_workspaceId, this, [this](const ApiResult &result) {
        m_list->clear();
        if (!result.ok()) {
            m_status->setText(conversationErrorText(result));
            m_status->show();
            return;
        }
        for (const QJsonValue &value : result.body.value("channels"_L1).toArray()) {
            const QJsonObject channel = value.toObject();
            const bool member = channel.value("member"_L1).toBool();
            QString text = u"# "_s + channel.value("name"_L1).toString();
            const int members = channel.value("member_count"_L1).toInt();
            text += u"  ·  "_s + tr("%n member(s)", nullptr, members);
            if (member)
                text += u"  ·  "_s + tr("Joined");
            const QString topic = channel.value("topic"_L1).toString().simplified();
            if (!topic.isEmpty())
                text += u'\n' + topic;
            auto *item = new QListWidgetItem(text, m_list);
            item->setData(IdRole, channel.value("id"_L1).toString());
            item->setData(MemberRole, member);
        }
        if (m_list->count() == 0) {
            m_status->setText(tr("There are no public channels yet."));
            m_status->show();
        }
        hideUnmatched(m_list, m_filter->text().trimmed());
    });
}

void BrowseChannelsDialog::joinSelected()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || !m_account)
        return;
    const QString id = item->data(IdRole).toString();
    if (item->data(MemberRole).toBool()) {
        Q_EMIT openRequested(id);
        accept();
        return;
    }
    m_buttons->setEnabled(false);
    m_account->joinChannel(id, this, [this, id](const ApiResult &result) {
        m_buttons->setEnabled(true);
        if (!result.ok()) {
            m_status->setText(conversationErrorText(result));
            m_status->show();
            return;
        }
        Q_EMIT openRequested(id);
        accept();
    });
}

NewDirectDialog::NewDirectDialog(Account *account, const QString &workspaceId, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_workspaceId(workspaceId)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_status(errorLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New message"));
    resize(400, 440);
    auto *hint = new QLabel(tr("Choose one or more people (up to 8)."), this);
    hint->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Search people"));
    m_filter->setAccessibleName(m_filter->placeholderText());
    m_list->setAccessibleName(tr("People"));
    m_list->setSpacing(2);
    m_filter->setClearButtonEnabled(true);
    makeFieldButtonsAccessible(m_filter, tr("Clear"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_filter, &QLineEdit::textChanged, this,
            [this](const QString &text) { hideUnmatched(m_list, text.trimmed()); });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        const qsizetype chosen = checkedIds().size();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(chosen >= 1 && chosen <= 8);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewDirectDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

void NewDirectDialog::load()
{
    if (!m_account)
        return;
    const QString me = m_account->identity().id;
    m_account->fetchMembers(m_workspaceId, this, [this, me](const ApiResult &result) {
        m_list->clear();
        if (!result.ok()) {
            m_status->setText(conversationErrorText(result));
            m_status->show();
            return;
        }
        for (const QJsonValue &value : result.body.value("members"_L1).toArray()) {
            const QJsonObject member = value.toObject();
            if (member.value("id"_L1).toString() == me)
                continue;
            auto *item = new QListWidgetItem(member.value("display_name"_L1).toString(), m_list);
            item->setData(IdRole, member.value("id"_L1).toString());
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    });
}

QStringList NewDirectDialog::checkedIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.append(m_list->item(i)->data(IdRole).toString());
    }
    return ids;
}

void NewDirectDialog::start()
{
    if (!m_account || checkedIds().isEmpty())
        return;
    m_buttons->setEnabled(false);
    m_account->openDirect(m_workspaceId, checkedIds(), this, [this](const ApiResult &result) {
        m_buttons->setEnabled(true);
        if (!result.ok()) {
            m_status->setText(conversationErrorText(result));
            m_status->show();
            return;
        }
        Q_EMIT openRequested(
            result.body.value("conversation"_L1).toObject().value("id"_L1).toString());
        accept();
    });
}

} // namespace moim::ui
