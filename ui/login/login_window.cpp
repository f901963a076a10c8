#include "login_window.h"

#include "auth/session_manager.h"
#include "code_page.h"
#include "common/date_text.h"
#include "common/error_text.h"
#include "common/notice.h"
#include "info_page.h"
#include "invite_page.h"
#include "net/api_client.h"
#include "password_page.h"
#include "push_page.h"
#include "qr_page.h"
#include "recovery_pages.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

LoginWindow::LoginWindow(SessionManager *sessions, QWidget *parent)
    : QWidget(parent)
    , m_sessions(sessions)
    , m_passwordLogin(new PasswordLogin(sessions, DeviceInfo::thisMachine(u"desktop"_s), this))
    , m_qrLogin(new QrLogin(sessions, DeviceInfo::thisMachine(u"desktop"_s), this))
    , m_pushLogin(new PushLogin(sessions, DeviceInfo::thisMachine(u"desktop"_s), this))
    , m_logo(new QLabel(this))
    , m_wordmark(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_passwordPage(new PasswordPage(sessions->api()->server().baseUrl().toDisplayString(), this))
    , m_inviteFlow(new InviteFlow(sessions, DeviceInfo::thisMachine(u"desktop"_s), this))
    , m_resetFlow(new PasswordResetFlow(sessions->api(), this))
{
    setObjectName(u"LoginWindow"_s);
    setAttribute(Qt::WA_StyledBackground);
    setWindowIcon(QIcon(u":/moim/icons/moim-logo.svg"_s));
    // Tall enough for the QR page (code, steps) below the logo without crowding.
    resize(520, 800);
    setMinimumSize(440, 600);

    m_logo->setPixmap(
        QIcon(u":/moim/icons/moim-logo.svg"_s).pixmap(QSize(56, 56), devicePixelRatioF()));
    m_logo->setAlignment(Qt::AlignCenter);
    setRole(m_wordmark, "wordmark");
    m_wordmark->setAlignment(Qt::AlignCenter);

    auto *card = new QFrame(this);
    card->setObjectName(u"LoginCard"_s);
    m_card = card;
    m_card->setFixedWidth(Theme::scaled(CardWidth));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(32, 32, 32, 28);
    cardLayout->addWidget(m_pages);
    adoptPage(Page::Password, m_passwordPage);

    auto *column = new QVBoxLayout;
    column->addStretch(1);
    column->addWidget(m_logo);
    column->addSpacing(8);
    column->addWidget(m_wordmark);
    column->addSpacing(24);
    column->addWidget(card, 0, Qt::AlignHCenter);
    column->addStretch(2);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column);
    outer->addStretch(1);

    auto *quit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q), this);
    connect(quit, &QShortcut::activated, this, &LoginWindow::quitRequested);
    auto *back = new QShortcut(QKeySequence::Cancel, this);
    connect(back, &QShortcut::activated, this, &LoginWindow::goBack);

    // After a shared-computer session the next person most likely sits at the same shared
    // computer: the choice stays, so nobody is remembered by the default.
    if (m_sessions->lastSignInWasShared())
        m_passwordPage->sharedComputerBox()->setChecked(true);

    connect(m_passwordPage, &PasswordPage::submitted, this,
            [this](const QString &email, const QString &password, bool keep, bool shared) {
                m_passwordLogin->submit(email, password, keep, shared);
            });
    connect(m_passwordPage, &PasswordPage::inviteHelpRequested, this,
            [this] { showPage(Page::InviteHelp); });
    connect(m_passwordPage, &PasswordPage::qrRequested, this, [this] { showPage(Page::Qr); });
    connect(m_passwordPage, &PasswordPage::pushRequested, this, [this] { showPage(Page::Push); });
    connect(m_passwordPage, &PasswordPage::forgotPasswordRequested, this, [this] {
        forgotPasswordPage()->setEmail(m_passwordPage->email());
        showPage(Page::ForgotPassword);
    });
    connect(m_passwordPage, &PasswordPage::pasteLinkRequested, this,
            [this] { showPage(Page::PasteLink); });
    connect(m_passwordLogin, &PasswordLogin::stateChanged, this, &LoginWindow::onLoginState);
    connect(m_qrLogin, &QrLogin::stateChanged, this, &LoginWindow::onQrState);
    connect(m_pushLogin, &PushLogin::stateChanged, this, &LoginWindow::onPushState);
    connect(m_inviteFlow, &InviteFlow::stateChanged, this, &LoginWindow::onInviteState);
    connect(m_inviteFlow, &InviteFlow::landing, this, &LoginWindow::landingWorkspace);
    connect(m_resetFlow, &PasswordResetFlow::stateChanged, this, &LoginWindow::onResetState);

    retranslate();
}

