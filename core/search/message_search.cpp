#include "message_search.h"

#include "chat/chat.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcMessageSearch, "moim.core.search.messages")

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// A day of the user's calendar as the bounds the cache and the server take (epoch seconds,
// both strict): before a day is before its first second; after a day is after its last.
qint64 beforeDay(const QDate &day)
{
    return day.isValid() ? day.startOfDay().toSecsSinceEpoch() : 0;
}

qint64 afterDay(const QDate &day)
{
    return day.isValid() ? day.addDays(1).startOfDay().toSecsSinceEpoch() - 1 : 0;
}

// The words as the server reads q: one that holds a space or a colon is quoted, so it stays one
// word and is never taken for a filter.
QString typedWords(const QStringList &terms)
{
    QStringList words;
    for (QString term : terms) {
        term.remove(u'"');
        const bool quote = term.contains(u':') || std::any_of(term.cbegin(), term.cend(),
                                                              [](QChar c) { return c.isSpace(); });
        words.append(quote ? u'"' + term + u'"' : term);
    }
    return words.join(u' ');
}

QString queryItem(const QString &name, const QString &value)
{
    return name + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

MessageSearch::MessageSearch(Chat *chat, LocalCache *cache, AuthorizedApi *api, QObject *parent)
    : QObject(parent)
    , m_chat(chat)
    , m_cache(cache)
    , m_api(api)
{}

void MessageSearch::setFilters(const QString &authorId, const QString &conversationIdForIn)
{
    m_authorFilter = authorId;
    m_inFilter = conversationIdForIn;
}

void MessageSearch::start(const search::SearchQuery &query, const QString &conversationId,
                          const QStringList &workspaceIds)
{
    ++m_generation;
    m_query = query;
    m_workspaceIds = workspaceIds;
    m_failure = ApiError::Code::None;
    m_local.clear();
    m_localIds.clear();
    m_server.clear();
    m_localHasMore = false;
    m_serverHasMore = false;
    m_serverBeforeSeq = 0;
    // in: narrows a search everywhere to one conversation; within a conversation, in: naming
    // another one leaves nothing to find.
    m_conversationId = conversationId.isEmpty() ? m_inFilter : conversationId;
    m_nothingToFind =
        !conversationId.isEmpty() && !m_inFilter.isEmpty() && m_inFilter != conversationId;
    // Where each conversation is: the read state knows every one the account may read, the
    // cache's lists those opened here.
    m_workspaceOfConversation.clear();
    const QHash<QString, QString> known = m_chat->conversationWorkspaces();
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        if (workspaceIds.isEmpty() || workspaceIds.contains(it.value()))
            m_workspaceOfConversation.insert(it.key(), it.value());
    }
    if (m_cache->isOpen()) {
        const QStringList workspaces = [&] {
            if (!workspaceIds.isEmpty())
                return workspaceIds;
            QStringList all;
            for (const Workspace &workspace : m_cache->workspaces())
                all.append(workspace.id);
            return all;
        }();
        for (const QString &workspaceId : workspaces) {
            for (const Conversation &conversation : m_cache->conversations(workspaceId))
                m_workspaceOfConversation.insert(conversation.id, workspaceId);
        }
    }
    if (!query.error.isEmpty()) {
        Q_EMIT resultsChanged();
        setState(State::Failed);
        return;
    }
    if (query.terms.isEmpty() || m_nothingToFind) {
        Q_EMIT resultsChanged();
        setState(query.terms.isEmpty() ? State::Idle : State::Done);
        return;
    }
    searchCache();
    Q_EMIT resultsChanged();
    askServer();
}

void MessageSearch::cancel()
{
    ++m_generation;
    setState(State::Idle);
}

bool MessageSearch::canFetchMore() const
{
    return m_localHasMore || (m_serverHasMore && m_state == State::Done);
}

