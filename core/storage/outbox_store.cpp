#include "outbox_store.h"

#include "read_damaged.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcOutboxStore, "moim.core.outbox.store")

namespace moim {

using namespace Qt::StringLiterals;

namespace {

constexpr int SchemaVersion = 4;

bool exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    qCWarning(lcOutboxStore) << "SQL failed:" << statement << query.lastError().text();
    return false;
}

QString text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

// Version 1 had no replies, version 2 no mentions, version 3 no files; their rows read as messages
// that answer or mention nobody and carry no file.
const auto Version1Columns =
    u"client_id, conversation_id, author_id, author_name, body, created_at, state, failure"_s;
const auto Version2Columns = Version1Columns + u", reply_to"_s;
const auto Version3Columns = Version2Columns + u", entities"_s;
const auto MessageColumns = Version3Columns + u", attachments"_s;
const auto UploadColumns = u"key, conversation_id, local_path, name, size, type, width, height,"
                           " upload_id, confirmed_offset, file, failure, created_at"_s;

QString jsonText(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

Message messageFrom(const QSqlQuery &query)
{
    Message message;
    message.clientId = query.value(0).toString();
    message.localId = message.clientId;
    message.conversationId = query.value(1).toString();
    message.authorId = query.value(2).toString();
    message.authorName = query.value(3).toString();
    message.body = query.value(4).toString();
    message.createdAt = query.value(5).toLongLong();
    message.state =
        query.value(6).toString() == "failed"_L1 ? Message::State::Failed : Message::State::Pending;
    message.failure = query.value(7).toString();
    if (query.record().count() > 8) {
        message.replyTo =
            ReplyQuote::fromJson(QJsonDocument::fromJson(query.value(8).toByteArray()).object());
    }
    if (query.record().count() > 9) {
        message.entities = Message::entitiesFromJson(
            QJsonDocument::fromJson(query.value(9).toByteArray()).array(), message.body);
    }
    if (query.record().count() > 10) {
        message.attachments = Attachment::listFromJson(
            QJsonDocument::fromJson(query.value(10).toByteArray()).array());
    }
    return message;
}

StoredUpload uploadFrom(const QSqlQuery &query)
{
    StoredUpload upload;
    upload.key = query.value(0).toString();
    upload.conversationId = query.value(1).toString();
    upload.localPath = query.value(2).toString();
    upload.name = query.value(3).toString();
    upload.size = query.value(4).toLongLong();
    upload.type = query.value(5).toString();
    upload.width = query.value(6).toInt();
    upload.height = query.value(7).toInt();
    upload.uploadId = query.value(8).toString();
    upload.offset = query.value(9).toLongLong();
    upload.file =
        Attachment::fromJson(QJsonDocument::fromJson(query.value(10).toByteArray()).object());
    upload.failure = query.value(11).toString();
    upload.createdAt = query.value(12).toLongLong();
    return upload;
}

QList<StoredUpload> readUploads(const QSqlDatabase &db)
{
    QList<StoredUpload> uploads;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT "_s + UploadColumns + u" FROM uploads ORDER BY position"_s))
        return uploads;
    while (query.next())
        uploads.append(uploadFrom(query));
    return uploads;
}

// The unsent messages of a file of either version, in the order they were written.
QList<Message> readMessages(const QSqlDatabase &db)
{
    QList<Message> messages;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT "_s + MessageColumns + u" FROM messages ORDER BY position"_s) &&
        !query.exec(u"SELECT "_s + Version3Columns + u" FROM messages ORDER BY position"_s) &&
        !query.exec(u"SELECT "_s + Version2Columns + u" FROM messages ORDER BY position"_s) &&
        !query.exec(u"SELECT "_s + Version1Columns + u" FROM messages ORDER BY position"_s))
        return messages;
    while (query.next())
        messages.append(messageFrom(query));
    return messages;
}

// Reads whatever rows a damaged file still gives, before it is moved aside.
void rescue(const QString &filePath, QList<Message> *messages, QList<StoredUpload> *uploads,
            QHash<QString, NotificationSettings> *settings)
{
    readDamagedDatabase(filePath, [&](QSqlDatabase &db) {
        *messages = readMessages(db);
        *uploads = readUploads(db);
        QSqlQuery query(db);
        if (query.exec(u"SELECT workspace_id, settings FROM settings"_s)) {
            while (query.next()) {
                const auto parsed = NotificationSettings::fromJson(
                    QJsonDocument::fromJson(query.value(1).toByteArray()).object());
                if (parsed)
                    settings->insert(query.value(0).toString(), *parsed);
            }
        }
    });
}

} // namespace

