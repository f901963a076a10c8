#pragma once

#include "attachment_tiles.h"
#include "chat/message.h"
#include "reaction_chips.h"
#include "theme/theme.h"

#include <QCache>
#include <QColor>
#include <QFont>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QUrl>

class QTextLayout;

namespace moim {
class Chat;
}

namespace moim::ui {

// Draws one message: a date separator above the first of a day and the "new messages" line above
// the first unread one; avatar, author and time at the start of a group (the other messages show
// their time on hover); the body as plain text with the web links the client found in it
// underlined, in a column no wider than a comfortable line; a soft highlight when it mentions the
// user or a link pointed at it; and the state of messages still on their way. A reply starts with
// a quote of what it answers; an edited message says so after its text, a deleted one leaves a
// line that says it was; reactions stand under it as chips; and the user's own messages show how
// many members have not read them yet (KakaoWork's "1").
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // `chat` says who the user is (their reactions) and who has read what; may be null.
    explicit MessageDelegate(const Chat *chat, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Text of the state line, empty when sent.
    static QString stateText(const QModelIndex &index);
    // "Sending…", "Not sent: <why>…", or nothing for a sent message.
    static QString stateText(Message::State state, const QString &failure);
    // Why a message was not sent, from the server's refusal code.
    static QString failureText(const QString &failure);
    // The time a message was written, without seconds, in the app's language.
    static QString timeText(const QModelIndex &index);
    static QString newMessagesText();
    // What the avatar shows until profile pictures exist: 지민 for 김지민, JK for Jane Kim.
    static QString initials(const QString &name);
    // A member's colour, the same everywhere the member appears.
    static QColor memberColor(const QString &memberId);
    // The message (by local id) to mark as the one a link pointed at; empty for none.
    void setHighlighted(const QString &localId) { m_highlighted = localId; }
    QString highlighted() const { return m_highlighted; }
    // The link under `position` (view coordinates) in the row drawn in `option.rect`, if any.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &position) const;

    // What else a click may land on besides links: the quote of a reply, a reaction chip, the
    // "add a reaction" chip or the count of those who have not read a message.
    struct Hit
    {
        enum class Kind
        {
            None,
            Quote,
            Reaction,
            AddReaction,
            ReadCount,
            Attachment
        };
        Kind kind = Kind::None;
        QRect rect;
        ReplyQuote quote;
        ReactionChip chip;
        ReactionChips::Toggle toggle;
        // An attachment hit: which one, and which part of its tile.
        int attachment = -1;
        AttachmentTiles::Part attachmentPart = AttachmentTiles::Part::None;
        moim::Attachment file;
    };
    Hit hitAt(const QStyleOptionViewItem &option, const QModelIndex &index,
              const QPoint &position) const;
    // "(edited)" after an edited message's text.
    static QString editedText();
    // What a deleted message leaves in its place.
    static QString deletedText();
    // The quote's author line: "Reply to 김지민".
    static QString quoteTitle(const ReplyQuote &quote);
    // The quote's text: its first line, or that the original was deleted.
    static QString quoteText(const ReplyQuote &quote);
    // How many members have not read one of the user's messages, -1 when unknown (or not the
    // user's).
    int unreadCount(const QModelIndex &index) const;
    // Where attachments' previews and transfers come from (nothing is fetched without).
    void setAttachmentSources(AttachmentTiles::Sources sources)
    {
        m_attachmentSources = std::move(sources);
    }
    const AttachmentTiles::Sources &attachmentSources() const { return m_attachmentSources; }
    // The chips a message's reactions make, the user's own marked.
    QList<ReactionChip> chipsFor(const Message &message) const;

private:
    struct Layout
    {
        QRect daySeparator;
        QRect unreadLine;
        int messageTop = 0;
        QRect avatar;
        QRect hoverTime;
        QRect header;
        QRect quote;
        QRect body;
        QRect edited;
        QRect readCount;
        QRect state;
        AttachmentTiles attachments;
        ReactionChips reactions;
        int height = 0;
    };
    void paintDaySeparator(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const;
    void paintUnreadLine(QPainter *painter, const QRect &rect,
                         const QStyleOptionViewItem &option) const;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The body laid out in `width` (origin at the body's top left), and its height. Links and
    // mentions are formats over the plain text; a mention of this account (or of everyone)
    // stands out more than a mention of someone else. Kept per message: each repaint of a live
    // stream lays out and paints every visible row, and shaping their text again each time was
    // most of the work. The reference lasts until the next call.
    const QTextLayout &bodyLayout(const QStyleOptionViewItem &option, const QModelIndex &index,
                                  int width, int *height) const;

    void paintQuote(QPainter *painter, const QRect &rect, const QStyleOptionViewItem &option,
                    const ReplyQuote &quote) const;

    // A row's height with everything it was worked out from. The list asks every row's height
    // whenever it lays itself out (a page of history arriving, the oldest rows let go), and laying
    // each body's text out again — an emoji's glyph decoded anew every time — held the GUI thread
    // for several frames per page.
    struct RowHeight
    {
        Message message;
        int width = 0;
        QFont font;
        // The day separator, the "new messages" line and the author's header above it.
        int marks = 0;
        // "(edited)" or the deleted message's words, in the language shown.
        QString words;
        int height = 0;
    };
    // Rows of a window and the window scrolled away from, then the oldest asked go.
    static constexpr int RowHeightsKept = 1000;
    mutable QCache<QString, RowHeight> m_rowHeights{RowHeightsKept};
    struct BodyLayout
    {
        QString body;
        QFont font;
        int width = 0;
        bool deleted = false;
        Theme::Scheme scheme = Theme::Scheme::Light;
        QList<protocol::MessageEntity> entities;
        QTextLayout layout;
        int height = 0;
    };
    // Enough for every row on the tallest screen and the rows just measured; a shaped layout
    // weighs several KiB, so not one per row of the window.
    static constexpr int BodyLayoutsKept = 200;
    mutable QCache<QString, BodyLayout> m_bodyLayouts{BodyLayoutsKept};

    const Chat *m_chat;
    QString m_highlighted;
    AttachmentTiles::Sources m_attachmentSources;
};

} // namespace moim::ui
