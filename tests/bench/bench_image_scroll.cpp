// Scrolling an image-heavy conversation in the real main window: 10,000 messages of which 2,000
// carry an image, posted by two members through the server's REST API (each image uploaded as its
// own file, since a file goes with one message only) to the mock server in a process of its own.
// The desktop, signed in as a third member, opens the conversation at 1200×800 and is scrolled
// from the newest message back to the oldest and forward again, a step every 16 ms (a wheel turn
// of three notches or a page, in turn), older and newer pages loading as the product loads them
// and previews fetched, cached and decoded as the product does.
//
// Prints every step's frame (the input, the layout and the paint of the timeline), the GUI
// thread's busy spells meanwhile (pages arriving, previews decoded), the desktop's resident memory
// at the start, its peak and at the end, where the previews came from and the disk cache's size
// afterwards. It asserts only that the work happened: every message passed through the window and
// previews were painted.
#include "bench_measures.h"
#include "chat/file_downloads.h"
#include "chat/history_model.h"
#include "chat/message_delegate.h"
#include "chat/message_files.h"
#include "chat/message_view.h"
#include "main/main_window.h"
#include "mock_server_process.h"
#include "secrets/memory_secret_store.h"
#include "server_test_client.h"
#include "signed_in_client.h"
#include "theme/theme.h"

#include <QApplication>
#include <QBuffer>
#include <QDirIterator>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QWheelEvent>
#include <QtTest>
#include <cstdio>

using namespace moim;
using namespace Qt::StringLiterals;
using moim::server::test::Member;
using moim::server::test::ServerTestClient;

namespace {

#ifdef MOIM_SANITIZED_BUILD
// Under AddressSanitizer everything runs several times slower, the server too: a fifth of the
// data goes through every path within the time limit. Such a run's figures are not the product's.
constexpr int DataDivisor = 5;
#else
constexpr int DataDivisor = 1;
#endif
constexpr int MessageCount = 10'000 / DataDivisor;
constexpr int ImageMessageCount = 2'000 / DataDivisor;
constexpr int DistinctPictures = 100;
constexpr QSize WindowSize(1200, 800);
constexpr int StepIntervalMs = 16;
constexpr int WheelNotches = 3;
// A page the server does not answer within this is a failure, not a figure.
constexpr int PageWaitLimitMs = 30'000;

const auto Password = u"seoul-spring-gathering"_s;

// A photo as a phone takes it: soft light, a few shapes and sensor noise, so that JPEG has
// texture to encode and the preview something to show.
QImage photo(const QSize &size, QRandomGenerator &random)
{
    QImage image(size, QImage::Format_RGB32);
    QLinearGradient light(0, 0, 0, size.height());
    light.setColorAt(0, QColor::fromHsv(int(random.bounded(360)), 90, 235));
    light.setColorAt(1, QColor::fromHsv(int(random.bounded(360)), 170, 80));
    QPainter painter(&image);
    painter.fillRect(image.rect(), light);
    painter.setPen(Qt::NoPen);
    for (int shape = 0; shape < 14; ++shape) {
        painter.setBrush(QColor::fromHsv(int(random.bounded(360)), 60 + int(random.bounded(190)),
                                         60 + int(random.bounded(190)), 170));
        const int radius = size.width() / 12 + int(random.bounded(size.width() / 4 + 1));
        painter.drawEllipse(
            QPoint(int(random.bounded(size.width())), int(random.bounded(size.height()))), radius,
            radius * 2 / 3);
    }
    painter.end();
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(random.bounded(13)) - 6;
            const QRgb pixel = line[x];
            line[x] = qRgb(std::clamp(qRed(pixel) + noise, 0, 255),
                           std::clamp(qGreen(pixel) + noise, 0, 255),
                           std::clamp(qBlue(pixel) + noise, 0, 255));
        }
    }
    return image;
}

