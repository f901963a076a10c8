#include "local_cache.h"

#include "read_damaged.h"
#include "search/search_text.h"
#include "search_index_builder.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>
#include <QVariant>
#include <algorithm>

Q_LOGGING_CATEGORY(lcCache, "moim.core.cache")

namespace moim {

using namespace Qt::StringLiterals;

namespace {

// Migration n brings the schema from version n-1 to n. Append, never edit a released step.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps{
        {
            u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"CREATE TABLE workspaces (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
            " name TEXT NOT NULL, name_en TEXT NOT NULL, initials TEXT NOT NULL,"
            " color TEXT NOT NULL, role TEXT NOT NULL)"_s,
            u"CREATE TABLE conversations (id TEXT NOT NULL, workspace_id TEXT NOT NULL,"
            " position INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,"
            " topic TEXT NOT NULL, last_activity INTEGER NOT NULL,"
            " PRIMARY KEY (workspace_id, id))"_s,
        },
        // Messages (a window of each conversation, and the outbox: rows in state 'pending'
        // are sent in queued order), read state, and the sequence number caught up to.
        {
            u"CREATE TABLE messages (local_id TEXT PRIMARY KEY, id TEXT NOT NULL,"
            " conversation_id TEXT NOT NULL, client_id TEXT NOT NULL, seq INTEGER NOT NULL,"
            " author_id TEXT NOT NULL, author_name TEXT NOT NULL, body TEXT NOT NULL,"
            " created_at INTEGER NOT NULL, state TEXT NOT NULL, queued_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX messages_by_conversation ON messages (conversation_id, seq)"_s,
            u"CREATE INDEX messages_outbox ON messages (state, queued_at)"_s,
            u"CREATE TABLE read_state (conversation_id TEXT PRIMARY KEY, workspace_id TEXT"
            " NOT NULL, unread INTEGER NOT NULL, last_read_seq INTEGER NOT NULL)"_s,
        },
        // Why a workspace cannot be opened yet ("two_step_required"), so that a locked workspace
        // starts locked instead of showing its cached conversations until the server answers.
        {
            u"ALTER TABLE workspaces ADD COLUMN locked TEXT NOT NULL DEFAULT ''"_s,
        },
        // Notification settings per workspace as the server last said them, or as changed here
        // and not yet accepted by the server (pending = 1): such a change is sent again when
        // the connection returns, so it is never lost.
        {
            u"CREATE TABLE notification_settings (workspace_id TEXT PRIMARY KEY,"
            " settings TEXT NOT NULL, pending INTEGER NOT NULL)"_s,
        },
        // Messages the server has are keyed by the server's id, no longer by a client id (which
        // another member could reuse); a row stored twice under both keys becomes one. Client
        // ids stay only on the account's own messages, the only ones they may match.
        {
            u"UPDATE OR REPLACE messages SET local_id = id WHERE id <> '' AND local_id <> id"_s,
            u"UPDATE messages SET client_id = '' WHERE id <> '' AND author_id <>"
            " COALESCE((SELECT value FROM meta WHERE key = 'account_id'), '')"_s,
        },
        // The search index (see SearchIndexBuilder for how it is filled, search_text.h for how
        // it matches). Contentless: the text is in messages already, and the index is keyed by
        // seq, not by the table's own key, because seq orders it newest first for free (FTS5
        // walks a doclist by rowid, so "newest 50 that match" stops after 50) and pages by
        // before_seq like the server. Unsent rows (seq 0) are never in it. No column sizes:
        // results are ordered by time, never ranked. The triggers index only what lies at or
        // below the builder's mark (all of it once the index is complete), so a message is never
        // indexed twice, and remove a message's old tokens with its old text before it changes.
        {
            u"CREATE INDEX messages_by_seq ON messages (seq)"_s,
            u"CREATE VIRTUAL TABLE message_search USING fts5(body, content='', columnsize=0,"
            " tokenize='moim')"_s,
            u"CREATE TRIGGER message_search_insert AFTER INSERT ON messages"
            " WHEN new.seq > 0 AND new.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
            " WHERE key = 'search_indexed_seq')"
            " BEGIN INSERT INTO message_search (rowid, body) VALUES (new.seq, new.body); END"_s,
            u"CREATE TRIGGER message_search_delete AFTER DELETE ON messages"
            " WHEN old.seq > 0 AND old.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
            " WHERE key = 'search_indexed_seq')"
            " BEGIN INSERT INTO message_search (message_search, rowid, body)"
            " VALUES ('delete', old.seq, old.body); END"_s,
            u"CREATE TRIGGER message_search_update AFTER UPDATE OF seq, body ON messages BEGIN"
            " INSERT INTO message_search (message_search, rowid, body)"
            " SELECT 'delete', old.seq, old.body WHERE old.seq > 0 AND old.seq <= (SELECT"
            " CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_seq');"
            " INSERT INTO message_search (rowid, body) SELECT new.seq, new.body WHERE new.seq > 0"
            " AND new.seq <= (SELECT CAST(value AS INTEGER) FROM meta"
            " WHERE key = 'search_indexed_seq'); END"_s,
        },
        // Messages change after they are written: each copy carries the server's version, and a
        // copy is replaced only by a newer one. A deleted message keeps no body (the update
        // trigger takes its words out of the index); a reply keeps its quote and a message its
        // reactions, both as the wire spells them. Rows kept so far are as first written.
        {
            u"ALTER TABLE messages ADD COLUMN version INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE messages ADD COLUMN edited_at INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE messages ADD COLUMN reply_to TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE messages ADD COLUMN reactions TEXT NOT NULL DEFAULT ''"_s,
            u"UPDATE messages SET version = seq"_s,
        },
        // Mentions bound to members' ids, kept as the wire spells a message's entities.
        {
            u"ALTER TABLE messages ADD COLUMN entities TEXT NOT NULL DEFAULT ''"_s,
        },
        // The files a message carries, as the wire spells them.
        {
            u"ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT ''"_s,
        },
    };
    return steps;
}

