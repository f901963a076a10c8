#pragma once

#include "composing_line_edit.h"
#include "search/initials.h"
#include "search/search_query.h"
#include "search_results_model.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QTimer;

namespace moim {
class Account;
}

namespace moim::ui {

// Searching messages: the field (placed in the window's header), then the results in place of
// the conversation: people who match, then messages with the words highlighted. The panel reads
// what was typed (words and from:/in:/before:/after:), resolves the filters against the account's
// members and conversations, and asks for a search; whoever runs the search hands the results
// and its progress back. Everything works from the keyboard: ↓ from the field into the results,
// Enter opens, Escape goes back.
class SearchPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Scope
    {
        Conversation,
        Everywhere
    };
    // Where the search stands, as its runner reports it.
    enum class State
    {
        Idle,
        Searching,       // on this computer
        SearchingServer, // local results shown, the server's to come
        Done,
        Offline, // only what this computer holds
        Failed   // the server could not answer; local results shown
    };

    // What to search for, the filters resolved to ids.
    struct Request
    {
        search::SearchQuery query;
        QString conversationId; // empty: every conversation
        QStringList workspaceIds;
        QString authorId;
    };

    SearchPanel(Account *account, QWidget *parent = nullptr);

    ComposingLineEdit *field() const { return m_field; }
    QListView *list() const { return m_list; }
    QLabel *status() const { return m_status; }
    QLabel *scopeLabel() const { return m_scope; }
    SearchResultsModel *model() { return &m_model; }
    Scope scope() const { return m_scopeKind; }

    // Puts the keyboard in the field, searching one conversation or everywhere.
    void begin(Scope scope, const QString &workspaceId, const QString &conversationId);
    // Searches what the field holds now, without waiting for typing to pause.
    void searchNow();
    void setResults(QList<FoundMessage> results);
    void setState(State state);
    State state() const { return m_state; }

Q_SIGNALS:
    // A search to run; the previous one is over.
    void searchRequested(const moim::ui::SearchPanel::Request &request);
    // The field was emptied or the user went back: nothing to search.
    void searchCancelled();
    void messageChosen(const QString &workspaceId, const QString &conversationId,
                       const QString &messageId, qint64 seq);
    // A direct conversation with a person found is open (or was made).
    void conversationChosen(const QString &workspaceId, const QString &conversationId);
    // Escape: back to the conversation.
    void closeRequested();
    // The results were scrolled to their end: the next page, if there is one.
    void moreWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Member
    {
        QString id;
        QString name;
        QString email;
        QString workspaceId;
        search::MatchableName matchable;
        search::MatchableName matchableEmail;
    };

    void retranslate();
    void loadMembers();
    void updatePeople(const search::SearchQuery &query);
    // The member `typed` names (an address, or the best match of a name), empty when none.
    QString resolveMember(const QString &typed) const;
    QString resolveConversation(const QString &typed) const;
    QStringList workspacesInScope() const;
    void showStatus();
    void activate(const QModelIndex &index);
    void messagePerson(const FoundPerson &person);

    QPointer<Account> m_account;
    ComposingLineEdit *m_field;
    QLabel *m_scope;
    QLabel *m_status;
    QListView *m_list;
    QTimer *m_typingPause;
    SearchResultsModel m_model;
    Scope m_scopeKind = Scope::Everywhere;
    QString m_workspaceId;
    QString m_conversationId;
    QList<Member> m_members;
    State m_state = State::Idle;
    QString m_filterProblem; // a filter that could not be read or resolved
    QString m_searched;      // the words of the search on screen
    QString m_openingPerson;
};

} // namespace moim::ui
