#pragma once

#include "chat/message.h"
#include "net/api_error.h"
#include "search/search_query.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace moim {

class AuthorizedApi;
class Chat;
class LocalCache;

struct SearchResult
{
    Message message;
    QString workspaceId;
    bool fromServer = false;
};

// One account's message search: what the cache finds is there at once, then what the server
// finds (history that was never cached), after the cached results and without repeating them.
// A newer start() supersedes the search under way: answers that come late for an older query
// are dropped. Offline, the cached results stay, with state Offline.
class MessageSearch : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,            // nothing searched (or cancelled)
        SearchingServer, // cached results shown, the server's on their way
        Done,
        Offline, // the server could not be reached: cached results only
        Failed,  // the server refused (see failure()), or the query could not be read (error())
    };
    Q_ENUM(State)

    static constexpr int LocalPage = 50;
    static constexpr int ServerPage = 20;

    MessageSearch(Chat *chat, LocalCache *cache, AuthorizedApi *api, QObject *parent = nullptr);

    // The from: and in: filters as the caller resolved them (a member id, a conversation id),
    // for the next start(); empty for none.
    void setFilters(const QString &authorId, const QString &conversationIdForIn);
    // Searches one conversation (`conversationId`), or else the given workspaces of the account
    // (all of them when empty).
    void start(const search::SearchQuery &query, const QString &conversationId,
               const QStringList &workspaceIds);
    void cancel();
    // The next page: of the cache, and of the server while it has more.
    bool canFetchMore() const;
    void fetchMore();

    QList<SearchResult> results() const;
    State state() const { return m_state; }
    // The words searched for, to highlight in the results (search::findMatches).
    QStringList terms() const { return m_query.terms; }
    // Why the query could not be searched (a malformed filter), already worded for the user.
    QString error() const { return m_query.error; }
    // The server's refusal when state() is Failed for that reason.
    ApiError::Code failure() const { return m_failure; }

Q_SIGNALS:
    void resultsChanged();
    void stateChanged(moim::MessageSearch::State state);

private:
    void setState(State state);
    void searchCache();
    void askServer();
    QString serverPath() const;
    QString workspaceOf(const QString &conversationId) const;

    Chat *m_chat;
    LocalCache *m_cache;
    AuthorizedApi *m_api;
    State m_state = State::Idle;
    ApiError::Code m_failure = ApiError::Code::None;
    // Each start() or cancel() moves on; an answer for an older one is not this search's.
    int m_generation = 0;

    QString m_authorFilter;
    QString m_inFilter;
    search::SearchQuery m_query;
    QString m_conversationId; // the conversation searched, or empty for the workspaces
    QStringList m_workspaceIds;
    QHash<QString, QString> m_workspaceOfConversation;
    bool m_nothingToFind = false;

    QList<SearchResult> m_local;
    QSet<QString> m_localIds;
    bool m_localHasMore = false;
    QList<SearchResult> m_server;
    bool m_serverHasMore = false;
    qint64 m_serverBeforeSeq = 0;
};

} // namespace moim
