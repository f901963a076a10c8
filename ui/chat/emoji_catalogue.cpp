#include "emoji_catalogue.h"

#include "search/initials.h"
#include "search/search_text.h"

#include <QHash>
#include <algorithm>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

using G = EmojiCatalogue::Group;

// How well a name holds what was typed; better first when sorted descending.
enum class Match
{
    None,
    Inside,
    WordStart, // the start of one of the name's words
    NameStart,
    Whole,
};

Match matchIn(const QString &foldedName, const QString &foldedQuery)
{
    if (foldedName == foldedQuery)
        return Match::Whole;
    if (foldedName.startsWith(foldedQuery))
        return Match::NameStart;
    Match best = Match::None;
    for (qsizetype at = foldedName.indexOf(foldedQuery); at >= 0;
         at = foldedName.indexOf(foldedQuery, at + 1)) {
        if (at == 0 || !foldedName.at(at - 1).isLetterOrNumber())
            return Match::WordStart;
        best = Match::Inside;
    }
    return best;
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.script() == QChar::Script_Hangul; });
}

} // namespace

const QList<EmojiCatalogue::Emoji> &EmojiCatalogue::all()
{
    // Fully qualified sequences (with U+FE0F where Unicode asks for it), so a reaction picked here
    // is the same text as the one another client sends for the same emoji.
    static const QList<Emoji> emoji{
        {u"😀"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "grinning"), G::Smileys},
        {u"😁"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "grin"), G::Smileys},
        {u"😅"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "sweat smile"), G::Smileys},
        {u"😂"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "joy"), G::Smileys},
        {u"🤣"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "rolling on the floor laughing"),
         G::Smileys},
        {u"🙂"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "slightly smiling"), G::Smileys},
        {u"😉"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "wink"), G::Smileys},
        {u"😊"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "blush"), G::Smileys},
        {u"🥰"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "smiling with hearts"),
         G::Smileys},
        {u"😍"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "heart eyes"), G::Smileys},
        {u"😋"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "yum"), G::Smileys},
        {u"🤗"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "hug"), G::Smileys},
        {u"🤫"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "shush"), G::Smileys},
        {u"🤔"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "thinking"), G::Smileys},
        {u"😐"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "neutral"), G::Smileys},
        {u"😏"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "smirk"), G::Smileys},
        {u"🙄"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "eye roll"), G::Smileys},
        {u"😬"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "grimace"), G::Smileys},
        {u"😔"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pensive"), G::Smileys},
        {u"😴"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "sleeping"), G::Smileys},
        {u"🤯"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "mind blown"), G::Smileys},
        {u"🥳"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "party face"), G::Smileys},
        {u"😎"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "cool"), G::Smileys},
        {u"😕"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "confused"), G::Smileys},
        {u"😟"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "worried"), G::Smileys},
        {u"😮"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "surprised"), G::Smileys},
        {u"🥺"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pleading"), G::Smileys},
        {u"😢"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "crying"), G::Smileys},
        {u"😭"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "sobbing"), G::Smileys},
        {u"😱"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "scream"), G::Smileys},
        {u"😞"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "disappointed"), G::Smileys},
        {u"😩"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "weary"), G::Smileys},
        {u"😠"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "angry"), G::Smileys},
        {u"🤖"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "robot"), G::Smileys},
        {u"👍"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "thumbs up"), G::People},
        {u"👎"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "thumbs down"), G::People},
        {u"👌"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "ok hand"), G::People},
        {u"✌️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "victory"), G::People},
        {u"🤞"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "fingers crossed"), G::People},
        {u"🤝"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "handshake"), G::People},
        {u"👏"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "clapping"), G::People},
        {u"🙌"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "raised hands"), G::People},
        {u"🙏"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "folded hands"), G::People},
        {u"👋"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "waving hand"), G::People},
        {u"✋"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "raised hand"), G::People},
        {u"👊"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "fist bump"), G::People},
        {u"✊"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "raised fist"), G::People},
        {u"💪"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "flexed biceps"), G::People},
        {u"👈"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pointing left"), G::People},
        {u"👉"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pointing right"), G::People},
        {u"👆"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pointing up"), G::People},
        {u"👇"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pointing down"), G::People},
        {u"✍️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "writing"), G::People},
        {u"👀"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "eyes"), G::People},
        {u"🙋"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "raising hand"), G::People},
        {u"🙇"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bowing"), G::People},
        {u"🤷"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "shrug"), G::People},
        {u"🤦"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "facepalm"), G::People},
        {u"🧑‍💻"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "technologist"),
         G::People},
        {u"🏃"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "running"), G::People},
        {u"❤️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "red heart"), G::Symbols},
        {u"🧡"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "orange heart"), G::Symbols},
        {u"💛"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "yellow heart"), G::Symbols},
        {u"💚"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "green heart"), G::Symbols},
        {u"💙"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "blue heart"), G::Symbols},
        {u"💜"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "purple heart"), G::Symbols},
        {u"🖤"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "black heart"), G::Symbols},
        {u"🤍"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "white heart"), G::Symbols},
        {u"💔"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "broken heart"), G::Symbols},
        {u"💕"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "two hearts"), G::Symbols},
        {u"✅"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "check"), G::Symbols},
        {u"✔️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "check mark"), G::Symbols},
        {u"☑️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "ballot box with check"),
         G::Symbols},
        {u"❌"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "cross mark"), G::Symbols},
        {u"⭕"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "circle"), G::Symbols},
        {u"❗"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "exclamation mark"), G::Symbols},
        {u"❓"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "question mark"), G::Symbols},
        {u"⚠️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "warning"), G::Symbols},
        {u"🚫"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "prohibited"), G::Symbols},
        {u"💯"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "hundred points"), G::Symbols},
        {u"🔥"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "fire"), G::Symbols},
        {u"✨"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "sparkles"), G::Symbols},
        {u"⭐"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "star"), G::Symbols},
        {u"💡"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "light bulb"), G::Symbols},
        {u"💬"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "speech balloon"), G::Symbols},
        {u"🔔"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bell"), G::Symbols},
        {u"➕"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "plus"), G::Symbols},
        {u"🔴"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "red circle"), G::Symbols},
        {u"🟢"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "green circle"), G::Symbols},
        {u"🎉"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "party popper"), G::Celebration},
        {u"🎊"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "confetti ball"), G::Celebration},
        {u"🎂"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "birthday cake"), G::Celebration},
        {u"🎁"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "gift"), G::Celebration},
        {u"🎈"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "balloon"), G::Celebration},
        {u"🏆"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "trophy"), G::Celebration},
        {u"🥇"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "first place medal"),
         G::Celebration},
        {u"👑"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "crown"), G::Celebration},
        {u"🚀"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "rocket"), G::Celebration},
        {u"🎯"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bullseye"), G::Celebration},
        {u"🥂"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "toast"), G::Celebration},
        {u"💐"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bouquet"), G::Celebration},
        {u"🎶"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "music"), G::Celebration},
        {u"📎"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "paperclip"), G::Work},
        {u"📅"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "calendar"), G::Work},
        {u"📌"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pushpin"), G::Work},
        {u"📝"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "memo"), G::Work},
        {u"📋"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "clipboard"), G::Work},
        {u"📁"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "folder"), G::Work},
        {u"📊"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bar chart"), G::Work},
        {u"📈"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "chart increasing"), G::Work},
        {u"💼"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "briefcase"), G::Work},
        {u"💻"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "laptop"), G::Work},
        {u"📱"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "mobile phone"), G::Work},
        {u"📞"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "phone call"), G::Work},
        {u"📧"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "email"), G::Work},
        {u"📦"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "package"), G::Work},
        {u"📢"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "announcement"), G::Work},
        {u"🔍"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "magnifying glass"), G::Work},
        {u"🔗"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "link"), G::Work},
        {u"🔒"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "locked"), G::Work},
        {u"🔑"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "key"), G::Work},
        {u"🛠️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "tools"), G::Work},
        {u"🐛"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bug"), G::Work},
        {u"✏️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pencil"), G::Work},
        {u"📚"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "books"), G::Work},
        {u"⏰"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "alarm clock"), G::Work},
        {u"⏳"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "hourglass"), G::Work},
        {u"🏢"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "office building"), G::Work},
        {u"✈️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "airplane"), G::Work},
        {u"💰"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "money bag"), G::Work},
        {u"☕"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "coffee"), G::Food},
        {u"🍵"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "tea"), G::Food},
        {u"🧋"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bubble tea"), G::Food},
        {u"🍺"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "beer"), G::Food},
        {u"🍻"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "cheers"), G::Food},
        {u"🍷"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "wine"), G::Food},
        {u"🍚"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "rice"), G::Food},
        {u"🍜"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "noodles"), G::Food},
        {u"🍲"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "stew"), G::Food},
        {u"🍱"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "lunch box"), G::Food},
        {u"🥟"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "dumpling"), G::Food},
        {u"🍕"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "pizza"), G::Food},
        {u"🍗"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "chicken"), G::Food},
        {u"🍞"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bread"), G::Food},
        {u"🍩"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "doughnut"), G::Food},
        {u"🍰"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "cake"), G::Food},
        {u"🍦"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "ice cream"), G::Food},
        {u"☀️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "sun"), G::Nature},
        {u"☔"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "umbrella"), G::Nature},
        {u"❄️"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "snowflake"), G::Nature},
        {u"🌈"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "rainbow"), G::Nature},
        {u"⚡"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "lightning"), G::Nature},
        {u"🌱"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "seedling"), G::Nature},
        {u"🍀"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "four leaf clover"), G::Nature},
        {u"🌸"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "cherry blossom"), G::Nature},
        {u"🐶"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "dog"), G::Nature},
        {u"🐱"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "cat"), G::Nature},
        {u"🐻"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "bear"), G::Nature},
        {u"🐧"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "penguin"), G::Nature},
        {u"🐢"_s, QT_TRANSLATE_NOOP("moim::ui::EmojiCatalogue", "turtle"), G::Nature},
    };
    return emoji;
}