// A null QString binds as SQL NULL; the schema says "empty", not "unknown", for missing text.
QString text(const QString &value)
{
    return value.isNull() ? QString(u""_s) : value;
}

bool exec(QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (query.exec(statement))
        return true;
    qCWarning(lcCache) << "SQL failed:" << statement << query.lastError().text();
    return false;
}

} // namespace

LocalCache::LocalCache()
    : m_connectionName(u"moim-cache-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

LocalCache::~LocalCache()
{
    close();
}

bool LocalCache::isOpen() const
{
    return m_db.isOpen();
}

void LocalCache::close()
{
    m_indexBuilder.reset();
    m_storeMessageQuery.reset();
    if (m_db.isValid()) {
        const bool wasOpen = m_db.isOpen();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        if (wasOpen)
            QFile::remove(inUseMarkPath(m_filePath));
    }
}

// Beside the database while it is open (see open()).
constexpr auto InUseSuffix = "-in-use"_L1;

QString LocalCache::inUseMarkPath(const QString &filePath)
{
    return filePath + InUseSuffix;
}

LocalCache::OpenResult LocalCache::open(const QString &filePath)
{
    close();
    m_filePath = filePath;
    m_quarantinedPath.clear();
    m_rescued.clear();

    // Reading every page (quick_check) costs more than the rest of a start once the cache holds
    // a year of messages, so it is done only when the last run may have left the file half
    // written: its in-use mark is still there, or so is its write-ahead log (the last connection
    // to close removes both).
    const bool closedCleanly =
        !QFileInfo::exists(inUseMarkPath(filePath)) && !QFileInfo::exists(filePath + u"-wal"_s);
    if (openDatabase() && isHealthy(closedCleanly) && migrate() && hasExpectedSchema() &&
        ensureSearchIndex()) {
        markInUse();
        startSearchIndexing();
        return OpenResult::Opened;
    }

    // Damaged or unreadable: keep the file for inspection, start afresh. The cache holds nothing
    // that the server cannot give again — except unsent messages an older version kept here,
    // so whatever of those can still be read is read first.
    close();
    m_rescued = readUnsent(filePath);
    // One damaged file is kept, the newest: a cache damaged at every start must not fill the disk.
    const QFileInfo info(filePath);
    QDir folder = info.absoluteDir();
    for (const QString &old :
         folder.entryList({info.fileName() + u".corrupt-*"_s}, QDir::Files | QDir::Hidden))
        folder.remove(old);
    m_quarantinedPath =
        filePath + u".corrupt-"_s + QString::number(QDateTime::currentSecsSinceEpoch());
    qCWarning(lcCache) << "cache unreadable, moved aside to" << m_quarantinedPath;
    QFile::rename(filePath, m_quarantinedPath);
    QFile::remove(filePath + u"-wal"_s);
    QFile::remove(filePath + u"-shm"_s);
    if (openDatabase() && migrate() && ensureSearchIndex()) {
        markInUse();
        startSearchIndexing();
        return OpenResult::Recovered;
    }
    close();
    return OpenResult::Failed;
}

bool LocalCache::openDatabase()
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_filePath);
    if (!m_db.open()) {
        qCWarning(lcCache) << "cannot open" << m_filePath << m_db.lastError().text();
        return false;
    }
    QFile::setPermissions(m_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return search::registerTokenizer(m_db) && exec(m_db, u"PRAGMA journal_mode=WAL"_s) &&
           exec(m_db, u"PRAGMA foreign_keys=ON"_s);
}

bool LocalCache::isHealthy(bool closedCleanly)
{
    QSqlQuery query(m_db);
    if (closedCleanly) {
        // Cut short or grown by someone else: the header's page count says how long it is.
        qint64 pages = -1;
        qint64 pageSize = -1;
        if (query.exec(u"PRAGMA page_count"_s) && query.next())
            pages = query.value(0).toLongLong();
        if (query.exec(u"PRAGMA page_size"_s) && query.next())
            pageSize = query.value(0).toLongLong();
        if (pages >= 0 && pageSize > 0 && pages * pageSize == QFileInfo(m_filePath).size())
            return true;
        qCInfo(lcCache) << "cache size disagrees with its header; checking every page";
    }
    if (!query.exec(u"PRAGMA quick_check"_s) || !query.next())
        return false;
    return query.value(0).toString() == "ok"_L1;
}

