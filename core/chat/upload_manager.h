#pragma once

#include "chat/message.h"
#include "net/backoff.h"
#include "protocol/protocol.h"
#include "storage/outbox_store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QTimer>
#include <optional>

namespace moim {

class AuthorizedApi;
struct ApiResult;
struct PieceResult;

// Why a file cannot be uploaded, or stopped being uploaded: a code the UI puts into words.
enum class UploadError
{
    None,
    Unreadable,  // the file cannot be opened or read
    Folder,      // a folder, not a file
    Empty,       // 0 bytes: the server takes files of at least one byte
    TooLarge,    // over UploadManager::MaxFileBytes
    NotSaved,    // it could not be written down here (the outbox store or the data folder)
    FileChanged, // the file's size changed while it was being uploaded
    FileMissing, // the file was moved or deleted before all of it was sent
    Refused,     // the server refused it for good (not a member any more, a bad name…)
};
// The code as kept on disk and in logs ("too_large"); UploadError::None is "".
QString uploadErrorName(UploadError error);
UploadError uploadErrorFromName(const QString &name);

// One file on its way, as the UI shows it.
struct Upload
{
    enum class State
    {
        Uploading, // sending, or in line behind the uploads started before it
        WaitingForNetwork,
        Done,   // the server has all of it: `file` is its description
        Failed, // for good, see `error`; retry() starts it again
    };

    QString key;
    QString conversationId;
    QString name;
    QString localPath; // the file being read (a pasted image's copy in the outgoing folder)
    qint64 size = 0;
    qint64 sent = 0; // bytes the server confirmed, plus those of the piece on the wire
    QString type;    // read from the content here, until the server's word
    QSize imageSize; // upright; empty for anything that is not an image
    State state = State::Uploading;
    UploadError error = UploadError::None;
    std::optional<Attachment> file; // the server's, when Done
    bool operator==(const Upload &) const = default;

    // What a message carrying it shows: the server's file once done, else what was read here
    // (no file id, the upload's key).
    Attachment attachment() const;
};

// The files an account uploads (docs/protocol.md "Files"), one piece in flight at a time, in the
// order they were started. Every upload is written down in the outbox store before its first
// byte goes and its confirmed offset after every piece, so a lost connection or a restart goes
// on from where the server last confirmed: after a restart, each unfinished upload asks the
// server for its offset first. Pieces are read from the file at that offset, so a file is never
// whole in memory. Transient failures retry with backoff on the manager's own timer; a refusal
// for good fails the upload with a code.
//
// An upload stays here, done, until the message that carries it is sent (release()) or it is
// cancelled; a file made from pasted data lives in the outgoing folder until then.
class UploadManager : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxFileBytes = protocol::limits::MaxFileBytes;

    // The answer to start(): the new upload's key, or why there is none.
    struct Started
    {
        QString key;
        UploadError error = UploadError::None;
        bool ok() const { return error == UploadError::None; }
    };

    // `outgoingDir` holds files made from pasted data; the unfinished uploads of `store` go on.
    UploadManager(AuthorizedApi *api, OutboxStore *store, QString outgoingDir,
                  QObject *parent = nullptr);
    ~UploadManager() override;

    // Starts uploading a file to a conversation. Refused before any network use when the file
    // cannot be read, is a folder, is empty or is over MaxFileBytes, or cannot be written down.
    // `imageSize` is the image's upright size when the caller read one (images are the UI's to
    // read), so that the message can be laid out before the server answers.
    Started start(const QString &conversationId, const QString &localPath, QSize imageSize = {});
    // Pasted data (a screenshot): written to the outgoing folder first, so that it survives a
    // restart, and removed once sent or cancelled.
    Started startFromData(const QString &conversationId, const QByteArray &bytes,
                          const QString &suggestedName, QSize imageSize = {});
    // Stops the upload (its piece on the wire too), asks the server to forget it and forgets it
    // here. Nothing for an unknown key.
    void cancel(const QString &key);
    // Starts a failed upload again, from the offset the server has.
    void retry(const QString &key);
    // The message carrying the upload was sent: it is forgotten, as is its pasted-data file.
    void release(const QString &key);

    std::optional<Upload> find(const QString &key) const;
    // The uploads of a conversation not yet carried by a sent message, in the order started.
    QList<Upload> uploads(const QString &conversationId) const;

    // A hint: online tries what waits at once; offline changes nothing (the timer goes on).
    void setOnline(bool online);
    // Try at once, skipping the backoff wait.
    void tryNow();
    // The bytes sent at a time (limits::UploadPieceBytes); tests make it small.
    void setPieceSize(qint64 bytes) { m_pieceSize = bytes; }
    qint64 pieceSize() const { return m_pieceSize; }
    Backoff &backoff() { return m_backoff; }

Q_SIGNALS:
    // State or progress changed; progress at most ProgressInterval apart per upload.
    void uploadChanged(const moim::Upload &upload);
    // Cancelled or released: it is gone.
    void uploadRemoved(const QString &key);

private:
    struct Entry
    {
        StoredUpload stored;
        Upload::State state = Upload::State::Uploading;
        // Known from this run's answers; after a restart the server is asked first.
        bool offsetKnown = false;
        // Started again from 0 once already (checksum mismatch, or an upload the server forgot).
        bool startedAgain = false;
        qint64 pieceSent = 0; // of the piece on the wire
        QElapsedTimer lastProgress;
    };
    static constexpr qint64 ProgressInterval = 100; // ms

    qsizetype indexOf(const QString &key) const;
    Upload snapshot(const Entry &entry) const;
    void announce(const Entry &entry);
    void save(const Entry &entry);
    void pump();
    // The wait is over: what waited for the network is in line again.
    void resumeWaiting();
    void create(Entry &entry);
    void askOffset(Entry &entry);
    void sendPiece(Entry &entry);
    // The answer to the call on its way for `key`; false when the upload is gone meanwhile.
    Entry *answered(const QString &key);
    void onPiece(const QString &key, qint64 offset, const PieceResult &result);
    void finish(Entry &entry, const Attachment &file);
    void fail(Entry &entry, UploadError error);
    void startAgain(Entry &entry);
    void handleError(Entry &entry, const ApiResult &result);
    void forget(qsizetype index);
    bool ownsFile(const QString &path) const;
    // A context for the call on its way: destroyed to drop its answer (and stop its piece).
    QObject *beginCall(const QString &key);

    AuthorizedApi *m_api;
    OutboxStore *m_store;
    QString m_outgoingDir;
    QList<Entry> m_entries; // in the order started
    QString m_inFlightKey;
    QPointer<QObject> m_callContext;
    qint64 m_pieceSize = protocol::limits::UploadPieceBytes;
    Backoff m_backoff;
    QTimer m_retryTimer;
};

} // namespace moim
