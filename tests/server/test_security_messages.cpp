// A member cannot overwrite, or pass off as their own, another member's message: the client id
// that makes sending idempotent belongs to its author in one conversation, and only the author's
// own sessions are ever shown it (send answer, history, sync, live events).
#include "mock_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

const auto Password = u"seoul-spring-gathering"_s;
const auto AliceEmail = u"jimin.kim@moim.example"_s;   // the victim
const auto MalloryEmail = u"alex.park@moim.example"_s; // a colleague in Design Studio
const auto BobEmail = u"daniel.cho@moim.example"_s;    // another colleague, who only reads
const auto AliceClientId = u"6f1d2c3a-alice-outbox-0001"_s;

struct HttpResult
{
    int status = 0;
    QJsonObject json;
};

struct Member
{
    QString id;
    QString accessToken;
};

// The frames of one authenticated event stream.
struct EventClient
{
    QWebSocket socket;
    QList<QJsonObject> frames;

    EventClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &frame) {
                             frames.append(QJsonDocument::fromJson(frame.toUtf8()).object());
                         });
    }

    bool open(const QUrl &url, const QString &accessToken)
    {
        QNetworkRequest request(url);
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(request);
        if (!connected.wait(5000))
            return false;
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"type"_s, u"auth"_s}, {u"access_token"_s, accessToken}})
                .toJson()));
        return QTest::qWaitFor([this] { return !frames.isEmpty(); }, 5000) &&
               frames.first().value("type"_L1).toString() == "ready"_L1;
    }

    // The messages of every message.created frame so far.
    QList<QJsonObject> createdMessages() const
    {
        QList<QJsonObject> messages;
        for (const QJsonObject &frame : frames) {
            if (frame.value("type"_L1).toString() == QString(moim::protocol::event::MessageCreated))
                messages.append(frame.value("message"_L1).toObject());
        }
        return messages;
    }
};

bool carriesClientId(const QJsonArray &messages, const QString &clientId)
{
    return std::any_of(messages.begin(), messages.end(), [&clientId](const QJsonValue &value) {
        return value.toObject().value("client_id"_L1).toString() == clientId;
    });
}

} // namespace

