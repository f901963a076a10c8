#pragma once

#include "account/account_security.h"
#include "common/code_field.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace moim {
class Account;
}

namespace moim::ui {

class NewPasswordFields;

class Notice;

// "My account": 2-step verification (turn on with a QR code and a confirming code, recovery
// codes shown once, turn off, new recovery codes), the password, the devices signed in, and the
// linked personal account (link with the phone's approval, unlink); below them, the account
// menu's own actions (preferences, log out), reachable here by keyboard and screen reader where a
// popup menu is not. Renders what
// AccountSecurity and PersonalLink report; never talks to the network itself.
class MyAccountPage : public QDialog
{
    Q_OBJECT

public:
    enum class TwoStepView
    {
        Overview,
        Setup,
        RecoveryCodes
    };
    Q_ENUM(TwoStepView)

    explicit MyAccountPage(Account *account, QWidget *parent = nullptr);

    // Opens on the 2-step tab and starts the setup right away (from a locked workspace).
    void startTwoStepSetup();
    // Opens on the personal account tab (e.g. while a link waits for the phone).
    void showPersonalAccount();
    void refresh();

    TwoStepView twoStepView() const;
    bool isTwoStepEnabled() const { return m_status.twoStepEnabled; }
    QImage qrImage() const { return m_qr; }
    QString setupSecret() const { return m_setup.secret; }
    QStringList recoveryCodes() const { return m_recoveryCodes; }
    CodeField *setupCodeField() const { return m_setupCode; }
    QLabel *setupKeyLabel() const { return m_secretText; }
    QPushButton *preferencesButton() const { return m_preferences; }
    QPushButton *logoutButton() const { return m_logout; }
    QPushButton *logoutWipeButton() const { return m_logoutWipe; }
    QPushButton *copyKeyButton() const { return m_copyKey; }
    Notice *setupNotice() const { return m_setupNotice; }
    QPushButton *copySetupLinkButton() const { return m_copySetupLink; }
    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *enableButton() const { return m_enable; }
    QLineEdit *currentCodeField() const { return m_currentCode; }
    QPushButton *disableButton() const { return m_disable; }
    QPushButton *regenerateButton() const { return m_regenerate; }
    QPushButton *doneButton() const { return m_done; }
    QLineEdit *currentPasswordField() const { return m_currentPassword; }
    NewPasswordFields *newPasswordFields() const { return m_newPassword; }
    QLineEdit *passwordCodeField() const { return m_passwordCode; }
    QPushButton *changePasswordButton() const { return m_changePassword; }
    QListWidget *sessionList() const { return m_sessions; }
    QPushButton *signOutOthersButton() const { return m_signOutOthers; }
    Notice *twoStepNotice() const { return m_twoStepNotice; }
    Notice *passwordNotice() const { return m_passwordNotice; }
    Notice *sessionsNotice() const { return m_sessionsNotice; }
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *personalIdField() const { return m_personalId; }
    QPushButton *linkButton() const { return m_link; }
    QLabel *linkCodeLabel() const { return m_linkCode; }
    QPushButton *cancelLinkButton() const { return m_cancelLink; }
    QLabel *linkedIdLabel() const { return m_linkedId; }
    QPushButton *unlinkButton() const { return m_unlink; }
    Notice *personalNotice() const { return m_personalNotice; }

Q_SIGNALS:
    void preferencesRequested();
    // Log out of this account; with `deleteLocalData`, its cached messages go too.
    void logoutRequested(bool deleteLocalData);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTwoStepTab();
    QWidget *buildPasswordTab();
    QWidget *buildSessionsTab();
    QWidget *buildPersonalTab();
    void renderPersonalLink();
    void linkPersonalAccount();
    void updateLinkCountdown();
    void retranslate();
    void nameSetupKey();
    void showStatus(const AccountSecurity::Status &status);
    void showSetup(const AccountSecurity::Setup &setup);
    void showRecoveryCodes(const QStringList &codes);
    void showSessions(const QList<AccountSecurity::DeviceSession> &sessions);
    void confirmSetup();
    void disableTwoStep();
    void regenerateCodes();
    void changePassword();
    void signOutSelected();
    void signOutOthers();
    void saveRecoveryCodes();
    // The message for an error of this page, in one place.
    QString describe(const ApiError &error) const;
    void showError(Notice *notice, const ApiError &error);
    void showSuccess(Notice *notice, const QString &text);
    // An error worded here rather than from an ApiError.
    void showMessage(Notice *notice, const QString &text);

    QPointer<Account> m_account;
    AccountSecurity::Status m_status;
    AccountSecurity::Setup m_setup;
    QImage m_qr;
    QStringList m_recoveryCodes;
    // A second setup while one is on its way would replace the secret the QR code shows.
    bool m_settingUp = false;

    QTabWidget *m_tabs;
    QPushButton *m_preferences;
    QPushButton *m_logout;
    QPushButton *m_logoutWipe;
    // 2-step verification
    QStackedWidget *m_twoStepPages;
    QLabel *m_twoStepTitle;
    QLabel *m_twoStepState;
    Notice *m_nudge;
    Notice *m_twoStepNotice;
    QPushButton *m_enable;
    QLabel *m_currentCodeLabel;
    QLineEdit *m_currentCode;
    QPushButton *m_regenerate;
    QPushButton *m_disable;
    QLabel *m_setupTitle;
    QLabel *m_setupSteps;
    QLabel *m_qrLabel;
    QLabel *m_secretCaption;
    QLabel *m_secretText;
    QLabel *m_setupCodeLabel;
    CodeField *m_setupCode;
    Notice *m_setupNotice;
    QPushButton *m_copyKey;
    QPushButton *m_copySetupLink;
    QPushButton *m_confirm;
    QPushButton *m_cancelSetup;
    QLabel *m_codesTitle;
    QLabel *m_codesHint;
    QPlainTextEdit *m_codesView;
    QPushButton *m_copyCodes;
    QPushButton *m_saveCodes;
    QPushButton *m_done;
    // Password
    QLabel *m_passwordTitle;
    QLabel *m_passwordHint;
    QLabel *m_currentPasswordLabel;
    QLineEdit *m_currentPassword;
    NewPasswordFields *m_newPassword;
    QLabel *m_passwordCodeLabel;
    QLineEdit *m_passwordCode;
    Notice *m_passwordNotice;
    QPushButton *m_changePassword;
    // Devices
    QLabel *m_sessionsTitle;
    QLabel *m_sessionsHint;
    QListWidget *m_sessions;
    Notice *m_sessionsNotice;
    QPushButton *m_signOutSelected;
    QPushButton *m_signOutOthers;
    // Personal account
    QLabel *m_personalTitle;
    QLabel *m_personalIntro;
    QStackedWidget *m_personalPages;
    QLabel *m_personalIdLabel;
    QLineEdit *m_personalId;
    QPushButton *m_link;
    QLabel *m_linkWaitTitle;
    QLabel *m_linkCode;
    QLabel *m_linkHint;
    QLabel *m_linkCountdown;
    QPushButton *m_cancelLink;
    QLabel *m_linkedId;
    QLabel *m_linkedMeta;
    QLabel *m_linkedState;
    QPushButton *m_unlink;
    Notice *m_personalNotice;
    QTimer m_linkCountdownTimer;
};

} // namespace moim::ui
