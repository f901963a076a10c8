#pragma once

#include "chat/composer.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QSettings;

namespace moim {
class Chat;
class HistoryModel;
struct Message;
} // namespace moim

namespace moim::ui {

class ComposerContextBar;
class EmojiPicker;
class MessageView;
class TypingLine;

// What the composer does besides writing a new message: replying to one (from the message's
// menu or Ctrl+R), editing one of the user's own (from its menu, or ↑ in an empty composer), and
// reacting (from the menu or a message's "add a reaction" chip, through the emoji picker). It
// also tells the conversation that the user is typing and shows who else is.
class MessageActions : public QObject
{
    Q_OBJECT

public:
    MessageActions(Chat *chat, HistoryModel *history, MessageView *view, Composer *composer,
                   ComposerContextBar *bar, TypingLine *typing, QSettings *uiState,
                   QWidget *window);

    // The conversation shown changed: a reply or an edit begun in the last one is dropped.
    void setConversation(const QString &conversationId);
    // What Enter in the composer sends: an edit of the message being edited (answers true: done)
    // or nothing (answers false: send `text` as a new message, to replyTarget()).
    bool submitEdit(const QString &text, const QList<moim::protocol::MessageEntity> &mentions);
    // The message a new one answers (server id), empty when it answers none.
    QString replyTarget() const { return m_replyTo; }
    // The new message was written down: the reply bar goes.
    void sent();

    void startReply(const QString &localId);
    void startEdit(const QString &localId);
    // ↑ in an empty composer: the user's newest message that can still be edited.
    void editLast();
    void openReactionPicker(const QString &localId, const QRect &anchor);
    // The emoji picker, once it was first opened.
    EmojiPicker *picker() const;

Q_SIGNALS:
    // An edit, deletion or reaction was refused; `text` says why, in the UI language.
    void failed(const QString &text);

private:
    const Message *messageWithLocalId(const QString &localId) const;
    void endEdit(bool restoreDraft);
    void showTyping();

    Chat *m_chat;
    HistoryModel *m_history;
    MessageView *m_view;
    Composer *m_composer;
    ComposerContextBar *m_bar;
    TypingLine *m_typing;
    QSettings *m_uiState;
    QWidget *m_window;
    QPointer<EmojiPicker> m_picker;
    QString m_conversationId;
    QString m_replyTo;
    QString m_editing; // local id of the message being edited
    // What was in the composer before an edit took it over, given back when the edit ends.
    ComposerText m_draftBeforeEdit;
    // The message the picker is open for.
    QString m_reactingTo;
};

} // namespace moim::ui
