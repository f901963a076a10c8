#pragma once

#include <QPlainTextEdit>

namespace moim::ui {

// Where a message is written. Enter sends, Shift+Enter breaks the line. While an input method is
// composing (Hangul syllables, for one), Enter belongs to the input method: it finishes the
// syllable and never sends half-typed text.
class Composer : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    bool isComposing() const { return m_composing; }
    QSize sizeHint() const override;

Q_SIGNALS:
    void sendRequested(const QString &text);
    // Escape with nothing written: the reader is done with the conversation.
    void emptyEscapePressed();
    // ↑ with nothing written: edit the user's last message.
    void editLastRequested();
    // The user changed the text (typing, input method, paste, cut), as opposed to a draft or an
    // edited message put here by the program: what "is typing" is told from.
    void userEdited();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void fitHeight();

    bool m_composing = false;
};

} // namespace moim::ui
