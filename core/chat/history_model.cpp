#include "history_model.h"

#include "chat/chat.h"

#include <QDateTime>
#include <algorithm>

namespace moim {

namespace {
constexpr qint64 GroupPauseSeconds = 5 * 60;

qint64 oldestSeq(const QList<Message> &rows)
{
    for (const Message &message : rows) {
        if (message.seq > 0)
            return message.seq;
    }
    return 0;
}

qint64 newestSeq(const QList<Message> &rows)
{
    for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
        if (it->seq > 0)
            return it->seq;
    }
    return 0;
}
} // namespace

HistoryModel::HistoryModel(Chat *chat, QString myId, QObject *parent)
    : QAbstractListModel(parent)
    , m_chat(chat)
    , m_myId(std::move(myId))
{
    connect(m_chat, &Chat::messageChanged, this, &HistoryModel::onMessageChanged);
    connect(m_chat, &Chat::historyFetched, this, &HistoryModel::onHistoryFetched);
    connect(m_chat, &Chat::messageRemoved, this, &HistoryModel::onMessageRemoved);
    connect(m_chat, &Chat::newerFetched, this, &HistoryModel::onNewerFetched);
    connect(m_chat, &Chat::windowFetched, this, &HistoryModel::onWindowFetched);
}

void HistoryModel::onMessageRemoved(const QString &conversationId, const QString &localId)
{
    if (conversationId != m_conversationId)
        return;
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).localId != localId)
            continue;
        beginRemoveRows({}, int(i), int(i));
        m_rows.removeAt(i);
        endRemoveRows();
        return;
    }
}

void HistoryModel::setConversation(const QString &conversationId)
{
    // Read before the conversation is marked read on opening; own messages never count.
    const bool unread = !conversationId.isEmpty() && m_chat->unread(conversationId) > 0;
    m_readMark = unread ? m_chat->lastReadSeq(conversationId) : -1;
    reload(conversationId);
}

void HistoryModel::reload(const QString &conversationId)
{
    m_localDays.clear(); // the time zone may have changed since
    beginResetModel();
    m_conversationId = conversationId;
    m_rows = conversationId.isEmpty() ? QList<Message>()
                                      : m_chat->cachedMessages(conversationId, 0, PageSize);
    m_atNewest = true;
    m_hasOlder = true;
    m_fetching = false;
    m_trustCache = true;
    m_detached = false;
    m_fetchingNewer = false;
    m_windowSeq = 0;
    endResetModel();
    // Fresh from the server: what the cache missed while we were away.
    if (!conversationId.isEmpty())
        m_chat->fetchHistory(conversationId, 0, PageSize);
}

void HistoryModel::jumpToNewest()
{
    // The same conversation: its "new messages" line stays where it was.
    reload(m_conversationId);
}

int HistoryModel::firstUnreadRow() const
{
    if (m_readMark < 0)
        return -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Message &message = m_rows.at(i);
        if (message.seq <= m_readMark || message.authorId == m_myId)
            continue;
        // Only when the message before it is in the window too: otherwise the first unread
        // one may be older still.
        if (i == 0 && m_hasOlder)
            return -1;
        return int(i);
    }
    return -1;
}

qint64 HistoryModel::localDay(qint64 secondsSinceEpoch) const
{
    for (const LocalDayRange &range : std::as_const(m_localDays)) {
        if (secondsSinceEpoch >= range.start && secondsSinceEpoch < range.end)
            return range.day;
    }
    const QDate date = QDateTime::fromSecsSinceEpoch(secondsSinceEpoch).date();
    const LocalDayRange range{date.startOfDay().toSecsSinceEpoch(),
                              date.addDays(1).startOfDay().toSecsSinceEpoch(), date.toJulianDay()};
    // A few days are enough to remember; the oldest goes first.
    if (m_localDays.size() >= 16)
        m_localDays.removeFirst();
    m_localDays.append(range);
    return range.day;
}

