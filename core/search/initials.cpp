#include "search/initials.h"

#include <QHash>
#include <QStringList>
#include <array>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace moim::search {

namespace {

constexpr char16_t FirstSyllable = 0xAC00;
constexpr char16_t LastSyllable = 0xD7A3;
constexpr int MedialCount = 21;
constexpr int FinalCount = 28;
constexpr char16_t FirstCompatibilityJamo = 0x3131;     // ㄱ
constexpr char16_t LastCompatibilityConsonant = 0x314E; // ㅎ

// Scores by kind; the remainder (0..99) favours names close in length to the query.
enum Score
{
    WholeName = 1000,
    NamePrefix = 900,
    CompactPrefix = 850, // "김지민" for "김 지민"
    WordPrefix = 800,
    Substring = 600,
    CompactSubstring = 550,
    InitialsPrefix = 500,
    RomanisedWhole = 450,
    RomanisedGiven = 400,
    RomanisedInside = 350,
    InitialsInside = 300,
};

bool isSyllable(QChar c)
{
    return c.unicode() >= FirstSyllable && c.unicode() <= LastSyllable;
}

int initialOf(QChar syllable)
{
    return (syllable.unicode() - FirstSyllable) / (MedialCount * FinalCount);
}

int medialOf(QChar syllable)
{
    return (syllable.unicode() - FirstSyllable) / FinalCount % MedialCount;
}

int finalOf(QChar syllable)
{
    return (syllable.unicode() - FirstSyllable) % FinalCount;
}

QChar withoutFinal(QChar syllable)
{
    return QChar(char16_t(syllable.unicode() - finalOf(syllable)));
}

// The initial (0..18) a compatibility consonant writes, -1 for clusters that start no syllable.
int initialOfJamo(QChar jamo)
{
    static constexpr std::array<int, LastCompatibilityConsonant - FirstCompatibilityJamo + 1> table{
        0,  1, -1, 2, -1, -1, 3,  4,  5,  -1, -1, -1, -1, -1, -1,
        -1, 6, 7,  8, -1, 9,  10, 11, 12, 13, 14, 15, 16, 17, 18};
    const char16_t u = jamo.unicode();
    if (u < FirstCompatibilityJamo || u > LastCompatibilityConsonant)
        return -1;
    return table[u - FirstCompatibilityJamo];
}

bool isCompatibilityConsonant(QChar c)
{
    return c.unicode() >= FirstCompatibilityJamo && c.unicode() <= LastCompatibilityConsonant;
}

// The initial a final consonant becomes when the next syllable is being typed (김짐 on the way to
// 김지민: the ㅁ belongs to the next syllable), -1 for clusters.
int initialOfFinal(int final)
{
    static constexpr std::array<int, FinalCount> table{-1, 0,  1,  -1, 2,  -1, -1, 3, 5,  -1,
                                                       -1, -1, -1, -1, -1, -1, 6,  7, -1, 9,
                                                       10, 11, 12, 14, 15, 16, 17, 18};
    return table[final];
}

using Spellings = std::initializer_list<const char *>;

// Revised Romanisation first, then the spellings people use in their own names.
const std::array<Spellings, 19> &initialSpellings()
{
    static const std::array<Spellings, 19> table{{{"g", "k"},
                                                  {"kk"},
                                                  {"n"},
                                                  {"d", "t"},
                                                  {"tt"},
                                                  {"r", "l"},
                                                  {"m"},
                                                  {"b", "p"},
                                                  {"pp"},
                                                  {"s", "sh"},
                                                  {"ss"},
                                                  {""},
                                                  {"j", "ch"},
                                                  {"jj"},
                                                  {"ch"},
                                                  {"k"},
                                                  {"t"},
                                                  {"p"},
                                                  {"h"}}};
    return table;
}

const std::array<Spellings, MedialCount> &medialSpellings()
{
    static const std::array<Spellings, MedialCount> table{
        {{"a"},  {"ae"}, {"ya"}, {"yae"},       {"eo", "u", "o"}, {"e"},  {"yeo", "yu", "yo"},
         {"ye"}, {"o"},  {"wa"}, {"wae"},       {"oe", "oi"},     {"yo"}, {"u", "oo"},
         {"wo"}, {"we"}, {"wi"}, {"yu", "yoo"}, {"eu", "u"},      {"ui"}, {"i", "ee"}}};
    return table;
}

const std::array<Spellings, FinalCount> &finalSpellings()
{
    static const std::array<Spellings, FinalCount> table{
        {{""},  {"k", "g"}, {"k"}, {"k"}, {"n"}, {"n"}, {"n"}, {"t"},      {"l", "r"}, {"k"},
         {"m"}, {"l"},      {"l"}, {"l"}, {"p"}, {"l"}, {"m"}, {"p", "b"}, {"p"},      {"t"},
         {"t"}, {"ng"},     {"t"}, {"t"}, {"k"}, {"t"}, {"p"}, {"t"}}};
    return table;
}

// How surnames are spelled in passports and signatures, which Revised Romanisation alone misses
// (이 is Lee far more often than I).
const QHash<QString, QStringList> &surnameSpellings()
{
    static const QHash<QString, QStringList> table{
        {u"김"_s, {u"kim"_s, u"gim"_s}},
        {u"이"_s, {u"lee"_s, u"yi"_s, u"rhee"_s, u"i"_s, u"ri"_s}},
        {u"리"_s, {u"lee"_s, u"ri"_s, u"rhee"_s}},
        {u"박"_s, {u"park"_s, u"bak"_s, u"pak"_s}},
        {u"최"_s, {u"choi"_s, u"choe"_s, u"chey"_s}},
        {u"정"_s, {u"jung"_s, u"jeong"_s, u"chung"_s, u"joung"_s}},
        {u"강"_s, {u"kang"_s, u"gang"_s}},
        {u"조"_s, {u"cho"_s, u"jo"_s, u"joe"_s}},
        {u"윤"_s, {u"yoon"_s, u"yun"_s}},
        {u"장"_s, {u"jang"_s, u"chang"_s}},
        {u"임"_s, {u"lim"_s, u"im"_s, u"yim"_s, u"rim"_s}},
        {u"한"_s, {u"han"_s}},
        {u"오"_s, {u"oh"_s, u"o"_s}},
        {u"서"_s, {u"seo"_s, u"suh"_s, u"su"_s}},
        {u"신"_s, {u"shin"_s, u"sin"_s}},
        {u"권"_s, {u"kwon"_s, u"gwon"_s}},
        {u"황"_s, {u"hwang"_s}},
        {u"안"_s, {u"ahn"_s, u"an"_s}},
        {u"송"_s, {u"song"_s}},
        {u"류"_s, {u"ryu"_s, u"yoo"_s, u"yu"_s, u"ryoo"_s}},
        {u"유"_s, {u"yoo"_s, u"yu"_s, u"ryu"_s}},
        {u"전"_s, {u"jeon"_s, u"jun"_s, u"chun"_s}},
        {u"홍"_s, {u"hong"_s}},
        {u"고"_s, {u"ko"_s, u"go"_s, u"koh"_s}},
        {u"문"_s, {u"moon"_s, u"mun"_s}},
        {u"양"_s, {u"yang"_s}},
        {u"손"_s, {u"son"_s, u"sohn"_s}},
        {u"배"_s, {u"bae"_s, u"pae"_s}},
        {u"백"_s, {u"baek"_s, u"paik"_s, u"paek"_s, u"baik"_s}},
        {u"허"_s, {u"heo"_s, u"huh"_s, u"hur"_s}},
        {u"남"_s, {u"nam"_s}},
        {u"노"_s, {u"noh"_s, u"no"_s, u"roh"_s}},
        {u"하"_s, {u"ha"_s}},
        {u"곽"_s, {u"kwak"_s, u"gwak"_s}},
        {u"성"_s, {u"sung"_s, u"seong"_s}},
        {u"차"_s, {u"cha"_s}},
        {u"주"_s, {u"joo"_s, u"ju"_s, u"chu"_s}},
        {u"우"_s, {u"woo"_s, u"u"_s}},
        {u"구"_s, {u"koo"_s, u"gu"_s, u"ku"_s}},
        {u"민"_s, {u"min"_s}},
        {u"진"_s, {u"jin"_s, u"chin"_s}},
        {u"나"_s, {u"na"_s, u"ra"_s}},
        {u"지"_s, {u"ji"_s, u"jee"_s}},
        {u"엄"_s, {u"eom"_s, u"um"_s, u"uhm"_s}},
        {u"채"_s, {u"chae"_s}},
        {u"원"_s, {u"won"_s}},
        {u"천"_s, {u"cheon"_s, u"chun"_s}},
        {u"방"_s, {u"bang"_s}},
        {u"공"_s, {u"kong"_s, u"gong"_s}},
        {u"현"_s, {u"hyun"_s, u"hyeon"_s}},
        {u"함"_s, {u"ham"_s}},
        {u"변"_s, {u"byun"_s, u"byeon"_s}},
        {u"염"_s, {u"yeom"_s, u"yum"_s}},
        {u"여"_s, {u"yeo"_s, u"yuh"_s}},
        {u"추"_s, {u"choo"_s, u"chu"_s}},
        {u"도"_s, {u"do"_s, u"doh"_s}},
        {u"석"_s, {u"seok"_s, u"suk"_s}},
        {u"선"_s, {u"sun"_s, u"seon"_s}},
        {u"설"_s, {u"seol"_s, u"sul"_s}},
        {u"길"_s, {u"gil"_s, u"kil"_s}},
        {u"연"_s, {u"yeon"_s, u"yun"_s}},
        {u"위"_s, {u"wi"_s, u"wee"_s}},
        {u"표"_s, {u"pyo"_s}},
        {u"명"_s, {u"myung"_s, u"myeong"_s}},
        {u"기"_s, {u"ki"_s, u"gi"_s}},
        {u"금"_s, {u"keum"_s, u"geum"_s}},
        {u"육"_s, {u"yook"_s, u"yuk"_s}},
        {u"경"_s, {u"kyung"_s, u"gyeong"_s}},
        {u"부"_s, {u"boo"_s, u"bu"_s}},
        {u"황보"_s, {u"hwangbo"_s}},
        {u"남궁"_s, {u"namgung"_s, u"namkoong"_s}},
        {u"선우"_s, {u"sunwoo"_s, u"seonu"_s}},
        {u"제갈"_s, {u"jegal"_s}},
        {u"독고"_s, {u"dokgo"_s}},
    };
    return table;
}

QString fold(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).toCaseFolded();
}

