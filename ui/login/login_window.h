#pragma once

#include "auth/password_login.h"
#include "auth/push_login.h"
#include "auth/qr_login.h"
#include "onboarding/deep_link.h"
#include "onboarding/invite_flow.h"
#include "onboarding/password_reset_flow.h"

#include <QWidget>

class QLabel;
class QFrame;
class QStackedWidget;

namespace moim {
class SessionManager;
}

namespace moim::ui {

class ForgotPasswordPage;
class CodePage;
class InfoPage;
class InvitePage;
class PasswordPage;
class PasteLinkPage;
class PushPage;
class ResetPasswordPage;
class QrPage;

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
        Invite,
        LinkProblem,
        ForgotPassword,
        ResetPassword,
        PasteLink,
        Qr,
        SecondFactor,
        Push
    };
    Q_ENUM(Page)

    explicit LoginWindow(SessionManager *sessions, QWidget *parent = nullptr);
    ~LoginWindow() override;

    Page currentPage() const;
    void showPage(Page page);
    // Explains why the user is here again after a session ended on its own.
    void showSessionEnded(const QString &message);
    // Opens an invitation or reset link (from the command line, another start, or pasted);
    // a link that is not one gets an explanation page, never a raw error.
    void openLink(const QString &text);

    PasswordPage *passwordPage() const { return m_passwordPage; }
    InfoPage *unauthorizedPage() const { return m_unauthorizedPage; }
    InfoPage *inviteHelpPage() const { return m_inviteHelpPage; }
    CodePage *codePage() const { return m_codePage; }
    PasswordLogin *passwordLogin() const { return m_passwordLogin; }
    InvitePage *invitePage() const { return m_invitePage; }
    InfoPage *linkProblemPage() const { return m_linkProblemPage; }
    ForgotPasswordPage *forgotPasswordPage() const { return m_forgotPage; }
    ResetPasswordPage *resetPasswordPage() const { return m_resetPage; }
    PasteLinkPage *pasteLinkPage() const { return m_pasteLinkPage; }
    InviteFlow *inviteFlow() const { return m_inviteFlow; }
    PasswordResetFlow *resetFlow() const { return m_resetFlow; }

    QrPage *qrPage() const { return m_qrPage; }
    QrLogin *qrLogin() const { return m_qrLogin; }
    PushPage *pushPage() const { return m_pushPage; }
    PushLogin *pushLogin() const { return m_pushLogin; }

Q_SIGNALS:
    // An accepted invitation is about to sign in: the workspace to show first.
    void landingWorkspace(const QString &workspaceId);
    // Ctrl+Q: quit Moim from the sign-in window too.
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    // Escape: what the shown page's Back button does, when it shows one that can be pressed.
    void goBack();
    void retranslate();
    void onLoginState(PasswordLogin::State state);
    void onInviteState(InviteFlow::State state);
    void onResetState(PasswordResetFlow::State state);
    void showLinkProblem(ApiError::Code code);
    void showMalformedLink(DeepLink::Problem problem);
    QString submitErrorText(const ApiError &error) const;
    void onQrState(QrLogin::State state);
    void startQrLogin();
    void onPushState(PushLogin::State state);
    void startPushLogin(const QString &personalAccount);

    SessionManager *m_sessions;
    PasswordLogin *m_passwordLogin;
    QrLogin *m_qrLogin;
    PushLogin *m_pushLogin;
    QLabel *m_logo;
    QLabel *m_wordmark;
    // The card's width at the normal text size; it grows with the user's.
    static constexpr int CardWidth = 400;
    QFrame *m_card;
    QStackedWidget *m_pages;
    PasswordPage *m_passwordPage;
    InfoPage *m_unauthorizedPage;
    InfoPage *m_inviteHelpPage;
    InvitePage *m_invitePage;
    InfoPage *m_linkProblemPage;
    ForgotPasswordPage *m_forgotPage;
    ResetPasswordPage *m_resetPage;
    PasteLinkPage *m_pasteLinkPage;
    InviteFlow *m_inviteFlow;
    PasswordResetFlow *m_resetFlow;
    QrPage *m_qrPage;
    // Whether the link problem concerns a reset (its page offers a new link) or an invitation.
    bool m_resetLinkProblem = false;
    CodePage *m_codePage;
    PushPage *m_pushPage;
    // Which sign-in the 2-step code page answers: the password or the push approval.
    enum class CodeFlow
    {
        Password,
        Push
    };
    CodeFlow m_codeFlow = CodeFlow::Password;
};

} // namespace moim::ui