LoginWindow::~LoginWindow() = default;

void LoginWindow::adoptPage(Page page, QWidget *widget)
{
    m_pageWidgets[int(page)] = widget;
    m_pages->addWidget(widget);
}

QWidget *LoginWindow::pageWidget(Page page)
{
    switch (page) {
    case Page::Password:
        return m_passwordPage;
    case Page::Unauthorized:
        return unauthorizedPage();
    case Page::InviteHelp:
        return inviteHelpPage();
    case Page::Invite:
        return invitePage();
    case Page::LinkProblem:
        return linkProblemPage();
    case Page::ForgotPassword:
        return forgotPasswordPage();
    case Page::ResetPassword:
        return resetPasswordPage();
    case Page::PasteLink:
        return pasteLinkPage();
    case Page::Qr:
        return qrPage();
    case Page::SecondFactor:
        return codePage();
    case Page::Push:
        return pushPage();
    }
    return m_passwordPage;
}

InfoPage *LoginWindow::unauthorizedPage()
{
    if (!m_unauthorizedPage) {
        m_unauthorizedPage = new InfoPage(u":/moim/icons/shield-off.svg"_s, m_pages);
        connect(m_unauthorizedPage, &InfoPage::backRequested, this,
                [this] { showPage(Page::Password); });
        adoptPage(Page::Unauthorized, m_unauthorizedPage);
        retranslateInfoPages();
    }
    return m_unauthorizedPage;
}

InfoPage *LoginWindow::inviteHelpPage()
{
    if (!m_inviteHelpPage) {
        m_inviteHelpPage = new InfoPage(u":/moim/icons/mail-question.svg"_s, m_pages);
        connect(m_inviteHelpPage, &InfoPage::backRequested, this,
                [this] { showPage(Page::Password); });
        adoptPage(Page::InviteHelp, m_inviteHelpPage);
        retranslateInfoPages();
    }
    return m_inviteHelpPage;
}

InfoPage *LoginWindow::linkProblemPage()
{
    if (!m_linkProblemPage) {
        // Its text depends on the link: showLinkProblem() and showMalformedLink() fill it.
        m_linkProblemPage = new InfoPage(u":/moim/icons/mail-question.svg"_s, m_pages);
        connect(m_linkProblemPage, &InfoPage::backRequested, this, [this] {
            if (m_resetLinkProblem)
                showPage(Page::ForgotPassword);
            else
                showPage(Page::Password);
        });
        adoptPage(Page::LinkProblem, m_linkProblemPage);
    }
    return m_linkProblemPage;
}

CodePage *LoginWindow::codePage()
{
    if (!m_codePage) {
        m_codePage = new CodePage(m_pages);
        connect(m_codePage, &CodePage::codeSubmitted, this, [this](const QString &code) {
            if (m_codeFlow == CodeFlow::Push)
                m_pushLogin->submitCode(code);
            else
                m_passwordLogin->submitCode(code);
        });
        connect(m_codePage, &CodePage::recoveryCodeSubmitted, this, [this](const QString &code) {
            if (m_codeFlow == CodeFlow::Push)
                m_pushLogin->submitRecoveryCode(code);
            else
                m_passwordLogin->submitRecoveryCode(code);
        });
        connect(m_codePage, &CodePage::backRequested, this, [this] {
            if (m_codeFlow == CodeFlow::Push) {
                m_pushLogin->cancel();
                showPage(Page::Push);
                return;
            }
            m_passwordLogin->reset();
            showPage(Page::Password);
        });
        adoptPage(Page::SecondFactor, m_codePage);
    }
    return m_codePage;
}

