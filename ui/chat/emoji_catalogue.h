#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace moim::ui {

// The emoji Moim offers for reactions and messages: the common ones of a working day, each with
// a name. The English name is the source text and the translation gives the name in the UI
// language, so the search finds an emoji by either and a screen reader reads the user's words.
class EmojiCatalogue
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::EmojiCatalogue)

public:
    enum class Group
    {
        Smileys,
        People,
        Symbols,
        Celebration,
        Work,
        Food,
        Nature
    };

    struct Emoji
    {
        QString glyph;
        const char *name; // English, untranslated
        Group group;
    };

    static const QList<Emoji> &all();
    static const Emoji *find(const QString &glyph);
    // The name in the UI language.
    static QString name(const Emoji &emoji);
    // The name of an emoji in the catalogue, empty for any other text.
    static QString name(const QString &glyph);
    static QString groupTitle(Group group);
    // The emoji whose English or translated name contains `query` (초성 and a syllable still
    // being composed count for Hangul): the name itself first, then names that start with it,
    // names with a word that starts with it, names that only contain it; otherwise in catalogue
    // order. Everything for an empty query.
    static QList<const Emoji *> search(const QString &query);
};

} // namespace moim::ui
