#pragma once

#include <QList>
#include <QStringView>
#include <QUrl>

namespace moim {

// A web link found in a message's plain text. Messages carry no markup: the client alone decides
// what is a link, and only http and https ones, so a message can never smuggle in another scheme
// (file:, javascript:, moim:) or dress one address up as another.
struct TextLink
{
    qsizetype start = 0;  // in UTF-16 code units of the text
    qsizetype length = 0; // the characters shown, which are also what the link opens
    QUrl url;

    // The links of `text`, in order, never overlapping. Recognised: "http://…", "https://…" and
    // "www.…" (opened as https). A link ends at white space, at a character outside ASCII (Korean
    // particles follow addresses directly: "https://moim.example에서"), at <, > or a quote; closing
    // punctuation at its end is left out unless it balances an opening bracket inside it.
    static QList<TextLink> findAll(QStringView text);

    bool operator==(const TextLink &) const = default;
};

} // namespace moim