QString withoutSpaces(const QString &text)
{
    QString compact;
    compact.reserve(text.size());
    for (QChar c : text) {
        if (!c.isSpace())
            compact.append(c);
    }
    return compact;
}

// Where `spelling` takes the query from `at`: the next position, the query's end when the query
// ends inside the spelling (the name is still being typed), or -1 when they differ.
qsizetype consume(const QString &query, qsizetype at, const char *spelling)
{
    for (; *spelling; ++spelling, ++at) {
        if (at == query.size())
            return at;
        if (query.at(at).unicode() != char16_t(*spelling))
            return -1;
    }
    return at;
}

qsizetype consume(const QString &query, qsizetype at, const QString &spelling)
{
    for (QChar c : spelling) {
        if (at == query.size())
            return at;
        if (query.at(at) != c)
            return -1;
        ++at;
    }
    return at;
}

// The Latin spelling of a name matched against the query, from the syllable `start` on; with
// `givenFirst`, the given name is tried before the surname ("jimin kim").
struct RomanisedMatch
{
    const QString &query;
    const QString &name; // compact, folded
    int surnameLength;   // 0 without a known surname
    int start = 0;
    bool givenFirst = false;

    int steps() const { return int(name.size()) - (givenFirst ? 0 : start); }
    int indexAt(int step) const
    {
        if (!givenFirst)
            return start + step;
        const int given = int(name.size()) - surnameLength;
        return step < given ? surnameLength + step : step - given;
    }
    bool isSurnameStep(int step) const { return surnameLength > 0 && indexAt(step) == 0; }

