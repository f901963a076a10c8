// Local message search (prints figures; asserts only that the work happened):
//  1. building the index of a cache written before search existed, off the GUI thread, with the
//     GUI thread's event-loop lag measured by a 1 ms timer meanwhile;
//  2. LocalCache::searchMessages (limit 50) for 1-, 2- and 3-syllable Korean words and English
//     words: p50/p95 over many runs;
//  3. the index's size against the messages table's.
// 100,000 generated messages by default, so the suite stays quick; the figure is for
// 1,000,000: MOIM_BENCH_SEARCH_MESSAGES=1000000.
#include "bench_measures.h"
#include "search/search_text.h"
#include "storage/local_cache.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <cstdio>

using namespace moim;
using namespace Qt::StringLiterals;

using moim::test::percentile;

namespace {

// Work chat as a Korean company writes it: Korean with particles glued on, English and product
// words, times, versions, links and the odd emoji, from one word to a paragraph.
class ChatGenerator
{
public:
    explicit ChatGenerator(quint32 seed)
        : m_random(seed)
    {}

    QString message()
    {
        const int kind = int(m_random.bounded(100));
        if (kind < 8)
            return pick(m_shortReplies);
        QStringList words;
        const int sentences = kind < 70 ? 1 : kind < 92 ? 2 : 4 + int(m_random.bounded(4));
        for (int s = 0; s < sentences; ++s)
            words.append(sentence());
        return words.join(u' ');
    }

private:
    QString pick(const QStringList &list)
    {
        return list.at(int(m_random.bounded(quint32(list.size()))));
    }

    QString sentence()
    {
        QStringList parts;
        if (m_random.bounded(4) == 0)
            parts.append(pick(m_names) + pick(m_honorifics));
        const int nouns = 1 + int(m_random.bounded(3));
        for (int i = 0; i < nouns; ++i) {
            const int roll = int(m_random.bounded(100));
            if (roll < 62)
                parts.append(pick(m_nouns) + pick(m_particles));
            else if (roll < 80)
                parts.append(pick(m_english));
            else if (roll < 88)
                parts.append(QString::number(1 + m_random.bounded(12)) + pick(m_timeUnits));
            else if (roll < 92)
                parts.append(u"https://docs.moim.kr/%1/%2"_s.arg(pick(m_english).toLower())
                                 .arg(m_random.bounded(10000)));
            else if (roll < 96)
                parts.append(u"v%1.%2"_s.arg(m_random.bounded(4)).arg(m_random.bounded(20)));
            else
                parts.append(pick(m_nouns));
        }
        parts.append(pick(m_endings));
        if (m_random.bounded(8) == 0)
            parts.append(pick(m_emoji));
        return parts.join(u' ');
    }

