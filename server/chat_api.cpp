#include "chat_api.h"

#include "account_store.h"
#include "admin_api.h"
#include "api_server.h"
#include "chat_access.h"
#include "email_address.h"
#include "event_hub.h"
#include "file_store.h"
#include "message_store.h"
#include "server_logging.h"
#include "token_service.h"

#include <QHttpServer>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <protocol/protocol.h>
#include <search/search_query.h>
#include <search/search_text.h>

namespace moim::server {

using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace error = moim::protocol::error;
namespace limits = moim::protocol::limits;
namespace event = moim::protocol::event;
using Method = QHttpServerRequest::Method;

namespace {
constexpr int MaxClientIdLength = 64;
constexpr int DefaultHistoryPage = 50;
constexpr int MaxSearchLength = 200;
constexpr int DefaultSearchPage = 20;
constexpr int MaxSearchPage = 50;
constexpr int MaxIdLength = 64;

// A query parameter that must be a whole number of at least 0 (sequence numbers, limits).
std::optional<qint64> nonNegativeNumber(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

JsonReply badParameter(const QString &field, const QString &message)
{
    return JsonReply::error(error::BadRequest, message).withErrorField(u"field"_s, field);
}
} // namespace

ChatApi::ChatApi(QHttpServer &http, Services services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{
    const QString messages = path::ConversationsBase + u"<arg>"_s + path::MessagesSuffix;
    http.route(messages, Method::Get, [this](const QString &id, const QHttpServerRequest &request) {
        return history(id, request).toResponse();
    });
    http.route(messages, Method::Post,
               [this](const QString &id, const QHttpServerRequest &request) {
                   return send(id, request).toResponse();
               });
    http.route(path::ConversationsBase + u"<arg>"_s + path::ReadSuffix, Method::Post,
               [this](const QString &id, const QHttpServerRequest &request) {
                   return markRead(id, request).toResponse();
               });
    http.route(QString(path::Sync), Method::Get,
               [this](const QHttpServerRequest &request) { return sync(request).toResponse(); });
    http.route(QString(path::Search), Method::Get,
               [this](const QHttpServerRequest &request) { return search(request).toResponse(); });
    http.route(QString(path::AdminMessages), Method::Post,
               [this](const QHttpServerRequest &request) {
                   if (auto refusal = m_services.admin.refuse(request))
                       return refusal->toResponse();
                   return postAsMember(request).toResponse();
               });
    connect(&m_chatter, &QTimer::timeout, this, &ChatApi::chatterOnce);
}

JsonReply ChatApi::history(const QString &conversationId, const QHttpServerRequest &request) const
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal);
    if (!session)
        return refusal;
    const QUrlQuery query(request.url());
    // At most one anchor: before (older page), after (newer page) or around (a window centred
    // on a message, as when opening a search result or a link).
    struct Anchor
    {
        QString name;
        qint64 seq = 0;
    };
    QList<Anchor> anchors;
    for (const QString &name : {u"before_seq"_s, u"after_seq"_s, u"around_seq"_s}) {
        if (!query.hasQueryItem(name))
            continue;
        const auto seq = nonNegativeNumber(query.queryItemValue(name));
        if (!seq)
            return badParameter(name, u"%1 must be a whole number, 0 or more."_s.arg(name));
        anchors.append({name, *seq});
    }
    if (anchors.size() > 1)
        return JsonReply::error(error::BadRequest,
                                u"Give at most one of before_seq, after_seq and around_seq."_s);
    int limit = DefaultHistoryPage;
    if (query.hasQueryItem(u"limit"_s)) {
        const auto asked = nonNegativeNumber(query.queryItemValue(u"limit"_s));
        if (!asked || *asked < 1)
            return badParameter(u"limit"_s, u"limit must be a whole number from 1 to %1."_s.arg(
                                                MessageStore::MaxPage));
        limit = int(std::min<qint64>(*asked, MessageStore::MaxPage));
    }
    const Anchor anchor = anchors.isEmpty() ? Anchor{u"before_seq"_s, 0} : anchors.first();
    if (anchor.name == "around_seq"_L1) {
        bool hasOlder = false;
        bool hasNewer = false;
        const QJsonArray page = m_services.messages.pageAround(
            session->userId, conversationId, anchor.seq, limit, &hasOlder, &hasNewer);
        return JsonReply::ok(
            {{u"messages"_s, page}, {u"has_older"_s, hasOlder}, {u"has_newer"_s, hasNewer}});
    }
    bool hasMore = false;
    const QJsonArray page = anchor.name == "after_seq"_L1
                                ? m_services.messages.pageAfter(session->userId, conversationId,
                                                                anchor.seq, limit, &hasMore)
                                : m_services.messages.page(session->userId, conversationId,
                                                           anchor.seq, limit, &hasMore);
    return JsonReply::ok({{u"messages"_s, page}, {u"has_more"_s, hasMore}});
}

JsonReply ChatApi::send(const QString &conversationId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    const QString text = body ? body->value("body"_L1).toString() : QString();
    const QString clientId = body ? body->value("client_id"_L1).toString() : QString();
    const QJsonValue attachmentsValue = body ? body->value("attachments"_L1) : QJsonValue();
    QStringList attachments;
    for (const QJsonValue &value : attachmentsValue.toArray())
        attachments.append(value.toString());
    if (!attachmentsValue.isUndefined() &&
        (!attachmentsValue.isArray() || attachments.contains(QString()) ||
         attachments.size() > limits::MaxAttachmentsPerMessage))
        return badParameter(u"attachments"_s,
                            u"attachments must be a list of at most %1 file ids."_s.arg(
                                limits::MaxAttachmentsPerMessage));
    // With files, the text may be empty.
    if (!body || (text.trimmed().isEmpty() && (attachments.isEmpty() || !text.isEmpty())) ||
        text.size() > MessageStore::MaxBodyLength || clientId.isEmpty() ||
        clientId.size() > MaxClientIdLength)
        return JsonReply::error(error::BadRequest,
                                u"Expected body (1-10000 characters) and client_id."_s);
    // A retried send finds its files attached already, to the message it is answered with.
    if (!attachments.isEmpty() &&
        !m_services.messages.isRepeat(session->userId, conversationId, clientId) &&
        !m_services.files.canAttach(session->userId, conversationId, attachments))
        return badParameter(u"attachments"_s,
                            u"Each attachment must be a file you uploaded to this conversation "
                            "and have not attached yet."_s);
    const QJsonValue replyTo = body->value("reply_to"_L1);
    if (!replyTo.isUndefined() && !replyTo.isNull() && !replyTo.isString())
        return badParameter(u"reply_to"_s, u"reply_to must be a message id."_s);
    if (!replyTo.toString().isEmpty() &&
        !m_services.messages.canReplyTo(conversationId, replyTo.toString()))
        return badParameter(u"reply_to"_s,
                            u"reply_to must be a message of this conversation that is not "
                            "deleted."_s);
    JsonReply refusedEntities = JsonReply::noContent();
    const auto entities = m_services.access.admitEntities(
        session->userId, conversationId, text, body->value("entities"_L1), &refusedEntities);
    if (!entities)
        return refusedEntities;
    return deliver(session->userId, conversationId, clientId, text, replyTo.toString(), *entities,
                   attachments);
}

JsonReply ChatApi::deliver(const QString &userId, const QString &conversationId,
                           const QString &clientId, const QString &body, const QString &replyToId,
                           const QList<moim::protocol::MessageEntity> &entities,
                           const QStringList &attachments)
{
    bool duplicate = false;
    const auto message = m_services.messages.post(userId, conversationId, clientId, body, replyToId,
                                                  entities, attachments, &duplicate);
    if (!message)
        return JsonReply::error(error::ServerError, u"Could not store the message."_s);
    // A retried send is answered, not delivered again.
    if (!duplicate) {
        // Where it was posted travels along, so a client can word a notification for a
        // conversation it has not listed yet.
        const MessageStore::Kind kind = m_services.messages.kindOf(conversationId);
        m_services.access.pushMessageEvent({{u"type"_s, QString(event::MessageCreated)},
                                            {u"conversation_kind"_s, kind.kind},
                                            {u"conversation_name"_s, kind.channelName}},
                                           *message);
        // Writing read everything before: the others' read counts follow.
        m_services.access.pushReadMarkMoved(userId, conversationId,
                                            message->value("seq"_L1).toInteger());
    }
    return JsonReply::ok({{u"message"_s, *message}, {u"duplicate"_s, duplicate}});
}

JsonReply ChatApi::markRead(const QString &conversationId, const QHttpServerRequest &request)
{
    JsonReply refusal = JsonReply::noContent();
    const auto session = m_services.access.admit(conversationId, request, &refusal);
    if (!session)
        return refusal;
    const auto body = ApiServer::jsonBody(request);
    if (!body || !body->value("seq"_L1).isDouble())
        return JsonReply::error(error::BadRequest, u"Expected seq."_s);
    const MessageStore::ReadMark mark = m_services.messages.markRead(
        session->userId, conversationId, body->value("seq"_L1).toInteger());
    // Reading on one device clears the badge on the others (those that may open the workspace).
    // The event says where the mark stands and what is still unread, so every device shows the
    // server's count rather than guessing from what it happens to hold.
    m_services.events.pushWorkspaceEvent(m_services.messages.workspaceOf(conversationId),
                                         {session->userId},
                                         {{u"type"_s, QString(event::ReadUpdated)},
                                          {u"conversation_id"_s, conversationId},
                                          {u"seq"_s, mark.lastReadSeq},
                                          {u"unread"_s, mark.unread},
                                          {u"last_seq"_s, m_services.messages.lastSeq()}});
    if (mark.moved)
        m_services.access.pushReadMarkMoved(session->userId, conversationId, mark.lastReadSeq);
    return JsonReply::noContent();
}

JsonReply ChatApi::sync(const QHttpServerRequest &request) const
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session)
        return JsonReply::error(error::InvalidToken, u"Sign in again."_s);
    const qint64 after = QUrlQuery(request.url()).queryItemValue(u"after_seq"_s).toLongLong();
    bool hasMore = false;
    // Not refused as a whole: the catch-up simply leaves out workspaces closed to this session.
    const QJsonArray messages = m_services.messages.since(session->userId, session->sessionId,
                                                          after, MessageStore::MaxPage, &hasMore);
    return JsonReply::ok(
        {{u"messages"_s, messages},
         {u"has_more"_s, hasMore},
         {u"last_seq"_s, m_services.messages.lastSeq()},
         {u"read_state"_s, m_services.messages.readState(session->userId, session->sessionId)}});
}

