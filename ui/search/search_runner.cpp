#include "search_runner.h"

#include "account/account.h"
#include "search/message_search.h"

namespace moim::ui {

SearchRunner::SearchRunner(Account *account, SearchPanel *panel)
    : QObject(panel)
    , m_account(account)
    , m_panel(panel)
{
    if (!account)
        return;
    m_search = new MessageSearch(account->chat(), account->cache(), account->api(), this);
    connect(panel, &SearchPanel::searchRequested, this, &SearchRunner::run);
    connect(panel, &SearchPanel::searchCancelled, m_search, &MessageSearch::cancel);
    connect(panel, &SearchPanel::moreWanted, this, [this] {
        if (m_search->canFetchMore())
            m_search->fetchMore();
    });
    connect(m_search, &MessageSearch::resultsChanged, this, &SearchRunner::showResults);
    connect(m_search, &MessageSearch::stateChanged, this, &SearchRunner::showState);
}

void SearchRunner::run(const SearchPanel::Request &request)
{
    // The panel resolved from: and in:; the conversation it names is the one searched.
    m_search->setFilters(request.authorId, QString());
    m_search->start(request.query, request.conversationId, request.workspaceIds);
    showResults();
    showState();
}

void SearchRunner::showResults()
{
    QList<FoundMessage> found;
    for (const SearchResult &result : m_search->results())
        found.append({result.message, result.workspaceId, result.fromServer});
    m_panel->setResults(std::move(found));
}

void SearchRunner::showState()
{
    switch (m_search->state()) {
    case MessageSearch::State::Idle:
        // Started and already over without the server: what the cache had is the answer.
        m_panel->setState(SearchPanel::State::Done);
        return;
    case MessageSearch::State::SearchingServer:
        m_panel->setState(SearchPanel::State::SearchingServer);
        return;
    case MessageSearch::State::Done:
        m_panel->setState(SearchPanel::State::Done);
        return;
    case MessageSearch::State::Offline:
        m_panel->setState(SearchPanel::State::Offline);
        return;
    case MessageSearch::State::Failed:
        m_panel->setState(SearchPanel::State::Failed);
        return;
    }
}

} // namespace moim::ui
