#include "code_page.h"

#include "common/date_text.h"
#include "common/error_text.h"
#include "common/notice.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

CodePage::CodePage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_codeLabel(new QLabel(this))
    , m_code(new CodeField(this))
    , m_error(new Notice(Notice::Kind::Error, this))
    , m_verify(new QPushButton(this))
    , m_switchMode(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    setRole(m_title, "title");
    setRole(m_subtitle, "subtitle");
    setRole(m_codeLabel, "fieldLabel");
    setRole(m_code, "code");
    setRole(m_verify, "primary");
    setRole(m_switchMode, "link");
    setRole(m_back, "link");
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextFormat(Qt::PlainText); // it names the email the user typed
    m_codeLabel->setBuddy(m_code);
    m_code->setAlignment(Qt::AlignCenter);
    m_verify->setDefault(true);
    m_verify->setCursor(Qt::PointingHandCursor);
    m_switchMode->setCursor(Qt::PointingHandCursor);
    m_back->setCursor(Qt::PointingHandCursor);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addSpacing(6);
    layout->addWidget(m_subtitle);
    layout->addSpacing(24);
    layout->addWidget(m_codeLabel);
    layout->addSpacing(6);
    layout->addWidget(m_code);
    layout->addSpacing(16);
    layout->addWidget(m_error);
    layout->addSpacing(16);
    layout->addWidget(m_verify);
    layout->addSpacing(12);
    layout->addWidget(m_switchMode, 0, Qt::AlignHCenter);
    layout->addSpacing(4);
    layout->addWidget(m_back, 0, Qt::AlignHCenter);
    layout->addStretch(1);

    setTabOrder(m_code, m_verify);
    setTabOrder(m_verify, m_switchMode);
    setTabOrder(m_switchMode, m_back);

    connect(m_verify, &QPushButton::clicked, this, &CodePage::submit);
    connect(m_code, &QLineEdit::returnPressed, this, &CodePage::submit);
    // A complete code submits itself, as authenticator users expect: six digits, or a recovery
    // code's sixteen characters. Only typing or pasting does, so a refused code that stays in
    // the field is not sent again.
    connect(m_code, &CodeField::completed, this, &CodePage::submit);
    connect(m_switchMode, &QPushButton::clicked, this, [this] {
        setRecoveryMode(!m_code->isRecoveryMode());
        focusField();
    });
    connect(m_back, &QPushButton::clicked, this, &CodePage::backRequested);
    // Escape finds it by this name: it goes back the way the button does.
    m_back->setObjectName(QStringLiteral("backButton"));

    m_throttleTimer.setInterval(1000);
    connect(&m_throttleTimer, &QTimer::timeout, this, [this] {
        if (--m_throttleSecondsLeft <= 0) {
            m_throttleTimer.stop();
            m_error->hide();
        } else {
            m_error->setMessage(tr("Too many attempts. Try again in %1.")
                                    .arg(DateText::waitLength(m_throttleSecondsLeft)));
        }
        updateVerifyEnabled();
    });

    setRecoveryMode(false);
}

void CodePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CodePage::retranslate()
{
    m_title->setText(m_code->isRecoveryMode() ? tr("Use a recovery code")
                                              : tr("2-step verification"));
    // After a phone's approval the desktop does not know the work address yet.
    if (m_email.isEmpty())
        m_subtitle->setText(m_code->isRecoveryMode()
                                ? tr("Enter one of the recovery codes you saved when you turned "
                                     "on 2-step verification. Each code works once.")
                                : tr("Your phone approved. Open your authenticator app and enter "
                                     "the 6-digit code for your Moim work account."));
    else
        m_subtitle->setText(
            m_code->isRecoveryMode()
                ? tr("Enter one of the recovery codes you saved when you turned on 2-step "
                     "verification for %1. Each code works once.")
                      .arg(m_email)
                : tr("Open your authenticator app and enter the 6-digit code for %1.")
                      .arg(m_email));
    m_codeLabel->setText(m_code->isRecoveryMode() ? tr("Recovery code") : tr("Verification code"));
    m_code->setAccessibleName(m_codeLabel->text());
    m_code->setPlaceholderText(m_code->isRecoveryMode() ? u"XXXX-XXXX-XXXX-XXXX"_s : u"123456"_s);
    m_verify->setText(m_busy ? tr("Verifying…") : tr("Verify"));
    m_verify->setAccessibleName(tr("Verify"));
    m_switchMode->setText(m_code->isRecoveryMode() ? tr("Use the authenticator app instead")
                                                   : tr("Use a recovery code instead"));
    m_switchMode->setAccessibleName(m_switchMode->text());
    m_back->setText(tr("Back to sign in"));
    m_back->setAccessibleName(m_back->text());
}

