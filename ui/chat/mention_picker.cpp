#include "mention_picker.h"

#include "chat/composer.h"
#include "theme/theme.h"

#include <QEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QListWidget>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QVBoxLayout>
#include <account/account.h>
#include <chat/chat.h>
#include <net/api_client.h>

namespace moim::ui {

using namespace Qt::StringLiterals;
using moim::protocol::MessageEntity;

namespace {

constexpr int MaxQueryLength = 30;
constexpr int MaxShown = 8;
constexpr int VisibleRows = 6;
constexpr int DetailRole = Qt::UserRole + 1;

// A row: the name, then in a quieter colour what tells it apart (the email).
class CandidateDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), option.fontMetrics.height() + Theme::SpaceS * 2};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const Theme::Colors colors = Theme::colors(Theme::current());
        painter->save();
        const bool current = option.state & QStyle::State_Selected;
        if (current)
            painter->fillRect(option.rect, colors.selection);
        const QRect text = option.rect.adjusted(Theme::SpaceM, 0, -Theme::SpaceM, 0);
        QFont nameFont = option.font;
        nameFont.setWeight(QFont::DemiBold);
        painter->setFont(nameFont);
        painter->setPen(colors.text);
        const QString name = index.data(Qt::DisplayRole).toString();
        const QString shownName =
            QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, text.width() * 2 / 3);
        painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, shownName);
        const int detailLeft = QFontMetrics(nameFont).horizontalAdvance(shownName) + Theme::SpaceS;
        const QRect detail = text.adjusted(detailLeft, 0, 0, 0);
        painter->setFont(option.font);
        painter->setPen(colors.mutedText);
        painter->drawText(detail, Qt::AlignVCenter | Qt::AlignLeft,
                          option.fontMetrics.elidedText(index.data(DetailRole).toString(),
                                                        Qt::ElideRight, detail.width()));
        painter->restore();
    }
};

// Whether `c` may stand right before an "@" that starts a mention (not inside an email).
bool startsAWord(QChar c)
{
    return c.isSpace() || (c.isPunct() && c != u'@' && c != u'.' && c != u'_' && c != u'-');
}

} // namespace

MentionPicker::MentionPicker(Account *account, Composer *composer, QWidget *window)
    : QFrame(window)
    , m_account(account)
    , m_composer(composer)
    , m_list(new QListWidget(this))
{
    setObjectName(u"MentionPicker"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, Theme::SpaceS / 2, 1, Theme::SpaceS / 2);
    m_list->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_list);
    m_list->setItemDelegate(new CandidateDelegate(m_list));
    m_list->setFocusPolicy(Qt::NoFocus); // typing goes on in the composer
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(true);
    connect(m_list, &QListWidget::itemClicked, this, [this] { acceptCurrent(); });
    m_composer->installEventFilter(this);
    connect(m_composer, &QPlainTextEdit::textChanged, this, &MentionPicker::update);
    connect(m_composer, &QPlainTextEdit::cursorPositionChanged, this, &MentionPicker::update);
    hide();
    changeEvent(nullptr);
}

void MentionPicker::changeEvent(QEvent *event)
{
    if (!event || event->type() == QEvent::LanguageChange)
        m_list->setAccessibleName(tr("People to mention"));
    if (event)
        QFrame::changeEvent(event);
}

void MentionPicker::setConversation(const QString &conversationId)
{
    m_conversationId = conversationId;
    m_dismissedAt = -1;
    m_peopleLoaded = false;
    close();
}

