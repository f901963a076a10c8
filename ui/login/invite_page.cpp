#include "invite_page.h"

#include "auth/push_login.h"
#include "common/accessible_fields.h"
#include "common/date_text.h"
#include "common/notice.h"
#include "new_password_fields.h"
#include "protocol/password_policy.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace moim::ui {

InvitePage::InvitePage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_forms(new QStackedWidget(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_newPassword(new NewPasswordFields(this))
    , m_existingHint(new QLabel(this))
    , m_existingLabel(new QLabel(this))
    , m_existingPassword(new QLineEdit(this))
    , m_codeLabel(new QLabel(this))
    , m_code(new QLineEdit(this))
    , m_keepSignedIn(new QCheckBox(this))
    , m_linkPersonal(new QCheckBox(this))
    , m_personalId(new QLineEdit(this))
    , m_error(new Notice(Notice::Kind::Error, this))
    , m_join(new QPushButton(this))
    , m_back(new QPushButton(this))
{
    setRole(m_title, "title");
    setRole(m_summary, "subtitle");
    setRole(m_nameLabel, "fieldLabel");
    setRole(m_existingLabel, "fieldLabel");
    setRole(m_existingHint, "subtitle");
    setRole(m_join, "primary");
    setRole(m_back, "link");
    for (QLabel *label : {m_title, m_summary, m_existingHint}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText); // names come from the server
    }
    m_nameLabel->setBuddy(m_name);
    m_existingLabel->setBuddy(m_existingPassword);
    m_existingPassword->setEchoMode(QLineEdit::Password);
    m_keepSignedIn->setChecked(true);
    // Optional, as the user's guide says: off unless the user asks for it.
    m_personalId->hide();
    m_personalId->setMaxLength(100);
    m_personalId->setClearButtonEnabled(true);
    m_personalId->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_error->hide();
    m_join->setDefault(true);

    auto *newAccount = new QWidget(m_forms);
    auto *newLayout = new QVBoxLayout(newAccount);
    newLayout->setContentsMargins(0, 0, 0, 0);
    newLayout->setSpacing(0);
    newLayout->addWidget(m_nameLabel);
    newLayout->addSpacing(6);
    newLayout->addWidget(m_name);
    newLayout->addSpacing(14);
    newLayout->addWidget(m_newPassword);
    auto *existing = new QWidget(m_forms);
    auto *existingLayout = new QVBoxLayout(existing);
    existingLayout->setContentsMargins(0, 0, 0, 0);
    existingLayout->setSpacing(0);
    existingLayout->addWidget(m_existingHint);
    existingLayout->addSpacing(14);
    existingLayout->addWidget(m_existingLabel);
    existingLayout->addSpacing(6);
    existingLayout->addWidget(m_existingPassword);
    existingLayout->addSpacing(14);
    existingLayout->addWidget(m_codeLabel);
    existingLayout->addSpacing(6);
    existingLayout->addWidget(m_code);
    setRole(m_codeLabel, "fieldLabel");
    m_codeLabel->setBuddy(m_code);
    m_code->setMaxLength(32);
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_codeLabel->hide();
    m_code->hide();
    m_forms->addWidget(newAccount);
    m_forms->addWidget(existing);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addSpacing(8);
    layout->addWidget(m_summary);
    layout->addSpacing(20);
    layout->addWidget(m_forms);
    layout->addSpacing(12);
    layout->addWidget(m_keepSignedIn);
    layout->addSpacing(6);
    layout->addWidget(m_linkPersonal);
    layout->addSpacing(6);
    layout->addWidget(m_personalId);
    layout->addSpacing(14);
    layout->addWidget(m_error);
    layout->addSpacing(14);
    layout->addWidget(m_join);
    layout->addSpacing(10);
    layout->addWidget(m_back, 0, Qt::AlignHCenter);

    connect(m_join, &QPushButton::clicked, this, &InvitePage::submit);
    connect(m_newPassword, &NewPasswordFields::submitted, this, &InvitePage::submit);
    connect(m_existingPassword, &QLineEdit::returnPressed, this, &InvitePage::submit);
    connect(m_code, &QLineEdit::returnPressed, this, &InvitePage::submit);
    connect(m_name, &QLineEdit::returnPressed, m_newPassword->passwordField(),
            qOverload<>(&QWidget::setFocus));
    connect(m_back, &QPushButton::clicked, this, &InvitePage::backRequested);
    // Escape finds it by this name: it goes back the way the button does.
    m_back->setObjectName(QStringLiteral("backButton"));
    connect(m_linkPersonal, &QCheckBox::toggled, this, [this](bool link) {
        m_personalId->setVisible(link);
        if (link)
            m_personalId->setFocus(Qt::OtherFocusReason);
    });
    connect(m_personalId, &QLineEdit::returnPressed, this, &InvitePage::submit);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_newPassword->setUserWords(protocol::PasswordPolicy::userWords(
            m_preview.email, m_name->text(),
            {m_preview.workspaceName, m_preview.workspaceNameEn, m_preview.inviter}));
    });
    retranslate();
}

void InvitePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void InvitePage::retranslate()
{
    makeFieldButtonsAccessible(m_personalId, tr("Clear"));
    m_back->setText(tr("Back to sign in"));
    m_back->setAccessibleName(m_back->text());
    m_nameLabel->setText(tr("Your name"));
    m_name->setAccessibleName(tr("Your name"));
    m_name->setPlaceholderText(tr("As your colleagues will see it"));
    m_existingLabel->setText(tr("Password"));
    m_existingPassword->setAccessibleName(tr("Password of your Moim account"));
    m_codeLabel->setText(tr("2-step verification code"));
    m_code->setAccessibleName(tr("2-step verification code"));
    m_code->setPlaceholderText(tr("6 digits from your authenticator app"));
    m_keepSignedIn->setText(tr("Keep me signed in"));
    m_keepSignedIn->setAccessibleName(m_keepSignedIn->text());
    m_linkPersonal->setText(tr("Also link my personal account (optional)"));
    m_linkPersonal->setAccessibleName(m_linkPersonal->text());
    m_linkPersonal->setToolTip(tr("Then you can sign in by approving on your phone, without a "
                                  "password. Your phone confirms the link once you have joined."));
    m_personalId->setAccessibleName(tr("Personal account ID"));
    m_personalId->setPlaceholderText(tr("Personal account ID, e.g. name@personal.example"));
    if (m_loading) {
        m_title->setText(tr("Opening your invitation…"));
        m_summary->clear();
        m_join->setText(tr("Join"));
        return;
    }
    const QString workspace = m_preview.workspaceName;
    m_title->setText(tr("Join %1").arg(workspace));
    const QString expires = DateText::moment(QDateTime::fromSecsSinceEpoch(m_preview.expiresAt),
                                             QDateTime::currentDateTime());
    m_summary->setText(tr("%1 invited %2 to the %3 workspace.\nThis invitation is valid until "
                          "%4 and works once.")
                           .arg(m_preview.inviter, m_preview.email, workspace, expires));
    m_existingHint->setText(tr("%1 already has a Moim account. Enter its password to add %2 "
                               "to it.")
                                .arg(m_preview.email, workspace));
    m_join->setText(m_busy ? tr("Joining…") : tr("Join %1").arg(workspace));
    m_join->setAccessibleName(tr("Join %1").arg(workspace));
}

QString InvitePage::summaryText() const
{
    return m_title->text() + u'\n' + m_summary->text();
}

void InvitePage::showLoading()
{
    m_loading = true;
    m_error->hide();
    m_forms->hide();
    m_keepSignedIn->hide();
    m_linkPersonal->hide();
    m_personalId->hide();
    m_join->setEnabled(false);
    retranslate();
}

void InvitePage::showPreview(const InvitePreview &preview)
{
    m_preview = preview;
    m_loading = false;
    m_error->hide();
    m_forms->show();
    m_keepSignedIn->show();
    m_linkPersonal->show();
    m_linkPersonal->setChecked(false);
    m_personalId->clear();
    m_personalId->hide();
    m_forms->setCurrentIndex(preview.accountExists ? 1 : 0);
    m_name->clear();
    m_newPassword->clear();
    m_existingPassword->clear();
    m_code->clear();
    m_code->hide();
    m_codeLabel->hide();
    m_newPassword->setUserWords(protocol::PasswordPolicy::userWords(
        preview.email, QString(),
        {preview.workspaceName, preview.workspaceNameEn, preview.inviter}));
    m_join->setEnabled(true);
    retranslate();
    if (preview.accountExists)
        m_existingPassword->setFocus(Qt::OtherFocusReason);
    else
        m_name->setFocus(Qt::OtherFocusReason);
}

void InvitePage::setBusy(bool busy)
{
    m_busy = busy;
    m_join->setEnabled(!busy && !m_loading);
    retranslate();
}

void InvitePage::showError(const QString &message)
{
    m_error->setMessage(message);
    m_error->show();
}

void InvitePage::requireCode()
{
    m_codeLabel->show();
    m_code->show();
    m_code->clear();
    m_code->setFocus(Qt::OtherFocusReason);
}

QString InvitePage::errorText() const
{
    return m_error->message();
}

bool InvitePage::isErrorVisible() const
{
    return !m_error->isHidden();
}

void InvitePage::submit()
{
    if (m_busy || m_loading)
        return;
    if (m_preview.accountExists) {
        if (m_existingPassword->text().isEmpty())
            return showError(tr("Enter the password of your Moim account."));
        if (m_code->isVisible() && m_code->text().trimmed().isEmpty())
            return showError(tr("Enter the code from your authenticator app."));
        const auto personal = personalAccountToLink();
        if (!personal)
            return;
        Q_EMIT submitted(m_existingPassword->text(), QString(), m_keepSignedIn->isChecked(), false,
                         m_code->text(), *personal);
        return;
    }
    if (m_name->text().trimmed().isEmpty())
        return showError(tr("Enter your name as your colleagues will see it."));
    if (const QString problem = m_newPassword->problem(); !problem.isEmpty())
        return showError(problem);
    const auto personal = personalAccountToLink();
    if (!personal)
        return;
    m_error->hide();
    Q_EMIT submitted(m_newPassword->password(), m_name->text().trimmed(),
                     m_keepSignedIn->isChecked(), false, QString(), *personal);
}

std::optional<QString> InvitePage::personalAccountToLink()
{
    if (!m_linkPersonal->isChecked())
        return QString();
    const QString id = m_personalId->text().trimmed();
    if (!PushLogin::isPlausibleId(id)) {
        showError(tr("Enter the ID of the personal account to link (at least 3 characters, "
                     "without spaces), or untick the option."));
        m_personalId->setFocus(Qt::OtherFocusReason);
        return std::nullopt;
    }
    return id;
}

} // namespace moim::ui
