// A message's files in the timeline and the files attached in the composer: thumbnails in the
// image's own shape, cards with Open and Save as… (Cancel while the file moves), hit testing that
// finds what was painted, sizes and kinds in English and Korean, the chips above the composer,
// and the composer taking files and screenshots as attachments rather than text.
#include "chat/attachment_strip.h"
#include "chat/attachment_tiles.h"
#include "chat/composer.h"
#include "chat/outgoing_files.h"
#include "common/date_text.h"
#include "language.h"
#include "theme/theme.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {

Attachment image(const QString &id, int width, int height)
{
    Attachment attachment;
    attachment.fileId = id;
    attachment.name = id + u".jpg"_s;
    attachment.size = 812000;
    attachment.type = u"image/jpeg"_s;
    attachment.hasPreview = true;
    attachment.width = width;
    attachment.height = height;
    return attachment;
}

Attachment file(const QString &id, const QString &name, const QString &type, qint64 size)
{
    Attachment attachment;
    attachment.fileId = id;
    attachment.name = name;
    attachment.size = size;
    attachment.type = type;
    return attachment;
}

// A composer that lets the test hand it what a paste or a drop would.
class TestableComposer : public Composer
{
public:
    using Composer::canInsertFromMimeData;
    using Composer::insertFromMimeData;
};

} // namespace

class TestAttachmentTiles : public QObject
{
    Q_OBJECT

    static void useLanguage(const QString &language)
    {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QVERIFY(installLanguage(*qApp, language));
        DateText::setLanguage(language);
    }

private Q_SLOTS:
    void initTestCase() { Theme::apply(*qApp, Theme::Scheme::Light); }

    void init() { useLanguage(u"en"_s); }

    void aSingleImageKeepsItsShapeWithinItsBox()
    {
        // A portrait phone photo: as tall as the box allows, narrower than it.
        const QSize portrait =
            AttachmentTiles::thumbnailSize(image(u"f_1"_s, 3024, 4032), true, 700);
        QCOMPARE(portrait.height(), 280);
        QCOMPARE(portrait.width(), 210);
        // A small image is never enlarged; a sliver still gets something to click.
        QCOMPARE(AttachmentTiles::thumbnailSize(image(u"f_2"_s, 120, 90), true, 700),
                 QSize(120, 90));
        QCOMPARE(AttachmentTiles::thumbnailSize(image(u"f_3"_s, 4000, 20), true, 700).height(), 48);
        // Never wider than the column.
        QVERIFY(AttachmentTiles::thumbnailSize(image(u"f_4"_s, 4000, 3000), true, 200).width() <=
                200);
        // One of several is smaller.
        const QSize grouped =
            AttachmentTiles::thumbnailSize(image(u"f_1"_s, 3024, 4032), false, 700);
        QVERIFY(grouped.height() < portrait.height());
    }

    void imagesFlowInRowsAndCardsStandBelow()
    {
        AttachmentTiles tiles({image(u"f_1"_s, 1600, 1200),
                               file(u"f_2"_s, u"보고서.hwp"_s, u"application/x-hwp"_s, 48213),
                               image(u"f_3"_s, 1200, 1600), image(u"f_4"_s, 1600, 900)});
        const QPoint origin(66, 10);
        const int height = tiles.layout(QApplication::font(), origin, 400);
        QCOMPARE(tiles.tileRect(0).topLeft(), origin);
        // Two thumbnails side by side, the third wraps; never past the width.
        QCOMPARE(tiles.tileRect(2).top(), origin.y());
        QVERIFY(tiles.tileRect(2).left() > tiles.tileRect(0).right());
        QVERIFY(tiles.tileRect(3).top() > tiles.tileRect(0).bottom());
        for (int i = 0; i < 4; ++i)
            QVERIFY(tiles.tileRect(i).right() < origin.x() + 400);
        // The card comes after every image, as tall as two lines of text at least.
        const QRect card = tiles.tileRect(1);
        QVERIFY(card.top() > tiles.tileRect(3).bottom());
        QCOMPARE(height, card.bottom() + 1 - origin.y());
    }

