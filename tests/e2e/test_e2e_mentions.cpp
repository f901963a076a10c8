// Mentions and changes of messages across real desktops and a real server: a mention bound to a
// member notifies that member and nobody else (a name typed by hand notifies nobody), and edits,
// deletions and reactions made from several devices, one of them away meanwhile, end the same on
// every device as on the server.
#include "mock_server_process.h"
#include "notify/notification_preferences.h"
#include "notify/notification_sink.h"
#include "notify/notification_texts.h"
#include "notify/notifier.h"
#include "secrets/memory_secret_store.h"
#include "signed_in_client.h"
#include "storage/local_cache.h"

#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using moim::protocol::MessageEntity;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Minji = u"minji.choi@moim.example"_s;
const auto Daniel = u"daniel.cho@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

class CountingSink : public NotificationSink
{
public:
    void show(const DesktopNotification &notification) override
    {
        bodies.append(notification.body);
    }
    QStringList bodies;
};

class PlainTexts : public NotificationTexts
{
public:
    QString title(const NotificationDecision &d) const override { return d.conversationName; }
    QString body(const NotificationDecision &d) const override { return d.preview; }
    QString summaryTitle(int count) const override { return QString::number(count); }
    QString summaryBody(const QList<NotificationDecision> &) const override { return {}; }
    QString openAction() const override { return u"Open"_s; }
};

// What a device keeps of a message, in one line to compare devices by.
QString stateOf(const Message &message)
{
    QStringList reactions;
    for (const Reaction &reaction : message.reactions)
        reactions.append(reaction.emoji + u':' + reaction.userIds.join(u','));
    return u"v%1 %2 \"%3\" edited=%4 [%5]"_s.arg(message.version)
        .arg(message.deleted ? u"deleted"_s : u"kept"_s, message.body)
        .arg(message.editedAt > 0)
        .arg(reactions.join(u' '));
}
} // namespace