void LocalCache::markInUse() const
{
    QFile mark(inUseMarkPath(m_filePath));
    // Without the mark, a crash goes unnoticed only until the WAL it leaves is seen.
    if (!mark.open(QIODevice::WriteOnly))
        qCInfo(lcCache) << "cannot mark the cache in use:" << mark.errorString();
}

namespace {

// The search index's table, the tables FTS5 keeps it in, and its triggers.
bool isSearchObject(const QString &name)
{
    return name.startsWith("message_search"_L1);
}

struct SchemaEntry
{
    QString type;
    QString name;
    QString sql;
    QString text() const { return type + u' ' + name + u' ' + sql; }
};

// The tables, indexes and triggers of a database, with the SQL that made them.
QList<SchemaEntry> schemaOf(const QSqlDatabase &db)
{
    QList<SchemaEntry> schema;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                    " ORDER BY type, name"_s))
        return {{u"<unreadable>"_s, {}, {}}};
    while (query.next()) {
        schema.append(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    }
    return schema;
}

// What the migrations make of an empty database.
const QList<SchemaEntry> &referenceSchema()
{
    static const QList<SchemaEntry> schema = [] {
        const QString name = u"moim-cache-reference-"_s + QUuid::createUuid().toString();
        QList<SchemaEntry> made;
        {
            QSqlDatabase reference = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            reference.setDatabaseName(u":memory:"_s);
            if (reference.open() && search::registerTokenizer(reference)) {
                for (const QStringList &step : migrations()) {
                    for (const QString &statement : step)
                        exec(reference, statement);
                }
                made = schemaOf(reference);
            }
            reference.close();
        }
        QSqlDatabase::removeDatabase(name);
        return made;
    }();
    return schema;
}

QStringList entriesOf(const QList<SchemaEntry> &schema, bool search)
{
    QStringList entries;
    for (const SchemaEntry &entry : schema) {
        if (isSearchObject(entry.name) == search)
            entries.append(entry.text());
    }
    return entries;
}

// Bumped when the tokenizer changes what it makes of a text; Unicode data (which Qt updates)
// decides what a letter is. An index made under other rules could not remove a changed
// message's old tokens, so it is made again.
QString searchIndexVersion()
{
    return u"1 unicode "_s + QString::number(int(QChar::currentUnicodeVersion()));
}

} // namespace

bool LocalCache::hasExpectedSchema()
{
    // A file that claims the current version but whose tables differ (written by something
    // else, or edited) would fail every query later: compare it with what the migrations make.
    // The search index is checked on its own (ensureSearchIndex): a damaged index is made again,
    // not a reason to drop the cache.
    const QStringList expected = entriesOf(referenceSchema(), false);
    // Extra tables are left alone (nothing reads them); a missing or different one is not.
    const QStringList actual = entriesOf(schemaOf(m_db), false);
    if (!expected.isEmpty() &&
        std::all_of(expected.cbegin(), expected.cend(),
                    [&actual](const QString &entry) { return actual.contains(entry); }))
        return true;
    qCWarning(lcCache) << "cache tables differ from schema" << SchemaVersion;
    return false;
}

bool LocalCache::ensureSearchIndex()
{
    QStringList expected = entriesOf(referenceSchema(), true);
    QStringList actual = entriesOf(schemaOf(m_db), true);
    expected.sort();
    actual.sort();
    bool intact = !expected.isEmpty() && expected == actual;
    if (intact) {
        // Reading the index loads its structure record: a damaged one fails here.
        QSqlQuery probe(m_db);
        intact = probe.exec(u"SELECT rowid FROM message_search WHERE message_search MATCH"
                            " '\"moim\"' LIMIT 1"_s);
        probe.next();
        intact = intact && !probe.lastError().isValid();
    }
    const QString version = meta(u"search_index_version"_s);
    if (intact && version == searchIndexVersion())
        return true;
    if (!intact)
        qCWarning(lcCache) << "search index missing or damaged: making it again";
    else if (!version.isEmpty())
        qCInfo(lcCache) << "search index made under other rules: making it again";
    // A version-less index was just made by the migration, empty.
    const bool fresh = intact && version.isEmpty();
    return (fresh || resetSearchIndex()) &&
           setMeta(u"search_index_version"_s, searchIndexVersion());
}

