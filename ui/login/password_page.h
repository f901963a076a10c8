#pragma once

#include "net/api_error.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace moim::ui {

class Notice;

// Email and password, the standard path of the user's guide. It renders what the password flow
// reports and forwards input; it never talks to the network.
class PasswordPage : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordPage(const QString &serverName, QWidget *parent = nullptr);

    QString email() const;
    void setEmail(const QString &email);
    void setBusy(bool busy);
    // Shows the error for the last attempt (and for a throttle, counts the wait down).
    void showError(const ApiError &error);
    // A notice that is not about the last attempt, e.g. "your session ended".
    void showInfo(const QString &message);
    void clearError();
    QString errorText() const;
    bool isErrorVisible() const;
    void focusFirstField();

    QLineEdit *emailField() const { return m_email; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *keepSignedInBox() const { return m_keepSignedIn; }
    QCheckBox *sharedComputerBox() const { return m_sharedComputer; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *helpButton() const { return m_help; }
    QPushButton *forgotButton() const { return m_forgot; }
    QPushButton *pasteLinkButton() const { return m_pasteLink; }
    QPushButton *qrButton() const { return m_qr; }
    QPushButton *pushButton() const { return m_push; }

Q_SIGNALS:
    void submitted(const QString &email, const QString &password, bool keepSignedIn,
                   bool sharedComputer);
    void inviteHelpRequested();
    void forgotPasswordRequested();
    void pasteLinkRequested();
    void qrRequested();
    void pushRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    void updateThrottleText();
    void updateSignInEnabled();

    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QCheckBox *m_keepSignedIn;
    QCheckBox *m_sharedComputer;
    Notice *m_error;
    QPushButton *m_signIn;
    QLabel *m_otherWays;
    QPushButton *m_qr;
    QPushButton *m_push;
    QPushButton *m_help;
    QPushButton *m_forgot;
    QPushButton *m_pasteLink;
    QLabel *m_serverLabel;
    QString m_serverName;
    bool m_busy = false;
    QTimer m_throttleTimer;
    int m_throttleSecondsLeft = 0;
    ApiError m_lastError;
};

} // namespace moim::ui
