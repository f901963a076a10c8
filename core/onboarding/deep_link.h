#pragma once

#include <QString>
#include <optional>

namespace moim {

// A link that opens Moim at a task: moim://invite/<token> or moim://reset/<token>. Also
// accepted, because people paste what their mail shows: the invite landing page's address
// (http(s)://server/join#<token>). Anything else is refused with a reason.
struct DeepLink
{
    enum class Kind
    {
        Invite,
        Reset
    };
    enum class Problem
    {
        None,
        Empty,
        TooLong,
        NotAMoimLink,
        UnknownAction,
        MalformedToken
    };

    Kind kind = Kind::Invite;
    QString token;

    // The longest text considered at all; links are far shorter.
    static constexpr int MaxLength = 2048;

    static std::optional<DeepLink> parse(const QString &text, Problem *problem = nullptr);
    QString toString() const;
};

} // namespace moim
