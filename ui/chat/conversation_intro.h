#pragma once

#include <QWidget>

class QLabel;

namespace moim::ui {

// What an empty conversation shows instead of a blank pane: "This is the start of #general" with
// its description, or the name of the person in a direct conversation.
class ConversationIntro : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationIntro(QWidget *parent = nullptr);

    // `createdBy` and `createdAt` (seconds since the epoch) when known: a channel says who started
    // it.
    void setConversation(const QString &name, const QString &topic, bool direct,
                         const QString &createdBy = {}, qint64 createdAt = 0);
    QString title() const;
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_badge;
    QLabel *m_title;
    QLabel *m_text;
    QString m_name;
    QString m_topic;
    QString m_createdBy;
    qint64 m_createdAt = 0;
    bool m_direct = false;
};

} // namespace moim::ui
