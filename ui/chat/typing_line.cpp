#include "typing_line.h"

#include "common/plain_text.h"
#include "theme/theme.h"

#include <QAccessible>
#include <QEvent>
#include <QPainter>
#include <QTimer>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// A display name is someone else's text: bounded before it is shown.
constexpr int NameLength = 64;
constexpr int SideMargin = 20; // where the timeline's avatars start
constexpr int DotsWidth = 22;  // the three dots left of the text
constexpr int DotRadius = 2;

} // namespace

TypingLine::TypingLine(QWidget *parent)
    : QLabel(parent)
    , m_dots(new QTimer(this))
{
    setObjectName(u"TypingLine"_s);
    setTextFormat(Qt::PlainText);
    setIndent(SideMargin + DotsWidth);
    setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    m_dots->setInterval(400);
    connect(m_dots, &QTimer::timeout, this, [this] {
        m_phase = (m_phase + 1) % 3;
        update(QRect(0, 0, indent(), height()));
    });
    hide();
}

void TypingLine::setNames(const QStringList &names)
{
    QStringList bounded;
    for (const QString &name : names)
        bounded.append(name.simplified().left(NameLength));
    if (bounded == m_names)
        return;
    m_names = bounded;
    refresh();
}

QString TypingLine::typingText(const QStringList &names)
{
    switch (names.size()) {
    case 0:
        return {};
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("%1 and %n other(s) are typing…", "", int(names.size() - 1)).arg(names.at(0));
    }
}

void TypingLine::refresh()
{
    const QString whole = typingText(m_names);
    QLabel::setText(fontMetrics().elidedText(whole, Qt::ElideRight,
                                             std::max(0, contentsRect().width() - indent())));
    setPlainToolTip(this, whole);
    setVisible(!whole.isEmpty());
    if (accessibleName() != whole) {
        setAccessibleName(whole);
        // Polite news: whoever listens hears it without losing their place.
        QAccessibleEvent changed(this, QAccessible::NameChanged);
        QAccessible::updateAccessibility(&changed);
    }
}

QSize TypingLine::sizeHint() const
{
    // The same height with or without names, so nothing around it moves.
    return {QLabel::sizeHint().width(), fontMetrics().height() + Theme::SpaceS};
}

QSize TypingLine::minimumSizeHint() const
{
    return {0, sizeHint().height()};
}

void TypingLine::paintEvent(QPaintEvent *event)
{
    QLabel::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    const Theme::Colors colors = Theme::colors(Theme::current());
    const int left = indent() - DotsWidth;
    const int y = contentsRect().center().y() + 1;
    for (int dot = 0; dot < 3; ++dot) {
        QColor color = colors.mutedText;
        color.setAlphaF(dot == m_phase ? 1.0 : 0.35);
        painter.setBrush(color);
        painter.drawEllipse(QPoint(left + DotRadius + dot * (2 * DotRadius + 3), y), DotRadius,
                            DotRadius);
    }
}

void TypingLine::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    refresh(); // elided to the new width
}

void TypingLine::showEvent(QShowEvent *event)
{
    QLabel::showEvent(event);
    m_dots->start();
}

void TypingLine::hideEvent(QHideEvent *event)
{
    QLabel::hideEvent(event);
    m_dots->stop();
}

void TypingLine::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

} // namespace moim::ui
