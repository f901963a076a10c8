#include "pinned_notice_bar.h"

#include "common/notice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

QString foldKey(const Conversation &conversation)
{
    return conversation.id + u'/' + conversation.pinned.messageId;
}

} // namespace

PinnedNoticeBar::PinnedNoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_show(new QToolButton(this))
    , m_fold(new QToolButton(this))
    , m_unpin(new QToolButton(this))
{
    setObjectName(u"pinnedNotice"_s);
    setFrameShape(QFrame::StyledPanel);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_show->setAutoRaise(true);
    m_fold->setAutoRaise(true);
    m_unpin->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 6, 6);
    layout->addWidget(m_title, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_show, 0, Qt::AlignTop);
    layout->addWidget(m_fold, 0, Qt::AlignTop);
    layout->addWidget(m_unpin, 0, Qt::AlignTop);
    connect(m_show, &QToolButton::clicked, this, [this] {
        if (m_conversation && !m_conversation->pinned.isEmpty())
            Q_EMIT showRequested(m_conversation->id, m_conversation->pinned.messageId,
                                 m_conversation->pinned.seq);
    });
    connect(m_fold, &QToolButton::clicked, this, [this] { setFolded(!isFolded()); });
    connect(m_unpin, &QToolButton::clicked, this, [this] {
        if (m_conversation)
            Q_EMIT unpinRequested(m_conversation->id);
    });
    retranslate();
    hide();
}

void PinnedNoticeBar::setConversation(const std::optional<Conversation> &conversation)
{
    m_conversation = conversation;
    refresh();
}

bool PinnedNoticeBar::isFolded() const
{
    return m_conversation && m_folded.contains(foldKey(*m_conversation));
}

void PinnedNoticeBar::setFolded(bool folded)
{
    if (!m_conversation)
        return;
    if (folded)
        m_folded.insert(foldKey(*m_conversation));
    else
        m_folded.remove(foldKey(*m_conversation));
    refresh();
}

void PinnedNoticeBar::refresh()
{
    const bool shown = m_conversation && !m_conversation->pinned.isEmpty();
    setVisible(shown);
    if (!shown)
        return;
    const Conversation::PinnedNotice &notice = m_conversation->pinned;
    const bool folded = isFolded();
    const QString line = notice.authorName + u": "_s + notice.body;
    m_text->setWordWrap(!folded);
    // Folded: the first line only, the rest behind the button.
    m_text->setText(folded ? line.section(u'\n', 0, 0) : line);
    m_text->setToolTip(folded ? line : QString());
    m_fold->setArrowType(folded ? Qt::DownArrow : Qt::UpArrow);
    m_fold->setToolTip(folded ? tr("Show the whole notice") : tr("Fold the notice"));
    m_fold->setAccessibleName(m_fold->toolTip());
}

void PinnedNoticeBar::retranslate()
{
    m_title->setText(tr("Notice"));
    m_show->setText(tr("Go to message"));
    m_show->setToolTip(tr("Show the pinned message in the conversation"));
    m_unpin->setText(tr("Unpin"));
    m_unpin->setToolTip(tr("Take this notice down for everyone"));
    refresh();
}

void PinnedNoticeBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

} // namespace moim::ui
