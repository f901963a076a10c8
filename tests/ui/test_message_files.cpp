// Files from the main window, as a user sends and opens them, against the real mock server:
// attached by the button's path, dropped on the conversation or pasted as a screenshot, shown as
// chips with their upload, sent with or without words, kept across a switch of conversation,
// refused with a clear note when too big; in the timeline an image opens in the viewer and a file
// is saved where the user says, byte for byte.
#include "account/conversation_model.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/attachment_strip.h"
#include "chat/chat.h"
#include "chat/composer.h"
#include "chat/file_downloads.h"
#include "chat/history_model.h"
#include "chat/image_viewer.h"
#include "chat/message_files.h"
#include "chat/message_view.h"
#include "chat/outgoing_files.h"
#include "chat/preview_images.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPainter>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A photo-like picture: something for the preview and the viewer to show.
QImage picture(const QSize &size, const QColor &color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QPainter painter(&image);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QRect(QPoint(size.width() / 4, size.height() / 4), size / 2));
    return image;
}
} // namespace

class TestMessageFiles : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    MainWindow *m_main = nullptr;
    QString m_channel;
    QString m_otherChannel;
    QTemporaryDir m_files;

    int rowWithBody(const QString &body) const
    {
        const QList<Message> &rows = m_main->history()->messages();
        for (qsizetype row = rows.size() - 1; row >= 0; --row) {
            if (rows.at(row).body == body)
                return int(row);
        }
        return -1;
    }
    // The newest message the server has with `count` files.
    std::optional<Message> newestWithFiles(qsizetype count) const
    {
        const QList<Message> &rows = m_main->history()->messages();
        for (qsizetype row = rows.size() - 1; row >= 0; --row) {
            const Message &message = rows.at(row);
            if (message.seq > 0 && message.attachments.size() == count &&
                !message.attachments.first().fileId.isEmpty())
                return message;
        }
        return std::nullopt;
    }
    bool allUploaded() const
    {
        const QList<OutgoingFile> files = m_main->attachmentStrip()->files();
        return std::all_of(files.cbegin(), files.cend(), [](const OutgoingFile &file) {
            return file.stage == OutgoingFile::Stage::Done;
        });
    }
    void openConversation(const QString &id)
    {
        QAbstractItemModel *list = m_main->conversationList()->model();
        for (int row = 0; row < list->rowCount(); ++row) {
            const QModelIndex index = list->index(row, 0);
            if (index.data(ConversationModel::IdRole).toString() == id)
                m_main->conversationList()->setCurrentIndex(index);
        }
        QTRY_COMPARE(m_main->history()->conversationId(), id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY(m_files.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
        m_windows = std::make_unique<WindowController>(m_sessions.get());
        m_windows->start();
        m_windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(m_windows->mainWindow() && m_windows->mainWindow()->isVisible(),
                                 20000);
        m_main = m_windows->mainWindow();
        QAbstractItemModel *list = m_main->conversationList()->model();
        QTRY_VERIFY_WITH_TIMEOUT(list->rowCount() > 1, 10000);
        for (int row = 0; row < list->rowCount(); ++row) {
            const QModelIndex index = list->index(row, 0);
            if (index.data(ConversationModel::IsDirectRole).toBool())
                continue;
            (m_channel.isEmpty() ? m_channel : m_otherChannel) =
                index.data(ConversationModel::IdRole).toString();
            if (!m_otherChannel.isEmpty())
                break;
        }
        QVERIFY(!m_channel.isEmpty() && !m_otherChannel.isEmpty());
        openConversation(m_channel);
        // Saved files go here unless a dialog says otherwise.
        m_main->messageFiles()->downloads()->setDownloadFolder(m_files.filePath(u"받은 파일"_s));
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
    }

    // Two files attached, uploaded while the user writes, sent with words: the server has the
    // message once with both, and the composer is empty again.
    void attachedFilesGoWithTheMessage()
    {
        const QString photo = m_files.filePath(u"현장 사진.jpg"_s);
        QVERIFY(picture(QSize(1600, 1200), QColor(0x2e, 0x7d, 0x32)).save(photo, "JPG"));
        const QString minutes = m_files.filePath(u"회의록.txt"_s);
        QVERIFY(writeFile(minutes, "12월 3일 회의록\n- 예산 확정\n"_ba));
        m_main->outgoingFiles()->attach({photo, minutes});
        AttachmentStrip *strip = m_main->attachmentStrip();
        QCOMPARE(strip->files().size(), 2);
        QVERIFY(strip->isVisibleTo(m_main));
        QVERIFY(!strip->files().first().thumbnail.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(), 15000);

        Composer *composer = m_main->composer();
        composer->setFocus();
        composer->insertPlainText(u"오늘 현장 자료입니다"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(strip->files().isEmpty());
        QVERIFY(!strip->isVisibleTo(m_main));
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWithBody(u"오늘 현장 자료입니다"_s) >= 0 &&
                m_main->history()->messages().at(rowWithBody(u"오늘 현장 자료입니다"_s)).seq > 0,
            15000);
        const Message sent =
            m_main->history()->messages().at(rowWithBody(u"오늘 현장 자료입니다"_s));
        QCOMPARE(sent.attachments.size(), 2);
        QCOMPARE(sent.attachments.at(0).name, u"현장 사진.jpg"_s);
        QVERIFY(sent.attachments.at(0).isImage());
        QCOMPARE(sent.attachments.at(0).width, 1600);
        QCOMPARE(sent.attachments.at(1).name, u"회의록.txt"_s);
        QCOMPARE(sent.attachments.at(1).type, u"text/plain; charset=utf-8"_s);
        // A screen reader hears the files too.
        const QModelIndex index =
            m_main->history()->index(rowWithBody(u"오늘 현장 자료입니다"_s), 0);
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(u"회의록.txt"_s));
        // The photo's preview comes from the server and is kept.
        PreviewImages *previews = m_main->messageFiles()->previews();
        previews->image(sent.attachments.at(0).fileId);
        QTRY_VERIFY_WITH_TIMEOUT(!previews->image(sent.attachments.at(0).fileId).isNull(), 10000);
    }

    // A screenshot pasted into the composer is a PNG; Enter sends it without words.
    void aPastedScreenshotIsSentAsAPng()
    {
        QApplication::clipboard()->setImage(picture(QSize(640, 400), QColor(0x34, 0x5c, 0xe8)));
        Composer *composer = m_main->composer();
        composer->setFocus();
        composer->paste();
        AttachmentStrip *strip = m_main->attachmentStrip();
        QTRY_COMPARE(strip->files().size(), 1);
        QVERIFY(strip->files().first().name.endsWith(u".png"_s));
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(allUploaded(), 15000);
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(newestWithFiles(1) && newestWithFiles(1)->body.isEmpty(), 15000);
        const Attachment png = newestWithFiles(1)->attachments.first();
        QCOMPARE(png.type, u"image/png"_s);
        QCOMPARE(png.width, 640);
    }

    // Files dropped on the conversation are attached; they stay with it while another
    // conversation is open, and × takes one off.
    void droppedFilesStayWithTheirConversation()
    {
        const QString report = m_files.filePath(u"분기 보고서.pdf"_s);
        QVERIFY(writeFile(report, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"_ba));
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(report)});
        QWidget *panel = m_main->messageView()->parentWidget();
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(panel, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &drop);
        AttachmentStrip *strip = m_main->attachmentStrip();
        QCOMPARE(strip->files().size(), 1);
        QCOMPARE(strip->files().first().name, u"분기 보고서.pdf"_s);
        const QString key = strip->files().first().key;

        openConversation(m_otherChannel);
        QVERIFY(strip->files().isEmpty());
        openConversation(m_channel);
        QCOMPARE(strip->files().size(), 1);
        QCOMPARE(strip->files().first().key, key);

        strip->chip(key)->removeButton()->click();
        QTRY_VERIFY(strip->files().isEmpty());
        QVERIFY(!m_main->account()->chat()->uploads()->find(key));
    }

    // Over the limit: refused before anything is sent, with a note that says the limit.
    void aFileTooBigIsRefusedWithANote()
    {
        const QString huge = m_files.filePath(u"영상.mp4"_s);
        QFile file(huge);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(UploadManager::MaxFileBytes + 1)); // sparse: no disk is filled
        file.close();
        m_main->outgoingFiles()->attach({huge});
        QVERIFY(m_main->attachmentStrip()->files().isEmpty());
        QLabel *note = m_main->messageView()->notFoundLabel();
        QVERIFY(note->isVisibleTo(m_main));
        QVERIFY2(note->text().contains(u"100 MB"_s), qPrintable(note->text()));
    }

    // An image opens in the viewer, whose arrows go through the conversation's images.
    void anImageOpensInTheViewer()
    {
        const std::optional<Message> withPhoto = [&]() -> std::optional<Message> {
            for (const Message &message : m_main->history()->messages()) {
                if (message.body == u"오늘 현장 자료입니다"_s)
                    return message;
            }
            return std::nullopt;
        }();
        QVERIFY(withPhoto);
        m_main->messageFiles()->activate(*withPhoto, 0, AttachmentTiles::Part::Image);
        ImageViewer *viewer = m_main->messageFiles()->viewer();
        QVERIFY(viewer && viewer->isVisible());
        QCOMPARE(viewer->count(), 2); // the photo and the screenshot
        QCOMPARE(viewer->current().name, u"현장 사진.jpg"_s);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isFullImageShown(), 15000);
        QTest::keyClick(viewer, Qt::Key_Right);
        QCOMPARE(viewer->index(), 1);
        QTest::keyClick(viewer, Qt::Key_Escape);
        QVERIFY(!viewer->isVisible());
    }

    // Save as… asks where (in the download folder first) and the file lands there, identical.
    void aFileIsSavedWhereTheUserSays()
    {
        const Message sent =
            m_main->history()->messages().at(rowWithBody(u"오늘 현장 자료입니다"_s));
        const QString target = m_files.filePath(u"저장한 회의록.txt"_s);
        QString suggested;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            suggested = dialog->selectedFiles().value(0);
            dialog->selectFile(target);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog hides it
        });
        m_main->messageFiles()->saveAs(sent.attachments.at(1));
        QVERIFY2(suggested.endsWith(u"받은 파일/회의록.txt"_s), qPrintable(suggested));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(target), 10000);
        QCOMPARE(readAll(target), "12월 3일 회의록\n- 예산 확정\n"_ba);
        QTRY_VERIFY(m_main->messageView()->notFoundLabel()->text().contains(target));

        if (!qEnvironmentVariableIsEmpty("MOIM_SCREENSHOT_DIR")) {
            // Files in the timeline and one attached in the composer, for the README.
            const QString draft = m_files.filePath(u"2026 예산안.pdf"_s);
            QVERIFY(writeFile(draft, "%PDF-1.4\n" + QByteArray(180'000, ' ') + "\n%%EOF\n"));
            m_main->outgoingFiles()->attach({draft});
            m_main->messageView()->notFoundLabel()->hide();
            m_main->resize(1180, 820);
            m_main->messageView()->scrollToBottom();
            QTest::qWait(400);
            m_main->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") + u"/files.png"_s);
        }
    }
};

QTEST_MAIN(TestMessageFiles)
#include "test_message_files.moc"
