#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;

namespace moim::ui {

class PasswordReveal;

// Choosing a password: the field, its confirmation, a live strength meter that uses the same
// rule as the server (protocol::PasswordPolicy, with the user's own words), and the rule in
// plain words. Used by the invite page and the reset page.
class NewPasswordFields : public QWidget
{
    Q_OBJECT

public:
    explicit NewPasswordFields(QWidget *parent = nullptr);

    // The user's email, name and workspace names: guessing starts with them.
    void setUserWords(const QStringList &words);
    QString password() const;
    // Empty when the choice is acceptable; otherwise what to fix, for the user.
    QString problem() const;
    // The field the problem is in, to put the cursor there; null when there is none.
    QLineEdit *problemField() const;
    void clear();
    int score() const { return m_score; }
    QString strengthText() const;
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *confirmField() const { return m_confirm; }

Q_SIGNALS:
    void submitted();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void evaluate();

    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QProgressBar *m_meter;
    QLabel *m_strength;
    QLabel *m_rule;
    QLabel *m_confirmLabel;
    QLineEdit *m_confirm;
    PasswordReveal *m_reveal = nullptr;
    QStringList m_userWords;
    int m_score = 0;
    bool m_acceptable = false;
    bool m_tooLong = false;
};

} // namespace moim::ui
