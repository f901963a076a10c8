// Onboarding and recovery end to end against the real server process: invitations from the
// admin subcommand through the dev mailbox to a signed-in member, and password reset.
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "onboarding/deep_link.h"
#include "onboarding/invite_flow.h"
#include "onboarding/password_reset_flow.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto DemoPassword = u"seoul-spring-gathering"_s;
const auto NewPassword = u"jeju-sunrise-hallasan-42"_s;
} // namespace

class TestE2eOnboarding : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    std::unique_ptr<ApiClient> m_api;
    MemorySecretStore m_secrets;
    std::unique_ptr<SessionManager> m_sessions;
    int m_counter = 0;

    QByteArray httpGet(const QString &path, int *status = nullptr,
                       const QByteArray &host = QByteArray(), const QString &bearer = QString())
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_server.url().resolved(QUrl(path)));
        if (!host.isEmpty())
            request.setRawHeader("Host", host);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] { QVERIFY(finished.wait(10000)); }();
        reply->deleteLater();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return reply->readAll();
    }

    QJsonArray mails() { return m_server.mails(); }
    QString newestLink(const QString &to, const QString &kind)
    {
        return m_server.newestLink(to, kind);
    }

    int countMails(const QString &to, const QString &kind)
    {
        int count = 0;
        for (const QJsonValue &value : mails()) {
            const QJsonObject mail = value.toObject();
            count +=
                mail.value("to"_L1).toString() == to && mail.value("kind"_L1).toString() == kind;
        }
        return count;
    }

    QString createWorkspace(const QString &name, const QString &nameEn)
    {
        return m_server.createWorkspace(name, nameEn);
    }

    QString invite(const QString &email, const QString &workspaceId, QString *inviteId = nullptr)
    {
        return m_server.invite(email, workspaceId, inviteId);
    }

    std::unique_ptr<InviteFlow> openInvite(const QString &link)
    {
        const auto parsed = DeepLink::parse(link);
        [&] { QVERIFY2(parsed.has_value(), qPrintable(link)); }();
        auto flow =
            std::make_unique<InviteFlow>(m_sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        flow->start(parsed ? parsed->token : QString());
        [&] { QTRY_VERIFY_WITH_TIMEOUT(flow->state() != InviteFlow::State::Loading, 10000); }();
        return flow;
    }

    void finish(InviteFlow &flow)
    {
        QTRY_VERIFY_WITH_TIMEOUT(flow.state() != InviteFlow::State::Submitting, 20000);
    }

    QString uniqueEmail()
    {
        return u"new.person.%1.%2@moim.example"_s.arg(QDateTime::currentMSecsSinceEpoch())
            .arg(++m_counter);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.output())); }

    void init()
    {
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
    }

    void cleanup()
    {
        m_sessions.reset();
        m_api.reset();
    }

    void invitationMakesANewMember()
    {
        const QString workspace = createWorkspace(u"제주 팀"_s, u"Jeju Team"_s);
        const QString email = uniqueEmail();
        const QString link = invite(email, workspace);
        QVERIFY2(link.startsWith(u"moim://invite/"_s), qPrintable(link));

        auto flow = openInvite(link);
        QCOMPARE(flow->state(), InviteFlow::State::Ready);
        QCOMPARE(flow->preview().workspaceName, u"제주 팀"_s);
        QCOMPARE(flow->preview().inviter, u"김지민"_s);
        QCOMPARE(flow->preview().email, email);
        QVERIFY(!flow->preview().accountExists);
        const qint64 inADay = QDateTime::currentSecsSinceEpoch() + 24 * 3600;
        QVERIFY(qAbs(flow->preview().expiresAt - inADay) < 120);

        // The server holds the same password rule as the meter.
        flow->accept(u"jejujejujeju"_s, u"새 사람"_s, true, false);
        finish(*flow);
        QCOMPARE(flow->state(), InviteFlow::State::Failed);
        QCOMPARE(flow->error().code, ApiError::Code::WeakPassword);
        QCOMPARE(flow->error().reason, u"too_guessable"_s);

        QSignalSpy landing(flow.get(), &InviteFlow::landing);
        flow->accept(NewPassword, u"새 사람"_s, true, false);
        finish(*flow);
        QCOMPARE(flow->state(), InviteFlow::State::SignedIn);
        QCOMPARE(landing.size(), 1);
        QCOMPARE(landing.first().first().toString(), workspace);
        QCOMPARE(m_sessions->state(), SessionManager::State::SignedIn);
        QCOMPARE(m_sessions->account()->identity().displayName, u"새 사람"_s);
        QCOMPARE(m_sessions->account()->workspaces()->rowCount(), 1);
        QCOMPARE(m_sessions->account()->workspaces()->workspaces().first().id, workspace);

        // The same link again: used, and said so.
        auto again = openInvite(link);
        QCOMPARE(again->state(), InviteFlow::State::LinkProblem);
        QCOMPARE(again->error().code, ApiError::Code::InviteUsed);

        // And the new member signs in with the password they chose.
        m_sessions->logout();
        PasswordLogin login(m_sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(email, NewPassword, false, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
    }

    void resendReplacesTheOldLink()
    {
        const QString workspace = createWorkspace(u"부산 디자인"_s, u"Busan Design"_s);
        const QString email = uniqueEmail();
        QString inviteId;
        const QString first = invite(email, workspace, &inviteId);
        QString output;
        QCOMPARE(m_server.admin({u"resend"_s, inviteId}, &output), 0);
        const QString second = newestLink(email, u"invite"_s);
        QVERIFY(second != first);

        auto old = openInvite(first);
        QCOMPARE(old->state(), InviteFlow::State::LinkProblem);
        QCOMPARE(old->error().code, ApiError::Code::InviteReplaced);
        auto fresh = openInvite(second);
        QCOMPARE(fresh->state(), InviteFlow::State::Ready);

        // Revoked: withdrawn, and said so.
        QCOMPARE(m_server.admin({u"invites"_s}, &output), 0);
        const QString pendingId = QRegularExpression(u"i_[0-9a-f]+"_s).match(output).captured(0);
        QVERIFY(!pendingId.isEmpty());
        QCOMPARE(m_server.admin({u"revoke"_s, pendingId}, &output), 0);
        auto revoked = openInvite(second);
        QCOMPARE(revoked->state(), InviteFlow::State::LinkProblem);
        QCOMPARE(revoked->error().code, ApiError::Code::InviteRevoked);
    }

    void existingAccountGainsTheWorkspace()
    {
        const QString workspace = createWorkspace(u"광주 지사"_s, u"Gwangju Office"_s);
        auto flow = openInvite(invite(Jimin, workspace));
        QCOMPARE(flow->state(), InviteFlow::State::Ready);
        QVERIFY(flow->preview().accountExists);

        flow->accept(u"not-jimins-password"_s, QString(), true, false);
        finish(*flow);
        QCOMPARE(flow->state(), InviteFlow::State::Failed);
        QCOMPARE(flow->error().code, ApiError::Code::InvalidCredentials);

        flow->accept(DemoPassword, QString(), true, false);
        finish(*flow);
        QCOMPARE(flow->state(), InviteFlow::State::SignedIn);
        QStringList ids;
        for (const Workspace &w : m_sessions->account()->workspaces()->workspaces())
            ids << w.id;
        QCOMPARE(ids.size(), 4); // her three and the new one, in one account
        QVERIFY(ids.contains(workspace));
    }

    void malformedTokensAreRefusedByTheServerToo()
    {
        for (const QString &token : {u"x"_s, QString(43, u'A'), QString(200, u'b')}) {
            InviteFlow flow(m_sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
            flow.start(token);
            QTRY_VERIFY_WITH_TIMEOUT(flow.state() != InviteFlow::State::Loading, 10000);
            QVERIFY2(flow.state() == InviteFlow::State::LinkProblem ||
                         flow.error().code == ApiError::Code::BadRequest,
                     qPrintable(errorName(flow.error().code)));
        }
    }

    void passwordResetEndsEverySession()
    {
        // Alex is signed in somewhere and connected.
        PasswordLogin login(m_sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        login.submit(Alex, DemoPassword, true, false);
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_sessions->account()->connection(), Account::Connection::Online,
                                  10000);
        QSignalSpy signedOut(m_sessions.get(), &SessionManager::signedOut);

        PasswordResetFlow reset(m_api.get());
        reset.requestMail(u"  Alex.Park@moim.example "_s);
        QTRY_COMPARE_WITH_TIMEOUT(reset.state(), PasswordResetFlow::State::MailRequested, 10000);
        const QString link = newestLink(Alex, u"password_reset"_s);
        const auto parsed = DeepLink::parse(link);
        QVERIFY2(parsed && parsed->kind == DeepLink::Kind::Reset, qPrintable(link));

        reset.start(parsed->token);
        QTRY_COMPARE_WITH_TIMEOUT(reset.state(), PasswordResetFlow::State::Ready, 10000);
        QCOMPARE(reset.email(), Alex);
        reset.complete(u"short"_s);
        QTRY_COMPARE_WITH_TIMEOUT(reset.state(), PasswordResetFlow::State::Failed, 10000);
        QCOMPARE(reset.error().code, ApiError::Code::WeakPassword);
        reset.complete(NewPassword);
        QTRY_COMPARE_WITH_TIMEOUT(reset.state(), PasswordResetFlow::State::Done, 20000);

        // The connected client was signed out at once, and told why.
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 10000);
        QCOMPARE(signedOut.first().first().value<SessionManager::SignOutReason>(),
                 SessionManager::SignOutReason::PasswordReset);
        QCOMPARE(countMails(Alex, u"password_changed"_s), 1);

        // The link works once; the old password is refused, the new one works.
        PasswordResetFlow again(m_api.get());
        again.start(parsed->token);
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), PasswordResetFlow::State::LinkProblem, 10000);
        QCOMPARE(again.error().code, ApiError::Code::ResetUsed);
        PasswordLogin old(m_sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        old.submit(Alex, DemoPassword, false, false);
        QTRY_COMPARE_WITH_TIMEOUT(old.state(), PasswordLogin::State::Failed, 20000);
        QCOMPARE(old.error().code, ApiError::Code::InvalidCredentials);
        PasswordLogin fresh(m_sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
        fresh.submit(Alex, NewPassword, false, false);
        QTRY_COMPARE_WITH_TIMEOUT(fresh.state(), PasswordLogin::State::SignedIn, 20000);
    }

    void resetRequestsLookTheSameAndAreLimited()
    {
        const QString unknown =
            u"nobody.%1@moim.example"_s.arg(QDateTime::currentMSecsSinceEpoch());
        PasswordResetFlow ghost(m_api.get());
        ghost.requestMail(unknown);
        QTRY_COMPARE_WITH_TIMEOUT(ghost.state(), PasswordResetFlow::State::MailRequested, 10000);
        QCOMPARE(countMails(unknown, u"password_reset"_s), 0);

        const int before = countMails(Jimin, u"password_reset"_s);
        for (int i = 0; i < 4; ++i) {
            PasswordResetFlow request(m_api.get());
            request.requestMail(Jimin);
            QTRY_COMPARE_WITH_TIMEOUT(request.state(), PasswordResetFlow::State::MailRequested,
                                      10000);
        }
        // Three an hour: the fourth request is answered the same, but sends nothing.
        QCOMPARE(countMails(Jimin, u"password_reset"_s) - before, 3);
    }

    void devMailboxIsForTheAdminAndEscaped()
    {
        const QString workspace = createWorkspace(u"<b>Bold</b> 팀"_s, u"<script>x</script>"_s);
        const QString email = uniqueEmail();
        invite(email, workspace);
        int status = 0;
        // Its mails open accounts: without the admin token, neither page answers.
        httpGet(u"/dev/mail"_s, &status);
        QCOMPARE(status, 403);
        httpGet(u"/dev/mail.json"_s, &status);
        QCOMPARE(status, 403);
        const QString html =
            QString::fromUtf8(httpGet(u"/dev/mail"_s, &status, {}, m_server.adminToken()));
        QCOMPARE(status, 200);
        QVERIFY(html.contains(u"&lt;b&gt;Bold&lt;/b&gt;"_s));
        QVERIFY(!html.contains(u"<b>Bold</b>"_s));
        QVERIFY(html.contains(u"<a href=\"moim://invite/"_s)); // the mail's own links work
        httpGet(u"/dev/mail.json"_s, &status, "evil.example:80", m_server.adminToken());
        QCOMPARE(status, 403);
        // The admin subcommand shows the same mail to a person at the terminal.
        QString output;
        QCOMPARE(m_server.admin({u"mail"_s, u"--to"_s, email}, &output), 0);
        QVERIFY2(output.contains(newestLink(email.toLower(), u"invite"_s)), qPrintable(output));
        const QString landing = QString::fromUtf8(httpGet(u"/join"_s, &status));
        QCOMPARE(status, 200);
        QVERIFY(landing.contains(u"moim://invite/"_s));
    }

    void newDeviceSignInIsMailed()
    {
        const int before = countMails(Jimin, u"new_sign_in"_s);
        auto signInFrom = [&](const QString &device) {
            ApiResult received;
            bool done = false;
            m_api->post(protocol::path::Login,
                        {{u"email"_s, Jimin},
                         {u"password"_s, DemoPassword},
                         {u"device"_s, QJsonObject{{u"name"_s, device},
                                                   {u"os"_s, u"TestOS"_s},
                                                   {u"kind"_s, u"desktop"_s}}}},
                        {}, this, [&](const ApiResult &result) {
                            received = result;
                            done = true;
                        });
            QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
            QVERIFY(received.ok());
        };
        signInFrom(u"laptop-%1"_s.arg(QDateTime::currentMSecsSinceEpoch()));
        QCOMPARE(countMails(Jimin, u"new_sign_in"_s), before + 1);
        const QString known = u"desk-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        signInFrom(known);
        signInFrom(known); // the same device again: no second mail
        QCOMPARE(countMails(Jimin, u"new_sign_in"_s), before + 2);
    }

    // Last: it moves the server clock.
    void invitationExpiresAfterADay()
    {
        const QString workspace = createWorkspace(u"대전 팀"_s, u"Daejeon Team"_s);
        const QString link = invite(uniqueEmail(), workspace);
        QString output;
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"86401"_s}, &output), 0);
        auto flow = openInvite(link);
        QCOMPARE(flow->state(), InviteFlow::State::LinkProblem);
        QCOMPARE(flow->error().code, ApiError::Code::InviteExpired);
        QCOMPARE(m_server.admin({u"clock"_s, u"--offset"_s, u"0"_s}, &output), 0);
    }
};

QTEST_GUILESS_MAIN(TestE2eOnboarding)
#include "test_e2e_onboarding.moc"
