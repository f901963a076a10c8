#include "text_link.h"

namespace moim {

using namespace Qt::StringLiterals;

namespace {

bool isLinkCharacter(QChar c)
{
    const char16_t u = c.unicode();
    if (u <= 0x20 || u >= 0x7f)
        return false;
    return u != u'<' && u != u'>' && u != u'"' && u != u'`' && u != u'\\' && u != u'{' &&
           u != u'}' && u != u'|' && u != u'^';
}

// Whether a link may start at `at`: not glued to a word before it ("xhttp://", "awww.").
bool startsWord(QStringView text, qsizetype at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return !before.isLetterOrNumber() && before != u'.' && before != u'@' && before != u'/' &&
           before != u'_' && before != u'-';
}

qsizetype prefixLength(QStringView rest)
{
    for (const QLatin1StringView prefix : {"https://"_L1, "http://"_L1, "www."_L1}) {
        if (rest.startsWith(prefix, Qt::CaseInsensitive))
            return prefix.size();
    }
    return 0;
}

// Drops closing punctuation that belongs to the sentence, not the address: "(see https://a.b/c)."
qsizetype trimmedLength(QStringView candidate)
{
    qsizetype length = candidate.size();
    while (length > 0) {
        const QChar last = candidate.at(length - 1);
        if (QStringView(u".,;:!?'*").contains(last)) {
            --length;
            continue;
        }
        const QChar opening = last == u')' ? u'(' : last == u']' ? u'[' : QChar();
        if (!opening.isNull()) {
            const QStringView body = candidate.first(length);
            if (body.count(opening) < body.count(last)) {
                --length;
                continue;
            }
        }
        break;
    }
    return length;
}

} // namespace

QList<TextLink> TextLink::findAll(QStringView text)
{
    QList<TextLink> links;
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype prefix = startsWord(text, at) ? prefixLength(text.sliced(at)) : 0;
        if (prefix == 0) {
            ++at;
            continue;
        }
        qsizetype end = at;
        while (end < text.size() && isLinkCharacter(text.at(end)))
            ++end;
        const QStringView shown = text.sliced(at, trimmedLength(text.sliced(at, end - at)));
        if (shown.size() > prefix) {
            const bool bare = shown.startsWith("www."_L1, Qt::CaseInsensitive);
            const QString address = bare ? u"https://"_s + shown.toString() : shown.toString();
            const QUrl url(address, QUrl::StrictMode);
            const QString host = url.host();
            const bool plausibleHost = host.contains(u'.') || host == "localhost"_L1;
            if (url.isValid() && plausibleHost && !host.startsWith(u'.') && !host.endsWith(u'.')) {
                links.append({at, shown.size(), url});
                at += shown.size();
                continue;
            }
        }
        at = std::max(end, at + 1);
    }
    return links;
}

} // namespace moim
