#pragma once

#include <QLabel>
#include <QStringList>

class QTimer;

namespace moim::ui {

// The line under the timeline that says who is typing: "김지민 is typing…", two names, or the
// first and how many others. Hidden while nobody types, keeping its height so the timeline above
// does not jump each time someone starts or stops. A screen reader is told when the text changes.
class TypingLine : public QLabel
{
    Q_OBJECT

public:
    explicit TypingLine(QWidget *parent = nullptr);

    // Who is typing, in the order they started; empty when nobody is.
    void setNames(const QStringList &names);
    QStringList names() const { return m_names; }
    // What the line says for `names` in the UI language; empty for nobody.
    static QString typingText(const QStringList &names);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    QStringList m_names;
    QTimer *m_dots;
    int m_phase = 0; // which of the three dots is lit
};

} // namespace moim::ui
