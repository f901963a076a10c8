#include "korean_particles.h"

#include <array>

namespace moim::ui {

namespace {

enum class Ending
{
    Vowel,
    Consonant,
    Rieul
};

struct ParticlePair
{
    QStringView marker;
    QStringView afterConsonant;
    QStringView afterVowel;
    // 으로 is the one particle that treats a final ㄹ like a vowel: 서울로, 칠로.
    bool rieulTakesVowelForm = false;
};

constexpr std::array pairs = {
    ParticlePair{u"을(를)", u"을", u"를"},         ParticlePair{u"를(을)", u"을", u"를"},
    ParticlePair{u"이(가)", u"이", u"가"},         ParticlePair{u"가(이)", u"이", u"가"},
    ParticlePair{u"은(는)", u"은", u"는"},         ParticlePair{u"는(은)", u"은", u"는"},
    ParticlePair{u"과(와)", u"과", u"와"},         ParticlePair{u"와(과)", u"과", u"와"},
    ParticlePair{u"(으)로", u"으로", u"로", true}, ParticlePair{u"(이)라", u"이라", u"라"},
    ParticlePair{u"(이)나", u"이나", u"나"},
};

bool isClosingPunctuation(QChar c)
{
    static const QStringView closing = u"\"')]}>”’」』》〉】";
    return closing.contains(c);
}

Ending endingOfDigits(QStringView text, qsizetype last)
{
    // Sino-Korean reading: a number ending in 0 ends in 십, 백, 천, 만… (all consonants), and
    // a lone 0 is 영; otherwise the last digit's name decides.
    const QChar digit = text[last];
    if (digit == u'0')
        return Ending::Consonant;
    switch (digit.unicode()) {
    case u'1': // 일
    case u'7': // 칠
    case u'8': // 팔
        return Ending::Rieul;
    case u'3': // 삼
    case u'6': // 육
        return Ending::Consonant;
    default: // 이, 사, 오, 구
        return Ending::Vowel;
    }
}

Ending endingOfLatinLetter(QChar letter)
{
    switch (letter.toLower().unicode()) {
    case u'l': // 엘
    case u'r': // 알
        return Ending::Rieul;
    case u'm': // 엠
    case u'n': // 엔
        return Ending::Consonant;
    default: // 에이, 비, 씨, 디 … 제트
        return Ending::Vowel;
    }
}

Ending endingBefore(QStringView text, qsizetype position)
{
    qsizetype last = position - 1;
    while (last >= 0 && isClosingPunctuation(text[last]))
        --last;
    if (last < 0)
        return Ending::Consonant;
    const char16_t c = text[last].unicode();
    if (c >= 0xAC00 && c <= 0xD7A3) {
        const int finalConsonant = (c - 0xAC00) % 28;
        if (finalConsonant == 0)
            return Ending::Vowel;
        return finalConsonant == 8 ? Ending::Rieul : Ending::Consonant;
    }
    if (c >= u'0' && c <= u'9')
        return endingOfDigits(text, last);
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
        return endingOfLatinLetter(text[last]);
    // A sign or a script Korean does not read (an emoji, a hanja): the consonant form, which
    // the reader pronounces with the word's own reading in most such cases.
    return Ending::Consonant;
}

} // namespace

QString withKoreanParticles(const QString &text)
{
    if (!text.contains(u'('))
        return text;
    QString result;
    result.reserve(text.size());
    qsizetype copiedUpTo = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'(' && (i + 1 >= text.size() || text[i + 1] != u'('))
            continue;
        for (const ParticlePair &pair : pairs) {
            if (!QStringView(text).sliced(i).startsWith(pair.marker))
                continue;
            const Ending ending = endingBefore(text, i);
            const bool vowelForm =
                ending == Ending::Vowel || (ending == Ending::Rieul && pair.rieulTakesVowelForm);
            result += QStringView(text).sliced(copiedUpTo, i - copiedUpTo);
            result += vowelForm ? pair.afterVowel : pair.afterConsonant;
            copiedUpTo = i + pair.marker.size();
            i = copiedUpTo - 1;
            break;
        }
    }
    result += QStringView(text).sliced(copiedUpTo);
    return result;
}

} // namespace moim::ui