OutboxStore::OutboxStore()
    : m_connectionName(u"moim-outbox-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

OutboxStore::~OutboxStore()
{
    close();
}

bool OutboxStore::isOpen() const
{
    return m_db.isOpen();
}

void OutboxStore::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

OutboxStore::OpenResult OutboxStore::open(const QString &filePath)
{
    close();
    m_filePath = filePath;
    m_readOnly = false;
    const QFileInfo info(filePath);
    if (info.exists() && (!QFile(filePath).open(QIODevice::ReadWrite) ||
                          !QFileInfo(info.absolutePath()).isWritable())) {
        // A read-only folder or disk: what waits is still read, so it can go out; nothing new
        // can be written down (and so nothing new is sent).
        if (openReadOnly())
            return OpenResult::ReadOnly;
        close();
        return OpenResult::Failed;
    }
    if (openDatabase() && isHealthy() && migrate())
        return OpenResult::Opened;
    close();
    if (!QFileInfo::exists(filePath))
        return OpenResult::Failed; // could not even be created (e.g. a read-only folder)

    QList<Message> messages;
    QList<StoredUpload> uploads;
    QHash<QString, NotificationSettings> settings;
    rescue(filePath, &messages, &uploads, &settings);
    const QString aside =
        filePath + u".corrupt-"_s + QString::number(QDateTime::currentSecsSinceEpoch());
    qCWarning(lcOutboxStore) << "outbox damaged; kept" << messages.size() << "messages and"
                             << settings.size() << "settings changes, moved it aside to" << aside;
    if (!QFile::rename(filePath, aside))
        return OpenResult::Failed;
    // The journal belongs to the damaged file; it goes along with it, not into the new one.
    QFile::rename(filePath + u"-wal"_s, aside + u"-wal"_s);
    QFile::remove(filePath + u"-shm"_s);
    if (!openDatabase() || !migrate()) {
        close();
        return OpenResult::Failed;
    }
    for (const Message &message : std::as_const(messages))
        store(message);
    for (const StoredUpload &upload : std::as_const(uploads))
        storeUpload(upload);
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        storeSettings(it.key(), it.value());
    return OpenResult::Recovered;
}

bool OutboxStore::openDatabase()
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_filePath);
    if (!m_db.open()) {
        qCWarning(lcOutboxStore) << "cannot open" << m_filePath << m_db.lastError().text();
        return false;
    }
    QFile::setPermissions(m_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Every write reaches the disk before the call returns: a message said to be saved
    // survives a power cut.
    return exec(m_db, u"PRAGMA journal_mode=WAL"_s) && exec(m_db, u"PRAGMA synchronous=FULL"_s);
}

bool OutboxStore::openReadOnly()
{
    m_readOnly = true;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    // Immutable: SQLite then needs neither a journal nor shared memory beside the file, which a
    // read-only folder could not hold.
    m_db.setDatabaseName(
        u"file:"_s +
        QString::fromUtf8(QUrl::fromLocalFile(m_filePath).toEncoded(QUrl::RemoveScheme)) +
        u"?immutable=1"_s);
    m_db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
    if (!m_db.open()) {
        qCWarning(lcOutboxStore) << "cannot read" << m_filePath << m_db.lastError().text();
        return false;
    }
    QSqlQuery version(m_db);
    if (!version.exec(u"PRAGMA user_version"_s) || !version.next() ||
        version.value(0).toInt() < 1 || version.value(0).toInt() > SchemaVersion)
        return false;
    qCWarning(lcOutboxStore) << "the outbox is read-only: nothing new can be saved";
    return true;
}

