#include "password_policy.h"

#include <QRegularExpression>
#include <vector>
#include <zxcvbn.h>

namespace moim::protocol {

using namespace Qt::StringLiterals;

PasswordPolicy::Verdict PasswordPolicy::evaluate(const QString &password,
                                                 const QStringList &userWords)
{
    Verdict verdict;
    verdict.length = int(password.toUcs4().size());
    if (verdict.length < MinLength) {
        verdict.problem = Problem::TooShort;
        return verdict;
    }
    if (verdict.length > MaxLength) {
        verdict.problem = Problem::TooLong;
        return verdict;
    }

    // zxcvbn compares bytes: the user's words must be in the same (UTF-8, lower-case) form.
    std::vector<QByteArray> storage;
    storage.reserve(size_t(userWords.size()));
    for (const QString &word : userWords) {
        if (word.size() >= 3)
            storage.push_back(word.toLower().toUtf8());
    }
    std::vector<const char *> dictionary;
    for (const QByteArray &word : storage)
        dictionary.push_back(word.constData());
    dictionary.push_back(nullptr);

    const QByteArray utf8 = password.toUtf8();
    verdict.entropyBits = ZxcvbnMatch(utf8.constData(), dictionary.data(), nullptr);
    if (verdict.entropyBits < MinEntropyBits)
        verdict.problem = Problem::TooGuessable;

    // Buckets chosen so "acceptable" starts at 2 and every extra ~15 bits earns a step.
    if (verdict.entropyBits < 10)
        verdict.score = 0;
    else if (verdict.entropyBits < MinEntropyBits)
        verdict.score = 1;
    else if (verdict.entropyBits < 35)
        verdict.score = 2;
    else if (verdict.entropyBits < 50)
        verdict.score = 3;
    else
        verdict.score = 4;
    return verdict;
}

QStringList PasswordPolicy::userWords(const QString &email, const QString &displayName,
                                      const QStringList &workspaceNames)
{
    static const QRegularExpression separators(u"[\\s._@+-]+"_s);
    QStringList words{u"moim"_s, u"모임"_s};
    const QString local = email.section(u'@', 0, 0);
    const QString domain = email.section(u'@', 1);
    words << local << local.split(separators, Qt::SkipEmptyParts);
    words << domain.section(u'.', 0, 0);
    words << displayName << displayName.split(separators, Qt::SkipEmptyParts);
    for (const QString &name : workspaceNames)
        words << name << name.split(separators, Qt::SkipEmptyParts);
    words.removeDuplicates();
    words.removeAll(QString());
    return words;
}

QString PasswordPolicy::reasonName(Problem problem)
{
    switch (problem) {
    case Problem::TooShort:
        return u"too_short"_s;
    case Problem::TooLong:
        return u"too_long"_s;
    case Problem::TooGuessable:
        return u"too_guessable"_s;
    case Problem::None:
        break;
    }
    return {};
}

PasswordPolicy::Problem PasswordPolicy::problemFromReason(const QString &reason)
{
    if (reason == "too_short"_L1)
        return Problem::TooShort;
    if (reason == "too_long"_L1)
        return Problem::TooLong;
    if (reason == "too_guessable"_L1)
        return Problem::TooGuessable;
    return Problem::None;
}

} // namespace moim::protocol
