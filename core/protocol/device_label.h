// What a client says about itself (a device name, an OS, a display name) is data from outside:
// the server cleans it once when it arrives (docs/protocol.md "Labels"), and whatever shows such
// a label to a person cleans or escapes it again, because an older server, a proxy or a bug may
// still hand over a raw one.
#pragma once

#include <QString>
#include <QStringView>

namespace moim::protocol {

// The longest label the server keeps, in code points.
inline constexpr qsizetype MaxLabelLength = 100;

// The label as it may be stored and shown: control characters (C0, DEL, C1), line and paragraph
// separators, bidirectional overrides, embeddings, isolates and marks, and other invisible
// format characters removed (the zero-width joiner and non-joiner stay, emoji and some scripts
// need them); unpaired surrogates removed; runs of whitespace collapsed to one space; trimmed;
// at most `maxLength` code points, never cutting a surrogate pair. May return an empty string.
QString cleanLabel(QStringView raw, qsizetype maxLength = MaxLabelLength);

// Whether a character is one that cleanLabel() removes.
bool isHiddenOrControl(char32_t codePoint);

// For a terminal: every character cleanLabel() would remove is written as a visible escape
// (`\x1b`, `\u202e`), so a label can neither move the cursor, colour the screen, start a new
// line nor reorder what follows it. Everything else is kept as it is.
QString escapeForTerminal(QStringView text);

} // namespace moim::protocol