class TestE2eMentions : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;

    test::SignedInClient signIn(const QString &email, const QString &profile)
    {
        return test::signInWithPassword(m_server.url(), &m_secrets, email, Password, profile);
    }

    // A channel of Moim HQ that everyone of the test sees, as `client` finds it.
    static QString hqChannel(const test::SignedInClient &client, QString *workspaceId = nullptr)
    {
        return test::channelNamed(client, u"Moim HQ"_s, u"일반"_s, workspaceId);
    }

    // The message as the device keeps it.
    static std::optional<Message> kept(const test::SignedInClient &client, const QString &id)
    {
        return client.account()->cache()->message(id);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void aMentionNotifiesItsMemberAndNobodyElse()
    {
        test::SignedInClient jimin = signIn(Jimin, u"jimin"_s);
        test::SignedInClient minji = signIn(Minji, u"minji"_s);
        test::SignedInClient daniel = signIn(Daniel, u"daniel"_s);
        QVERIFY(!QTest::currentTestFailed());
        QString workspace;
        const QString channel = hqChannel(jimin, &workspace);
        QVERIFY(!channel.isEmpty());

        // Both listen at "mentions and direct messages only".
        PlainTexts texts;
        CountingSink minjiSink;
        CountingSink danielSink;
        Notifier minjiNotifier(minji.account(), &minjiSink, &texts);
        Notifier danielNotifier(daniel.account(), &danielSink, &texts);
        for (const test::SignedInClient *client : {&minji, &daniel}) {
            NotificationSettings settings =
                client->account()->notificationSettings()->settings(workspace);
            settings.level = NotificationSettings::Level::MentionsAndDirect;
            settings.quietHours = {};
            client->account()->notificationSettings()->change(workspace, settings);
        }
        QSignalSpy minjiDecided(&minjiNotifier, &Notifier::decided);
        QSignalSpy danielDecided(&danielNotifier, &Notifier::decided);

        const QString minjiId = minji.account()->identity().id;
        QVERIFY(jimin.chat()->send(channel, u"@최민지 오늘 자료 공유 부탁드려요"_s, {},
                                   {{MessageEntity::Type::Mention, 0, 4, minjiId}}));
        QTRY_COMPARE_WITH_TIMEOUT(minjiDecided.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(danielDecided.size(), 1, 10000);
        QCOMPARE(minjiSink.bodies, QStringList{u"@최민지 오늘 자료 공유 부탁드려요"_s});
        QVERIFY(minjiDecided.first().first().value<NotificationDecision>().mention);
        QVERIFY(danielSink.bodies.isEmpty());

        // Daniel's name typed by hand is text: it notifies nobody.
        QVERIFY(jimin.chat()->send(channel, u"@Daniel Cho 이건 그냥 글자입니다"_s));
        QTRY_COMPARE_WITH_TIMEOUT(danielDecided.size(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(minjiDecided.size(), 2, 10000);
        QVERIFY(danielSink.bodies.isEmpty());
        QCOMPARE(minjiSink.bodies.size(), 1);
    }

    // Edits, a deletion and reactions from three devices while a fourth is away: every device
    // ends with the server's last version of each message.
    void changesFromSeveralDevicesConverge()
    {
        test::SignedInClient desk = signIn(Jimin, u"jimin-desk"_s);
        test::SignedInClient laptop = signIn(Jimin, u"jimin-laptop"_s);
        test::SignedInClient daniel = signIn(Daniel, u"daniel"_s);
        QVERIFY(!QTest::currentTestFailed());
        const QString channel = hqChannel(desk);
        QVERIFY(!channel.isEmpty());

        QVERIFY(desk.chat()->send(channel, u"초안 1"_s));
        QVERIFY(desk.chat()->send(channel, u"곧 지울 글"_s));
        QTRY_VERIFY_WITH_TIMEOUT(desk.chat()->lastMessage(channel).body == u"곧 지울 글"_s &&
                                     desk.chat()->lastMessage(channel).seq > 0,
                                 10000);
        const QList<Message> sent = desk.chat()->cachedMessages(channel, 0, 2);
        QCOMPARE(sent.size(), 2);
        const QString firstId = sent.at(0).id;
        const QString secondId = sent.at(1).id;
        QTRY_VERIFY_WITH_TIMEOUT(kept(daniel, secondId) && kept(laptop, secondId), 10000);

        // The laptop is closed while the others change things.
        laptop = {};
        desk.chat()->edit(firstId, u"초안 2"_s);
        daniel.chat()->react(firstId, u"👍"_s, true);
        desk.chat()->edit(firstId, u"최종본"_s);
        daniel.chat()->react(firstId, u"❤️"_s, true);
        desk.chat()->react(firstId, u"👍"_s, true);
        desk.chat()->remove(secondId);
        QTRY_VERIFY_WITH_TIMEOUT(kept(desk, firstId) && kept(desk, firstId)->body == u"최종본"_s &&
                                     kept(desk, firstId)->reactions.size() == 2 &&
                                     kept(desk, secondId)->deleted,
                                 10000);
        daniel.chat()->react(firstId, u"👍"_s, false);

        // The server's copies, as one more device would see them after all of it.
        test::SignedInClient reader = signIn(Jimin, u"jimin-reader"_s);
        QVERIFY(!QTest::currentTestFailed());
        QString serverFirst, serverSecond;
        const auto fromServer = [&] {
            bool done = false;
            reader.api->get(
                u"/api/v1/conversations/"_s + channel + u"/messages?limit=10"_s,
                reader.account()->accessToken(), this, [&](const ApiResult &result) {
                    for (const QJsonValue &value : result.body.value("messages"_L1).toArray()) {
                        const Message message = Message::fromJson(value.toObject(), QString());
                        if (message.id == firstId)
                            serverFirst = stateOf(message);
                        if (message.id == secondId)
                            serverSecond = stateOf(message);
                    }
                    done = true;
                });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        };
        // Daniel's last change has reached the server once his device holds its answer.
        const QString danielId = daniel.account()->identity().id;
        QTRY_VERIFY_WITH_TIMEOUT(kept(daniel, firstId) &&
                                     kept(daniel, firstId)->reactions.size() == 2 &&
                                     !kept(daniel, firstId)->hasReacted(u"👍"_s, danielId),
                                 10000);
        fromServer();
        QVERIFY(serverFirst.contains(u"\"최종본\" edited=1"_s));
        QVERIFY(serverSecond.contains(u"deleted"_s));

        // The laptop opens again and catches up; everyone ends where the server is.
        laptop = test::restartSignedIn(m_server.url(), &m_secrets, u"jimin-laptop"_s);
        QVERIFY(!QTest::currentTestFailed());
        for (const test::SignedInClient *device : {&desk, &daniel, &laptop}) {
            QTRY_COMPARE_WITH_TIMEOUT(
                kept(*device, firstId).has_value() ? stateOf(*kept(*device, firstId)) : QString(),
                serverFirst, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(
                kept(*device, secondId).has_value() ? stateOf(*kept(*device, secondId)) : QString(),
                serverSecond, 10000);
        }
    }
};

QTEST_MAIN(TestE2eMentions)
#include "test_e2e_mentions.moc"
