#include "attachment_strip.h"

#include "attachment_tiles.h"
#include "theme/theme.h"

#include <QAccessible>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QPainter>
#include <QPainterPath>
#include <QToolButton>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

constexpr int ChipWidth = 232;
constexpr int ChipHeight = 52;
constexpr int Padding = 8;
constexpr int BadgeSide = 36;
constexpr int RemoveSide = 24;
constexpr int ProgressHeight = 3;

moim::Attachment asAttachment(const OutgoingFile &file)
{
    moim::Attachment attachment;
    attachment.name = file.name;
    attachment.size = file.size;
    attachment.type = file.type;
    return attachment;
}

QString stageText(const OutgoingFile &file)
{
    switch (file.stage) {
    case OutgoingFile::Stage::Uploading:
        return AttachmentTiles::progressText({file.sent, file.size});
    case OutgoingFile::Stage::Waiting:
        return AttachmentChip::tr("Waiting for the network…");
    case OutgoingFile::Stage::Done:
        return AttachmentTiles::sizeText(file.size);
    case OutgoingFile::Stage::Failed:
        return file.error;
    }
    return {};
}

} // namespace

AttachmentChip::AttachmentChip(const OutgoingFile &file, QWidget *parent)
    : QWidget(parent)
    , m_remove(new QToolButton(this))
{
    setObjectName(u"AttachmentChip"_s);
    setFixedSize(ChipWidth, ChipHeight);
    // Reachable by Tab through its × button; the chip itself only says what it holds.
    m_remove->setObjectName(u"AttachmentChipRemove"_s);
    m_remove->setText(u"✕"_s);
    m_remove->setAutoRaise(true);
    m_remove->setCursor(Qt::PointingHandCursor);
    m_remove->setGeometry(ChipWidth - Padding - RemoveSide + 2, (ChipHeight - RemoveSide) / 2,
                          RemoveSide, RemoveSide);
    connect(m_remove, &QToolButton::clicked, this, [this] { Q_EMIT removeRequested(m_file.key); });
    setFile(file);
}

void AttachmentChip::setFile(const OutgoingFile &file)
{
    const bool stageChanged = file.stage != m_file.stage || file.key != m_file.key;
    m_file = file;
    setAccessibleName(accessibleText());
    setToolTip(file.stage == OutgoingFile::Stage::Failed ? file.name + u'\n' + file.error
                                                         : file.name);
    m_remove->setToolTip(tr("Remove %1").arg(file.name));
    m_remove->setAccessibleName(m_remove->toolTip());
    if (stageChanged) {
        // Progress changes quietly; a finished or failed upload is news.
        QAccessibleEvent event(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&event);
    }
    update();
}

QString AttachmentChip::accessibleText() const
{
    const moim::Attachment attachment = asAttachment(m_file);
    switch (m_file.stage) {
    case OutgoingFile::Stage::Uploading:
        //: An attached file uploading, for a screen reader: "보고서.hwp, 한글 문서, 업로드 중 42%".
        return tr("%1, %2, uploading %3%")
            .arg(m_file.name, AttachmentTiles::kindText(attachment))
            .arg(m_file.size > 0 ? int(m_file.sent * 100 / m_file.size) : 0);
    case OutgoingFile::Stage::Waiting:
    case OutgoingFile::Stage::Failed:
        return tr("%1, %2").arg(AttachmentTiles::accessibleText(attachment), stageText(m_file));
    case OutgoingFile::Stage::Done:
        break;
    }
    return AttachmentTiles::accessibleText(attachment);
}

QSize AttachmentChip::sizeHint() const
{
    return {ChipWidth, ChipHeight};
}

