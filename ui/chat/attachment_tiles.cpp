#include "attachment_tiles.h"

#include "common/date_text.h"
#include "theme/theme.h"
#include "timeline_fonts.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// A single image may be big enough to read a screenshot's headline; several share a row.
constexpr QSize SingleImageBox(360, 280);
constexpr QSize GroupImageBox(180, 150);
// A sliver of a panorama is still something to click.
constexpr int MinThumbnailSide = 48;
constexpr int TileGap = 6;
constexpr int CardWidth = 340;
constexpr int CardPadding = 10;
constexpr int BadgeSize = 36;
constexpr int ButtonGap = 10;
constexpr int ProgressHeight = 3;
constexpr qreal Radius = 8;

int cardHeight(const QFont &font)
{
    return std::max(BadgeSize, QFontMetrics(boldFont(font)).height() +
                                   QFontMetrics(smallFont(font)).height() + 2) +
           2 * CardPadding;
}

bool typeIs(const moim::Attachment &attachment, QLatin1StringView type)
{
    return attachment.type.startsWith(type);
}

} // namespace

// Dark enough for white letters in both themes.
QColor AttachmentTiles::badgeColor(const QString &badge)
{
    if (badge == "HWP"_L1)
        return QColor(0x1f, 0x6f, 0xc5);
    if (badge == "PDF"_L1)
        return QColor(0xc6, 0x28, 0x28);
    if (badge == "XLS"_L1)
        return QColor(0x1d, 0x7a, 0x45);
    if (badge == "DOC"_L1)
        return QColor(0x2b, 0x57, 0x9a);
    if (badge == "PPT"_L1)
        return QColor(0xc4, 0x4f, 0x1d);
    if (badge == "ZIP"_L1)
        return QColor(0x7a, 0x5c, 0x2e);
    return QColor(0x5f, 0x6b, 0x7a);
}

AttachmentTiles::AttachmentTiles(QList<moim::Attachment> attachments)
    : m_attachments(std::move(attachments))
{}

QSize AttachmentTiles::thumbnailSize(const moim::Attachment &image, bool single, int maxWidth)
{
    const QSize box = single ? SingleImageBox : GroupImageBox;
    QSize size(std::max(image.width, 1), std::max(image.height, 1));
    // Never enlarged: a small image stays small (its preview is no bigger).
    if (size.width() > box.width() || size.height() > box.height())
        size = size.scaled(box, Qt::KeepAspectRatio);
    if (size.width() > maxWidth)
        size = size.scaled(QSize(maxWidth, box.height()), Qt::KeepAspectRatio);
    return {std::max(size.width(), MinThumbnailSide), std::max(size.height(), MinThumbnailSide)};
}

int AttachmentTiles::layout(const QFont &font, const QPoint &topLeft, int width)
{
    m_font = font;
    m_tiles.clear();
    if (m_attachments.isEmpty())
        return 0;
    const auto isShownAsImage = [](const moim::Attachment &attachment) {
        return attachment.isImage() && !attachment.fileId.isEmpty();
    };
    const int images =
        int(std::count_if(m_attachments.cbegin(), m_attachments.cend(), isShownAsImage));
    const int right = topLeft.x() + std::max(width, 0);
    QPoint at = topLeft;
    int rowHeight = 0;
    int bottom = topLeft.y();
    // Images first flow in rows; each card then stands on a line of its own, in the order sent.
    for (const moim::Attachment &attachment : std::as_const(m_attachments)) {
        Tile tile;
        if (isShownAsImage(attachment)) {
            const QSize size = thumbnailSize(attachment, images == 1, width);
            if (at.x() > topLeft.x() && at.x() + size.width() > right) {
                at = QPoint(topLeft.x(), at.y() + rowHeight + TileGap);
                rowHeight = 0;
            }
            tile.rect = QRect(at, size);
            at.rx() += size.width() + TileGap;
            rowHeight = std::max(rowHeight, size.height());
        }
        bottom = std::max(bottom, tile.rect.isValid() ? tile.rect.bottom() + 1 : bottom);
        m_tiles.append(tile);
    }
    int y = images > 0 ? bottom + TileGap : topLeft.y();
    const QFontMetrics small(smallFont(font));
    for (qsizetype i = 0; i < m_attachments.size(); ++i) {
        Tile &tile = m_tiles[i];
        if (tile.rect.isValid())
            continue;
        tile.rect = QRect(topLeft.x(), y, std::min(width, CardWidth), cardHeight(font));
        // The actions sit at the right end of the card's second line.
        const int lineTop = tile.rect.top() + CardPadding + QFontMetrics(boldFont(font)).height();
        const int buttonHeight = small.height() + 2;
        int buttonRight = tile.rect.right() - CardPadding;
        const auto place = [&](const QString &text) {
            const int buttonWidth = small.horizontalAdvance(text) + 4;
            const QRect rect(buttonRight - buttonWidth + 1, lineTop, buttonWidth, buttonHeight);
            buttonRight = rect.left() - ButtonGap;
            return rect;
        };
        tile.save = place(saveText());
        tile.open = place(openText());
        buttonRight = tile.rect.right() - CardPadding;
        tile.cancel = place(cancelText());
        y = tile.rect.bottom() + 1 + TileGap;
    }
    return y - TileGap - topLeft.y();
}