JsonReply ChatApi::search(const QHttpServerRequest &request) const
{
    if (auto refusal = m_services.api.refuseClient(request))
        return *refusal;
    const auto session = m_services.tokens.authenticate(ApiServer::bearerToken(request));
    if (!session)
        return JsonReply::error(error::InvalidToken, u"Sign in again."_s);
    const QUrlQuery query(request.url());
    const QString typed = query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    if (typed.size() > MaxSearchLength)
        return badParameter(u"q"_s, u"q must be at most %1 characters."_s.arg(MaxSearchLength));
    // The words as a search field reads them (quotes keep a phrase together). Filters are the
    // client's to resolve: a date is a day in the user's time zone, a name is one of many
    // people; they come as ids and times in their own parameters.
    const moim::search::SearchQuery words = moim::search::SearchQuery::parse(typed);
    if (!words.from.isEmpty() || !words.in.isEmpty() || words.before.isValid() ||
        words.after.isValid() || !words.error.isEmpty())
        return badParameter(u"q"_s, u"Filters go in their own parameters (from, "
                                    "conversation_id, before, after), not in q."_s);
    if (words.terms.isEmpty() || moim::search::matchExpression(words.terms).isEmpty())
        return badParameter(u"q"_s, u"q must have something to search for."_s);
    MessageStore::Search wanted;
    wanted.terms = words.terms;
    const struct
    {
        QString name;
        QString *value;
    } ids[] = {{u"workspace_id"_s, &wanted.workspaceId},
               {u"conversation_id"_s, &wanted.conversationId},
               {u"from"_s, &wanted.authorId}};
    for (const auto &id : ids) {
        *id.value = query.queryItemValue(id.name, QUrl::FullyDecoded);
        if (id.value->size() > MaxIdLength)
            return badParameter(id.name, u"%1 is not an id."_s.arg(id.name));
    }
    const struct
    {
        QString name;
        qint64 *value;
    } numbers[] = {{u"after"_s, &wanted.after},
                   {u"before"_s, &wanted.before},
                   {u"before_seq"_s, &wanted.beforeSeq}};
    for (const auto &number : numbers) {
        if (!query.hasQueryItem(number.name))
            continue;
        const auto value = nonNegativeNumber(query.queryItemValue(number.name));
        if (!value)
            return badParameter(number.name,
                                u"%1 must be a whole number, 0 or more."_s.arg(number.name));
        *number.value = *value;
    }
    wanted.limit = DefaultSearchPage;
    if (query.hasQueryItem(u"limit"_s)) {
        const auto limit = nonNegativeNumber(query.queryItemValue(u"limit"_s));
        if (!limit || *limit < 1 || *limit > MaxSearchPage)
            return badParameter(u"limit"_s,
                                u"limit must be a whole number from 1 to %1."_s.arg(MaxSearchPage));
        wanted.limit = int(*limit);
    }
    // Conversations the user may not read, and workspaces closed to this session, are left out
    // rather than refused: the answer says nothing about what exists there.
    bool hasMore = false;
    const QJsonArray messages =
        m_services.messages.search(session->userId, session->sessionId, wanted, &hasMore);
    return JsonReply::ok({{u"messages"_s, messages}, {u"has_more"_s, hasMore}});
}