bool OutboxStore::isHealthy()
{
    QSqlQuery query(m_db);
    return query.exec(u"PRAGMA quick_check"_s) && query.next() &&
           query.value(0).toString() == "ok"_L1;
}

bool OutboxStore::migrate()
{
    QSqlQuery version(m_db);
    if (!version.exec(u"PRAGMA user_version"_s) || !version.next())
        return false;
    const int current = version.value(0).toInt();
    if (current == SchemaVersion)
        return true;
    if (current > SchemaVersion)
        return false; // written by a newer Moim: rescued and started afresh
    if (!m_db.transaction())
        return false;
    bool ok = true;
    if (current < 1) {
        ok = exec(m_db, u"CREATE TABLE messages (client_id TEXT PRIMARY KEY,"
                        " position INTEGER NOT NULL, conversation_id TEXT NOT NULL,"
                        " author_id TEXT NOT NULL, author_name TEXT NOT NULL, body TEXT NOT NULL,"
                        " created_at INTEGER NOT NULL, state TEXT NOT NULL,"
                        " failure TEXT NOT NULL)"_s) &&
             exec(m_db, u"CREATE TABLE settings (workspace_id TEXT PRIMARY KEY,"
                        " settings TEXT NOT NULL)"_s);
    }
    // Version 2: a message may answer another; its quote is kept as the wire spells it.
    if (current < 2)
        ok = ok && exec(m_db, u"ALTER TABLE messages ADD COLUMN reply_to TEXT NOT NULL"
                              " DEFAULT ''"_s);
    // Version 3: mentions bound to members' ids, as the wire spells a message's entities.
    if (current < 3)
        ok = ok && exec(m_db, u"ALTER TABLE messages ADD COLUMN entities TEXT NOT NULL"
                              " DEFAULT ''"_s);
    // Version 4: files. A message keeps the files it carries (as the wire spells them, with the
    // upload's key while one is under way); uploads keep where they are read from and how far
    // the server has confirmed them.
    if (current < 4) {
        ok = ok &&
             exec(m_db, u"ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL"
                        " DEFAULT ''"_s) &&
             exec(m_db, u"CREATE TABLE uploads (key TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                        " conversation_id TEXT NOT NULL, local_path TEXT NOT NULL,"
                        " name TEXT NOT NULL, size INTEGER NOT NULL, type TEXT NOT NULL,"
                        " width INTEGER NOT NULL, height INTEGER NOT NULL,"
                        " upload_id TEXT NOT NULL, confirmed_offset INTEGER NOT NULL,"
                        " file TEXT NOT NULL, failure TEXT NOT NULL,"
                        " created_at INTEGER NOT NULL)"_s);
    }
    ok = ok && exec(m_db, u"PRAGMA user_version = %1"_s.arg(SchemaVersion));
    return ok ? m_db.commit() : (m_db.rollback(), false);
}

QList<Message> OutboxStore::messages() const
{
    return readMessages(m_db);
}

bool OutboxStore::store(const Message &message)
{
    if (!isWritable() || message.clientId.isEmpty())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO messages (client_id, position, conversation_id, author_id,"
                  " author_name, body, created_at, state, failure, reply_to, entities,"
                  " attachments)"
                  " VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM messages),"
                  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  " ON CONFLICT (client_id) DO UPDATE SET state = excluded.state,"
                  " failure = excluded.failure, body = excluded.body,"
                  " entities = excluded.entities, attachments = excluded.attachments"_s);
    query.addBindValue(message.clientId);
    query.addBindValue(text(message.conversationId));
    query.addBindValue(text(message.authorId));
    query.addBindValue(text(message.authorName));
    query.addBindValue(text(message.body));
    query.addBindValue(message.createdAt);
    query.addBindValue(message.state == Message::State::Failed ? u"failed"_s : u"pending"_s);
    query.addBindValue(text(message.failure));
    query.addBindValue(
        message.replyTo
            ? QString::fromUtf8(
                  QJsonDocument(message.replyTo->toJson()).toJson(QJsonDocument::Compact))
            : u""_s);
    query.addBindValue(message.entities.isEmpty()
                           ? u""_s
                           : QString::fromUtf8(QJsonDocument(moim::protocol::messageEntitiesToJson(
                                                                 message.entities))
                                                   .toJson(QJsonDocument::Compact)));
    query.addBindValue(message.attachments.isEmpty()
                           ? u""_s
                           : jsonText(QJsonDocument(Attachment::listToJson(message.attachments))));
    if (query.exec())
        return true;
    qCWarning(lcOutboxStore) << "cannot store an unsent message:" << query.lastError().text();
    return false;
}

