#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace moim::ui {

// Gives a widget a role the theme styles (see Theme::styleSheet) and re-polishes it.
void setRole(QWidget *widget, const char *role);

// A message with an icon and an optional action: errors on the login pages, the connection
// banner in the main window. Screen readers get the text as the frame's accessible name; an
// error is an alert (role and event), announced when it appears or changes.
class Notice : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Banner,
        Info // a suggestion or a success, e.g. "turn on 2-step verification"
    };

    explicit Notice(Kind kind, QWidget *parent = nullptr);

    // Changes the look (role and icon), e.g. from an error to a success on the same spot.
    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setMessage(const QString &text);
    QString message() const;
    // Shows the action button with this text; an empty text hides it.
    void setAction(const QString &text);
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void announce();

    Kind m_kind = Kind::Error;
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
};

} // namespace moim::ui
