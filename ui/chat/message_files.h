#pragma once

#include "attachment_tiles.h"
#include "net/api_error.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

namespace moim {
class Chat;
class FileDownloads;
class HistoryModel;
struct Message;
} // namespace moim

namespace moim::ui {

class PreviewImages;
class ImageViewer;
class MessageView;

// The files of the messages in the timeline: their previews and transfers for painting, and
// what a click on one does — an image opens in the viewer (the arrows then go through the
// conversation's images), a file opens in its application once downloaded, Save as… asks where
// (the download folder first) and says where it went, Cancel stops a transfer (an upload of a
// message still on its way, or a download).
class MessageFiles : public QObject
{
    Q_OBJECT

public:
    MessageFiles(Chat *chat, FileDownloads *downloads, HistoryModel *history, MessageView *view,
                 QWidget *window);

    void activate(const moim::Message &message, int attachment, AttachmentTiles::Part part);
    // Opens the file in the application the desktop has for it, once it is here.
    void open(const moim::Attachment &file);
    // Asks where to save it (in the download folder by default), then downloads it there.
    void saveAs(const moim::Attachment &file);
    // The images of the messages shown, oldest first: where the viewer's arrows go.
    QList<moim::Attachment> conversationImages() const;
    // The image viewer, once an image was opened.
    ImageViewer *viewer() const;
    FileDownloads *downloads() const { return m_downloads; }
    PreviewImages *previews() const { return m_previews; }
    // The download of a file under way, if any.
    std::optional<TransferProgress> downloadOf(const QString &fileId) const;

    static QString failureText(moim::ApiError::Code code);
    // Asks before a file the server could not recognise is opened: it may be a program.
    static bool isRecognisedType(const moim::Attachment &file);

Q_SIGNALS:
    // Something to tell the user over the timeline: a file saved, a download that failed.
    void note(const QString &text);

private:
    struct Download
    {
        QString fileId;
        QString name;
        TransferProgress progress;
        bool announce = false; // a save: say where it went
    };
    void repaint();

    Chat *m_chat;
    FileDownloads *m_downloads;
    PreviewImages *m_previews;
    HistoryModel *m_history;
    MessageView *m_view;
    QWidget *m_window;
    QPointer<ImageViewer> m_viewer;
    QHash<QString, Download> m_active; // by download key
    QSet<QString> m_toOpen;            // file ids to open once they are here
};

} // namespace moim::ui
