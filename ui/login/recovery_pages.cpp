#include "recovery_pages.h"

#include "common/notice.h"
#include "new_password_fields.h"
#include "protocol/password_policy.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace moim::ui {

namespace {

// Title, explanation, then the page's own widgets, a notice, the primary and the way back.
QVBoxLayout *pageLayout(QWidget *page, QLabel *title, QLabel *body)
{
    setRole(title, "title");
    setRole(body, "subtitle");
    title->setWordWrap(true);
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addWidget(body);
    layout->addSpacing(20);
    return layout;
}

void finishLayout(QVBoxLayout *layout, Notice *notice, QPushButton *primary, QPushButton *back)
{
    setRole(primary, "primary");
    setRole(back, "link");
    primary->setDefault(true);
    notice->hide();
    layout->addSpacing(14);
    layout->addWidget(notice);
    layout->addSpacing(14);
    layout->addWidget(primary);
    layout->addSpacing(10);
    layout->addWidget(back, 0, Qt::AlignHCenter);
    layout->addStretch(1);
}

} // namespace

ForgotPasswordPage::ForgotPasswordPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_emailLabel(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_message(new Notice(Notice::Kind::Error, this))
    , m_send(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    QVBoxLayout *layout = pageLayout(this, m_title, m_body);
    setRole(m_emailLabel, "fieldLabel");
    m_emailLabel->setBuddy(m_email);
    layout->addWidget(m_emailLabel);
    layout->addSpacing(6);
    layout->addWidget(m_email);
    finishLayout(layout, m_message, m_send, m_back);
    connect(m_send, &QPushButton::clicked, this, [this] { Q_EMIT submitted(m_email->text()); });
    connect(m_email, &QLineEdit::returnPressed, m_send, &QPushButton::click);
    connect(m_back, &QPushButton::clicked, this, &ForgotPasswordPage::backRequested);
    // Escape finds it by this name: it goes back the way the button does.
    m_back->setObjectName(QStringLiteral("backButton"));
    retranslate();
}

void ForgotPasswordPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ForgotPasswordPage::retranslate()
{
    m_title->setText(tr("Reset your password"));
    m_body->setText(tr("Enter the work email you sign in with. We'll mail you a link to choose "
                       "a new password; it is valid for 30 minutes."));
    m_emailLabel->setText(tr("Work email"));
    m_email->setAccessibleName(tr("Work email"));
    m_email->setPlaceholderText(tr("name@company.com"));
    m_send->setText(m_busy ? tr("Sending…") : tr("Send reset link"));
    m_send->setAccessibleName(tr("Send reset link"));
    m_back->setText(tr("Back to sign in"));
    m_back->setAccessibleName(m_back->text());
    if (m_sent)
        showSent();
}

void ForgotPasswordPage::setEmail(const QString &email)
{
    m_email->setText(email);
    m_sent = false;
    m_message->hide();
}

void ForgotPasswordPage::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setEnabled(!busy);
    retranslate();
}

void ForgotPasswordPage::showSent()
{
    m_sent = true;
    // The same words whether or not the address has an account. A confirmation, not an error:
    // the info look, without the red and the "!".
    m_message->setKind(Notice::Kind::Info);
    m_message->setMessage(tr("If %1 has a Moim account, a reset link is on its way. Check your "
                             "inbox and spam folder; the link works for 30 minutes.")
                              .arg(m_email->text().trimmed()));
    m_message->show();
}

void ForgotPasswordPage::showError(const QString &message)
{
    m_sent = false;
    m_message->setKind(Notice::Kind::Error);
    m_message->setMessage(message);
    m_message->show();
}

QString ForgotPasswordPage::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->message();
}

ResetPasswordPage::ResetPasswordPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_newPassword(new NewPasswordFields(this))
    , m_error(new Notice(Notice::Kind::Error, this))
    , m_save(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    QVBoxLayout *layout = pageLayout(this, m_title, m_body);
    layout->addWidget(m_newPassword);
    finishLayout(layout, m_error, m_save, m_back);
    connect(m_save, &QPushButton::clicked, this, &ResetPasswordPage::submit);
    connect(m_newPassword, &NewPasswordFields::submitted, this, &ResetPasswordPage::submit);
    connect(m_back, &QPushButton::clicked, this, &ResetPasswordPage::backRequested);
    m_back->setObjectName(QStringLiteral("backButton"));
    retranslate();
}

void ResetPasswordPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResetPasswordPage::retranslate()
{
    m_title->setText(m_loading ? tr("Checking your reset link…") : tr("Choose a new password"));
    m_body->setText(m_loading ? QString()
                              : tr("For %1. Every device signed in to this account will be "
                                   "signed out.")
                                    .arg(m_email));
    m_save->setText(m_busy ? tr("Saving…") : tr("Save new password"));
    m_save->setAccessibleName(tr("Save new password"));
    m_back->setText(tr("Back to sign in"));
    m_back->setAccessibleName(m_back->text());
}

void ResetPasswordPage::showLoading()
{
    m_loading = true;
    m_newPassword->hide();
    m_error->hide();
    m_save->setEnabled(false);
    retranslate();
}

void ResetPasswordPage::showAccount(const QString &email)
{
    m_email = email;
    m_loading = false;
    m_newPassword->clear();
    m_newPassword->setUserWords(protocol::PasswordPolicy::userWords(email, QString(), {}));
    m_newPassword->show();
    m_error->hide();
    m_save->setEnabled(true);
    retranslate();
    m_newPassword->passwordField()->setFocus(Qt::OtherFocusReason);
}

void ResetPasswordPage::setBusy(bool busy)
{
    m_busy = busy;
    m_save->setEnabled(!busy && !m_loading);
    retranslate();
}

void ResetPasswordPage::showError(const QString &message)
{
    m_error->setMessage(message);
    m_error->show();
}

QString ResetPasswordPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->message();
}

void ResetPasswordPage::submit()
{
    if (m_busy || m_loading)
        return;
    if (const QString problem = m_newPassword->problem(); !problem.isEmpty())
        return showError(problem);
    m_error->hide();
    Q_EMIT submitted(m_newPassword->password());
}

PasteLinkPage::PasteLinkPage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_link(new QLineEdit(this))
    , m_error(new Notice(Notice::Kind::Error, this))
    , m_open(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    QVBoxLayout *layout = pageLayout(this, m_title, m_body);
    layout->addWidget(m_link);
    finishLayout(layout, m_error, m_open, m_back);
    connect(m_open, &QPushButton::clicked, this, [this] {
        m_error->hide();
        Q_EMIT submitted(m_link->text());
    });
    connect(m_link, &QLineEdit::returnPressed, m_open, &QPushButton::click);
    connect(m_back, &QPushButton::clicked, this, &PasteLinkPage::backRequested);
    m_back->setObjectName(QStringLiteral("backButton"));
    retranslate();
}

void PasteLinkPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PasteLinkPage::retranslate()
{
    m_title->setText(tr("Open a link from a mail"));
    m_body->setText(tr("Paste the invitation or password reset link from your mail. It starts "
                       "with moim://"));
    m_link->setPlaceholderText(tr("moim://invite/…"));
    m_link->setAccessibleName(tr("Invitation or reset link"));
    m_open->setText(tr("Open link"));
    m_open->setAccessibleName(m_open->text());
    m_back->setText(tr("Back to sign in"));
    m_back->setAccessibleName(m_back->text());
}

void PasteLinkPage::showError(const QString &message)
{
    m_error->setMessage(message);
    m_error->show();
}

QString PasteLinkPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->message();
}

} // namespace moim::ui