    void aClickFindsWhatWasPainted()
    {
        AttachmentTiles tiles(
            {image(u"f_1"_s, 800, 600), file(u"f_2"_s, u"매출.xlsx"_s,
                                             u"application/vnd.openxmlformats-officedocument."
                                             "spreadsheetml.sheet"_s,
                                             3'500'000)});
        tiles.layout(QApplication::font(), QPoint(0, 0), 600);
        AttachmentTiles::Sources idle;
        const AttachmentTiles::Hit onImage = tiles.hitAt(tiles.tileRect(0).center(), idle);
        QCOMPARE(onImage.index, 0);
        QCOMPARE(onImage.part, AttachmentTiles::Part::Image);
        const QRect card = tiles.tileRect(1);
        QCOMPARE(tiles.hitAt(card.topLeft() + QPoint(20, 20), idle).part,
                 AttachmentTiles::Part::Card);
        // Open and Save as… at the card's right end; a click between them finds neither.
        const auto findPart = [&](AttachmentTiles::Part part, const AttachmentTiles::Sources &s) {
            for (int x = card.left(); x <= card.right(); ++x) {
                for (int y = card.top(); y <= card.bottom(); y += 2) {
                    const AttachmentTiles::Hit hit = tiles.hitAt(QPoint(x, y), s);
                    if (hit.part == part)
                        return hit;
                }
            }
            return AttachmentTiles::Hit();
        };
        const AttachmentTiles::Hit open = findPart(AttachmentTiles::Part::Open, idle);
        const AttachmentTiles::Hit save = findPart(AttachmentTiles::Part::Save, idle);
        QCOMPARE(open.index, 1);
        QCOMPARE(save.index, 1);
        QVERIFY(open.rect.right() < save.rect.left());
        QCOMPARE(findPart(AttachmentTiles::Part::Cancel, idle).index, -1);
        // While it downloads the card offers Cancel instead.
        AttachmentTiles::Sources downloading;
        downloading.transfer = [](const Attachment &) {
            return std::optional<TransferProgress>(TransferProgress{1'000'000, 3'500'000});
        };
        QCOMPARE(findPart(AttachmentTiles::Part::Cancel, downloading).index, 1);
        QCOMPARE(findPart(AttachmentTiles::Part::Open, downloading).index, -1);
        QVERIFY(!tiles.hitAt(QPoint(-5, -5), idle).rect.isValid());
    }

    void aFileStillUploadingIsACardWithProgress()
    {
        Attachment pending = image(QString(), 1600, 1200);
        pending.uploadKey = u"up_1"_s;
        AttachmentTiles tiles({pending});
        tiles.layout(QApplication::font(), QPoint(0, 0), 600);
        QImage canvas(700, 200, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Theme::colors(Theme::Scheme::Light).window);
        QPainter painter(&canvas);
        AttachmentTiles::Sources sources;
        sources.transfer = [](const Attachment &attachment) {
            return attachment.uploadKey == "up_1"_L1
                       ? std::optional<TransferProgress>(TransferProgress{406000, 812000})
                       : std::nullopt;
        };
        tiles.paint(&painter, sources, {});
        painter.end();
        // An image not on the server yet has no preview to show: a card, with Cancel.
        const QRect card = tiles.tileRect(0);
        QVERIFY(card.width() > card.height() * 3);
        // Half the progress track is in the accent colour, the rest is not.
        const QColor accent = Theme::colors(Theme::Scheme::Light).primary;
        int accentPixels = 0;
        for (int x = card.left(); x <= card.right(); ++x) {
            for (int y = card.bottom() - 12; y <= card.bottom(); ++y)
                accentPixels += canvas.pixelColor(x, y) == accent;
        }
        QVERIFY2(accentPixels > 100, qPrintable(QString::number(accentPixels)));
    }