class TestSecurityMessages : public QObject
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

        m_alice = signIn(AliceEmail, &m_design);
        m_mallory = signIn(MalloryEmail);
        m_bob = signIn(BobEmail);
        QVERIFY(!m_alice.accessToken.isEmpty() && !m_mallory.accessToken.isEmpty() &&
                !m_bob.accessToken.isEmpty());
        QVERIFY(!m_design.isEmpty());
        const auto conversations =
            call("GET", path::Workspaces + m_design + path::Conversations, m_alice);
        QCOMPARE(conversations.status, 200);
        for (const QJsonValue &value : conversations.json.value("conversations"_L1).toArray()) {
            const QJsonObject conversation = value.toObject();
            if (conversation.value("name"_L1).toString() == "general"_L1)
                m_general = conversation.value("id"_L1).toString();
            if (conversation.value("name"_L1).toString() == "design-review"_L1)
                m_review = conversation.value("id"_L1).toString();
        }
        QVERIFY(!m_general.isEmpty() && !m_review.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void anotherMembersClientIdCannotOverwrite()
    {
        EventClient aliceEvents, malloryEvents, bobEvents;
        QVERIFY(aliceEvents.open(eventsUrl(), m_alice.accessToken));
        QVERIFY(malloryEvents.open(eventsUrl(), m_mallory.accessToken));
        QVERIFY(bobEvents.open(eventsUrl(), m_bob.accessToken));
        const qint64 before = lastSeq(m_bob);

        const auto sent = post(m_alice, m_general, AliceClientId, u"Alice: the real plan"_s);
        QCOMPARE(sent.status, 200);
        QCOMPARE(sent.json.value("duplicate"_L1).toBool(), false);
        const QJsonObject original = sent.json.value("message"_L1).toObject();
        // The author's own answer carries her client id: her outbox matches it.
        QCOMPARE(original.value("client_id"_L1).toString(), AliceClientId);

        // Live: Alice's devices get her client id back, no one else's do.
        QTRY_VERIFY(!malloryEvents.createdMessages().isEmpty());
        QTRY_VERIFY(!bobEvents.createdMessages().isEmpty());
        QTRY_VERIFY(!aliceEvents.createdMessages().isEmpty());
        QCOMPARE(aliceEvents.createdMessages().last().value("client_id"_L1).toString(),
                 AliceClientId);
        QVERIFY(!malloryEvents.createdMessages().last().contains("client_id"_L1));
        QVERIFY(!bobEvents.createdMessages().last().contains("client_id"_L1));

        // Mallory reuses it anyway (guessed, or from an old client): in the same conversation
        // and in another one. Each is a new message of Mallory's, never an answer about Alice's.
        for (const QString &conversation : {m_general, m_review}) {
            const auto forged = post(m_mallory, conversation, AliceClientId, u"Mallory: no"_s);
            QCOMPARE(forged.status, 200);
            QCOMPARE(forged.json.value("duplicate"_L1).toBool(), false);
            const QJsonObject message = forged.json.value("message"_L1).toObject();
            QVERIFY(message.value("id"_L1).toString() != original.value("id"_L1).toString());
            QCOMPARE(message.value("conversation_id"_L1).toString(), conversation);
            QCOMPARE(message.value("body"_L1).toString(), u"Mallory: no"_s);
            QCOMPARE(message.value("author"_L1).toObject().value("id"_L1).toString(), m_mallory.id);
        }

        // Alice's message is intact, for her and for everyone else.
        const QJsonObject aliceView =
            findMessage(history(m_alice, m_general), original.value("id"_L1).toString());
        QCOMPARE(aliceView.value("body"_L1).toString(), u"Alice: the real plan"_s);
        QCOMPARE(aliceView.value("client_id"_L1).toString(), AliceClientId);
        const QJsonObject bobView =
            findMessage(history(m_bob, m_general), original.value("id"_L1).toString());
        QCOMPARE(bobView.value("body"_L1).toString(), u"Alice: the real plan"_s);

        // Nobody but the author is told the client id of a message: not in history, not in
        // sync, not live. Bob sees neither Alice's nor Mallory's.
        QVERIFY(onlyOwn(history(m_mallory, m_general), m_mallory.id));
        QVERIFY(onlyOwn(sync(m_mallory, before), m_mallory.id));
        QVERIFY(onlyOwn(history(m_bob, m_general), m_bob.id));
        QVERIFY(!carriesClientId(sync(m_bob, before), AliceClientId));
        QVERIFY(onlyOwn(sync(m_bob, before), m_bob.id));
        QTRY_COMPARE(bobEvents.createdMessages().size(), 3);
        for (const QJsonObject &message : bobEvents.createdMessages())
            QVERIFY(!message.contains("client_id"_L1));
        QTRY_COMPARE(malloryEvents.createdMessages().size(), 3);
        for (const QJsonObject &message : malloryEvents.createdMessages()) {
            const bool mine =
                message.value("author"_L1).toObject().value("id"_L1).toString() == m_mallory.id;
            QCOMPARE(message.contains("client_id"_L1), mine);
        }
    }

    void ownClientIdInAnotherConversationIsANewMessage()
    {
        const QString clientId = u"6f1d2c3a-alice-outbox-0002"_s;
        const auto first = post(m_alice, m_general, clientId, u"first, in general"_s);
        QCOMPARE(first.status, 200);
        const auto retried = post(m_alice, m_general, clientId, u"first, in general"_s);
        QCOMPARE(retried.json.value("duplicate"_L1).toBool(), true);
        QCOMPARE(retried.json.value("message"_L1).toObject().value("id"_L1),
                 first.json.value("message"_L1).toObject().value("id"_L1));

        const auto elsewhere = post(m_alice, m_review, clientId, u"second, in review"_s);
        QCOMPARE(elsewhere.status, 200);
        QCOMPARE(elsewhere.json.value("duplicate"_L1).toBool(), false);
        const QJsonObject message = elsewhere.json.value("message"_L1).toObject();
        QCOMPARE(message.value("conversation_id"_L1).toString(), m_review);
        QCOMPARE(message.value("body"_L1).toString(), u"second, in review"_s);
        QVERIFY(message.value("id"_L1) != first.json.value("message"_L1).toObject().value("id"_L1));
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

    HttpResult post(const Member &member, const QString &conversation, const QString &clientId,
                    const QString &body)
    {
        return call("POST", path::ConversationsBase + conversation + path::MessagesSuffix, member,
                    {{u"client_id"_s, clientId}, {u"body"_s, body}});
    }

    QJsonArray history(const Member &member, const QString &conversation)
    {
        const auto page = call(
            "GET", path::ConversationsBase + conversation + path::MessagesSuffix + u"?limit=200"_s,
            member);
        return page.json.value("messages"_L1).toArray();
    }

    QJsonArray sync(const Member &member, qint64 afterSeq)
    {
        const auto answer =
            call("GET", QString(path::Sync) + u"?after_seq="_s + QString::number(afterSeq), member);
        return answer.json.value("messages"_L1).toArray();
    }

    qint64 lastSeq(const Member &member)
    {
        return call("GET", QString(path::Sync) + u"?after_seq=0"_s, member)
            .json.value("last_seq"_L1)
            .toInteger();
    }

    // Whether every message that carries a client id was written by `authorId`.
    static bool onlyOwn(const QJsonArray &messages, const QString &authorId)
    {
        return std::all_of(messages.begin(), messages.end(), [&authorId](const QJsonValue &value) {
            const QJsonObject message = value.toObject();
            return !message.contains("client_id"_L1) ||
                   message.value("author"_L1).toObject().value("id"_L1).toString() == authorId;
        });
    }

    static QJsonObject findMessage(const QJsonArray &messages, const QString &id)
    {
        for (const QJsonValue &value : messages) {
            if (value.toObject().value("id"_L1).toString() == id)
                return value.toObject();
        }
        return {};
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
    Member m_alice, m_mallory, m_bob;
    QString m_design, m_general, m_review;
};

QTEST_GUILESS_MAIN(TestSecurityMessages)
#include "test_security_messages.moc"
