#include "password_reveal.h"

#include "accessible_fields.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace moim::ui {

PasswordReveal::PasswordReveal(QLineEdit *field, QList<QLineEdit *> companions)
    : QObject(field)
    , m_field(field)
    , m_companions(std::move(companions))
    , m_action(new QAction(this))
{
    m_field->addAction(m_action, QLineEdit::TrailingPosition);
    m_field->installEventFilter(this);
    connect(m_action, &QAction::triggered, this, [this] { setRevealed(!isRevealed()); });
    retranslate();
}

bool PasswordReveal::isRevealed() const
{
    return m_field->echoMode() == QLineEdit::Normal;
}

void PasswordReveal::conceal()
{
    setRevealed(false);
}

void PasswordReveal::setRevealed(bool revealed)
{
    const auto mode = revealed ? QLineEdit::Normal : QLineEdit::Password;
    m_field->setEchoMode(mode);
    for (QLineEdit *companion : std::as_const(m_companions))
        companion->setEchoMode(mode);
    retranslate();
}

bool PasswordReveal::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void PasswordReveal::retranslate()
{
    const bool revealed = isRevealed();
    m_action->setIcon(QIcon(revealed ? u":/moim/icons/eye-off.svg"_s : u":/moim/icons/eye.svg"_s));
    m_action->setText(revealed ? tr("Hide password") : tr("Show password"));
    m_action->setToolTip(m_action->text());
    makeFieldButtonsAccessible(m_field);
}

} // namespace moim::ui
