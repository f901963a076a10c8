#include "conversation_intro.h"

#include "common/date_text.h"
#include "common/notice.h"

#include <QDateTime>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

ConversationIntro::ConversationIntro(QWidget *parent)
    : QWidget(parent)
    , m_badge(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(u"ConversationIntro"_s);
    setRole(m_title, "heading");
    setRole(m_text, "muted");
    for (QLabel *label : {m_badge, m_title, m_text}) {
        label->setTextFormat(Qt::PlainText); // names and topics come from the server
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
    }
    QFont badgeFont = m_badge->font();
    badgeFont.setPointSizeF(badgeFont.pointSizeF() * 2.4);
    badgeFont.setWeight(QFont::DemiBold);
    m_badge->setFont(badgeFont);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(66, 24, 24, 24);
    layout->setSpacing(6);
    layout->addStretch(1);
    layout->addWidget(m_badge);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
}

void ConversationIntro::setConversation(const QString &name, const QString &topic, bool direct,
                                        const QString &createdBy, qint64 createdAt)
{
    m_name = name;
    m_topic = topic;
    m_direct = direct;
    m_createdBy = createdBy;
    m_createdAt = createdAt;
    retranslate();
}

QString ConversationIntro::title() const
{
    return m_title->text();
}

QString ConversationIntro::text() const
{
    return m_text->text();
}

void ConversationIntro::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConversationIntro::retranslate()
{
    m_badge->setText(m_direct ? m_name.left(1) : u"#"_s);
    if (m_direct) {
        m_title->setText(m_name);
        m_text->setText(
            tr("This is the start of your conversation with %1. Say hello.").arg(m_name));
    } else {
        m_title->setText(tr("This is the start of #%1").arg(m_name));
        QString text =
            m_topic.isEmpty() ? tr("Everything said in #%1 appears here.").arg(m_name) : m_topic;
        if (!m_createdBy.isEmpty() && m_createdAt > 0) {
            text += u"\n"_s +
                    tr("%1 created this channel on %2.")
                        .arg(m_createdBy,
                             DateText::date(
                                 QDateTime::fromSecsSinceEpoch(m_createdAt).toLocalTime().date()));
        } else if (!m_createdBy.isEmpty()) {
            text += u"\n"_s + tr("%1 created this channel.").arg(m_createdBy);
        }
        m_text->setText(text);
    }
    setAccessibleName(m_title->text());
    setAccessibleDescription(m_text->text());
}

} // namespace moim::ui
