#pragma once

#include "auth/password_login.h"
#include "auth/push_login.h"
#include "auth/qr_login.h"
#include "onboarding/deep_link.h"
#include "onboarding/invite_flow.h"
#include "onboarding/password_reset_flow.h"

#include <QWidget>
#include <array>

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

    // The pages are built when first shown or asked for: most starts show only the password
    // page, and building the other nine cost a quarter of the time to the first frame.
    PasswordPage *passwordPage() const { return m_passwordPage; }
    InfoPage *unauthorizedPage();
    InfoPage *inviteHelpPage();
    CodePage *codePage();
    PasswordLogin *passwordLogin() const { return m_passwordLogin; }
    InvitePage *invitePage();
    InfoPage *linkProblemPage();
    ForgotPasswordPage *forgotPasswordPage();
    ResetPasswordPage *resetPasswordPage();
    PasteLinkPage *pasteLinkPage();
    InviteFlow *inviteFlow() const { return m_inviteFlow; }
    PasswordResetFlow *resetFlow() const { return m_resetFlow; }

    QrPage *qrPage();
    QrLogin *qrLogin() const { return m_qrLogin; }
    PushPage *pushPage();
    PushLogin *pushLogin() const { return m_pushLogin; }
    // Whether a page has been built yet (for tests of what start-up builds).
    bool isPageBuilt(Page page) const { return m_pageWidgets.at(int(page)) != nullptr; }

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
    void retranslateInfoPages();
    // Puts a page just built into the card, at the place of its kind.
    void adoptPage(Page page, QWidget *widget);
    QWidget *pageWidget(Page page);
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
    static constexpr int PageCount = int(Page::Push) + 1;
    // Each page once built, by its Page value (the stack holds them in the order built).
    std::array<QWidget *, PageCount> m_pageWidgets = {};
    PasswordPage *m_passwordPage;
    InfoPage *m_unauthorizedPage = nullptr;
    InfoPage *m_inviteHelpPage = nullptr;
    InvitePage *m_invitePage = nullptr;
    InfoPage *m_linkProblemPage = nullptr;
    ForgotPasswordPage *m_forgotPage = nullptr;
    ResetPasswordPage *m_resetPage = nullptr;
    PasteLinkPage *m_pasteLinkPage = nullptr;
    InviteFlow *m_inviteFlow;
    PasswordResetFlow *m_resetFlow;
    QrPage *m_qrPage = nullptr;
    // Whether the link problem concerns a reset (its page offers a new link) or an invitation.
    bool m_resetLinkProblem = false;
    CodePage *m_codePage = nullptr;
    PushPage *m_pushPage = nullptr;
    // Which sign-in the 2-step code page answers: the password or the push approval.
    enum class CodeFlow
    {
        Password,
        Push
    };
    CodeFlow m_codeFlow = CodeFlow::Password;
};

} // namespace moim::ui
