// The dev mailbox is not a way into accounts: it is served only when the server was started
// with --demo or --dev-mailbox, only to holders of the admin token, and a one-time link leaves
// its stored mail as soon as it stops working (used, withdrawn, replaced or expired).
#include "account_store.h"
#include "admin_token.h"
#include "clock.h"
#include "mailbox.h"
#include "mock_server.h"
#include "reset_store.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <protocol/protocol.h>

using namespace moim::server;
using namespace Qt::StringLiterals;
namespace path = moim::protocol::path;

namespace {

const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto NewPassword = u"Quiet-Harbor-Lantern-8391"_s;

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
};

} // namespace

class TestDevMailbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = startServer(m_dir.path(), true, false);
        QVERIFY(m_server);
        m_adminToken = AdminToken::read(m_dir.path());
        QVERIFY(!m_adminToken.isEmpty());
    }

    void cleanupTestCase() { m_server.reset(); }

    void mailboxAnswersOnlyTheAdminToken()
    {
        requestReset(Jimin);
        for (const QString &page : {QString(path::DevMailJson), QString(path::DevMail)}) {
            QCOMPARE(get(*m_server, page).status, 403);
            QCOMPARE(get(*m_server, page, u"not-the-admin-token"_s).status, 403);
            // A browser on this computer cannot lend a page the token either: a foreign Host
            // is refused even with it.
            QCOMPARE(get(*m_server, page, m_adminToken, "evil.example:80").status, 403);
            QCOMPARE(get(*m_server, page, m_adminToken).status, 200);
        }
        QVERIFY(!resetMailsTo(Jimin).isEmpty());
    }

    void noMailboxWithoutItsFlag()
    {
        QTemporaryDir plainDir;
        auto plain = startServer(plainDir.path(), false, false);
        QVERIFY(plain);
        const QString token = AdminToken::read(plainDir.path());
        QCOMPARE(get(*plain, path::DevMailJson, token).status, 404);
        QCOMPARE(get(*plain, path::DevMail, token).status, 404);
        // Nor does it keep the links for nobody to read.
        QVERIFY(plain->accounts().createAccount(u"solo@moim.example"_s, u"Solo"_s, u"-"_s));
        requestReset(u"solo@moim.example"_s, plain.get());
        QVERIFY(plain->mailbox().newestFirst().isEmpty());

        QTemporaryDir flaggedDir;
        auto flagged = startServer(flaggedDir.path(), false, true);
        QVERIFY(flagged);
        const auto answer = get(*flagged, path::DevMailJson, AdminToken::read(flaggedDir.path()));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.json.value("mails"_L1).isArray());
    }

    void usedResetLinkLeavesItsMail()
    {
        // Two open links; the account's password is reset with the newer one.
        requestReset(Alex);
        requestReset(Alex);
        const QList<QJsonObject> mails = resetMailsTo(Alex);
        QVERIFY(mails.size() >= 2);
        const QString used = tokenOf(mails.at(0));
        const QString other = tokenOf(mails.at(1));
        QVERIFY(!used.isEmpty() && !other.isEmpty() && used != other);
        QVERIFY(mails.at(0).value("body"_L1).toString().contains(used));

        const auto done =
            post(path::PasswordResetComplete, {{u"token"_s, used}, {u"password"_s, NewPassword}});
        QCOMPARE(done.status, 204);

        // Neither token is anywhere in the mailbox any more: the used one, and the one the
        // reset ended with it.
        const QByteArray everything = get(*m_server, path::DevMailJson, m_adminToken).body;
        QVERIFY(!everything.contains(used.toUtf8()));
        QVERIFY(!everything.contains(other.toUtf8()));
        const QJsonObject redacted = mailWithId(mails.at(0).value("id"_L1).toInteger());
        QVERIFY(redacted.value("body"_L1).toString().contains(
            QString::fromUtf8(Mailbox::SpentLinkMarker)));
        QVERIFY(redacted.value("links"_L1).toArray().isEmpty());
        // Nor in the database underneath.
        QVERIFY(!databaseHolds(used));
    }

    void expiredResetLinkLeavesItsMail()
    {
        QTemporaryDir dir;
        auto server = startServer(dir.path(), true, false);
        QVERIFY(server);
        requestReset(Jimin, server.get());
        const QString token = AdminToken::read(dir.path());
        const auto before = get(*server, path::DevMailJson, token);
        const QString link = tokenOf(before.json.value("mails"_L1).toArray().first().toObject());
        QVERIFY(!link.isEmpty());

        server->clock().advance(ResetStore::ValiditySeconds + 1);
        const auto after = get(*server, path::DevMailJson, token);
        QCOMPARE(after.status, 200);
        QVERIFY(!after.body.contains(link.toUtf8()));
    }

    void withdrawnAndReplacedInvitesLeaveTheirMails()
    {
        const QString workspace = m_server->accounts().createWorkspace(u"금고 팀"_s, u"Vault"_s);
        QVERIFY(!workspace.isEmpty());
        const auto first = admin(path::AdminInvites, {{u"email"_s, u"first.guest@moim.example"_s},
                                                      {u"workspace_id"_s, workspace}});
        QCOMPARE(first.status, 200);
        const QString firstId = first.json.value("invite"_L1).toObject().value("id"_L1).toString();
        const QString firstToken = newestInviteToken(u"first.guest@moim.example"_s);
        QVERIFY(!firstToken.isEmpty());

        // Resending replaces the link: the old one leaves its mail, the new one is there.
        const auto resent = admin(path::AdminInviteResend, {{u"invite_id"_s, firstId}});
        QCOMPARE(resent.status, 200);
        const QString secondToken = newestInviteToken(u"first.guest@moim.example"_s);
        QVERIFY(!secondToken.isEmpty() && secondToken != firstToken);
        QByteArray everything = get(*m_server, path::DevMailJson, m_adminToken).body;
        QVERIFY(!everything.contains(firstToken.toUtf8()));
        QVERIFY(everything.contains(secondToken.toUtf8()));

        // Withdrawing it does the same.
        const QString secondId =
            resent.json.value("invite"_L1).toObject().value("id"_L1).toString();
        const auto revoked = admin(path::AdminInviteRevoke, {{u"invite_id"_s, secondId}});
        QCOMPARE(revoked.status, 200);
        everything = get(*m_server, path::DevMailJson, m_adminToken).body;
        QVERIFY(!everything.contains(secondToken.toUtf8()));
        QVERIFY(!databaseHolds(secondToken));
    }

