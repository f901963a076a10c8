// The rule both sides read a message's entities with: what fits the body is read back exactly,
// anything else is refused with a reason, and "mentions me" goes by id, never by name.
#include "protocol/message_entities.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace moim::protocol;
using namespace Qt::StringLiterals;

namespace {
QJsonObject entity(const QString &type, int offset, int length)
{
    return {{u"type"_s, type}, {u"offset"_s, offset}, {u"length"_s, length}};
}

QJsonObject mention(int offset, int length, const QString &userId)
{
    QJsonObject object = entity(u"mention"_s, offset, length);
    object.insert(u"user_id"_s, userId);
    return object;
}
} // namespace

class TestMessageEntities : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatFitsTheBodyIsRead_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QJsonArray>("entities");
        QTest::newRow("none") << u"안녕"_s << QJsonArray();
        QTest::newRow("Korean name")
            << u"@김지민 확인 부탁해요"_s << QJsonArray{mention(0, 4, u"u_1"_s)};
        QTest::newRow("name with a space, mid-text")
            << u"안녕하세요 @Alex Park 님"_s << QJsonArray{mention(6, 10, u"u-2"_s)};
        QTest::newRow("at the very end") << u"cc @김지민"_s << QJsonArray{mention(3, 4, u"u_1"_s)};
        QTest::newRow("everyone, twice")
            << u"@channel 그리고 @here"_s
            << QJsonArray{entity(u"channel"_s, 0, 8), entity(u"here"_s, 13, 5)};
        QTest::newRow("touching") << u"@a@b"_s
                                  << QJsonArray{mention(0, 2, u"u_1"_s), mention(2, 2, u"u_2"_s)};
        QTest::newRow("a whole emoji") << u"@😀"_s << QJsonArray{mention(0, 3, u"u"_s)};
    }

    void whatFitsTheBodyIsRead()
    {
        QFETCH(QString, body);
        QFETCH(QJsonArray, entities);
        QString error;
        const auto read = parseMessageEntities(entities, body, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->size(), entities.size());
        QCOMPARE(messageEntitiesToJson(*read), entities);
    }

    void absentOrNullIsNone()
    {
        QCOMPARE(parseMessageEntities(QJsonValue(), u"x"_s).value().size(), 0);
        QCOMPARE(parseMessageEntities(QJsonValue(QJsonValue::Null), u"x"_s).value().size(), 0);
    }

    void anythingElseIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QJsonValue>("entities");
        const QString body = u"@김지민 @Alex Park"_s;
        QJsonObject offsetAsText = mention(0, 4, u"u"_s);
        offsetAsText.insert(u"offset"_s, u"0"_s);
        QJsonObject huge = mention(0, 4, u"u"_s);
        huge.insert(u"offset"_s, 1e300);
        QJsonObject here = entity(u"here"_s, 0, 5);
        here.insert(u"user_id"_s, u"u"_s);
        QTest::newRow("object") << body << QJsonValue(mention(0, 4, u"u"_s));
        QTest::newRow("string item") << body << QJsonValue(QJsonArray{u"@김지민"_s});
        QTest::newRow("unknown type") << body << QJsonValue(QJsonArray{entity(u"team"_s, 0, 4)});
        QTest::newRow("offset as text") << body << QJsonValue(QJsonArray{offsetAsText});
        QTest::newRow("negative") << body << QJsonValue(QJsonArray{mention(-1, 4, u"u"_s)});
        QTest::newRow("huge") << body << QJsonValue(QJsonArray{huge});
        QTest::newRow("past the end") << body << QJsonValue(QJsonArray{mention(5, 11, u"u"_s)});
        QTest::newRow("only @") << body << QJsonValue(QJsonArray{mention(0, 1, u"u"_s)});
        QTest::newRow("not at @") << body << QJsonValue(QJsonArray{mention(1, 3, u"u"_s)});
        QTest::newRow("overlap") << body
                                 << QJsonValue(
                                        QJsonArray{mention(0, 4, u"u"_s), mention(3, 4, u"u"_s)});
        QTest::newRow("no user") << body << QJsonValue(QJsonArray{entity(u"mention"_s, 0, 4)});
        QTest::newRow("long user id")
            << body << QJsonValue(QJsonArray{mention(0, 4, QString(65, u'a'))});
        QTest::newRow("here with user") << u"@here"_s << QJsonValue(QJsonArray{here});
        QTest::newRow("half an emoji") << u"@😀"_s << QJsonValue(QJsonArray{mention(0, 2, u"u"_s)});
    }

    void anythingElseIsRefusedWithAReason()
    {
        QFETCH(QString, body);
        QFETCH(QJsonValue, entities);
        QString error;
        QVERIFY(!parseMessageEntities(entities, body, &error));
        QVERIFY(!error.isEmpty());
    }

    void atMostFiftyEntities()
    {
        QString body;
        QJsonArray array;
        for (int i = 0; i < MaxMessageEntities + 1; ++i) {
            array.append(QJsonObject{{u"type"_s, u"mention"_s},
                                     {u"offset"_s, int(body.size())},
                                     {u"length"_s, 2},
                                     {u"user_id"_s, u"u"_s}});
            body += u"@a "_s;
        }
        QVERIFY(!parseMessageEntities(array, body));
        array.removeLast();
        QCOMPARE(parseMessageEntities(array, body)->size(), MaxMessageEntities);
    }

    void mentionsGoByIdNeverByName()
    {
        const QList<MessageEntity> one{{MessageEntity::Type::Mention, 0, 4, u"u_jimin"_s}};
        QVERIFY(entitiesMention(one, u"u_jimin"_s));
        QVERIFY(!entitiesMention(one, u"u_alex"_s));
        QVERIFY(!entitiesAddressEveryone(one));
        const QList<MessageEntity> here{{MessageEntity::Type::Here, 0, 5, {}}};
        QVERIFY(entitiesMention(here, u"u_alex"_s));
        QVERIFY(entitiesAddressEveryone(here));
        QVERIFY(!entitiesMention({}, u"u_alex"_s));
    }
};

QTEST_GUILESS_MAIN(TestMessageEntities)
#include "test_message_entities.moc"