bool AttachmentTiles::inTransfer(const moim::Attachment &attachment, const Sources &sources)
{
    if (attachment.fileId.isEmpty())
        return true;
    const std::optional<TransferProgress> progress =
        sources.transfer ? sources.transfer(attachment) : std::nullopt;
    return progress && !progress->failed;
}

AttachmentTiles::Hit AttachmentTiles::hitAt(const QPoint &position, const Sources &sources) const
{
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        const Tile &tile = m_tiles.at(i);
        if (!tile.rect.contains(position))
            continue;
        const moim::Attachment &attachment = m_attachments.at(i);
        Hit hit{int(i), Part::Card, tile.rect};
        if (!tile.open.isValid()) {
            hit.part = Part::Image;
        } else if (inTransfer(attachment, sources)) {
            if (tile.cancel.adjusted(-4, -4, 4, 4).contains(position))
                hit = {int(i), Part::Cancel, tile.cancel};
        } else if (tile.open.adjusted(-4, -4, 4, 4).contains(position)) {
            hit = {int(i), Part::Open, tile.open};
        } else if (tile.save.adjusted(-4, -4, 4, 4).contains(position)) {
            hit = {int(i), Part::Save, tile.save};
        }
        return hit;
    }
    return {};
}

void AttachmentTiles::paint(QPainter *painter, const Sources &sources, const Hit &hovered) const
{
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        if (m_tiles.at(i).open.isValid())
            paintCard(painter, int(i), sources, hovered);
        else
            paintImage(painter, int(i), sources, hovered.index == i);
    }
}

void AttachmentTiles::paintImage(QPainter *painter, int index, const Sources &sources,
                                 bool hovered) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    const QRect rect = m_tiles.at(index).rect;
    const moim::Attachment &image = m_attachments.at(index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(rect), Radius, Radius);
    const QImage preview = image.hasPreview && sources.preview ? sources.preview(image) : QImage();
    if (preview.isNull()) {
        painter->fillPath(clip, colors.sunken);
        painter->setPen(colors.mutedText);
        painter->setFont(smallFont(m_font));
        const QFontMetrics metrics(painter->font());
        painter->drawText(rect.adjusted(6, 6, -6, -6), Qt::AlignCenter | Qt::TextSingleLine,
                          metrics.elidedText(image.name, Qt::ElideMiddle, rect.width() - 12));
    } else {
        painter->setClipPath(clip);
        // The preview has the image's shape: cover the tile, cut centred if a side differs.
        const QSize covering = preview.size().scaled(rect.size(), Qt::KeepAspectRatioByExpanding);
        const QRect target(rect.center().x() - covering.width() / 2 + 1,
                           rect.center().y() - covering.height() / 2 + 1, covering.width(),
                           covering.height());
        painter->drawImage(target, preview);
        painter->setClipping(false);
    }
    painter->setPen(QPen(hovered ? colors.primary : colors.border, 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    painter->restore();
}

void AttachmentTiles::paintCard(QPainter *painter, int index, const Sources &sources,
                                const Hit &hovered) const
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    const Tile &tile = m_tiles.at(index);
    const moim::Attachment &file = m_attachments.at(index);
    const bool moving = inTransfer(file, sources);
    const std::optional<TransferProgress> progress =
        sources.transfer ? sources.transfer(file) : std::nullopt;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(hovered.index == index ? colors.primary : colors.border, 1));
    painter->setBrush(colors.surface);
    painter->drawRoundedRect(QRectF(tile.rect).adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);

    const QRect badge(tile.rect.left() + CardPadding,
                      tile.rect.top() + (tile.rect.height() - BadgeSize) / 2, BadgeSize, BadgeSize);
    const QString badgeLetters = badgeText(file);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(badgeLetters));
    painter->drawRoundedRect(QRectF(badge), 6, 6);
    QFont badgeFont = boldFont(smallFont(m_font));
    badgeFont.setPointSizeF(std::max(6.5, badgeFont.pointSizeF() - 1));
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter | Qt::TextSingleLine, badgeLetters);

    const int textLeft = badge.right() + 1 + CardPadding;
    const QFontMetrics nameMetrics(boldFont(m_font));
    const QRect nameRect(textLeft, tile.rect.top() + CardPadding,
                         tile.rect.right() - CardPadding - textLeft + 1, nameMetrics.height());
    painter->setFont(boldFont(m_font));
    painter->setPen(colors.text);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      nameMetrics.elidedText(file.name, Qt::ElideMiddle, nameRect.width()));

    const QFont small = smallFont(m_font);
    const QFontMetrics smallMetrics(small);
    const QRect buttons = moving ? tile.cancel : tile.open.united(tile.save);
    const QRect detailRect(textLeft, tile.open.top(), buttons.left() - ButtonGap - textLeft,
                           tile.open.height());
    const QString detail = moving && progress ? progressText(*progress)
                           : progress && progress->failed
                               ? tr("Download failed")
                               : sizeText(file.size) + u" · "_s + kindText(file);
    painter->setFont(small);
    painter->setPen(progress && progress->failed ? colors.danger : colors.mutedText);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      smallMetrics.elidedText(detail, Qt::ElideRight, detailRect.width()));

    const auto paintButton = [&](const QRect &rect, const QString &text, Part part) {
        QFont font = small;
        font.setUnderline(hovered.index == index && hovered.part == part);
        painter->setFont(font);
        painter->setPen(part == Part::Cancel ? colors.mutedText : colors.primary);
        painter->drawText(rect, Qt::AlignCenter | Qt::TextSingleLine, text);
    };
    if (moving) {
        paintButton(tile.cancel, cancelText(), Part::Cancel);
        const qreal fraction =
            progress && progress->total > 0
                ? std::clamp(qreal(progress->done) / qreal(progress->total), 0.0, 1.0)
                : 0.0;
        const QRectF track(textLeft, tile.rect.bottom() - CardPadding / 2.0 - ProgressHeight,
                           tile.rect.right() - CardPadding - textLeft, ProgressHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colors.sunken);
        painter->drawRoundedRect(track, 1.5, 1.5);
        painter->setBrush(colors.primary);
        painter->drawRoundedRect(
            QRectF(track.topLeft(), QSizeF(track.width() * fraction, track.height())), 1.5, 1.5);
    } else {
        paintButton(tile.open, openText(), Part::Open);
        paintButton(tile.save, saveText(), Part::Save);
    }
    painter->restore();
}