bool LocalCache::resetSearchIndex() const
{
    m_indexBuilder.reset();
    QSqlDatabase db = m_db;
    if (!db.transaction())
        return false;
    const QList<SchemaEntry> actual = schemaOf(db);
    const auto has = [&actual](const QString &name) {
        return std::any_of(actual.cbegin(), actual.cend(),
                           [&name](const SchemaEntry &entry) { return entry.name == name; });
    };
    bool ok = true;
    for (const SchemaEntry &entry : actual) {
        if (ok && entry.type == "trigger"_L1 && isSearchObject(entry.name))
            ok = exec(db, u"DROP TRIGGER "_s + entry.name);
    }
    if (ok && has(u"message_search"_s) && !exec(db, u"DROP TABLE message_search"_s)) {
        // FTS5 cannot even open (so not drop) a table one of whose own tables is gone or
        // unreadable: its entry goes from the schema, and its tables are dropped below as the
        // plain tables they then are.
        ok = exec(db, u"PRAGMA writable_schema = ON"_s) &&
             exec(db, u"DELETE FROM sqlite_master WHERE type = 'table'"
                      " AND name = 'message_search'"_s) &&
             exec(db, u"PRAGMA writable_schema = RESET"_s);
    }
    // Whatever is left of an index whose table was lost or could not be opened.
    for (const SchemaEntry &entry : actual) {
        if (ok && entry.type == "table"_L1 && isSearchObject(entry.name) &&
            entry.name != "message_search"_L1)
            ok = exec(db, u"DROP TABLE IF EXISTS "_s + entry.name);
    }
    for (const SchemaEntry &entry : referenceSchema()) {
        if (ok && isSearchObject(entry.name) &&
            (entry.name == "message_search"_L1 || entry.type == "trigger"_L1))
            ok = exec(db, entry.sql);
    }
    ok = ok && exec(db, u"DELETE FROM meta WHERE key = 'search_indexed_seq'"_s);
    return ok ? db.commit() : (db.rollback(), false);
}

void LocalCache::startSearchIndexing() const
{
    if (isSearchIndexComplete())
        return;
    if (!m_indexBuilder)
        m_indexBuilder = std::make_unique<SearchIndexBuilder>(m_filePath);
    m_indexBuilder->start();
}

bool LocalCache::isSearchIndexComplete() const
{
    return meta(u"search_indexed_seq"_s) == QString::number(SearchIndexBuilder::Complete);
}

int LocalCache::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool LocalCache::migrate()
{
    const int current = schemaVersion();
    if (current < 0)
        return false;
    if (current > SchemaVersion) {
        // Written by a newer Moim: do not guess at its meaning.
        qCWarning(lcCache) << "cache schema" << current << "is newer than" << SchemaVersion;
        return false;
    }
    for (int version = current + 1; version <= SchemaVersion; ++version) {
        if (!m_db.transaction())
            return false;
        bool ok = true;
        for (const QString &statement : migrations().at(version - 1))
            ok = ok && exec(m_db, statement);
        ok = ok && exec(m_db, u"PRAGMA user_version = %1"_s.arg(version));
        if (!ok || !m_db.commit()) {
            m_db.rollback();
            return false;
        }
    }
    return true;
}

QString LocalCache::meta(const QString &key) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

bool LocalCache::setMeta(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec();
}

AccountIdentity LocalCache::identity() const
{
    return {meta(u"account_id"_s), meta(u"email"_s), meta(u"display_name"_s)};
}

bool LocalCache::storeIdentity(const AccountIdentity &identity)
{
    if (!m_db.transaction())
        return false;
    const bool ok = setMeta(u"account_id"_s, text(identity.id)) &&
                    setMeta(u"email"_s, text(identity.email)) &&
                    setMeta(u"display_name"_s, text(identity.displayName));
    return ok ? m_db.commit() : (m_db.rollback(), false);
}

QList<Workspace> LocalCache::workspaces() const
{
    QList<Workspace> result;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT id, name, name_en, initials, color, role, locked FROM workspaces"
                    " ORDER BY position"_s))
        return result;
    while (query.next()) {
        Workspace workspace;
        workspace.id = query.value(0).toString();
        workspace.name = query.value(1).toString();
        workspace.nameEn = query.value(2).toString();
        workspace.initials = query.value(3).toString();
        workspace.color = query.value(4).toString();
        workspace.role = query.value(5).toString();
        workspace.locked = query.value(6).toString();
        result.append(workspace);
    }
    return result;
}

bool LocalCache::storeWorkspaces(const QList<Workspace> &workspaces)
{
    if (!m_db.transaction())
        return false;
    bool ok = exec(m_db, u"DELETE FROM workspaces"_s);
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO workspaces (id, position, name, name_en, initials, color, role,"
                   " locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; ok && i < workspaces.size(); ++i) {
        const Workspace &workspace = workspaces.at(i);
        insert.addBindValue(text(workspace.id));
        insert.addBindValue(int(i));
        insert.addBindValue(text(workspace.name));
        insert.addBindValue(text(workspace.nameEn));
        insert.addBindValue(text(workspace.initials));
        insert.addBindValue(text(workspace.color));
        insert.addBindValue(text(workspace.role));
        insert.addBindValue(text(workspace.locked));
        ok = insert.exec();
    }
    // Conversations of workspaces the user left must not linger in the cache.
    ok = ok && exec(m_db, u"DELETE FROM conversations WHERE workspace_id NOT IN"
                          " (SELECT id FROM workspaces)"_s);
    return ok ? m_db.commit() : (m_db.rollback(), false);
}

