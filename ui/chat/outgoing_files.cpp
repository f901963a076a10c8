#include "outgoing_files.h"

#include "attachment_strip.h"
#include "chat/chat.h"
#include "composer.h"

#include <QBuffer>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMimeData>
#include <QSet>
#include <QStandardPaths>
#include <QToolButton>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// Small copies of local images for the chips, made once when attached.
constexpr int ThumbnailSide = 72;

QImage thumbnailOf(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return {};
    // Decoded at the small size straight away (JPEG scales while decoding): cheap for a photo.
    reader.setScaledSize(size.scaled(ThumbnailSide, ThumbnailSide, Qt::KeepAspectRatioByExpanding));
    return reader.read();
}

} // namespace

OutgoingFiles::OutgoingFiles(Chat *chat, Composer *composer, AttachmentStrip *strip,
                             QToolButton *attachButton, QWidget *dropArea, QWidget *window)
    : QObject(window)
    , m_chat(chat)
    , m_composer(composer)
    , m_strip(strip)
    , m_window(window)
{
    attachButton->setToolTip(tr("Attach files"));
    attachButton->setAccessibleName(tr("Attach files"));
    connect(attachButton, &QToolButton::clicked, this, &OutgoingFiles::chooseFiles);
    connect(composer, &Composer::filesDropped, this, &OutgoingFiles::attach);
    connect(composer, &Composer::imagePasted, this, &OutgoingFiles::attachImage);
    connect(strip, &AttachmentStrip::removeRequested, this,
            [this](const QString &key) { m_chat->uploads()->cancel(key); });
    connect(strip, &AttachmentStrip::filesChanged, this,
            [this] { m_composer->setHasAttachments(!m_strip->isEmpty()); });
    UploadManager *uploads = m_chat->uploads();
    connect(uploads, &UploadManager::uploadChanged, this, &OutgoingFiles::onUploadChanged);
    connect(uploads, &UploadManager::uploadRemoved, this, [this](const QString &key) {
        m_thumbnails.remove(key);
        m_strip->removeFile(key);
    });
    dropArea->setAcceptDrops(true);
    dropArea->installEventFilter(this);
}

QString OutgoingFiles::errorText(UploadError error)
{
    switch (error) {
    case UploadError::Unreadable:
        return tr("The file cannot be read.");
    case UploadError::Folder:
        return tr("Folders cannot be sent; compress it into a ZIP file first.");
    case UploadError::Empty:
        return tr("The file is empty.");
    case UploadError::TooLarge:
        return tr("Files can be at most %1 MB.").arg(UploadManager::MaxFileBytes / (1024 * 1024));
    case UploadError::NotSaved:
        return tr("The file could not be kept for sending: the disk may be full.");
    case UploadError::FileChanged:
        return tr("The file changed while it was being sent. Attach it again.");
    case UploadError::FileMissing:
        return tr("The file was moved or deleted before it was sent.");
    case UploadError::Refused:
        return tr("The server did not accept the file.");
    case UploadError::None:
        break;
    }
    return {};
}

QString OutgoingFiles::screenshotName(const QDateTime &when)
{
    //: The name of a pasted screenshot; %1 is the date and time, written for a file name.
    return tr("Screenshot %1.png").arg(when.toString(u"yyyy-MM-dd HH.mm.ss"_s));
}

OutgoingFile OutgoingFiles::chipFor(const Upload &upload)
{
    OutgoingFile file;
    file.key = upload.key;
    file.name = upload.name;
    file.size = upload.size;
    file.type = upload.file ? upload.file->type : upload.type;
    file.sent = upload.sent;
    switch (upload.state) {
    case Upload::State::Uploading:
        file.stage = OutgoingFile::Stage::Uploading;
        break;
    case Upload::State::WaitingForNetwork:
        file.stage = OutgoingFile::Stage::Waiting;
        break;
    case Upload::State::Done:
        file.stage = OutgoingFile::Stage::Done;
        break;
    case Upload::State::Failed:
        file.stage = OutgoingFile::Stage::Failed;
        file.error = errorText(upload.error);
        break;
    }
    return file;
}

void OutgoingFiles::setConversation(const QString &conversationId)
{
    m_conversationId = conversationId;
    refreshComposer();
}

QList<Upload> OutgoingFiles::attachedUploads() const
{
    if (m_conversationId.isEmpty())
        return {};
    // Those a queued message carries belong to it, shown in the timeline, not in the composer.
    QSet<QString> carried;
    for (const Message &message : m_chat->unsentMessages(m_conversationId)) {
        for (const Attachment &attachment : message.attachments)
            carried.insert(attachment.uploadKey);
    }
    QList<Upload> attached;
    for (const Upload &upload : m_chat->uploads()->uploads(m_conversationId)) {
        if (!carried.contains(upload.key))
            attached.append(upload);
    }
    return attached;
}

