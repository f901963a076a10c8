#include "emoji_picker.h"

#include "common/accessible_fields.h"
#include "common/emoji_font.h"
#include "common/notice.h"
#include "emoji_catalogue.h"
#include "search/composing_line_edit.h"
#include "theme/theme.h"

#include <QEvent>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMap>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

const auto KeyRecent = u"ui/recentEmoji"_s;
constexpr int CellSize = 40;
constexpr int TitleRowHeight = 28;
constexpr int VisibleRows = 6;
// Room around the card for its shadow.
constexpr int ShadowMargin = 8;
constexpr int ScrollBarWidth = 10; // the theme's

// What was saved, trusted only as far as it names emoji of the catalogue.
QStringList loadRecent(const QSettings *uiState)
{
    QStringList recent;
    if (!uiState)
        return recent;
    for (const QString &glyph : uiState->value(KeyRecent).toStringList()) {
        if (recent.size() == EmojiPicker::MaxRecent)
            break;
        if (EmojiCatalogue::find(glyph) && !recent.contains(glyph))
            recent.append(glyph);
    }
    return recent;
}

} // namespace

EmojiPicker::EmojiPicker(QSettings *uiState, QWidget *parent)
    : QWidget(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_uiState(uiState)
    , m_card(new QFrame(this))
    , m_field(new ComposingLineEdit(m_card))
    , m_grid(new QTableView(m_card))
    , m_empty(new QLabel(m_card))
    , m_previewEmoji(new QLabel(m_card))
    , m_previewName(new QLabel(m_card))
    , m_recent(loadRecent(uiState))
{
    setObjectName(u"EmojiPicker"_s);
    setAttribute(Qt::WA_TranslucentBackground);
    m_card->setObjectName(u"EmojiPickerCard"_s);
    m_card->setAttribute(Qt::WA_StyledBackground);

    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);

    m_grid->setObjectName(u"EmojiGrid"_s);
    m_grid->setModel(&m_model);
    m_grid->horizontalHeader()->hide();
    m_grid->verticalHeader()->hide();
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_grid->setShowGrid(false);
    m_grid->setFrameShape(QFrame::NoFrame);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_grid->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_grid->setWordWrap(false);
    m_grid->setMouseTracking(true);
    // Typing goes on in the field while the arrows move through the grid from there.
    m_grid->setFocusPolicy(Qt::NoFocus);

    setRole(m_empty, "muted");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->hide();

    m_previewEmoji->setObjectName(u"EmojiPreview"_s);
    m_previewEmoji->setTextFormat(Qt::PlainText);
    m_previewEmoji->setAlignment(Qt::AlignCenter);
    m_previewName->setTextFormat(Qt::PlainText);
    QFont nameFont = m_previewName->font();
    nameFont.setWeight(QFont::DemiBold);
    m_previewName->setFont(nameFont);

    auto *preview = new QHBoxLayout;
    preview->setContentsMargins(0, 0, 0, 0);
    preview->setSpacing(Theme::SpaceS);
    preview->addWidget(m_previewEmoji);
    preview->addWidget(m_previewName, 1);

    auto *layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(Theme::SpaceM, Theme::SpaceM, Theme::SpaceS, Theme::SpaceS);
    layout->setSpacing(Theme::SpaceS);
    layout->addWidget(m_field);
    layout->addWidget(m_grid);
    layout->addWidget(m_empty);
    auto *divider = new QFrame(m_card);
    setRole(divider, "divider");
    divider->setFixedHeight(1);
    layout->addWidget(divider);
    layout->addLayout(preview);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(ShadowMargin, ShadowMargin, ShadowMargin, ShadowMargin);
    outer->addWidget(m_card);

    connect(m_field, &ComposingLineEdit::composingTextChanged, this, [this] { refill(); });
    connect(m_grid, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (const int position = m_model.positionOf(index); position >= 0)
            pick(m_model.emojiAt(position));
    });
    connect(m_grid, &QTableView::entered, this,
            [this](const QModelIndex &index) { showPreview(m_model.positionOf(index)); });
    applySizes();
    retranslate();
}

