#include "database.h"

#include "secure_token.h"
#include "server_logging.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <search/search_text.h>

namespace moim::server {

using namespace Qt::StringLiterals;

namespace {

// Step N brings the schema from version N-1 to N. Never edit a step once released; add one.
const QStringList &migrationStep(int version)
{
    static const QList<QStringList> steps = {
        {
            QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
                           "display_name TEXT NOT NULL, password_hash TEXT NOT NULL, "
                           "deactivated INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                           "name_en TEXT NOT NULL, color TEXT NOT NULL, "
                           "position INTEGER NOT NULL, created_at INTEGER NOT NULL)"),
            // A removed membership is gone for good; deactivation is a flag on the user, so
            // reactivation restores exactly the memberships the account had.
            QStringLiteral("CREATE TABLE memberships (user_id TEXT NOT NULL REFERENCES users(id), "
                           "workspace_id TEXT NOT NULL REFERENCES workspaces(id), "
                           "role TEXT NOT NULL, PRIMARY KEY (user_id, workspace_id))"),
            QStringLiteral("CREATE TABLE conversations (id TEXT PRIMARY KEY, "
                           "workspace_id TEXT NOT NULL REFERENCES workspaces(id), "
                           "kind TEXT NOT NULL, name TEXT, topic TEXT NOT NULL DEFAULT '', "
                           "created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE conversation_members (conversation_id TEXT NOT NULL "
                           "REFERENCES conversations(id), user_id TEXT NOT NULL REFERENCES "
                           "users(id), PRIMARY KEY (conversation_id, user_id))"),
            QStringLiteral("CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT "
                           "NULL REFERENCES conversations(id), author TEXT NOT NULL REFERENCES "
                           "users(id), body TEXT NOT NULL, created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation_id, "
                           "created_at)"),
            // last_refresh_hash is the revocation proof: base64url SHA-256 of the newest
            // refresh token of the session.
            QStringLiteral("CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                           "REFERENCES users(id), device_name TEXT NOT NULL, device_os TEXT NOT "
                           "NULL, device_kind TEXT NOT NULL, created_at INTEGER NOT NULL, "
                           "expires_at INTEGER NOT NULL, revoked_at INTEGER, revoke_reason TEXT, "
                           "last_refresh_hash TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE access_tokens (hash BLOB PRIMARY KEY, session_id TEXT "
                           "NOT NULL REFERENCES sessions(id), expires_at INTEGER NOT NULL)"),
            // successor_box is the next refresh token encrypted under a key derived from this
            // (used) token: the grace period can hand it out again without storing it.
            QStringLiteral("CREATE TABLE refresh_tokens (hash BLOB PRIMARY KEY, session_id TEXT "
                           "NOT NULL REFERENCES sessions(id), created_at INTEGER NOT NULL, "
                           "used_at INTEGER, successor_nonce BLOB, successor_box BLOB)"),
            QStringLiteral("CREATE INDEX refresh_by_session ON refresh_tokens (session_id)"),
            QStringLiteral("CREATE INDEX access_by_session ON access_tokens (session_id)"),
            QStringLiteral("CREATE TABLE login_failures (email_key TEXT PRIMARY KEY, failures "
                           "INTEGER NOT NULL, last_failure INTEGER NOT NULL)"),
        },
        // Onboarding and recovery: invitations, the dev mailbox, password resets, and the
        // devices an account has signed in from (for "new sign-in" mails).
        {
            // A resend ends the old row (replaced_by) and starts a new one with a new token.
            QStringLiteral("CREATE TABLE invites (id TEXT PRIMARY KEY, token_hash BLOB NOT NULL "
                           "UNIQUE, email TEXT NOT NULL, workspace_id TEXT NOT NULL REFERENCES "
                           "workspaces(id), inviter_name TEXT NOT NULL, created_at INTEGER NOT "
                           "NULL, expires_at INTEGER NOT NULL, used_at INTEGER, revoked_at "
                           "INTEGER, replaced_by TEXT)"),
            QStringLiteral("CREATE TABLE mails (id INTEGER PRIMARY KEY AUTOINCREMENT, recipient "
                           "TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT "
                           "NOT NULL, links TEXT NOT NULL, sent_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE password_resets (token_hash BLOB PRIMARY KEY, user_id "
                           "TEXT NOT NULL REFERENCES users(id), created_at INTEGER NOT NULL, "
                           "expires_at INTEGER NOT NULL, used_at INTEGER)"),
            QStringLiteral("CREATE TABLE reset_requests (email TEXT NOT NULL, requested_at "
                           "INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE known_devices (user_id TEXT NOT NULL REFERENCES "
                           "users(id), device_key TEXT NOT NULL, first_seen INTEGER NOT NULL, "
                           "PRIMARY KEY (user_id, device_key))"),
        },
        // Chat: a global message sequence (clients catch up "after seq N"), client ids for
        // exactly-once sending, and what each user has read.
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN seq INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN client_id TEXT"),
            QStringLiteral("UPDATE messages SET seq = rowid"),
            QStringLiteral("CREATE INDEX messages_by_seq ON messages (seq)"),
            QStringLiteral("CREATE INDEX messages_by_conversation_seq ON messages "
                           "(conversation_id, seq)"),
            QStringLiteral("CREATE UNIQUE INDEX messages_by_client_id ON messages (author, "
                           "client_id) WHERE client_id IS NOT NULL"),
            QStringLiteral("CREATE TABLE reads (user_id TEXT NOT NULL REFERENCES users(id), "
                           "conversation_id TEXT NOT NULL REFERENCES conversations(id), "
                           "last_read_seq INTEGER NOT NULL, PRIMARY KEY (user_id, "
                           "conversation_id))"),
        },
        // 2-step verification. The TOTP secret must be readable to check codes, so it is kept
        // as is (this is a mock server; a real one would seal it with a server key). last_step
        // is the newest time step accepted, which refuses a replayed code. Recovery codes and
        // challenge ids are random and stored only as SHA-256.
        {
            QStringLiteral("CREATE TABLE two_step (user_id TEXT PRIMARY KEY REFERENCES users(id), "
                           "secret BLOB, pending_secret BLOB, enabled_at INTEGER, "
                           "last_step INTEGER NOT NULL DEFAULT -1)"),
            QStringLiteral("CREATE TABLE recovery_codes (hash BLOB PRIMARY KEY, user_id TEXT NOT "
                           "NULL REFERENCES users(id), used_at INTEGER)"),
            QStringLiteral("CREATE INDEX recovery_by_user ON recovery_codes (user_id)"),
            QStringLiteral("CREATE TABLE second_factor_challenges (hash BLOB PRIMARY KEY, "
                           "user_id TEXT NOT NULL REFERENCES users(id), email_key TEXT NOT NULL, "
                           "device_name TEXT NOT NULL, device_os TEXT NOT NULL, device_kind TEXT "
                           "NOT NULL, expires_at INTEGER NOT NULL, failures INTEGER NOT NULL "
                           "DEFAULT 0, ended INTEGER NOT NULL DEFAULT 0)"),
            // Whether the session proved a second factor: QR approval will require it of the
            // approving phone.
            QStringLiteral("ALTER TABLE sessions ADD COLUMN two_step_passed INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE sessions ADD COLUMN last_active INTEGER"),
            QStringLiteral("ALTER TABLE workspaces ADD COLUMN require_two_step INTEGER NOT NULL "
                           "DEFAULT 0"),
        },
        // Personal accounts: the mock server is also the personal-account provider. A personal
        // account links to at most one work account (its primary key) and a work account to at
        // most one personal account (unique). Personal sessions are the phone's sign-in to the
        // provider, stored as token hashes. A report blocks pushes to the personal account for a
        // while, also across a restart.
        {
            QStringLiteral("CREATE TABLE personal_accounts (id TEXT PRIMARY KEY, display_name "
                           "TEXT NOT NULL, password_hash TEXT NOT NULL, created_at INTEGER NOT "
                           "NULL)"),
            QStringLiteral("CREATE TABLE personal_sessions (token_hash BLOB PRIMARY KEY, "
                           "personal_id TEXT NOT NULL REFERENCES personal_accounts(id), "
                           "device_name TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at "
                           "INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE personal_links (personal_id TEXT PRIMARY KEY REFERENCES "
                           "personal_accounts(id), user_id TEXT NOT NULL UNIQUE REFERENCES "
                           "users(id), linked_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE push_blocks (personal_id TEXT PRIMARY KEY, "
                           "blocked_until INTEGER NOT NULL)"),
        },
        // Notification settings, per user and workspace, so they follow the user to every
        // device. Times are minutes after midnight on the user's own clock; days are the
        // weekdays ("mon,fri") on which a quiet period starts.
        {
            QStringLiteral("CREATE TABLE notification_settings (user_id TEXT NOT NULL REFERENCES "
                           "users(id), workspace_id TEXT NOT NULL REFERENCES workspaces(id), "
                           "level TEXT NOT NULL, muted_until INTEGER NOT NULL, muted_forever "
                           "INTEGER NOT NULL, quiet_enabled INTEGER NOT NULL, quiet_days TEXT NOT "
                           "NULL, quiet_start INTEGER NOT NULL, quiet_end INTEGER NOT NULL, "
                           "preview INTEGER NOT NULL, sound INTEGER NOT NULL, count_in_total "
                           "INTEGER NOT NULL, updated_at INTEGER NOT NULL, "
                           "PRIMARY KEY (user_id, workspace_id))"),
        },
        // A mail's one-time link is kept (its token, the token's hash to find the mail when the
        // link is spent, and its expiry) only while the link works.
        {
            QStringLiteral("ALTER TABLE mails ADD COLUMN link_token TEXT"),
            QStringLiteral("ALTER TABLE mails ADD COLUMN link_token_hash BLOB"),
            QStringLiteral("ALTER TABLE mails ADD COLUMN link_expires_at INTEGER"),
            QStringLiteral("CREATE INDEX mails_by_link ON mails (link_token_hash) WHERE "
                           "link_token_hash IS NOT NULL"),
            // Older mails hold their links' tokens with no record of which: they go.
            QStringLiteral("DELETE FROM mails WHERE kind IN ('invite', 'password_reset')"),
        },
        // A message's client id is an idempotency key of its author in one conversation, not
        // across conversations.
        {
            QStringLiteral("DROP INDEX messages_by_client_id"),
            QStringLiteral("CREATE UNIQUE INDEX messages_by_client_id ON messages (author, "
                           "conversation_id, client_id) WHERE client_id IS NOT NULL"),
        },
        // Device proofs: a client that signed in to an account before presents one, and its
        // failed attempts are counted apart from everyone else's (see Throttle). Stored only as
        // SHA-256. A 2-step challenge remembers where its password came from, so that its codes
        // count under the same throttle keys.
        {
            QStringLiteral("CREATE TABLE device_proofs (id TEXT PRIMARY KEY, hash BLOB NOT NULL "
                           "UNIQUE, account_key TEXT NOT NULL, session_id TEXT NOT NULL, "
                           "created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX device_proofs_by_account ON device_proofs "
                           "(account_key, created_at)"),
            QStringLiteral("ALTER TABLE second_factor_challenges ADD COLUMN source_ip TEXT NOT "
                           "NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE second_factor_challenges ADD COLUMN device_proof_id TEXT "
                           "NOT NULL DEFAULT ''"),
        },
        // Managing conversations. Channels created by people list their members; the channels
        // a workspace started with (listed_members 0) keep belonging to every member of the
        // workspace, less those who left them. A private channel is seen by its members only.
        // Each user's notification level per conversation is kept apart from the workspace's.
        {
            QStringLiteral("ALTER TABLE conversations ADD COLUMN private INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN listed_members INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("UPDATE conversations SET listed_members = 1 WHERE kind = 'direct'"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN created_by TEXT REFERENCES "
                           "users(id)"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN pinned_message_id TEXT"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN pinned_by TEXT"),
            QStringLiteral("ALTER TABLE conversations ADD COLUMN pinned_at INTEGER"),
            QStringLiteral("CREATE TABLE conversation_leaves (conversation_id TEXT NOT NULL "
                           "REFERENCES conversations(id), user_id TEXT NOT NULL REFERENCES "
                           "users(id), PRIMARY KEY (conversation_id, user_id))"),
            QStringLiteral("CREATE TABLE conversation_settings (user_id TEXT NOT NULL REFERENCES "
                           "users(id), conversation_id TEXT NOT NULL REFERENCES "
                           "conversations(id), mute_level TEXT NOT NULL, PRIMARY KEY (user_id, "
                           "conversation_id))"),
            QStringLiteral("CREATE INDEX conversation_members_by_user ON conversation_members "
                           "(user_id)"),
        },
        // Message search: an FTS5 index of the bodies with the tokenizer the client's cache uses
        // (moim::search), so both find the same messages. It reads the bodies from the messages
        // table (external content, keyed by rowid) and triggers keep it in step with every
        // write; existing messages are indexed here.
        {
            QStringLiteral("CREATE VIRTUAL TABLE message_search USING fts5(body, "
                           "content='messages', content_rowid='rowid', tokenize='moim')"),
            QStringLiteral("CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN "
                           "INSERT INTO message_search (rowid, body) VALUES (new.rowid, "
                           "new.body); END"),
            QStringLiteral("CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN "
                           "INSERT INTO message_search (message_search, rowid, body) VALUES "
                           "('delete', old.rowid, old.body); END"),
            QStringLiteral("CREATE TRIGGER message_search_update AFTER UPDATE OF body ON "
                           "messages BEGIN INSERT INTO message_search (message_search, rowid, "
                           "body) VALUES ('delete', old.rowid, old.body); INSERT INTO "
                           "message_search (rowid, body) VALUES (new.rowid, new.body); END"),
            QStringLiteral("INSERT INTO message_search (message_search) VALUES ('rebuild')"),
        },
        // Edits, deletes, replies and reactions. A message's version is the global sequence
        // number of its latest change (its seq until it first changes), so "everything after N"
        // also brings the changes. A deleted message keeps its row, seq and author as a
        // tombstone; its body is erased (the search triggers drop it from the index).
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN version INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("UPDATE messages SET version = seq"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN edited_at INTEGER"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE messages ADD COLUMN reply_to_id TEXT REFERENCES "
                           "messages(id)"),
            QStringLiteral("CREATE INDEX messages_by_version ON messages (version)"),
            QStringLiteral("CREATE TABLE reactions (message_id TEXT NOT NULL REFERENCES "
                           "messages(id), emoji TEXT NOT NULL, user_id TEXT NOT NULL REFERENCES "
                           "users(id), created_at INTEGER NOT NULL, PRIMARY KEY (message_id, "
                           "emoji, user_id))"),
        },
        // Mentions bound to members' ids, and @channel/@here: the body's entities as the wire
        // spells them (a JSON array), NULL when it has none.
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN entities TEXT"),
        },
        // Files. A blob is the content, stored once per SHA-256 in the data folder and kept while
        // a file names it; a file is one upload of it with its own name, attached to at most one
        // message (the position orders a message's attachments). An upload is the transfer under
        // way: `received` bytes are confirmed on disk in its part file.
        {
            QStringLiteral("CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                           "type TEXT NOT NULL, width INTEGER, height INTEGER, preview INTEGER "
                           "NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE files (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL "
                           "REFERENCES blobs(sha256), name TEXT NOT NULL, uploader TEXT NOT NULL "
                           "REFERENCES users(id), conversation_id TEXT NOT NULL REFERENCES "
                           "conversations(id), created_at INTEGER NOT NULL, message_id TEXT "
                           "REFERENCES messages(id), position INTEGER)"),
            QStringLiteral("CREATE INDEX files_by_message ON files (message_id)"),
            QStringLiteral("CREATE INDEX files_by_blob ON files (sha256)"),
            QStringLiteral("CREATE TABLE uploads (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                           "REFERENCES users(id), conversation_id TEXT NOT NULL REFERENCES "
                           "conversations(id), name TEXT NOT NULL, size INTEGER NOT NULL, sha256 "
                           "TEXT, received INTEGER NOT NULL DEFAULT 0, expires_at INTEGER NOT "
                           "NULL, file_id TEXT)"),
            QStringLiteral("CREATE INDEX uploads_by_user ON uploads (user_id, file_id)"),
        },
    };
    return steps.at(version - 1);
}

} // namespace

