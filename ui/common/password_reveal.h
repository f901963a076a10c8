#pragma once

#include <QList>
#include <QObject>

class QAction;
class QLineEdit;

namespace moim::ui {

// The eye button at the end of a password field: it shows and hides what was typed, in the field
// and in its companions (a confirmation field shows along with the new password, so the two can
// be compared). The button is named for screen readers, reachable with Tab, and follows the
// language. It lives as long as the field.
class PasswordReveal : public QObject
{
    Q_OBJECT

public:
    explicit PasswordReveal(QLineEdit *field, QList<QLineEdit *> companions = {});

    bool isRevealed() const;
    // Hides the text again, as when the page is left.
    void conceal();
    QAction *action() const { return m_action; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setRevealed(bool revealed);
    void retranslate();

    QLineEdit *m_field;
    QList<QLineEdit *> m_companions;
    QAction *m_action;
};

} // namespace moim::ui