void MentionPicker::loadPeople()
{
    const auto conversation = m_account->conversation(m_conversationId);
    if (!conversation)
        return;
    const QString workspaceId = conversation->workspaceId;
    // The members' emails tell namesakes apart; who sees the conversation comes from its read
    // marks, which the timeline keeps.
    m_account->fetchMembers(workspaceId, this, [this, workspaceId](const ApiResult &result) {
        if (!result.ok())
            return; // names alone still work, from the read marks
        QList<Candidate> members;
        for (const QJsonValue &value : result.body.value("members"_L1).toArray()) {
            const QJsonObject object = value.toObject();
            Candidate member;
            member.userId = object.value("id"_L1).toString();
            member.name = object.value("display_name"_L1).toString();
            member.detail = object.value("email"_L1).toString();
            member.matchable = search::MatchableName(member.name);
            member.matchableEmail = search::MatchableName(member.detail.section(u'@', 0, 0));
            if (!member.userId.isEmpty() && !member.name.isEmpty())
                members.append(member);
        }
        m_members.insert(workspaceId, members);
        if (isVisible())
            update();
    });
}

QList<MentionPicker::Candidate> MentionPicker::candidates() const
{
    const auto conversation = m_account->conversation(m_conversationId);
    if (!conversation)
        return {};
    const QString me = m_account->identity().id;
    const QList<Candidate> members = m_members.value(conversation->workspaceId);
    QList<Candidate> people;
    const QList<ReadMarkEntry> seeing = m_account->chat()->readMarks(m_conversationId);
    if (seeing.isEmpty()) {
        // Read marks not known (yet, or too many to list): a channel is seen by the workspace.
        for (const Candidate &member : members) {
            if (member.userId != me)
                people.append(member);
        }
    } else {
        for (const ReadMarkEntry &entry : seeing) {
            if (entry.userId == me || entry.name.isEmpty())
                continue;
            const auto known =
                std::find_if(members.cbegin(), members.cend(), [&entry](const Candidate &member) {
                    return member.userId == entry.userId;
                });
            if (known != members.cend()) {
                people.append(*known);
                continue;
            }
            Candidate person;
            person.userId = entry.userId;
            person.name = entry.name;
            person.matchable = search::MatchableName(entry.name);
            people.append(person);
        }
    }
    if (conversation->kind == Conversation::Kind::Channel && conversation->canEdit) {
        Candidate channel;
        channel.name = u"channel"_s;
        channel.detail = tr("Notify everyone in this channel");
        channel.kind = MessageEntity::Type::Channel;
        channel.matchable = search::MatchableName(channel.name);
        Candidate here;
        here.name = u"here"_s;
        here.detail = tr("Notify everyone who is online");
        here.kind = MessageEntity::Type::Here;
        here.matchable = search::MatchableName(here.name);
        people.append({channel, here});
    }
    return people;
}

MentionPicker::Query MentionPicker::queryAtCursor() const
{
    const QTextCursor cursor = m_composer->textCursor();
    if (cursor.hasSelection())
        return {};
    const QTextBlock block = cursor.block();
    const QString before = block.text().left(cursor.positionInBlock());
    const qsizetype at = before.lastIndexOf(u'@');
    if (at < 0 || before.size() - at - 1 > MaxQueryLength ||
        (at > 0 && !startsAWord(before.at(at - 1))))
        return {};
    const QString typed = before.mid(at + 1);
    // A finished word and a space or two are a name being typed ("Alex P"); more is a sentence.
    if (typed.count(u' ') > 2 || typed.startsWith(u' ') || typed.contains(u'@'))
        return {};
    // Already a mention: nothing to complete.
    if (m_composer->isMentionAt(block.position() + int(at)))
        return {};
    return {block.position() + int(at), typed};
}

void MentionPicker::update()
{
    const Query query = queryAtCursor();
    if (query.at < 0 || query.at == m_dismissedAt || m_composer->isComposing()) {
        if (query.at != m_dismissedAt)
            m_dismissedAt = -1;
        close();
        return;
    }
    m_queryAt = query.at;
    if (!m_peopleLoaded) {
        // Asked when "@" is first typed in the conversation, not each time one is opened.
        m_peopleLoaded = true;
        loadPeople();
    }
    refill(query.text);
}