// A screenshot: flat colours, a side bar, rows of text.
QImage screenshot(const QSize &size, QRandomGenerator &random)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xf6, 0xf7, 0xf9));
    QPainter painter(&image);
    const int side = size.width() / 5;
    painter.fillRect(0, 0, side, size.height(), QColor::fromHsv(int(random.bounded(360)), 60, 70));
    QFont font = painter.font();
    font.setPixelSize(std::max(10, size.height() / 50));
    painter.setFont(font);
    painter.setPen(QColor(0x22, 0x22, 0x22));
    const int lineHeight = font.pixelSize() * 2;
    for (int y = lineHeight; y < size.height() - lineHeight; y += lineHeight) {
        painter.drawText(side + lineHeight, y,
                         u"회의록 %1 — release notes, build %2, 확인 부탁드립니다"_s.arg(y).arg(
                             random.bounded(10'000)));
    }
    return image;
}

// A sticker: a small picture with transparency (its preview is a PNG).
QImage sticker(const QSize &size, QRandomGenerator &random)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor::fromHsv(int(random.bounded(360)), 200, 230));
    painter.setPen(QPen(Qt::black, 4));
    painter.drawEllipse(image.rect().adjusted(8, 8, -8, -8));
    return image;
}

struct Picture
{
    QString name;
    QByteArray bytes;
};

// The pictures people share: mostly phone photos of several shapes, then screenshots and a few
// stickers. Originals stay at most 2000 px on the long side: the timeline only ever sees the
// server's previews (320 px), and larger originals would only make the server's cleaning slower.
QList<Picture> makePictures()
{
    struct Shape
    {
        QSize size;
        enum Kind
        {
            Photo,
            Screenshot,
            Sticker
        } kind;
    };
    const QList<Shape> shapes{
        {{1280, 960}, Shape::Photo},      {{960, 1280}, Shape::Photo},
        {{1280, 720}, Shape::Photo},      {{1024, 768}, Shape::Photo},
        {{720, 1280}, Shape::Photo},      {{1600, 1200}, Shape::Photo},
        {{1280, 800}, Shape::Screenshot}, {{800, 600}, Shape::Photo},
        {{390, 844}, Shape::Screenshot},  {{1920, 1080}, Shape::Screenshot},
        {{2000, 500}, Shape::Photo},      {{640, 480}, Shape::Photo},
        {{240, 240}, Shape::Sticker},     {{1080, 1440}, Shape::Photo},
        {{600, 1800}, Shape::Screenshot}, {{960, 960}, Shape::Photo},
    };
    QRandomGenerator random(19);
    QList<Picture> pictures;
    for (int i = 0; i < DistinctPictures; ++i) {
        const Shape &shape = shapes.at(i % shapes.size());
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        switch (shape.kind) {
        case Shape::Photo:
            photo(shape.size, random).save(&buffer, "JPG", 85);
            pictures.append({u"IMG_%1.jpg"_s.arg(2000 + i), bytes});
            break;
        case Shape::Screenshot:
            screenshot(shape.size, random).save(&buffer, "PNG");
            pictures.append({u"스크린샷 %1.png"_s.arg(i), bytes});
            break;
        case Shape::Sticker:
            sticker(shape.size, random).save(&buffer, "PNG");
            pictures.append({u"sticker-%1.png"_s.arg(i), bytes});
            break;
        }
    }
    return pictures;
}

// What people write between the pictures: short answers, ordinary lines and now and then a
// paragraph that wraps over several lines.
QString textOf(int index, QRandomGenerator &random)
{
    static const QStringList lines{
        u"네, 확인했습니다 👍"_s,
        u"Thanks, I'll take a look after lunch."_s,
        u"현장 사진 더 올려주실 수 있나요? 조명이 조금 어두운 것 같아요."_s,
        u"Can we move the review to 3 pm?"_s,
        u"좋아요!"_s,
        u"The left one looks better to me, the colours are closer to the print."_s,
        u"내일 오전까지 시안 두 개 더 준비하겠습니다. 피드백은 이 스레드에 남겨주세요."_s,
        u"ok"_s,
    };
    if (random.bounded(12) == 0) {
        return u"%1번 정리: 오늘 촬영한 사진은 공유 폴더에도 올려두었습니다. 색 보정은 아직 "
               "안 된 상태라 최종본은 금요일에 다시 올릴게요. The prints for the lobby need "
               "300 dpi, so please keep the originals, not the previews, and tell me which ones "
               "you want framed. 질문 있으시면 편하게 말씀 주세요."_s.arg(index);
    }
    return lines.at(int(random.bounded(lines.size())));
}

