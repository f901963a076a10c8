// A message as the server sends it: versions, edits, deletions, replies and reactions read into
// Message, with whatever is missing, of the wrong type or oversized left at a safe default.
#include "chat/message.h"

#include <QJsonDocument>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

const auto Me = u"u_me"_s;

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

class TestMessageJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aChangedReply()
    {
        const Message message = Message::fromJson(parse(R"({
            "id": "m_700", "conversation_id": "c_1", "seq": 700, "version": 812,
            "author": {"id": "u_kim", "display_name": "김지민"},
            "body": "좋아요\n내일 봬요", "created_at": 1795710285, "edited_at": 1795710999,
            "reply_to": {"id": "m_680", "seq": 680,
                         "author": {"id": "u_lee", "display_name": "이서준"},
                         "snippet": "회의는 3시", "deleted": false},
            "reactions": [
                {"emoji": "👍", "users": [{"id": "u_lee", "display_name": "이서준"},
                                         {"id": "u_me", "display_name": "나"}]},
                {"emoji": "🎉", "users": [{"id": "u_kim", "display_name": "김지민"}]}
            ]})"),
                                                  Me);
        QCOMPARE(message.localId, u"m_700"_s);
        QCOMPARE(message.seq, 700);
        QCOMPARE(message.version, 812);
        QCOMPARE(message.editedAt, 1795710999);
        QVERIFY(!message.deleted);
        QCOMPARE(message.body, u"좋아요\n내일 봬요"_s);
        const ReplyQuote quote{u"m_680"_s, 680, u"u_lee"_s, u"이서준"_s, u"회의는 3시"_s, false};
        QCOMPARE(message.replyTo, quote);
        QCOMPARE(message.reactions.size(), 2);
        QCOMPARE(message.reactions.at(0),
                 (Reaction{u"👍"_s, {u"u_lee"_s, u"u_me"_s}, {u"이서준"_s, u"나"_s}}));
        QCOMPARE(message.reactions.at(1).emoji, u"🎉"_s);
        QVERIFY(message.hasReacted(u"👍"_s, Me));
        QVERIFY(!message.hasReacted(u"🎉"_s, Me));
        QVERIFY(!message.hasReacted(u"👎"_s, u"u_lee"_s));

        // The wire form written back reads the same (what the stores keep).
        QCOMPARE(ReplyQuote::fromJson(quote.toJson()), quote);
        QCOMPARE(Message::reactionsFromJson(Message::reactionsToJson(message.reactions)),
                 message.reactions);
    }

    void attachmentsAreReadBoundedAndWrittenBack()
    {
        const Message message = Message::fromJson(parse(R"({
            "id": "m_8", "conversation_id": "c_1", "seq": 8, "body": "",
            "author": {"id": "u_kim", "display_name": "김지민"},
            "attachments": [
                {"id": "f_1", "name": "보고서.hwp", "size": 48213, "type": "application/x-hwp",
                 "preview": false},
                {"id": "f_2", "name": "현장.jpg", "size": 812000, "type": "image/jpeg",
                 "preview": true, "image": {"width": 3024, "height": 4032}},
                {"id": "f_3", "name": "", "size": 1},
                {"name": "no-id.txt", "size": 1},
                {"id": "f_4", "name": "huge.png", "size": -5, "type": "image/png",
                 "image": {"width": 70000, "height": 10}}
            ]})"),
                                                  Me);
        QCOMPARE(message.attachments.size(), 3);
        const Attachment &report = message.attachments.at(0);
        QCOMPARE(report.fileId, u"f_1"_s);
        QCOMPARE(report.name, u"보고서.hwp"_s);
        QCOMPARE(report.size, 48213);
        QVERIFY(!report.isImage());
        const Attachment &photo = message.attachments.at(1);
        QVERIFY(photo.isImage());
        QVERIFY(photo.hasPreview);
        QCOMPARE(photo.width, 3024);
        QCOMPARE(photo.height, 4032);
        // An impossible image size is no image, a negative size nothing.
        QVERIFY(!message.attachments.at(2).isImage());
        QCOMPARE(message.attachments.at(2).size, 0);
        QCOMPARE(Attachment::listFromJson(Attachment::listToJson(message.attachments)),
                 message.attachments);

        // A deleted message has no files left, whatever a server sent along.
        QJsonObject tombstone = parse(R"({"id": "m_8", "seq": 8, "deleted": true,
            "attachments": [{"id": "f_1", "name": "a.txt", "size": 1}]})");
        QVERIFY(Message::fromJson(tombstone, Me).attachments.isEmpty());

        // At most as many as the server allows on one message.
        QJsonArray many;
        for (int i = 0; i < Attachment::MaxPerMessage + 5; ++i)
            many.append(QJsonObject{{u"id"_s, u"f_%1"_s.arg(i)}, {u"name"_s, u"a.txt"_s}});
        QCOMPARE(Attachment::listFromJson(many).size(), Attachment::MaxPerMessage);
    }

    void aPlainMessageFromAnOlderServer()
    {
        const Message message = Message::fromJson(
            parse(R"({"id": "m_5", "conversation_id": "c_1", "seq": 5, "body": "안녕",
                      "author": {"id": "u_kim", "display_name": "김지민"}})"),
            Me);
        QCOMPARE(message.version, 5); // as first written
        QCOMPARE(message.editedAt, 0);
        QVERIFY(!message.deleted);
        QVERIFY(!message.replyTo);
        QVERIFY(message.reactions.isEmpty());
    }

    void aDeletedMessageKeepsNothingOfWhatItSaid()
    {
        // A careless server left the words, the quote and reactions on a tombstone.
        const Message message = Message::fromJson(parse(R"({
            "id": "m_9", "conversation_id": "c_1", "seq": 9, "version": 30, "deleted": true,
            "author": {"id": "u_kim", "display_name": "김지민"}, "body": "비밀",
            "reply_to": {"id": "m_1", "seq": 1, "snippet": "x"},
            "reactions": [{"emoji": "👍", "users": [{"id": "u_lee"}]}]})"),
                                                  Me);
        QVERIFY(message.deleted);
        QVERIFY(message.body.isEmpty());
        QVERIFY(!message.replyTo);
        QVERIFY(message.reactions.isEmpty());
        QCOMPARE(message.version, 30);
    }

    void aQuoteOfADeletedOriginalShowsNoWords()
    {
        const auto quote = ReplyQuote::fromJson(
            parse(R"({"id": "m_1", "seq": 1, "snippet": "left over", "deleted": true})"));
        QVERIFY(quote);
        QVERIFY(quote->deleted);
        QVERIFY(quote->snippet.isEmpty());
    }

    void badTypesAreIgnored()
    {
        const Message message = Message::fromJson(parse(R"({
            "id": "m_3", "conversation_id": "c_1", "seq": 3, "version": "812",
            "edited_at": "yesterday", "deleted": "yes", "body": "본문",
            "reply_to": "m_1", "reactions": {"emoji": "👍"}})"),
                                                  Me);
        QCOMPARE(message.version, 3);
        QCOMPARE(message.editedAt, 0);
        QVERIFY(!message.deleted);
        QCOMPARE(message.body, u"본문"_s);
        QVERIFY(!message.replyTo);
        QVERIFY(message.reactions.isEmpty());

        const Message negative = Message::fromJson(
            parse(R"({"id": "m_4", "seq": -4, "version": -1, "edited_at": -9})"), Me);
        QCOMPARE(negative.seq, 0);
        QCOMPARE(negative.version, 0);
        QCOMPARE(negative.editedAt, 0);

        // A quote without an id is no quote; reactions without an emoji or anyone on them,
        // repeated ones and repeated users are left out.
        const Message odd = Message::fromJson(parse(R"({
            "id": "m_5", "seq": 5, "reply_to": {"seq": 1, "snippet": "x"},
            "reactions": [7, {"users": [{"id": "u_a"}]}, {"emoji": "👍", "users": []},
                          {"emoji": "👍", "users": "u_a"},
                          {"emoji": "🙂", "users": [{"id": "u_a"}, {"id": "u_a"}, 3, {}]},
                          {"emoji": "🙂", "users": [{"id": "u_b"}]}]})"),
                                              Me);
        QVERIFY(!odd.replyTo);
        QCOMPARE(odd.reactions.size(), 1);
        QCOMPARE(odd.reactions.first().emoji, u"🙂"_s);
        QCOMPARE(odd.reactions.first().userIds, QStringList{u"u_a"_s});
    }

    void lengthsAreBounded()
    {
        QJsonArray reactions;
        for (int i = 0; i < 50; ++i) {
            reactions.append(
                QJsonObject{{u"emoji"_s, QString(QChar(0x2600 + i))},
                            {u"users"_s, QJsonArray{QJsonObject{{u"id"_s, u"u_a"_s}}}}});
        }
        reactions.append(QJsonObject{{u"emoji"_s, QString(33, u'*')},
                                     {u"users"_s, QJsonArray{QJsonObject{{u"id"_s, u"u_a"_s}}}}});
        const QString longName = QString(5000, u'가');
        const QJsonObject json{
            {u"id"_s, u"m_6"_s},
            {u"seq"_s, 6},
            {u"author"_s, QJsonObject{{u"id"_s, u"u_a"_s}, {u"display_name"_s, longName}}},
            {u"reply_to"_s, QJsonObject{{u"id"_s, u"m_1"_s}, {u"snippet"_s, QString(5000, u'x')}}},
            {u"reactions"_s, reactions}};
        const Message message = Message::fromJson(json, Me);
        QVERIFY(message.authorName.size() <= 200);
        QCOMPARE(message.replyTo->snippet.size(), ReplyQuote::SnippetLength);
        QCOMPARE(message.reactions.size(), 20);
    }

    void aSnippetIsTheFirstLineCut()
    {
        QCOMPARE(ReplyQuote::snippetOf(u"첫 줄\n둘째 줄"_s), u"첫 줄"_s);
        QCOMPARE(ReplyQuote::snippetOf(QString(150, u'가')), QString(100, u'가'));
        // Never half of a character outside the BMP.
        const QString smiles = QString(99, u'a') + u"😀😀"_s;
        QCOMPARE(ReplyQuote::snippetOf(smiles), QString(99, u'a'));
    }

    void newerCopiesSupersede()
    {
        Message held;
        held.id = u"m_1"_s;
        held.version = 10;
        Message copy = held;
        QVERIFY(!copy.supersedes(held));
        copy.version = 9;
        QVERIFY(!copy.supersedes(held));
        copy.version = 11;
        QVERIFY(copy.supersedes(held));
        // An unsent row takes every change (its state, its words).
        Message unsent;
        unsent.localId = u"uuid"_s;
        QVERIFY(Message().supersedes(unsent));
    }
};

QTEST_GUILESS_MAIN(TestMessageJson)
#include "test_message_json.moc"