    void aPreviewIsPaintedInItsTile()
    {
        AttachmentTiles tiles({image(u"f_1"_s, 400, 300)});
        tiles.layout(QApplication::font(), QPoint(10, 10), 600);
        QImage preview(320, 240, QImage::Format_RGB32);
        preview.fill(QColor(0x12, 0xa0, 0x55));
        int asked = 0;
        AttachmentTiles::Sources sources;
        sources.preview = [&](const Attachment &attachment) {
            ++asked;
            return attachment.fileId == "f_1"_L1 ? preview : QImage();
        };
        QImage canvas(700, 400, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        tiles.paint(&painter, sources, {});
        painter.end();
        QCOMPARE(asked, 1);
        QCOMPARE(canvas.pixelColor(tiles.tileRect(0).center()), QColor(0x12, 0xa0, 0x55));
        // Without a preview yet: a quiet placeholder, not the image.
        AttachmentTiles::Sources none;
        canvas.fill(Qt::white);
        QPainter again(&canvas);
        tiles.paint(&again, none, {});
        again.end();
        QVERIFY(canvas.pixelColor(tiles.tileRect(0).center()) != QColor(0x12, 0xa0, 0x55));
    }

    void sizesAndKindsInTheChosenLanguage()
    {
        const Attachment hwp = file(u"f_1"_s, u"보고서.hwp"_s, u"application/x-hwp"_s, 48213);
        QCOMPARE(AttachmentTiles::badgeText(hwp), u"HWP"_s);
        QCOMPARE(AttachmentTiles::kindText(hwp), u"Hangul document"_s);
        QCOMPARE(AttachmentTiles::sizeText(512), u"512 bytes"_s);
        QCOMPARE(AttachmentTiles::sizeText(48213), u"47 KB"_s);
        QCOMPARE(AttachmentTiles::sizeText(3'500'000), u"3.3 MB"_s);
        QCOMPARE(AttachmentTiles::accessibleText(hwp), u"보고서.hwp, Hangul document, 47 KB"_s);
        QCOMPARE(AttachmentTiles::badgeText(file(u"f_2"_s, u"a.jpeg"_s, u"image/jpeg"_s, 1)),
                 u"JPG"_s);
        // Whatever the server could not name goes by the name's extension.
        QCOMPARE(AttachmentTiles::badgeText(
                     file(u"f_3"_s, u"설계.dwg"_s, u"application/octet-stream"_s, 1)),
                 u"DWG"_s);
        QCOMPARE(AttachmentTiles::kindText(
                     file(u"f_3"_s, u"설계.dwg"_s, u"application/octet-stream"_s, 1)),
                 u"File"_s);

        useLanguage(u"ko"_s);
        QCOMPARE(AttachmentTiles::kindText(hwp), u"한글 문서"_s);
        QCOMPARE(AttachmentTiles::sizeText(512), u"512바이트"_s);
        QCOMPARE(AttachmentTiles::openText(), u"열기"_s);
        QCOMPARE(AttachmentTiles::saveText(), u"다른 이름으로 저장…"_s);
        QCOMPARE(AttachmentTiles::progressText({1'000'000, 3'500'000}), u"977 KB / 3.3 MB"_s);
    }

    void chipsAboveTheComposer()
    {
        useLanguage(u"ko"_s);
        AttachmentStrip strip;
        QVERIFY(strip.isHidden());
        QSignalSpy removed(&strip, &AttachmentStrip::removeRequested);
        OutgoingFile report;
        report.key = u"k1"_s;
        report.name = u"보고서.hwp"_s;
        report.size = 48213;
        report.type = u"application/x-hwp"_s;
        strip.setFile(report);
        OutgoingFile photo = report;
        photo.key = u"k2"_s;
        photo.name = u"현장.png"_s;
        photo.type = u"image/png"_s;
        strip.setFile(photo);
        QVERIFY(!strip.isHidden());
        QCOMPARE(strip.files().size(), 2);
        AttachmentChip *chip = strip.chip(u"k1"_s);
        QVERIFY(chip);
        QCOMPARE(chip->accessibleName(), u"보고서.hwp, 한글 문서, 업로드 중 0%"_s);
        report.sent = 48213;
        report.stage = OutgoingFile::Stage::Done;
        strip.setFile(report);
        QCOMPARE(strip.files().size(), 2);
        QCOMPARE(chip->accessibleName(), u"보고서.hwp, 한글 문서, 47 KB"_s);
        QCOMPARE(chip->removeButton()->accessibleName(), u"보고서.hwp 삭제"_s);
        chip->removeButton()->click();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(0).toString(), u"k1"_s);
        strip.removeFile(u"k1"_s);
        strip.removeFile(u"k2"_s);
        QVERIFY(strip.isHidden());
    }

