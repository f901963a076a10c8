// Managing conversations end to end with the real server process: what one device creates,
// joins, leaves, renames, pins or mutes reaches the user's second desktop and the other members
// live, without a refetch; a left conversation disappears with its unread count, and a muted one
// counts in no badge.
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Daniel = u"daniel.cho@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestE2eConversations : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    using Client = test::SignedInClient;

    Client signIn(const QString &email, const QString &profile)
    {
        return test::signInWithPassword(m_server.url(), &m_secrets, email, Password, profile);
    }

    static QString designStudio(Client &client)
    {
        for (const Workspace &workspace : client.account()->workspaces()->workspaces()) {
            if (workspace.nameEn == "Design Studio"_L1)
                return workspace.id;
        }
        return {};
    }

    // Loads the workspace's list from the server once; after that only events change it.
    void loadList(Client &client, const QString &workspaceId)
    {
        QSignalSpy fetched(client.account(), &Account::conversationsChanged);
        client.account()->fetchConversations(workspaceId);
        QVERIFY(fetched.wait(10000));
    }

    static std::optional<Conversation> find(Client &client, const QString &workspaceId,
                                            const QString &id)
    {
        for (const Conversation &conversation : client.account()->conversations(workspaceId)) {
            if (conversation.id == id)
                return conversation;
        }
        return std::nullopt;
    }

    static std::optional<Conversation> findNamed(Client &client, const QString &workspaceId,
                                                 const QString &name)
    {
        for (const Conversation &conversation : client.account()->conversations(workspaceId)) {
            if (conversation.name == name)
                return conversation;
        }
        return std::nullopt;
    }

    // Runs one managing call and waits for its answer.
    template<typename Call> ApiResult answer(Call call)
    {
        std::optional<ApiResult> result;
        call([&result](const ApiResult &r) { result = r; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000); }();
        return result.value_or(ApiResult{});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
    }

    void aNewChannelReachesTheSecondDesktop()
    {
        Client desk = signIn(Jimin, u"desk"_s);
        Client laptop = signIn(Jimin, u"laptop"_s);
        const QString design = designStudio(desk);
        QVERIFY(!design.isEmpty());
        loadList(desk, design);
        loadList(laptop, design);
        QSignalSpy laptopUpdated(laptop.account(), &Account::conversationUpdated);

        const ApiResult created = answer([&](auto done) {
            desk.account()->createChannel(design, u"출시 준비"_s, u"Launch plans"_s, false, this,
                                          done);
        });
        QVERIFY(created.ok());
        // Here at once, from the answer.
        const auto mine = findNamed(desk, design, u"출시 준비"_s);
        QVERIFY(mine);
        QCOMPARE(mine->topic, u"Launch plans"_s);
        QVERIFY(mine->canEdit);
        QCOMPARE(mine->createdById, desk.account()->identity().id);
        // On the laptop live, without asking the server for the list again.
        QTRY_VERIFY_WITH_TIMEOUT(find(laptop, design, mine->id).has_value(), 10000);
        QCOMPARE(find(laptop, design, mine->id)->name, u"출시 준비"_s);
        QVERIFY(!laptopUpdated.isEmpty());

        // A name taken already is refused with the server's reason.
        const ApiResult duplicate = answer([&](auto done) {
            desk.account()->createChannel(design, u"출시 준비"_s, {}, false, this, done);
        });
        QVERIFY(!duplicate.ok());
        QCOMPARE(duplicate.error.serverCode, u"conflict"_s);
    }

    void joiningAndLeavingReachEveryDevice()
    {
        Client desk = signIn(Jimin, u"desk"_s);
        Client laptop = signIn(Jimin, u"laptop"_s);
        Client daniel = signIn(Daniel, u"daniel"_s);
        const QString design = designStudio(desk);
        loadList(desk, design);
        loadList(laptop, design);
        loadList(daniel, design);

        QVERIFY(answer([&](auto done) {
                    daniel.account()->createChannel(design, u"photo-walk"_s, {}, false, this, done);
                }).ok());
        const QString id = findNamed(daniel, design, u"photo-walk"_s)->id;
        QVERIFY(!find(desk, design, id));

        // Jimin browses the public channels and joins from the desk.
        const ApiResult browsed =
            answer([&](auto done) { desk.account()->browseChannels(design, this, done); });
        QVERIFY(browsed.ok());
        bool listed = false;
        for (const QJsonValue &value : browsed.body.value("channels"_L1).toArray()) {
            if (value.toObject().value("id"_L1).toString() == id) {
                listed = true;
                QCOMPARE(value.toObject().value("member"_L1).toBool(), false);
            }
        }
        QVERIFY(listed);
        QVERIFY(answer([&](auto done) { desk.account()->joinChannel(id, this, done); }).ok());
        QVERIFY(find(desk, design, id));
        QTRY_VERIFY_WITH_TIMEOUT(find(laptop, design, id).has_value(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(find(daniel, design, id)->memberCount, 2, 10000);

        // A message there counts on the laptop; leaving on the desk takes the conversation and
        // its count off the laptop too.
        laptop.chat()->setActiveConversation(QString());
        QString output;
        QCOMPARE(m_server.admin({u"post"_s, Daniel, id, u"who's coming?"_s}, &output), 0);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.chat()->unread(id), 1, 10000);
        const int laptopBadge = laptop.chat()->workspaceUnread(design);
        QSignalSpy removed(laptop.account(), &Account::conversationRemoved);
        QVERIFY(answer([&](auto done) { desk.account()->leaveChannel(id, this, done); }).ok());
        QVERIFY(!find(desk, design, id));
        QTRY_VERIFY_WITH_TIMEOUT(!find(laptop, design, id).has_value(), 10000);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toString(), id);
        QCOMPARE(laptop.chat()->unread(id), 0);
        QCOMPARE(laptop.chat()->workspaceUnread(design), laptopBadge - 1);
        QTRY_COMPARE_WITH_TIMEOUT(find(daniel, design, id)->memberCount, 1, 10000);
    }

    void aDirectConversationReachesTheOthers()
    {
        Client desk = signIn(Jimin, u"desk"_s);
        Client daniel = signIn(Daniel, u"daniel"_s);
        const QString design = designStudio(desk);
        loadList(desk, design);
        loadList(daniel, design);
        const QString danielId = daniel.account()->identity().id;

        const ApiResult opened =
            answer([&](auto done) { desk.account()->openDirect(design, {danielId}, this, done); });
        QVERIFY(opened.ok());
        const QString id =
            opened.body.value("conversation"_L1).toObject().value("id"_L1).toString();
        const auto direct = find(desk, design, id);
        QVERIFY(direct);
        QCOMPARE(direct->kind, Conversation::Kind::Direct);
        QCOMPARE(direct->name, u"Daniel Cho"_s);
        QTRY_VERIFY_WITH_TIMEOUT(find(daniel, design, id).has_value(), 10000);
        QCOMPARE(find(daniel, design, id)->name, u"김지민"_s);
        // Asked again, the same conversation, not a second one.
        const ApiResult again =
            answer([&](auto done) { desk.account()->openDirect(design, {danielId}, this, done); });
        QCOMPARE(again.body.value("conversation"_L1).toObject().value("id"_L1).toString(), id);
        QCOMPARE(again.body.value("created"_L1).toBool(), false);
    }

    void renamingAndPinningReachEveryMember()
    {
        Client desk = signIn(Jimin, u"desk"_s);
        Client laptop = signIn(Jimin, u"laptop"_s);
        Client daniel = signIn(Daniel, u"daniel"_s);
        const QString design = designStudio(desk);
        loadList(desk, design);
        loadList(laptop, design);
        QVERIFY(answer([&](auto done) {
                    desk.account()->createChannel(design, u"brand"_s, {}, false, this, done);
                }).ok());
        const QString id = findNamed(desk, design, u"brand"_s)->id;
        QVERIFY(answer([&](auto done) { daniel.account()->joinChannel(id, this, done); }).ok());
        QVERIFY(find(daniel, design, id));
        QVERIFY(!find(daniel, design, id)->canEdit);

        // Daniel did not create it and administers nothing: refused.
        const ApiResult refused = answer([&](auto done) {
            daniel.account()->editChannel(id, u"mine"_s, std::nullopt, this, done);
        });
        QCOMPARE(refused.error.serverCode, u"forbidden"_s);

        QVERIFY(answer([&](auto done) {
                    desk.account()->editChannel(id, u"brand-refresh"_s, u"새 로고와 색"_s, this,
                                                done);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(find(laptop, design, id)->name, u"brand-refresh"_s, 10000);
        QCOMPARE(find(laptop, design, id)->topic, u"새 로고와 색"_s);
        QTRY_COMPARE_WITH_TIMEOUT(find(daniel, design, id)->name, u"brand-refresh"_s, 10000);

        // Daniel pins his message as the notice: both of Jimin's desktops show it.
        const auto sent = daniel.chat()->send(id, u"공지: 시안은 금요일까지"_s);
        QVERIFY(sent);
        QString messageId;
        QSignalSpy changed(daniel.chat(), &Chat::messageChanged);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(changed.cbegin(), changed.cend(),
                                             [&](const QList<QVariant> &args) {
                                                 const auto m = args.first().value<Message>();
                                                 if (m.clientId != sent->clientId || m.id.isEmpty())
                                                     return false;
                                                 messageId = m.id;
                                                 return true;
                                             }),
                                 10000);
        QVERIFY(answer([&](auto done) {
                    daniel.account()->setPinned(id, messageId, this, done);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(find(laptop, design, id)->pinned.messageId, messageId, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(find(desk, design, id)->pinned.body, u"공지: 시안은 금요일까지"_s,
                                  10000);
        QCOMPARE(find(desk, design, id)->pinned.authorName, u"Daniel Cho"_s);
        QVERIFY(answer([&](auto done) { desk.account()->setPinned(id, {}, this, done); }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(find(laptop, design, id)->pinned.isEmpty(), 10000);
    }

    void aMutedConversationCountsInNoBadge()
    {
        Client desk = signIn(Jimin, u"desk"_s);
        Client laptop = signIn(Jimin, u"laptop"_s);
        const QString design = designStudio(desk);
        loadList(desk, design);
        loadList(laptop, design);
        const QString general = findNamed(desk, design, u"general"_s)->id;
        laptop.chat()->setActiveConversation(QString());

        QVERIFY(answer([&](auto done) {
                    desk.account()->setMuteLevel(general, Conversation::MuteLevel::Nothing, this,
                                                 done);
                }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(find(laptop, design, general)->isMuted(), 10000);
        QVERIFY(laptop.chat()->isMuted(general));
        const int badge = laptop.chat()->workspaceUnread(design);
        const int own = laptop.chat()->unread(general);
        QString output;
        QCOMPARE(m_server.admin({u"post"_s, Daniel, general, u"muted chatter"_s}, &output), 0);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.chat()->unread(general), own + 1, 10000);
        QCOMPARE(laptop.chat()->workspaceUnread(design), badge);

        QVERIFY(answer([&](auto done) {
                    desk.account()->setMuteLevel(general, Conversation::MuteLevel::Inherit, this,
                                                 done);
                }).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!laptop.chat()->isMuted(general), 10000);
        QCOMPARE(laptop.chat()->workspaceUnread(design), badge + own + 1);

        // Mark all read on the desk clears the laptop's badge.
        QVERIFY(answer([&](auto done) { desk.account()->markAllRead(design, this, done); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(laptop.chat()->workspaceUnread(design), 0, 10000);
    }
};

QTEST_GUILESS_MAIN(TestE2eConversations)
#include "test_e2e_conversations.moc"
