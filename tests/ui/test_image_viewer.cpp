// The image viewer over a window, offscreen, with its images from the real mock server in this
// process: the original replaces the preview, arrows move through the list, zoom keys change the
// scale, Esc closes, and the bar says what it shows in words a screen reader reads.
#include "chat/file_downloads.h"
#include "chat/image_viewer.h"
#include "chat/preview_images.h"
#include "net/api_client.h"
#include "net/authorized_api.h"
#include "server_test_client.h"
#include "theme/theme.h"

#include <QApplication>
#include <QLabel>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace moim::server::test;
using namespace Qt::StringLiterals;

namespace {

// A photo-like picture: a sky, a hill and a sun, so a screenshot shows what the viewer does.
QByteArray landscape(int width, int height, QColor sky)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 0, height);
    gradient.setColorAt(0, sky);
    gradient.setColorAt(1, sky.lighter(170));
    painter.fillRect(image.rect(), gradient);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xff, 0xc8, 0x3d));
    painter.drawEllipse(QPointF(width * 0.75, height * 0.3), height * 0.12, height * 0.12);
    painter.setBrush(QColor(0x3b, 0x8c, 0x4a));
    painter.drawEllipse(QPointF(width * 0.3, height * 1.1), width * 0.6, height * 0.5);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MOIM_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    widget->grab().save(dir + u'/' + name + u".png"_s);
}

QPushButton *buttonNamed(QWidget *parent, const QString &accessibleName)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>()) {
        if (button->accessibleName() == accessibleName)
            return button;
    }
    return nullptr;
}

} // namespace