InvitePage *LoginWindow::invitePage()
{
    if (!m_invitePage) {
        m_invitePage = new InvitePage(m_pages);
        connect(m_invitePage, &InvitePage::backRequested, this,
                [this] { showPage(Page::Password); });
        connect(m_invitePage, &InvitePage::submitted, this,
                [this](const QString &password, const QString &name, bool keep, bool shared,
                       const QString &code, const QString &personalAccount) {
                    m_inviteFlow->accept(password, name, keep, shared, code, personalAccount);
                });
        adoptPage(Page::Invite, m_invitePage);
    }
    return m_invitePage;
}

ForgotPasswordPage *LoginWindow::forgotPasswordPage()
{
    if (!m_forgotPage) {
        m_forgotPage = new ForgotPasswordPage(m_pages);
        connect(m_forgotPage, &ForgotPasswordPage::submitted, m_resetFlow,
                &PasswordResetFlow::requestMail);
        connect(m_forgotPage, &ForgotPasswordPage::backRequested, this,
                [this] { showPage(Page::Password); });
        adoptPage(Page::ForgotPassword, m_forgotPage);
    }
    return m_forgotPage;
}

ResetPasswordPage *LoginWindow::resetPasswordPage()
{
    if (!m_resetPage) {
        m_resetPage = new ResetPasswordPage(m_pages);
        connect(m_resetPage, &ResetPasswordPage::submitted, m_resetFlow,
                &PasswordResetFlow::complete);
        connect(m_resetPage, &ResetPasswordPage::backRequested, this,
                [this] { showPage(Page::Password); });
        adoptPage(Page::ResetPassword, m_resetPage);
    }
    return m_resetPage;
}

PasteLinkPage *LoginWindow::pasteLinkPage()
{
    if (!m_pasteLinkPage) {
        m_pasteLinkPage = new PasteLinkPage(m_pages);
        connect(m_pasteLinkPage, &PasteLinkPage::submitted, this, &LoginWindow::openLink);
        connect(m_pasteLinkPage, &PasteLinkPage::backRequested, this,
                [this] { showPage(Page::Password); });
        adoptPage(Page::PasteLink, m_pasteLinkPage);
    }
    return m_pasteLinkPage;
}

QrPage *LoginWindow::qrPage()
{
    if (!m_qrPage) {
        m_qrPage = new QrPage(m_qrLogin, m_pages);
        connect(m_qrPage, &QrPage::backRequested, this, [this] { showPage(Page::Password); });
        connect(m_qrPage, &QrPage::newCodeRequested, this, &LoginWindow::startQrLogin);
        adoptPage(Page::Qr, m_qrPage);
    }
    return m_qrPage;
}

PushPage *LoginWindow::pushPage()
{
    if (!m_pushPage) {
        m_pushPage = new PushPage(m_pushLogin, m_pages);
        connect(m_pushPage, &PushPage::requested, this, &LoginWindow::startPushLogin);
        connect(m_pushPage, &PushPage::cancelRequested, m_pushLogin, &PushLogin::cancel);
        connect(m_pushPage, &PushPage::backRequested, this, [this] { showPage(Page::Password); });
        adoptPage(Page::Push, m_pushPage);
    }
    return m_pushPage;
}

void LoginWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    // Larger text, a wider card: lines keep their length rather than wrap word by word.
    if (event->type() == QEvent::FontChange)
        m_card->setFixedWidth(Theme::scaled(CardWidth));
    QWidget::changeEvent(event);
}

void LoginWindow::goBack()
{
    QWidget *page = m_pages->currentWidget();
    auto *back = page->findChild<QPushButton *>(u"backButton"_s);
    if (back && back->isVisibleTo(page) && back->isEnabled())
        back->click();
}