Database::Database()
    : m_connectionName(SecureToken::randomId("moim-server-db-"_L1))
{}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::open(const QString &path, QString *error, int schemaVersion)
{
    // SQLite gives the WAL and shared-memory files the mode of the database file, so the file
    // is made owner-only before SQLite first opens it; files of an older run are fixed below.
    const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    if (!QFile::exists(path)) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            !file.setPermissions(ownerOnly)) {
            *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
            return false;
        }
    }
    for (const QString &file :
         {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        if (QFile::exists(file))
            QFile::setPermissions(file, ownerOnly);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    for (const auto *pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL",
          // Deleted and replaced rows (token hashes, secrets) are overwritten, not left behind.
          "PRAGMA secure_delete=ON"}) {
        if (!query.exec(QString::fromLatin1(pragma))) {
            *error = query.lastError().text();
            return false;
        }
    }
    // Before the schema is touched: the search index's tokenizer lives in this process and is
    // needed by every statement that writes a message.
    if (!moim::search::registerTokenizer(db)) {
        *error = QStringLiteral("SQLite has no FTS5, which message search needs");
        return false;
    }
    return migrate(schemaVersion, error);
}

bool Database::migrate(int targetVersion, QString *error)
{
    QSqlDatabase db = handle();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    const int current = query.value(0).toInt();
    if (current > SchemaVersion) {
        *error = QStringLiteral("database schema %1 is newer than this server (%2)")
                     .arg(current)
                     .arg(SchemaVersion);
        return false;
    }
    for (int version = current + 1; version <= targetVersion; ++version) {
        db.transaction();
        for (const QString &statement : migrationStep(version)) {
            if (!query.exec(statement)) {
                *error = query.lastError().text();
                db.rollback();
                return false;
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)) || !db.commit()) {
            *error = query.lastError().text();
            db.rollback();
            return false;
        }
        qCInfo(lcDb) << "Migrated schema to version" << version;
    }
    return true;
}

} // namespace moim::server
