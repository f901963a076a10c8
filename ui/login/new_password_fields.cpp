#include "new_password_fields.h"

#include "common/notice.h"
#include "common/password_reveal.h"
#include "protocol/password_policy.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QStyle>
#include <QVBoxLayout>

namespace moim::ui {

using protocol::PasswordPolicy;

NewPasswordFields::NewPasswordFields(QWidget *parent)
    : QWidget(parent)
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_meter(new QProgressBar(this))
    , m_strength(new QLabel(this))
    , m_rule(new QLabel(this))
    , m_confirmLabel(new QLabel(this))
    , m_confirm(new QLineEdit(this))
{
    setRole(m_passwordLabel, "fieldLabel");
    setRole(m_confirmLabel, "fieldLabel");
    setRole(m_strength, "caption");
    setRole(m_rule, "caption");
    m_passwordLabel->setBuddy(m_password);
    m_confirmLabel->setBuddy(m_confirm);
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    // One eye for both: the confirmation shows along with the password, to compare them.
    m_reveal = new PasswordReveal(m_password, {m_confirm});
    m_meter->setRange(0, 4);
    m_meter->setTextVisible(false);
    m_meter->setFixedHeight(6);
    setRole(m_meter, "strength");
    m_rule->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_passwordLabel);
    layout->addSpacing(6);
    layout->addWidget(m_password);
    layout->addSpacing(8);
    layout->addWidget(m_meter);
    layout->addSpacing(4);
    layout->addWidget(m_strength);
    layout->addSpacing(2);
    layout->addWidget(m_rule);
    layout->addSpacing(14);
    layout->addWidget(m_confirmLabel);
    layout->addSpacing(6);
    layout->addWidget(m_confirm);
    setTabOrder(m_password, m_confirm);

    connect(m_password, &QLineEdit::textChanged, this, &NewPasswordFields::evaluate);
    connect(m_password, &QLineEdit::returnPressed, m_confirm, qOverload<>(&QWidget::setFocus));
    connect(m_confirm, &QLineEdit::returnPressed, this, &NewPasswordFields::submitted);
    retranslate();
    evaluate();
}

void NewPasswordFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void NewPasswordFields::retranslate()
{
    m_passwordLabel->setText(tr("New password"));
    m_password->setAccessibleName(tr("New password"));
    m_confirmLabel->setText(tr("Confirm the password"));
    m_confirm->setAccessibleName(tr("Confirm the password"));
    m_rule->setText(tr("At least %1 characters. No special characters needed: a few unrelated "
                       "words are strong and easy to remember. Avoid your name, email and "
                       "workspace names.")
                        .arg(PasswordPolicy::MinLength));
    m_meter->setAccessibleName(tr("Password strength"));
    evaluate();
}

void NewPasswordFields::setUserWords(const QStringList &words)
{
    m_userWords = words;
    evaluate();
}

QString NewPasswordFields::password() const
{
    return m_password->text();
}

void NewPasswordFields::clear()
{
    m_reveal->conceal();
    m_password->clear();
    m_confirm->clear();
}

QString NewPasswordFields::strengthText() const
{
    return m_strength->text();
}

void NewPasswordFields::evaluate()
{
    const QString text = m_password->text();
    const auto verdict = PasswordPolicy::evaluate(text, m_userWords);
    m_acceptable = verdict.acceptable();
    m_tooLong = verdict.problem == PasswordPolicy::Problem::TooLong;
    m_score = text.isEmpty() ? 0 : std::max(verdict.score, verdict.acceptable() ? 2 : 1);
    m_meter->setValue(m_score);
    QString label;
    if (text.isEmpty())
        label = tr("Choose a password of at least %1 characters.").arg(PasswordPolicy::MinLength);
    else if (verdict.problem == PasswordPolicy::Problem::TooShort)
        label = tr("Too short: %1 of %2 characters.")
                    .arg(verdict.length)
                    .arg(PasswordPolicy::MinLength);
    else if (m_tooLong)
        label = tr("Too long: at most %1 characters.").arg(PasswordPolicy::MaxLength);
    else if (verdict.problem == PasswordPolicy::Problem::TooGuessable)
        label = tr("Too easy to guess");
    else if (verdict.score >= 4)
        label = tr("Very strong");
    else if (verdict.score == 3)
        label = tr("Strong");
    else
        label = tr("Good enough");
    m_strength->setText(label);
    m_meter->setAccessibleDescription(label);
    // The meter's colour follows the verdict (red, amber, green); the theme paints each level.
    const char *level = text.isEmpty()
                            ? "empty"
                            : (!m_acceptable ? "weak" : (verdict.score >= 3 ? "strong" : "fair"));
    if (m_meter->property("level").toByteArray() != level) {
        m_meter->setProperty("level", QByteArray(level));
        m_meter->style()->unpolish(m_meter);
        m_meter->style()->polish(m_meter);
    }
}

QLineEdit *NewPasswordFields::problemField() const
{
    if (m_password->text().isEmpty() || !m_acceptable)
        return m_password;
    return m_confirm->text() != m_password->text() ? m_confirm : nullptr;
}

QString NewPasswordFields::problem() const
{
    const QString text = m_password->text();
    if (text.isEmpty())
        return tr("Choose a password.");
    if (!m_acceptable) {
        if (m_tooLong)
            return tr("That password is too long: at most %1 characters.")
                .arg(PasswordPolicy::MaxLength);
        if (text.toUcs4().size() < PasswordPolicy::MinLength)
            return tr("That password is too short: use at least %1 characters.")
                .arg(PasswordPolicy::MinLength);
        return tr("That password is too easy to guess. Add a few unrelated words.");
    }
    if (m_confirm->text() != text)
        return tr("The two passwords don't match.");
    return {};
}

} // namespace moim::ui