void LoginWindow::retranslate()
{
    // Shown as "Sign in — Moim": Qt adds the application's name.
    setWindowTitle(tr("Sign in"));
    m_wordmark->setText(tr("Moim"));
    m_logo->setAccessibleName(tr("Moim logo"));
    retranslateInfoPages();
}

void LoginWindow::retranslateInfoPages()
{
    if (m_unauthorizedPage) {
        m_unauthorizedPage->setContent(
            tr("Unauthorized user"),
            tr("Your email and password are right, but this account has no active workspace."),
            {tr("Check that the address matches the account your workspace invited."),
             tr("Ask your workspace admin whether your account was deactivated.")},
            tr("Back to sign in"));
    }
    if (m_inviteHelpPage) {
        m_inviteHelpPage->setContent(
            tr("Invited but no mail?"),
            tr("Everyone joins Moim through an invitation from a workspace admin."),
            {tr("Look in your spam or junk folder for a mail from Moim."),
             tr("An invitation link works once and expires after 24 hours."),
             tr("Ask your workspace admin to resend the invitation; the new link replaces the "
                "old one.")},
            tr("Back to sign in"));
    }
}

LoginWindow::Page LoginWindow::currentPage() const
{
    const auto shown =
        std::find(m_pageWidgets.begin(), m_pageWidgets.end(), m_pages->currentWidget());
    return shown == m_pageWidgets.end() ? Page::Password
                                        : Page(std::distance(m_pageWidgets.begin(), shown));
}

