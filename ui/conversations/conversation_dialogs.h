#pragma once

#include "account/workspace.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace moim {
class Account;
struct ApiResult;
} // namespace moim

namespace moim::ui {

// A new channel (name, description, public or private), or the name and description of one
// that exists. Stays open with the server's reason when it is refused (a name taken already).
class ChannelDialog : public QDialog
{
    Q_OBJECT

public:
    // Creates a channel in `workspaceId`.
    ChannelDialog(Account *account, const QString &workspaceId, QWidget *parent = nullptr);
    // Edits `conversation`.
    ChannelDialog(Account *account, const Conversation &conversation, QWidget *parent = nullptr);

    QString nameText() const;
    QString descriptionText() const;

Q_SIGNALS:
    // The channel exists now (created or edited); open it.
    void done(const QString &conversationId);

private:
    void build(bool editing);
    void submit();
    void finished(const ApiResult &result);
    void updateButton();

    QPointer<Account> m_account;
    QString m_workspaceId;
    Conversation m_editing;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QCheckBox *m_private = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

// The workspace's public channels, each with whether the user is in it; joins the chosen one.
class BrowseChannelsDialog : public QDialog
{
    Q_OBJECT

public:
    BrowseChannelsDialog(Account *account, const QString &workspaceId, QWidget *parent = nullptr);

Q_SIGNALS:
    void openRequested(const QString &conversationId);

private:
    void load();
    void joinSelected();

    QPointer<Account> m_account;
    QString m_workspaceId;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

// Picks one or several members for a direct conversation; the same people open the same one.
class NewDirectDialog : public QDialog
{
    Q_OBJECT

public:
    NewDirectDialog(Account *account, const QString &workspaceId, QWidget *parent = nullptr);

Q_SIGNALS:
    void openRequested(const QString &conversationId);

private:
    void load();
    void start();
    QStringList checkedIds() const;

    QPointer<Account> m_account;
    QString m_workspaceId;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

// The wording of a refusal from managing calls.
QString conversationErrorText(const ApiResult &result);

} // namespace moim::ui