class TestImageViewer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    QTemporaryDir m_cache;
    std::unique_ptr<moim::server::MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AuthorizedApi> m_authorized;
    std::unique_ptr<FileDownloads> m_downloads;
    std::unique_ptr<PreviewImages> m_previews;
    QList<Attachment> m_images;

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QString error;
        m_server = startDemoServer(m_serverDir.path(), &error);
        QVERIFY2(m_server, qPrintable(error));
        m_client = std::make_unique<ServerTestClient>(*m_server);
        const Member jimin = m_client->signIn(u"jimin.kim@moim.example"_s);
        const QString room = m_client->createChannel(
            jimin, jimin.workspaces.value(u"Design Studio"_s), u"photos"_s, false);
        QVERIFY(!room.isEmpty());
        const QList<std::pair<QString, QColor>> photos = {
            {u"제주 바다.png"_s, QColor(0x3f, 0x7c, 0xd9)},
            {u"노을.png"_s, QColor(0xd9, 0x6a, 0x3f)},
            {u"새벽.png"_s, QColor(0x4a, 0x3f, 0x8f)}};
        for (const auto &[name, sky] : photos) {
            const auto attachment = Attachment::fromJson(
                m_client->uploadWhole(jimin, room, name, landscape(1600, 1000, sky)));
            QVERIFY(attachment && attachment->isImage());
            m_images.append(*attachment);
        }
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server->url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_authorized = std::make_unique<AuthorizedApi>(m_api.get());
        m_authorized->setAccessToken(jimin.accessToken);
        m_downloads = std::make_unique<FileDownloads>(m_authorized.get(), m_cache.path());
        m_previews = std::make_unique<PreviewImages>(m_downloads.get());
    }

    void cleanupTestCase()
    {
        m_previews.reset();
        m_downloads.reset();
        m_authorized.reset();
        m_api.reset();
        m_client.reset();
        m_server.reset();
    }

    // Previews are decoded once, kept in memory, and read from the disk by the next cache; one
    // that cannot be decoded is dropped from the disk instead of being shown broken.
    void previewsAreDecodedOnceAndKept()
    {
        QTemporaryDir cache;
        FileDownloads downloads(m_authorized.get(), cache.path());
        const QString fileId = m_images.at(0).fileId;
        {
            PreviewImages previews(&downloads);
            QSignalSpy ready(&previews, &PreviewImages::imageReady);
            QSignalSpy fetched(&downloads, &FileDownloads::previewReady);
            QVERIFY(previews.image(fileId).isNull());
            QVERIFY(previews.image(fileId).isNull()); // asked again while it comes: nothing more
            QVERIFY(ready.wait(10'000));
            QCOMPARE(ready.size(), 1);
            QCOMPARE(fetched.size(), 1);
            QVERIFY(previews.isDecoded(fileId));
            const QImage image = previews.image(fileId);
            QCOMPARE(image.size(), QSize(320, 200));
            QCOMPARE(fetched.size(), 1);
        }
        {
            // Another run: from the disk, decoded again, not fetched.
            PreviewImages previews(&downloads);
            QSignalSpy ready(&previews, &PreviewImages::imageReady);
            QSignalSpy fetched(&downloads, &FileDownloads::previewReady);
            QVERIFY(previews.image(fileId).isNull());
            QVERIFY(ready.wait(10'000));
            QCOMPARE(previews.image(fileId).size(), QSize(320, 200));
            QCOMPARE(fetched.size(), 0);
        }
        {
            // Damaged on the disk: dropped, and reported as failed rather than painted.
            const QString path = downloads.preview(fileId);
            QVERIFY(!path.isEmpty());
            QFile damaged(path);
            QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
            damaged.write("not an image");
            damaged.close();
            PreviewImages previews(&downloads);
            QSignalSpy failed(&downloads, &FileDownloads::previewFailed);
            QVERIFY(previews.image(fileId).isNull());
            QVERIFY(failed.wait(10'000));
            QVERIFY(!QFile::exists(path));
            QVERIFY(!previews.isDecoded(fileId));
        }
    }

    void browsesZoomsAndCloses()
    {
        QWidget window;
        window.resize(960, 640);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(new QLabel(u"#photos"_s));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ImageViewer viewer(m_downloads.get(), m_previews.get(), &window);
        QSignalSpy closed(&viewer, &ImageViewer::closed);

        viewer.show(m_images, 1);
        QVERIFY(viewer.isVisible());
        QCOMPARE(viewer.geometry(), window.rect());
        QCOMPARE(viewer.index(), 1);
        QCOMPARE(viewer.count(), 3);
        QVERIFY(QTest::qWaitFor([&] { return viewer.isFullImageShown(); }, 15'000));
        // Fitted: the 1600 × 1000 image is shown smaller than the window.
        QVERIFY(viewer.isFitted());
        QVERIFY(viewer.scale() < 1.0);

        // The bar: name, "n / m", and every button named for a screen reader.
        const QList<QLabel *> labels = viewer.findChildren<QLabel *>();
        const auto labelWithText = [&](const QString &text) {
            return std::any_of(labels.begin(), labels.end(),
                               [&](QLabel *label) { return label->text() == text; });
        };
        QVERIFY(labelWithText(u"노을.png"_s));
        QVERIFY(labelWithText(u"2 / 3"_s));
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
            return label->accessibleName() == u"Image 2 of 3"_s;
        }));
        for (const QString &name :
             {u"Previous image"_s, u"Next image"_s, u"Save the image as a file"_s,
              u"Open the image in another app"_s, u"Close the image viewer"_s}) {
            QVERIFY2(buttonNamed(&viewer, name), qPrintable(name));
        }
        QCOMPARE(buttonNamed(&viewer, u"Save the image as a file"_s)->text(), u"Save as…"_s);
        QCOMPARE(buttonNamed(&viewer, u"Open the image in another app"_s)->text(), u"Open"_s);
        QCOMPARE(viewer.accessibleName(), u"Image viewer"_s);
        screenshot(&window, u"image-viewer"_s);
        Theme::apply(*qApp, Theme::Scheme::Dark);
        screenshot(&window, u"image-viewer-dark"_s);
        Theme::apply(*qApp, Theme::Scheme::Light);

        // Arrows move through the list and stop at its ends.
        QTest::keyClick(&viewer, Qt::Key_Right);
        QCOMPARE(viewer.index(), 2);
        QCOMPARE(viewer.current().name, u"새벽.png"_s);
        QVERIFY(labelWithText(u"3 / 3"_s));
        QTest::keyClick(&viewer, Qt::Key_Right);
        QCOMPARE(viewer.index(), 2);
        QVERIFY(!buttonNamed(&viewer, u"Next image"_s)->isEnabled());
        QTest::keyClick(&viewer, Qt::Key_Left);
        QTest::keyClick(&viewer, Qt::Key_Left);
        QCOMPARE(viewer.index(), 0);
        QTest::keyClick(&viewer, Qt::Key_Left);
        QCOMPARE(viewer.index(), 0);
        QVERIFY(QTest::qWaitFor([&] { return viewer.isFullImageShown(); }, 15'000));

        // 1 is 100 %, + and − step from there, 0 fits again; with a button focused too.
        buttonNamed(&viewer, u"Next image"_s)->setFocus();
        QTest::keyClick(&viewer, Qt::Key_1);
        QVERIFY(!viewer.isFitted());
        QCOMPARE(viewer.scale(), 1.0);
        QTest::keyClick(&viewer, Qt::Key_Plus);
        QCOMPARE(viewer.scale(), 1.25);
        QTest::keyClick(&viewer, Qt::Key_Minus);
        QCOMPARE(viewer.scale(), 1.0);
        QTest::keyClick(&viewer, Qt::Key_Minus);
        QVERIFY(viewer.scale() < 1.0);
        QTest::keyClick(&viewer, Qt::Key_0);
        QVERIFY(viewer.isFitted());
        QVERIFY(viewer.scale() < 1.0);

        // Ctrl+wheel zooms; a wheel alone does not.
        QWidget *canvas = viewer.findChild<QWidget *>(u"ImageCanvas"_s);
        QVERIFY(canvas);
        const double fitted = viewer.scale();
        const QPoint centre = canvas->rect().center();
        QWheelEvent plain(centre, canvas->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &plain);
        QCOMPARE(viewer.scale(), fitted);
        QWheelEvent zoom(centre, canvas->mapToGlobal(centre), {}, {0, 120}, Qt::NoButton,
                         Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &zoom);
        QCOMPARE(viewer.scale(), fitted * 1.25);

        // Esc closes it.
        QTest::keyClick(&viewer, Qt::Key_Escape);
        QVERIFY(!viewer.isVisible());
        QCOMPARE(closed.size(), 1);
    }

    void followsTheWindowsSize()
    {
        QWidget window;
        window.resize(800, 500);
        window.show();
        ImageViewer viewer(m_downloads.get(), m_previews.get(), &window);
        viewer.show(m_images, 0);
        window.resize(1000, 700);
        QCoreApplication::processEvents();
        QCOMPARE(viewer.geometry(), window.rect());
    }
};

QTEST_MAIN(TestImageViewer)
#include "test_image_viewer.moc"