int HistoryModel::rowOfMessage(const QString &messageId, qint64 seq) const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const Message &message = m_rows.at(i);
        if ((!messageId.isEmpty() && message.id == messageId) || (seq > 0 && message.seq == seq))
            return int(i);
    }
    return -1;
}

bool HistoryModel::mayHoldOlder(qint64 seq) const
{
    const qint64 oldest = oldestSeq(m_rows);
    return m_hasOlder && (seq <= 0 || oldest == 0 || seq < oldest);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message.body;
    case LocalIdRole:
        return message.localId;
    case AuthorRole:
        return message.authorName;
    case TimeRole:
        return message.createdAt;
    case StateRole:
        return int(message.state);
    case FailureRole:
        return message.failure;
    case Qt::AccessibleTextRole:
        return m_describe ? m_describe(message)
                          : message.authorName + QStringLiteral(": ") + message.body;
    case MineRole:
        return message.authorId == m_myId;
    case MentionsMeRole:
        return message.authorId != m_myId && message.mentions(m_myId);
    case SeqRole:
        return message.seq;
    case AuthorIdRole:
        return message.authorId;
    case MessageIdRole:
        return message.id;
    case DayStartRole: {
        if (index.row() == 0)
            return true;
        const Message &previous = m_rows.at(index.row() - 1);
        return localDay(previous.createdAt) != localDay(message.createdAt);
    }
    case FirstUnreadRole:
        return m_readMark >= 0 && index.row() == firstUnreadRow();
    case EditedAtRole:
        return message.editedAt;
    case DeletedRole:
        return message.deleted;
    case MessageRole:
        return QVariant::fromValue(message);
    case GroupStartRole: {
        if (index.row() == 0)
            return true;
        const Message &previous = m_rows.at(index.row() - 1);
        // A date or "new messages" line between them starts a new group too.
        return previous.authorId != message.authorId ||
               message.createdAt - previous.createdAt > GroupPauseSeconds ||
               data(index, DayStartRole).toBool() || data(index, FirstUnreadRole).toBool();
    }
    default:
        return {};
    }
}

bool HistoryModel::canLoadOlder() const
{
    return !m_conversationId.isEmpty() && m_hasOlder && !m_fetching;
}

void HistoryModel::loadOlder()
{
    if (!canLoadOlder())
        return;
    const qint64 before = oldestSeq(m_rows);
    if (before == 0 && !m_rows.isEmpty())
        return; // only unsent messages: nothing older to ask for yet
    // The cache first (instant), the server for what it does not have.
    const QList<Message> cached = m_trustCache
                                      ? m_chat->cachedMessages(m_conversationId, before, PageSize)
                                      : QList<Message>();
    if (cached.size() == PageSize) {
        prepend(cached);
        return;
    }
    m_fetching = true;
    m_olderBefore = before;
    m_chat->fetchHistory(m_conversationId, before, PageSize,
                         m_detached ? Chat::Keep::OnScreenOnly : Chat::Keep::InCache);
}

void HistoryModel::loadAround(const QString &messageId, qint64 seq)
{
    if (m_conversationId.isEmpty() || seq <= 0 || rowOfMessage(messageId, seq) >= 0)
        return;
    // The window on screen stays until the new one is here.
    m_windowSeq = seq;
    m_chat->fetchAround(m_conversationId, seq, PageSize);
}