JsonReply ChatApi::postAsMember(const QHttpServerRequest &request)
{
    const auto body = ApiServer::jsonBody(request);
    const QString email = body ? body->value("email"_L1).toString() : QString();
    const QString conversationId = body ? body->value("conversation_id"_L1).toString() : QString();
    const QString text = body ? body->value("body"_L1).toString() : QString();
    if (email.isEmpty() || conversationId.isEmpty() || text.trimmed().isEmpty() ||
        text.size() > MessageStore::MaxBodyLength)
        return JsonReply::error(error::BadRequest, u"Expected email, conversation_id and body."_s);
    const auto account = m_services.accounts.findByEmail(EmailAddress::normalise(email));
    if (!account)
        return JsonReply::error(error::NotFound, u"No such account."_s);
    if (!m_services.messages.canAccess(account->id, conversationId))
        return JsonReply::error(error::Forbidden, u"Not a member of this conversation."_s);
    JsonReply refusedEntities = JsonReply::noContent();
    const auto entities = m_services.access.admitEntities(
        account->id, conversationId, text, body->value("entities"_L1), &refusedEntities);
    if (!entities)
        return refusedEntities;
    return deliver(account->id, conversationId, QString(), text, QString(), *entities);
}

void ChatApi::startChatter(std::chrono::milliseconds interval)
{
    m_chatter.start(interval);
}

