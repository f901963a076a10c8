#pragma once

#include "chat/message.h"

#include <QAbstractListModel>
#include <functional>

namespace moim {

class Chat;

// One conversation's messages as a window, never the whole history: the newest page first
// (from the cache at once, then from the server), older pages as the view scrolls up. The
// window is capped; when it grows past the cap at the top, the bottom is let go, so memory stays
// flat however far back one scrolls, and "jump to newest" brings the live end back. A window can
// also open around one message (a search result, a link) far from the newest; newer pages then
// load as the view scrolls down, letting go of the top past the cap.
class HistoryModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        LocalIdRole = Qt::UserRole + 1,
        AuthorRole,
        BodyRole,
        TimeRole,  // seconds since the epoch
        StateRole, // Message::State as int
        MineRole,
        MentionsMeRole,
        SeqRole,
        // Whether this message starts a new group (other author, or a pause of 5 minutes).
        GroupStartRole,
        FailureRole, // why the server refused it (a wire error code), when not sent
        AuthorIdRole,
        MessageIdRole, // the server id, empty until sent
        // Whether this message starts a new day (local time): a date separator goes above it.
        DayStartRole,
        // Whether the "new messages" line goes above this message: the first one that was unread
        // when the conversation was opened.
        FirstUnreadRole,
        EditedAtRole, // seconds since the epoch, 0 when never edited
        DeletedRole,
        // The whole Message (its quote and reactions), for delegates that paint them.
        MessageRole,
    };
    // What a screen reader hears for a message: made by the UI, which words it.
    using AccessibleText = std::function<QString(const Message &)>;

    static constexpr int PageSize = 50;
    static constexpr int MaxRows = 400;

    HistoryModel(Chat *chat, QString myId, QObject *parent = nullptr);

    void setAccessibleText(AccessibleText describe) { m_describe = std::move(describe); }
    // Opens a conversation. What was unread at this moment is remembered (the "new messages"
    // line) until another conversation is opened, so call it before marking it read.
    void setConversation(const QString &conversationId);
    // The newest seq that was read when the conversation was opened; -1 when nothing was unread.
    qint64 readMarkAtOpen() const { return m_readMark; }
    // The row of the first message unread at opening, or -1 when none or not loaded yet.
    int firstUnreadRow() const;
    // The row showing a message, by server id or by seq (either may be given); -1 if not loaded.
    int rowOfMessage(const QString &messageId, qint64 seq) const;
    // Whether a message older than the window's oldest could still be loaded to find `seq`.
    bool mayHoldOlder(qint64 seq) const;
    QString conversationId() const { return m_conversationId; }
    // Whether the newest messages are in the window (live messages are appended).
    bool isAtNewest() const { return m_atNewest; }
    void jumpToNewest();
    const QList<Message> &messages() const { return m_rows; }
    bool hasOlder() const { return m_hasOlder; }
    bool isLoadingOlder() const { return m_fetching; }
    // Replaces the window with one centred on the message (by seq; the id, when known, finds it
    // in the window). From the server; when it cannot answer, the cached page that ends with it.
    void loadAround(const QString &messageId, qint64 seq);
    bool isLoadingWindow() const { return m_windowSeq > 0; }
    // Newer messages, at the bottom, while the window is not at the newest.
    bool canLoadNewer() const;
    void loadNewer();
    bool isLoadingNewer() const { return m_fetchingNewer; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // Older messages, at the top. (Not Qt's fetchMore: views call that at the bottom.)
    bool canLoadOlder() const;
    void loadOlder();

private:
    void onMessageChanged(const Message &message);
    // Updates the row of a message, or inserts it in order where the window reaches it.
    void merge(const Message &message, bool partOfNewestPage);
    void onMessageRemoved(const QString &conversationId, const QString &localId);
    void onHistoryFetched(const QString &conversationId, const QList<Message> &page, bool hasMore);
    void onNewerFetched(const QString &conversationId, const QList<Message> &page, bool hasMore);
    void onWindowFetched(const QString &conversationId, qint64 aroundSeq,
                         const QList<Message> &page, bool hasOlder, bool hasNewer, bool failed);
    // Replaces every row (a window elsewhere in the history).
    void replaceWindow(const QList<Message> &rows, bool hasOlder, bool atNewest);
    // Past the cap after newer rows came in at the bottom: the oldest go.
    void trimTop();
    void prepend(const QList<Message> &older);
    void reload(const QString &conversationId);
    // Replies in the window show the original's new words, or that it was deleted.
    void updateQuotesOf(const Message &original);
    // The row showing this message, or -1.
    int rowOf(const Message &message) const;
    // The local calendar day (Julian day number) of a moment.
    qint64 localDay(qint64 secondsSinceEpoch) const;

    Chat *m_chat;
    AccessibleText m_describe;
    QString m_myId;
    QString m_conversationId;
    QList<Message> m_rows;
    bool m_atNewest = true;
    bool m_hasOlder = true;
    bool m_fetching = false;
    // Whether the cache holds this window's history without gaps (false once the server showed
    // the cache was behind: older pages then come from the server).
    bool m_trustCache = true;
    // Whether the window was opened around a message rather than grown from the newest end: the
    // cache keeps one unbroken run back from the newest, so this window's pages stay out of it.
    bool m_detached = false;
    bool m_fetchingNewer = false;
    // What the page on its way was asked for: an answer for another window is stale.
    qint64 m_olderBefore = 0;
    qint64 m_newerAfter = 0;
    // The message a window is being loaded around (0: none).
    qint64 m_windowSeq = 0;
    qint64 m_readMark = -1;
    // Local days already worked out, as [start, end) in seconds since the epoch: converting to
    // local time is costly and the rows of a window fall in a handful of days.
    struct LocalDayRange
    {
        qint64 start = 0;
        qint64 end = 0;
        qint64 day = 0;
    };
    mutable QList<LocalDayRange> m_localDays;
};

} // namespace moim