const EmojiCatalogue::Emoji *EmojiCatalogue::find(const QString &glyph)
{
    static const QHash<QString, const Emoji *> byGlyph = [] {
        QHash<QString, const Emoji *> index;
        for (const Emoji &emoji : all())
            index.insert(emoji.glyph, &emoji);
        return index;
    }();
    return byGlyph.value(glyph);
}

QString EmojiCatalogue::name(const Emoji &emoji)
{
    return tr(emoji.name);
}

QString EmojiCatalogue::name(const QString &glyph)
{
    const Emoji *emoji = find(glyph);
    return emoji ? name(*emoji) : QString();
}

QString EmojiCatalogue::groupTitle(Group group)
{
    switch (group) {
    case Group::Smileys:
        return tr("Smileys");
    case Group::People:
        return tr("Hands and people");
    case Group::Symbols:
        return tr("Hearts and symbols");
    case Group::Celebration:
        return tr("Celebration");
    case Group::Work:
        return tr("Work and travel");
    case Group::Food:
        return tr("Food and drink");
    case Group::Nature:
        return tr("Nature");
    }
    return {};
}

QList<const EmojiCatalogue::Emoji *> EmojiCatalogue::search(const QString &query)
{
    const QString typed = query.trimmed();
    QList<const Emoji *> found;
    if (typed.isEmpty()) {
        for (const Emoji &emoji : all())
            found.append(&emoji);
        return found;
    }
    const QString folded = search::normalise(typed);
    const bool hangul = hasHangul(typed);
    QList<std::pair<Match, const Emoji *>> matches;
    for (const Emoji &emoji : all()) {
        const QString translated = name(emoji);
        Match match = emoji.glyph == typed ? Match::Whole : Match::None;
        match = std::max(match, matchIn(search::normalise(QString::fromUtf8(emoji.name)), folded));
        match = std::max(match, matchIn(search::normalise(translated), folded));
        // 초성 (ㅎㅌ for 하트) and a syllable the input method is still composing (핱 on the way to
        // 하트) find Korean names the way Korean users type them.
        if (match == Match::None && hangul && search::nameMatchScore(translated, typed) > 0)
            match = Match::Inside;
        if (match != Match::None)
            matches.append({match, &emoji});
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[match, emoji] : matches)
        found.append(emoji);
    return found;
}

} // namespace moim::ui
