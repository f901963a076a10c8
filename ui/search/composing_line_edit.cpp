#include "composing_line_edit.h"

#include <QInputMethodEvent>

namespace moim::ui {

ComposingLineEdit::ComposingLineEdit(QWidget *parent)
    : QLineEdit(parent)
{
    connect(this, &QLineEdit::textChanged, this, &ComposingLineEdit::announce);
}

QString ComposingLineEdit::composingText() const
{
    if (m_preedit.isEmpty())
        return text();
    QString composed = text();
    composed.insert(cursorPosition(), m_preedit);
    return composed;
}

void ComposingLineEdit::inputMethodEvent(QInputMethodEvent *event)
{
    m_preedit = event->preeditString();
    QLineEdit::inputMethodEvent(event);
    announce();
}

void ComposingLineEdit::announce()
{
    const QString composed = composingText();
    if (composed == m_announced)
        return;
    m_announced = composed;
    Q_EMIT composingTextChanged(composed);
}

} // namespace moim::ui
