#pragma once

#include <QLineEdit>

namespace moim::ui {

// The field for a one-time code, wherever one is asked for. It tells when a whole code has been
// typed (6 digits, or in recovery mode a 16-character recovery code), so the form can
// send it without Return. Its example stays visible while the cursor is in it: Qt hides a
// centred field's placeholder on focus, and this field has focus as soon as it shows.
class CodeField : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr qsizetype TotpCodeLength = 6;
    static constexpr qsizetype RecoveryCodeLength = 16;

    explicit CodeField(QWidget *parent = nullptr);

    // Whether the field expects a recovery code instead of the 6 digits.
    void setRecoveryMode(bool recovery);
    bool isRecoveryMode() const { return m_recovery; }
    // A whole code: 6 digits, or for a recovery code 16 letters and digits; spaces and dashes
    // between groups do not count.
    static bool isCompleteCode(const QString &text, bool recoveryCode);

Q_SIGNALS:
    // Typed or pasted by the user (not set by the program): a whole code is in the field.
    void completed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_recovery = false;
};

} // namespace moim::ui