void LoginWindow::showPage(Page page)
{
    const bool wasQr = currentPage() == Page::Qr;
    m_pages->setCurrentWidget(pageWidget(page));
    // A code is only live while it is on screen: leaving the page closes its channel.
    if (page == Page::Qr) {
        if (!wasQr || m_qrLogin->state() == QrLogin::State::Idle)
            startQrLogin();
        m_qrPage->backButton()->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (wasQr)
        m_qrLogin->cancel();
    // A push request lives while its page (or its 2-step code page) is on screen.
    if (page == Page::Push) {
        m_pushPage->focusField();
        return;
    }
    if (!(page == Page::SecondFactor && m_codeFlow == CodeFlow::Push))
        m_pushLogin->cancel();
    if (page == Page::Password) {
        m_passwordPage->focusFirstField();
    } else if (page == Page::Unauthorized || page == Page::InviteHelp ||
               page == Page::LinkProblem) {
        auto *info = page == Page::Unauthorized ? m_unauthorizedPage
                     : page == Page::InviteHelp ? m_inviteHelpPage
                                                : m_linkProblemPage;
        info->backButton()->setFocus(Qt::OtherFocusReason);
    } else if (page == Page::SecondFactor) {
        m_codePage->focusField();
    } else if (page == Page::ForgotPassword) {
        m_forgotPage->emailField()->setFocus(Qt::OtherFocusReason);
    } else if (page == Page::PasteLink) {
        m_pasteLinkPage->linkField()->setFocus(Qt::OtherFocusReason);
    }
}

void LoginWindow::showSessionEnded(const QString &message)
{
    showPage(Page::Password);
    m_passwordPage->showInfo(message);
}

void LoginWindow::startQrLogin()
{
    // The same choices as on the password page: a shared computer never remembers the session.
    m_qrLogin->start(m_passwordPage->keepSignedInBox()->isChecked(),
                     m_passwordPage->sharedComputerBox()->isChecked());
}

void LoginWindow::startPushLogin(const QString &personalAccount)
{
    // The same choices as on the password page: a shared computer never remembers the session.
    m_pushLogin->start(personalAccount, m_passwordPage->keepSignedInBox()->isChecked(),
                       m_passwordPage->sharedComputerBox()->isChecked());
}

void LoginWindow::onPushState(PushLogin::State state)
{
    switch (state) {
    case PushLogin::State::NeedsSecondFactor:
        if (currentPage() != Page::SecondFactor) {
            m_codeFlow = CodeFlow::Push;
            // The approval came from the phone; the code proves the work account's second
            // factor, as after a password.
            codePage()->start(QString());
            showPage(Page::SecondFactor);
        } else {
            codePage()->setBusy(false);
            codePage()->showError(m_pushLogin->error());
            codePage()->focusField();
        }
        break;
    case PushLogin::State::VerifyingCode:
        codePage()->clearError();
        codePage()->setBusy(true);
        break;
    case PushLogin::State::SignedIn:
        if (m_codePage) {
            m_codePage->setBusy(false);
            m_codePage->codeField()->clear();
        }
        m_codeFlow = CodeFlow::Password;
        break;
    case PushLogin::State::Failed:
        if (m_codePage)
            m_codePage->setBusy(false);
        if (m_pushLogin->error().code == ApiError::Code::UnauthorizedUser) {
            m_codeFlow = CodeFlow::Password;
            showPage(Page::Unauthorized);
        } else if (currentPage() == Page::SecondFactor && m_codeFlow == CodeFlow::Push) {
            // The push page says what went wrong (e.g. the challenge ended).
            m_codeFlow = CodeFlow::Password;
            m_pages->setCurrentWidget(pushPage());
        }
        break;
    default:
        break;
    }
}

void LoginWindow::onQrState(QrLogin::State state)
{
    if (state == QrLogin::State::Failed &&
        m_qrLogin->error().code == ApiError::Code::UnauthorizedUser)
        showPage(Page::Unauthorized);
}

void LoginWindow::onLoginState(PasswordLogin::State state)
{
    switch (state) {
    case PasswordLogin::State::EnteringCredentials:
        m_passwordPage->setBusy(false);
        break;
    case PasswordLogin::State::Verifying:
        m_passwordPage->clearError();
        m_passwordPage->setBusy(true);
        break;
    case PasswordLogin::State::NeedsSecondFactor:
        m_passwordPage->setBusy(false);
        m_codeFlow = CodeFlow::Password;
        if (currentPage() != Page::SecondFactor) {
            codePage()->start(m_passwordLogin->email());
            showPage(Page::SecondFactor);
        } else {
            codePage()->setBusy(false);
            codePage()->showError(m_passwordLogin->error());
            codePage()->focusField();
        }
        break;
    case PasswordLogin::State::VerifyingCode:
        codePage()->clearError();
        codePage()->setBusy(true);
        break;
    case PasswordLogin::State::Failed: {
        m_passwordPage->setBusy(false);
        if (m_codePage)
            m_codePage->setBusy(false);
        if (currentPage() == Page::SecondFactor)
            showPage(Page::Password);
        const ApiError error = m_passwordLogin->error();
        if (error.code == ApiError::Code::UnauthorizedUser) {
            m_passwordPage->clearError();
            showPage(Page::Unauthorized);
        } else {
            m_passwordPage->showError(error);
            m_passwordPage->focusFirstField();
        }
        break;
    }
    case PasswordLogin::State::SignedIn:
        m_passwordPage->setBusy(false);
        if (m_codePage) {
            m_codePage->setBusy(false);
            m_codePage->codeField()->clear();
        }
        if (currentPage() == Page::SecondFactor)
            showPage(Page::Password);
        m_passwordPage->passwordField()->clear();
        m_passwordLogin->reset();
        break;
    }
}

void LoginWindow::openLink(const QString &text)
{
    DeepLink::Problem problem = DeepLink::Problem::None;
    const auto link = DeepLink::parse(text, &problem);
    // A link to a message is for the signed-in window; here it is no invitation.
    if (!link || link->kind == DeepLink::Kind::Message) {
        if (currentPage() == Page::PasteLink) {
            // Pasted by hand: say what is wrong right there, keeping what was typed.
            pasteLinkPage()->showError(
                tr("That is not a Moim invitation or reset link. Copy the whole link from the "
                   "mail; it starts with moim://"));
            return;
        }
        showMalformedLink(problem);
        return;
    }
    if (link->kind == DeepLink::Kind::Invite) {
        invitePage()->showLoading();
        showPage(Page::Invite);
        m_inviteFlow->start(link->token);
    } else {
        resetPasswordPage()->showLoading();
        showPage(Page::ResetPassword);
        m_resetFlow->start(link->token);
    }
}

void LoginWindow::showMalformedLink(DeepLink::Problem)
{
    m_resetLinkProblem = false;
    linkProblemPage()->setContent(
        tr("This link doesn't work"),
        tr("It may be incomplete or mistyped. Links from Moim start with moim://"),
        {tr("Open the link straight from the mail, or copy it whole."),
         tr("Look in your spam or junk folder for a newer mail from Moim."),
         tr("Ask your workspace admin to resend the invitation.")},
        tr("Back to sign in"));
    showPage(Page::LinkProblem);
}

void LoginWindow::showLinkProblem(ApiError::Code code)
{
    QString title;
    QString body;
    QStringList steps;
    m_resetLinkProblem = false;
    switch (code) {
    case ApiError::Code::InviteExpired:
        title = tr("This invitation has expired");
        body = tr("Invitations are valid for 24 hours.");
        steps = {tr("Ask your workspace admin to resend the invitation."),
                 tr("Look in your spam or junk folder for a newer mail from Moim.")};
        break;
    case ApiError::Code::InviteUsed:
        title = tr("This invitation was already used");
        body = tr("Each invitation link works once.");
        steps = {tr("If you already joined, sign in with your work email and password."),
                 tr("If you didn't use it, ask your workspace admin to resend the invitation.")};
        break;
    case ApiError::Code::InviteRevoked:
        title = tr("This invitation was withdrawn");
        body = tr("The workspace admin cancelled this invitation.");
        steps = {tr("Ask your workspace admin whether you should have a new one.")};
        break;
    case ApiError::Code::InviteReplaced:
        title = tr("A newer invitation replaced this link");
        body = tr("Your admin sent the invitation again, so only the newest link works.");
        steps = {tr("Open the most recent invitation mail from Moim."),
                 tr("Look in your spam or junk folder if you can't find it.")};
        break;
    case ApiError::Code::ResetExpired:
        m_resetLinkProblem = true;
        title = tr("This reset link has expired");
        body = tr("Reset links are valid for 30 minutes.");
        steps = {tr("Ask for a new link and use it within 30 minutes.")};
        break;
    case ApiError::Code::ResetUsed:
        m_resetLinkProblem = true;
        title = tr("This reset link was already used");
        body = tr("Each reset link works once.");
        steps = {tr("If you changed your password, sign in with the new one."),
                 tr("Otherwise ask for a new link.")};
        break;
    case ApiError::Code::ResetInvalid:
        m_resetLinkProblem = true;
        title = tr("This reset link doesn't work");
        body = tr("It may be incomplete, mistyped, or from an older mail.");
        steps = {tr("Open the link straight from the newest mail, or ask for a new link.")};
        break;
    default:
        title = tr("This invitation link doesn't work");
        body = tr("It may be incomplete, mistyped, or from an older mail.");
        steps = {tr("Open the link straight from the mail, or copy it whole."),
                 tr("Look in your spam or junk folder for a newer mail from Moim."),
                 tr("Ask your workspace admin to resend the invitation.")};
        break;
    }
    linkProblemPage()->setContent(
        title, body, steps, m_resetLinkProblem ? tr("Ask for a new link") : tr("Back to sign in"));
    showPage(Page::LinkProblem);
}

QString LoginWindow::submitErrorText(const ApiError &error) const
{
    switch (error.code) {
    case ApiError::Code::WeakPassword:
        if (error.reason == "too_short"_L1)
            return tr("That password is too short: use at least 12 characters.");
        if (error.reason == "too_long"_L1)
            return tr("That password is too long: at most 256 characters.");
        return tr("That password is too easy to guess. Add a few unrelated words.");
    case ApiError::Code::InvalidCredentials:
        return tr("That password is not right for this account. Try again, or reset it from the "
                  "sign-in page.");
    case ApiError::Code::TooManyAttempts:
        return tr("Too many attempts. Try again in %1.")
            .arg(DateText::waitLength(std::max(1, error.retryAfterSeconds)));
    case ApiError::Code::Network:
    case ApiError::Code::Tls:
        return tr("Moim can't reach the server. Check your connection and try again.");
    case ApiError::Code::InvalidInput:
        return tr("Enter a valid work email address.");
    case ApiError::Code::SecondFactorRequired:
        return tr("This account has 2-step verification: enter the code from your authenticator "
                  "app with the password.");
    case ApiError::Code::InvalidCode:
        return tr("That code is not right. Check the authenticator app and try again.");
    case ApiError::Code::CodeReused:
        return tr("That code was already used. Wait for the next one.");
    case ApiError::Code::CodeExpired:
        return tr("That code has expired. Use the current one.");
    case ApiError::Code::UpdateRequired:
        return tr("This version of Moim is no longer supported by the server. Update Moim with "
                  "your package manager or software centre.");
    default:
        if (const QString text = ErrorText::forServerAnswer(error); !text.isEmpty())
            return text;
        return tr("Something went wrong (%1). Try again in a moment.").arg(errorName(error.code));
    }
}

void LoginWindow::onInviteState(InviteFlow::State state)
{
    switch (state) {
    case InviteFlow::State::Idle:
    case InviteFlow::State::Loading:
        invitePage()->showLoading();
        break;
    case InviteFlow::State::Ready:
        invitePage()->showPreview(m_inviteFlow->preview());
        break;
    case InviteFlow::State::Submitting:
        invitePage()->setBusy(true);
        break;
    case InviteFlow::State::SignedIn:
        invitePage()->setBusy(false);
        break;
    case InviteFlow::State::LinkProblem:
        showLinkProblem(m_inviteFlow->error().code);
        break;
    case InviteFlow::State::Failed:
        invitePage()->setBusy(false);
        if (m_inviteFlow->error().code == ApiError::Code::UnauthorizedUser) {
            showPage(Page::Unauthorized);
            break;
        }
        if (currentPage() != Page::Invite)
            showPage(Page::Invite);
        if (m_inviteFlow->error().code == ApiError::Code::SecondFactorRequired)
            invitePage()->requireCode();
        invitePage()->showError(submitErrorText(m_inviteFlow->error()));
        break;
    }
}

void LoginWindow::onResetState(PasswordResetFlow::State state)
{
    switch (state) {
    case PasswordResetFlow::State::Idle:
        break;
    case PasswordResetFlow::State::RequestingMail:
        forgotPasswordPage()->setBusy(true);
        break;
    case PasswordResetFlow::State::MailRequested:
        forgotPasswordPage()->setBusy(false);
        forgotPasswordPage()->showSent();
        break;
    case PasswordResetFlow::State::Loading:
        resetPasswordPage()->showLoading();
        break;
    case PasswordResetFlow::State::Ready:
        resetPasswordPage()->showAccount(m_resetFlow->email());
        break;
    case PasswordResetFlow::State::Submitting:
        resetPasswordPage()->setBusy(true);
        break;
    case PasswordResetFlow::State::Done:
        resetPasswordPage()->setBusy(false);
        showPage(Page::Password);
        m_passwordPage->setEmail(m_resetFlow->email());
        m_passwordPage->showInfo(
            tr("Your password was changed and every device was signed out. Sign in with the new "
               "password."));
        m_passwordPage->focusFirstField();
        break;
    case PasswordResetFlow::State::LinkProblem:
        showLinkProblem(m_resetFlow->error().code);
        break;
    case PasswordResetFlow::State::Failed:
        if (m_forgotPage)
            m_forgotPage->setBusy(false);
        if (m_resetPage)
            m_resetPage->setBusy(false);
        if (currentPage() == Page::ResetPassword)
            resetPasswordPage()->showError(submitErrorText(m_resetFlow->error()));
        else
            forgotPasswordPage()->showError(submitErrorText(m_resetFlow->error()));
        break;
    }
}

} // namespace moim::ui
