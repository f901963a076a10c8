#include "message_actions.h"

#include "chat/chat.h"
#include "chat/history_model.h"
#include "composer.h"
#include "composer_context_bar.h"
#include "emoji_picker.h"
#include "message_view.h"
#include "typing_line.h"

#include <QShortcut>
#include <QTextCursor>

namespace moim::ui {

using namespace Qt::StringLiterals;

MessageActions::MessageActions(Chat *chat, HistoryModel *history, MessageView *view,
                               Composer *composer, ComposerContextBar *bar, TypingLine *typing,
                               QSettings *uiState, QWidget *window)
    : QObject(window)
    , m_chat(chat)
    , m_history(history)
    , m_view(view)
    , m_composer(composer)
    , m_bar(bar)
    , m_typing(typing)
    , m_uiState(uiState)
    , m_window(window)
{
    m_bar->closeOnEscapeIn(m_composer);
    connect(m_bar, &ComposerContextBar::cancelled, this, [this] {
        m_replyTo.clear();
        if (!m_editing.isEmpty())
            endEdit(true);
    });
    connect(m_view, &MessageView::replyRequested, this, &MessageActions::startReply);
    connect(m_view, &MessageView::editRequested, this, &MessageActions::startEdit);
    connect(m_view, &MessageView::reactionPickerRequested, this,
            &MessageActions::openReactionPicker);
    connect(m_composer, &Composer::editLastRequested, this, &MessageActions::editLast);
    // Only what the user typed says "typing": a draft or a message to edit put back in the
    // composer does not.
    connect(m_composer, &Composer::userEdited, this, [this] {
        if (!m_conversationId.isEmpty() && m_editing.isEmpty() &&
            !m_composer->document()->isEmpty())
            m_chat->noteTyping(m_conversationId);
    });
    connect(m_chat, &Chat::typingChanged, this, [this](const QString &conversationId) {
        if (conversationId == m_conversationId)
            showTyping();
    });
    connect(m_chat, &Chat::actionFailed, this, [this](const QString &, const QString &error) {
        if (error == "not_editable"_L1)
            Q_EMIT failed(tr("The message was deleted, so it can no longer be changed."));
        else if (error == "too_many_reactions"_L1)
            Q_EMIT failed(tr("This message has as many different reactions as it can hold."));
        else if (error == "forbidden"_L1)
            Q_EMIT failed(tr("Only the author can change this message."));
        else
            Q_EMIT failed(tr("The change could not be made. Try again in a moment."));
    });
    // The message with the keyboard's focus in the timeline, or the newest one.
    auto *reply = new QShortcut(MessageView::ReplyShortcut, m_window);
    connect(reply, &QShortcut::activated, this, [this] { startReply(m_view->keyboardMessage()); });
}

void MessageActions::setConversation(const QString &conversationId)
{
    if (conversationId == m_conversationId)
        return;
    // The draft an edit had set aside comes back, to be kept as the conversation's draft.
    if (!m_editing.isEmpty())
        endEdit(true);
    m_replyTo.clear();
    m_bar->clear();
    m_conversationId = conversationId;
    showTyping();
    if (!conversationId.isEmpty())
        m_chat->fetchReadMarks(conversationId);
}

bool MessageActions::submitEdit(const QString &text,
                                const QList<moim::protocol::MessageEntity> &mentions)
{
    if (m_editing.isEmpty())
        return false;
    const QString localId = m_editing;
    endEdit(true);
    const Message *message = messageWithLocalId(localId);
    if (message && (message->body != text || message->entities != mentions))
        m_chat->edit(localId, text, mentions);
    return true;
}

void MessageActions::sent()
{
    if (m_replyTo.isEmpty())
        return;
    m_replyTo.clear();
    m_bar->clear();
}

void MessageActions::startReply(const QString &localId)
{
    const Message *message = messageWithLocalId(localId);
    if (!message || message->id.isEmpty() || message->deleted)
        return;
    if (!m_editing.isEmpty())
        endEdit(true);
    m_replyTo = message->id;
    m_bar->showReply(message->authorName, message->body);
    m_composer->setFocus(Qt::ShortcutFocusReason);
}

void MessageActions::startEdit(const QString &localId)
{
    const Message *message = messageWithLocalId(localId);
    if (!message || message->deleted || message->authorId != m_chat->myId())
        return;
    if (m_editing.isEmpty())
        m_draftBeforeEdit = m_composer->content();
    m_replyTo.clear();
    m_editing = localId;
    m_bar->showEdit(message->body);
    m_composer->setContent({message->body, message->entities});
    m_composer->setFocus(Qt::ShortcutFocusReason);
}

void MessageActions::editLast()
{
    const QList<Message> &rows = m_history->messages();
    for (auto row = rows.crbegin(); row != rows.crend(); ++row) {
        if (row->authorId == m_chat->myId() && !row->deleted) {
            startEdit(row->localId);
            return;
        }
    }
}

void MessageActions::openReactionPicker(const QString &localId, const QRect &anchor)
{
    if (!m_picker) {
        m_picker = new EmojiPicker(m_uiState, m_window);
        connect(m_picker, &EmojiPicker::emojiPicked, this, [this](const QString &emoji) {
            const Message *message = messageWithLocalId(m_reactingTo);
            if (message)
                m_chat->react(m_reactingTo, emoji, !message->hasReacted(emoji, m_chat->myId()));
        });
    }
    m_reactingTo = localId;
    m_picker->popup(anchor);
}

EmojiPicker *MessageActions::picker() const
{
    return m_picker.data();
}

const Message *MessageActions::messageWithLocalId(const QString &localId) const
{
    if (localId.isEmpty())
        return nullptr;
    for (const Message &message : m_history->messages()) {
        if (message.localId == localId)
            return &message;
    }
    return nullptr;
}

void MessageActions::endEdit(bool restoreDraft)
{
    m_editing.clear();
    m_bar->clear();
    m_composer->setContent(restoreDraft ? m_draftBeforeEdit : ComposerText());
    m_draftBeforeEdit = {};
}

void MessageActions::showTyping()
{
    m_typing->setNames(m_conversationId.isEmpty() ? QStringList()
                                                  : m_chat->typingNames(m_conversationId));
}

} // namespace moim::ui
