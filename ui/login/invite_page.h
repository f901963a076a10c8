#pragma once

#include "onboarding/invite_flow.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace moim::ui {

class NewPasswordFields;
class Notice;

// Joining a workspace from an invitation: who invited whom to what, and until when; then a
// new password (new account) or the account's password (existing account).
class InvitePage : public QWidget
{
    Q_OBJECT

public:
    explicit InvitePage(QWidget *parent = nullptr);

    void showLoading();
    void showPreview(const InvitePreview &preview);
    void setBusy(bool busy);
    void showError(const QString &message);
    // The existing account has 2-step verification: ask for a code with the password.
    void requireCode();
    QLineEdit *codeField() const { return m_code; }
    QString errorText() const;
    bool isErrorVisible() const;

    QLineEdit *nameField() const { return m_name; }
    NewPasswordFields *newPassword() const { return m_newPassword; }
    QLineEdit *existingPasswordField() const { return m_existingPassword; }
    QPushButton *joinButton() const { return m_join; }
    QPushButton *backButton() const { return m_back; }
    QCheckBox *linkPersonalBox() const { return m_linkPersonal; }
    QLineEdit *personalIdField() const { return m_personalId; }
    QString summaryText() const;

Q_SIGNALS:
    // personalAccount: the personal account to link once joined (empty: none).
    void submitted(const QString &password, const QString &displayName, bool keepSignedIn,
                   bool sharedComputer, const QString &code, const QString &personalAccount);
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    // The personal account to link, empty when none; nullopt (with the error shown) when the
    // option is ticked without a usable id.
    std::optional<QString> personalAccountToLink();

    QLabel *m_title;
    QLabel *m_summary;
    QStackedWidget *m_forms;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    NewPasswordFields *m_newPassword;
    QLabel *m_existingHint;
    QLabel *m_existingLabel;
    QLineEdit *m_existingPassword;
    QLabel *m_codeLabel;
    QLineEdit *m_code;
    QCheckBox *m_keepSignedIn;
    QCheckBox *m_linkPersonal;
    QLineEdit *m_personalId;
    Notice *m_error;
    QPushButton *m_join;
    QPushButton *m_back;
    InvitePreview m_preview;
    bool m_loading = true;
    bool m_busy = false;
};

} // namespace moim::ui
