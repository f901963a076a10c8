#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace moim::ui {

// A page that explains something and leads back: "Unauthorized user" and "Invited but no mail?".
// Built from an icon, a title, an explanation and a list of steps, all plain text.
class InfoPage : public QWidget
{
    Q_OBJECT

public:
    InfoPage(const QString &iconPath, QWidget *parent = nullptr);

    void setContent(const QString &title, const QString &body, const QStringList &steps,
                    const QString &backText);
    QString title() const;
    QString bodyText() const;
    QPushButton *backButton() const { return m_back; }

Q_SIGNALS:
    void backRequested();

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_body;
    QLabel *m_steps;
    QPushButton *m_back;
};

} // namespace moim::ui
