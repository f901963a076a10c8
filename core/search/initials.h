#pragma once

#include <QString>

namespace moim::search {

// Matching a typed name against people, conversations and workspaces the way Korean users type
// them: the initial consonants only (초성: ㄱㅈㅁ for 김지민), a name being composed (김ㅈ, 김짐 on
// the way to 김지민), or spelled in Latin letters (jimin, kim jimin, jimin kim).

// Whether the query is only Hangul initial consonants (compatibility jamo ㄱ..ㅎ), spaces aside.
bool isInitialsQuery(const QString &query);

// How well `query` names `name`: 0 when it does not, higher when better. In order: the whole
// name, a prefix of the name, a prefix of one of its words, a substring, then the romanised and
// the initial-consonant forms. Within a kind, a name closer in length to the query ranks higher.
int nameMatchScore(const QString &name, const QString &query);

// The name in Revised Romanisation, syllable by syllable as names are spelled (김지민 -> gimjimin);
// characters that are not Hangul syllables are kept, case folded. The common surname spellings
// (kim, lee, park…) are matched by nameMatchScore, not produced here.
QString romanise(const QString &hangulName);

// What was typed, folded once for scoring many names.
class NameQuery
{
public:
    explicit NameQuery(const QString &typed);
    bool isEmpty() const { return m_folded.isEmpty(); }

private:
    friend class MatchableName;
    QString m_folded;  // NFC, case folded, trimmed
    QString m_compact; // the same without white space
    bool m_hasJamo = false;
    bool m_latin = false; // only Latin letters, digits, spaces and hyphens: may be a romanised name
};

// A name folded once, so that a list of thousands can be scored on every keystroke.
class MatchableName
{
public:
    MatchableName() = default;
    explicit MatchableName(const QString &name);
    int score(const NameQuery &query) const;

private:
    QString m_folded;
    QString m_compact;
    int m_surnameLength = 0; // syllables of a known Korean surname at the start, else 0
    bool m_hasHangul = false;
};

} // namespace moim::search