QList<Conversation> LocalCache::conversations(const QString &workspaceId) const
{
    QList<Conversation> result;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, kind, name, topic, last_activity FROM conversations"
                  " WHERE workspace_id = ? ORDER BY position"_s);
    query.addBindValue(workspaceId);
    if (!query.exec())
        return result;
    while (query.next()) {
        Conversation conversation;
        conversation.id = query.value(0).toString();
        conversation.workspaceId = workspaceId;
        conversation.kind = query.value(1).toString() == "direct"_L1 ? Conversation::Kind::Direct
                                                                     : Conversation::Kind::Channel;
        conversation.name = query.value(2).toString();
        conversation.topic = query.value(3).toString();
        conversation.lastActivity = query.value(4).toLongLong();
        result.append(conversation);
    }
    return result;
}

bool LocalCache::storeConversations(const QString &workspaceId,
                                    const QList<Conversation> &conversations)
{
    if (!m_db.transaction())
        return false;
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM conversations WHERE workspace_id = ?"_s);
    remove.addBindValue(workspaceId);
    bool ok = remove.exec();
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO conversations (id, workspace_id, position, kind, name, topic,"
                   " last_activity) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; ok && i < conversations.size(); ++i) {
        const Conversation &conversation = conversations.at(i);
        insert.addBindValue(text(conversation.id));
        insert.addBindValue(workspaceId);
        insert.addBindValue(int(i));
        insert.addBindValue(conversation.kind == Conversation::Kind::Direct ? u"direct"_s
                                                                            : u"channel"_s);
        insert.addBindValue(text(conversation.name));
        insert.addBindValue(text(conversation.topic));
        insert.addBindValue(conversation.lastActivity);
        ok = insert.exec();
        if (!ok)
            qCWarning(lcCache) << "cannot store conversation:" << insert.lastError().text();
    }
    return ok ? m_db.commit() : (m_db.rollback(), false);
}

namespace {

QString stateName(Message::State state)
{
    switch (state) {
    case Message::State::Pending:
        return u"pending"_s;
    case Message::State::Failed:
        return u"failed"_s;
    case Message::State::Sent:
        break;
    }
    return u"sent"_s;
}

Message::State stateFrom(const QString &name)
{
    if (name == "pending"_L1)
        return Message::State::Pending;
    if (name == "failed"_L1)
        return Message::State::Failed;
    return Message::State::Sent;
}

// The columns every schema since version 2 has (what a damaged file's unsent rows are read
// with), then those of changed messages.
const auto UnsentColumns = u"local_id, id, conversation_id, client_id, seq, author_id,"
                           " author_name, body, created_at, state"_s;
const auto MessageColumns =
    UnsentColumns + u", version, edited_at, deleted, reply_to, reactions, entities, attachments"_s;

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString replyText(const Message &message)
{
    return message.replyTo && !message.deleted ? jsonText(message.replyTo->toJson()) : u""_s;
}

QString entitiesText(const Message &message)
{
    if (message.entities.isEmpty() || message.deleted)
        return u""_s;
    return QString::fromUtf8(QJsonDocument(moim::protocol::messageEntitiesToJson(message.entities))
                                 .toJson(QJsonDocument::Compact));
}

QString attachmentsText(const Message &message)
{
    if (message.attachments.isEmpty() || message.deleted)
        return u""_s;
    return QString::fromUtf8(
        QJsonDocument(Attachment::listToJson(message.attachments)).toJson(QJsonDocument::Compact));
}

QString reactionsText(const Message &message)
{
    if (message.reactions.isEmpty() || message.deleted)
        return u""_s;
    return QString::fromUtf8(
        QJsonDocument(Message::reactionsToJson(message.reactions)).toJson(QJsonDocument::Compact));
}

Message messageFrom(const QSqlQuery &query)
{
    Message message;
    message.localId = query.value(0).toString();
    message.id = query.value(1).toString();
    message.conversationId = query.value(2).toString();
    message.clientId = query.value(3).toString();
    message.seq = query.value(4).toLongLong();
    message.authorId = query.value(5).toString();
    message.authorName = query.value(6).toString();
    message.body = query.value(7).toString();
    message.createdAt = query.value(8).toLongLong();
    message.state = stateFrom(query.value(9).toString());
    if (query.record().count() <= 10)
        return message; // an unsent row read from a damaged file
    message.version = query.value(10).toLongLong();
    message.editedAt = query.value(11).toLongLong();
    message.deleted = query.value(12).toBool();
    // Written by us, but read as outside input: what does not parse is left out.
    message.replyTo =
        ReplyQuote::fromJson(QJsonDocument::fromJson(query.value(13).toByteArray()).object());
    message.reactions =
        Message::reactionsFromJson(QJsonDocument::fromJson(query.value(14).toByteArray()).array());
    message.entities = Message::entitiesFromJson(
        QJsonDocument::fromJson(query.value(15).toByteArray()).array(), message.body);
    message.attachments =
        Attachment::listFromJson(QJsonDocument::fromJson(query.value(16).toByteArray()).array());
    return message;
}

} // namespace