void MessageSearch::fetchMore()
{
    if (m_localHasMore) {
        searchCache();
        Q_EMIT resultsChanged();
    }
    if (m_serverHasMore && m_state == State::Done)
        askServer();
}

QList<SearchResult> MessageSearch::results() const
{
    QList<SearchResult> all = m_local;
    for (const SearchResult &result : m_server) {
        if (!m_localIds.contains(result.message.id))
            all.append(result);
    }
    return all;
}

void MessageSearch::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString MessageSearch::workspaceOf(const QString &conversationId) const
{
    return m_workspaceOfConversation.value(conversationId);
}

void MessageSearch::searchCache()
{
    LocalSearch search;
    search.terms = m_query.terms;
    if (!m_conversationId.isEmpty())
        search.conversationIds = {m_conversationId};
    else if (!m_workspaceIds.isEmpty())
        search.conversationIds = m_workspaceOfConversation.keys();
    if (search.conversationIds.isEmpty() && !m_workspaceIds.isEmpty() &&
        m_conversationId.isEmpty()) {
        m_localHasMore = false;
        return; // none of those workspaces' conversations is cached
    }
    search.authorId = m_authorFilter;
    search.afterTime = afterDay(m_query.after);
    search.beforeTime = beforeDay(m_query.before);
    search.beforeSeq = m_local.isEmpty() ? 0 : m_local.last().message.seq;
    search.limit = LocalPage;
    const QList<Message> found = m_cache->searchMessages(search);
    for (const Message &message : found) {
        m_local.append({message, workspaceOf(message.conversationId), false});
        m_localIds.insert(message.id);
    }
    m_localHasMore = found.size() == LocalPage;
}

QString MessageSearch::serverPath() const
{
    QStringList items{queryItem(u"q"_s, typedWords(m_query.terms)),
                      queryItem(u"limit"_s, QString::number(ServerPage))};
    if (!m_conversationId.isEmpty())
        items.append(queryItem(u"conversation_id"_s, m_conversationId));
    else if (m_workspaceIds.size() == 1)
        items.append(queryItem(u"workspace_id"_s, m_workspaceIds.first()));
    if (!m_authorFilter.isEmpty())
        items.append(queryItem(u"from"_s, m_authorFilter));
    if (m_query.after.isValid())
        items.append(queryItem(u"after"_s, QString::number(afterDay(m_query.after))));
    if (m_query.before.isValid())
        items.append(queryItem(u"before"_s, QString::number(beforeDay(m_query.before))));
    if (m_serverBeforeSeq > 0)
        items.append(queryItem(u"before_seq"_s, QString::number(m_serverBeforeSeq)));
    return QString(protocol::path::Search) + u'?' + items.join(u'&');
}

void MessageSearch::askServer()
{
    setState(State::SearchingServer);
    const int generation = m_generation;
    m_api->get(serverPath(), this, [this, generation](const ApiResult &result) {
        if (generation != m_generation)
            return; // a newer search, or cancelled
        if (!result.ok()) {
            qCInfo(lcMessageSearch) << "server search failed:" << result.error.code;
            m_failure = result.error.code;
            setState(result.error.code == ApiError::Code::Network ? State::Offline : State::Failed);
            return;
        }
        const QJsonArray page = result.body.value("messages"_L1).toArray();
        for (const QJsonValue &value : page) {
            const QJsonObject json = value.toObject();
            const QString workspaceId = json.value("workspace_id"_L1).toString();
            // Several but not all workspaces: the server was asked for all of them.
            if (m_workspaceIds.size() > 1 && !m_workspaceIds.contains(workspaceId))
                continue;
            m_server.append({Message::fromJson(json, m_chat->myId()), workspaceId, true});
        }
        if (!page.isEmpty())
            m_serverBeforeSeq = page.last().toObject().value("seq"_L1).toInteger();
        m_serverHasMore = result.body.value("has_more"_L1).toBool();
        Q_EMIT resultsChanged();
        setState(State::Done);
    });
}

} // namespace moim
