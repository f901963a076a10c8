// Messages that change after they are written, against a fake server: edits, deletions and
// reactions asked of it (and refused), changes to unsent messages kept in the outbox, copies
// arriving out of order converging on the newest, the catch-up going by version, typing sent at
// a measured pace and shown for a while, and read counts kept live from everyone's read marks.
#include "chat/chat.h"
#include "chat/history_model.h"
#include "fake_api_client.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using test::FakeApiClient;

namespace {

const auto Me = u"u_me"_s;
const auto Colleague = u"u_kim"_s;
const auto General = u"c_general"_s;
const auto Random = u"c_random"_s;

QJsonObject messageJson(const QString &id, qint64 seq, qint64 version, const QString &author,
                        const QString &body, const QString &conversationId = General)
{
    return {{u"id"_s, id},
            {u"conversation_id"_s, conversationId},
            {u"seq"_s, seq},
            {u"version"_s, version},
            {u"author"_s, QJsonObject{{u"id"_s, author}, {u"display_name"_s, author}}},
            {u"body"_s, body},
            {u"created_at"_s, 1795710000 + seq}};
}

QJsonObject updatedEvent(const QJsonObject &message)
{
    return {{u"workspace_id"_s, u"w_1"_s},
            {u"conversation_id"_s, message.value("conversation_id"_L1)},
            {u"message"_s, message}};
}

QJsonObject typingEvent(const QString &conversationId, const QString &userId, const QString &name)
{
    return {{u"workspace_id"_s, u"w_1"_s},
            {u"conversation_id"_s, conversationId},
            {u"user"_s, QJsonObject{{u"id"_s, userId}, {u"display_name"_s, name}}}};
}

} // namespace

class TestChatChanges : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_run = 0;
    qint64 m_now = 1'000'000;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<FakeApiClient> m_api;
    std::unique_ptr<AuthorizedApi> m_authorized;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<Chat> m_chat;
    std::unique_ptr<HistoryModel> m_history;

    void startChat()
    {
        m_chat =
            std::make_unique<Chat>(m_authorized.get(), m_cache.get(), m_outbox.get(), Me, u"나"_s);
        m_chat->setClock([this] { return m_now; });
        m_history = std::make_unique<HistoryModel>(m_chat.get(), Me);
        m_history->setConversation(General);
    }

    // The calls made since `from`, as "METHOD path".
    QStringList callsSince(qsizetype from) const
    {
        QStringList calls;
        for (qsizetype i = from; i < m_api->calls.size(); ++i) {
            const auto &call = m_api->calls.at(i);
            const QString method = call.method == ApiClient::Method::Get     ? u"GET"_s
                                   : call.method == ApiClient::Method::Post  ? u"POST"_s
                                   : call.method == ApiClient::Method::Put   ? u"PUT"_s
                                   : call.method == ApiClient::Method::Patch ? u"PATCH"_s
                                                                             : u"DELETE"_s;
            calls.append(method + u' ' + call.path);
        }
        return calls;
    }

    qsizetype lastCall() const { return m_api->calls.size() - 1; }

    // The row on screen under this local id; an empty message when there is none.
    Message row(const QString &localId) const
    {
        for (const Message &message : m_history->messages()) {
            if (message.localId == localId)
                return message;
        }
        return {};
    }

    void emitEvent(QLatin1StringView type, const QJsonObject &event)
    {
        QVERIFY(m_chat->handleEvent(QString(type), event));
    }