bool LocalCache::storeMessage(const Message &message)
{
    if (!message.id.isEmpty() && !message.clientId.isEmpty() &&
        message.localId != message.clientId) {
        // Confirmed by the server: the unsent row it was goes, the message takes its place
        // under the server's id.
        QSqlQuery confirmed(m_db);
        confirmed.prepare(u"DELETE FROM messages WHERE local_id = ? AND id = '' AND author_id = ?"
                          " AND conversation_id = ?"_s);
        confirmed.addBindValue(message.clientId);
        confirmed.addBindValue(text(message.authorId));
        confirmed.addBindValue(text(message.conversationId));
        if (!confirmed.exec()) {
            qCWarning(lcCache) << "cannot replace an unsent message:"
                               << confirmed.lastError().text();
            return false;
        }
    }
    // A row keeps its queued_at when it is updated, so the outbox order survives a retry. A copy
    // of a message the server has replaces the stored one only when its version is higher
    // (Message::supersedes): events and pages arrive in any order, and the newest one stays.
    if (!m_storeMessageQuery) {
        m_storeMessageQuery = std::make_unique<QSqlQuery>(m_db);
        m_storeMessageQuery->prepare(
            u"INSERT INTO messages (local_id, id, conversation_id, client_id, seq,"
            " author_id, author_name, body, created_at, state, queued_at, version,"
            " edited_at, deleted, reply_to, reactions, entities, attachments)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " CASE WHEN ? = 'pending' THEN (SELECT COALESCE(MAX(queued_at), 0) + 1"
            " FROM messages WHERE state = 'pending') ELSE 0 END, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (local_id) DO UPDATE SET id = excluded.id, seq = excluded.seq,"
            " author_name = excluded.author_name, body = excluded.body,"
            " created_at = excluded.created_at, state = excluded.state,"
            " version = excluded.version, edited_at = excluded.edited_at,"
            " deleted = excluded.deleted, reply_to = excluded.reply_to,"
            " reactions = excluded.reactions, entities = excluded.entities,"
            " attachments = excluded.attachments"
            " WHERE messages.id = '' OR excluded.version > messages.version"_s);
    }
    QSqlQuery &query = *m_storeMessageQuery;
    query.addBindValue(text(message.localId));
    query.addBindValue(text(message.id));
    query.addBindValue(text(message.conversationId));
    query.addBindValue(text(message.clientId));
    query.addBindValue(message.seq);
    query.addBindValue(text(message.authorId));
    query.addBindValue(text(message.authorName));
    // A deleted message's words are erased here too, and so leave the search index.
    query.addBindValue(message.deleted ? u""_s : text(message.body));
    query.addBindValue(message.createdAt);
    query.addBindValue(stateName(message.state));
    // Only the outbox needs an order of its own; looking it up among pending rows uses the
    // (state, queued_at) index instead of scanning every message.
    query.addBindValue(stateName(message.state));
    query.addBindValue(message.version);
    query.addBindValue(message.editedAt);
    query.addBindValue(message.deleted ? 1 : 0);
    query.addBindValue(replyText(message));
    query.addBindValue(reactionsText(message));
    query.addBindValue(entitiesText(message));
    query.addBindValue(attachmentsText(message));
    if (!query.exec()) {
        qCWarning(lcCache) << "cannot store a message:" << query.lastError().text();
        return false;
    }
    return query.numRowsAffected() == 0 || refreshQuotesOf(message);
}

bool LocalCache::updateMessages(const QList<Message> &messages)
{
    if (!m_db.transaction())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET author_name = ?, body = ?, version = ?, edited_at = ?,"
                  " deleted = ?, reply_to = ?, reactions = ?, entities = ?, attachments = ?"
                  " WHERE local_id = ? AND id <> '' AND version < ?"_s);
    bool ok = true;
    for (const Message &message : messages) {
        if (message.id.isEmpty())
            continue;
        query.addBindValue(text(message.authorName));
        query.addBindValue(message.deleted ? u""_s : text(message.body));
        query.addBindValue(message.version);
        query.addBindValue(message.editedAt);
        query.addBindValue(message.deleted ? 1 : 0);
        query.addBindValue(replyText(message));
        query.addBindValue(reactionsText(message));
        query.addBindValue(entitiesText(message));
        query.addBindValue(attachmentsText(message));
        query.addBindValue(message.id);
        query.addBindValue(message.version);
        ok = query.exec() && (query.numRowsAffected() == 0 || refreshQuotesOf(message));
        if (!ok) {
            qCWarning(lcCache) << "cannot update a message:" << query.lastError().text();
            break;
        }
    }
    return ok ? m_db.commit() : (m_db.rollback(), false);
}

bool LocalCache::refreshQuotesOf(const Message &original)
{
    // The server works a quote out when it serves the reply, so the reply's own version does not
    // move when its original changes: the stored quotes follow here.
    if (original.id.isEmpty() || (original.editedAt <= 0 && !original.deleted))
        return true;
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET reply_to = json_set(reply_to, '$.snippet', ?,"
                  " '$.deleted', json(?)) WHERE conversation_id = ? AND reply_to <> ''"
                  " AND json_valid(reply_to) AND json_extract(reply_to, '$.id') = ?"_s);
    query.addBindValue(original.deleted ? u""_s : ReplyQuote::snippetOf(original.body));
    query.addBindValue(original.deleted ? u"true"_s : u"false"_s);
    query.addBindValue(text(original.conversationId));
    query.addBindValue(original.id);
    if (query.exec())
        return true;
    qCWarning(lcCache) << "cannot update the quotes of a message:" << query.lastError().text();
    return false;
}