    bool from(qsizetype at, int step) const
    {
        if (at == query.size())
            return true;
        if (step == steps())
            return false;
        if (isSurnameStep(step)) {
            const QString surname = name.left(surnameLength);
            for (const QString &spelling : surnameSpellings().value(surname)) {
                const qsizetype next = consume(query, at, spelling);
                if (next == query.size() || (next >= 0 && from(next, step + surnameLength)))
                    return true;
            }
            if (surnameLength > 1)
                return false;
        }
        const QChar c = name.at(indexAt(step));
        if (!isSyllable(c)) {
            if (!c.isLetterOrNumber())
                return from(at, step + 1);
            return c == query.at(at) && from(at + 1, step + 1);
        }
        for (const char *initial : initialSpellings()[initialOf(c)]) {
            const qsizetype afterInitial = consume(query, at, initial);
            if (afterInitial < 0)
                continue;
            if (afterInitial == query.size())
                return true;
            for (const char *medial : medialSpellings()[medialOf(c)]) {
                const qsizetype afterMedial = consume(query, afterInitial, medial);
                if (afterMedial < 0)
                    continue;
                if (afterMedial == query.size())
                    return true;
                for (const char *final : finalSpellings()[finalOf(c)]) {
                    const qsizetype afterFinal = consume(query, afterMedial, final);
                    if (afterFinal == query.size() ||
                        (afterFinal >= 0 && from(afterFinal, step + 1)))
                        return true;
                }
            }
        }
        return false;
    }
};

