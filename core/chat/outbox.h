#pragma once

#include "chat/message.h"
#include "net/api_error.h"
#include "net/backoff.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace moim {

class AuthorizedApi;
class OutboxStore;
class UploadManager;
struct ApiResult;
struct Upload;

// Messages written here, on their way out. Each gets a client id and is written to the outbox
// store before the first attempt, so a lost connection or a crash loses nothing; they are sent
// one at a time, in the order written, and the server's deduplication by client id makes every
// retry safe: each message arrives exactly once.
//
// The outbox owns its retries. Whatever the cause of a failure — no network, a timeout, a 5xx,
// an answer that is not the server's message — it tries again on its own timer with backoff and
// jitter (a 429 or 503 waits at least as long as the server asked). Being told the account is
// online, or that any call reached the server, only makes it try at once. A message the server
// refuses for good is marked failed with the reason and the rest go on.
//
// A message with files goes once every upload it names is done (UploadManager), with the file
// ids the server gave them; until then it waits, and so do the messages written after it, so
// that they arrive in the order written. A message whose upload failed for good or was cancelled
// fails with UploadFailed; retrying it retries its failed uploads.
class Outbox : public QObject
{
    Q_OBJECT

public:
    // Why a message with files failed: one of its uploads failed for good or was cancelled.
    static constexpr auto UploadFailed = QLatin1StringView("upload_failed");

    // `uploads` carries the files of messages that have any; without it such messages fail.
    Outbox(AuthorizedApi *api, OutboxStore *store, QString authorId, QString authorName,
           UploadManager *uploads = nullptr, QObject *parent = nullptr);
    ~Outbox() override;

    // Writes the message down and sends it as soon as it can. Nothing when it cannot be
    // written down (disk full, read-only folder): then it is not sent either, and the caller
    // keeps the text and says so.
    // A reply carries the quote of what it answers, shown while it waits; the server is sent
    // only the original's id. `attachments` are files of the server (a file id) or uploads
    // under way (an upload key, no file id yet), at most Attachment::MaxPerMessage.
    std::optional<Message> queue(const QString &conversationId, const QString &body,
                                 const std::optional<ReplyQuote> &replyTo = std::nullopt,
                                 const QList<moim::protocol::MessageEntity> &entities = {},
                                 const QList<Attachment> &attachments = {});
    // Puts a failed message back in line, in its old place, with its failed uploads started again.
    void retry(const QString &localId);
    // Gives up a message that was not sent (failed, or still pending). False when there is no
    // such message or it is on its way: then its answer decides.
    bool discard(const QString &localId);
    // New words for a message that was not sent, written down before it goes. False when there
    // is no such message, it is on its way, or the change cannot be written down.
    bool edit(const QString &localId, const QString &body,
              const QList<moim::protocol::MessageEntity> &entities = {});
    bool isOnItsWay(const QString &localId) const
    {
        return !localId.isEmpty() && localId == m_inFlightId;
    }
    // The server has this message of ours (it came back over the stream before the answer
    // to its send): it leaves the line.
    void confirm(const Message &sent);
    // Moves messages from elsewhere (an older cache, a damaged one) into the line, once each.
    void adopt(const QList<Message> &messages);

    // A hint: online tries what waits at once; offline changes nothing (the timer goes on).
    void setOnline(bool online);
    // Try at once, skipping the backoff wait (not a wait the server asked for).
    void tryNow();

    // The unsent message kept under `localId`, if any.
    std::optional<Message> find(const QString &localId) const;
    // Unsent messages of a conversation (pending and failed), in the order written.
    QList<Message> unsent(const QString &conversationId) const;
    int pendingCount() const;
    bool isSending() const { return !m_inFlightId.isEmpty(); }
    // Whether messages can be written down at all (the store opened).
    bool canStore() const;
    // Milliseconds until the next attempt, 0 when none is waiting.
    qint64 msUntilRetry() const;
    // A next attempt is on the timer (it may be due already, with a wait of 0 ms left).
    bool isRetryScheduled() const { return m_retryTimer.isActive(); }

    Backoff &backoff() { return m_backoff; }

Q_SIGNALS:
    // A message changed state: queued, sent (carrying the server's id and seq), failed.
    void messageChanged(const moim::Message &message);
    // An unsent message was given up.
    void messageDiscarded(const QString &conversationId, const QString &localId);

private:
    void sendNext();
    // Whether the message's uploads are all done (their file ids are then filled in); false
    // while one is under way. A failed or unknown one fails the message.
    enum class Readiness
    {
        Ready,
        Waiting,
        Failed
    };
    Readiness readiness(Message &message);
    void onUpload(const moim::Upload &upload);
    // The uploads a message carried are done with: released once sent, cancelled when given up.
    void releaseUploads(const Message &message);
    void onAnswer(const QString &clientId, const ApiResult &result);
    void waitAndRetry(std::chrono::milliseconds atLeast);
    qsizetype indexOf(const QString &clientId) const;

    AuthorizedApi *m_api;
    OutboxStore *m_store;
    QPointer<UploadManager> m_uploads;
    QString m_authorId;
    QString m_authorName;
    QList<Message> m_line; // pending and failed, in the order written
    QString m_inFlightId;  // the client id of the message on its way
    bool m_online = false;
    Backoff m_backoff;
    QTimer m_retryTimer;
    // The server asked us to wait (429, 503): a nudge does not cut that short.
    bool m_serverAskedToWait = false;
};

// Whether a refusal of a send is for good (retrying the same request cannot succeed).
bool isPermanentSendRefusal(const ApiError &error);

} // namespace moim
