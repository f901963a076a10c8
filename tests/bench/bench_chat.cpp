// Chat benchmarks (they print figures and assert only that the work happened):
//  1. switching workspace to a painted window, with 20 workspaces and long histories cached;
//  2. live traffic: 2,000 messages a second for 10 seconds into the open conversation's real
//     view — CPU share, event-loop stalls, and whether every message was delivered;
//  3. scroll-back with the view shown: the GUI thread's time per page prepended;
//  4. resident memory after scrolling back through 100,000 messages.
#include "auth/session_manager.h"
#include "bench_measures.h"
#include "chat/chat.h"
#include "chat/history_model.h"
#include "chat/message_view.h"
#include "first_paint_probe.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "net/authorized_api.h"
#include "process_memory.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"
#include "storage/outbox_store.h"
#include "theme/theme.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTcpServer>
#include <QtTest>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace moim;
using namespace Qt::StringLiterals;
using moim::test::currentRssKiB;

using moim::test::percentile;

namespace {

Message synthetic(const QString &conversationId, qint64 seq, const QString &author)
{
    Message message;
    message.id = u"m_bench_%1"_s.arg(seq);
    message.localId = message.id;
    message.conversationId = conversationId;
    message.seq = seq;
    message.authorId = u"u_other"_s;
    message.authorName = author;
    message.body = u"벤치마크 메시지 %1 — a line of ordinary chat with some words in it"_s.arg(seq);
    message.createdAt = 1700000000 + seq;
    return message;
}

// One long conversation of `count` messages, stored in the cache in one go.
bool storeLongConversation(LocalCache &cache, int count)
{
    QList<Message> messages;
    messages.reserve(count);
    for (int i = 1; i <= count; ++i)
        messages.append(synthetic(u"c_long"_s, i, i % 7 ? u"동료"_s : u"팀장"_s));
    return cache.storeMessages(messages);
}

// A chat of "u_me" over a cache in a folder of its own, with a server address nobody answers:
// everything comes from the cache or from events handed to it.
struct OfflineChat
{
    QTemporaryDir dir;
    LocalCache cache;
    ApiClient api{ServerAddress::parse(u"http://127.0.0.1:9"_s), u"moim-desktop"_s, u"0.1.0"_s};
    AuthorizedApi authorized{&api};
    OutboxStore outbox; // not opened: nothing is sent here
    std::unique_ptr<Chat> chat;

    // Opens the cache; `beforeChat` fills it before the chat reads it.
    bool open(const std::function<bool(LocalCache &)> &beforeChat = {})
    {
        if (cache.open(dir.filePath(u"cache.sqlite"_s)) == LocalCache::OpenResult::Failed)
            return false;
        if (beforeChat && !beforeChat(cache))
            return false;
        chat = std::make_unique<Chat>(&authorized, &cache, &outbox, u"u_me"_s, u"나"_s);
        return true;
    }
};

} // namespace

class BenchChat : public QObject
{
    Q_OBJECT

    test::IsolatedHome m_home;
    QTcpServer m_closed; // a server address nobody answers: everything comes from the cache

private Q_SLOTS:
    void initTestCase() { ui::Theme::apply(*qApp, ui::Theme::Scheme::Light); }

    void workspaceSwitch()
    {
        QVERIFY(m_closed.listen(QHostAddress::LocalHost));
        const QString url = u"http://127.0.0.1:%1"_s.arg(m_closed.serverPort());
        m_closed.close();
        ApiClient api(ServerAddress::parse(url), u"moim-desktop"_s, u"0.1.0"_s);
        MemorySecretStore secrets;
        const Profile profile;
        {
            // A remembered account with 20 workspaces, 12 conversations each, long histories.
            LocalCache cache;
            Profile::ensurePrivateDir(profile.accountDir(u"u_bench"_s));
            QVERIFY(cache.open(profile.accountDir(u"u_bench"_s) + u"/cache.sqlite"_s) !=
                    LocalCache::OpenResult::Failed);
            cache.storeIdentity({u"u_bench"_s, u"bench@moim.example"_s, u"벤치"_s});
            QList<Workspace> workspaces;
            QList<Message> history;
            for (int w = 0; w < 20; ++w) {
                workspaces.append({u"w_%1"_s.arg(w), u"워크스페이스 %1"_s.arg(w),
                                   u"Workspace %1"_s.arg(w), u"%1"_s.arg(w % 10), u"#3B6FE0"_s,
                                   u"member"_s});
                QList<Conversation> conversations;
                for (int c = 0; c < 12; ++c) {
                    const QString id = u"c_%1_%2"_s.arg(w).arg(c);
                    conversations.append({id, workspaces.last().id, Conversation::Kind::Channel,
                                          u"channel-%1"_s.arg(c), u"topic"_s, 0});
                    for (int m = 0; m < 200; ++m)
                        history.append(synthetic(id, (w * 12 + c) * 1000 + m + 1, u"동료"_s));
                }
                cache.storeConversations(workspaces.last().id, conversations);
            }
            cache.storeWorkspaces(workspaces);
            QVERIFY(cache.storeMessages(history));
            secrets.write(u"u_bench/refresh_token"_s, u"unused"_s, this, [](auto) {});
            QSettings settings(profile.settingsFile(), QSettings::IniFormat);
            settings.setValue(u"session/accountId"_s, u"u_bench"_s);
            settings.setValue(u"session/server"_s, api.server().key());
        }
        SessionManager sessions(profile, &api, &secrets);
        QVERIFY(sessions.restore());
        QSettings uiState(profile.settingsFile(), QSettings::IniFormat);
        ui::MainWindow window(&sessions, &uiState);
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.sidebar()->count(), 20);

