#include "message_files.h"

#include "chat/chat.h"
#include "chat/file_downloads.h"
#include "chat/history_model.h"
#include "image_viewer.h"
#include "message_view.h"
#include "preview_images.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QUrl>

namespace moim::ui {

using namespace Qt::StringLiterals;

MessageFiles::MessageFiles(Chat *chat, FileDownloads *downloads, HistoryModel *history,
                           MessageView *view, QWidget *window)
    : QObject(window)
    , m_chat(chat)
    , m_downloads(downloads)
    , m_previews(new PreviewImages(downloads, this))
    , m_history(history)
    , m_view(view)
    , m_window(window)
{
    auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
    AttachmentTiles::Sources sources;
    sources.preview = [this](const Attachment &file) {
        return file.fileId.isEmpty() ? QImage() : m_previews->image(file.fileId);
    };
    sources.transfer = [this](const Attachment &file) -> std::optional<TransferProgress> {
        if (!file.uploadKey.isEmpty() && file.fileId.isEmpty()) {
            const std::optional<Upload> upload = m_chat->uploads()->find(file.uploadKey);
            if (!upload)
                return std::nullopt;
            return TransferProgress{upload->sent, upload->size,
                                    upload->state == Upload::State::Failed};
        }
        return downloadOf(file.fileId);
    };
    delegate->setAttachmentSources(sources);
    connect(view, &MessageView::attachmentActivated, this, &MessageFiles::activate);
    // A preview, an upload's progress or a download's changes only what is painted: no row
    // changes its height, so the viewport is repainted, never laid out again.
    connect(m_previews, &PreviewImages::imageReady, this, &MessageFiles::repaint);
    connect(chat->uploads(), &UploadManager::uploadChanged, this, [this](const Upload &upload) {
        // Uploads to other conversations go on behind the scenes: nothing here shows them.
        if (upload.conversationId == m_history->conversationId())
            repaint();
    });
    connect(downloads, &FileDownloads::downloadChanged, this,
            [this](const QString &key, const QString &, qint64 received, qint64 total) {
                if (!m_active.contains(key))
                    return;
                m_active[key].progress = {received, total};
                repaint();
            });
    connect(downloads, &FileDownloads::downloadFinished, this,
            [this](const QString &key, const QString &, const QString &path) {
                const Download done = m_active.take(key);
                if (done.announce)
                    Q_EMIT note(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
                repaint();
            });
    connect(downloads, &FileDownloads::downloadFailed, this,
            [this](const QString &key, const QString &, ApiError::Code code) {
                const Download failed = m_active.take(key);
                m_toOpen.remove(failed.fileId);
                if (!failed.fileId.isEmpty()) {
                    //: "보고서.hwp: the file is no longer on the server."
                    Q_EMIT note(
                        tr("%1 could not be downloaded: %2").arg(failed.name, failureText(code)));
                }
                repaint();
            });
    connect(downloads, &FileDownloads::readyToOpen, this,
            [this](const QString &fileId, const QString &path) {
                // Opened once, and only what was asked for here.
                if (m_toOpen.remove(fileId))
                    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
            });
}

ImageViewer *MessageFiles::viewer() const
{
    return m_viewer;
}

void MessageFiles::repaint()
{
    m_view->viewport()->update();
}

std::optional<TransferProgress> MessageFiles::downloadOf(const QString &fileId) const
{
    if (fileId.isEmpty())
        return std::nullopt;
    for (const Download &download : m_active) {
        if (download.fileId == fileId)
            return download.progress;
    }
    return std::nullopt;
}

QString MessageFiles::failureText(ApiError::Code code)
{
    if (code == ApiError::Code::NotFound)
        return tr("the file is no longer on the server.");
    if (code == ApiError::Code::TwoStepRequired)
        return tr("this workspace requires 2-step verification.");
    if (code == ApiError::Code::Network)
        return tr("the connection was lost.");
    return tr("it could not be written to the disk, or the server refused it.");
}

bool MessageFiles::isRecognisedType(const Attachment &file)
{
    return !file.type.isEmpty() && file.type != "application/octet-stream"_L1;
}

QList<Attachment> MessageFiles::conversationImages() const
{
    QList<Attachment> images;
    for (const Message &message : m_history->messages()) {
        if (message.deleted)
            continue;
        for (const Attachment &attachment : message.attachments) {
            if (attachment.isImage() && !attachment.fileId.isEmpty())
                images.append(attachment);
        }
    }
    return images;
}

void MessageFiles::activate(const Message &message, int attachment, AttachmentTiles::Part part)
{
    if (attachment < 0 || attachment >= message.attachments.size())
        return;
    const Attachment &file = message.attachments.at(attachment);
    switch (part) {
    case AttachmentTiles::Part::Image: {
        const QList<Attachment> images = conversationImages();
        const auto at = std::find_if(images.cbegin(), images.cend(), [&](const Attachment &image) {
            return image.fileId == file.fileId;
        });
        if (at == images.cend())
            return;
        if (!m_viewer) {
            m_viewer = new ImageViewer(m_downloads, m_previews, m_window);
            connect(m_viewer, &ImageViewer::saveRequested, this, &MessageFiles::saveAs);
            connect(m_viewer, &ImageViewer::openRequested, this, &MessageFiles::open);
        }
        m_viewer->show(images, int(at - images.cbegin()));
        return;
    }
    case AttachmentTiles::Part::Card:
    case AttachmentTiles::Part::Open:
        if (!file.fileId.isEmpty())
            open(file);
        return;
    case AttachmentTiles::Part::Save:
        if (!file.fileId.isEmpty())
            saveAs(file);
        return;
    case AttachmentTiles::Part::Cancel:
        if (file.fileId.isEmpty()) {
            // The message waits for this upload: cancelling it leaves the message not sent,
            // with the reason, to be sent again or deleted.
            m_chat->uploads()->cancel(file.uploadKey);
            return;
        }
        for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
            if (it->fileId == file.fileId) {
                m_downloads->cancel(it.key());
                m_active.remove(it.key());
                break;
            }
        }
        repaint();
        return;
    case AttachmentTiles::Part::None:
        return;
    }
}

void MessageFiles::open(const Attachment &file)
{
    if (downloadOf(file.fileId))
        return; // on its way already
    if (!isRecognisedType(file)) {
        const auto answer = QMessageBox::question(
            m_window, tr("Open %1?").arg(file.name),
            tr("Moim could not tell what kind of file this is. It may be a program that can "
               "change your computer. Open it only if you trust %1.")
                .arg(file.name),
            QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Open)
            return;
    }
    m_toOpen.insert(file.fileId);
    const QString key = m_downloads->open(file);
    // One already in the cache opens without a download.
    if (m_downloads->isActive(key))
        m_active.insert(key, {file.fileId, file.name, {0, file.size}, false});
    repaint();
}

void MessageFiles::saveAs(const Attachment &file)
{
    // The dialog opens where the file would land by default; a missing folder would send it
    // to wherever the process happens to run.
    const QDir folder(m_downloads->downloadFolder());
    folder.mkpath(u"."_s);
    const QString suggested = folder.filePath(FileDownloads::safeFileName(file.name));
    const QString target = QFileDialog::getSaveFileName(m_window, tr("Save file"), suggested);
    if (target.isEmpty())
        return;
    const QString key = m_downloads->save(file, target);
    if (!key.isEmpty())
        m_active.insert(key, {file.fileId, file.name, {0, file.size}, true});
    repaint();
}

} // namespace moim::ui
