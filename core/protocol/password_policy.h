#pragma once

#include <QString>
#include <QStringList>

namespace moim::protocol {

// The password rule of DESIGN.md §5, shared by the server (which enforces it) and the client
// (whose strength meter must agree with the server's verdict): 12 to 256 code points, no
// composition rules, and at least 20 bits of entropy as libzxcvbn estimates it, counting the
// user's own email, name and workspace names as dictionary words.
class PasswordPolicy
{
public:
    static constexpr int MinLength = 12;
    static constexpr int MaxLength = 256;
    static constexpr double MinEntropyBits = 20.0;

    enum class Problem
    {
        None,
        TooShort,
        TooLong,
        TooGuessable
    };

    struct Verdict
    {
        Problem problem = Problem::None;
        double entropyBits = 0;
        int length = 0; // in code points
        // 0 (unusable) … 4 (very strong), for a meter.
        int score = 0;
        bool acceptable() const { return problem == Problem::None; }
    };

    static Verdict evaluate(const QString &password, const QStringList &userWords);
    // The words an attacker would try first for this user: parts of the email address, the
    // name, the workspace names, and the product's own name.
    static QStringList userWords(const QString &email, const QString &displayName,
                                 const QStringList &workspaceNames);

    // Wire names of the problems (error "weak_password", field "reason").
    static QString reasonName(Problem problem);
    static Problem problemFromReason(const QString &reason);
};

} // namespace moim::protocol
