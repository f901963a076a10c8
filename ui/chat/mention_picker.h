#pragma once

#include <QFrame>
#include <QHash>
#include <QPointer>
#include <protocol/message_entities.h>
#include <search/initials.h>

class QListWidget;

namespace moim {
class Account;
}

namespace moim::ui {

class Composer;

// The list that "@" opens in the composer: the people of the conversation, found by name, by
// initial consonants (ㄱㅈㅁ for 김지민) or by email, each shown with their email so that two
// people of the same name can be told apart; and, for a channel's admins, @channel and @here.
// The composer keeps the focus: ↑/↓ choose, Enter or Tab insert, Esc closes; a click inserts.
// Leaving the composer closes the list; coming back into an "@…" opens it again.
class MentionPicker : public QFrame
{
    Q_OBJECT

public:
    struct Candidate
    {
        QString userId; // empty for @channel and @here
        QString name;   // what the mention says after "@"
        QString detail; // the email, or what @channel/@here does
        moim::protocol::MessageEntity::Type kind = moim::protocol::MessageEntity::Type::Mention;
        search::MatchableName matchable;
        search::MatchableName matchableEmail;
    };

    MentionPicker(Account *account, Composer *composer, QWidget *window);

    // The conversation the composer writes to.
    void setConversation(const QString &conversationId);
    QListWidget *list() const { return m_list; }
    // The candidates shown now, best first.
    QList<Candidate> shown() const { return m_shown; }
    // Inserts the chosen candidate (as Enter would).
    void acceptCurrent();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // What is typed after an "@" just before the cursor; nothing when the cursor is not in one.
    struct Query
    {
        int at = -1; // the "@"'s position in the document
        QString text;
    };
    Query queryAtCursor() const;
    void update();
    void refill(const QString &typed);
    void place();
    void close();
    void loadPeople();
    QList<Candidate> candidates() const;

    Account *m_account;
    Composer *m_composer;
    QListWidget *m_list;
    QString m_conversationId;
    QList<Candidate> m_shown;
    int m_queryAt = -1;
    // An "@" the user closed the list for with Esc: it stays closed until another one.
    int m_dismissedAt = -1;
    bool m_peopleLoaded = false; // asked for this conversation already
    // The workspace's members with their emails, by workspace (fetched again in each
    // conversation where "@" is typed, so new colleagues appear).
    QHash<QString, QList<Candidate>> m_members;
};

} // namespace moim::ui
