#pragma once

#include "chat/message.h"
#include "protocol/notification_settings.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace moim {

// A file on its way to the server, as kept across restarts: where it is read from, what this
// computer read of it, and how far the server has confirmed it (uploadId empty: not started
// there yet). `file` is the server's description once the last piece is in.
struct StoredUpload
{
    QString key;
    QString conversationId;
    QString localPath;
    QString name;
    qint64 size = 0;
    QString type;
    int width = 0;
    int height = 0;
    QString uploadId;
    qint64 offset = 0;
    std::optional<Attachment> file;
    QString failure; // why it failed for good; empty while it goes on
    qint64 createdAt = 0;
    bool operator==(const StoredUpload &) const = default;
};

// What this account has written and the server does not have yet: unsent messages (pending or
// refused) with the files they carry, uploads under way, and notification settings changed
// here. It lives in a small SQLite file of its own,
// apart from the local cache, because the cache may be thrown away and rebuilt from the server at
// any time and this may not: nothing here exists anywhere else. A damaged file is read for what
// can still be read, moved aside and started afresh with those rows.
class OutboxStore
{
public:
    enum class OpenResult
    {
        Opened,
        Recovered, // the file was damaged; what could be read was kept
        ReadOnly,  // the disk refuses writes: what waits can be read (and sent), nothing stored
        Failed
    };

    OutboxStore();
    ~OutboxStore();
    OutboxStore(const OutboxStore &) = delete;
    OutboxStore &operator=(const OutboxStore &) = delete;

    OpenResult open(const QString &filePath);
    void close();
    bool isOpen() const;
    // Whether new rows can be written (open, and not on a medium that refuses writes).
    bool isWritable() const { return isOpen() && !m_readOnly; }
    QString filePath() const { return m_filePath; }

    // Unsent messages, pending and refused, in the order they were written.
    QList<Message> messages() const;
    // Writes a new message at the end of the line, or updates one already here (its state,
    // reason and words: an unsent message can still be edited) keeping its place.
    bool store(const Message &message);
    bool remove(const QString &clientId);

    // Uploads not yet carried by a sent message, in the order they were started.
    QList<StoredUpload> uploads() const;
    // Writes a new upload at the end of the line, or updates one already here.
    bool storeUpload(const StoredUpload &upload);
    bool removeUpload(const QString &key);

    // Notification settings changed here and not yet accepted by the server, by workspace.
    QHash<QString, NotificationSettings> settings() const;
    bool storeSettings(const QString &workspaceId, const NotificationSettings &settings);
    bool removeSettings(const QString &workspaceId);

    static bool removeFiles(const QString &filePath);

private:
    bool openDatabase();
    bool openReadOnly();
    bool isHealthy();
    bool migrate();

    QString m_connectionName;
    QString m_filePath;
    QSqlDatabase m_db;
    bool m_readOnly = false;
};

} // namespace moim