std::optional<Message> LocalCache::message(const QString &localId) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + MessageColumns + u" FROM messages WHERE local_id = ?"_s);
    query.addBindValue(localId);
    if (query.exec() && query.next())
        return messageFrom(query);
    return std::nullopt;
}

bool LocalCache::storeMessages(const QList<Message> &messages)
{
    return storeBatch(messages, -1, {});
}

QHash<QString, Message> LocalCache::newestMessages(const QStringList &conversationIds) const
{
    QHash<QString, Message> newest;
    QSqlQuery query(m_db);
    // One statement prepared once and answered from the (conversation_id, seq) index for each.
    query.prepare(u"SELECT "_s + MessageColumns +
                  u" FROM messages WHERE conversation_id = ? AND seq > 0"
                  " ORDER BY seq DESC LIMIT 1"_s);
    for (const QString &id : conversationIds) {
        query.bindValue(0, id);
        if (query.exec() && query.next())
            newest.insert(id, messageFrom(query));
    }
    return newest;
}

QList<Message> LocalCache::messages(const QString &conversationId, qint64 beforeSeq,
                                    int limit) const
{
    QList<Message> result;
    QSqlQuery query(m_db);
    // Two plain forms rather than "(? = 0 OR seq < ?)", which SQLite cannot answer from the
    // (conversation_id, seq) index: paging back through a long history must not scan it.
    query.prepare(
        u"SELECT "_s + MessageColumns + u" FROM messages WHERE conversation_id = ? AND seq > 0"_s +
        (beforeSeq > 0 ? u" AND seq < ?"_s : QString()) + u" ORDER BY seq DESC LIMIT ?"_s);
    query.addBindValue(conversationId);
    if (beforeSeq > 0)
        query.addBindValue(beforeSeq);
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next())
            result.prepend(messageFrom(query));
    }
    if (beforeSeq == 0) {
        QSqlQuery pending(m_db);
        pending.prepare(u"SELECT "_s + MessageColumns +
                        u" FROM messages WHERE conversation_id = ? AND seq = 0"
                        " ORDER BY queued_at"_s);
        pending.addBindValue(conversationId);
        if (pending.exec()) {
            while (pending.next())
                result.append(messageFrom(pending));
        }
    }
    return result;
}

QList<Message> LocalCache::pendingMessages() const
{
    QList<Message> result;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT "_s + MessageColumns +
                    u" FROM messages WHERE state = 'pending' ORDER BY queued_at"_s))
        return result;
    while (query.next())
        result.append(messageFrom(query));
    return result;
}

QList<Message> LocalCache::readUnsent(const QString &filePath)
{
    QList<Message> result;
    readDamagedDatabase(filePath, [&result](QSqlDatabase &db) {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT "_s + UnsentColumns +
                        u" FROM messages WHERE id = '' AND state IN ('pending', 'failed')"
                        " ORDER BY queued_at, created_at"_s))
            return;
        while (query.next())
            result.append(messageFrom(query));
    });
    if (!result.isEmpty())
        qCWarning(lcCache) << "rescued" << result.size() << "unsent messages from a damaged cache";
    return result;
}

QList<Message> LocalCache::unsentMessages() const
{
    QList<Message> result;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT "_s + MessageColumns +
                    u" FROM messages WHERE id = '' AND state IN ('pending', 'failed')"
                    " ORDER BY queued_at, created_at"_s))
        return result;
    while (query.next())
        result.append(messageFrom(query));
    return result;
}

bool LocalCache::removeUnsentMessages()
{
    m_rescued.clear();
    return !isOpen() ||
           exec(m_db, u"DELETE FROM messages WHERE id = '' AND state IN ('pending', 'failed')"_s);
}

int LocalCache::countByOthersAfter(const QString &conversationId, qint64 afterSeq,
                                   const QString &authorId) const
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND seq > ?"
                  " AND author_id <> ?"_s);
    query.addBindValue(conversationId);
    query.addBindValue(std::max<qint64>(afterSeq, 0));
    query.addBindValue(authorId);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toInt();
}

