#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace moim::ui {

class NewPasswordFields;
class Notice;

// "Forgot password?": the address to send a reset link to, and then the same answer whether or
// not an account exists.
class ForgotPasswordPage : public QWidget
{
    Q_OBJECT

public:
    explicit ForgotPasswordPage(QWidget *parent = nullptr);

    void setEmail(const QString &email);
    void setBusy(bool busy);
    void showSent();
    void showError(const QString &message);
    QString messageText() const;
    QLineEdit *emailField() const { return m_email; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *backButton() const { return m_back; }

Q_SIGNALS:
    void submitted(const QString &email);
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title;
    QLabel *m_body;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    Notice *m_message;
    QPushButton *m_send;
    QPushButton *m_back;
    bool m_busy = false;
    bool m_sent = false;
};

// The page a reset link opens: a new password for the account the link names.
class ResetPasswordPage : public QWidget
{
    Q_OBJECT

public:
    explicit ResetPasswordPage(QWidget *parent = nullptr);

    void showLoading();
    void showAccount(const QString &email);
    void setBusy(bool busy);
    void showError(const QString &message);
    QString errorText() const;
    NewPasswordFields *newPassword() const { return m_newPassword; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void submitted(const QString &password);
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();

    QLabel *m_title;
    QLabel *m_body;
    NewPasswordFields *m_newPassword;
    Notice *m_error;
    QPushButton *m_save;
    QPushButton *m_back;
    QString m_email;
    bool m_loading = true;
    bool m_busy = false;
};

// "Have a link?": paste an invitation or reset link from a mail.
class PasteLinkPage : public QWidget
{
    Q_OBJECT

public:
    explicit PasteLinkPage(QWidget *parent = nullptr);

    void showError(const QString &message);
    QString errorText() const;
    QLineEdit *linkField() const { return m_link; }
    QPushButton *openButton() const { return m_open; }

Q_SIGNALS:
    void submitted(const QString &link);
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_title;
    QLabel *m_body;
    QLineEdit *m_link;
    Notice *m_error;
    QPushButton *m_open;
    QPushButton *m_back;
};

} // namespace moim::ui
