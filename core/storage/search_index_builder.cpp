#include "search_index_builder.h"

#include "search/search_text.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

Q_LOGGING_CATEGORY(lcSearchIndex, "moim.core.cache.search")

namespace moim {

using namespace Qt::StringLiterals;

SearchIndexBuilder::SearchIndexBuilder(QString filePath)
    : m_filePath(std::move(filePath))
{}

SearchIndexBuilder::~SearchIndexBuilder()
{
    stop();
}

void SearchIndexBuilder::start()
{
    if (isRunning())
        return;
    m_stopping = false;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->start(QThread::LowPriority);
}

bool SearchIndexBuilder::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void SearchIndexBuilder::stop()
{
    if (!m_thread)
        return;
    m_stopping = true;
    m_thread->wait();
    m_thread.reset();
}

void SearchIndexBuilder::run()
{
    const QString name =
        u"moim-cache-index-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_filePath);
        if (!db.open() || !search::registerTokenizer(db)) {
            qCWarning(lcSearchIndex)
                << "cannot open the cache to index it:" << db.lastError().text();
        } else {
            QElapsedTimer timer;
            timer.start();
            bool done = false;
            int batches = 0;
            int failures = 0;
            while (!done && !m_stopping) {
                if (indexBatch(db, &done)) {
                    ++batches;
                    failures = 0;
                } else if (++failures < 5) {
                    // Most likely the window's connection held the cache past the busy timeout
                    // (a long catch-up); try again rather than leave the index half built.
                    QThread::msleep(200);
                } else {
                    break;
                }
            }
            if (done) {
                qCInfo(lcSearchIndex) << "search index complete after" << batches << "batches in"
                                      << timer.elapsed() << "ms";
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool SearchIndexBuilder::indexBatch(QSqlDatabase &db, bool *done)
{
    QSqlQuery query(db);
    // IMMEDIATE: the batch reads where the index stands and moves it on in one write
    // transaction, so a message stored meanwhile is either below the mark (its trigger indexes
    // it) or above it (a later batch does), never both or neither.
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        qCWarning(lcSearchIndex) << "cannot start a batch:" << query.lastError().text();
        return false;
    }
    const auto fail = [&db](const QSqlQuery &failed) {
        qCWarning(lcSearchIndex) << "indexing failed:" << failed.lastError().text();
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return false;
    };
    qint64 indexedSeq = 0;
    if (!query.exec(u"SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'search_indexed_seq'"_s))
        return fail(query);
    if (query.next())
        indexedSeq = query.value(0).toLongLong();
    if (indexedSeq == Complete) {
        *done = true;
        return QSqlQuery(db).exec(u"COMMIT"_s);
    }

    QSqlQuery messages(db);
    messages.setForwardOnly(true);
    messages.prepare(u"SELECT seq, body FROM messages WHERE seq > ? ORDER BY seq LIMIT ?"_s);
    messages.addBindValue(indexedSeq);
    messages.addBindValue(BatchSize);
    if (!messages.exec())
        return fail(messages);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO message_search (rowid, body) VALUES (?, ?)"_s);
    int count = 0;
    while (messages.next()) {
        ++count;
        const qint64 seq = messages.value(0).toLongLong();
        // Two rows of one seq cannot both be indexed under it; the first one stands.
        if (seq == indexedSeq)
            continue;
        insert.bindValue(0, seq);
        insert.bindValue(1, messages.value(1));
        if (!insert.exec())
            return fail(insert);
        indexedSeq = seq;
    }
    messages.finish();
    *done = count < BatchSize;
    QSqlQuery mark(db);
    mark.prepare(u"INSERT OR REPLACE INTO meta (key, value) VALUES ('search_indexed_seq', ?)"_s);
    mark.addBindValue(QString::number(*done ? Complete : indexedSeq));
    if (!mark.exec())
        return fail(mark);
    if (!QSqlQuery(db).exec(u"COMMIT"_s))
        return fail(query);
    return true;
}

} // namespace moim
