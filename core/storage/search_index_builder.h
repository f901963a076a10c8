#pragma once

#include <QString>
#include <QtGlobal>
#include <atomic>
#include <limits>
#include <memory>

class QSqlDatabase;
class QThread;

namespace moim {

// Fills a cache's message index from its messages table on a thread and connection of its own,
// a batch per transaction, so the window stays responsive while a large cache is indexed. Where
// it got to is kept in the cache (meta "search_indexed_seq": every message up to that seq is
// indexed, and the triggers index new ones up to it), so a restart resumes instead of starting
// over; when no message is left above it, it becomes Complete and the triggers take everything.
class SearchIndexBuilder
{
public:
    static constexpr qint64 Complete = std::numeric_limits<qint64>::max();
    static constexpr int BatchSize = 1000;

    explicit SearchIndexBuilder(QString filePath);
    ~SearchIndexBuilder();
    SearchIndexBuilder(const SearchIndexBuilder &) = delete;
    SearchIndexBuilder &operator=(const SearchIndexBuilder &) = delete;

    void start();
    bool isRunning() const;
    // Asks the thread to stop after its current batch and waits for it.
    void stop();

private:
    void run();
    bool indexBatch(QSqlDatabase &db, bool *done);

    QString m_filePath;
    std::atomic_bool m_stopping{false};
    std::unique_ptr<QThread> m_thread;
};

} // namespace moim
