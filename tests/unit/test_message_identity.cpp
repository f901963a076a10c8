// Messages are kept under the server's id; a client id matches only this account's own unsent
// rows, and only on a message this account wrote. A message of someone else that carries the
// client id of one of ours (reused by a colleague, or from a server that shows client ids to
// everyone) neither replaces nor confirms ours: in the cache, in the outbox, in the open view.
#include "chat/chat.h"
#include "chat/history_model.h"
#include "net/api_client.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"
#include "storage/local_cache.h"
#include "storage/outbox_store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

const auto Me = u"u_alice"_s;
const auto Colleague = u"u_mallory"_s;
const auto ConversationId = u"c_general"_s;

QJsonObject messageJson(const QString &id, const QString &authorId, const QString &clientId,
                        const QString &body, qint64 seq)
{
    QJsonObject message{
        {u"id"_s, id},
        {u"conversation_id"_s, ConversationId},
        {u"seq"_s, seq},
        {u"author"_s, QJsonObject{{u"id"_s, authorId}, {u"display_name"_s, authorId}}},
        {u"body"_s, body},
        {u"created_at"_s, 1795710285}};
    if (!clientId.isEmpty())
        message.insert(u"client_id"_s, clientId);
    return message;
}

QJsonObject createdEvent(const QJsonObject &message)
{
    return {{u"type"_s, QString(protocol::event::MessageCreated)},
            {u"workspace_id"_s, u"w_1"_s},
            {u"conversation_kind"_s, u"channel"_s},
            {u"conversation_name"_s, u"general"_s},
            {u"message"_s, message}};
}

} // namespace

class TestMessageIdentity : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<LocalCache> m_cache;
    // Offline throughout: nothing is sent, so the outbox keeps what is written here.
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AuthorizedApi> m_authorized;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<Chat> m_chat;
    std::unique_ptr<HistoryModel> m_history;

private Q_SLOTS:
    void init()
    {
        m_cache = std::make_unique<LocalCache>();
        QCOMPARE(m_cache->open(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_run))),
                 LocalCache::OpenResult::Opened);
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(u"http://127.0.0.1:9"_s),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_authorized = std::make_unique<AuthorizedApi>(m_api.get());
        m_outbox = std::make_unique<OutboxStore>();
        QCOMPARE(m_outbox->open(m_dir.filePath(u"outbox-%1.sqlite"_s.arg(m_run))),
                 OutboxStore::OpenResult::Opened);
        m_chat = std::make_unique<Chat>(m_authorized.get(), m_cache.get(), m_outbox.get(), Me,
                                        u"Alice"_s);
        m_history = std::make_unique<HistoryModel>(m_chat.get(), Me);
        m_history->setConversation(ConversationId);
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

    void foreignMessageWithOurClientIdDoesNotTakeOurPendingRow()
    {
        const Message mine = m_chat->send(ConversationId, u"Alice: the real plan"_s).value();
        QCOMPARE(mine.state, Message::State::Pending);
        QCOMPARE(m_history->rowCount(), 1);

        // A colleague's message arrives carrying our client id.
        m_chat->handleEvent(QString(protocol::event::MessageCreated),
                            createdEvent(messageJson(u"m_forged"_s, Colleague, mine.clientId,
                                                     u"Mallory: no"_s, 700)));
        m_chat->flush();

        // Ours is still pending, with its own words, still to be sent: nothing confirmed it.
        const QList<Message> pending = m_chat->outbox()->unsent(ConversationId);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().localId, mine.localId);
        QCOMPARE(pending.first().body, u"Alice: the real plan"_s);
        QCOMPARE(m_chat->outbox()->pendingCount(), 1);
        QCOMPARE(m_outbox->messages().size(), 1);
        // The colleague's message is a row of its own, under its server id, without our key.
        const QList<Message> stored = m_cache->messages(ConversationId, 0, 50);
        QCOMPARE(stored.size(), 1);
        const auto forged = std::find_if(stored.cbegin(), stored.cend(),
                                         [](const Message &m) { return m.id == u"m_forged"_s; });
        QVERIFY(forged != stored.cend());
        QCOMPARE(forged->localId, u"m_forged"_s);
        QCOMPARE(forged->authorId, Colleague);
        QVERIFY(forged->clientId.isEmpty());

        // On screen: both, ours still pending and unchanged.
        QCOMPARE(m_history->rowCount(), 2);
        const auto rows = m_history->messages();
        const auto ours = std::find_if(rows.cbegin(), rows.cend(), [&mine](const Message &m) {
            return m.localId == mine.localId;
        });
        QVERIFY(ours != rows.cend());
        QCOMPARE(ours->state, Message::State::Pending);
        QCOMPARE(ours->body, u"Alice: the real plan"_s);
        QCOMPARE(ours->authorId, Me);
    }

    void ownEchoConfirmsOurPendingRow()
    {
        const Message mine = m_chat->send(ConversationId, u"hello from here"_s).value();
        // Our own message, as the server shows it to us (from another device's view of the
        // stream, or the echo of this send): it takes the pending row's place.
        m_chat->handleEvent(
            QString(protocol::event::MessageCreated),
            createdEvent(messageJson(u"m_mine"_s, Me, mine.clientId, u"hello from here"_s, 701)));
        m_chat->flush();

        // The outbox lets go of it: the server has it, under its id.
        QCOMPARE(m_chat->outbox()->pendingCount(), 0);
        QVERIFY(m_outbox->messages().isEmpty());
        const QList<Message> stored = m_cache->messages(ConversationId, 0, 50);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().localId, u"m_mine"_s);
        QCOMPARE(stored.first().state, Message::State::Sent);
        QCOMPARE(m_history->rowCount(), 1);
        QCOMPARE(m_history->messages().first().id, u"m_mine"_s);
        QCOMPARE(m_history->messages().first().state, Message::State::Sent);
    }

    void noLayerLetsAnotherAuthorTakeAnUnsentRow()
    {
        // Handed a colleague's message that kept our client id anyway (as the colleague's own
        // client would read it), neither the cache nor the open view lets it take our row.
        const Message mine = m_chat->send(ConversationId, u"mine"_s).value();
        const Message foreign = Message::fromJson(
            messageJson(u"m_other"_s, Colleague, mine.clientId, u"theirs"_s, 9), Colleague);
        QCOMPARE(foreign.clientId, mine.clientId);

        // The cache guards an unsent row of ours too (as an older version kept them there).
        QVERIFY(m_cache->storeMessage(mine));
        QVERIFY(m_cache->storeMessage(foreign));
        QCOMPARE(m_cache->pendingMessages().size(), 1);
        QCOMPARE(m_cache->pendingMessages().first().body, u"mine"_s);
        QCOMPARE(m_cache->messages(ConversationId, 0, 50).size(), 2);

        Q_EMIT m_chat->messageChanged(foreign);
        QCOMPARE(m_history->rowCount(), 2);
        QCOMPARE(m_history->messages().last().localId, mine.localId);
        QCOMPARE(m_history->messages().last().body, u"mine"_s);
        QCOMPARE(m_history->messages().last().state, Message::State::Pending);
        QCOMPARE(m_chat->outbox()->pendingCount(), 1);
    }

private:
    int m_run = 0;
};

QTEST_GUILESS_MAIN(TestMessageIdentity)
#include "test_message_identity.moc"