    void theComposerTakesFilesAndScreenshotsAsAttachments()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"회의록.txt"_s);
        QFile written(path);
        QVERIFY(written.open(QIODevice::WriteOnly));
        written.write("회의록");
        written.close();

        TestableComposer composer;
        QSignalSpy files(&composer, &Composer::filesDropped);
        QSignalSpy images(&composer, &Composer::imagePasted);
        QMimeData dropped;
        dropped.setUrls({QUrl::fromLocalFile(path)});
        QVERIFY(composer.canInsertFromMimeData(&dropped));
        composer.insertFromMimeData(&dropped);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).at(0).toStringList(), QStringList{path});
        QVERIFY(composer.toPlainText().isEmpty());

        QMimeData screenshot;
        QImage shot(64, 48, QImage::Format_RGB32);
        shot.fill(Qt::blue);
        screenshot.setImageData(shot);
        QVERIFY(composer.canInsertFromMimeData(&screenshot));
        composer.insertFromMimeData(&screenshot);
        QCOMPARE(images.size(), 1);
        QCOMPARE(images.at(0).at(0).value<QImage>().size(), QSize(64, 48));

        // A web address is text, even when it comes as a URL.
        QMimeData link;
        link.setUrls({QUrl(u"https://example.com/a"_s)});
        link.setText(u"https://example.com/a"_s);
        composer.insertFromMimeData(&link);
        QCOMPARE(files.size(), 1);
        QCOMPARE(composer.toPlainText(), u"https://example.com/a"_s);

        // With files attached, Enter sends them without words.
        composer.clear();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 0);
        composer.setHasAttachments(true);
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QString());
    }

    // What the message is laid out with before the server answers: the size upright.
    void anImageFilesUprightSizeIsReadFromItsHeader()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QImage landscape(40, 30, QImage::Format_RGB32);
        landscape.fill(Qt::darkCyan);
        // Named as nothing in particular: the content decides.
        QVERIFY(landscape.save(dir.filePath(u"photo.dat"_s), "PNG"));
        QCOMPARE(OutgoingFiles::uprightImageSize(dir.filePath(u"photo.dat"_s)), QSize(40, 30));

        // A photo taken sideways: its EXIF orientation (6, turn 90°) makes it 30 × 40 upright.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(landscape.save(&buffer, "JPEG"));
        const QByteArray exif = QByteArray("Exif\0\0MM\0\x2a\0\0\0\x08\0\x01"
                                           "\x01\x12\0\x03\0\0\0\x01\0\x06\0\0"
                                           "\0\0\0\0",
                                           32);
        QByteArray jpeg = buffer.data();
        jpeg.insert(2, QByteArray("\xff\xe1\0\x22", 4) + exif); // APP1, 34 bytes long
        QFile sideways(dir.filePath(u"sideways.jpg"_s));
        QVERIFY(sideways.open(QIODevice::WriteOnly));
        QCOMPARE(sideways.write(jpeg), jpeg.size());
        sideways.close();
        QCOMPARE(OutgoingFiles::uprightImageSize(sideways.fileName()), QSize(30, 40));

        // Anything else has none.
        QFile notes(dir.filePath(u"notes.txt"_s));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("회의 메모\n");
        notes.close();
        QVERIFY(OutgoingFiles::uprightImageSize(notes.fileName()).isEmpty());
        QVERIFY(OutgoingFiles::uprightImageSize(dir.filePath(u"missing.png"_s)).isEmpty());
    }
};

QTEST_MAIN(TestAttachmentTiles)
#include "test_attachment_tiles.moc"