QList<Message> LocalCache::searchMessages(const LocalSearch &search) const
{
    QList<Message> found;
    const QString expression = search::matchExpression(search.terms);
    if (!isOpen() || expression.isEmpty() || search.limit <= 0)
        return found;
    // The index walks its matches newest first (rowid = seq) and the filters are checked on
    // each, so a search stops as soon as it has its page instead of sorting every match.
    // CROSS JOIN keeps the index as the outer loop, which is what lets it stop early.
    QString sql = u"SELECT m."_s + MessageColumns.split(u", "_s).join(u", m."_s) +
                  u" FROM message_search CROSS JOIN messages m ON m.seq = message_search.rowid"
                  " WHERE message_search MATCH ?"_s;
    if (search.beforeSeq > 0)
        sql += u" AND message_search.rowid < ?"_s;
    if (!search.conversationIds.isEmpty()) {
        QStringList marks(search.conversationIds.size(), u"?"_s);
        sql += u" AND m.conversation_id IN ("_s + marks.join(u", "_s) + u')';
    }
    if (!search.authorId.isEmpty())
        sql += u" AND m.author_id = ?"_s;
    if (search.afterTime > 0)
        sql += u" AND m.created_at > ?"_s;
    if (search.beforeTime > 0)
        sql += u" AND m.created_at < ?"_s;
    sql += u" ORDER BY message_search.rowid DESC"_s;

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(expression);
    if (search.beforeSeq > 0)
        query.addBindValue(search.beforeSeq);
    for (const QString &id : search.conversationIds)
        query.addBindValue(id);
    if (!search.authorId.isEmpty())
        query.addBindValue(search.authorId);
    if (search.afterTime > 0)
        query.addBindValue(search.afterTime);
    if (search.beforeTime > 0)
        query.addBindValue(search.beforeTime);
    if (query.exec()) {
        while (found.size() < search.limit && query.next()) {
            Message message = messageFrom(query);
            // The index finds candidates; the text decides (a phrase of words can be a near
            // miss across punctuation, v2 1 for v2.1).
            if (search::matchesAll(message.body, search.terms))
                found.append(std::move(message));
        }
    }
    const QSqlError error = query.lastError();
    if (error.isValid()) {
        qCWarning(lcCache) << "search failed:" << error.text();
        // SQLITE_ERROR (a table of the index is gone) or SQLITE_CORRUPT: make it again. Busy
        // or I/O errors pass.
        const int code = error.nativeErrorCode().toInt() & 0xff;
        if ((code == 1 || code == 11) && resetSearchIndex())
            startSearchIndexing();
    }
    return found;
}

qint64 LocalCache::lastSeq() const
{
    return meta(u"last_seq"_s).toLongLong();
}

bool LocalCache::setLastSeq(qint64 seq)
{
    return setMeta(u"last_seq"_s, QString::number(seq));
}

QList<LocalCache::ReadState> LocalCache::readStates() const
{
    QList<ReadState> result;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT conversation_id, workspace_id, unread, last_read_seq"
                    " FROM read_state"_s))
        return result;
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt(),
                       query.value(3).toLongLong()});
    }
    return result;
}

bool LocalCache::storeReadStates(const QList<ReadState> &states)
{
    return storeBatch({}, -1, states);
}

bool LocalCache::storeBatch(const QList<Message> &messages, qint64 lastSeq,
                            const QList<ReadState> &readStates)
{
    if (messages.isEmpty() && lastSeq < 0 && readStates.isEmpty())
        return true;
    if (!m_db.transaction())
        return false;
    bool ok = true;
    for (const Message &message : messages)
        ok = ok && storeMessage(message);
    if (ok && lastSeq >= 0)
        ok = setLastSeq(lastSeq);
    ok = ok && writeReadStates(readStates);
    return ok ? m_db.commit() : (m_db.rollback(), false);
}

bool LocalCache::writeReadStates(const QList<ReadState> &states)
{
    if (states.isEmpty())
        return true;
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO read_state (conversation_id, workspace_id, unread,"
                  " last_read_seq) VALUES (?, ?, ?, ?)"_s);
    bool ok = true;
    for (const ReadState &state : states) {
        query.addBindValue(text(state.conversationId));
        query.addBindValue(text(state.workspaceId));
        query.addBindValue(state.unread);
        query.addBindValue(state.lastReadSeq);
        ok = ok && query.exec();
    }
    return ok;
}

QList<LocalCache::CachedNotificationSettings> LocalCache::notificationSettings() const
{
    QList<CachedNotificationSettings> result;
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT workspace_id, settings, pending FROM notification_settings"_s))
        return result;
    while (query.next()) {
        // Written by us, but read as outside input: a damaged row is skipped, not trusted.
        const QJsonObject json = QJsonDocument::fromJson(query.value(1).toByteArray()).object();
        const auto settings = NotificationSettings::fromJson(json);
        if (!settings) {
            qCWarning(lcCache) << "skipping unreadable notification settings of"
                               << query.value(0).toString();
            continue;
        }
        result.append({query.value(0).toString(), *settings, query.value(2).toBool()});
    }
    return result;
}

bool LocalCache::storeNotificationSettings(const QString &workspaceId,
                                           const NotificationSettings &settings, bool pending)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT OR REPLACE INTO notification_settings (workspace_id, settings,"
                  " pending) VALUES (?, ?, ?)"_s);
    query.addBindValue(text(workspaceId));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(pending ? 1 : 0);
    if (query.exec())
        return true;
    qCWarning(lcCache) << "cannot store notification settings:" << query.lastError().text();
    return false;
}

bool LocalCache::removeFiles(const QString &filePath)
{
    bool ok = true;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, QString(InUseSuffix)}) {
        const QString path = filePath + suffix;
        if (QFileInfo::exists(path))
            ok = QFile::remove(path) && ok;
    }
    return ok;
}

} // namespace moim
