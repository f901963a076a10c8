#pragma once

#include "auth/password_login.h"

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace moim {
class SessionManager;
}

namespace moim::ui {

class CodePage;
class InfoPage;
class PasswordPage;

// The window people see first: Moim's identity above one card whose pages are the sign-in
// methods and the explanations (more methods become more pages, never separate dialogs).
class LoginWindow : public QWidget
{
    Q_OBJECT

public:
    enum class Page
    {
        Password,
        Unauthorized,
        InviteHelp,
        SecondFactor
    };
    Q_ENUM(Page)

    explicit LoginWindow(SessionManager *sessions, QWidget *parent = nullptr);
    ~LoginWindow() override;

    Page currentPage() const;
    void showPage(Page page);
    // Explains why the user is here again after a session ended on its own.
    void showSessionEnded(const QString &message);

    PasswordPage *passwordPage() const { return m_passwordPage; }
    InfoPage *unauthorizedPage() const { return m_unauthorizedPage; }
    InfoPage *inviteHelpPage() const { return m_inviteHelpPage; }
    CodePage *codePage() const { return m_codePage; }
    PasswordLogin *passwordLogin() const { return m_passwordLogin; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onLoginState(PasswordLogin::State state);

    SessionManager *m_sessions;
    PasswordLogin *m_passwordLogin;
    QLabel *m_logo;
    QLabel *m_wordmark;
    QStackedWidget *m_pages;
    PasswordPage *m_passwordPage;
    InfoPage *m_unauthorizedPage;
    InfoPage *m_inviteHelpPage;
    CodePage *m_codePage;
};

} // namespace moim::ui