void AttachmentChip::paintEvent(QPaintEvent *)
{
    const Theme::Colors colors = Theme::colors(Theme::current());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const bool failed = m_file.stage == OutgoingFile::Stage::Failed;
    painter.setPen(QPen(failed ? colors.danger : colors.border, 1));
    painter.setBrush(colors.surface);
    painter.drawRoundedRect(frame, 8, 8);

    const QRect badge(Padding, (ChipHeight - BadgeSide) / 2, BadgeSide, BadgeSide);
    if (!m_file.thumbnail.isNull()) {
        QPainterPath clip;
        clip.addRoundedRect(QRectF(badge), 6, 6);
        painter.save();
        painter.setClipPath(clip);
        const QSize covering =
            m_file.thumbnail.size().scaled(badge.size(), Qt::KeepAspectRatioByExpanding);
        painter.drawImage(QRect(badge.center().x() - covering.width() / 2 + 1,
                                badge.center().y() - covering.height() / 2 + 1, covering.width(),
                                covering.height()),
                          m_file.thumbnail);
        painter.restore();
    } else {
        const QString letters = AttachmentTiles::badgeText(asAttachment(m_file));
        painter.setPen(Qt::NoPen);
        painter.setBrush(AttachmentTiles::badgeColor(letters));
        painter.drawRoundedRect(QRectF(badge), 6, 6);
        QFont badgeFont = font();
        badgeFont.setWeight(QFont::DemiBold);
        badgeFont.setPointSizeF(std::max(6.5, badgeFont.pointSizeF() - 2.5));
        painter.setFont(badgeFont);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter | Qt::TextSingleLine, letters);
    }

    const int textLeft = badge.right() + 1 + Padding;
    const int textWidth = m_remove->geometry().left() - 4 - textLeft;
    QFont nameFont = font();
    nameFont.setWeight(QFont::DemiBold);
    QFont detailFont = font();
    detailFont.setPointSizeF(std::max(7.0, detailFont.pointSizeF() - 1.5));
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics detailMetrics(detailFont);
    const int textTop = (ChipHeight - nameMetrics.height() - detailMetrics.height()) / 2;
    painter.setFont(nameFont);
    painter.setPen(colors.text);
    painter.drawText(QRect(textLeft, textTop, textWidth, nameMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                     nameMetrics.elidedText(m_file.name, Qt::ElideMiddle, textWidth));
    painter.setFont(detailFont);
    painter.setPen(failed ? colors.danger : colors.mutedText);
    painter.drawText(
        QRect(textLeft, textTop + nameMetrics.height(), textWidth, detailMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        detailMetrics.elidedText(stageText(m_file), Qt::ElideRight, textWidth));

    if (m_file.stage == OutgoingFile::Stage::Uploading ||
        m_file.stage == OutgoingFile::Stage::Waiting) {
        const qreal fraction =
            m_file.size > 0 ? std::clamp(qreal(m_file.sent) / qreal(m_file.size), 0.0, 1.0) : 0;
        const QRectF track(textLeft, ChipHeight - Padding / 2.0 - ProgressHeight, textWidth,
                           ProgressHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colors.sunken);
        painter.drawRoundedRect(track, 1.5, 1.5);
        painter.setBrush(colors.primary);
        painter.drawRoundedRect(
            QRectF(track.topLeft(), QSizeF(track.width() * fraction, track.height())), 1.5, 1.5);
    }
}

AttachmentStrip::AttachmentStrip(QWidget *parent)
    : QFrame(parent)
    , m_row(new QHBoxLayout(this))
{
    setObjectName(u"AttachmentStrip"_s);
    setAccessibleName(tr("Attached files"));
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(6);
    m_row->addStretch(1);
    hide();
}

AttachmentChip *AttachmentStrip::chip(const QString &key) const
{
    for (AttachmentChip *chip : m_chips) {
        if (chip->file().key == key)
            return chip;
    }
    return nullptr;
}

void AttachmentStrip::setFile(const OutgoingFile &file)
{
    if (AttachmentChip *existing = chip(file.key)) {
        existing->setFile(file);
        return;
    }
    auto *added = new AttachmentChip(file, this);
    connect(added, &AttachmentChip::removeRequested, this, &AttachmentStrip::removeRequested);
    m_row->insertWidget(int(m_chips.size()), added);
    m_chips.append(added);
    show();
    Q_EMIT filesChanged();
}

void AttachmentStrip::removeFile(const QString &key)
{
    AttachmentChip *gone = chip(key);
    if (!gone)
        return;
    m_chips.removeOne(gone);
    delete gone;
    setVisible(!m_chips.isEmpty());
    Q_EMIT filesChanged();
}

void AttachmentStrip::clear()
{
    if (m_chips.isEmpty())
        return;
    qDeleteAll(m_chips);
    m_chips.clear();
    hide();
    Q_EMIT filesChanged();
}

QList<OutgoingFile> AttachmentStrip::files() const
{
    QList<OutgoingFile> files;
    for (const AttachmentChip *chip : m_chips)
        files.append(chip->file());
    return files;
}

} // namespace moim::ui
