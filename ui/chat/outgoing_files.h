#pragma once

#include "chat/upload_manager.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QString>
#include <QStringList>

class QDateTime;
class QToolButton;
class QWidget;

namespace moim {
class Chat;
}

namespace moim::ui {

class AttachmentStrip;
class Composer;
struct OutgoingFile;

// Files attached to the message being written: from the attach button (a file dialog), dropped
// on the conversation or the composer, or pasted (a screenshot becomes a PNG). Each starts
// uploading at once and shows as a chip above the composer with its progress; × cancels it.
// Uploads go on while the user is in another conversation or workspace and after a restart:
// the chips of a conversation come back when it is opened again. Enter sends the message with
// the conversation's attached files (the outbox waits for uploads still running).
class OutgoingFiles : public QObject
{
    Q_OBJECT

public:
    OutgoingFiles(Chat *chat, Composer *composer, AttachmentStrip *strip, QToolButton *attachButton,
                  QWidget *dropArea, QWidget *window);

    // The conversation shown changed: its attached files come back.
    void setConversation(const QString &conversationId);
    // Attaches files to the message being written; refusals are said through failed().
    void attach(const QStringList &paths);
    void attachImage(const QImage &image);
    // Opens the file dialog.
    void chooseFiles();
    // The keys of the files attached in the composer, in the order attached.
    QStringList attachedKeys() const;
    // Whether the attached files can go with a message: not when one failed (it says so).
    bool readyToSend();
    // The message carrying them was written down: the chips go (the outbox has the uploads).
    void sent();

    // Words for why a file cannot be attached or uploaded.
    static QString errorText(moim::UploadError error);
    // What a chip shows of an upload.
    static OutgoingFile chipFor(const moim::Upload &upload);
    // The name a pasted screenshot is given: "Screenshot 2026-12-03 15.57.12.png".
    static QString screenshotName(const QDateTime &when);
    // The upright size of an image file (its EXIF orientation applied), read from its header
    // without decoding the pixels; empty for anything that is not an image Qt can read.
    static QSize uprightImageSize(const QString &path);

Q_SIGNALS:
    // Something attached could not be: why, in the UI language.
    void failed(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onUploadChanged(const moim::Upload &upload);
    void refreshComposer();
    QImage thumbnailFor(const moim::Upload &upload);
    // Uploads of the conversation that no queued message carries yet: those in the composer.
    QList<moim::Upload> attachedUploads() const;
    bool hasRoom(int adding);

    Chat *m_chat;
    Composer *m_composer;
    AttachmentStrip *m_strip;
    QWidget *m_window;
    QString m_conversationId;
    QString m_lastFolder;
    // The chips' small copies of their images, by upload key, made once (a null image for one
    // that could not be read) until the upload goes.
    QHash<QString, QImage> m_thumbnails;
};

} // namespace moim::ui
