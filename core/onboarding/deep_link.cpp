#include "deep_link.h"

#include "protocol/protocol.h"

#include <QRegularExpression>
#include <QUrl>

namespace moim {

using namespace Qt::StringLiterals;
namespace link = protocol::link;

namespace {

bool isToken(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{%1}$"_s.arg(link::TokenLength));
    return pattern.match(text).hasMatch();
}

std::optional<DeepLink> refuse(DeepLink::Problem reason, DeepLink::Problem *problem)
{
    if (problem)
        *problem = reason;
    return std::nullopt;
}

constexpr auto MessageAction = "message"_L1;

bool isId(const QString &text)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{1,128}$"_s);
    return pattern.match(text).hasMatch();
}

std::optional<DeepLink> parseMessageLink(const QUrl &url, DeepLink::Problem *problem)
{
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty() || url.port() != -1)
        return refuse(DeepLink::Problem::MalformedToken, problem);
    const QStringList parts = url.path(QUrl::FullyDecoded).split(u'/');
    // "/workspace/conversation/message": an empty first part, then three ids.
    if (parts.size() != 4 || !parts.at(0).isEmpty() || !isId(parts.at(1)) || !isId(parts.at(2)) ||
        !isId(parts.at(3)))
        return refuse(DeepLink::Problem::MalformedToken, problem);
    DeepLink parsed;
    parsed.kind = DeepLink::Kind::Message;
    parsed.workspaceId = parts.at(1);
    parsed.conversationId = parts.at(2);
    bool number = false;
    const qint64 seq = parts.at(3).toLongLong(&number);
    if (number && seq > 0)
        parsed.messageSeq = seq;
    else
        parsed.messageId = parts.at(3);
    return parsed;
}

} // namespace

std::optional<DeepLink> DeepLink::parse(const QString &text, Problem *problem)
{
    if (problem)
        *problem = Problem::None;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return refuse(Problem::Empty, problem);
    if (trimmed.size() > MaxLength)
        return refuse(Problem::TooLong, problem);

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return refuse(Problem::NotAMoimLink, problem);

    DeepLink parsed;
    QString token;
    if (url.scheme() == link::Scheme) {
        // moim://invite/<token>: the action is the host, the token the only path segment.
        const QString action = url.host();
        if (action == MessageAction)
            return parseMessageLink(url, problem);
        if (action == link::Invite)
            parsed.kind = Kind::Invite;
        else if (action == link::Reset)
            parsed.kind = Kind::Reset;
        else
            return refuse(Problem::UnknownAction, problem);
        if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty() || url.port() != -1)
            return refuse(Problem::MalformedToken, problem);
        token = url.path(QUrl::FullyDecoded);
        if (token.startsWith(u'/'))
            token.remove(0, 1);
    } else if ((url.scheme() == "http"_L1 || url.scheme() == "https"_L1) &&
               url.path() == protocol::path::JoinPage) {
        parsed.kind = Kind::Invite;
        token = url.fragment(QUrl::FullyDecoded);
    } else {
        return refuse(Problem::NotAMoimLink, problem);
    }
    if (!isToken(token))
        return refuse(Problem::MalformedToken, problem);
    parsed.token = token;
    return parsed;
}

QString DeepLink::toString() const
{
    if (kind == Kind::Message) {
        return QString(link::Scheme) + u"://"_s + MessageAction + u'/' + workspaceId + u'/' +
               conversationId + u'/' + (messageSeq > 0 ? QString::number(messageSeq) : messageId);
    }
    return QString(link::Scheme) + u"://"_s +
           (kind == Kind::Invite ? QString(link::Invite) : QString(link::Reset)) + u'/' + token;
}

} // namespace moim