qint64 folderBytes(const QString &path, int *files)
{
    qint64 bytes = 0;
    *files = 0;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
        ++*files;
    }
    return bytes;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

} // namespace

class BenchImageScroll : public QObject
{
    Q_OBJECT

    struct Seeded
    {
        QString workspaceId;
        QString conversationId;
        QSet<QString> messageIds;
        qint64 uploadedBytes = 0;
        double picturesSeconds = 0;
        double uploadSeconds = 0; // of postSeconds
        double postSeconds = 0;
    };

    // The conversation as two colleagues fill it, in runs of a few messages each, every image its
    // own upload through the same REST calls any client makes.
    static void seed(const QUrl &server, Seeded *seeded)
    {
        QElapsedTimer clock;
        clock.start();
        const QList<Picture> pictures = makePictures();
        seeded->picturesSeconds = double(clock.restart()) / 1000.0;

        ServerTestClient api(server);
        const QList<Member> authors{api.signIn(u"minji.choi@moim.example"_s),
                                    api.signIn(u"daniel.cho@moim.example"_s)};
        QVERIFY(!authors.at(0).accessToken.isEmpty() && !authors.at(1).accessToken.isEmpty());
        seeded->workspaceId = authors.at(0).workspaces.value(u"Moim HQ"_s);
        seeded->conversationId =
            api.createChannel(authors.at(0), seeded->workspaceId, u"현장 사진"_s, false);
        QVERIFY(!seeded->conversationId.isEmpty());
        QVERIFY(api.join(authors.at(1), seeded->conversationId));

        // Which messages carry an image: 2,000 of 10,000, scattered, some side by side.
        QList<bool> withImage(MessageCount, false);
        std::fill(withImage.begin(), withImage.begin() + ImageMessageCount, true);
        QRandomGenerator random(2026);
        std::shuffle(withImage.begin(), withImage.end(), random);

        const QString messages = protocol::path::ConversationsBase + seeded->conversationId +
                                 protocol::path::MessagesSuffix;
        int author = 0;
        int runLeft = 0;
        int images = 0;
        QElapsedTimer uploading;
        qint64 uploadMs = 0;
        for (int i = 0; i < MessageCount; ++i) {
            if (runLeft-- <= 0) {
                author = 1 - author;
                runLeft = 1 + int(random.bounded(6));
            }
            const Member &member = authors.at(author);
            QJsonObject body{{u"client_id"_s, u"image-scroll-%1"_s.arg(i)}};
            if (withImage.at(i)) {
                const Picture &picture = pictures.at(images++ % pictures.size());
                uploading.start();
                const QJsonObject file =
                    api.uploadWhole(member, seeded->conversationId, picture.name, picture.bytes);
                uploadMs += uploading.elapsed();
                QVERIFY2(file.value("preview"_L1).toBool(), qPrintable(picture.name));
                seeded->uploadedBytes += picture.bytes.size();
                body.insert(u"attachments"_s, QJsonArray{file.value("id"_L1)});
                // Most pictures go without words.
                body.insert(u"body"_s, random.bounded(3) == 0 ? textOf(i, random) : QString());
            } else {
                body.insert(u"body"_s, textOf(i, random));
            }
            const auto answer = api.call("POST", messages, member, body);
            QVERIFY2(answer.status == 200, qPrintable(answer.errorCode()));
            seeded->messageIds.insert(
                answer.json.value("message"_L1).toObject().value("id"_L1).toString());
        }
        seeded->postSeconds = double(clock.elapsed()) / 1000.0;
        seeded->uploadSeconds = double(uploadMs) / 1000.0;
    }

private Q_SLOTS:
    void initTestCase() { ui::Theme::apply(*qApp, ui::Theme::Scheme::Light); }