void OutgoingFiles::refreshComposer()
{
    m_strip->clear();
    for (const Upload &upload : attachedUploads()) {
        OutgoingFile chip = chipFor(upload);
        chip.thumbnail = thumbnailFor(upload);
        m_strip->setFile(chip);
    }
}

QImage OutgoingFiles::thumbnailFor(const Upload &upload)
{
    if (const auto made = m_thumbnails.constFind(upload.key); made != m_thumbnails.constEnd())
        return *made;
    // An image attached before a restart: its thumbnail is made again from the file.
    if (!upload.imageSize.isValid() || upload.localPath.isEmpty())
        return {};
    // Kept even when null, so that a file that cannot be read is not decoded at every refresh.
    const QImage thumbnail = thumbnailOf(upload.localPath);
    m_thumbnails.insert(upload.key, thumbnail);
    return thumbnail;
}

void OutgoingFiles::onUploadChanged(const Upload &upload)
{
    if (upload.conversationId != m_conversationId || !m_strip->chip(upload.key))
        return;
    OutgoingFile chip = chipFor(upload);
    chip.thumbnail = m_thumbnails.value(upload.key);
    m_strip->setFile(chip);
}

bool OutgoingFiles::hasRoom(int adding)
{
    if (m_strip->files().size() + adding <= Attachment::MaxPerMessage)
        return true;
    Q_EMIT failed(tr("A message can carry at most %n files.", nullptr, Attachment::MaxPerMessage));
    return false;
}

QSize OutgoingFiles::uprightImageSize(const QString &path)
{
    QImageReader reader(path);
    if (!reader.canRead())
        return {};
    QSize size = reader.size();
    if (reader.transformation() & QImageIOHandler::TransformationRotate90)
        size.transpose();
    return size.isValid() && !size.isEmpty() ? size : QSize();
}

void OutgoingFiles::attach(const QStringList &paths)
{
    if (m_conversationId.isEmpty() || paths.isEmpty() || !hasRoom(int(paths.size())))
        return;
    for (const QString &path : paths) {
        const UploadManager::Started started =
            m_chat->uploads()->start(m_conversationId, path, uprightImageSize(path));
        if (!started.ok()) {
            //: Why a file could not be attached: "보고서.hwp: The file is empty."
            Q_EMIT failed(tr("%1: %2").arg(QFileInfo(path).fileName(), errorText(started.error)));
            continue;
        }
        m_lastFolder = QFileInfo(path).absolutePath();
        const std::optional<Upload> upload = m_chat->uploads()->find(started.key);
        if (!upload)
            continue;
        OutgoingFile chip = chipFor(*upload);
        if (upload->imageSize.isValid())
            chip.thumbnail = m_thumbnails[started.key] = thumbnailOf(path);
        m_strip->setFile(chip);
    }
}

void OutgoingFiles::attachImage(const QImage &image)
{
    if (m_conversationId.isEmpty() || image.isNull() || !hasRoom(1))
        return;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        Q_EMIT failed(errorText(UploadError::Unreadable));
        return;
    }
    const UploadManager::Started started = m_chat->uploads()->startFromData(
        m_conversationId, png, screenshotName(QDateTime::currentDateTime()), image.size());
    if (!started.ok()) {
        Q_EMIT failed(errorText(started.error));
        return;
    }
    const std::optional<Upload> upload = m_chat->uploads()->find(started.key);
    if (!upload)
        return;
    OutgoingFile chip = chipFor(*upload);
    chip.thumbnail = m_thumbnails[started.key] = image.scaled(
        ThumbnailSide, ThumbnailSide, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
    m_strip->setFile(chip);
}

void OutgoingFiles::chooseFiles()
{
    if (m_conversationId.isEmpty())
        return;
    const QString folder = m_lastFolder.isEmpty()
                               ? QStandardPaths::writableLocation(QStandardPaths::HomeLocation)
                               : m_lastFolder;
    attach(QFileDialog::getOpenFileNames(m_window, tr("Attach files"), folder));
}

QStringList OutgoingFiles::attachedKeys() const
{
    QStringList keys;
    for (const OutgoingFile &file : m_strip->files())
        keys.append(file.key);
    return keys;
}

bool OutgoingFiles::readyToSend()
{
    for (const OutgoingFile &file : m_strip->files()) {
        if (file.stage == OutgoingFile::Stage::Failed) {
            Q_EMIT failed(tr("%1 could not be uploaded: %2 Remove it to send the message.")
                              .arg(file.name, file.error));
            return false;
        }
    }
    return true;
}

void OutgoingFiles::sent()
{
    for (const OutgoingFile &file : m_strip->files())
        m_thumbnails.remove(file.key);
    m_strip->clear();
}

bool OutgoingFiles::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!m_conversationId.isEmpty() && !Composer::localFiles(drag->mimeData()).isEmpty()) {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = Composer::localFiles(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->setDropAction(Qt::CopyAction);
            drop->accept();
            attach(paths);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace moim::ui