QString AttachmentTiles::sizeText(qint64 bytes)
{
    // KB = 1024 bytes, as Windows Explorer writes it and Korean offices read it (Qt's "kB"
    // looks like a typo to them); one decimal from MB up, none below.
    const QLocale locale = DateText::locale();
    if (bytes < 1024)
        return tr("%1 bytes").arg(locale.toString(bytes));
    static constexpr std::array<const char *, 3> Units{"MB", "GB", "TB"};
    if (bytes < 1024 * 1024)
        return locale.toString(qRound64(bytes / 1024.0)) + u" KB"_s;
    double value = bytes / (1024.0 * 1024.0);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < Units.size()) {
        value /= 1024;
        ++unit;
    }
    return locale.toString(value, 'f', 1) + u' ' + QLatin1StringView(Units.at(unit));
}

QString AttachmentTiles::badgeText(const moim::Attachment &attachment)
{
    const QString type = attachment.type;
    if (type == "application/x-hwp"_L1 || type == "application/hwp+zip"_L1)
        return u"HWP"_s;
    if (type == "application/pdf"_L1)
        return u"PDF"_s;
    if (type.contains("spreadsheetml"_L1) || type == "application/vnd.ms-excel"_L1)
        return u"XLS"_s;
    if (type.contains("wordprocessingml"_L1) || type == "application/msword"_L1)
        return u"DOC"_s;
    if (type.contains("presentationml"_L1) || type == "application/vnd.ms-powerpoint"_L1)
        return u"PPT"_s;
    if (type == "application/zip"_L1)
        return u"ZIP"_s;
    if (typeIs(attachment, "image/"_L1))
        return type.mid(6, 4).toUpper().replace("JPEG"_L1, "JPG"_L1);
    if (typeIs(attachment, "text/plain"_L1))
        return u"TXT"_s;
    // Whatever else: the name's own extension, if it is a short one.
    const QString suffix = QFileInfo(attachment.name).suffix().toUpper();
    return suffix.isEmpty() || suffix.size() > 4 ? u"FILE"_s : suffix;
}

QString AttachmentTiles::kindText(const moim::Attachment &attachment)
{
    const QString badge = badgeText(attachment);
    if (badge == "HWP"_L1)
        return tr("Hangul document");
    if (badge == "PDF"_L1)
        return tr("PDF document");
    if (badge == "XLS"_L1)
        return tr("Excel workbook");
    if (badge == "DOC"_L1)
        return tr("Word document");
    if (badge == "PPT"_L1)
        return tr("PowerPoint presentation");
    if (badge == "ZIP"_L1)
        return tr("ZIP archive");
    if (badge == "TXT"_L1 && typeIs(attachment, "text/plain"_L1))
        return tr("Text file");
    if (typeIs(attachment, "image/"_L1))
        return tr("Image (%1)").arg(badge);
    return tr("File");
}

QString AttachmentTiles::accessibleText(const moim::Attachment &attachment)
{
    //: A file in a message, for a screen reader: name, kind, size.
    return tr("%1, %2, %3").arg(attachment.name, kindText(attachment), sizeText(attachment.size));
}

QString AttachmentTiles::openText()
{
    return tr("Open");
}

QString AttachmentTiles::saveText()
{
    return tr("Save as…");
}

QString AttachmentTiles::cancelText()
{
    return tr("Cancel");
}

QString AttachmentTiles::progressText(const TransferProgress &progress)
{
    //: A file moving: "1.2 MB of 4.5 MB".
    return tr("%1 of %2").arg(sizeText(progress.done), sizeText(progress.total));
}

} // namespace moim::ui