private Q_SLOTS:
    void init()
    {
        m_now = 1'000'000;
        m_cache = std::make_unique<LocalCache>();
        QCOMPARE(m_cache->open(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_run))),
                 LocalCache::OpenResult::Opened);
        QVERIFY(m_cache->storeMessages(
            {Message::fromJson(messageJson(u"m_10"_s, 10, 10, Me, u"내일 회의는 3시"_s), Me),
             Message::fromJson(messageJson(u"m_11"_s, 11, 11, Colleague, u"네 좋아요"_s), Me),
             Message::fromJson(messageJson(u"m_12"_s, 12, 12, Colleague, u"회의실은?"_s), Me)}));
        QVERIFY(m_cache->setLastSeq(12));
        m_api = std::make_unique<FakeApiClient>();
        m_authorized = std::make_unique<AuthorizedApi>(m_api.get());
        m_authorized->setAccessToken(u"token"_s);
        m_outbox = std::make_unique<OutboxStore>();
        QCOMPARE(m_outbox->open(m_dir.filePath(u"outbox-%1.sqlite"_s.arg(m_run))),
                 OutboxStore::OpenResult::Opened);
        startChat();
        QCOMPARE(m_history->rowCount(), 3);
    }

    void cleanup()
    {
        m_history.reset();
        m_chat.reset();
        m_outbox.reset();
        m_authorized.reset();
        m_api.reset();
        m_cache.reset();
    }

    void editDeleteAndReactAskTheServer()
    {
        QSignalSpy failed(m_chat.get(), &Chat::actionFailed);
        qsizetype from = m_api->calls.size();
        m_chat->edit(u"m_10"_s, u"내일 회의는 4시"_s);
        QCOMPARE(callsSince(from),
                 QStringList{u"PATCH /api/v1/conversations/c_general/messages/m_10"_s});
        // An edit replaces the body with its mentions: none here, said as none.
        QCOMPARE(m_api->calls.last().body,
                 (QJsonObject{{u"body"_s, u"내일 회의는 4시"_s}, {u"entities"_s, QJsonArray()}}));
        QJsonObject edited = messageJson(u"m_10"_s, 10, 20, Me, u"내일 회의는 4시"_s);
        edited.insert(u"edited_at"_s, 1795711000);
        m_api->answerOk(lastCall(), {{u"message"_s, edited}});
        QCOMPARE(row(u"m_10"_s).body, u"내일 회의는 4시"_s);
        QCOMPARE(row(u"m_10"_s).editedAt, 1795711000);
        QCOMPARE(m_cache->message(u"m_10"_s)->version, 20);
        QCOMPARE(m_history->data(m_history->index(0), HistoryModel::EditedAtRole).toLongLong(),
                 1795711000);

        from = m_api->calls.size();
        m_chat->react(u"m_11"_s, u"👍"_s, true);
        QCOMPARE(callsSince(from),
                 QStringList{u"POST /api/v1/conversations/c_general/messages/m_11/reactions"_s});
        QCOMPARE(m_api->calls.last().body, (QJsonObject{{u"emoji"_s, u"👍"_s}, {u"add"_s, true}}));
        QJsonObject reacted = messageJson(u"m_11"_s, 11, 21, Colleague, u"네 좋아요"_s);
        reacted.insert(u"reactions"_s,
                       QJsonArray{QJsonObject{
                           {u"emoji"_s, u"👍"_s},
                           {u"users"_s, QJsonArray{QJsonObject{{u"id"_s, Me},
                                                               {u"display_name"_s, u"나"_s}}}}}});
        m_api->answerOk(lastCall(), {{u"message"_s, reacted}});
        QVERIFY(row(u"m_11"_s).hasReacted(u"👍"_s, Me));
        QVERIFY(m_cache->message(u"m_11"_s)->hasReacted(u"👍"_s, Me));

        from = m_api->calls.size();
        m_chat->remove(u"m_10"_s);
        QCOMPARE(callsSince(from),
                 QStringList{u"DELETE /api/v1/conversations/c_general/messages/m_10"_s});
        QJsonObject tombstone = messageJson(u"m_10"_s, 10, 22, Me, QString());
        tombstone.insert(u"deleted"_s, true);
        m_api->answerOk(lastCall(), {{u"message"_s, tombstone}});
        QVERIFY(row(u"m_10"_s).deleted);
        QVERIFY(row(u"m_10"_s).body.isEmpty());
        QVERIFY(m_history->data(m_history->index(0), HistoryModel::DeletedRole).toBool());
        QVERIFY(m_cache->message(u"m_10"_s)->deleted);
        QVERIFY(failed.isEmpty());

        // Refused: the wire's code is what the caller hears; the row stays as it was.
        m_chat->react(u"m_10"_s, u"🎉"_s, true);
        m_api->answerHttp(lastCall(), 409,
                          R"({"error":{"code":"not_editable","message":"deleted"}})");
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), u"m_10"_s);
        QCOMPARE(failed.first().at(1).toString(), u"not_editable"_s);
        QVERIFY(row(u"m_10"_s).reactions.isEmpty());

        // Someone else's words are not ours to change: nothing is asked.
        from = m_api->calls.size();
        m_chat->edit(u"m_11"_s, u"바꿔치기"_s);
        m_chat->remove(u"m_11"_s);
        QCOMPARE(m_api->calls.size(), from);
        QCOMPARE(failed.size(), 3);
        QCOMPARE(row(u"m_11"_s).body, u"네 좋아요"_s);
    }

    void aReplyCarriesItsQuoteAndFollowsTheOriginal()
    {
        const Message reply = m_chat->send(General, u"4시 어때요"_s, u"m_10"_s).value();
        QCOMPARE(reply.replyTo->id, u"m_10"_s);
        QCOMPARE(reply.replyTo->snippet, u"내일 회의는 3시"_s);
        QCOMPARE(reply.replyTo->authorId, Me);
        QCOMPARE(m_api->calls.last().body.value("reply_to"_L1).toString(), u"m_10"_s);
        QCOMPARE(row(reply.localId).replyTo, reply.replyTo);

        // Sent: the server's copy carries the quote as the server made it.
        QJsonObject sent = messageJson(u"m_13"_s, 13, 13, Me, u"4시 어때요"_s);
        sent.insert(u"client_id"_s, reply.clientId);
        sent.insert(u"reply_to"_s,
                    QJsonObject{{u"id"_s, u"m_10"_s},
                                {u"seq"_s, 10},
                                {u"author"_s, QJsonObject{{u"id"_s, Me}, {u"display_name"_s, Me}}},
                                {u"snippet"_s, u"내일 회의는 3시"_s}});
        m_api->answerOk(lastCall(), {{u"message"_s, sent}});
        QCOMPARE(row(u"m_13"_s).replyTo->snippet, u"내일 회의는 3시"_s);

        // The original is edited, then deleted, elsewhere: the reply's quote follows on screen.
        QJsonObject edited = messageJson(u"m_10"_s, 10, 14, Me, u"내일 회의 취소\n사유는 나중에"_s);
        edited.insert(u"edited_at"_s, 1795711000);
        emitEvent(protocol::event::MessageUpdated, updatedEvent(edited));
        QCOMPARE(row(u"m_13"_s).replyTo->snippet, u"내일 회의 취소"_s);
        QJsonObject deleted = messageJson(u"m_10"_s, 10, 15, Me, QString());
        deleted.insert(u"deleted"_s, true);
        emitEvent(protocol::event::MessageUpdated, updatedEvent(deleted));
        QVERIFY(row(u"m_13"_s).replyTo->deleted);
        QVERIFY(row(u"m_13"_s).replyTo->snippet.isEmpty());
        // And in the cache, for the next time the conversation opens.
        m_chat->flush();
        QVERIFY(m_cache->message(u"m_13"_s)->replyTo->deleted);
    }

    void anUnsentMessageIsChangedInTheOutbox()
    {
        QSignalSpy removed(m_chat.get(), &Chat::messageRemoved);
        const Message first = m_chat->send(General, u"첫째"_s).value(); // on its way at once
        const Message second = m_chat->send(General, u"둘쨰"_s).value();
        const Message third = m_chat->send(General, u"셋째"_s).value();
        const qsizetype sendCall = lastCall();
        QCOMPARE(m_api->calls.at(sendCall).body.value("client_id"_L1).toString(), first.clientId);

        m_chat->edit(second.localId, u"둘째"_s);
        m_chat->remove(third.localId);
        QCOMPARE(m_api->calls.size(), sendCall + 1); // nothing asked of the server
        QCOMPARE(m_outbox->messages().size(), 2);
        QCOMPARE(m_outbox->messages().at(1).body, u"둘째"_s);
        QCOMPARE(row(second.localId).body, u"둘째"_s);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(m_history->rowOfMessage(third.localId, 0), -1);

        // Changed while on its way: done as soon as the server has it.
        m_chat->edit(first.localId, u"첫째 (고침)"_s);
        QCOMPARE(m_api->calls.size(), sendCall + 1);
        QJsonObject sent = messageJson(u"m_13"_s, 13, 13, Me, u"첫째"_s);
        sent.insert(u"client_id"_s, first.clientId);
        m_api->answerOk(sendCall, {{u"message"_s, sent}});
        QCOMPARE(callsSince(sendCall + 1),
                 (QStringList{u"PATCH /api/v1/conversations/c_general/messages/m_13"_s,
                              u"POST /api/v1/conversations/c_general/messages"_s}));
        QCOMPARE(m_api->calls.at(sendCall + 1).body.value("body"_L1).toString(), u"첫째 (고침)"_s);
        QCOMPARE(m_api->calls.at(sendCall + 2).body.value("body"_L1).toString(), u"둘째"_s);
    }

    void aChangeMadeOnItsWayWaitsForTheAnswer()
    {
        QSignalSpy removed(m_chat.get(), &Chat::messageRemoved);
        const Message refused = m_chat->send(General, u"보낼 말"_s).value();
        const qsizetype refusedCall = lastCall();
        m_chat->remove(refused.localId);
        QCOMPARE(m_api->calls.size(), refusedCall + 1);
        QCOMPARE(row(refused.localId).localId, refused.localId); // still there, on its way
        QVERIFY(removed.isEmpty());

        // Refused for good: back in the outbox, where the removal takes it.
        m_api->answerHttp(refusedCall, 403, R"({"error":{"code":"forbidden","message":"no"}})");
        QCOMPARE(removed.size(), 1);
        QVERIFY(m_outbox->messages().isEmpty());
        QVERIFY(row(refused.localId).localId.isEmpty());

        // Sent: the removal becomes a deletion on the server.
        const Message delivered = m_chat->send(General, u"다른 말"_s).value();
        const qsizetype sendCall = lastCall();
        m_chat->remove(delivered.localId);
        QJsonObject sent = messageJson(u"m_13"_s, 13, 13, Me, u"다른 말"_s);
        sent.insert(u"client_id"_s, delivered.clientId);
        m_api->answerOk(sendCall, {{u"message"_s, sent}});
        QCOMPARE(callsSince(sendCall + 1),
                 QStringList{u"DELETE /api/v1/conversations/c_general/messages/m_13"_s});
    }

    void outOfOrderCopiesConvergeOnTheNewest()
    {
        QSignalSpy changed(m_chat.get(), &Chat::messageChanged);
        QSignalSpy unread(m_chat.get(), &Chat::unreadChanged);
        QSignalSpy arrived(m_chat.get(), &Chat::messageArrived);
        QJsonObject second = messageJson(u"m_11"_s, 11, 30, Colleague, u"둘째 고침"_s);
        second.insert(u"edited_at"_s, 1795712000);
        QJsonObject first = messageJson(u"m_11"_s, 11, 25, Colleague, u"첫째 고침"_s);
        first.insert(u"edited_at"_s, 1795711000);

        emitEvent(protocol::event::MessageUpdated, updatedEvent(second));
        emitEvent(protocol::event::MessageUpdated, updatedEvent(first));
        emitEvent(protocol::event::MessageUpdated, updatedEvent(second)); // a repeat
        QCOMPARE(changed.size(), 1);
        QCOMPARE(row(u"m_11"_s).body, u"둘째 고침"_s);
        QCOMPARE(row(u"m_11"_s).version, 30);
        QCOMPARE(m_cache->message(u"m_11"_s)->body, u"둘째 고침"_s);

        // A history page fetched before the edit, answered after it, does not take it back.
        m_history->jumpToNewest();
        QJsonArray page{messageJson(u"m_10"_s, 10, 10, Me, u"내일 회의는 3시"_s),
                        messageJson(u"m_11"_s, 11, 11, Colleague, u"네 좋아요"_s),
                        messageJson(u"m_12"_s, 12, 12, Colleague, u"회의실은?"_s)};
        m_api->answerOk(lastCall(), {{u"messages"_s, page}, {u"has_more"_s, true}});
        QCOMPARE(row(u"m_11"_s).body, u"둘째 고침"_s);
        m_chat->flush();
        QCOMPARE(m_cache->message(u"m_11"_s)->body, u"둘째 고침"_s);

        // A change is not a new message: nothing unread, nothing to notify.
        QVERIFY(unread.isEmpty());
        QVERIFY(arrived.isEmpty());
        QCOMPARE(m_chat->unread(General), 0);
        // The stream moved the catch-up position along to the newest version it told of.
        QCOMPARE(m_cache->lastSeq(), 30);

        // A change to a message older than what is held neither joins the cache nor the
        // window (it would sit above a gap), but is still told.
        emitEvent(protocol::event::MessageUpdated,
                  updatedEvent(messageJson(u"m_3"_s, 3, 31, Colleague, u"오래된 고침"_s)));
        QVERIFY(!m_cache->message(u"m_3"_s));
        QCOMPARE(m_history->rowOfMessage(u"m_3"_s, 0), -1);
        QCOMPARE(changed.size(), 2);
    }

    void theCatchUpGoesByVersion()
    {
        m_chat->setOnline(true);
        QCOMPARE(callsSince(lastCall()), QStringList{u"GET /api/v1/sync?after_seq=12"_s});
        // Ordered by version: an old message edited, a new one, a new one edited since.
        QJsonObject edited = messageJson(u"m_11"_s, 11, 14, Colleague, u"고침"_s);
        edited.insert(u"edited_at"_s, 1795711000);
        QJsonObject newEdited = messageJson(u"m_13"_s, 13, 16, Colleague, u"새 글 고침"_s);
        newEdited.insert(u"edited_at"_s, 1795711000);
        m_api->answerOk(
            lastCall(),
            {{u"messages"_s,
              QJsonArray{edited, messageJson(u"m_15"_s, 15, 15, Colleague, u"새 글"_s), newEdited}},
             {u"has_more"_s, true},
             {u"last_seq"_s, 40}});
        // The next page starts after the highest version seen, not the highest seq.
        QCOMPARE(callsSince(lastCall()), QStringList{u"GET /api/v1/sync?after_seq=16"_s});
        QCOMPARE(m_cache->lastSeq(), 16);
        m_api->answerOk(lastCall(),
                        {{u"messages"_s, QJsonArray{messageJson(u"m_2"_s, 2, 17, Colleague,
                                                                u"아주 오래된 고침"_s)}},
                         {u"has_more"_s, false},
                         {u"last_seq"_s, 40}});
        QCOMPARE(m_cache->lastSeq(), 40);
        QCOMPARE(m_cache->message(u"m_11"_s)->body, u"고침"_s);
        QCOMPARE(m_cache->message(u"m_13"_s)->body, u"새 글 고침"_s);
        QCOMPARE(m_cache->message(u"m_15"_s)->body, u"새 글"_s);
        // Written before the catch-up began and never held: not an island in the cache.
        QVERIFY(!m_cache->message(u"m_2"_s));
        QCOMPARE(row(u"m_11"_s).body, u"고침"_s);
    }

    void typingIsSentAtAMeasuredPace()
    {
        m_chat->noteTyping(General); // offline: nobody to tell
        m_chat->setOnline(true);
        const qsizetype from = m_api->calls.size();
        m_chat->noteTyping(General);
        m_now += 1000;
        m_chat->noteTyping(General);
        m_now += 1999;
        m_chat->noteTyping(General);
        m_chat->noteTyping(Random); // another conversation keeps its own pace
        QCOMPARE(callsSince(from), (QStringList{u"POST /api/v1/conversations/c_general/typing"_s,
                                                u"POST /api/v1/conversations/c_random/typing"_s}));
        m_now += 1;
        m_chat->noteTyping(General);
        QCOMPARE(m_api->calls.size(), from + 3);
        QCOMPARE(m_api->calls.last().path, u"/api/v1/conversations/c_general/typing"_s);
    }

    void othersTypingExpire()
    {
        QSignalSpy changed(m_chat.get(), &Chat::typingChanged);
        emitEvent(protocol::event::Typing, typingEvent(General, Colleague, u"김지민"_s));
        emitEvent(protocol::event::Typing, typingEvent(General, Me, u"나"_s)); // our own: not shown
        QCOMPARE(m_chat->typingNames(General), QStringList{u"김지민"_s});
        QVERIFY(m_chat->typingNames(Random).isEmpty());
        QCOMPARE(changed.size(), 1);

        m_now += 4000;
        emitEvent(protocol::event::Typing, typingEvent(General, u"u_lee"_s, u"이서준"_s));
        emitEvent(protocol::event::Typing, typingEvent(General, Colleague, u"김지민"_s));
        QCOMPARE(changed.size(), 2); // the second name; the first one only stays longer
        QCOMPARE(m_chat->typingNames(General), (QStringList{u"김지민"_s, u"이서준"_s}));

        // Six seconds after their last event, each goes, and it is said.
        m_now += 5999;
        m_chat->expireTyping();
        QCOMPARE(m_chat->typingNames(General).size(), 2);
        QCOMPARE(changed.size(), 2);
        m_now += 1;
        m_chat->expireTyping();
        QVERIFY(m_chat->typingNames(General).isEmpty());
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.last().first().toString(), General);

        // Their message arrived: they are no longer typing it.
        emitEvent(protocol::event::Typing, typingEvent(General, Colleague, u"김지민"_s));
        emitEvent(protocol::event::MessageCreated,
                  {{u"workspace_id"_s, u"w_1"_s},
                   {u"message"_s, messageJson(u"m_13"_s, 13, 13, Colleague, u"다 썼어요"_s)}});
        QVERIFY(m_chat->typingNames(General).isEmpty());
        QCOMPARE(changed.size(), 5);
    }

    void readCountsFollowEveryonesReadMarks()
    {
        QCOMPARE(m_chat->unreadBy(General, 12, Me), -1); // not known yet
        m_chat->fetchReadMarks(General);
        QCOMPARE(m_api->calls.last().path, u"/api/v1/conversations/c_general/reads"_s);
        QSignalSpy changed(m_chat.get(), &Chat::readMarksChanged);
        m_api->answerOk(lastCall(),
                        {{u"members"_s, QJsonArray{QJsonObject{{u"id"_s, Me},
                                                               {u"display_name"_s, u"나"_s},
                                                               {u"last_read_seq"_s, 12}},
                                                   QJsonObject{{u"id"_s, Colleague},
                                                               {u"display_name"_s, u"김지민"_s},
                                                               {u"last_read_seq"_s, 11}},
                                                   QJsonObject{{u"id"_s, u"u_lee"_s},
                                                               {u"display_name"_s, u"이서준"_s},
                                                               {u"last_read_seq"_s, 9}},
                                                   QJsonObject{{u"display_name"_s, u"no id"_s}}}}});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_chat->readMarks(General).size(), 3);
        QCOMPARE(m_chat->readMarks(General).at(1), (ReadMarkEntry{Colleague, u"김지민"_s, 11}));
        // My message at 10: both others have read it. At 12 (the colleague's): only 이서준 has
        // not, the author is not counted.
        QCOMPARE(m_chat->unreadBy(General, 10, Me), 1);
        QCOMPARE(m_chat->unreadBy(General, 12, Colleague), 1);
        QCOMPARE(m_chat->unreadBy(General, 9, Me), 0);
        QCOMPARE(m_chat->unreadBy(Random, 9, Me), -1);

        // Live: someone reads further; an older mark changes nothing.
        emitEvent(protocol::event::ReadMarkMoved,
                  {{u"conversation_id"_s, General}, {u"user_id"_s, u"u_lee"_s}, {u"seq"_s, 12}});
        QCOMPARE(changed.size(), 2);
        QCOMPARE(m_chat->unreadBy(General, 10, Me), 0);
        QCOMPARE(m_chat->unreadBy(General, 12, Me), 1);
        emitEvent(protocol::event::ReadMarkMoved,
                  {{u"conversation_id"_s, General}, {u"user_id"_s, u"u_lee"_s}, {u"seq"_s, 8}});
        QCOMPARE(changed.size(), 2);

        // Our own mark, moved on another device.
        QCOMPARE(m_chat->unreadBy(General, 14, Colleague), 2);
        emitEvent(protocol::event::ReadUpdated,
                  {{u"conversation_id"_s, General}, {u"seq"_s, 14}, {u"unread"_s, 0}});
        QCOMPARE(changed.size(), 3);
        QCOMPARE(m_chat->unreadBy(General, 14, Colleague), 1);
        QCOMPARE(m_chat->readMarks(General).first().lastReadSeq, 14);
    }
};

QTEST_GUILESS_MAIN(TestChatChanges)
#include "test_chat_changes.moc"
