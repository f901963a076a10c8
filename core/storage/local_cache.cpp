#include "local_cache.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

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
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

LocalCache::OpenResult LocalCache::open(const QString &filePath)
{
    close();
    m_filePath = filePath;
    m_quarantinedPath.clear();

    if (openDatabase() && isHealthy() && migrate())
        return OpenResult::Opened;

    // Damaged or unreadable: keep the file for inspection, start afresh. The cache holds nothing
    // that the server cannot give again.
    close();
    m_quarantinedPath =
        filePath + u".corrupt-"_s + QString::number(QDateTime::currentSecsSinceEpoch());
    qCWarning(lcCache) << "cache unreadable, moved aside to" << m_quarantinedPath;
    QFile::rename(filePath, m_quarantinedPath);
    QFile::remove(filePath + u"-wal"_s);
    QFile::remove(filePath + u"-shm"_s);
    if (openDatabase() && migrate())
        return OpenResult::Recovered;
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
    return exec(m_db, u"PRAGMA journal_mode=WAL"_s) && exec(m_db, u"PRAGMA foreign_keys=ON"_s);
}

bool LocalCache::isHealthy()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA quick_check"_s) || !query.next())
        return false;
    return query.value(0).toString() == "ok"_L1;
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
    if (!query.exec(u"SELECT id, name, name_en, initials, color, role FROM workspaces"
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
    insert.prepare(u"INSERT INTO workspaces (id, position, name, name_en, initials, color, role)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (qsizetype i = 0; ok && i < workspaces.size(); ++i) {
        const Workspace &workspace = workspaces.at(i);
        insert.addBindValue(text(workspace.id));
        insert.addBindValue(int(i));
        insert.addBindValue(text(workspace.name));
        insert.addBindValue(text(workspace.nameEn));
        insert.addBindValue(text(workspace.initials));
        insert.addBindValue(text(workspace.color));
        insert.addBindValue(text(workspace.role));
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

bool LocalCache::removeFiles(const QString &filePath)
{
    bool ok = true;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
        const QString path = filePath + suffix;
        if (QFileInfo::exists(path))
            ok = QFile::remove(path) && ok;
    }
    return ok;
}

} // namespace moim
