#include "code_field.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

namespace moim::ui {

CodeField::CodeField(QWidget *parent)
    : QLineEdit(parent)
{
    setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhNoPredictiveText);
    // Edited, not changed: a code the program puts back (or clears) is not sent again.
    connect(this, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (isCompleteCode(text, m_recovery))
            Q_EMIT completed();
    });
}

void CodeField::setRecoveryMode(bool recovery)
{
    m_recovery = recovery;
    setInputMethodHints(recovery ? Qt::ImhNoPredictiveText
                                 : Qt::ImhDigitsOnly | Qt::ImhNoPredictiveText);
}

bool CodeField::isCompleteCode(const QString &text, bool recoveryCode)
{
    qsizetype significant = 0;
    for (const QChar c : text) {
        if (c == u'-' || c == u' ')
            continue;
        if (!(recoveryCode ? c.isLetterOrNumber() : c.isDigit()))
            return false;
        ++significant;
    }
    return significant == (recoveryCode ? RecoveryCodeLength : TotpCodeLength);
}

void CodeField::paintEvent(QPaintEvent *event)
{
    QLineEdit::paintEvent(event);
    const bool hiddenByQt = hasFocus() && (alignment() & Qt::AlignHCenter);
    if (!hiddenByQt || !text().isEmpty() || placeholderText().isEmpty())
        return;
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QRect textArea = style()
                               ->subElementRect(QStyle::SE_LineEditContents, &option, this)
                               .marginsRemoved(textMargins());
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(textArea, int(alignment()), placeholderText());
}

} // namespace moim::ui
