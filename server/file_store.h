#pragma once

#include "piece_hasher.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <unordered_map>

namespace moim::server {

class Clock;
class Database;

// Files people attach to messages (docs/protocol.md "Files"): uploads in pieces whose confirmed
// length survives a restart, the type told by content, images turned upright and stripped of
// their metadata with a bounded preview, and the content stored once per SHA-256 in the data
// folder (files/ab/abcdef…) for as long as a file names it. Whether a user may read a file is
// ChatAccess's to say from conversationOf(); this class only keeps what is stored.
class FileStore
{
public:
    FileStore(Database &database, const Clock &clock, const QString &dataDir);

    struct Upload
    {
        QString id;
        QString userId;
        QString conversationId;
        QString name;
        qint64 size = 0;
        QString sha256; // announced by the client, may be empty
        qint64 received = 0;
        qint64 expiresAt = 0;
        QString fileId; // once complete
    };
    // Why an upload step was refused.
    enum class Refusal
    {
        None,
        TooManyUploads,
        OffsetMismatch, // the piece is not for the confirmed offset
        PastTheEnd,     // empty, or it would pass the announced size
        ChecksumMismatch,
        Failed, // the disk or the database failed
    };

    // Starts an upload (name and size already checked); nullopt with the refusal otherwise.
    std::optional<Upload> createUpload(const QString &userId, const QString &conversationId,
                                       const QString &name, qint64 size, const QString &sha256,
                                       Refusal *refusal);
    // A complete upload, or an unfinished one that has not expired.
    std::optional<Upload> upload(const QString &uploadId) const;
    struct Appended
    {
        Refusal refusal = Refusal::None;
        Upload upload; // as it now stands (its confirmed offset also when refused)
    };
    // Appends the piece at `offset`, on disk before it is confirmed; the last piece finishes the
    // upload into a file (Appended::upload.fileId).
    Appended append(const Upload &upload, qint64 offset, const QByteArray &piece);
    // Forgets an unfinished upload and its part file.
    bool cancel(const Upload &upload);
    // Forgets unfinished uploads whose time is up, with their part files.
    void sweepExpired();

    struct File
    {
        QString id;
        QString name;
        QString sha256;
        qint64 size = 0;
        QString type;
        QString uploader;
        QString conversationId;
        QString messageId; // empty until sent
        bool hasPreview = false;
    };
    std::optional<File> file(const QString &fileId) const;
    // {id, name, size, type, sha256, image, preview} (docs/protocol.md "Files").
    QJsonObject fileJson(const QString &fileId) const;
    QString contentPath(const File &file) const;
    QString previewPath(const File &file) const;

    // Whether the user may attach these files to a message in the conversation: each uploaded
    // by the user to it, not attached yet, and none twice.
    bool canAttach(const QString &userId, const QString &conversationId,
                   const QStringList &fileIds) const;
    // Deletes the content (and preview) of every blob no file names any more.
    void removeUnreferencedBlobs();

    // An attachment as a message carries it: the file's JSON without its hash.
    static QJsonObject attachmentJson(const QString &id, const QString &name, qint64 size,
                                      const QString &type, int width, int height, bool hasPreview);

private:
    // Makes a file of a complete upload: checks the announced hash, cleans an image, stores the
    // content once.
    Refusal finish(Upload *upload);
    QString partPath(const QString &uploadId) const;
    QString blobPath(const QString &sha256) const;

    Database &m_database;
    const Clock &m_clock;
    QString m_dataDir;
    // The SHA-256 of each upload's confirmed bytes, so that the last piece does not wait for
    // 100 MiB to be hashed. Lost with a restart: the part file is hashed whole then.
    PieceHasher m_hashes;
};

} // namespace moim::server