void EmojiPicker::popup(const QRect &anchor)
{
    m_field->clear();
    refill();
    adjustSize();
    const QScreen *screen = QGuiApplication::screenAt(anchor.center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    const QRect available = screen->availableGeometry();
    // The shadow may hang over the anchor; the card itself sits just beside it.
    QPoint topLeft(anchor.left() - ShadowMargin, anchor.top() - height() + ShadowMargin);
    if (topLeft.y() < available.top())
        topLeft.setY(anchor.bottom() - ShadowMargin);
    topLeft.setX(std::clamp(topLeft.x(), available.left(),
                            std::max(available.left(), available.right() - width())));
    topLeft.setY(std::clamp(topLeft.y(), available.top(),
                            std::max(available.top(), available.bottom() - height())));
    move(topLeft);
    show();
    raise();
    m_field->setFocus(Qt::PopupFocusReason);
}

QString EmojiPicker::currentEmoji() const
{
    return m_model.emojiAt(m_model.positionOf(m_grid->currentIndex()));
}

void EmojiPicker::pick(const QString &glyph)
{
    if (glyph.isEmpty())
        return;
    m_recent.removeAll(glyph);
    m_recent.prepend(glyph);
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    if (m_uiState)
        m_uiState->setValue(KeyRecent, m_recent);
    close();
    Q_EMIT emojiPicked(glyph);
}

void EmojiPicker::refill()
{
    const QString query = m_field->composingText().trimmed();
    QList<EmojiGridModel::Section> sections;
    if (query.isEmpty()) {
        sections.append({tr("Recently used"), m_recent});
        QMap<EmojiCatalogue::Group, QStringList> groups;
        for (const EmojiCatalogue::Emoji &emoji : EmojiCatalogue::all())
            groups[emoji.group].append(emoji.glyph);
        for (auto it = groups.cbegin(); it != groups.cend(); ++it)
            sections.append({EmojiCatalogue::groupTitle(it.key()), it.value()});
    } else {
        // What was used lately is most likely what is looked for again.
        QStringList found;
        QStringList others;
        for (const EmojiCatalogue::Emoji *emoji : EmojiCatalogue::search(query))
            (m_recent.contains(emoji->glyph) ? found : others).append(emoji->glyph);
        std::sort(found.begin(), found.end(), [this](const QString &a, const QString &b) {
            return m_recent.indexOf(a) < m_recent.indexOf(b);
        });
        sections.append({QString(), found + others});
    }
    m_model.setSections(sections);
    m_grid->clearSpans();
    for (const int row : m_model.titleRows()) {
        m_grid->setSpan(row, 0, 1, EmojiGridModel::Columns);
        m_grid->setRowHeight(row, Theme::scaled(TitleRowHeight));
    }
    const bool nothing = m_model.emojiCount() == 0;
    m_grid->setVisible(!nothing);
    m_empty->setVisible(nothing);
    m_empty->setText(nothing ? tr("No emoji matches “%1”.").arg(query) : QString());
    m_grid->scrollToTop();
    setCurrent(0);
}

void EmojiPicker::setCurrent(int position)
{
    const QModelIndex index = m_model.indexAt(position);
    m_grid->setCurrentIndex(index);
    if (index.isValid()) {
        // The title above the first row stays in sight when the first row is chosen.
        if (position == m_model.step(position, Qt::Key_Up))
            m_grid->scrollToTop();
        else
            m_grid->scrollTo(index);
    }
    showPreview(position);
    // The grid never has the keyboard: the field tells a screen reader which emoji Enter picks.
    m_field->setAccessibleDescription(
        index.isValid() ? index.data(Qt::AccessibleTextRole).toString() : QString());
}

void EmojiPicker::showPreview(int position)
{
    if (position < 0)
        position = m_model.positionOf(m_grid->currentIndex());
    const QString glyph = m_model.emojiAt(position);
    m_previewEmoji->setText(glyph);
    m_previewName->setText(glyph.isEmpty() ? QString() : EmojiCatalogue::name(glyph));
}

bool EmojiPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
            setCurrent(m_model.step(m_model.positionOf(m_grid->currentIndex()), key->key()));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            pick(currentEmoji());
            return true;
        case Qt::Key_Escape:
            close();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void EmojiPicker::paintEvent(QPaintEvent *)
{
    // A soft shadow of a few outlines, as the quick switcher's card has.
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int spread = 1; spread <= 6; ++spread) {
        painter.setBrush(QColor(0, 0, 0, 14 - 2 * spread));
        painter.drawRoundedRect(
            m_card->geometry().adjusted(-spread, -spread + 2, spread, spread + 2), 12 + spread,
            12 + spread);
    }
}

void EmojiPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange)
        applySizes();
    QWidget::changeEvent(event);
}

void EmojiPicker::applySizes()
{
    const int cell = Theme::scaled(CellSize);
    // The minimum first: a default below the old minimum would be held at it.
    m_grid->horizontalHeader()->setMinimumSectionSize(cell);
    m_grid->horizontalHeader()->setDefaultSectionSize(cell);
    m_grid->verticalHeader()->setMinimumSectionSize(Theme::scaled(TitleRowHeight));
    m_grid->verticalHeader()->setDefaultSectionSize(cell);
    m_grid->setFixedSize(EmojiGridModel::Columns * cell + ScrollBarWidth,
                         VisibleRows * cell + Theme::scaled(TitleRowHeight));
    m_empty->setFixedSize(m_grid->size());
    m_previewEmoji->setFont(emojiFont(m_previewEmoji->font(), Theme::scaled(26)));
    m_previewEmoji->setFixedWidth(cell);
    refill(); // the title rows' heights
}

void EmojiPicker::retranslate()
{
    makeFieldButtonsAccessible(m_field, tr("Clear the search"));
    m_field->setPlaceholderText(tr("Search emoji"));
    m_field->setAccessibleName(tr("Search emoji"));
    m_grid->setAccessibleName(tr("Emoji"));
    setAccessibleName(tr("Emoji picker"));
    refill(); // titles and names are in the language
}

} // namespace moim::ui
