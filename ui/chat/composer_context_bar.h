#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace moim::ui {

// The bar above the composer that says what the next Enter does besides sending: "Replying to
// 김지민: the first line…" or "Editing message", with × to go back to a plain message. Esc in the
// bar, or in the editor it watches, does the same while the bar is shown.
class ComposerContextBar : public QFrame
{
    Q_OBJECT

public:
    enum class Mode
    {
        None,
        Reply,
        Edit
    };

    explicit ComposerContextBar(QWidget *parent = nullptr);

    // Shows the bar for a reply to `authorName`'s message, quoting its first line.
    void showReply(const QString &authorName, const QString &snippet);
    // Shows the bar while a message of the user's is edited in the composer.
    void showEdit(const QString &snippet);
    // Hides the bar without announcing it: the reply was sent or the edit saved.
    void clear();
    // Hides the bar and announces cancelled(), as × and Esc do.
    void cancel();
    Mode mode() const { return m_mode; }
    // What the bar says, in one line: also its accessible name.
    QString text() const;
    // Esc in `editor` cancels while the bar is shown (and reaches the editor otherwise).
    void closeOnEscapeIn(QWidget *editor);
    QToolButton *closeButton() const { return m_close; }

Q_SIGNALS:
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void elideSnippet();

    QLabel *m_accent;
    QLabel *m_title;
    QLabel *m_snippet;
    QToolButton *m_close;
    Mode m_mode = Mode::None;
    QString m_author;
    QString m_quoted; // the first line of the message, whole
};

} // namespace moim::ui
