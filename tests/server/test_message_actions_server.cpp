// What people do to messages after sending them, on the server over HTTP and the event stream:
// edits and deletes by their author only (a delete leaves a tombstone, once, and takes the text
// out of history and search), replies whose quote follows the original, reactions with their
// limits, one global sequence that every change moves on so a catch-up brings old messages that
// changed, typing coalesced and never echoed, read marks listed and moving live, outsiders and
// the 2-step lock refused, and a database of the schema before keeping its messages.
#include "account_store.h"
#include "database.h"
#include "mock_server.h"
#include "server_test_client.h"
#include "server_test_events.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace moim::server;
using namespace moim::server::test;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;
namespace event = moim::protocol::event;

namespace {
const auto JiminEmail = u"jimin.kim@moim.example"_s;
const auto DanielEmail = u"daniel.cho@moim.example"_s; // Moim HQ and Design Studio
const auto MinjiEmail = u"minji.choi@moim.example"_s;  // not in Design Studio

qint64 versionOf(const QJsonObject &message)
{
    return message.value("version"_L1).toInteger();
}

QStringList idsOf(const QJsonArray &values)
{
    QStringList ids;
    for (const QJsonValue &value : values)
        ids.append(value.toObject().value("id"_L1).toString());
    return ids;
}

// "emoji: user, user; emoji: user" in the order served.
QString reactionsOf(const QJsonObject &message)
{
    QStringList reactions;
    for (const QJsonValue &value : message.value("reactions"_L1).toArray()) {
        const QJsonObject reaction = value.toObject();
        QStringList users;
        for (const QJsonValue &user : reaction.value("users"_L1).toArray())
            users.append(user.toObject().value("id"_L1).toString());
        reactions.append(reaction.value("emoji"_L1).toString() + u": "_s + users.join(u", "_s));
    }
    return reactions.join(u"; "_s);
}
} // namespace

class TestMessageActionsServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = startDemoServer(m_dir.path(), &error);
        QVERIFY2(m_server, qPrintable(error));
        m_client = std::make_unique<ServerTestClient>(*m_server);
        m_jimin = m_client->signIn(JiminEmail);
        m_daniel = m_client->signIn(DanielEmail);
        m_minji = m_client->signIn(MinjiEmail);
        m_design = m_jimin.workspaces.value(u"Design Studio"_s);
        QVERIFY(!m_design.isEmpty());
        QVERIFY(!m_minji.workspaces.contains(u"Design Studio"_s));
        m_room = m_client->createChannel(m_jimin, m_design, u"actions-room"_s, false);
        m_other = m_client->createChannel(m_jimin, m_design, u"actions-other"_s, false);
        m_secret = m_client->createChannel(m_jimin, m_design, u"actions-secret"_s, true);
        QVERIFY(!m_room.isEmpty() && !m_other.isEmpty() && !m_secret.isEmpty());
        QVERIFY(m_client->join(m_daniel, m_room));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void onlyTheAuthorEditsAMessage()
    {
        const QJsonObject sent = m_client->send(m_jimin, m_room, u"첫 번째 초안"_s);
        const QString id = sent.value("id"_L1).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(versionOf(sent), sent.value("seq"_L1).toInteger());
        QVERIFY(!sent.contains("edited_at"_L1));

        auto answer = edit(m_daniel, m_room, id, u"남의 글"_s);
        QCOMPARE(answer.status, 403);
        QCOMPARE(answer.errorCode(), u"forbidden"_s);

        answer = edit(m_jimin, m_room, id, u"최종본"_s);
        QCOMPARE(answer.status, 200);
        const QJsonObject edited = answer.json.value("message"_L1).toObject();
        QCOMPARE(edited.value("body"_L1).toString(), u"최종본"_s);
        QCOMPARE(edited.value("seq"_L1).toInteger(), sent.value("seq"_L1).toInteger());
        QVERIFY(versionOf(edited) > versionOf(sent));
        QVERIFY(edited.value("edited_at"_L1).toInteger() > 0);
        // The author's own copy keeps its client id; the others' does not have it.
        QCOMPARE(edited.value("client_id"_L1), sent.value("client_id"_L1));
        const QJsonObject seenByDaniel = inHistory(m_daniel, m_room, id);
        QCOMPARE(seenByDaniel.value("body"_L1).toString(), u"최종본"_s);
        QVERIFY(!seenByDaniel.contains("client_id"_L1));

        // The same text again is no change.
        answer = edit(m_jimin, m_room, id, u"최종본"_s);
        QCOMPARE(answer.status, 200);
        QCOMPARE(versionOf(answer.json.value("message"_L1).toObject()), versionOf(edited));

        for (const QString &body : {u"   "_s, QString(10001, u'가')}) {
            answer = edit(m_jimin, m_room, id, body);
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.errorField(), u"body"_s);
        }
        // A long edit passes the transport's limit for JSON bodies like a long send does.
        answer = edit(m_jimin, m_room, id, QString(10000, u'가'));
        QCOMPARE(answer.status, 200);

        QCOMPARE(edit(m_jimin, m_room, u"m_nonexistent"_s, u"x"_s).errorCode(), u"not_found"_s);
        // A message is found only in its own conversation.
        answer = edit(m_jimin, m_other, id, u"다른 방"_s);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.errorCode(), u"not_found"_s);
    }

    void aDeleteLeavesATombstoneOnce()
    {
        const QString id =
            m_client->send(m_jimin, m_room, u"지울 메시지"_s).value("id"_L1).toString();
        QCOMPARE(react(m_daniel, m_room, id, u"👍"_s, true).status, 200);
        QCOMPARE(m_client
                     ->call("PUT", path::ConversationsBase + m_room + path::PinSuffix, m_jimin,
                            {{u"message_id"_s, id}})
                     .status,
                 200);
        QVERIFY(roomAsListed(m_daniel).contains("pinned"_L1));

        auto answer = remove(m_daniel, m_room, id);
        QCOMPARE(answer.status, 403);
        QCOMPARE(answer.errorCode(), u"forbidden"_s);

        answer = remove(m_jimin, m_room, id);
        QCOMPARE(answer.status, 200);
        const QJsonObject tombstone = answer.json.value("message"_L1).toObject();
        QCOMPARE(tombstone.value("id"_L1).toString(), id);
        QCOMPARE(tombstone.value("deleted"_L1), QJsonValue(true));
        QCOMPARE(tombstone.value("body"_L1).toString(), QString());
        QVERIFY(!tombstone.contains("reactions"_L1));

        // Deleting again answers the same tombstone and changes nothing.
        answer = remove(m_jimin, m_room, id);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value("message"_L1).toObject(), tombstone);

        // A deleted notice is no longer shown.
        QVERIFY(!roomAsListed(m_daniel).contains("pinned"_L1));
        const QJsonObject inPlace = inHistory(m_daniel, m_room, id);
        QCOMPARE(inPlace.value("deleted"_L1), QJsonValue(true));
        QCOMPARE(inPlace.value("body"_L1).toString(), QString());

        answer = edit(m_jimin, m_room, id, u"되살리기"_s);
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.errorCode(), u"not_editable"_s);
        answer = react(m_daniel, m_room, id, u"👍"_s, false);
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.errorCode(), u"not_editable"_s);
        answer = sendReply(m_daniel, m_room, u"답장"_s, id);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorField(), u"reply_to"_s);
    }

    void searchFindsOnlyWhatAMessageSaysNow()
    {
        const QString edited =
            m_client->send(m_jimin, m_room, u"은하수 작전 개시"_s).value("id"_L1).toString();
        const QString deleted =
            m_client->send(m_jimin, m_room, u"별똥별 관측 일지"_s).value("id"_L1).toString();
        QCOMPARE(idsOf(search(m_daniel, u"은하수"_s)), QStringList{edited});
        QCOMPARE(idsOf(search(m_daniel, u"별똥별"_s)), QStringList{deleted});

        QCOMPARE(edit(m_jimin, m_room, edited, u"무지개 작전 종료"_s).status, 200);
        QCOMPARE(remove(m_jimin, m_room, deleted).status, 200);
        QCOMPARE(idsOf(search(m_daniel, u"은하수"_s)), QStringList());
        QCOMPARE(idsOf(search(m_daniel, u"무지개"_s)), QStringList{edited});
        QCOMPARE(idsOf(search(m_daniel, u"별똥별"_s)), QStringList());
    }

    void aReplyQuotesTheOriginalAsItIsNow()
    {
        const QJsonObject original = m_client->send(m_daniel, m_room, u"  원문 첫 줄\n둘째 줄"_s);
        const QString originalId = original.value("id"_L1).toString();
        auto answer = sendReply(m_jimin, m_room, u"네, 확인했어요"_s, originalId);
        QCOMPARE(answer.status, 200);
        const QString replyId =
            answer.json.value("message"_L1).toObject().value("id"_L1).toString();
        QJsonObject quote =
            answer.json.value("message"_L1).toObject().value("reply_to"_L1).toObject();
        QCOMPARE(quote.value("id"_L1).toString(), originalId);
        QCOMPARE(quote.value("seq"_L1), original.value("seq"_L1));
        QCOMPARE(quote.value("author"_L1), original.value("author"_L1));
        QCOMPARE(quote.value("snippet"_L1).toString(), u"원문 첫 줄"_s);
        QCOMPARE(quote.value("deleted"_L1), QJsonValue(false));
        QVERIFY(!original.contains("reply_to"_L1));

        // At most 100 characters of the first line, a surrogate pair kept whole.
        const QString longLine = QString(99, u'가') + u"😀 끝"_s;
        const QString longId = m_client->send(m_daniel, m_room, longLine).value("id"_L1).toString();
        answer = sendReply(m_jimin, m_room, u"길다"_s, longId);
        QCOMPARE(answer.json.value("message"_L1)
                     .toObject()
                     .value("reply_to"_L1)
                     .toObject()
                     .value("snippet"_L1)
                     .toString(),
                 QString(99, u'가') + u"😀"_s);

        QCOMPARE(edit(m_daniel, m_room, originalId, u"고친 첫 줄\n둘째"_s).status, 200);
        quote = inHistory(m_jimin, m_room, replyId).value("reply_to"_L1).toObject();
        QCOMPARE(quote.value("snippet"_L1).toString(), u"고친 첫 줄"_s);

        QCOMPARE(remove(m_daniel, m_room, originalId).status, 200);
        quote = inHistory(m_jimin, m_room, replyId).value("reply_to"_L1).toObject();
        QCOMPARE(quote.value("id"_L1).toString(), originalId);
        QCOMPARE(quote.value("deleted"_L1), QJsonValue(true));
        QCOMPARE(quote.value("snippet"_L1).toString(), QString());

        const QString elsewhere =
            m_client->send(m_jimin, m_other, u"다른 방의 글"_s).value("id"_L1).toString();
        for (const QJsonValue &replyTo :
             {QJsonValue(u"m_nonexistent"_s), QJsonValue(elsewhere), QJsonValue(42)}) {
            answer = m_client->call("POST", path::ConversationsBase + m_room + path::MessagesSuffix,
                                    m_jimin,
                                    {{u"client_id"_s, u"reply-%1"_s.arg(++m_replies)},
                                     {u"body"_s, u"답장"_s},
                                     {u"reply_to"_s, replyTo}});
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.errorCode(), u"bad_request"_s);
            QCOMPARE(answer.errorField(), u"reply_to"_s);
        }
    }

    void reactionsAreAddedRemovedAndLimited()
    {
        const QJsonObject sent = m_client->send(m_jimin, m_room, u"점심 메뉴 투표"_s);
        const QString id = sent.value("id"_L1).toString();
        QVERIFY(!sent.contains("reactions"_L1));

        auto answer = react(m_daniel, m_room, id, u"👍"_s, true);
        QCOMPARE(answer.status, 200);
        QJsonObject message = answer.json.value("message"_L1).toObject();
        QVERIFY(versionOf(message) > versionOf(sent));
        const QJsonObject daniel = message.value("reactions"_L1)
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value("users"_L1)
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(daniel.value("id"_L1).toString(), m_daniel.id);
        QVERIFY(!daniel.value("display_name"_L1).toString().isEmpty());

        QCOMPARE(react(m_jimin, m_room, id, u"🎉"_s, true).status, 200);
        answer = react(m_jimin, m_room, id, u"👍"_s, true);
        message = answer.json.value("message"_L1).toObject();
        // Emoji in the order first given, people in the order they reacted.
        QCOMPARE(reactionsOf(message), u"👍: %1, %2; 🎉: %2"_s.arg(m_daniel.id, m_jimin.id));

        // Adding what is there, or removing what is not, is no change.
        answer = react(m_daniel, m_room, id, u"👍"_s, true);
        QCOMPARE(answer.status, 200);
        QCOMPARE(versionOf(answer.json.value("message"_L1).toObject()), versionOf(message));
        answer = react(m_daniel, m_room, id, u"🎉"_s, false);
        QCOMPARE(answer.status, 200);
        QCOMPARE(versionOf(answer.json.value("message"_L1).toObject()), versionOf(message));

        answer = react(m_jimin, m_room, id, u"🎉"_s, false);
        QVERIFY(versionOf(answer.json.value("message"_L1).toObject()) > versionOf(message));
        QCOMPARE(reactionsOf(answer.json.value("message"_L1).toObject()),
                 u"👍: %1, %2"_s.arg(m_daniel.id, m_jimin.id));

        // Emoji sequences with joiners, skin tones and keycaps are one emoji.
        for (const QString &emoji : {u"❤️"_s, u"👍🏽"_s, u"1️⃣"_s, u"👩‍💻"_s})
            QVERIFY2(react(m_jimin, m_room, id, emoji, true).status == 200, qPrintable(emoji));
        for (const QString &emoji : {QString(), u"ok"_s, u"12"_s, u"한"_s, u"👍 "_s, u"\t"_s,
                                     u"\x07👍"_s, u"👍"_s.repeated(17)}) {
            answer = react(m_jimin, m_room, id, emoji, true);
            QVERIFY2(answer.status == 400, qPrintable(emoji));
            QCOMPARE(answer.errorField(), u"emoji"_s);
        }
        answer = m_client->call("POST", reactionsPath(m_room, id), m_jimin, {{u"emoji"_s, u"👍"_s}});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.errorField(), u"add"_s);

        // 5 different emoji so far; 15 more make 20, and a 21st is refused while another
        // person may still join one that is there.
        for (char32_t codePoint = U'😀'; codePoint < U'😀' + 15; ++codePoint) {
            const QString emoji = QString::fromUcs4(&codePoint, 1);
            QVERIFY2(react(m_jimin, m_room, id, emoji, true).status == 200, qPrintable(emoji));
        }
        answer = react(m_jimin, m_room, id, u"🚀"_s, true);
        QCOMPARE(answer.status, 409);
        QCOMPARE(answer.errorCode(), u"too_many_reactions"_s);
        QCOMPARE(react(m_daniel, m_room, id, u"😀"_s, true).status, 200);
    }

    void everyChangeTakesTheNextNumberAndSyncBringsIt()
    {
        const QJsonObject first = m_client->send(m_jimin, m_room, u"하나"_s);
        const QJsonObject second = m_client->send(m_jimin, m_room, u"둘"_s);
        const QJsonObject third = m_client->send(m_jimin, m_room, u"셋"_s);
        QVERIFY(second.value("seq"_L1).toInteger() > first.value("seq"_L1).toInteger());
        const qint64 before = sync(m_daniel, 0).value("last_seq"_L1).toInteger();
        QCOMPARE(before, versionOf(third));

        QCOMPARE(react(m_daniel, m_room, second.value("id"_L1).toString(), u"👀"_s, true).status,
                 200);
        QCOMPARE(edit(m_jimin, m_room, first.value("id"_L1).toString(), u"하나 (고침)"_s).status,
                 200);
        QCOMPARE(remove(m_jimin, m_room, third.value("id"_L1).toString()).status, 200);
        const QJsonObject fourth = m_client->send(m_jimin, m_room, u"넷"_s);

        // Everything after the old mark, in the order it happened, each with a higher version.
        const QJsonObject page = sync(m_daniel, before);
        QCOMPARE(page.value("has_more"_L1), QJsonValue(false));
        QJsonArray changed;
        for (const QJsonValue &value : page.value("messages"_L1).toArray()) {
            if (value.toObject().value("conversation_id"_L1).toString() == m_room)
                changed.append(value);
        }
        QCOMPARE(idsOf(changed),
                 (QStringList{second.value("id"_L1).toString(), first.value("id"_L1).toString(),
                              third.value("id"_L1).toString(), fourth.value("id"_L1).toString()}));
        qint64 previous = before;
        for (const QJsonValue &value : std::as_const(changed)) {
            QVERIFY(versionOf(value.toObject()) > previous);
            previous = versionOf(value.toObject());
        }
        QCOMPARE(page.value("last_seq"_L1).toInteger(), previous);
        QCOMPARE(changed.at(0).toObject().value("seq"_L1), second.value("seq"_L1));
        QCOMPARE(reactionsOf(changed.at(0).toObject()), u"👀: %1"_s.arg(m_daniel.id));
        QCOMPARE(changed.at(1).toObject().value("body"_L1).toString(), u"하나 (고침)"_s);
        QCOMPARE(changed.at(2).toObject().value("deleted"_L1), QJsonValue(true));
        QCOMPARE(versionOf(fourth), fourth.value("seq"_L1).toInteger());
        // The new message's own seq is past every earlier change.
        QVERIFY(fourth.value("seq"_L1).toInteger() > versionOf(changed.at(2).toObject()));
        // Asking again after the last version brings nothing more.
        QCOMPARE(sync(m_daniel, previous).value("messages"_L1).toArray().size(), 0);
    }

    void aDeletedMessageIsNotUnread()
    {
        const auto unread = [this] {
            for (const QJsonValue &value : sync(m_daniel, 0).value("read_state"_L1).toArray()) {
                if (value.toObject().value("conversation_id"_L1).toString() == m_room)
                    return value.toObject().value("unread"_L1).toInt();
            }
            return -1;
        };
        const int before = unread();
        QVERIFY(before >= 0);
        m_client->send(m_jimin, m_room, u"읽기 전"_s);
        const QString gone =
            m_client->send(m_jimin, m_room, u"곧 지움"_s).value("id"_L1).toString();
        QCOMPARE(unread(), before + 2);
        QCOMPARE(remove(m_jimin, m_room, gone).status, 200);
        QCOMPARE(unread(), before + 1);
    }

    void typingIsCoalescedAndNotEchoed()
    {
        m_server->clock().freeze();
        EventClient jiminStream;
        EventClient danielStream;
        QVERIFY(jiminStream.open(eventsUrl(), m_jimin.accessToken));
        QVERIFY(danielStream.open(eventsUrl(), m_daniel.accessToken));

        QCOMPARE(typing(m_jimin, m_room).status, 204);
        QCOMPARE(typing(m_jimin, m_room).status, 204);
        QCOMPARE(typing(m_jimin, m_room).status, 204);
        // A message after the calls arrives after any typing event they caused.
        QVERIFY(!m_client->send(m_jimin, m_room, u"입력 끝"_s).isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return danielStream.messagesIn(m_room) == 1; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return jiminStream.messagesIn(m_room) == 1; }, 5000));
        auto typed = danielStream.about(event::Typing, m_room);
        QCOMPARE(typed.size(), 1);
        QCOMPARE(typed.first().value("workspace_id"_L1).toString(), m_design);
        QCOMPARE(typed.first().value("user"_L1).toObject().value("id"_L1).toString(), m_jimin.id);
        QVERIFY(!typed.first()
                     .value("user"_L1)
                     .toObject()
                     .value("display_name"_L1)
                     .toString()
                     .isEmpty());
        QCOMPARE(jiminStream.about(event::Typing, m_room).size(), 0);

        // Two seconds later the next call is told again; another conversation is apart.
        m_server->clock().advance(2);
        QCOMPARE(typing(m_jimin, m_room).status, 204);
        QVERIFY(QTest::qWaitFor(
            [&] { return danielStream.about(event::Typing, m_room).size() == 2; }, 5000));
        QCOMPARE(typing(m_daniel, m_room).status, 204);
        QVERIFY(QTest::qWaitFor(
            [&] { return jiminStream.about(event::Typing, m_room).size() == 1; }, 5000));
    }

    void readMarksAreListedAndMoveLive()
    {
        EventClient jiminStream;
        EventClient danielStream;
        QVERIFY(jiminStream.open(eventsUrl(), m_jimin.accessToken));
        QVERIFY(danielStream.open(eventsUrl(), m_daniel.accessToken));

        // Writing moves the writer's mark: the others hear of it, the writer's devices do not.
        const QJsonObject sent = m_client->send(m_jimin, m_room, u"다들 읽으셨나요?"_s);
        const qint64 seq = sent.value("seq"_L1).toInteger();
        QVERIFY(QTest::qWaitFor(
            [&] { return !danielStream.about(event::ReadMarkMoved, m_room).isEmpty(); }, 5000));
        QJsonObject moved = danielStream.about(event::ReadMarkMoved, m_room).last();
        QCOMPARE(moved.value("workspace_id"_L1).toString(), m_design);
        QCOMPARE(moved.value("user_id"_L1).toString(), m_jimin.id);
        QCOMPARE(moved.value("seq"_L1).toInteger(), seq);

        QCOMPARE(m_client
                     ->call("POST", path::ConversationsBase + m_room + path::ReadSuffix, m_daniel,
                            {{u"seq"_s, seq}})
                     .status,
                 204);
        QVERIFY(QTest::qWaitFor(
            [&] { return !jiminStream.about(event::ReadMarkMoved, m_room).isEmpty(); }, 5000));
        moved = jiminStream.about(event::ReadMarkMoved, m_room).last();
        QCOMPARE(moved.value("user_id"_L1).toString(), m_daniel.id);
        QCOMPARE(moved.value("seq"_L1).toInteger(), seq);
        for (const QJsonObject &frame : jiminStream.about(event::ReadMarkMoved, m_room))
            QCOMPARE(frame.value("user_id"_L1).toString(), m_daniel.id);
        for (const QJsonObject &frame : danielStream.about(event::ReadMarkMoved, m_room))
            QCOMPARE(frame.value("user_id"_L1).toString(), m_jimin.id);

        const auto answer =
            m_client->get(path::ConversationsBase + m_room + path::ReadsSuffix, {}, m_daniel);
        QCOMPARE(answer.status, 200);
        QHash<QString, qint64> marks;
        for (const QJsonValue &value : answer.json.value("members"_L1).toArray()) {
            const QJsonObject member = value.toObject();
            QVERIFY(!member.value("display_name"_L1).toString().isEmpty());
            marks.insert(member.value("id"_L1).toString(),
                         member.value("last_read_seq"_L1).toInteger());
        }
        QCOMPARE(marks.size(), 2);
        QCOMPARE(marks.value(m_jimin.id), seq);
        QCOMPARE(marks.value(m_daniel.id), seq);

        // A message edited later moves no one's mark and is not unread again.
        QCOMPARE(edit(m_jimin, m_room, sent.value("id"_L1).toString(), u"읽으셨죠?"_s).status, 200);
        QVERIFY(QTest::qWaitFor(
            [&] { return !danielStream.about(event::MessageUpdated, m_room).isEmpty(); }, 5000));
        const QJsonObject updated = danielStream.about(event::MessageUpdated, m_room).last();
        QCOMPARE(updated.value("workspace_id"_L1).toString(), m_design);
        QCOMPARE(updated.value("message"_L1).toObject().value("body"_L1).toString(),
                 u"읽으셨죠?"_s);
        QVERIFY(!updated.value("message"_L1).toObject().contains("client_id"_L1));
        QVERIFY(QTest::qWaitFor(
            [&] { return !jiminStream.about(event::MessageUpdated, m_room).isEmpty(); }, 5000));
        QCOMPARE(jiminStream.about(event::MessageUpdated, m_room)
                     .last()
                     .value("message"_L1)
                     .toObject()
                     .value("client_id"_L1),
                 sent.value("client_id"_L1));
    }

    void outsidersAreRefused()
    {
        const QString id =
            m_client->send(m_jimin, m_room, u"밖에서는 못 건드림"_s).value("id"_L1).toString();
        const QString secretId =
            m_client->send(m_jimin, m_secret, u"비밀 채널의 글"_s).value("id"_L1).toString();
        // Minji is not in the workspace, Daniel not in the private channel: a message there is
        // no message to them.
        const struct
        {
            Member member;
            QString conversation;
            QString message;
            QString conversationError;
        } outsiders[] = {{m_minji, m_room, id, u"forbidden"_s},
                         {m_daniel, m_secret, secretId, u"not_found"_s}};
        for (const auto &outsider : outsiders) {
            QCOMPARE(
                edit(outsider.member, outsider.conversation, outsider.message, u"x"_s).errorCode(),
                u"not_found"_s);
            QCOMPARE(remove(outsider.member, outsider.conversation, outsider.message).errorCode(),
                     u"not_found"_s);
            QCOMPARE(react(outsider.member, outsider.conversation, outsider.message, u"👍"_s, true)
                         .errorCode(),
                     u"not_found"_s);
            QCOMPARE(typing(outsider.member, outsider.conversation).errorCode(),
                     outsider.conversationError);
            QCOMPARE(m_client
                         ->get(path::ConversationsBase + outsider.conversation + path::ReadsSuffix,
                               {}, outsider.member)
                         .errorCode(),
                     outsider.conversationError);
        }
        QCOMPARE(inHistory(m_jimin, m_room, id).value("body"_L1).toString(),
                 u"밖에서는 못 건드림"_s);
        QCOMPARE(m_client->get(path::ConversationsBase + m_room + path::ReadsSuffix, {}, Member{})
                     .errorCode(),
                 u"invalid_token"_s);
    }

    // Last: it locks the workspace for the rest of the run.
    void theTwoStepLockClosesTheNewCalls()
    {
        const QString id =
            m_client->send(m_jimin, m_room, u"잠기기 전"_s).value("id"_L1).toString();
        QStringList members;
        QVERIFY(m_server->accounts().setRequireTwoStep(m_design, true, &members));
        const QList<HttpResult> answers{
            edit(m_jimin, m_room, id, u"잠긴 뒤"_s),
            remove(m_jimin, m_room, id),
            react(m_daniel, m_room, id, u"👍"_s, true),
            typing(m_jimin, m_room),
            m_client->get(path::ConversationsBase + m_room + path::ReadsSuffix, {}, m_jimin),
            sendReply(m_daniel, m_room, u"답장"_s, id)};
        for (const HttpResult &answer : answers) {
            QCOMPARE(answer.status, 403);
            QCOMPARE(answer.errorCode(), u"two_step_required"_s);
        }
        QVERIFY(m_server->accounts().setRequireTwoStep(m_design, false, &members));
        QCOMPARE(inHistory(m_jimin, m_room, id).value("body"_L1).toString(), u"잠기기 전"_s);
    }

    // A database from before edits and reactions keeps its messages, each at version = seq.
    void anExistingDatabaseMovesToVersions()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"moim.db"_s);
        {
            Database database;
            QString error;
            QVERIFY2(database.open(file, &error, 11), qPrintable(error));
            QSqlQuery query(database.handle());
            for (const QString &statement :
                 {u"PRAGMA foreign_keys=OFF"_s,
                  u"INSERT INTO messages (id, conversation_id, author, body, created_at, seq) "
                  "VALUES ('m_old', 'c_old', 'u_old', '지난주 회의록', 1, 7)"_s})
                QVERIFY2(query.exec(statement), qPrintable(statement));
        }
        Database database;
        QString error;
        QVERIFY2(database.open(file, &error), qPrintable(error));
        QSqlQuery query(database.handle());
        QVERIFY(query.exec(u"SELECT body, seq, version, deleted, edited_at IS NULL, reply_to_id "
                           "IS NULL FROM messages WHERE id = 'm_old'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"지난주 회의록"_s);
        QCOMPARE(query.value(1).toLongLong(), 7);
        QCOMPARE(query.value(2).toLongLong(), 7);
        QCOMPARE(query.value(3).toInt(), 0);
        QVERIFY(query.value(4).toBool() && query.value(5).toBool());
        QVERIFY(query.exec(u"PRAGMA foreign_keys=OFF"_s));
        QVERIFY(query.exec(u"INSERT INTO reactions (message_id, emoji, user_id, created_at) "
                           "VALUES ('m_old', '👍', 'u_old', 1)"_s));
    }

private:
    static QString messagePath(const QString &conversationId, const QString &messageId)
    {
        return path::ConversationsBase + conversationId + path::MessagesSuffix + u'/' + messageId;
    }
    static QString reactionsPath(const QString &conversationId, const QString &messageId)
    {
        return messagePath(conversationId, messageId) + path::ReactionsSuffix;
    }

    HttpResult edit(const Member &member, const QString &conversationId, const QString &messageId,
                    const QString &body)
    {
        return m_client->call("PATCH", messagePath(conversationId, messageId), member,
                              {{u"body"_s, body}});
    }
    HttpResult remove(const Member &member, const QString &conversationId, const QString &messageId)
    {
        return m_client->call("DELETE", messagePath(conversationId, messageId), member);
    }
    HttpResult react(const Member &member, const QString &conversationId, const QString &messageId,
                     const QString &emoji, bool add)
    {
        return m_client->call("POST", reactionsPath(conversationId, messageId), member,
                              {{u"emoji"_s, emoji}, {u"add"_s, add}});
    }
    HttpResult typing(const Member &member, const QString &conversationId)
    {
        return m_client->call("POST", path::ConversationsBase + conversationId + path::TypingSuffix,
                              member);
    }
    HttpResult sendReply(const Member &member, const QString &conversationId, const QString &body,
                         const QString &replyTo)
    {
        return m_client->call(
            "POST", path::ConversationsBase + conversationId + path::MessagesSuffix, member,
            {{u"client_id"_s, u"reply-%1"_s.arg(++m_replies)},
             {u"body"_s, body},
             {u"reply_to"_s, replyTo}});
    }

    // The message as it stands in the newest page of history.
    QJsonObject inHistory(const Member &member, const QString &conversationId,
                          const QString &messageId)
    {
        const auto page =
            m_client->get(path::ConversationsBase + conversationId + path::MessagesSuffix,
                          {{u"limit"_s, u"200"_s}}, member);
        for (const QJsonValue &value : page.messages()) {
            if (value.toObject().value("id"_L1).toString() == messageId)
                return value.toObject();
        }
        return {};
    }

    QJsonObject roomAsListed(const Member &member)
    {
        const auto listed =
            m_client->call("GET", path::Workspaces + m_design + path::Conversations, member);
        for (const QJsonValue &value : listed.json.value("conversations"_L1).toArray()) {
            if (value.toObject().value("id"_L1).toString() == m_room)
                return value.toObject();
        }
        return {};
    }

    QJsonArray search(const Member &member, const QString &words)
    {
        return m_client
            ->get(QString(path::Search), {{u"q"_s, words}, {u"conversation_id"_s, m_room}}, member)
            .messages();
    }

    QJsonObject sync(const Member &member, qint64 afterSeq)
    {
        return m_client
            ->get(QString(path::Sync), {{u"after_seq"_s, QString::number(afterSeq)}}, member)
            .json;
    }

    QUrl eventsUrl() const
    {
        QUrl url = m_server->url().resolved(QUrl(QString(path::Events)));
        url.setScheme(u"ws"_s);
        return url;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    std::unique_ptr<ServerTestClient> m_client;
    Member m_jimin;
    Member m_daniel;
    Member m_minji;
    QString m_design;
    QString m_room;
    QString m_other;
    QString m_secret;
    int m_replies = 0;
};

QTEST_GUILESS_MAIN(TestMessageActionsServer)
#include "test_message_actions_server.moc"