        QList<double> samples;
        for (int i = 0; i < 200; ++i) {
            QElapsedTimer clock;
            clock.start();
            window.sidebar()->selectIndex((i * 7) % 20);
            // Open a conversation too, as a person does, then paint the window.
            window.openConversation(u"c_%1_%2"_s.arg((i * 7) % 20).arg(i % 12));
            window.grab();
            samples.append(double(clock.nsecsElapsed()) / 1e6);
        }
        std::printf("\nWorkspace switch + open a conversation + paint (20 workspaces, 200 runs)\n"
                    "  median %.2f ms, p95 %.2f ms, max %.2f ms (a frame is 16.7 ms)\n",
                    percentile(samples, 0.5), percentile(samples, 0.95), percentile(samples, 1.0));
        std::fflush(stdout);
        QVERIFY(!samples.isEmpty());
    }

    void eventLoopLagUnderLoad()
    {
        OfflineChat offline;
        QVERIFY(offline.open());
        Chat &chat = *offline.chat;
        HistoryModel history(&chat, u"u_me"_s);
        history.setConversation(u"c_busy"_s);
        // The conversation is open on screen: the real view paints what arrives.
        ui::MessageView view(&history, &chat);
        view.setConversationInfo(u"바쁜 채널"_s, QString(), false);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        qint64 delivered = 0;
        connect(&history, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) { delivered += last - first + 1; });

        // 2,000 messages a second for 10 seconds through the same path as the event stream,
        // 9 in 10 into the open conversation. Paced by the clock: a late tick sends what fell
        // due meanwhile, so all 20,000 arrive however busy the event loop is.
        constexpr int PerSecond = 2000;
        constexpr int Seconds = 10;
        constexpr qint64 Total = qint64(PerSecond) * Seconds;
        qint64 seq = 0;
        qint64 intoOpen = 0;
        QElapsedTimer clock;
        // The real event loop, no sleeps: it runs until the last message was sent (a coarse
        // 10 s timer may fire up to 5 % early, so the end is the feeder's to say).
        QEventLoop loop;
        QTimer feeder;
        feeder.setInterval(10);
        connect(&feeder, &QTimer::timeout, this, [&] {
            const qint64 due = std::min(Total, clock.elapsed() * PerSecond / 1000);
            while (seq < due) {
                ++seq;
                const bool open = seq % 10 != 0;
                intoOpen += open ? 1 : 0;
                const Message message =
                    synthetic(open ? u"c_busy"_s : u"c_other"_s, seq, u"동료"_s);
                QJsonObject json{
                    {u"id"_s, message.id},
                    {u"conversation_id"_s, message.conversationId},
                    {u"seq"_s, message.seq},
                    {u"author"_s, QJsonObject{{u"id"_s, message.authorId},
                                              {u"display_name"_s, message.authorName}}},
                    {u"body"_s, message.body},
                    {u"created_at"_s, message.createdAt}};
                chat.handleEvent(QString(protocol::event::MessageCreated),
                                 {{u"workspace_id"_s, u"w_1"_s}, {u"message"_s, json}});
            }
            if (seq == Total) {
                feeder.stop();
                // A moment more for what arrived last to be shown.
                QTimer::singleShot(250, &loop, &QEventLoop::quit);
            }
        });
        // How late a 5 ms timer fires is how long the event loop was busy.
        std::optional<test::EventLoopLag> lag;
        const test::CpuClock cpu;
        clock.start();
        feeder.start();
        lag.emplace(5);
        loop.exec();
        const double wall = double(clock.nsecsElapsed()) / 1e9;
        const double cpuSeconds = cpu.elapsedSeconds();
        const QList<double> lags = lag->lags();
        lag.reset();
        std::printf("\nLive traffic: %d messages/s for %d s, %lld of them into the open "
                    "conversation, shown in the real message view\n",
                    PerSecond, Seconds, static_cast<long long>(intoOpen));
        std::printf("  sent %lld, delivered to the open conversation's rows %lld, lost %lld\n",
                    static_cast<long long>(seq), static_cast<long long>(delivered),
                    static_cast<long long>(intoOpen - delivered));
        std::printf("  CPU %.0f %% of a core (%.2f s of CPU in %.2f s)\n",
                    100.0 * cpuSeconds / wall, cpuSeconds, wall);
        std::printf("  event-loop stall median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                    percentile(lags, 0.5), percentile(lags, 0.99), percentile(lags, 1.0));
        std::printf("  window holds %d rows; unread elsewhere %d\n", history.rowCount(),
                    chat.unread(u"c_other"_s));
        std::fflush(stdout);
        QCOMPARE(seq, Total);
        QVERIFY(history.rowCount() <= HistoryModel::MaxRows);
        QCOMPARE(history.messages().constLast().seq, Total - 1);
    }

    void scrollBackWithTheViewShown()
    {
        OfflineChat offline;
        QVERIFY(
            offline.open([](LocalCache &cache) { return storeLongConversation(cache, 20000); }));
        Chat &chat = *offline.chat;
        HistoryModel history(&chat, u"u_me"_s);
        history.setConversation(u"c_long"_s);
        ui::MessageView view(&history, &chat);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();
        // Each page: read from the cache, inserted at the top, laid out and painted with the
        // reader's place kept — all the GUI thread does before the next frame.
        QList<double> pageMs;
        for (int page = 0; page < 200 && history.canLoadOlder(); ++page) {
            const qint64 oldest = history.messages().constFirst().seq;
            QElapsedTimer clock;
            clock.start();
            history.loadOlder();
            QCoreApplication::processEvents();
            view.viewport()->repaint();
            pageMs.append(double(clock.nsecsElapsed()) / 1e6);
            if (history.messages().constFirst().seq == oldest)
                break;
        }
        std::printf(
            "\nScroll-back with the message view shown: one %d-message page prepended, laid "
            "out and painted (%lld pages)\n  median %.2f ms, p95 %.2f ms, max %.2f ms\n",
            HistoryModel::PageSize, static_cast<long long>(pageMs.size()), percentile(pageMs, 0.5),
            percentile(pageMs, 0.95), percentile(pageMs, 1.0));
        std::fflush(stdout);
        QVERIFY(pageMs.size() >= 100);
        QVERIFY(history.rowCount() <= HistoryModel::MaxRows);
    }

    void memoryAfterScrollingBack()
    {
        OfflineChat offline;
        QVERIFY(
            offline.open([](LocalCache &cache) { return storeLongConversation(cache, 100000); }));
        Chat &chat = *offline.chat;
        HistoryModel history(&chat, u"u_me"_s);
        history.setConversation(u"c_long"_s);
        const qint64 before = currentRssKiB();
        int pages = 0;
        qint64 peakDuring = before;
        // Scroll all the way back through the cache, page by page.
        while (history.canLoadOlder() && pages < 5000) {
            const qint64 first = history.messages().isEmpty() ? 0 : history.messages().first().seq;
            history.loadOlder();
            QCoreApplication::processEvents();
            if (!history.messages().isEmpty() && history.messages().first().seq == first)
                break; // the cache is exhausted; the server (absent here) would go on
            ++pages;
            if (pages % 100 == 0)
                peakDuring = std::max(peakDuring, currentRssKiB());
        }
        const qint64 after = currentRssKiB();
        std::printf("\nScrolling back through 100,000 cached messages (%d pages)\n"
                    "  RSS before %.1f MiB, peak while scrolling %.1f MiB, after %.1f MiB; "
                    "window %d rows (oldest seq %lld)\n",
                    pages, double(before) / 1024, double(peakDuring) / 1024, double(after) / 1024,
                    history.rowCount(), static_cast<long long>(history.messages().first().seq));
        std::fflush(stdout);
        QVERIFY(pages > 1000);
        QVERIFY(history.rowCount() <= HistoryModel::MaxRows);
    }
};

QTEST_MAIN(BenchChat)
#include "bench_chat.moc"
