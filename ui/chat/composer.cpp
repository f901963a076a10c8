#include "composer.h"

#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace moim::ui {

namespace {
constexpr int MaxVisibleLines = 6;
}

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("Composer"));
    setTabChangesFocus(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::fitHeight);
    fitHeight();
}

QSize Composer::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), height()};
}

void Composer::fitHeight()
{
    // Grow with the text up to a few lines, then scroll.
    const int lineHeight = fontMetrics().lineSpacing();
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    lines = std::clamp(lines, 1, MaxVisibleLines);
    const int margins = int(document()->documentMargin() * 2) + contentsMargins().top() +
                        contentsMargins().bottom() + 8;
    setFixedHeight(lines * lineHeight + margins);
}

void Composer::inputMethodEvent(QInputMethodEvent *event)
{
    m_composing = !event->preeditString().isEmpty();
    QPlainTextEdit::inputMethodEvent(event);
    if (!event->preeditString().isEmpty() || !event->commitString().isEmpty())
        Q_EMIT userEdited();
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    QPlainTextEdit::insertFromMimeData(source);
    Q_EMIT userEdited();
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_composing) {
        // The input method's to finish the syllable: neither a send nor a line break.
        event->accept();
        return;
    }
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty()) {
            // Cleared first, so that whoever takes the text may put something back (the text
            // itself when it could not be kept, or a draft an edit had set aside).
            clear();
            Q_EMIT sendRequested(text);
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && !m_composing &&
        toPlainText().trimmed().isEmpty()) {
        Q_EMIT emptyEscapePressed();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && !m_composing &&
        document()->isEmpty()) {
        Q_EMIT editLastRequested();
        event->accept();
        return;
    }
    const QString before = toPlainText();
    QPlainTextEdit::keyPressEvent(event);
    if (toPlainText() != before)
        Q_EMIT userEdited();
}

} // namespace moim::ui
