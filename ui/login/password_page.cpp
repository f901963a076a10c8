#include "password_page.h"

#include "common/accessible_fields.h"
#include "common/date_text.h"
#include "common/error_text.h"
#include "common/notice.h"
#include "common/password_reveal.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

PasswordPage::PasswordPage(const QString &serverName, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_emailLabel(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_keepSignedIn(new QCheckBox(this))
    , m_sharedComputer(new QCheckBox(this))
    , m_error(new Notice(Notice::Kind::Error, this))
    , m_signIn(new QPushButton(this))
    , m_otherWays(new QLabel(this))
    , m_qr(new QPushButton(this))
    , m_push(new QPushButton(this))
    , m_help(new QPushButton(this))
    , m_forgot(new QPushButton(this))
    , m_pasteLink(new QPushButton(this))
    , m_serverLabel(new QLabel(this))
    , m_serverName(serverName)
{
    setRole(m_title, "title");
    setRole(m_subtitle, "subtitle");
    setRole(m_emailLabel, "fieldLabel");
    setRole(m_passwordLabel, "fieldLabel");
    setRole(m_signIn, "primary");
    setRole(m_otherWays, "caption");
    setRole(m_qr, "secondary");
    setRole(m_push, "secondary");
    setRole(m_help, "link");
    setRole(m_forgot, "link");
    setRole(m_pasteLink, "link");
    setRole(m_serverLabel, "caption");
    m_subtitle->setWordWrap(true);
    m_emailLabel->setBuddy(m_email);
    m_passwordLabel->setBuddy(m_password);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_email->setClearButtonEnabled(true);
    m_password->setEchoMode(QLineEdit::Password);
    new PasswordReveal(m_password); // owned by the field
    m_keepSignedIn->setChecked(true);
    m_signIn->setDefault(true);
    m_signIn->setCursor(Qt::PointingHandCursor);
    m_help->setCursor(Qt::PointingHandCursor);
    m_forgot->setCursor(Qt::PointingHandCursor);
    m_pasteLink->setCursor(Qt::PointingHandCursor);
    m_qr->setCursor(Qt::PointingHandCursor);
    m_push->setCursor(Qt::PointingHandCursor);
    m_otherWays->setAlignment(Qt::AlignCenter);
    m_error->hide();
    m_serverLabel->setTextFormat(Qt::PlainText);
    m_serverLabel->setAlignment(Qt::AlignCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_subtitle);
    layout->addSpacing(24);
    layout->addWidget(m_emailLabel);
    layout->addSpacing(6);
    layout->addWidget(m_email);
    layout->addSpacing(16);
    layout->addWidget(m_passwordLabel);
    layout->addSpacing(6);
    layout->addWidget(m_password);
    layout->addSpacing(14);
    layout->addWidget(m_keepSignedIn);
    layout->addSpacing(6);
    layout->addWidget(m_sharedComputer);
    layout->addSpacing(16);
    layout->addWidget(m_error);
    layout->addSpacing(16);
    layout->addWidget(m_signIn);
    layout->addSpacing(12);
    // The ways in without a password on this computer, side by side under the primary action.
    layout->addWidget(m_otherWays);
    layout->addSpacing(6);
    auto *phoneWays = new QHBoxLayout;
    phoneWays->setSpacing(8);
    phoneWays->addWidget(m_qr, 1);
    phoneWays->addWidget(m_push, 1);
    layout->addLayout(phoneWays);
    layout->addSpacing(12);
    // Secondary ways in, quietly below the one primary action.
    auto *links = new QHBoxLayout;
    links->setSpacing(16);
    links->addStretch(1);
    links->addWidget(m_forgot);
    links->addWidget(m_help);
    links->addStretch(1);
    layout->addLayout(links);
    layout->addWidget(m_pasteLink, 0, Qt::AlignHCenter);
    layout->addSpacing(16);
    layout->addWidget(m_serverLabel);

    // Tab order follows the layout, top to bottom.
    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_keepSignedIn);
    setTabOrder(m_keepSignedIn, m_sharedComputer);
    setTabOrder(m_sharedComputer, m_signIn);
    setTabOrder(m_signIn, m_qr);
    setTabOrder(m_qr, m_push);
    setTabOrder(m_push, m_forgot);
    setTabOrder(m_forgot, m_help);
    setTabOrder(m_help, m_pasteLink);

    connect(m_signIn, &QPushButton::clicked, this, &PasswordPage::submit);
    connect(m_email, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_password, &QLineEdit::returnPressed, this, &PasswordPage::submit);
    connect(m_help, &QPushButton::clicked, this, &PasswordPage::inviteHelpRequested);
    connect(m_forgot, &QPushButton::clicked, this, &PasswordPage::forgotPasswordRequested);
    connect(m_pasteLink, &QPushButton::clicked, this, &PasswordPage::pasteLinkRequested);
    connect(m_qr, &QPushButton::clicked, this, &PasswordPage::qrRequested);
    connect(m_push, &QPushButton::clicked, this, &PasswordPage::pushRequested);
    // A shared computer must not remember the session; the choice is shown, not hidden.
    connect(m_sharedComputer, &QCheckBox::toggled, this, [this](bool shared) {
        if (shared)
            m_keepSignedIn->setChecked(false);
        m_keepSignedIn->setEnabled(!shared);
    });
    connect(m_email, &QLineEdit::textEdited, this,
            [this] { m_email->setProperty("invalid", false); });

    m_throttleTimer.setInterval(1000);
    connect(&m_throttleTimer, &QTimer::timeout, this, [this] {
        --m_throttleSecondsLeft;
        if (m_throttleSecondsLeft <= 0) {
            m_throttleTimer.stop();
            m_error->hide();
        }
        updateThrottleText();
        updateSignInEnabled();
    });

    retranslate();
}

void PasswordPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PasswordPage::retranslate()
{
    makeFieldButtonsAccessible(m_email, tr("Clear email"));
    m_title->setText(tr("Sign in to Moim"));
    m_subtitle->setText(tr("Use the work email address your workspace invited."));
    m_emailLabel->setText(tr("Work email"));
    m_email->setPlaceholderText(tr("name@company.com"));
    m_email->setAccessibleName(tr("Work email"));
    m_passwordLabel->setText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    m_keepSignedIn->setText(tr("Keep me signed in"));
    m_keepSignedIn->setAccessibleName(m_keepSignedIn->text());
    m_sharedComputer->setText(tr("This is a shared computer"));
    m_sharedComputer->setAccessibleName(m_sharedComputer->text());
    m_sharedComputer->setToolTip(
        tr("Moim will not remember you and deletes its local data when you log out or quit."));
    m_signIn->setText(m_busy ? tr("Signing in…") : tr("Sign in"));
    // Busy is said, not only painted: the name follows the text.
    m_signIn->setAccessibleName(m_signIn->text());
    m_otherWays->setText(tr("Or sign in with your phone"));
    m_qr->setText(tr("QR code"));
    m_qr->setAccessibleName(tr("Sign in with QR code"));
    m_qr->setToolTip(tr("Scan a code with Moim on your phone instead of typing a password."));
    m_push->setText(tr("Personal account"));
    m_push->setAccessibleName(tr("Sign in with personal account"));
    m_push->setToolTip(tr("Approve on the phone signed in to your linked personal account; no "
                          "password on this computer."));
    m_help->setText(tr("Invited but no mail?"));
    m_help->setAccessibleName(m_help->text());
    m_forgot->setText(tr("Forgot password?"));
    m_forgot->setAccessibleName(m_forgot->text());
    m_pasteLink->setText(tr("Have an invitation or reset link?"));
    m_pasteLink->setAccessibleName(m_pasteLink->text());
    m_serverLabel->setText(tr("Server: %1").arg(m_serverName));
    if (m_error->isVisible() && m_lastError.isError())
        showError(m_lastError);
}

QString PasswordPage::email() const
{
    return m_email->text().trimmed();
}

void PasswordPage::setEmail(const QString &email)
{
    m_email->setText(email);
}

void PasswordPage::focusFirstField()
{
    if (m_email->text().isEmpty())
        m_email->setFocus(Qt::OtherFocusReason);
    else
        m_password->setFocus(Qt::OtherFocusReason);
}

void PasswordPage::setBusy(bool busy)
{
    m_busy = busy;
    m_email->setReadOnly(busy);
    m_password->setReadOnly(busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
    m_signIn->setAccessibleName(m_signIn->text());
    updateSignInEnabled();
}

void PasswordPage::updateSignInEnabled()
{
    m_signIn->setEnabled(!m_busy && m_throttleSecondsLeft <= 0);
}

void PasswordPage::submit()
{
    if (m_busy || m_throttleSecondsLeft > 0)
        return;
    Q_EMIT submitted(m_email->text(), m_password->text(), m_keepSignedIn->isChecked(),
                     m_sharedComputer->isChecked());
}

void PasswordPage::clearError()
{
    m_lastError = {};
    m_error->hide();
    m_email->setAccessibleDescription(QString());
    m_password->setAccessibleDescription(QString());
}

QString PasswordPage::errorText() const
{
    return m_error->message();
}

bool PasswordPage::isErrorVisible() const
{
    return !m_error->isHidden();
}

void PasswordPage::showInfo(const QString &message)
{
    m_lastError = {};
    // News such as "your password was changed" is not an error.
    m_error->setKind(Notice::Kind::Info);
    m_error->setMessage(message);
    m_error->setAction({});
    m_error->show();
}

void PasswordPage::updateThrottleText()
{
    if (m_throttleSecondsLeft > 0) {
        m_error->setMessage(tr("Too many attempts. Try again in %1.")
                                .arg(DateText::waitLength(m_throttleSecondsLeft)));
    }
}

void PasswordPage::showError(const ApiError &error)
{
    m_lastError = error;
    m_error->setKind(Notice::Kind::Error);
    m_error->setAction({});
    m_password->setProperty("invalid", false);
    QString text;
    switch (error.code) {
    case ApiError::Code::InvalidInput:
        text = tr("Enter your work email and password.");
        break;
    case ApiError::Code::InvalidCredentials:
        text = tr("The email or password is incorrect. Check that the address is the one your "
                  "workspace invited, then try again.");
        m_password->clear();
        break;
    case ApiError::Code::TooManyAttempts:
        m_throttleSecondsLeft = std::max(1, error.retryAfterSeconds);
        m_throttleTimer.start();
        updateSignInEnabled();
        m_error->show();
        updateThrottleText();
        return;
    case ApiError::Code::Network:
    case ApiError::Code::Tls:
        text = tr("Moim can't reach the server. Check your connection and try again.");
        m_error->setAction(tr("Retry"));
        break;
    case ApiError::Code::UpdateRequired:
        text = error.minimumVersion.isEmpty()
                   ? tr("This version of Moim is no longer supported by the server. Update Moim "
                        "with your package manager or software centre, then sign in again.")
                   : tr("This version of Moim is no longer supported by the server. Update Moim "
                        "to version %1 or later with your package manager or software centre, "
                        "then sign in again.")
                         .arg(error.minimumVersion);
        break;
    case ApiError::Code::ServerError:
        text = tr("The server ran into a problem. Try again in a moment.");
        m_error->setAction(tr("Retry"));
        break;
    case ApiError::Code::UnauthorizedUser:
        text = tr("Unauthorized user.");
        break;
    case ApiError::Code::ChallengeEnded:
        text = tr("2-step verification ended after too many wrong codes or a long wait. Sign "
                  "in again with your password.");
        m_password->clear();
        break;
    default:
        text = ErrorText::forServerAnswer(error);
        if (!text.isEmpty()) {
            if (error.isTransient())
                m_error->setAction(tr("Retry"));
            break;
        }
        text = tr("Signing in failed unexpectedly (%1). Try again, or ask your admin if it keeps "
                  "happening.")
                   .arg(errorName(error.code));
        break;
    }
    m_error->setMessage(text);
    m_error->show();
    // The error belongs to the fields: a screen reader reads it again on either of them.
    m_email->setAccessibleDescription(text);
    m_password->setAccessibleDescription(text);
    disconnect(m_error, &Notice::actionTriggered, this, nullptr);
    connect(m_error, &Notice::actionTriggered, this, &PasswordPage::submit);
}

} // namespace moim::ui