bool OutboxStore::remove(const QString &clientId)
{
    if (!isWritable())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM messages WHERE client_id = ?"_s);
    query.addBindValue(clientId);
    if (query.exec())
        return true;
    qCWarning(lcOutboxStore) << "cannot remove a sent message:" << query.lastError().text();
    return false;
}

QList<StoredUpload> OutboxStore::uploads() const
{
    return readUploads(m_db);
}

bool OutboxStore::storeUpload(const StoredUpload &upload)
{
    if (!isWritable() || upload.key.isEmpty())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO uploads (position, "_s + UploadColumns +
                  u") VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM uploads),"
                  " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  " ON CONFLICT (key) DO UPDATE SET upload_id = excluded.upload_id,"
                  " confirmed_offset = excluded.confirmed_offset, file = excluded.file,"
                  " failure = excluded.failure"_s);
    query.addBindValue(upload.key);
    query.addBindValue(text(upload.conversationId));
    query.addBindValue(text(upload.localPath));
    query.addBindValue(text(upload.name));
    query.addBindValue(upload.size);
    query.addBindValue(text(upload.type));
    query.addBindValue(upload.width);
    query.addBindValue(upload.height);
    query.addBindValue(text(upload.uploadId));
    query.addBindValue(upload.offset);
    query.addBindValue(upload.file ? jsonText(QJsonDocument(upload.file->toJson())) : u""_s);
    query.addBindValue(text(upload.failure));
    query.addBindValue(upload.createdAt);
    if (query.exec())
        return true;
    qCWarning(lcOutboxStore) << "cannot store an upload:" << query.lastError().text();
    return false;
}

bool OutboxStore::removeUpload(const QString &key)
{
    if (!isWritable())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM uploads WHERE key = ?"_s);
    query.addBindValue(key);
    if (query.exec())
        return true;
    qCWarning(lcOutboxStore) << "cannot remove an upload:" << query.lastError().text();
    return false;
}

QHash<QString, NotificationSettings> OutboxStore::settings() const
{
    QHash<QString, NotificationSettings> result;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT workspace_id, settings FROM settings"_s))
        return result;
    while (query.next()) {
        const auto parsed = NotificationSettings::fromJson(
            QJsonDocument::fromJson(query.value(1).toByteArray()).object());
        if (parsed)
            result.insert(query.value(0).toString(), *parsed);
    }
    return result;
}

bool OutboxStore::storeSettings(const QString &workspaceId, const NotificationSettings &settings)
{
    if (!isWritable())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO settings (workspace_id, settings) VALUES (?, ?)"_s);
    query.addBindValue(workspaceId);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact)));
    if (query.exec())
        return true;
    qCWarning(lcOutboxStore) << "cannot store a settings change:" << query.lastError().text();
    return false;
}

bool OutboxStore::removeSettings(const QString &workspaceId)
{
    if (!isWritable())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"DELETE FROM settings WHERE workspace_id = ?"_s);
    query.addBindValue(workspaceId);
    return query.exec();
}

bool OutboxStore::removeFiles(const QString &filePath)
{
    bool ok = !QFileInfo::exists(filePath) || QFile::remove(filePath);
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(filePath + suffix))
            ok = QFile::remove(filePath + suffix) && ok;
    }
    return ok;
}

} // namespace moim