void MentionPicker::refill(const QString &typed)
{
    const QList<Candidate> all = candidates();
    struct Scored
    {
        int score;
        const Candidate *candidate;
    };
    QList<Scored> found;
    const search::NameQuery query(typed);
    for (const Candidate &candidate : all) {
        int score = 1;
        if (!query.isEmpty())
            score = std::max(candidate.matchable.score(query),
                             candidate.matchableEmail.score(query) > 0 ? 1 : 0);
        if (score > 0)
            found.append({score, &candidate});
    }
    // Best first; people before @channel/@here at the same score, then by name.
    std::stable_sort(found.begin(), found.end(), [](const Scored &a, const Scored &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if ((a.candidate->kind == MessageEntity::Type::Mention) !=
            (b.candidate->kind == MessageEntity::Type::Mention))
            return a.candidate->kind == MessageEntity::Type::Mention;
        return a.candidate->name.localeAwareCompare(b.candidate->name) < 0;
    });
    m_shown.clear();
    m_list->clear();
    for (const Scored &scored : found.first(std::min<qsizetype>(found.size(), MaxShown))) {
        const Candidate &candidate = *scored.candidate;
        m_shown.append(candidate);
        auto *item = new QListWidgetItem(
            candidate.kind == MessageEntity::Type::Mention ? candidate.name : u'@' + candidate.name,
            m_list);
        item->setData(DetailRole, candidate.detail);
        item->setData(Qt::AccessibleTextRole, candidate.detail.isEmpty()
                                                  ? item->text()
                                                  : item->text() + u", "_s + candidate.detail);
    }
    if (m_shown.isEmpty()) {
        hide();
        return;
    }
    m_list->setCurrentRow(0);
    place();
    show();
    raise();
}

void MentionPicker::place()
{
    QWidget *window = parentWidget();
    const int rowHeight = m_list->sizeHintForRow(0);
    const int rows = std::min(int(m_shown.size()), VisibleRows);
    const int width = std::min(360, window->width() - Theme::SpaceL * 2);
    const QMargins margins = layout()->contentsMargins();
    resize(width, rows * rowHeight + margins.top() + margins.bottom() + 2 * frameWidth());
    const QRect caret = m_composer->cursorRect();
    const QPoint composerTop = m_composer->mapTo(window, QPoint(caret.left(), 0));
    const int x = std::clamp(composerTop.x() - Theme::SpaceM, Theme::SpaceS,
                             std::max(Theme::SpaceS, window->width() - width - Theme::SpaceS));
    move(x, std::max(0, composerTop.y() - height() - Theme::SpaceS));
}

void MentionPicker::close()
{
    m_queryAt = -1;
    m_shown.clear();
    hide();
}

void MentionPicker::acceptCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_shown.size() || m_queryAt < 0)
        return;
    const Candidate chosen = m_shown.at(row);
    const int from = m_queryAt;
    close();
    m_composer->insertMention(from, chosen.name, chosen.userId, chosen.kind);
}

bool MentionPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_composer && event->type() == QEvent::FocusOut) {
        // A list left open over the timeline while typing goes on elsewhere would take a later
        // Enter or click by surprise. A context menu of the composer's own keeps it.
        if (static_cast<QFocusEvent *>(event)->reason() != Qt::PopupFocusReason)
            close();
        return false;
    }
    if (watched == m_composer && event->type() == QEvent::FocusIn) {
        update(); // back in an "@…": the list again, unless Esc closed it for this "@"
        return false;
    }
    if (watched != m_composer || event->type() != QEvent::KeyPress || !isVisible())
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->modifiers() & ~(Qt::KeypadModifier))
        return false;
    switch (key->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up: {
        const int count = m_list->count();
        const int step = key->key() == Qt::Key_Down ? 1 : -1;
        m_list->setCurrentRow((m_list->currentRow() + step + count) % count);
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (m_composer->isComposing())
            return false; // the input method's Enter finishes the syllable first
        acceptCurrent();
        return true;
    case Qt::Key_Escape:
        m_dismissedAt = m_queryAt;
        close();
        return true;
    default:
        return false;
    }
}

} // namespace moim::ui
