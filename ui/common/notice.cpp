#include "notice.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

// An error notice is an alert to assistive technology; the others are status lines.
class NoticeAccessible : public QAccessibleWidget
{
public:
    explicit NoticeAccessible(Notice *notice)
        : QAccessibleWidget(notice)
    {}
    QAccessible::Role role() const override
    {
        return static_cast<Notice *>(widget())->kind() == Notice::Kind::Error
                   ? QAccessible::AlertMessage
                   : QAccessible::StatusBar;
    }
};

QAccessibleInterface *noticeAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1StringView(Notice::staticMetaObject.className()))
        return new NoticeAccessible(static_cast<Notice *>(object));
    return nullptr;
}

} // namespace

void setRole(QWidget *widget, const char *role)
{
    widget->setProperty("role", QString::fromLatin1(role));
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

Notice::Notice(Kind kind, QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(noticeAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled)
    setKind(kind);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(10);
    m_icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_action->hide();
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    connect(m_action, &QPushButton::clicked, this, &Notice::actionTriggered);
    setAccessibleDescription(QString());
}

void Notice::setKind(Kind kind)
{
    m_kind = kind;
    setRole(this, kind == Kind::Error ? "errorBox" : kind == Kind::Info ? "infoBox" : "banner");
    const QString icon = kind == Kind::Error  ? u":/moim/icons/alert.svg"_s
                         : kind == Kind::Info ? u":/moim/icons/shield-check.svg"_s
                                              : u":/moim/icons/cloud-off.svg"_s;
    m_icon->setPixmap(QIcon(icon).pixmap(QSize(20, 20), devicePixelRatioF()));
    setRole(m_action, kind == Kind::Banner ? "secondary" : "link");
    // The text's colour comes from a rule on the frame's role ("errorBox QLabel"); a child is
    // not re-polished with its parent, so an error turned success would keep its red.
    style()->unpolish(m_text);
    style()->polish(m_text);
}

void Notice::setMessage(const QString &text)
{
    const bool changed = m_text->text() != text;
    m_text->setText(text);
    setAccessibleName(text);
    if (changed && isVisible())
        announce();
}

void Notice::showEvent(QShowEvent *event)
{
    QFrame::showEvent(event);
    announce();
}

void Notice::announce()
{
    if (m_kind != Kind::Error || m_text->text().isEmpty())
        return;
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

QString Notice::message() const
{
    return m_text->text();
}

void Notice::setAction(const QString &text)
{
    m_action->setText(text);
    m_action->setAccessibleName(text);
    m_action->setVisible(!text.isEmpty());
}

} // namespace moim::ui