    void scrollBackAndForth()
    {
        test::MockServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        test::IsolatedHome home;

        Seeded seeded;
        seed(server.url(), &seeded);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(seeded.messageIds.size(), MessageCount);
        // Joining counts what was written before as read, so the conversation opens at the
        // newest message.
        ServerTestClient api(server.url());
        QVERIFY(api.join(api.signIn(u"jimin.kim@moim.example"_s), seeded.conversationId));

        MemorySecretStore secrets;
        const test::SignedInClient client =
            test::signInWithPassword(server.url(), &secrets, u"jimin.kim@moim.example"_s, Password);
        QVERIFY(client.isSignedIn());
        QSettings uiState(Profile().settingsFile(), QSettings::IniFormat);
        ui::MainWindow window(client.sessions.get(), &uiState);
        window.resize(WindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showConversation(seeded.workspaceId, seeded.conversationId);
        HistoryModel *history = window.history();
        ui::MessageView *view = window.messageView();
        QTRY_COMPARE_WITH_TIMEOUT(history->conversationId(), seeded.conversationId, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= HistoryModel::PageSize, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(view->isAtBottom(), 10'000);

        // Every message that passes through the window, by server id.
        QSet<QString> seen;
        const auto record = [&](int first, int last) {
            for (int row = first; row <= last; ++row)
                seen.insert(history->messages().at(row).id);
        };
        record(0, history->rowCount() - 1);
        connect(history, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) { record(first, last); });
        connect(history, &QAbstractItemModel::modelReset, this,
                [&] { record(0, history->rowCount() - 1); });

        // Where the previews painted came from: the memory cache (an image at once) or not yet
        // (a placeholder, and a fetch from the disk cache or the server follows).
        FileDownloads *downloads = window.messageFiles()->downloads();
        auto *delegate = static_cast<ui::MessageDelegate *>(view->itemDelegate());
        ui::AttachmentTiles::Sources sources = delegate->attachmentSources();
        int fromMemory = 0;
        int placeholders = 0;
        QSet<QString> painted;
        sources.preview = [&fromMemory, &placeholders, &painted,
                           preview = sources.preview](const Attachment &file) {
            const QImage image = preview(file);
            if (image.isNull()) {
                ++placeholders;
            } else {
                ++fromMemory;
                painted.insert(file.fileId);
            }
            return image;
        };
        delegate->setAttachmentSources(sources);
        // The disk cache starts empty and holds them all (checked below), so a preview's first
        // arrival came from the server and every later one from the disk cache.
        QHash<QString, int> arrivals;
        connect(downloads, &FileDownloads::previewReady, this,
                [&](const QString &fileId, const QString &) { ++arrivals[fileId]; });

        QScrollBar *bar = view->verticalScrollBar();
        QList<double> frames;
        int backSteps = 0;
        int forwardSteps = 0;
        int waits = 0; // ticks at the top or bottom while a page was on its way
        bool back = true;
        int stillTicks = 0; // at an end, waiting for a page
        QString stuck;
        QEventLoop loop;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(StepIntervalMs);
        connect(&ticker, &QTimer::timeout, &loop, [&] {
            const bool atEnd = bar->value() == (back ? bar->minimum() : bar->maximum());
            if (atEnd) {
                // The view asked for the next page when it got here; the reader waits for it.
                const bool morePages = back ? history->hasOlder() : !history->isAtNewest();
                if (morePages) {
                    ++waits;
                    if (++stillTicks * StepIntervalMs > PageWaitLimitMs) {
                        stuck = back ? u"stuck at the top with older messages to load"_s
                                     : u"stuck at the bottom with newer messages to load"_s;
                        loop.quit();
                    }
                    return;
                }
                if (!back)
                    return loop.quit();
                back = false;
            }
            stillTicks = 0;
            QElapsedTimer frame;
            frame.start();
            if ((backSteps + forwardSteps) % 2 == 0) {
                const QPointF at = QRectF(view->viewport()->rect()).center();
                QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(),
                                  QPoint(0, (back ? 120 : -120) * WheelNotches), Qt::NoButton,
                                  Qt::NoModifier, Qt::NoScrollPhase, false);
                QApplication::sendEvent(view->viewport(), &wheel);
            } else {
                // What PageUp/PageDown or a click in the scroll bar's groove do.
                bar->triggerAction(back ? QAbstractSlider::SliderPageStepSub
                                        : QAbstractSlider::SliderPageStepAdd);
            }
            view->viewport()->repaint();
            frames.append(double(frame.nsecsElapsed()) / 1e6);
            ++(back ? backSteps : forwardSteps);
        });

        const qint64 rssStart = test::currentRssKiB();
        test::RssWatch memory;
        const test::EventLoopLag lag;
        QElapsedTimer scrolling;
        scrolling.start();
        ticker.start();
        loop.exec();
        ticker.stop();
        const double scrollSeconds = double(scrolling.elapsed()) / 1000.0;
        const QList<double> spells = lag.lags();
        memory.sample();
        const double rssPeak = mib(rssStart) + memory.growthMiB();
        const qint64 rssEnd = test::currentRssKiB();
        QVERIFY2(stuck.isEmpty(), qPrintable(stuck));

        int cacheFiles = 0;
        const qint64 cacheBytes =
            folderBytes(FileDownloads::cacheDirFor(client.account()->identity().id), &cacheFiles);
        int fromDisk = 0;
        for (const int count : std::as_const(arrivals))
            fromDisk += count - 1;
        const auto over = [](const QList<double> &values, double ms) {
            return std::count_if(values.cbegin(), values.cend(), [ms](double v) { return v > ms; });
        };
        if (DataDivisor > 1)
            std::printf("\n(A sanitized build: a fifth of the data, and figures that are not the "
                        "product's.)\n");

        std::printf(
            "\nScrolling an image-heavy conversation in the main window (%d×%d)\n"
            "  data: %d messages, %d with an image, posted by 2 members one call at a time; "
            "%d pictures made in %.1f s (JPEG photos with noise, PNG screenshots and stickers, "
            "240 to 2000 px), each image message its own upload of one of them (%.0f MiB in "
            "all); uploads and posts took %.1f s, of which the uploads %.1f s\n"
            "  scroll: newest to oldest in %d steps, back to the newest in %d steps, %d ticks "
            "waiting for a page; a step every %d ms, a %d-notch wheel turn and a page in turn; "
            "%.1f s\n",
            WindowSize.width(), WindowSize.height(), MessageCount, ImageMessageCount,
            DistinctPictures, seeded.picturesSeconds, double(seeded.uploadedBytes) / 1048576.0,
            seeded.postSeconds, seeded.uploadSeconds, backSteps, forwardSteps, waits,
            StepIntervalMs, WheelNotches, scrollSeconds);
        std::printf("  frames (input, layout, paint), goal no frame over 33 ms: %lld of %lld "
                    "over 33 ms, %lld over 16 ms; p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max "
                    "%.2f ms\n",
                    static_cast<long long>(over(frames, 33)), static_cast<long long>(frames.size()),
                    static_cast<long long>(over(frames, 16)), test::percentile(frames, 0.5),
                    test::percentile(frames, 0.95), test::percentile(frames, 0.99),
                    test::percentile(frames, 1.0));
        std::printf("  GUI thread busy spells (a 1 ms timer's delay: pages, previews, frames), "
                    "goal none over 33 ms: %lld over 33 ms, %lld over 16 ms; p99 %.2f ms, max "
                    "%.2f ms\n",
                    static_cast<long long>(over(spells, 33)),
                    static_cast<long long>(over(spells, 16)), lag.p99(), lag.max());
        std::printf("  resident memory, goal bounded: start %.1f MiB, peak %.1f MiB, end %.1f "
                    "MiB\n",
                    mib(rssStart), rssPeak, mib(rssEnd));
        std::printf("  previews: %lld fetched from the server, %d read again from the disk "
                    "cache; %d paints from the memory cache, %d placeholders painted while one "
                    "came; %lld of %d images painted with their preview\n",
                    static_cast<long long>(arrivals.size()), fromDisk, fromMemory, placeholders,
                    static_cast<long long>(painted.size()), ImageMessageCount);
        std::printf("  disk cache afterwards: %.1f MiB in %d files (limit %lld MiB)\n",
                    double(cacheBytes) / 1048576.0, cacheFiles,
                    static_cast<long long>(FileDownloads::DefaultDiskCacheBytes / 1048576));
        std::fflush(stdout);

        QVERIFY(cacheBytes < FileDownloads::DefaultDiskCacheBytes);
        QCOMPARE((seeded.messageIds - seen).size(), 0);
        QVERIFY(!painted.isEmpty());
    }
};

QTEST_MAIN(BenchImageScroll)
#include "bench_image_scroll.moc"
