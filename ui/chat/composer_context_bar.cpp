#include "composer_context_bar.h"

#include "common/notice.h"
#include "theme/theme.h"

#include <QAccessible>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// A quoted message is someone's text: one line, bounded, before it is laid out.
constexpr int QuoteLength = 200;

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.section(u'\n', 0, 0).simplified().left(QuoteLength);
}

} // namespace

ComposerContextBar::ComposerContextBar(QWidget *parent)
    : QFrame(parent)
    , m_accent(new QLabel(this))
    , m_title(new QLabel(this))
    , m_snippet(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"ComposerContextBar"_s);
    setAttribute(Qt::WA_StyledBackground);
    setFocusPolicy(Qt::ClickFocus);
    // The accent stripe on the left, as a quote is marked in the timeline.
    m_accent->setObjectName(u"ComposerContextAccent"_s);
    m_accent->setFixedWidth(3);
    m_title->setObjectName(u"ComposerContextTitle"_s);
    m_title->setTextFormat(Qt::PlainText);
    m_snippet->setTextFormat(Qt::PlainText);
    setRole(m_snippet, "muted");
    m_snippet->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_snippet->installEventFilter(this);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_close->setObjectName(u"ComposerContextClose"_s);
    m_close->setText(u"✕"_s);
    m_close->setAutoRaise(true);
    m_close->setFixedSize(28, 28);
    m_close->setCursor(Qt::PointingHandCursor);

    auto *lines = new QVBoxLayout;
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(1);
    lines->addWidget(m_title);
    lines->addWidget(m_snippet);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceM, Theme::SpaceS, Theme::SpaceS, Theme::SpaceS);
    layout->setSpacing(Theme::SpaceS + 2);
    layout->addWidget(m_accent);
    layout->addLayout(lines, 1);
    layout->addWidget(m_close, 0, Qt::AlignVCenter);

    connect(m_close, &QToolButton::clicked, this, &ComposerContextBar::cancel);
    hide();
}

void ComposerContextBar::showReply(const QString &authorName, const QString &snippet)
{
    m_mode = Mode::Reply;
    m_author = authorName.simplified().left(QuoteLength);
    m_quoted = firstLine(snippet);
    refresh();
    show();
}

void ComposerContextBar::showEdit(const QString &snippet)
{
    m_mode = Mode::Edit;
    m_author.clear();
    m_quoted = firstLine(snippet);
    refresh();
    show();
}

void ComposerContextBar::clear()
{
    m_mode = Mode::None;
    m_author.clear();
    m_quoted.clear();
    hide();
}

void ComposerContextBar::cancel()
{
    if (m_mode == Mode::None)
        return;
    clear();
    Q_EMIT cancelled();
}

QString ComposerContextBar::text() const
{
    switch (m_mode) {
    case Mode::None:
        return {};
    case Mode::Reply:
        return m_quoted.isEmpty() ? tr("Replying to %1").arg(m_author)
                                  : tr("Replying to %1: %2").arg(m_author, m_quoted);
    case Mode::Edit:
        return m_quoted.isEmpty() ? tr("Editing message") : tr("Editing message: %1").arg(m_quoted);
    }
    return {};
}

void ComposerContextBar::closeOnEscapeIn(QWidget *editor)
{
    editor->installEventFilter(this);
}

void ComposerContextBar::refresh()
{
    if (m_mode == Mode::None)
        return;
    const bool reply = m_mode == Mode::Reply;
    m_title->setText(reply ? tr("Replying to %1").arg(m_author) : tr("Editing message"));
    elideSnippet();
    m_snippet->setVisible(!m_quoted.isEmpty());
    m_close->setAccessibleName(reply ? tr("Cancel reply") : tr("Cancel editing"));
    m_close->setToolTip(reply ? tr("Cancel reply (Esc)") : tr("Cancel editing (Esc)"));
    const QString whole = text();
    if (accessibleName() != whole) {
        setAccessibleName(whole);
        QAccessibleEvent changed(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
    }
}

void ComposerContextBar::elideSnippet()
{
    // Elided to the room there is; the whole line stays in the accessible name.
    m_snippet->setText(m_snippet->fontMetrics().elidedText(m_quoted, Qt::ElideRight,
                                                           std::max(0, m_snippet->width())));
}

void ComposerContextBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_mode != Mode::None) {
        cancel();
        return;
    }
    QFrame::keyPressEvent(event);
}

bool ComposerContextBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_snippet && event->type() == QEvent::Resize)
        elideSnippet();
    if (event->type() == QEvent::KeyPress && m_mode != Mode::None && isVisible() &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape &&
        static_cast<QKeyEvent *>(event)->modifiers() == Qt::NoModifier) {
        cancel();
        return true;
    }
    return QFrame::eventFilter(watched, event);
}

void ComposerContextBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QFrame::changeEvent(event);
}

} // namespace moim::ui
