#pragma once

#include <QLineEdit>

namespace moim::ui {

// A search field that reports what is typed including the syllable an input method is still
// composing: a Korean IME holds 김 as pre-edit text until the next syllable starts, and a search
// that waited for it would always lag one syllable behind the keyboard.
class ComposingLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit ComposingLineEdit(QWidget *parent = nullptr);

    // The text with the pre-edit text where the cursor is.
    QString composingText() const;

Q_SIGNALS:
    void composingTextChanged(const QString &text);

protected:
    void inputMethodEvent(QInputMethodEvent *event) override;

private:
    void announce();

    QString m_preedit;
    QString m_announced;
};

} // namespace moim::ui
