// Throttling under attack (docs/protocol.md "Throttling"): parallel guesses cannot outrun the
// count, and anonymous failures never lock out a client that presents its device proof. Speaks
// raw HTTP over sockets bound to different loopback addresses, so that the server sees callers
// from several IP addresses.
#include "account_store.h"
#include "device_proofs.h"
#include "invite_store.h"
#include "mock_server.h"
#include "throttle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

constexpr auto Password = "seoul-spring-gathering";
const QString Jimin = u"jimin.kim@moim.example"_s;
const QString Alex = u"alex.park@moim.example"_s;
const QString Owner = u"127.0.0.1"_s;
const QString Attacker = u"127.0.0.2"_s;

struct Reply
{
    int status = 0;
    QJsonObject json;

    QString errorCode() const
    {
        return json.value("error"_L1).toObject().value("code"_L1).toString();
    }
    int retryAfter() const
    {
        return json.value("error"_L1).toObject().value("retry_after"_L1).toInt();
    }
    QString deviceProof() const
    {
        return json.value(moim::protocol::field::DeviceProof).toString();
    }
};

// One HTTP/1.1 request on its own connection from a chosen loopback address; the answer is
// parsed once the server closes the connection.
class RawRequest
{
public:
    RawRequest(quint16 port, const QString &from, const QString &apiPath, const QJsonObject &body,
               const QString &bearer = {})
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket,
                         [this] { m_received += m_socket.readAll(); });
        m_socket.bind(QHostAddress(from));
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QByteArray head = "POST " + apiPath.toLatin1() +
                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Moim-Client: moim-desktop/0.1.0\r\n"
                          "Content-Type: application/json\r\nConnection: close\r\n";
        if (!bearer.isEmpty())
            head += "Authorization: Bearer " + bearer.toLatin1() + "\r\n";
        head += "Content-Length: " + QByteArray::number(payload.size()) + "\r\n\r\n";
        m_socket.write(head + payload);
    }

    // Whether the whole answer (head and body of Content-Length) has arrived.
    bool complete() const
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = m_received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return true;
        const qsizetype lineEnd = head.indexOf("\r\n", at);
        const qsizetype length =
            head.mid(at + 15, lineEnd < 0 ? -1 : lineEnd - at - 15).trimmed().toLongLong();
        return m_received.size() - end - 4 >= length;
    }

    Reply reply() const
    {
        Reply result;
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        const QList<QByteArray> statusLine = m_received.left(m_received.indexOf("\r\n")).split(' ');
        if (statusLine.size() >= 2)
            result.status = statusLine.at(1).toInt();
        if (end >= 0)
            result.json = QJsonDocument::fromJson(m_received.mid(end + 4)).object();
        return result;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QJsonObject loginBody(const QString &email, const QString &password, const QString &proof = {})
{
    QJsonObject body{{u"email"_s, email},
                     {u"password"_s, password},
                     {u"device"_s, QJsonObject{{u"name"_s, u"test-host"_s}}}};
    if (!proof.isEmpty())
        body.insert(moim::protocol::field::DeviceProof, proof);
    return body;
}

} // namespace

class TestSecurityThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        ServerConfig config;
        config.port = 0;
        config.dataDir = m_dir->path();
        config.demo = true;
        config.hashLimits = PasswordHasher::Limits::minimal();
        // The hash queue's own per-address cap would refuse most of a parallel burst with
        // server_busy before the throttle is reached; here it is the throttle that is tested.
        config.hashesWaiting = 64;
        config.hashesPerIp = 64;
        m_server = std::make_unique<MockServer>(config);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        // Delays are whole seconds: a second boundary passing mid-test must not open a door.
        m_server->clock().freeze();
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void parallelWrongLoginsReachTheHashAtMostFiveTimes()
    {
        const qint64 hashedBefore = m_server->hasher().verifications();
        // 40 guesses sent at once, before the server has read any of them.
        std::vector<std::unique_ptr<RawRequest>> guesses;
        for (int i = 0; i < 40; ++i)
            guesses.push_back(
                std::make_unique<RawRequest>(m_server->port(), Attacker, path::Login,
                                             loginBody(Jimin, u"guess-number-%1"_s.arg(i))));
        const QList<Reply> replies = await(guesses);

        QCOMPARE(m_server->hasher().verifications() - hashedBefore, 5);
        int refused = 0;
        int wrong = 0;
        for (const Reply &reply : replies) {
            if (reply.status == 429) {
                QCOMPARE(reply.errorCode(), u"too_many_attempts"_s);
                QVERIFY(reply.retryAfter() >= 1);
                ++refused;
            } else {
                QCOMPARE(reply.status, 401);
                QCOMPARE(reply.errorCode(), u"invalid_credentials"_s);
                ++wrong;
            }
        }
        QCOMPARE(wrong, 5);
        QCOMPARE(refused, 35);
    }

    void parallelWrongPasswordChangesReachTheHashAtMostFiveTimes()
    {
        const Reply signedIn =
            send(Owner, path::Login, loginBody(Jimin, QString::fromUtf8(Password)));
        QCOMPARE(signedIn.status, 200);
        const QString access = signedIn.json.value("access_token"_L1).toString();

        const qint64 hashedBefore = m_server->hasher().verifications();
        std::vector<std::unique_ptr<RawRequest>> guesses;
        for (int i = 0; i < 40; ++i)
            guesses.push_back(std::make_unique<RawRequest>(
                m_server->port(), Attacker, path::ChangePassword,
                QJsonObject{{u"current_password"_s, u"guess-number-%1"_s.arg(i)},
                            {u"new_password"_s, u"a brand new lantern festival"_s}},
                access));
        const QList<Reply> replies = await(guesses);

        QCOMPARE(m_server->hasher().verifications() - hashedBefore, 5);
        int refused = 0;
        for (const Reply &reply : replies) {
            if (reply.status == 429) {
                QVERIFY(reply.retryAfter() >= 1);
                ++refused;
            } else {
                QCOMPARE(reply.errorCode(), u"invalid_credentials"_s);
            }
        }
        QCOMPARE(refused, 35);
    }

    void parallelWrongPasswordsAtAnInvitationReachTheHashAtMostFiveTimes()
    {
        // Alex, who has an account, is invited to a workspace of Jimin's he is not in yet.
        QStringList alexWorkspaces;
        const auto alex = m_server->accounts().findByEmail(Alex);
        for (const QJsonValue &workspace : m_server->accounts().activeWorkspaces(alex->id))
            alexWorkspaces.append(workspace.toObject().value("id"_L1).toString());
        QString target;
        const auto jimin = m_server->accounts().findByEmail(Jimin);
        for (const QJsonValue &workspace : m_server->accounts().activeWorkspaces(jimin->id)) {
            const QString id = workspace.toObject().value("id"_L1).toString();
            if (!alexWorkspaces.contains(id))
                target = id;
        }
        const auto issued = m_server->invites().create(Alex, target, u"김지민"_s);
        QVERIFY(issued);

        const qint64 hashedBefore = m_server->hasher().verifications();
        std::vector<std::unique_ptr<RawRequest>> guesses;
        for (int i = 0; i < 40; ++i)
            guesses.push_back(std::make_unique<RawRequest>(
                m_server->port(), Attacker, path::InviteAccept,
                QJsonObject{{u"token"_s, issued->token},
                            {u"password"_s, u"guess-number-%1"_s.arg(i)}}));
        const QList<Reply> replies = await(guesses);

        QCOMPARE(m_server->hasher().verifications() - hashedBefore, 5);
        const auto refused = std::count_if(replies.cbegin(), replies.cend(), [](const Reply &r) {
            return r.status == 429 && r.retryAfter() >= 1;
        });
        QCOMPARE(refused, 35);
    }

    void theOwnerWithADeviceProofIsNotLockedOutByAnonymousFailures()
    {
        const Reply first = send(Owner, path::Login, loginBody(Jimin, QString::fromUtf8(Password)));
        QCOMPARE(first.status, 200);
        const QString proof = first.deviceProof();
        // Opaque, at least 128 bits.
        QVERIFY(QByteArray::fromBase64(proof.toLatin1(), QByteArray::Base64UrlEncoding).size() >=
                16);

        // Failures from another address, and from the owner's own address without the proof:
        // both are throttled now.
        for (const QString &from : {Attacker, Owner}) {
            for (int i = 0; i < 5; ++i)
                QCOMPARE(send(from, path::Login, loginBody(Jimin, u"wrong-guess"_s)).status, 401);
            const Reply locked =
                send(from, path::Login, loginBody(Jimin, QString::fromUtf8(Password)));
            QCOMPARE(locked.status, 429);
            QVERIFY(locked.retryAfter() >= 1);
        }

        // The owner's client presents its proof: in at once, with a new proof.
        const Reply again =
            send(Owner, path::Login, loginBody(Jimin, QString::fromUtf8(Password), proof));
        QCOMPARE(again.status, 200);
        const QString renewed = again.deviceProof();
        QVERIFY(!renewed.isEmpty());
        QVERIFY(renewed != proof);
        // The old proof was replaced: presenting it is like presenting none.
        QCOMPARE(
            send(Owner, path::Login, loginBody(Jimin, QString::fromUtf8(Password), proof)).status,
            429);
        // The proof is bound to its account: it vouches for nobody else.
        for (int i = 0; i < 5; ++i)
            send(Attacker, path::Login, loginBody(Alex, u"wrong-guess"_s));
        QCOMPARE(send(Attacker, path::Login, loginBody(Alex, QString::fromUtf8(Password), renewed))
                     .status,
                 429);

        // The owner's own mistakes with the proof count under the proof alone.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(send(Owner, path::Login, loginBody(Jimin, u"typo"_s, renewed)).status, 401);
        QCOMPARE(
            send(Owner, path::Login, loginBody(Jimin, QString::fromUtf8(Password), renewed)).status,
            429);
    }

    void anonymousFailuresStillThrottleCallersWithoutAProof()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(send(Attacker, path::Login, loginBody(Jimin, u"wrong-guess"_s)).status, 401);
        // The right password from that address, without a proof, waits like any guess.
        const Reply refused =
            send(Attacker, path::Login, loginBody(Jimin, QString::fromUtf8(Password)));
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.errorCode(), u"too_many_attempts"_s);
        // A made-up proof is no proof.
        QCOMPARE(send(Attacker, path::Login,
                      loginBody(Jimin, QString::fromUtf8(Password), u"made-up-proof"_s))
                     .status,
                 429);
        m_server->clock().advance(refused.retryAfter());
        QCOMPARE(send(Attacker, path::Login, loginBody(Jimin, QString::fromUtf8(Password))).status,
                 200);
    }

    void failuresAreKeptPerEmailAndAddress()
    {
        for (int i = 0; i < 5; ++i)
            send(Attacker, path::Login, loginBody(Jimin, u"wrong-guess"_s));
        QCOMPARE(send(Attacker, path::Login, loginBody(Jimin, u"wrong-guess"_s)).status, 429);
        // Another account from the same address, and the same account from another address,
        // are untouched.
        QCOMPARE(send(Attacker, path::Login, loginBody(Alex, QString::fromUtf8(Password))).status,
                 200);
        QCOMPARE(
            send(u"127.0.0.3"_s, path::Login, loginBody(Jimin, QString::fromUtf8(Password))).status,
            200);
    }

    void guessesSpreadOverManyAddressesThrottleAnonymousCallers()
    {
        // 20 failures from 4 addresses fill the account's pool of anonymous callers.
        for (int address = 10; address < 14; ++address) {
            for (int i = 0; i < 5; ++i)
                QCOMPARE(send(u"127.0.0.%1"_s.arg(address), path::Login,
                              loginBody(Jimin, u"wrong-guess"_s))
                             .status,
                         401);
        }
        QCOMPARE(send(u"127.0.0.20"_s, path::Login, loginBody(Jimin, QString::fromUtf8(Password)))
                     .status,
                 429);
        // The owner's client with its proof is not among them.
        const QString proof = m_server->deviceProofs().issue(Jimin, QString()).value();
        QCOMPARE(
            send(u"127.0.0.20"_s, path::Login, loginBody(Jimin, QString::fromUtf8(Password), proof))
                .status,
            200);
    }

    void aProofThatFailsTooOftenIsWithdrawn()
    {
        const Reply first = send(Owner, path::Login, loginBody(Jimin, QString::fromUtf8(Password)));
        const QString proof = first.deviceProof();
        QVERIFY(!m_server->deviceProofs().validate(Jimin, proof).isEmpty());
        for (int i = 0; i < 10; ++i) {
            const Reply reply = send(Attacker, path::Login, loginBody(Jimin, u"guess"_s, proof));
            QCOMPARE(reply.status, 401);
            // Wait out each delay: a stolen proof buys 10 guesses at most, however slow.
            const auto wait = m_server->throttle().retryAfter(Throttle::signInKeys(
                Jimin, m_server->deviceProofs().validate(Jimin, proof), QString()));
            if (wait)
                m_server->clock().advance(*wait);
        }
        QVERIFY(m_server->deviceProofs().validate(Jimin, proof).isEmpty());
    }

private:
    Reply send(const QString &from, const QString &apiPath, const QJsonObject &body,
               const QString &bearer = {})
    {
        std::vector<std::unique_ptr<RawRequest>> one;
        one.push_back(std::make_unique<RawRequest>(m_server->port(), from, apiPath, body, bearer));
        return await(one).value(0);
    }

    static QList<Reply> await(const std::vector<std::unique_ptr<RawRequest>> &requests)
    {
        const auto allDone = [&requests] {
            return std::all_of(requests.cbegin(), requests.cend(),
                               [](const auto &request) { return request->complete(); });
        };
        [&] { QTRY_VERIFY_WITH_TIMEOUT(allDone(), 20'000); }();
        QList<Reply> replies;
        for (const auto &request : requests)
            replies.append(request->reply());
        return replies;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MockServer> m_server;
};

QTEST_GUILESS_MAIN(TestSecurityThrottle)
#include "test_security_throttle.moc"