void HistoryModel::onWindowFetched(const QString &conversationId, qint64 aroundSeq,
                                   const QList<Message> &page, bool hasOlder, bool hasNewer,
                                   bool failed)
{
    if (conversationId != m_conversationId || aroundSeq != m_windowSeq)
        return;
    m_windowSeq = 0;
    if (!failed) {
        replaceWindow(hasNewer ? page : page + m_chat->unsentMessages(m_conversationId), hasOlder,
                      !hasNewer);
        m_trustCache = false;
        m_detached = true;
        return;
    }
    // Offline: the cache may hold it, in its run back from the newest; newer pages then come
    // from the server once it answers.
    const QList<Message> cached = m_chat->cachedMessages(m_conversationId, aroundSeq + 1, PageSize);
    const bool holdsIt = std::any_of(cached.cbegin(), cached.cend(), [&](const Message &message) {
        return message.seq == aroundSeq;
    });
    if (!holdsIt)
        return;
    replaceWindow(cached, true, false);
    m_trustCache = true;
    m_detached = false;
}

void HistoryModel::replaceWindow(const QList<Message> &rows, bool hasOlder, bool atNewest)
{
    beginResetModel();
    m_rows = rows;
    m_hasOlder = hasOlder;
    m_atNewest = atNewest;
    m_fetching = false;
    m_fetchingNewer = false;
    endResetModel();
}

bool HistoryModel::canLoadNewer() const
{
    return !m_conversationId.isEmpty() && !m_atNewest && !m_fetchingNewer && m_windowSeq == 0;
}

void HistoryModel::loadNewer()
{
    if (!canLoadNewer())
        return;
    const qint64 after = newestSeq(m_rows);
    if (after == 0)
        return;
    m_fetchingNewer = true;
    m_newerAfter = after;
    m_chat->fetchNewer(m_conversationId, after, PageSize);
}

void HistoryModel::onNewerFetched(const QString &conversationId, const QList<Message> &page,
                                  bool hasMore)
{
    if (conversationId != m_conversationId || !m_fetchingNewer || m_newerAfter != newestSeq(m_rows))
        return;
    m_fetchingNewer = false;
    if (page.isEmpty() && hasMore)
        return; // failed: the next scroll asks again
    QList<Message> newer;
    for (const Message &message : page) {
        if (message.seq > m_newerAfter && rowOf(message) < 0)
            newer.append(message);
    }
    if (!hasMore) {
        // The newest end: what waits to be sent follows it, and live messages join it again.
        m_atNewest = true;
        for (const Message &message : m_chat->unsentMessages(m_conversationId)) {
            if (rowOf(message) < 0)
                newer.append(message);
        }
    }
    if (!newer.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(newer.size()) - 1);
        m_rows += newer;
        endInsertRows();
    }
    trimTop();
}

void HistoryModel::trimTop()
{
    if (m_rows.size() <= MaxRows)
        return;
    const int excess = int(m_rows.size()) - MaxRows;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    endRemoveRows();
    m_hasOlder = true;
}

void HistoryModel::prepend(const QList<Message> &older)
{
    if (older.isEmpty())
        return;
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_rows = older + m_rows;
    endInsertRows();
    // Past the cap, let the newest end go: the window moves up with the reader.
    if (m_rows.size() > MaxRows) {
        const int excess = int(m_rows.size()) - MaxRows;
        beginRemoveRows({}, MaxRows, int(m_rows.size()) - 1);
        m_rows.remove(MaxRows, excess);
        endRemoveRows();
        m_atNewest = false;
    }
}

int HistoryModel::rowOf(const Message &message) const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).localId == message.localId)
            return int(i);
    }
    // The server's copy of a message written here takes the place of its unsent row, matched by
    // client id, and only when this account wrote both.
    if (message.clientId.isEmpty() || message.authorId != m_myId)
        return -1;
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const Message &row = m_rows.at(i);
        if (row.id.isEmpty() && row.authorId == m_myId && row.clientId == message.clientId)
            return int(i);
    }
    return -1;
}

