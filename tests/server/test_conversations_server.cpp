// Managing conversations on the server: channels created, browsed, joined, left, renamed and
// described, direct conversations found again for the same people, each user's notification
// level, the pinned notice and "mark all read"; private channels seen by their members only, the
// 2-step lock respected, and every change reaching the devices it concerns live.
#include "account_store.h"
#include "mock_server.h"
#include "server_test_events.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <protocol/protocol.h>

using namespace moim::server;
using moim::server::test::EventClient;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace event = moim::protocol::event;

namespace {

const auto Password = u"seoul-spring-gathering"_s;
// Design Studio: Jimin, Alex (its admin), Daniel and Hayoon. Minji is not in it.
const auto JiminEmail = u"jimin.kim@moim.example"_s;
const auto AlexEmail = u"alex.park@moim.example"_s;
const auto DanielEmail = u"daniel.cho@moim.example"_s;
const auto HayoonEmail = u"hayoon.jung@moim.example"_s;
const auto MinjiEmail = u"minji.choi@moim.example"_s;

struct HttpResult
{
    int status = 0;
    QJsonObject json;

    QString errorCode() const
    {
        return json.value("error"_L1).toObject().value("code"_L1).toString();
    }
    QString errorField() const
    {
        return json.value("error"_L1).toObject().value("field"_L1).toString();
    }
    QJsonObject conversation() const { return json.value("conversation"_L1).toObject(); }
};

struct Member
{
    QString id;
    QString accessToken;
};

QStringList idsOf(const QJsonArray &conversations)
{
    QStringList ids;
    for (const QJsonValue &value : conversations)
        ids.append(value.toObject().value("id"_L1).toString());
    return ids;
}

} // namespace

class TestConversationsServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir.path();
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        m_server = std::make_unique<MockServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_jimin = signIn(JiminEmail, &m_design);
        m_jiminLaptop = signIn(JiminEmail);
        m_alex = signIn(AlexEmail);
        m_daniel = signIn(DanielEmail);
        m_hayoon = signIn(HayoonEmail);
        m_minji = signIn(MinjiEmail);
        QVERIFY(!m_design.isEmpty());
        for (const Member *member :
             {&m_jimin, &m_jiminLaptop, &m_alex, &m_daniel, &m_hayoon, &m_minji})
            QVERIFY(!member->accessToken.isEmpty());
        m_general = conversationNamed(m_jimin, u"general"_s);
        QVERIFY(!m_general.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void channelNamesAreValidated()
    {
        const auto refused = [this](const QJsonObject &body, int status, const QString &code,
                                    const QString &field) {
            const auto answer = createChannel(m_jimin, body);
            QCOMPARE(answer.status, status);
            QCOMPARE(answer.errorCode(), code);
            QCOMPARE(answer.errorField(), field);
        };
        refused({{u"name"_s, u""_s}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"name"_s, u"   "_s}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"topic"_s, u"no name"_s}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"name"_s, QString(81, u'가')}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"name"_s, u"bell\u0007"_s}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"name"_s, u"two\nlines"_s}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"name"_s, u"evil\u202Eexe.txt"_s}}, 400, u"bad_request"_s, u"name"_s);
        refused({{u"name"_s, u"ok"_s}, {u"topic"_s, u"esc\u001B[2J"_s}}, 400, u"bad_request"_s,
                u"topic"_s);
        refused({{u"name"_s, u"ok"_s}, {u"topic"_s, QString(501, u'x')}}, 400, u"bad_request"_s,
                u"topic"_s);
        refused({{u"name"_s, u"ok"_s}, {u"private"_s, u"yes"_s}}, 400, u"bad_request"_s,
                u"private"_s);
        // Duplicates are refused whatever the case.
        refused({{u"name"_s, u"General"_s}}, 409, u"conflict"_s, u"name"_s);
        refused({{u"name"_s, u"공지사항"_s}}, 409, u"conflict"_s, u"name"_s);

        // 80 characters and whitespace folded: accepted as the name everyone sees.
        const auto longest = createChannel(m_jimin, {{u"name"_s, QString(80, u'나')}});
        QCOMPARE(longest.status, 200);
        QCOMPARE(longest.conversation().value("name"_L1).toString(), QString(80, u'나'));
        const auto folded = createChannel(m_jimin, {{u"name"_s, u"  brand   refresh "_s}});
        QCOMPARE(folded.status, 200);
        QCOMPARE(folded.conversation().value("name"_L1).toString(), u"brand refresh"_s);

        // Only members of the workspace, and only a workspace that exists.
        QCOMPARE(createChannel(m_minji, {{u"name"_s, u"intruder"_s}}).errorCode(), u"forbidden"_s);
        QCOMPARE(call("POST", path::Workspaces + u"w_nope"_s + path::Conversations, m_jimin,
                      {{u"name"_s, u"x"_s}})
                     .status,
                 404);
        QCOMPARE(createChannel(Member{}, {{u"name"_s, u"anonymous"_s}}).status, 401);
    }

    void createBrowseJoinAndLeaveReachDevicesLive()
    {
        EventClient jiminDesk, jiminLaptop, daniel, hayoon;
        QVERIFY(jiminDesk.open(eventsUrl(), m_jimin.accessToken));
        QVERIFY(jiminLaptop.open(eventsUrl(), m_jiminLaptop.accessToken));
        QVERIFY(daniel.open(eventsUrl(), m_daniel.accessToken));
        QVERIFY(hayoon.open(eventsUrl(), m_hayoon.accessToken));

        const auto created = createChannel(
            m_jimin, {{u"name"_s, u"launch"_s}, {u"topic"_s, u"Launch plans\nand dates"_s}});
        QCOMPARE(created.status, 200);
        const QJsonObject channel = created.conversation();
        const QString id = channel.value("id"_L1).toString();
        QCOMPARE(channel.value("kind"_L1).toString(), u"channel"_s);
        QCOMPARE(channel.value("topic"_L1).toString(), u"Launch plans\nand dates"_s);
        QCOMPARE(channel.value("private"_L1).toBool(), false);
        QCOMPARE(channel.value("created_by"_L1).toObject().value("id"_L1).toString(), m_jimin.id);
        QCOMPARE(channel.value("can_edit"_L1).toBool(), true);
        QCOMPARE(channel.value("mute_level"_L1).toString(), u"inherit"_s);
        QCOMPARE(channel.value("member_count"_L1).toInt(), 1);

        // Both of Jimin's devices hear of it; the others are not in it yet.
        QTRY_COMPARE(jiminLaptop.about(event::ConversationCreated, id).size(), 1);
        QTRY_COMPARE(jiminDesk.about(event::ConversationCreated, id).size(), 1);
        QCOMPARE(jiminLaptop.about(event::ConversationCreated, id)
                     .first()
                     .value("conversation"_L1)
                     .toObject()
                     .value("name"_L1)
                     .toString(),
                 u"launch"_s);
        QVERIFY(idsOf(list(m_jimin)).contains(id));
        QVERIFY(!idsOf(list(m_daniel)).contains(id));

        // Daniel finds it among the public channels, joins, and it is his on every list.
        const QJsonArray browsed =
            call("GET", path::Workspaces + m_design + path::ChannelsSuffix, m_daniel)
                .json.value("channels"_L1)
                .toArray();
        QJsonObject launch;
        for (const QJsonValue &value : browsed) {
            if (value.toObject().value("id"_L1).toString() == id)
                launch = value.toObject();
        }
        QCOMPARE(launch.value("member"_L1).toBool(), false);
        QCOMPARE(launch.value("name"_L1).toString(), u"launch"_s);
        // Not a member yet: no history.
        QCOMPARE(history(m_daniel, id).status, 403);
        const auto joined = call("POST", path::ConversationsBase + id + path::JoinSuffix, m_daniel);
        QCOMPARE(joined.status, 200);
        QCOMPARE(joined.conversation().value("member_count"_L1).toInt(), 2);
        QCOMPARE(joined.conversation().value("can_edit"_L1).toBool(), false);
        QTRY_COMPARE(daniel.about(event::MembershipChanged, id).size(), 1);
        const QJsonObject danielJoined = daniel.about(event::MembershipChanged, id).first();
        QCOMPARE(danielJoined.value("change"_L1).toString(), u"joined"_s);
        QCOMPARE(danielJoined.value("user_id"_L1).toString(), m_daniel.id);
        QCOMPARE(danielJoined.value("conversation"_L1).toObject().value("name"_L1).toString(),
                 u"launch"_s);
        QTRY_COMPARE(jiminLaptop.about(event::MembershipChanged, id).size(), 1);
        QVERIFY(idsOf(list(m_daniel)).contains(id));
        QCOMPARE(history(m_daniel, id).status, 200);
        // Joining twice changes nothing and tells no one again.
        QCOMPARE(call("POST", path::ConversationsBase + id + path::JoinSuffix, m_daniel).status,
                 200);

        // A message there reaches Daniel now, not Hayoon.
        QCOMPARE(send(m_jimin, id, u"kick-off at 10"_s).status, 200);
        QTRY_COMPARE(daniel.messagesIn(id), 1);
        QCOMPARE(hayoon.messagesIn(id), 0);

        // Daniel leaves: his devices drop it, Jimin's hear who left.
        const auto left = call("POST", path::ConversationsBase + id + path::LeaveSuffix, m_daniel);
        QCOMPARE(left.status, 204);
        QTRY_COMPARE(daniel.about(event::MembershipChanged, id).size(), 2);
        QCOMPARE(daniel.about(event::MembershipChanged, id).last().value("change"_L1).toString(),
                 u"left"_s);
        QTRY_COMPARE(jiminDesk.about(event::MembershipChanged, id).size(), 2);
        QCOMPARE(jiminDesk.about(event::MembershipChanged, id)
                     .last()
                     .value("conversation"_L1)
                     .toObject()
                     .value("member_count"_L1)
                     .toInt(),
                 1);
        QVERIFY(!idsOf(list(m_daniel)).contains(id));
        QCOMPARE(history(m_daniel, id).status, 403);
        QCOMPARE(send(m_daniel, id, u"still here?"_s).status, 403);
        QCOMPARE(send(m_jimin, id, u"after Daniel left"_s).status, 200);
        QTRY_COMPARE(jiminLaptop.messagesIn(id), 2);
        QCOMPARE(daniel.messagesIn(id), 1);
        QCOMPARE(call("POST", path::ConversationsBase + id + path::LeaveSuffix, m_daniel).status,
                 403);
    }

    void theChannelsAWorkspaceStartedWithCanBeLeftAndRejoined()
    {
        QVERIFY(idsOf(list(m_hayoon)).contains(m_general));
        QCOMPARE(
            call("POST", path::ConversationsBase + m_general + path::LeaveSuffix, m_hayoon).status,
            204);
        QVERIFY(!idsOf(list(m_hayoon)).contains(m_general));
        // What is said there meanwhile is not hers: no event, not in her catch-up.
        const qint64 before = lastSeq(m_hayoon);
        QCOMPARE(send(m_jimin, m_general, u"while Hayoon is away"_s).status, 200);
        const QJsonArray caughtUp =
            call("GET", QString(path::Sync) + u"?after_seq="_s + QString::number(before), m_hayoon)
                .json.value("messages"_L1)
                .toArray();
        for (const QJsonValue &message : caughtUp)
            QVERIFY(message.toObject().value("conversation_id"_L1).toString() != m_general);
        QCOMPARE(
            call("POST", path::ConversationsBase + m_general + path::JoinSuffix, m_hayoon).status,
            200);
        QVERIFY(idsOf(list(m_hayoon)).contains(m_general));
        // Joining does not bring back a pile of unread messages.
        QCOMPARE(unreadOf(m_hayoon, m_general), 0);
    }

    void privateChannelsAreSeenByTheirMembersOnly()
    {
        EventClient daniel;
        QVERIFY(daniel.open(eventsUrl(), m_daniel.accessToken));
        const auto created =
            createChannel(m_jimin, {{u"name"_s, u"salaries"_s}, {u"private"_s, true}});
        QCOMPARE(created.status, 200);
        const QString id = created.conversation().value("id"_L1).toString();
        QCOMPARE(created.conversation().value("private"_L1).toBool(), true);
        QCOMPARE(send(m_jimin, id, u"confidential"_s).status, 200);

        QVERIFY(!idsOf(list(m_daniel)).contains(id));
        const QJsonArray browsed =
            call("GET", path::Workspaces + m_design + path::ChannelsSuffix, m_daniel)
                .json.value("channels"_L1)
                .toArray();
        QVERIFY(!idsOf(browsed).contains(id));
        // Outside, it does not exist: the same answer as for an unknown id.
        QCOMPARE(history(m_daniel, id).status, 404);
        QCOMPARE(send(m_daniel, id, u"let me in"_s).status, 404);
        QCOMPARE(call("POST", path::ConversationsBase + id + path::JoinSuffix, m_daniel).status,
                 404);
        QCOMPARE(call("PUT", path::ConversationsBase + id + path::PinSuffix, m_daniel,
                      {{u"message_id"_s, QJsonValue::Null}})
                     .status,
                 404);
        // Nor in the catch-up, the read state, or live.
        const auto sync = call("GET", QString(path::Sync) + u"?after_seq=0"_s, m_daniel);
        for (const QJsonValue &message : sync.json.value("messages"_L1).toArray())
            QVERIFY(message.toObject().value("conversation_id"_L1).toString() != id);
        for (const QJsonValue &state : sync.json.value("read_state"_L1).toArray())
            QVERIFY(state.toObject().value("conversation_id"_L1).toString() != id);
        QCOMPARE(send(m_jimin, id, u"still confidential"_s).status, 200);
        QCOMPARE(send(m_jimin, m_general, u"a public line after it"_s).status, 200);
        QTRY_VERIFY(!daniel.ofType(event::MessageCreated).isEmpty());
        for (const QJsonObject &frame : daniel.frames)
            QVERIFY(frame.value("conversation_id"_L1).toString() != id &&
                    frame.value("message"_L1).toObject().value("conversation_id"_L1).toString() !=
                        id);
    }

    void directConversationsAreFoundAgainForTheSamePeople()
    {
        EventClient daniel, hayoon;
        QVERIFY(daniel.open(eventsUrl(), m_daniel.accessToken));
        QVERIFY(hayoon.open(eventsUrl(), m_hayoon.accessToken));
        const auto first = openDirect(m_jimin, {m_daniel.id, m_hayoon.id});
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json.value("created"_L1).toBool(), true);
        const QString id = first.conversation().value("id"_L1).toString();
        QCOMPARE(first.conversation().value("kind"_L1).toString(), u"direct"_s);
        QTRY_COMPARE(daniel.about(event::ConversationCreated, id).size(), 1);
        QTRY_COMPARE(hayoon.about(event::ConversationCreated, id).size(), 1);
        // Each names it after the others.
        const QString danielsName = daniel.about(event::ConversationCreated, id)
                                        .first()
                                        .value("conversation"_L1)
                                        .toObject()
                                        .value("name"_L1)
                                        .toString();
        QVERIFY(danielsName.contains(u"정하윤"_s) && danielsName.contains(u"김지민"_s));
        QVERIFY(!danielsName.contains(u"Daniel"_s));

        // The same people, in any order and from any of them: the same conversation.
        const auto again = openDirect(m_hayoon, {m_daniel.id, m_jimin.id, m_hayoon.id});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value("created"_L1).toBool(), false);
        QCOMPARE(again.conversation().value("id"_L1).toString(), id);
        QCOMPARE(daniel.about(event::ConversationCreated, id).size(), 1);
        // Fewer people: another one.
        const auto pair = openDirect(m_jimin, {m_hayoon.id});
        QVERIFY(pair.conversation().value("id"_L1).toString() != id);

        QCOMPARE(openDirect(m_jimin, {}).errorField(), u"member_ids"_s);
        QCOMPARE(openDirect(m_jimin, {m_jimin.id}).errorField(), u"member_ids"_s);
        // Minji is not in Design Studio.
        QCOMPARE(openDirect(m_jimin, {m_minji.id}).errorField(), u"member_ids"_s);
        QCOMPARE(openDirect(m_jimin, {m_daniel.id}).status, 200);
        // Direct conversations are neither left nor renamed.
        QCOMPARE(call("POST", path::ConversationsBase + id + path::LeaveSuffix, m_daniel).status,
                 403);
        QCOMPARE(editDetails(m_jimin, id, {{u"name"_s, u"trio"_s}}).status, 403);
    }

    void onlyTheCreatorOrAnAdminRenamesAndDescribes()
    {
        const QString id = createChannel(m_daniel, {{u"name"_s, u"photos"_s}})
                               .conversation()
                               .value("id"_L1)
                               .toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(call("POST", path::ConversationsBase + id + path::JoinSuffix, m_jimin).status,
                 200);
        EventClient jimin;
        QVERIFY(jimin.open(eventsUrl(), m_jimin.accessToken));

        QCOMPARE(editDetails(m_jimin, id, {{u"name"_s, u"mine now"_s}}).status, 403);
        const auto renamed =
            editDetails(m_daniel, id, {{u"name"_s, u"photo-dump"_s}, {u"topic"_s, u"사진"_s}});
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.conversation().value("name"_L1).toString(), u"photo-dump"_s);
        QTRY_COMPARE(jimin.about(event::ConversationUpdated, id).size(), 1);
        const QJsonObject seen =
            jimin.about(event::ConversationUpdated, id).first().value("conversation"_L1).toObject();
        QCOMPARE(seen.value("name"_L1).toString(), u"photo-dump"_s);
        QCOMPARE(seen.value("topic"_L1).toString(), u"사진"_s);
        // Only the topic: the name stays.
        QCOMPARE(editDetails(m_daniel, id, {{u"topic"_s, u""_s}})
                     .conversation()
                     .value("name"_L1)
                     .toString(),
                 u"photo-dump"_s);

        // Alex administers the workspace: any channel, also those nobody created.
        QCOMPARE(editDetails(m_alex, m_general, {{u"topic"_s, u"Everyone, everything"_s}}).status,
                 200);
        QCOMPARE(editDetails(m_jimin, m_general, {{u"topic"_s, u"hijack"_s}}).status, 403);
        // Names stay valid and unique when renamed.
        QCOMPARE(editDetails(m_daniel, id, {{u"name"_s, u"GENERAL"_s}}).errorCode(), u"conflict"_s);
        QCOMPARE(editDetails(m_daniel, id, {{u"name"_s, u"PHOTO-DUMP"_s}}).status, 200);
        QCOMPARE(editDetails(m_daniel, id, {{u"name"_s, u"tab\there"_s}}).errorField(), u"name"_s);
        QCOMPARE(editDetails(m_daniel, id, {}).errorCode(), u"bad_request"_s);
    }

    void aMuteLevelIsTheUsersOwn()
    {
        EventClient jiminLaptop, daniel;
        QVERIFY(jiminLaptop.open(eventsUrl(), m_jiminLaptop.accessToken));
        QVERIFY(daniel.open(eventsUrl(), m_daniel.accessToken));
        const QString route = path::ConversationsBase + m_general + path::NotificationLevelSuffix;
        QCOMPARE(call("PUT", route, m_jimin, {{u"level"_s, u"loud"_s}}).errorField(), u"level"_s);
        const auto muted = call("PUT", route, m_jimin, {{u"level"_s, u"nothing"_s}});
        QCOMPARE(muted.status, 200);
        QCOMPARE(muted.conversation().value("mute_level"_L1).toString(), u"nothing"_s);
        QTRY_COMPARE(jiminLaptop.about(event::ConversationUpdated, m_general).size(), 1);
        QCOMPARE(jiminLaptop.about(event::ConversationUpdated, m_general)
                     .first()
                     .value("conversation"_L1)
                     .toObject()
                     .value("mute_level"_L1)
                     .toString(),
                 u"nothing"_s);
        QCOMPARE(levelIn(list(m_jimin), m_general), u"nothing"_s);
        // The catch-up tells it too, so badges leave it out before the list is loaded.
        QCOMPARE(readStateOf(m_jimin, m_general).value("mute_level"_L1).toString(), u"nothing"_s);
        QCOMPARE(readStateOf(m_daniel, m_general).value("mute_level"_L1).toString(), u"inherit"_s);
        QCOMPARE(levelIn(list(m_daniel), m_general), u"inherit"_s);
        QCOMPARE(call("PUT", route, m_jimin, {{u"level"_s, u"inherit"_s}}).status, 200);
        QCOMPARE(levelIn(list(m_jimin), m_general), u"inherit"_s);
        QTRY_COMPARE(jiminLaptop.about(event::ConversationUpdated, m_general).size(), 2);
        QVERIFY(daniel.about(event::ConversationUpdated, m_general).isEmpty());
    }

    void aPinnedNoticeReachesEveryMember()
    {
        EventClient daniel;
        QVERIFY(daniel.open(eventsUrl(), m_daniel.accessToken));
        const QString messageId = send(m_jimin, m_general, u"공지: 금요일은 재택입니다"_s)
                                      .json.value("message"_L1)
                                      .toObject()
                                      .value("id"_L1)
                                      .toString();
        const QString route = path::ConversationsBase + m_general + path::PinSuffix;
        // A message of another conversation is not this one's notice.
        const QString launch = conversationNamed(m_jimin, u"launch"_s);
        const QString elsewhere = send(m_jimin, launch, u"not here"_s)
                                      .json.value("message"_L1)
                                      .toObject()
                                      .value("id"_L1)
                                      .toString();
        QCOMPARE(call("PUT", route, m_jimin, {{u"message_id"_s, elsewhere}}).status, 404);
        QCOMPARE(call("PUT", route, m_jimin, {{u"message_id"_s, 42}}).errorField(),
                 u"message_id"_s);

        const auto pinned = call("PUT", route, m_hayoon, {{u"message_id"_s, messageId}});
        QCOMPARE(pinned.status, 200);
        const QJsonObject notice = pinned.conversation().value("pinned"_L1).toObject();
        QCOMPARE(notice.value("message"_L1).toObject().value("id"_L1).toString(), messageId);
        QCOMPARE(notice.value("message"_L1).toObject().value("body"_L1).toString(),
                 u"공지: 금요일은 재택입니다"_s);
        QVERIFY(!notice.value("message"_L1).toObject().contains("client_id"_L1));
        QCOMPARE(notice.value("pinned_by"_L1).toObject().value("id"_L1).toString(), m_hayoon.id);
        QTRY_COMPARE(daniel.about(event::ConversationUpdated, m_general).size(), 1);
        QCOMPARE(daniel.about(event::ConversationUpdated, m_general)
                     .first()
                     .value("conversation"_L1)
                     .toObject()
                     .value("pinned"_L1)
                     .toObject()
                     .value("message"_L1)
                     .toObject()
                     .value("id"_L1)
                     .toString(),
                 messageId);

        const auto cleared = call("PUT", route, m_jimin, {{u"message_id"_s, QJsonValue::Null}});
        QCOMPARE(cleared.status, 200);
        QVERIFY(!cleared.conversation().contains("pinned"_L1));
        QTRY_COMPARE(daniel.about(event::ConversationUpdated, m_general).size(), 2);
    }

    void markAllReadClearsTheWorkspace()
    {
        EventClient jiminLaptop;
        QVERIFY(jiminLaptop.open(eventsUrl(), m_jiminLaptop.accessToken));
        QCOMPARE(send(m_daniel, m_general, u"unread one"_s).status, 200);
        QCOMPARE(send(m_daniel, m_general, u"unread two"_s).status, 200);
        QVERIFY(unreadOf(m_jimin, m_general) >= 2);
        const auto answer = call("POST", path::Workspaces + m_design + path::ReadSuffix, m_jimin);
        QCOMPARE(answer.status, 204);
        const auto sync = call("GET", QString(path::Sync) + u"?after_seq=0"_s, m_jimin);
        for (const QJsonValue &state : sync.json.value("read_state"_L1).toArray()) {
            if (state.toObject().value("workspace_id"_L1).toString() == m_design)
                QCOMPARE(state.toObject().value("unread"_L1).toInt(), 0);
        }
        QTRY_VERIFY(!jiminLaptop.about(event::ReadUpdated, m_general).isEmpty());
        QCOMPARE(call("POST", path::Workspaces + m_design + path::ReadSuffix, m_minji).status, 403);
    }

    void theTwoStepLockClosesEveryCall()
    {
        QStringList members;
        QVERIFY(m_server->accounts().setRequireTwoStep(m_design, true, &members));
        const QString workspaceBase = path::Workspaces + m_design;
        QCOMPARE(createChannel(m_daniel, {{u"name"_s, u"locked out"_s}}).errorCode(),
                 u"two_step_required"_s);
        QCOMPARE(call("GET", workspaceBase + path::ChannelsSuffix, m_daniel).errorCode(),
                 u"two_step_required"_s);
        QCOMPARE(call("GET", workspaceBase + path::MembersSuffix, m_daniel).errorCode(),
                 u"two_step_required"_s);
        QCOMPARE(openDirect(m_daniel, {m_jimin.id}).errorCode(), u"two_step_required"_s);
        QCOMPARE(call("POST", workspaceBase + path::ReadSuffix, m_daniel).errorCode(),
                 u"two_step_required"_s);
        QCOMPARE(call("POST", path::ConversationsBase + m_general + path::LeaveSuffix, m_daniel)
                     .errorCode(),
                 u"two_step_required"_s);
        QCOMPARE(editDetails(m_alex, m_general, {{u"topic"_s, u"x"_s}}).errorCode(),
                 u"two_step_required"_s);
        QCOMPARE(call("PUT", path::ConversationsBase + m_general + path::PinSuffix, m_daniel,
                      {{u"message_id"_s, QJsonValue::Null}})
                     .errorCode(),
                 u"two_step_required"_s);
        QVERIFY(m_server->accounts().setRequireTwoStep(m_design, false, &members));
        QCOMPARE(call("GET", workspaceBase + path::MembersSuffix, m_daniel).status, 200);
        const QJsonArray people = call("GET", workspaceBase + path::MembersSuffix, m_daniel)
                                      .json.value("members"_L1)
                                      .toArray();
        QCOMPARE(people.size(), 4);
        // Colleagues find each other by address too.
        const auto daniel = std::find_if(people.cbegin(), people.cend(), [](const QJsonValue &p) {
            return p.toObject().value("display_name"_L1).toString() == "Daniel Cho"_L1;
        });
        QVERIFY(daniel != people.cend());
        QCOMPARE(daniel->toObject().value("email"_L1).toString(), u"daniel.cho@moim.example"_s);
    }

