#include "composer.h"

#include "theme/theme.h"

#include <QEvent>
#include <QImage>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace moim::ui {

using moim::protocol::MessageEntity;

namespace {
constexpr int MaxVisibleLines = 6;
// Where a mention keeps what it is bound to, in its characters' format.
constexpr int MentionUserId = QTextFormat::UserProperty + 1;
constexpr int MentionText = QTextFormat::UserProperty + 2;
constexpr int MentionKind = QTextFormat::UserProperty + 3;
} // namespace

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("Composer"));
    setTabChangesFocus(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::fitHeight);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::unbindEditedMentions);
    fitHeight();
}

void Composer::applyMentionFormat(int from, int length, const MessageEntity &mention)
{
    QTextCursor cursor(document());
    cursor.setPosition(from);
    cursor.setPosition(from + length, QTextCursor::KeepAnchor);
    QTextCharFormat format;
    format.setProperty(MentionUserId, mention.userId);
    format.setProperty(MentionText, cursor.selectedText());
    format.setProperty(MentionKind, int(mention.type));
    format.setForeground(Theme::colors(Theme::current()).primary);
    format.setFontWeight(QFont::DemiBold);
    cursor.mergeCharFormat(format);
}

void Composer::insertMention(int from, const QString &name, const QString &userId,
                             MessageEntity::Type kind)
{
    QTextCursor cursor = textCursor();
    const int to = cursor.position();
    cursor.setPosition(from);
    cursor.setPosition(to, QTextCursor::KeepAnchor);
    cursor.insertText(u'@' + name, QTextCharFormat());
    applyMentionFormat(from, int(name.size()) + 1, {kind, from, int(name.size()) + 1, userId});
    // What is typed next is plain text, not more of the mention.
    cursor.insertText(QStringLiteral(" "), QTextCharFormat());
    setTextCursor(cursor);
    setCurrentCharFormat(QTextCharFormat());
    Q_EMIT userEdited();
}

void Composer::unbindEditedMentions()
{
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.hasProperty(MentionText))
                continue;
            const QString expected = format.stringProperty(MentionText);
            const QString text = fragment.text();
            if (text == expected)
                continue;
            // Typed right after it: the mention stays, the rest becomes plain. Anything else
            // changed its words: it names nobody any more.
            const int keep = text.startsWith(expected) ? int(expected.size()) : 0;
            QTextCursor cursor(document());
            cursor.setPosition(fragment.position() + keep);
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            // Changing formats inside textChanged triggers it again, with nothing left to do.
            const QSignalBlocker blocker(document());
            cursor.setCharFormat(QTextCharFormat());
            return unbindEditedMentions();
        }
    }
}

bool Composer::isMentionAt(int position) const
{
    QTextCursor probe(document());
    probe.setPosition(position);
    // The format a cursor reports is that of the character before it.
    probe.movePosition(QTextCursor::NextCharacter);
    return probe.position() > position && probe.charFormat().hasProperty(MentionText);
}

ComposerText Composer::content() const
{
    ComposerText content{toPlainText(), {}};
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (!format.hasProperty(MentionText) ||
                fragment.text() != format.stringProperty(MentionText))
                continue;
            content.mentions.append({MessageEntity::Type(format.intProperty(MentionKind)),
                                     fragment.position(), fragment.length(),
                                     format.stringProperty(MentionUserId)});
        }
    }
    return content;
}

void Composer::setContent(const ComposerText &content)
{
    setPlainText(content.text);
    // Only mentions that still fit the text: it may come from elsewhere (a draft, a message).
    const auto fitting = moim::protocol::parseMessageEntities(
        moim::protocol::messageEntitiesToJson(content.mentions), content.text);
    for (const MessageEntity &mention : fitting.value_or(QList<MessageEntity>()))
        applyMentionFormat(mention.offset, mention.length, mention);
    QTextCursor end = textCursor();
    end.movePosition(QTextCursor::End);
    setTextCursor(end);
    setCurrentCharFormat(QTextCharFormat());
}

QSize Composer::sizeHint() const
{
    return {QPlainTextEdit::sizeHint().width(), height()};
}

void Composer::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    // A new text size changes the height of a line.
    if (event->type() == QEvent::FontChange)
        fitHeight();
}

void Composer::fitHeight()
{
    // Grow with the text up to a few lines, then scroll.
    const int lineHeight = fontMetrics().lineSpacing();
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += std::max(1, block.layout() ? block.layout()->lineCount() : 1);
    lines = std::clamp(lines, 1, MaxVisibleLines);
    const int margins = int(document()->documentMargin() * 2) + contentsMargins().top() +
                        contentsMargins().bottom() + 8;
    setFixedHeight(lines * lineHeight + margins);
}

void Composer::inputMethodEvent(QInputMethodEvent *event)
{
    m_composing = !event->preeditString().isEmpty();
    QPlainTextEdit::inputMethodEvent(event);
    if (!event->preeditString().isEmpty() || !event->commitString().isEmpty())
        Q_EMIT userEdited();
}

QStringList Composer::localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return !localFiles(source).isEmpty() || source->hasImage() ||
           QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    if (const QStringList paths = localFiles(source); !paths.isEmpty()) {
        Q_EMIT filesDropped(paths);
        return;
    }
    // A screenshot comes as an image alone; copied web content carries text beside its
    // pictures, and the text is what was meant.
    if (source->hasImage() && !source->hasText()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull()) {
            Q_EMIT imagePasted(image);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
    Q_EMIT userEdited();
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && m_composing) {
        // The input method's to finish the syllable: neither a send nor a line break.
        event->accept();
        return;
    }
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const ComposerText written = content();
        const QString text = written.text.trimmed();
        if (!text.isEmpty() || m_hasAttachments) {
            // Trimming moves every mention back by the white space it took from the start.
            const int lead = text.isEmpty() ? 0 : int(written.text.indexOf(text.at(0)));
            QList<MessageEntity> mentions = written.mentions;
            for (MessageEntity &mention : mentions)
                mention.offset -= lead;
            // Cleared first, so that whoever takes the text may put something back (the text
            // itself when it could not be kept, or a draft an edit had set aside).
            clear();
            Q_EMIT sendRequested(text, mentions);
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && !m_composing &&
        toPlainText().trimmed().isEmpty()) {
        Q_EMIT emptyEscapePressed();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && !m_composing &&
        document()->isEmpty()) {
        Q_EMIT editLastRequested();
        event->accept();
        return;
    }
    const QString before = toPlainText();
    QPlainTextEdit::keyPressEvent(event);
    if (toPlainText() != before)
        Q_EMIT userEdited();
}

} // namespace moim::ui