void HistoryModel::onHistoryFetched(const QString &conversationId, const QList<Message> &page,
                                    bool hasMore)
{
    if (conversationId != m_conversationId)
        return;
    const qint64 oldest = oldestSeq(m_rows);
    if (page.isEmpty()) {
        // Nothing older (has_more false), or a failure (has_more true: try on the next scroll).
        m_fetching = false;
        m_hasOlder = hasMore;
        return;
    }
    if (oldest > 0 && page.last().seq < oldest) {
        // An older page, asked for by loadOlder; one asked for by a window since replaced is
        // not this window's.
        if (!m_fetching || m_olderBefore != oldest)
            return;
        m_fetching = false;
        m_hasOlder = hasMore;
        prepend(page);
        return;
    }
    m_fetching = false;
    // The newest page, asked for on opening: a window elsewhere in the history does not take it
    // (the cache does; the window reaches it by loading newer pages).
    if (!m_atNewest)
        return;
    qint64 newestInWindow = 0;
    for (const Message &message : std::as_const(m_rows))
        newestInWindow = std::max(newestInWindow, message.seq);
    if (hasMore && page.first().seq > newestInWindow) {
        // The cache was far behind: merging would leave a hole between its rows and this page.
        // Start the window afresh from the newest page (unsent messages stay at the end).
        QList<Message> pending;
        for (const Message &message : std::as_const(m_rows)) {
            // One the page already has (ours, sent by now) is shown from the page.
            const bool sent = std::any_of(page.cbegin(), page.cend(), [&](const Message &m) {
                return !message.clientId.isEmpty() && m.authorId == m_myId &&
                       m.clientId == message.clientId;
            });
            if (message.seq == 0 && !sent)
                pending.append(message);
        }
        beginResetModel();
        m_rows = page + pending;
        m_hasOlder = true;
        m_atNewest = true;
        m_trustCache = false;
        endResetModel();
        return;
    }
    // The newest page: merge what the window does not have yet, in order.
    for (const Message &message : page)
        merge(message, true);
    if (m_rows.size() <= page.size())
        m_hasOlder = hasMore;
}

void HistoryModel::onMessageChanged(const Message &message)
{
    merge(message, false);
}

void HistoryModel::merge(const Message &message, bool partOfNewestPage)
{
    if (message.conversationId != m_conversationId)
        return;
    const int row = rowOf(message);
    if (row >= 0) {
        // Copies arrive out of order (a page fetched before an edit, answered after its
        // event): the newest version stays.
        if (!message.supersedes(m_rows.at(row)))
            return;
        m_rows[row] = message;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed);
        updateQuotesOf(message);
        return;
    }
    if (!m_atNewest)
        return; // the live end is not in the window; it is in the cache
    // A change to a message older than the window: not a row of it (it would sit above a gap).
    // The newest page is merged whole: it overlaps the newest end of the window.
    if (!partOfNewestPage && message.seq > 0 && m_hasOlder && message.seq < oldestSeq(m_rows))
        return;
    // Keep order by seq; pending messages (seq 0) stay at the end.
    int insertAt = int(m_rows.size());
    if (message.seq > 0) {
        while (insertAt > 0 &&
               (m_rows.at(insertAt - 1).seq == 0 || m_rows.at(insertAt - 1).seq > message.seq))
            --insertAt;
    }
    beginInsertRows({}, insertAt, insertAt);
    m_rows.insert(insertAt, message);
    endInsertRows();
    // A long live stream must not grow the window forever either.
    trimTop();
}

void HistoryModel::updateQuotesOf(const Message &original)
{
    if (original.id.isEmpty())
        return;
    // Quotes are worked out by the server when it serves a reply, so a reply's own version does
    // not move when its original changes: its quote follows here.
    const QString snippet = original.deleted ? QString() : ReplyQuote::snippetOf(original.body);
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        std::optional<ReplyQuote> &quote = m_rows[i].replyTo;
        if (!quote || quote->id != original.id ||
            (quote->snippet == snippet && quote->deleted == original.deleted))
            continue;
        quote->snippet = snippet;
        quote->deleted = original.deleted;
        const QModelIndex changed = index(int(i));
        Q_EMIT dataChanged(changed, changed);
    }
}

} // namespace moim
