#pragma once

#include "auth/push_login.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace moim::ui {

class Notice;

// "Sign in with personal account": the user names the linked personal account, the phone
// signed in to it gets the request, and this page shows the 2-digit number large and centred
// for the user to enter on the phone; then the outcome (approved, denied, reported, expired…).
// It renders what PushLogin reports and forwards the user's choices; it never talks to the
// network.
class PushPage : public QWidget
{
    Q_OBJECT

public:
    explicit PushPage(PushLogin *login, QWidget *parent = nullptr);

    QLineEdit *idField() const { return m_id; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *checkCodeLabel() const { return m_checkCode; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *changeIdButton() const { return m_changeId; }
    QPushButton *backButton() const { return m_back; }
    // The text the user currently reads about the state (also what a screen reader announces).
    QString statusText() const;
    void focusField();

Q_SIGNALS:
    void requested(const QString &personalAccount);
    void cancelRequested();
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();
    void submit();
    void updateCountdown();

    PushLogin *m_login;
    QLabel *m_title;
    QLabel *m_subtitle;
    QStackedWidget *m_panels;
    // Entering the personal account id
    QLabel *m_idLabel;
    QLineEdit *m_id;
    Notice *m_error;
    QPushButton *m_send;
    QList<QLabel *> m_stepLabels;
    QLabel *m_hint;
    // Waiting for the phone
    QLabel *m_confirmTitle;
    QLabel *m_checkCode;
    QLabel *m_confirmHint;
    QLabel *m_countdown;
    QPushButton *m_cancel;
    // The outcome
    QLabel *m_outcomeIcon;
    QLabel *m_outcomeTitle;
    QLabel *m_outcomeBody;
    QPushButton *m_retry;
    QPushButton *m_changeId;
    QPushButton *m_back;
    QTimer m_countdownTimer;
};

} // namespace moim::ui