private:
    Member signIn(const QString &email, QString *designWorkspace = nullptr)
    {
        const auto result = call(
            "POST", path::Login, {},
            {{u"email"_s, email},
             {u"password"_s, Password},
             {u"device"_s, QJsonObject{{u"name"_s, u"test-host"_s}, {u"kind"_s, u"desktop"_s}}}});
        Member member;
        member.id = result.json.value("account"_L1).toObject().value("id"_L1).toString();
        member.accessToken = result.json.value("access_token"_L1).toString();
        if (designWorkspace) {
            for (const QJsonValue &value : result.json.value("workspaces"_L1).toArray()) {
                if (value.toObject().value("name_en"_L1).toString() == "Design Studio"_L1)
                    *designWorkspace = value.toObject().value("id"_L1).toString();
            }
        }
        return member;
    }

    QJsonArray list(const Member &member)
    {
        return call("GET", path::Workspaces + m_design + path::Conversations, member)
            .json.value("conversations"_L1)
            .toArray();
    }

    QString conversationNamed(const Member &member, const QString &name)
    {
        for (const QJsonValue &value : list(member)) {
            if (value.toObject().value("name"_L1).toString() == name)
                return value.toObject().value("id"_L1).toString();
        }
        return {};
    }

    static QString levelIn(const QJsonArray &conversations, const QString &id)
    {
        for (const QJsonValue &value : conversations) {
            if (value.toObject().value("id"_L1).toString() == id)
                return value.toObject().value("mute_level"_L1).toString();
        }
        return {};
    }

    QJsonObject readStateOf(const Member &member, const QString &conversationId)
    {
        const auto sync = call("GET", QString(path::Sync) + u"?after_seq=0"_s, member);
        for (const QJsonValue &state : sync.json.value("read_state"_L1).toArray()) {
            if (state.toObject().value("conversation_id"_L1).toString() == conversationId)
                return state.toObject();
        }
        return {};
    }

    int unreadOf(const Member &member, const QString &conversationId)
    {
        const auto sync = call("GET", QString(path::Sync) + u"?after_seq=0"_s, member);
        for (const QJsonValue &state : sync.json.value("read_state"_L1).toArray()) {
            if (state.toObject().value("conversation_id"_L1).toString() == conversationId)
                return state.toObject().value("unread"_L1).toInt();
        }
        return -1;
    }

    qint64 lastSeq(const Member &member)
    {
        return call("GET", QString(path::Sync) + u"?after_seq=0"_s, member)
            .json.value("last_seq"_L1)
            .toInteger();
    }

    HttpResult createChannel(const Member &member, const QJsonObject &body)
    {
        return call("POST", path::Workspaces + m_design + path::Conversations, member, body);
    }

    HttpResult openDirect(const Member &member, const QStringList &ids)
    {
        return call("POST", path::Workspaces + m_design + path::DirectSuffix, member,
                    {{u"member_ids"_s, QJsonArray::fromStringList(ids)}});
    }

    HttpResult editDetails(const Member &member, const QString &id, const QJsonObject &body)
    {
        return call("PUT", path::ConversationsBase + id + path::DetailsSuffix, member, body);
    }

    HttpResult send(const Member &member, const QString &conversation, const QString &body)
    {
        static int counter = 0;
        return call(
            "POST", path::ConversationsBase + conversation + path::MessagesSuffix, member,
            {{u"client_id"_s, u"conversations-test-%1"_s.arg(++counter)}, {u"body"_s, body}});
    }

    HttpResult history(const Member &member, const QString &conversation)
    {
        return call("GET", path::ConversationsBase + conversation + path::MessagesSuffix, member);
    }

    QUrl eventsUrl() const
    {
        QUrl url = m_server->url();
        url.setScheme(u"ws"_s);
        url.setPath(QString(path::Events));
        return url;
    }

    HttpResult call(const QByteArray &verb, const QString &apiPath, const Member &member,
                    const QJsonObject &body = {})
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        if (!member.accessToken.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + member.accessToken.toLatin1());
        QNetworkReply *reply =
            verb == "GET"
                ? m_network.get(request)
                : m_network.sendCustomRequest(request, verb, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QNetworkAccessManager m_network;
    Member m_jimin, m_jiminLaptop, m_alex, m_daniel, m_hayoon, m_minji;
    QString m_design, m_general;
};

QTEST_GUILESS_MAIN(TestConversationsServer)
#include "test_conversations_server.moc"
