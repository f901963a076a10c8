#pragma once

#include <QPlainTextEdit>
#include <protocol/message_entities.h>

namespace moim::ui {

// What the composer holds: its text, and the mentions in it bound to members' ids.
struct ComposerText
{
    QString text;
    QList<moim::protocol::MessageEntity> mentions;
    bool operator==(const ComposerText &) const = default;
};

// Where a message is written. Enter sends, Shift+Enter breaks the line. While an input method is
// composing (Hangul syllables, for one), Enter belongs to the input method: it finishes the
// syllable and never sends half-typed text.
//
// A mention is text ("@김지민") bound to a member's id: inserted by insertMention(), shown
// highlighted, and unbound as soon as its text is edited, so that what is sent never names one
// person and notifies another.
class Composer : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    bool isComposing() const { return m_composing; }
    // The files of this computer that dragged or pasted data names; empty when it names
    // anything else (a web address is text, not a file).
    static QStringList localFiles(const QMimeData *data);
    // Files are attached to the message being written: Enter sends them without words too.
    void setHasAttachments(bool has) { m_hasAttachments = has; }
    QSize sizeHint() const override;

    // The text with its mentions, as a draft is kept; setContent() puts one back (mentions
    // that do not fit the text are left unbound).
    ComposerText content() const;
    void setContent(const ComposerText &content);
    // Whether the character at `position` belongs to a bound mention.
    bool isMentionAt(int position) const;
    // Replaces the characters [from, cursor) with the mention of a member ("@" + name) and a
    // space after it. `kind` is Channel or Here for @channel/@here (then userId is empty).
    void insertMention(
        int from, const QString &name, const QString &userId,
        moim::protocol::MessageEntity::Type kind = moim::protocol::MessageEntity::Type::Mention);

Q_SIGNALS:
    // Enter: the text to send, trimmed, with its mentions where they stand in it.
    void sendRequested(const QString &text, const QList<moim::protocol::MessageEntity> &mentions);
    // Escape with nothing written: the reader is done with the conversation.
    void emptyEscapePressed();
    // ↑ with nothing written: edit the user's last message.
    void editLastRequested();
    // The user changed the text (typing, input method, paste, cut), as opposed to a draft or an
    // edited message put here by the program: what "is typing" is told from.
    void userEdited();
    // Files dropped or pasted here (local paths), and an image pasted from the clipboard (a
    // screenshot): attachments, not text.
    void filesDropped(const QStringList &paths);
    void imagePasted(const QImage &image);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void fitHeight();
    // Takes the binding off mentions whose text was edited (and off what was typed right after
    // one, which would otherwise carry its format on).
    void unbindEditedMentions();
    void applyMentionFormat(int from, int length, const moim::protocol::MessageEntity &mention);

    bool m_composing = false;
    bool m_hasAttachments = false;
};

} // namespace moim::ui