void ChatApi::chatterOnce()
{
    // A random channel message from a random member of its workspace, sometimes mentioning
    // someone (bound to their id, as a client would), in Korean or English.
    struct Line
    {
        QString text;
        QString mentioned; // the display name the line starts with after '@', if any
    };
    static const QList<Line> lines{
        {u"방금 배포 끝났습니다 🚀"_s, {}},
        {u"Anyone up for lunch at 12:30?"_s, {}},
        {u"회의록 공유드립니다. 확인 부탁드려요."_s, {}},
        {u"The build is green again."_s, {}},
        {u"@김지민 오늘 오후에 잠깐 이야기 나눌 수 있을까요?"_s, u"김지민"_s},
        {u"@Alex Park could you review the new mockups?"_s, u"Alex Park"_s},
        {u"커피 사 올게요, 주문하실 분?"_s, {}}};
    QString conversationId;
    QString userId;
    if (!m_services.messages.randomChannelAndMember(&conversationId, &userId))
        return;
    const Line &line = lines.at(QRandomGenerator::global()->bounded(int(lines.size())));
    QList<moim::protocol::MessageEntity> entities;
    if (!line.mentioned.isEmpty()) {
        const auto members = m_services.messages.readMarks(conversationId);
        for (const QJsonValue &member : members.value_or(QJsonArray())) {
            const QJsonObject object = member.toObject();
            if (object.value("display_name"_L1).toString() != line.mentioned)
                continue;
            entities.append({moim::protocol::MessageEntity::Type::Mention, 0,
                             int(line.mentioned.size()) + 1, object.value("id"_L1).toString()});
            break;
        }
    }
    deliver(userId, conversationId, QString(), line.text, QString(), entities);
}

} // namespace moim::server