// Whether the query, as Hangul being typed, matches the name at `start`: a consonant alone stands
// for any syllable it starts (ㄱ for 김), and the last syllable typed may be unfinished (지 for 진)
// or carry the next syllable's initial as its final (김짐 for 김지민).
bool jamoMatchAt(const QString &name, qsizetype start, const QString &query)
{
    qsizetype at = start;
    for (qsizetype i = 0; i < query.size(); ++i, ++at) {
        if (at >= name.size())
            return false;
        const QChar typed = query.at(i);
        const QChar written = name.at(at);
        if (typed == written)
            continue;
        const bool last = i + 1 == query.size();
        if (isCompatibilityConsonant(typed)) {
            if (isSyllable(written) && initialOf(written) == initialOfJamo(typed))
                continue;
            return false;
        }
        if (!last || !isSyllable(typed) || !isSyllable(written))
            return false;
        if (finalOf(typed) == 0 && withoutFinal(written) == typed)
            return true;
        const int nextInitial = initialOfFinal(finalOf(typed));
        return nextInitial >= 0 && withoutFinal(typed) == written && at + 1 < name.size() &&
               isSyllable(name.at(at + 1)) && initialOf(name.at(at + 1)) == nextInitial;
    }
    return true;
}

bool startsWord(const QString &text, qsizetype at)
{
    return at == 0 || !text.at(at - 1).isLetterOrNumber();
}

int closeness(const QString &name, const QString &query)
{
    return 99 - int(qMin<qsizetype>(99, qAbs(name.size() - query.size())));
}

} // namespace

bool isInitialsQuery(const QString &query)
{
    bool any = false;
    for (QChar c : query) {
        if (c.isSpace())
            continue;
        if (initialOfJamo(c) < 0)
            return false;
        any = true;
    }
    return any;
}

