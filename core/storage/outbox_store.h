#pragma once

#include "chat/message.h"
#include "protocol/notification_settings.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

namespace moim {

// What this account has written and the server does not have yet: unsent messages (pending or
// refused) and notification settings changed here. It lives in a small SQLite file of its own,
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
