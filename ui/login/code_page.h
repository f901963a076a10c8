#pragma once

#include "common/code_field.h"
#include "net/api_error.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace moim::ui {

class Notice;

// The second step of a sign-in with 2-step verification: a 6-digit code from the authenticator,
// or one of the recovery codes. Renders what the password flow reports; never talks to the
// network.
class CodePage : public QWidget
{
    Q_OBJECT

public:
    explicit CodePage(QWidget *parent = nullptr);

    // Starts over for a new challenge (code mode, empty field).
    void start(const QString &email);
    void setBusy(bool busy);
    // Why the last code was refused.
    void showError(const ApiError &error);
    void clearError();
    QString errorText() const;
    bool isErrorVisible() const;
    bool isRecoveryMode() const { return m_code->isRecoveryMode(); }
    void focusField();

    CodeField *codeField() const { return m_code; }
    QPushButton *verifyButton() const { return m_verify; }
    QPushButton *recoveryButton() const { return m_switchMode; }
    QPushButton *backButton() const { return m_back; }

Q_SIGNALS:
    void codeSubmitted(const QString &code);
    void recoveryCodeSubmitted(const QString &code);
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    void setRecoveryMode(bool recovery);
    void updateVerifyEnabled();

    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_codeLabel;
    CodeField *m_code;
    Notice *m_error;
    QPushButton *m_verify;
    QPushButton *m_switchMode;
    QPushButton *m_back;
    QString m_email;
    bool m_busy = false;
    QTimer m_throttleTimer;
    int m_throttleSecondsLeft = 0;
};

} // namespace moim::ui