QString romanise(const QString &hangulName)
{
    QString latin;
    for (QChar c : fold(hangulName)) {
        if (!isSyllable(c)) {
            latin.append(c);
            continue;
        }
        latin.append(QLatin1StringView(*initialSpellings()[initialOf(c)].begin()));
        latin.append(QLatin1StringView(*medialSpellings()[medialOf(c)].begin()));
        latin.append(QLatin1StringView(*finalSpellings()[finalOf(c)].begin()));
    }
    return latin;
}

NameQuery::NameQuery(const QString &typed)
    : m_folded(fold(typed).simplified())
    , m_compact(withoutSpaces(m_folded))
{
    m_latin = !m_compact.isEmpty();
    for (QChar c : std::as_const(m_compact)) {
        if (isCompatibilityConsonant(c) || isSyllable(c))
            m_hasJamo = true;
        const bool latin = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!latin)
            m_latin = false;
    }
    if (m_latin)
        m_compact.remove(u'-');
}

MatchableName::MatchableName(const QString &name)
    : m_folded(fold(name).simplified())
    , m_compact(withoutSpaces(m_folded))
{
    for (QChar c : std::as_const(m_compact)) {
        if (isSyllable(c)) {
            m_hasHangul = true;
            break;
        }
    }
    if (m_compact.size() >= 3 && surnameSpellings().contains(m_compact.left(2)) &&
        isSyllable(m_compact.at(2)))
        m_surnameLength = 2;
    else if (m_compact.size() >= 2 && isSyllable(m_compact.at(1)) &&
             surnameSpellings().contains(m_compact.left(1)))
        m_surnameLength = 1;
}

int MatchableName::score(const NameQuery &query) const
{
    const QString &typed = query.m_folded;
    if (typed.isEmpty() || m_folded.isEmpty())
        return 0;
    if (m_folded == typed)
        return WholeName + 99;
    if (m_folded.startsWith(typed))
        return NamePrefix + closeness(m_folded, typed);
    if (m_compact.startsWith(query.m_compact))
        return CompactPrefix + closeness(m_compact, query.m_compact);

    int best = 0;
    for (qsizetype at = m_folded.indexOf(typed, 1); at > 0; at = m_folded.indexOf(typed, at + 1)) {
        if (startsWord(m_folded, at))
            return WordPrefix + closeness(m_folded, typed);
        best = Substring;
    }
    if (best == 0 && m_compact.contains(query.m_compact))
        best = CompactSubstring;
    if (best)
        return best + closeness(m_folded, typed);

    const QString &compactQuery = query.m_compact;
    if (query.m_hasJamo && m_hasHangul) {
        if (jamoMatchAt(m_compact, 0, compactQuery))
            return InitialsPrefix + closeness(m_compact, compactQuery);
        for (qsizetype at = 1; at + compactQuery.size() <= m_compact.size() + 1; ++at) {
            if (isSyllable(m_compact.at(at)) && jamoMatchAt(m_compact, at, compactQuery))
                return InitialsInside + closeness(m_compact, compactQuery);
        }
        return 0;
    }

    if (!query.m_latin || !m_hasHangul)
        return 0;
    const QString &latin = query.m_compact;
    auto withCloseness = [&](int kind) { return kind + closeness(romanise(m_compact), latin); };
    if (RomanisedMatch{latin, m_compact, m_surnameLength}.from(0, 0))
        return withCloseness(RomanisedWhole);
    // A single letter in the middle of names matches nearly everything: only from the start.
    if (latin.size() < 2)
        return 0;
    if (m_surnameLength && m_surnameLength < m_compact.size() &&
        RomanisedMatch{latin, m_compact, m_surnameLength, 0, true}.from(0, 0))
        return withCloseness(RomanisedGiven);
    for (int start = 1; start < m_compact.size(); ++start) {
        if (isSyllable(m_compact.at(start)) &&
            RomanisedMatch{latin, m_compact, 0, start}.from(0, 0))
            return withCloseness(RomanisedInside);
    }
    return 0;
}

int nameMatchScore(const QString &name, const QString &query)
{
    return MatchableName(name).score(NameQuery(query));
}

} // namespace moim::search