    QRandomGenerator m_random;
    const QStringList m_names{u"지민"_s, u"서준"_s, u"하은"_s, u"민준"_s, u"수아"_s, u"도윤"_s,
                              u"예린"_s, u"김"_s,   u"박"_s,   u"이"_s,   u"최"_s};
    const QStringList m_honorifics{u"님"_s, u"님,"_s, u" 팀장님"_s, u" 매니저님"_s, u" 책임님"_s};
    const QStringList m_nouns{
        u"회의"_s,   u"자료"_s,     u"일정"_s,     u"보고서"_s, u"디자인"_s, u"배포"_s,   u"검토"_s,
        u"회의록"_s, u"프로젝트"_s, u"고객"_s,     u"예산"_s,   u"계약"_s,   u"출장"_s,   u"점심"_s,
        u"팀"_s,     u"견적서"_s,   u"서버"_s,     u"테스트"_s, u"기획안"_s, u"발표"_s,   u"문서"_s,
        u"피드백"_s, u"마감"_s,     u"휴가"_s,     u"공지"_s,   u"인터뷰"_s, u"데이터"_s, u"화면"_s,
        u"버그"_s,   u"요청"_s,     u"승인"_s,     u"결재"_s,   u"워크숍"_s, u"채용"_s,   u"교육"_s,
        u"장애"_s,   u"점검"_s,     u"대시보드"_s, u"로그"_s,   u"권한"_s,   u"계정"_s,   u"알림"_s,
        u"번역"_s,   u"영상"_s,     u"사진"_s,     u"주간"_s,   u"월간"_s,   u"분기"_s,   u"매출"_s,
        u"미팅"_s,   u"안건"_s,     u"의견"_s,     u"결과"_s,   u"방향"_s};
    const QStringList m_particles{u""_s,   u"은"_s,   u"는"_s,   u"이"_s,   u"가"_s,
                                  u"을"_s, u"를"_s,   u"에"_s,   u"에서"_s, u"으로"_s,
                                  u"도"_s, u"까지"_s, u"부터"_s, u"이랑"_s, u"관련"_s,
                                  u"건"_s, u"쪽"_s,   u"만"_s,   u"처럼"_s, u"보다"_s};
    const QStringList m_english{
        u"meeting"_s, u"deploy"_s,  u"PR"_s,      u"review"_s,  u"staging"_s,  u"hotfix"_s,
        u"build"_s,   u"release"_s, u"Figma"_s,   u"Jira"_s,    u"QA"_s,       u"API"_s,
        u"sprint"_s,  u"backlog"_s, u"OKR"_s,     u"roadmap"_s, u"demo"_s,     u"Slack"_s,
        u"Notion"_s,  u"iOS"_s,     u"Android"_s, u"server"_s,  u"database"_s, u"dashboard"_s};
    const QStringList m_timeUnits{u"시"_s, u"시에"_s, u"시까지"_s, u"일"_s, u"분"_s,
                                  u"월"_s, u"차"_s,   u"개"_s,     u"건"_s, u"명"_s};
    const QStringList m_endings{u"확인 부탁드립니다"_s, u"공유드립니다"_s, u"올렸어요"_s,
                                u"했습니다"_s,          u"할게요"_s,       u"미뤄졌어요"_s,
                                u"어떻게 할까요?"_s,    u"괜찮을까요?"_s,  u"진행 중입니다"_s,
                                u"완료했습니다"_s,      u"내일 할게요"_s,  u"검토해 주세요"_s,
                                u"please check"_s,      u"done"_s,         u"LGTM"_s,
                                u"잠시만요"_s,          u"감사합니다!"_s,  u"알겠습니다"_s,
                                u"수정했어요"_s,        u"다시 볼게요"_s};
    const QStringList m_shortReplies{
        u"넵"_s, u"네 확인했습니다"_s, u"감사합니다"_s, u"ㅋㅋㅋ"_s, u"👍"_s,
        u"ok"_s, u"좋아요"_s,          u"잠시만요"_s,   u"ㅎㅎ 넵"_s};
    const QStringList m_emoji{u"👍"_s, u"🙏"_s, u"😂"_s, u"✅"_s, u"🔥"_s, u"😅"_s};
};

// Fills a cache as a version before search left it: messages, no index.
bool writeUnindexedCache(const QString &path, int count, qint64 *bodyBytes)
{
    {
        LocalCache cache;
        if (cache.open(path) != LocalCache::OpenResult::Opened)
            return false;
    }
    bool ok = false;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fill"_s);
        db.setDatabaseName(path);
        ok = db.open() && search::registerTokenizer(db);
        QSqlQuery query(db);
        // Below the mark nothing is indexed: the triggers stay quiet, the builder does it all.
        ok = ok && query.exec(u"DELETE FROM meta WHERE key = 'search_indexed_seq'"_s) &&
             db.transaction();
        query.prepare(u"INSERT INTO messages (local_id, id, conversation_id, client_id, seq,"
                      " author_id, author_name, body, created_at, state, queued_at)"
                      " VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, 'sent', 0)"_s);
        ChatGenerator chat(20261203);
        QRandomGenerator random(17);
        *bodyBytes = 0;
        for (int seq = 1; ok && seq <= count; ++seq) {
            const QString id = u"m_"_s + QString::number(seq);
            const QString body = chat.message();
            *bodyBytes += body.toUtf8().size();
            query.addBindValue(id);
            query.addBindValue(id);
            query.addBindValue(u"c_"_s + QString::number(random.bounded(200)));
            query.addBindValue(seq);
            const QString author = u"u_"_s + QString::number(random.bounded(300));
            query.addBindValue(author);
            query.addBindValue(author);
            query.addBindValue(body);
            query.addBindValue(1'700'000'000 + qint64(seq) * 30);
            ok = query.exec();
            if (!ok)
                qWarning() << query.lastError().text();
        }
        ok = ok && db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"fill"_s);
    return ok;
}

// Bytes in the pages of the named tables (dbstat), or -1 where SQLite was built without it.
qint64 tableBytes(const QString &path, const QString &likePattern)
{
    qint64 bytes = -1;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"size"_s);
        db.setDatabaseName(path);
        if (db.open() && search::registerTokenizer(db)) {
            QSqlQuery query(db);
            query.prepare(u"SELECT SUM(pgsize) FROM dbstat WHERE name LIKE ?"_s);
            query.addBindValue(likePattern);
            if (query.exec() && query.next())
                bytes = query.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"size"_s);
    return bytes;
}

} // namespace

class BenchSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildAndSearch()
    {
        const int count = qEnvironmentVariableIntValue("MOIM_BENCH_SEARCH_MESSAGES") > 0
                              ? qEnvironmentVariableIntValue("MOIM_BENCH_SEARCH_MESSAGES")
                              : 100'000;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        QElapsedTimer timer;
        timer.start();
        qint64 bodyBytes = 0;
        QVERIFY(writeUnindexedCache(path, count, &bodyBytes));
        std::printf(
            "\nLocal search over %d generated messages (%.1f MB of text, written in %.1f s)\n",
            count, double(bodyBytes) / 1e6, double(timer.elapsed()) / 1000);

        // 1. The build, off the GUI thread; the GUI thread's timer measures how late it runs.
        LocalCache cache;
        timer.restart();
        QCOMPARE(cache.open(path), LocalCache::OpenResult::Opened);
        const double openMs = double(timer.nsecsElapsed()) / 1e6;
        QList<double> lags;
        QElapsedTimer tick;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(1);
        tick.start();
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            lags.append(std::max(0.0, double(tick.nsecsElapsed()) / 1e6 - 1.0));
            tick.restart();
        });
        heartbeat.start();
        // A plain event loop (QTest::qWait sleeps between its rounds, which would be counted as
        // lag); asking whether the build is done, as a UI would, is part of the GUI's load.
        QEventLoop loop;
        QTimer poll;
        connect(&poll, &QTimer::timeout, &loop, [&] {
            if (cache.isSearchIndexComplete() || timer.elapsed() > 600'000)
                loop.quit();
        });
        poll.start(50);
        loop.exec();
        poll.stop();
        QVERIFY(cache.isSearchIndexComplete());
        const double buildS = double(timer.elapsed()) / 1000;
        heartbeat.stop();
        std::printf("  index build: %.1f s (open, on the GUI thread: %.1f ms)\n", buildS, openMs);
        std::printf("  GUI event-loop lag while building (1 ms timer, %lld ticks): p50 %.2f ms,"
                    " p99 %.2f ms, max %.2f ms\n",
                    qint64(lags.size()), percentile(lags, 0.5), percentile(lags, 0.99),
                    lags.isEmpty() ? 0.0 : *std::max_element(lags.cbegin(), lags.cend()));

        // 2. Queries, each word a few times, first page of 50.
        const QList<std::pair<const char *, QStringList>> classes{
            {"1 syllable", {u"팀"_s, u"일"_s, u"회"_s, u"건"_s, u"책"_s, u"님"_s}},
            {"2 syllables", {u"회의"_s, u"자료"_s, u"배포"_s, u"일정"_s, u"휴가"_s, u"결재"_s}},
            {"3 syllables",
             {u"회의록"_s, u"보고서"_s, u"견적서"_s, u"기획안"_s, u"워크숍"_s, u"대시보드"_s}},
            {"English",
             {u"meeting"_s, u"deploy"_s, u"review"_s, u"staging"_s, u"roadmap"_s, u"figma"_s}},
            {"two words", {u"회의 자료"_s, u"배포 staging"_s, u"팀장님 검토"_s}},
            {"rare / none", {u"쿼카"_s, u"zebra"_s, u"회의록 휴가 roadmap"_s}},
        };
        std::printf("  searchMessages, limit 50 (p50 / p95 / max over %d runs per class):\n", 60);
        for (const auto &[name, words] : classes) {
            QList<double> times;
            int results = 0;
            for (int run = 0; run < 60; ++run) {
                LocalSearch search;
                search.terms = words.at(run % words.size()).split(u' ');
                search.limit = 50;
                QElapsedTimer query;
                query.start();
                results += int(cache.searchMessages(search).size());
                times.append(double(query.nsecsElapsed()) / 1e6);
            }
            std::printf("    %-12s %7.2f / %7.2f / %7.2f ms   (%d results per search on average)\n",
                        name, percentile(times, 0.5), percentile(times, 0.95),
                        *std::max_element(times.cbegin(), times.cend()), results / 60);
            if (QByteArray(name) != "rare / none")
                QVERIFY2(results > 0, name);
        }
        // Within one conversation (Ctrl+F) or from one person: the index still walks the word's
        // matches newest first, now skipping those elsewhere.
        for (const bool byAuthor : {false, true}) {
            QList<double> times;
            int results = 0;
            const QStringList words{u"팀"_s, u"회의"_s, u"보고서"_s, u"meeting"_s};
            for (int run = 0; run < 40; ++run) {
                LocalSearch search;
                search.terms = {words.at(run % words.size())};
                if (byAuthor)
                    search.authorId = u"u_"_s + QString::number(run % 300);
                else
                    search.conversationIds = {u"c_"_s + QString::number(run % 200)};
                QElapsedTimer query;
                query.start();
                results += int(cache.searchMessages(search).size());
                times.append(double(query.nsecsElapsed()) / 1e6);
            }
            std::printf("    %-12s %7.2f / %7.2f / %7.2f ms   (%d results per search on average)\n",
                        byAuthor ? "one author" : "one convers.", percentile(times, 0.5),
                        percentile(times, 0.95), *std::max_element(times.cbegin(), times.cend()),
                        results / 40);
            QVERIFY(results > 0);
        }
        // Paging deep into a frequent word, as scrolling a result list does.
        {
            LocalSearch search;
            search.terms = {u"회의"_s};
            QList<double> times;
            for (int page = 0; page < 20; ++page) {
                QElapsedTimer query;
                query.start();
                const QList<Message> found = cache.searchMessages(search);
                times.append(double(query.nsecsElapsed()) / 1e6);
                if (found.isEmpty())
                    break;
                search.beforeSeq = found.last().seq;
            }
            std::printf("    %-12s %7.2f / %7.2f ms   (20 pages of 회의)\n", "paging",
                        percentile(times, 0.5), percentile(times, 0.95));
        }
        cache.close();

        // 3. Sizes.
        const qint64 messagesBytes = tableBytes(path, u"messages"_s);
        const qint64 indexBytes = tableBytes(path, u"message_search%"_s);
        if (messagesBytes > 0 && indexBytes > 0) {
            std::printf("  index %.1f MB, messages table %.1f MB: ratio %.2f (file %.1f MB)\n",
                        double(indexBytes) / 1e6, double(messagesBytes) / 1e6,
                        double(indexBytes) / double(messagesBytes),
                        double(QFileInfo(path).size()) / 1e6);
        } else {
            std::printf("  file %.1f MB (this SQLite cannot tell tables apart)\n",
                        double(QFileInfo(path).size()) / 1e6);
        }
    }

    // The figures behind the tokenizer's design (search_tokens.h), with MOIM_BENCH_SEARCH_COMPARE
    // set: the same messages indexed as the cache does, with detail=column instead (smaller, but
    // no phrases, so 3+ syllables would need a check of every message holding all the pairs),
    // and with SQLite's trigram tokenizer, which cannot find 1-2 characters from the index: those
    // fall back to LIKE over the messages, newest first.
    void compareTokenizers()
    {
        if (qEnvironmentVariableIsEmpty("MOIM_BENCH_SEARCH_COMPARE"))
            QSKIP("set MOIM_BENCH_SEARCH_COMPARE=1 to compare tokenizers");
        const int count = qEnvironmentVariableIntValue("MOIM_BENCH_SEARCH_MESSAGES") > 0
                              ? qEnvironmentVariableIntValue("MOIM_BENCH_SEARCH_MESSAGES")
                              : 100'000;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.sqlite"_s);
        qint64 bodyBytes = 0;
        QVERIFY(writeUnindexedCache(path, count, &bodyBytes));
        const qint64 messagesBytes = tableBytes(path, u"messages"_s);
        std::printf("\nTokenizers over %d messages (messages table %.1f MB)\n", count,
                    double(messagesBytes) / 1e6);
        const QList<std::pair<const char *, QString>> tables{
            {"moim, detail=full", u"tokenize='moim'"_s},
            {"moim, detail=column", u"tokenize='moim', detail=column"_s},
            {"trigram", u"tokenize='trigram case_sensitive 0'"_s},
        };
        const QStringList short1{u"팀"_s, u"일"_s, u"쀍"_s};
        const QStringList short2{u"회의"_s, u"배포"_s, u"쿼카"_s};
        const QStringList long3{u"회의록"_s, u"견적서"_s, u"meeting"_s};
        int n = 0;
        for (const auto &[name, options] : tables) {
            const QString table = u"alt_"_s + QString::number(++n);
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"compare"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open() && search::registerTokenizer(db));
            QSqlQuery query(db);
            QVERIFY2(query.exec(u"CREATE VIRTUAL TABLE %1 USING fts5(body, content='',"
                                " columnsize=0, %2)"_s.arg(table, options)),
                     qPrintable(query.lastError().text()));
            QElapsedTimer timer;
            timer.start();
            QVERIFY(query.exec(
                u"INSERT INTO %1 (rowid, body) SELECT seq, body FROM messages"_s.arg(table)));
            const double buildS = double(timer.elapsed()) / 1000;
            const bool trigram = options.contains(u"trigram"_s);
            const auto measure = [&](const QStringList &words, bool viaLike) {
                QList<double> times;
                for (int run = 0; run < 30; ++run) {
                    const QString word = words.at(run % words.size());
                    QSqlQuery search(db);
                    if (viaLike) {
                        search.prepare(u"SELECT seq FROM messages WHERE seq > 0 AND body LIKE ?"
                                       " ORDER BY seq DESC LIMIT 50"_s);
                        search.addBindValue(u'%' + word + u'%');
                    } else {
                        search.prepare(u"SELECT rowid FROM %1 WHERE %1 MATCH ?"
                                       " ORDER BY rowid DESC LIMIT 50"_s.arg(table));
                        search.addBindValue(trigram ? u'"' + word + u'"'
                                                    : search::matchExpression({word}));
                    }
                    timer.restart();
                    if (!search.exec())
                        return -1.0; // phrases need detail=full
                    while (search.next()) {
                    }
                    times.append(double(timer.nsecsElapsed()) / 1e6);
                }
                return percentile(times, 0.95);
            };
            const double p1 = measure(short1, trigram);
            const double p2 = measure(short2, trigram);
            const double p3 = measure(long3, false);
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"compare"_s);
            const qint64 bytes = tableBytes(path, table + u'%');
            std::printf("  %-20s build %5.1f s  size %6.1f MB (%.2f of messages)  p95: 1 char %6.2f"
                        " ms, 2 chars %6.2f ms, 3+ chars %6.2f ms%s\n",
                        name, buildS, double(bytes) / 1e6, double(bytes) / double(messagesBytes),
                        p1, p2, p3, trigram ? " (1-2 chars by LIKE)" : "");
        }
    }
};

QTEST_GUILESS_MAIN(BenchSearch)
#include "bench_search.moc"