private:
    static std::unique_ptr<MockServer> startServer(const QString &dataDir, bool demo,
                                                   bool devMailbox)
    {
        ServerConfig config;
        config.port = 0;
        config.dataDir = dataDir;
        config.demo = demo;
        config.devMailbox = devMailbox;
        config.hashLimits = PasswordHasher::Limits::minimal();
        auto server = std::make_unique<MockServer>(config);
        QString error;
        if (!server->start(&error)) {
            qWarning() << "server failed to start:" << error;
            return nullptr;
        }
        return server;
    }

    // The token of a mail's first link: what follows the last '/' (or '#', on the landing page).
    static QString tokenOf(const QJsonObject &mail)
    {
        const QString link = mail.value("links"_L1).toArray().first().toString();
        return link.section(u'/', -1).section(u'#', -1);
    }

    QList<QJsonObject> resetMailsTo(const QString &to)
    {
        QList<QJsonObject> found;
        const auto answer = get(*m_server, path::DevMailJson, m_adminToken);
        for (const QJsonValue &value : answer.json.value("mails"_L1).toArray()) {
            const QJsonObject mail = value.toObject();
            if (mail.value("to"_L1).toString() == to &&
                mail.value("kind"_L1).toString() == "password_reset"_L1)
                found.append(mail);
        }
        return found;
    }

    QJsonObject mailWithId(qint64 id)
    {
        const auto answer = get(*m_server, path::DevMailJson, m_adminToken);
        for (const QJsonValue &value : answer.json.value("mails"_L1).toArray()) {
            if (value.toObject().value("id"_L1).toInteger() == id)
                return value.toObject();
        }
        return {};
    }

    QString newestInviteToken(const QString &to)
    {
        const auto answer = get(*m_server, path::DevMailJson, m_adminToken);
        for (const QJsonValue &value : answer.json.value("mails"_L1).toArray()) {
            const QJsonObject mail = value.toObject();
            if (mail.value("to"_L1).toString() == to &&
                mail.value("kind"_L1).toString() == "invite"_L1)
                return tokenOf(mail);
        }
        return {};
    }

    // Whether any stored mail still holds this text, in any column, as the database has it.
    bool databaseHolds(const QString &text) const
    {
        bool found = true;
        {
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"peek"_s);
            db.setDatabaseName(QDir(m_dir.path()).filePath(u"server.sqlite"_s));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(u"SELECT COUNT(*) FROM mails WHERE instr(body, :text) > 0 OR "
                              "instr(links, :text) > 0 OR instr(COALESCE(link_token, ''), :text) "
                              "> 0"_s);
                query.bindValue(u":text"_s, text);
                if (query.exec() && query.next())
                    found = query.value(0).toInt() > 0;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"peek"_s);
        return found;
    }

    void requestReset(const QString &email, MockServer *server = nullptr)
    {
        MockServer &target = server ? *server : *m_server;
        QNetworkRequest request(target.url().resolved(QUrl(QString(path::PasswordResetRequest))));
        const auto answer = send(request, "POST", json({{u"email"_s, email}}));
        QCOMPARE(answer.status, 200);
    }

    HttpResult post(const QString &apiPath, const QJsonObject &body)
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        return send(request, "POST", json(body));
    }

    HttpResult admin(const QString &apiPath, const QJsonObject &body)
    {
        QNetworkRequest request(m_server->url().resolved(QUrl(apiPath)));
        request.setRawHeader("Authorization", "Bearer " + m_adminToken.toLatin1());
        return send(request, "POST", json(body));
    }

    HttpResult get(const MockServer &server, const QString &apiPath, const QString &bearer = {},
                   const QByteArray &host = {})
    {
        QNetworkRequest request(server.url().resolved(QUrl(apiPath)));
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        if (!host.isEmpty())
            request.setRawHeader("Host", host);
        return send(request, "GET", {});
    }

    static QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(); }

    HttpResult send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body)
    {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader(QByteArray(moim::protocol::ClientHeader), "moim-desktop/0.1.0");
        QNetworkReply *reply = verb == "GET" ? m_network.get(request)
                                             : m_network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.json = QJsonDocument::fromJson(result.body).object();
        reply->deleteLater();
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<MockServer> m_server;
    QString m_adminToken;
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestDevMailbox)
#include "test_dev_mailbox.moc"
