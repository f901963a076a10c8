#pragma once

#include "chat/message.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QList>
#include <QRect>
#include <functional>
#include <optional>

class QPainter;

namespace moim::ui {

// How far a file's transfer has come: an upload from this computer, or a download under way.
struct TransferProgress
{
    qint64 done = 0;
    qint64 total = 0;
    bool failed = false;
};

// The files of a message as the timeline shows them: images as thumbnails in their own shape
// (the preview the server made, a quiet placeholder until it is here), other files as cards with
// a type badge, name, size and the actions Open and Save as…; a file still on its way shows a
// progress bar and Cancel instead. Laid out once for painting and for hit testing, so a click
// finds exactly what was drawn.
class AttachmentTiles
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::AttachmentTiles)

public:
    enum class Part
    {
        None,
        Image,
        Card,
        Open,
        Save,
        Cancel
    };
    struct Hit
    {
        int index = -1;
        Part part = Part::None;
        QRect rect;
    };
    // What painting needs from outside: the preview of an image (null while it is fetched; asking
    // is what starts the fetch) and the transfer of a file, if one is under way.
    struct Sources
    {
        std::function<QImage(const moim::Attachment &)> preview;
        std::function<std::optional<TransferProgress>(const moim::Attachment &)> transfer;
    };

    AttachmentTiles() = default;
    explicit AttachmentTiles(QList<moim::Attachment> attachments);

    const QList<moim::Attachment> &attachments() const { return m_attachments; }
    // Lays the tiles out from `topLeft` in `width`; returns the height they take (0 for none).
    int layout(const QFont &font, const QPoint &topLeft, int width);
    QRect tileRect(int index) const { return m_tiles.value(index).rect; }
    Hit hitAt(const QPoint &position, const Sources &sources) const;
    void paint(QPainter *painter, const Sources &sources, const Hit &hovered) const;

    // The size of an image's thumbnail: its own shape, within the box a single image (or one of
    // several) may take, never wider than `maxWidth`.
    static QSize thumbnailSize(const moim::Attachment &image, bool single, int maxWidth);
    // "48 KB", "3.2 MB" in the language chosen in Moim.
    static QString sizeText(qint64 bytes);
    // What kind of file it is, in words: "한글 문서", "PDF document", "Image (PNG)".
    static QString kindText(const moim::Attachment &attachment);
    // The few letters on a file's badge: HWP, PDF, XLS, ZIP…
    static QString badgeText(const moim::Attachment &attachment);
    // The badge's colour, one per family of file, the same in both themes.
    static QColor badgeColor(const QString &badge);
    // Name, kind and size, for a screen reader and a tooltip.
    static QString accessibleText(const moim::Attachment &attachment);
    static QString openText();
    static QString saveText();
    static QString cancelText();
    // "1.2 MB of 4.5 MB".
    static QString progressText(const TransferProgress &progress);

private:
    struct Tile
    {
        QRect rect;
        QRect open;
        QRect save;
        QRect cancel;
    };
    // A card shows Open and Save as… when its file is on the server and idle, Cancel while it
    // moves (or waits to be uploaded from here).
    static bool inTransfer(const moim::Attachment &attachment, const Sources &sources);
    void paintImage(QPainter *painter, int index, const Sources &sources, bool hovered) const;
    void paintCard(QPainter *painter, int index, const Sources &sources, const Hit &hovered) const;

    QList<moim::Attachment> m_attachments;
    QList<Tile> m_tiles;
    QFont m_font;
};

} // namespace moim::ui
