#include "login_window.h"

#include "auth/session_manager.h"
#include "code_page.h"
#include "common/notice.h"
#include "info_page.h"
#include "net/api_client.h"
#include "password_page.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

LoginWindow::LoginWindow(SessionManager *sessions, QWidget *parent)
    : QWidget(parent)
    , m_sessions(sessions)
    , m_passwordLogin(new PasswordLogin(sessions, DeviceInfo::thisMachine(u"desktop"_s), this))
    , m_logo(new QLabel(this))
    , m_wordmark(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_passwordPage(new PasswordPage(sessions->api()->server().baseUrl().toDisplayString(), this))
    , m_unauthorizedPage(new InfoPage(u":/moim/icons/shield-off.svg"_s, this))
    , m_inviteHelpPage(new InfoPage(u":/moim/icons/mail-question.svg"_s, this))
    , m_codePage(new CodePage(this))
{
    setObjectName(u"LoginWindow"_s);
    setAttribute(Qt::WA_StyledBackground);
    setWindowIcon(QIcon(u":/moim/icons/moim-logo.svg"_s));
    resize(520, 720);
    setMinimumSize(440, 600);

    m_logo->setPixmap(
        QIcon(u":/moim/icons/moim-logo.svg"_s).pixmap(QSize(56, 56), devicePixelRatioF()));
    m_logo->setAlignment(Qt::AlignCenter);
    setRole(m_wordmark, "wordmark");
    m_wordmark->setAlignment(Qt::AlignCenter);

    auto *card = new QFrame(this);
    card->setObjectName(u"LoginCard"_s);
    card->setFixedWidth(400);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(32, 32, 32, 28);
    cardLayout->addWidget(m_pages);
    m_pages->addWidget(m_passwordPage);
    m_pages->addWidget(m_unauthorizedPage);
    m_pages->addWidget(m_inviteHelpPage);
    m_pages->addWidget(m_codePage);

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

    connect(m_passwordPage, &PasswordPage::submitted, this,
            [this](const QString &email, const QString &password, bool keep, bool shared) {
                m_passwordLogin->submit(email, password, keep, shared);
            });
    connect(m_passwordPage, &PasswordPage::inviteHelpRequested, this,
            [this] { showPage(Page::InviteHelp); });
    connect(m_unauthorizedPage, &InfoPage::backRequested, this,
            [this] { showPage(Page::Password); });
    connect(m_inviteHelpPage, &InfoPage::backRequested, this, [this] { showPage(Page::Password); });
    connect(m_codePage, &CodePage::codeSubmitted, m_passwordLogin, &PasswordLogin::submitCode);
    connect(m_codePage, &CodePage::recoveryCodeSubmitted, m_passwordLogin,
            &PasswordLogin::submitRecoveryCode);
    connect(m_codePage, &CodePage::backRequested, this, [this] {
        m_passwordLogin->reset();
        showPage(Page::Password);
    });
    connect(m_passwordLogin, &PasswordLogin::stateChanged, this, &LoginWindow::onLoginState);

    retranslate();
}

LoginWindow::~LoginWindow() = default;

void LoginWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LoginWindow::retranslate()
{
    setWindowTitle(tr("Moim — Sign in"));
    m_wordmark->setText(tr("Moim"));
    m_logo->setAccessibleName(tr("Moim logo"));
    m_unauthorizedPage->setContent(
        tr("Unauthorized user"),
        tr("Your email and password are right, but this account has no active workspace."),
        {tr("Check that the address matches the account your workspace invited."),
         tr("Ask your workspace admin whether your account was deactivated.")},
        tr("Back to sign in"));
    m_inviteHelpPage->setContent(
        tr("Invited but no mail?"),
        tr("Everyone joins Moim through an invitation from a workspace admin."),
        {tr("Look in your spam or junk folder for a mail from Moim."),
         tr("An invitation link works once and expires after 24 hours."),
         tr("Ask your workspace admin to resend the invitation; the new link replaces the old "
            "one.")},
        tr("Back to sign in"));
}

LoginWindow::Page LoginWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void LoginWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    if (page == Page::Password) {
        m_passwordPage->focusFirstField();
    } else if (page == Page::SecondFactor) {
        m_codePage->focusField();
    } else {
        auto *info = page == Page::Unauthorized ? m_unauthorizedPage : m_inviteHelpPage;
        info->backButton()->setFocus(Qt::OtherFocusReason);
    }
}

void LoginWindow::showSessionEnded(const QString &message)
{
    showPage(Page::Password);
    m_passwordPage->showInfo(message);
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
        if (currentPage() != Page::SecondFactor) {
            m_codePage->start(m_passwordLogin->email());
            showPage(Page::SecondFactor);
        } else {
            m_codePage->setBusy(false);
            m_codePage->showError(m_passwordLogin->error());
            m_codePage->focusField();
        }
        break;
    case PasswordLogin::State::VerifyingCode:
        m_codePage->clearError();
        m_codePage->setBusy(true);
        break;
    case PasswordLogin::State::Failed: {
        m_passwordPage->setBusy(false);
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
        m_codePage->setBusy(false);
        m_codePage->codeField()->clear();
        if (currentPage() == Page::SecondFactor)
            showPage(Page::Password);
        m_passwordPage->passwordField()->clear();
        m_passwordLogin->reset();
        break;
    }
}

} // namespace moim::ui
