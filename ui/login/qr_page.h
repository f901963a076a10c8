#pragma once

#include "auth/qr_login.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace moim::ui {

class QrCodeView;

// "Sign in with QR code": a large, centred code with short numbered steps, then the number to
// confirm on the phone, then the outcome. It renders what QrLogin reports and forwards the
// user's choices; it never talks to the network.
class QrPage : public QWidget
{
    Q_OBJECT

public:
    explicit QrPage(QrLogin *login, QWidget *parent = nullptr);

    QrCodeView *codeView() const { return m_code; }
    QLabel *checkCodeLabel() const { return m_checkCode; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *newCodeButton() const { return m_newCode; }
    QPushButton *backButton() const { return m_back; }
    // The text the user currently reads about the state (also what a screen reader announces).
    QString statusText() const;

Q_SIGNALS:
    void newCodeRequested();
    void backRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void render();

    QrLogin *m_login;
    QLabel *m_title;
    QLabel *m_subtitle;
    QStackedWidget *m_panels;
    QrCodeView *m_code;
    QLabel *m_confirmTitle;
    QLabel *m_checkCode;
    QLabel *m_confirmHint;
    QLabel *m_outcomeIcon;
    QLabel *m_outcomeTitle;
    QLabel *m_outcomeBody;
    QPushButton *m_newCode;
    QWidget *m_steps;
    QList<QLabel *> m_stepLabels;
    QLabel *m_status;
    QPushButton *m_back;
};

} // namespace moim::ui