void CodePage::setRecoveryMode(bool recovery)
{
    m_code->setRecoveryMode(recovery);
    m_code->clear();
    if (recovery) {
        m_code->setValidator(nullptr);
        m_code->setMaxLength(24);
    } else {
        // Digits only: a letter in a 6-digit code is always a typo.
        m_code->setValidator(
            new QRegularExpressionValidator(QRegularExpression(u"[0-9 ]{0,7}"_s), m_code));
        m_code->setMaxLength(7);
    }
    clearError();
    retranslate();
}

void CodePage::start(const QString &email)
{
    m_email = email;
    m_throttleTimer.stop();
    m_throttleSecondsLeft = 0;
    setBusy(false);
    setRecoveryMode(false);
}

void CodePage::focusField()
{
    m_code->setFocus(Qt::OtherFocusReason);
}

void CodePage::setBusy(bool busy)
{
    m_busy = busy;
    m_code->setReadOnly(busy);
    m_verify->setText(busy ? tr("Verifying…") : tr("Verify"));
    updateVerifyEnabled();
}

void CodePage::updateVerifyEnabled()
{
    m_verify->setEnabled(!m_busy && m_throttleSecondsLeft <= 0);
}

void CodePage::submit()
{
    if (m_busy || m_throttleSecondsLeft > 0)
        return;
    const QString code = m_code->text().trimmed();
    if (code.isEmpty()) {
        m_error->setMessage(m_code->isRecoveryMode()
                                ? tr("Enter one of your recovery codes.")
                                : tr("Enter the 6-digit code from your authenticator."));
        m_error->show();
        return;
    }
    if (m_code->isRecoveryMode())
        Q_EMIT recoveryCodeSubmitted(code);
    else
        Q_EMIT codeSubmitted(code);
}

void CodePage::clearError()
{
    m_error->hide();
}

QString CodePage::errorText() const
{
    return m_error->message();
}

bool CodePage::isErrorVisible() const
{
    return !m_error->isHidden();
}

void CodePage::showError(const ApiError &error)
{
    if (!error.isError())
        return clearError();
    QString text;
    const QString tries =
        error.attemptsLeft > 0 ? tr("%n attempt(s) left.", nullptr, error.attemptsLeft) : QString();
    switch (error.code) {
    case ApiError::Code::InvalidCode:
        text = m_code->isRecoveryMode()
                   ? tr("That recovery code is not right, or it was already used.")
                   : tr("That code is not right. Check that it is the code for Moim "
                        "and try again.");
        break;
    case ApiError::Code::CodeReused:
        text = tr("That code was already used. Wait for your authenticator to show a new one.");
        break;
    case ApiError::Code::CodeExpired:
        text = tr("That code has expired. Enter the code your authenticator shows now; if this "
                  "keeps happening, check that your phone's clock is set automatically.");
        break;
    case ApiError::Code::InvalidInput:
        text = m_code->isRecoveryMode() ? tr("Enter one of your recovery codes.")
                                        : tr("Enter the 6-digit code from your authenticator.");
        break;
    case ApiError::Code::TooManyAttempts:
        m_throttleSecondsLeft = std::max(1, error.retryAfterSeconds);
        m_throttleTimer.start();
        text = tr("Too many attempts. Try again in %1.")
                   .arg(DateText::waitLength(m_throttleSecondsLeft));
        break;
    case ApiError::Code::Network:
    case ApiError::Code::Tls:
        text = tr("Moim can't reach the server. Check your connection and try again.");
        break;
    default:
        text = ErrorText::forServerAnswer(error);
        if (text.isEmpty())
            text =
                tr("Verification failed unexpectedly (%1). Try again.").arg(errorName(error.code));
        break;
    }
    if (!tries.isEmpty())
        text += u' ' + tries;
    m_error->setMessage(text);
    m_error->show();
    m_code->selectAll();
    updateVerifyEnabled();
}

} // namespace moim::ui
