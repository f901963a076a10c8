#pragma once

#include <QString>
#include <optional>

namespace moim {

// A link that opens Moim at a task: moim://invite/<token>, moim://reset/<token>, or a message:
// moim://message/<workspace>/<conversation>/<seq or message id>. Also
// accepted, because people paste what their mail shows: the invite landing page's address
// (http(s)://server/join#<token>). Anything else is refused with a reason.
struct DeepLink
{
    enum class Kind
    {
        Invite,
        Reset,
        Message
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
    // A message link's parts; the message by its seq in the conversation or by its server id.
    QString workspaceId;
    QString conversationId;
    QString messageId;
    qint64 messageSeq = 0;

    // The longest text considered at all; links are far shorter.
    static constexpr int MaxLength = 2048;

    static std::optional<DeepLink> parse(const QString &text, Problem *problem = nullptr);
    QString toString() const;
};

} // namespace moim
