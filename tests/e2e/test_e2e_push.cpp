// Linked personal accounts end to end, offscreen: the real mock server process as the
// personal-account provider, the real login window and My account page, and the real
// moim-phone signed in to personal accounts, listing, approving, denying and reporting push
// requests. Expiry is driven by the server's clock (admin clock --advance).
#include "account/account.h"
#include "account/account_security.h"
#include "account/my_account_page.h"
#include "account/personal_link.h"
#include "auth/push_login.h"
#include "auth/session_manager.h"
#include "common/notice.h"
#include "login/code_page.h"
#include "login/invite_page.h"
#include "login/login_window.h"
#include "login/new_password_fields.h"
#include "login/password_page.h"
#include "login/push_page.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "otp/totp.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Alex = u"alex.park@moim.example"_s;
const auto WorkPassword = u"seoul-spring-gathering"_s;
const auto JiminPersonal = u"jimin@personal.example"_s;
const auto AlexPersonal = u"alex@personal.example"_s;
const QByteArray PersonalPassword = "han-river-evening-walk";

struct PhoneRun
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestE2ePush : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    QTemporaryDir m_jiminPhone;
    QTemporaryDir m_alexPhone;

    struct Fixture
    {
        std::unique_ptr<ApiClient> api;
        MemorySecretStore secrets;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<WindowController> windows;
        LoginWindow *login = nullptr;
        PushLogin *push = nullptr;
    };

    std::unique_ptr<Fixture> openLoginWindow()
    {
        auto f = std::make_unique<Fixture>();
        f->api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                             u"moim-desktop"_s, u"0.1.0"_s);
        f->sessions = std::make_unique<SessionManager>(Profile(), f->api.get(), &f->secrets);
        f->windows = std::make_unique<WindowController>(f->sessions.get());
        f->windows->start();
        f->login = f->windows->loginWindow();
        f->push = f->login->pushLogin();
        return f;
    }

    // As a user does: "Personal account" on the sign-in page, the id, then "Send request".
    std::unique_ptr<Fixture> requestPush(const QString &personalId)
    {
        auto f = openLoginWindow();
        QTest::mouseClick(f->login->passwordPage()->pushButton(), Qt::LeftButton);
        PushPage *page = f->login->pushPage();
        QTest::keyClicks(page->idField(), personalId);
        QTest::mouseClick(page->sendButton(), Qt::LeftButton);
        return f;
    }

    // Signs in with the password (no window shown yet) and returns the My account page.
    MyAccountPage *signInAndOpenMyAccount(Fixture &f, const QString &email)
    {
        f.login->passwordLogin()->submit(email, WorkPassword, true, false);
        MainWindow *main = nullptr;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                f.windows->mainWindow() && f.windows->mainWindow()->isVisible(), 15000);
            main = f.windows->mainWindow();
        }();
        if (!main)
            return nullptr;
        MyAccountPage *page = main->openMyAccount();
        page->showPersonalAccount();
        return page;
    }

    static bool waitFor(PushLogin *push, PushLogin::State state)
    {
        bool reached = false;
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(push->state(), state, 15000);
            reached = true;
        }();
        return reached;
    }

    static bool waitFor(PersonalLink *link, PersonalLink::State state)
    {
        bool reached = false;
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(link->state(), state, 15000);
            reached = true;
        }();
        return reached;
    }

    PhoneRun phone(const QTemporaryDir &profile, const QStringList &arguments,
                   const QByteArray &input = {})
    {
        QProcess process;
        process.start(
            test::MockServerProcess::phoneBinary(),
            QStringList{u"--server"_s, m_server.url().toString(), u"--profile"_s, profile.path()} +
                arguments);
        process.write(input);
        process.closeWriteChannel();
        PhoneRun run;
        if (!process.waitForFinished(30000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    // The newest request id `moim-phone pending` lists of this kind ("Sign-in" or "Link").
    static QString requestIdIn(const QString &pendingOutput, const QString &kind)
    {
        const QRegularExpression id(kind + u" request (p_[0-9a-f]+)"_s);
        QString last;
        for (auto it = id.globalMatch(pendingOutput); it.hasNext();)
            last = it.next().captured(1);
        return last;
    }

    static QString otherCode(const QString &code)
    {
        return u"%1"_s.arg((code.toInt() + 37) % 100, 2, 10, QChar(u'0'));
    }

    int mailCount(const QString &to, const QString &kind) const
    {
        int count = 0;
        for (const QJsonValue &value : m_server.mails()) {
            const QJsonObject mail = value.toObject();
            count +=
                mail.value("to"_L1).toString() == to && mail.value("kind"_L1).toString() == kind;
        }
        return count;
    }

    // The server's time, which the tests move: TOTP codes must match it.
    qint64 serverTime() const
    {
        QString output;
        m_server.admin({u"clock"_s}, &output);
        return QRegularExpression(u"Server time (\\d+)"_s).match(output).captured(1).toLongLong();
    }

    static void verifyAccessibleNames(QWidget *page)
    {
        for (QWidget *widget : page->findChildren<QWidget *>()) {
            if (widget->isVisibleTo(page) && widget->focusPolicy() & Qt::TabFocus)
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        for (const auto &[profile, id] :
             {std::pair{&m_jiminPhone, JiminPersonal}, std::pair{&m_alexPhone, AlexPersonal}}) {
            const PhoneRun login =
                phone(*profile, {u"login"_s, u"--personal"_s, id, u"--password-stdin"_s},
                      PersonalPassword);
            QVERIFY2(login.exitCode == 0, qPrintable(login.err));
            QVERIFY2(login.out.contains(id), qPrintable(login.out));
            // Like a phone's app storage: private to its owner.
            const QFileInfo saved(profile->filePath(u"personal.json"_s));
            QVERIFY(saved.exists());
            QCOMPARE(saved.permissions() & (QFile::ReadGroup | QFile::ReadOther |
                                            QFile::WriteGroup | QFile::WriteOther),
                     QFile::Permissions());
        }
        const PhoneRun wrong =
            phone(m_jiminPhone, {u"login"_s, u"--personal"_s, JiminPersonal, u"--password-stdin"_s},
                  "not-the-password");
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains(u"not right"_s), qPrintable(wrong.err));
        // The failed attempt left the saved session alone.
        QCOMPARE(phone(m_jiminPhone, {u"pending"_s}).exitCode, 0);
    }

    void init()
    {
        m_home = std::make_unique<test::IsolatedHome>();
        // The requests of the test before are over.
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"61"_s}), 0);
    }

    void pushWithTheRightNumberSignsIn()
    {
        auto f = requestPush(u" Jimin@Personal.example "_s);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        // The desktop shows the number, big and readable by a screen reader.
        QLabel *number = f->login->pushPage()->checkCodeLabel();
        const QString code = number->text();
        QVERIFY2(QRegularExpression(u"^[0-9]{2}$"_s).match(code).hasMatch(), qPrintable(code));
        QTRY_VERIFY(number->isVisible());
        QVERIFY(number->font().pointSizeF() > 2 * f->login->pushPage()->font().pointSizeF() ||
                number->font().pixelSize() >= 40);
        QVERIFY(number->accessibleName().contains(code.at(0)));
        QVERIFY(f->login->pushPage()->statusText().contains(u"expires in"_s));
        verifyAccessibleNames(f->login->pushPage());

        // The phone lists it with the IP the server saw and the device as the desktop claims it,
        // but never the number.
        const PhoneRun pending = phone(m_jiminPhone, {u"pending"_s});
        QVERIFY2(pending.exitCode == 0, qPrintable(pending.err));
        const QString requestId = requestIdIn(pending.out, u"Sign-in"_s);
        QVERIFY2(!requestId.isEmpty(), qPrintable(pending.out));
        QVERIFY2(pending.out.contains(u"IP address seen by the server: 127.0.0.1"_s),
                 qPrintable(pending.out));
        QVERIFY2(pending.out.contains(u"(as it claims): "_s + QSysInfo::machineHostName()),
                 qPrintable(pending.out));
        QVERIFY2(pending.out.contains(u"Signs in to Moim as: 김지민 <jimin.kim@moim.example>"_s),
                 qPrintable(pending.out));
        QVERIFY(!pending.out.contains(u"--code "_s + code));
        // Another personal account's phone does not see it.
        QVERIFY(requestIdIn(phone(m_alexPhone, {u"pending"_s}).out, u"Sign-in"_s).isEmpty());

        const PhoneRun approve = phone(m_jiminPhone, {u"approve"_s, requestId, u"--code"_s, code});
        QVERIFY2(approve.exitCode == 0, qPrintable(approve.err));
        QVERIFY2(approve.out.contains(u"being signed in"_s), qPrintable(approve.out));
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->state(), SessionManager::State::SignedIn, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 15000);
        QCOMPARE(f->windows->mainWindow()->sidebar()->count(), 3);
        QCOMPARE(f->sessions->account()->identity().email, Jimin);
        f->sessions->logout();
    }

    // A computer may claim any name; on the phone it is one line of data under the server's own
    // lines, never a forged "IP address seen by the server" line or a terminal escape.
    void aForgedDeviceNameCannotForgeThePhonesLines()
    {
        QWebSocket desktop;
        QUrl url = m_server.url();
        url.setScheme(u"ws"_s);
        url.setPath(QString(protocol::path::LoginChannel));
        QNetworkRequest request(url);
        request.setRawHeader(protocol::ClientHeader, "moim-desktop/0.1.0");
        QSignalSpy connected(&desktop, &QWebSocket::connected);
        QSignalSpy frames(&desktop, &QWebSocket::textMessageReceived);
        desktop.open(request);
        QVERIFY(connected.wait(10000));
        const QByteArray secretHash =
            QCryptographicHash::hash("forged-desktop-secret", QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QJsonObject start{
            {u"type"_s, u"push.start"_s},
            {u"request"_s, 1},
            {u"secret_hash"_s, QString::fromLatin1(secretHash)},
            {u"personal_account"_s, JiminPersonal},
            {u"device"_s,
             QJsonObject{
                 {u"name"_s, u"Laptop\n  IP address seen by the server: 10.9.8.7\x1b[31m"_s},
                 {u"os"_s, u"\u202Eexe.txt\x1b]0;title\x07"_s}}}};
        desktop.sendTextMessage(QString::fromUtf8(QJsonDocument(start).toJson()));
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 10000);

        const PhoneRun pending = phone(m_jiminPhone, {u"pending"_s});
        QVERIFY2(pending.exitCode == 0, qPrintable(pending.err));
        QVERIFY2(!requestIdIn(pending.out, u"Sign-in"_s).isEmpty(), qPrintable(pending.out));
        const QStringList lines = pending.out.split(u'\n');
        int seenByServer = 0;
        for (const QString &line : lines) {
            if (line.trimmed().startsWith(u"IP address seen by the server:"_s)) {
                ++seenByServer;
                QCOMPARE(line.trimmed(), u"IP address seen by the server: 127.0.0.1"_s);
            }
            for (const QChar c : line)
                QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x7f && c.unicode() != 0x202E,
                         qPrintable(line));
        }
        QCOMPARE(seenByServer, 1);
        QVERIFY2(pending.out.contains(u"(as it claims): Laptop IP address seen by the server: "
                                      "10.9.8.7[31m, exe.txt]0;title"_s),
                 qPrintable(pending.out));
    }

    void aWrongNumberEndsTheRequest()
    {
        auto f = requestPush(JiminPersonal);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        const QString right = f->push->checkCode();
        const QString requestId =
            requestIdIn(phone(m_jiminPhone, {u"pending"_s}).out, u"Sign-in"_s);
        QVERIFY(!requestId.isEmpty());

        const PhoneRun wrong =
            phone(m_jiminPhone, {u"approve"_s, requestId, u"--code"_s, otherCode(right)});
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains(u"not the number the computer shows"_s), qPrintable(wrong.err));
        QVERIFY(waitFor(f->push, PushLogin::State::Denied));
        QCOMPARE(f->push->endReason(), PushLogin::EndReason::WrongCode);
        QVERIFY2(f->login->pushPage()->statusText().contains(u"didn't match"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        QTRY_VERIFY(f->login->pushPage()->retryButton()->isVisible());

        // The right number afterwards is too late: that request is over.
        const PhoneRun late = phone(m_jiminPhone, {u"approve"_s, requestId, u"--code"_s, right});
        QVERIFY(late.exitCode != 0);
        QVERIFY2(late.err.contains(u"already approved, denied or ended"_s), qPrintable(late.err));
        QCOMPARE(f->sessions->state(), SessionManager::State::SignedOut);

        // "Send a new request" starts over with a new request and a new number.
        QTest::mouseClick(f->login->pushPage()->retryButton(), Qt::LeftButton);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        QVERIFY(requestIdIn(phone(m_jiminPhone, {u"pending"_s}).out, u"Sign-in"_s) != requestId);
    }

    void aDenialIsShown()
    {
        auto f = requestPush(JiminPersonal);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        const QString requestId =
            requestIdIn(phone(m_jiminPhone, {u"pending"_s}).out, u"Sign-in"_s);
        const PhoneRun denied = phone(m_jiminPhone, {u"deny"_s, requestId});
        QVERIFY2(denied.exitCode == 0, qPrintable(denied.err));
        QVERIFY(waitFor(f->push, PushLogin::State::Denied));
        QCOMPARE(f->push->endReason(), PushLogin::EndReason::Denied);
        QVERIFY2(f->login->pushPage()->statusText().contains(u"denied on the phone"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        QCOMPARE(f->sessions->state(), SessionManager::State::SignedOut);
    }

    void anExpiredRequestIsShown()
    {
        auto f = requestPush(JiminPersonal);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        const QString requestId =
            requestIdIn(phone(m_jiminPhone, {u"pending"_s}).out, u"Sign-in"_s);
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"61"_s}), 0);
        QVERIFY(waitFor(f->push, PushLogin::State::Expired));
        QVERIFY2(f->login->pushPage()->statusText().contains(u"expired"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        const PhoneRun pending = phone(m_jiminPhone, {u"pending"_s});
        QVERIFY2(pending.out.contains(u"No pending requests"_s), qPrintable(pending.out));
        const PhoneRun late = phone(m_jiminPhone, {u"approve"_s, requestId, u"--code"_s, u"00"_s});
        QVERIFY(late.exitCode != 0);
    }

    void aFourthPendingRequestIsRefused()
    {
        auto f = openLoginWindow();
        std::vector<std::unique_ptr<PushLogin>> waiting;
        for (int i = 0; i < 3; ++i) {
            waiting.push_back(std::make_unique<PushLogin>(f->sessions.get(),
                                                          DeviceInfo::thisMachine(u"desktop"_s)));
            waiting.back()->start(JiminPersonal);
            QVERIFY(waitFor(waiting.back().get(), PushLogin::State::WaitingForPhone));
        }
        const PhoneRun pending = phone(m_jiminPhone, {u"pending"_s});
        QCOMPARE(pending.out.count(u"Sign-in request p_"_s), 3);

        QTest::mouseClick(f->login->passwordPage()->pushButton(), Qt::LeftButton);
        QTest::keyClicks(f->login->pushPage()->idField(), JiminPersonal);
        QTest::mouseClick(f->login->pushPage()->sendButton(), Qt::LeftButton);
        QVERIFY(waitFor(f->push, PushLogin::State::Failed));
        QCOMPARE(f->push->error().code, ApiError::Code::TooManyPending);
        QVERIFY(f->push->error().retryAfterSeconds >= 1);
        QVERIFY2(f->login->pushPage()->statusText().contains(u"already wait on your phone"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        QCOMPARE(phone(m_jiminPhone, {u"pending"_s}).out.count(u"Sign-in request p_"_s), 3);
    }

    void linkingFromMyAccountNeedsThePhonesApproval()
    {
        auto f = openLoginWindow();
        MyAccountPage *page = signInAndOpenMyAccount(*f, Alex);
        QVERIFY(page);
        PersonalLink *link = f->sessions->account()->security()->personalLink();
        QVERIFY(waitFor(link, PersonalLink::State::NotLinked));
        QCOMPARE(page->tabs()->currentIndex(), 3);
        const int mailsBefore = mailCount(Alex, u"personal_linked"_s);

        QTest::keyClicks(page->personalIdField(), AlexPersonal);
        QTest::mouseClick(page->linkButton(), Qt::LeftButton);
        QVERIFY(waitFor(link, PersonalLink::State::WaitingForPhone));
        const QString code = page->linkCodeLabel()->text();
        QVERIFY2(QRegularExpression(u"^[0-9]{2}$"_s).match(code).hasMatch(), qPrintable(code));
        QTRY_VERIFY(page->linkCodeLabel()->isVisible());
        verifyAccessibleNames(page->tabs()->currentWidget());

        // Nothing is linked before the phone approves.
        const PhoneRun pending = phone(m_alexPhone, {u"pending"_s});
        const QString requestId = requestIdIn(pending.out, u"Link"_s);
        QVERIFY2(!requestId.isEmpty(), qPrintable(pending.out));
        QVERIFY2(pending.out.contains(u"work account: Alex Park <alex.park@moim.example>"_s),
                 qPrintable(pending.out));
        QVERIFY(pending.out.contains(u"IP address seen by the server: 127.0.0.1"_s));
        QCOMPARE(mailCount(Alex, u"personal_linked"_s), mailsBefore);

        const PhoneRun approve = phone(m_alexPhone, {u"approve"_s, requestId, u"--code"_s, code});
        QVERIFY2(approve.exitCode == 0, qPrintable(approve.err));
        QVERIFY2(approve.out.contains(u"now linked"_s), qPrintable(approve.out));
        QVERIFY(waitFor(link, PersonalLink::State::Linked));
        QCOMPARE(link->lastOutcome(), PersonalLink::Outcome::Linked);
        QCOMPARE(page->linkedIdLabel()->text(), AlexPersonal);
        QTRY_VERIFY(page->unlinkButton()->isVisible());
        QVERIFY(page->personalNotice()->message().contains(u"mail"_s));
        QTRY_COMPARE_WITH_TIMEOUT(mailCount(Alex, u"personal_linked"_s), mailsBefore + 1, 10000);

        // A work account links one personal account; a personal account one work account.
        const QJsonObject mail = m_server.mails().first().toObject();
        QVERIFY(mail.value("body"_L1).toString().contains(AlexPersonal));
        f->sessions->logout();
    }

    void anInvitationCanLinkAPersonalAccount()
    {
        QString output;
        QCOMPARE(m_server.admin({u"create-personal"_s, u"nari@personal.example"_s, u"한나리"_s},
                                &output, "jeju-tangerine-harvest\n"),
                 0);
        QVERIFY2(output.contains(u"Created personal account nari@personal.example"_s),
                 qPrintable(output));
        QTemporaryDir nariPhone;
        QCOMPARE(
            phone(nariPhone,
                  {u"login"_s, u"--personal"_s, u"nari@personal.example"_s, u"--password-stdin"_s},
                  "jeju-tangerine-harvest")
                .exitCode,
            0);
        const QString workspace = m_server.createWorkspace(u"제주 팀"_s, u"Jeju Team"_s);
        const QString invite = m_server.invite(u"nari.han@moim.example"_s, workspace);
        QVERIFY(!invite.isEmpty());

        auto f = openLoginWindow();
        f->windows->openLink(invite);
        QTRY_COMPARE_WITH_TIMEOUT(f->login->inviteFlow()->state(), InviteFlow::State::Ready, 15000);
        InvitePage *page = f->login->invitePage();
        page->nameField()->setText(u"한나리"_s);
        page->newPassword()->passwordField()->setText(u"island-wind-and-stone-walls"_s);
        page->newPassword()->confirmField()->setText(u"island-wind-and-stone-walls"_s);
        // Ticked without an id: said at once, nothing sent.
        page->linkPersonalBox()->setChecked(true);
        QTest::mouseClick(page->joinButton(), Qt::LeftButton);
        QVERIFY(page->isErrorVisible());
        QCOMPARE(f->login->inviteFlow()->state(), InviteFlow::State::Ready);
        QTest::keyClicks(page->personalIdField(), u"nari@personal.example"_s);
        QTest::mouseClick(page->joinButton(), Qt::LeftButton);

        // Joined; My account comes up with the number while the phone decides.
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 15000);
        PersonalLink *link = f->sessions->account()->security()->personalLink();
        QVERIFY(waitFor(link, PersonalLink::State::WaitingForPhone));
        MyAccountPage *myAccount = f->windows->mainWindow()->findChild<MyAccountPage *>();
        QVERIFY(myAccount);
        QTRY_VERIFY(myAccount->isVisible());
        QCOMPARE(myAccount->tabs()->currentIndex(), 3);
        QCOMPARE(myAccount->linkCodeLabel()->text(), link->checkCode());

        const QString requestId = requestIdIn(phone(nariPhone, {u"pending"_s}).out, u"Link"_s);
        QVERIFY(!requestId.isEmpty());
        QCOMPARE(
            phone(nariPhone, {u"approve"_s, requestId, u"--code"_s, link->checkCode()}).exitCode,
            0);
        QVERIFY(waitFor(link, PersonalLink::State::Linked));
        QTRY_COMPARE_WITH_TIMEOUT(mailCount(u"nari.han@moim.example"_s, u"personal_linked"_s), 1,
                                  10000);
        f->sessions->logout();
    }

    void twoStepStillFollowsTheApproval()
    {
        // alex (linked above) turns on 2-step verification.
        {
            auto f = openLoginWindow();
            QVERIFY(signInAndOpenMyAccount(*f, Alex));
            AccountSecurity *security = f->sessions->account()->security();
            QString secret;
            security->beginSetup(f->sessions.get(),
                                 [&](const AccountSecurity::Setup &setup, const ApiError &) {
                                     secret = setup.secret;
                                 });
            QTRY_VERIFY_WITH_TIMEOUT(!secret.isEmpty(), 10000);
            const auto key = otp::Totp::fromBase32(secret);
            QVERIFY(key);
            bool enabled = false;
            security->enable(otp::Totp::generate(*key, serverTime()), f->sessions.get(),
                             [&](const QStringList &codes, const ApiError &error) {
                                 enabled = !error.isError() && !codes.isEmpty();
                             });
            QTRY_VERIFY_WITH_TIMEOUT(enabled, 10000);
            m_alexSecret = *key;
            f->sessions->logout();
        }
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"30"_s}), 0);

        auto f = requestPush(AlexPersonal);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        const QString requestId = requestIdIn(phone(m_alexPhone, {u"pending"_s}).out, u"Sign-in"_s);
        QCOMPARE(phone(m_alexPhone, {u"approve"_s, requestId, u"--code"_s, f->push->checkCode()})
                     .exitCode,
                 0);
        // The approval is not the whole sign-in: the code still follows.
        QVERIFY(waitFor(f->push, PushLogin::State::NeedsSecondFactor));
        QCOMPARE(f->login->currentPage(), LoginWindow::Page::SecondFactor);
        QCOMPARE(f->sessions->state(), SessionManager::State::SignedOut);
        CodePage *codePage = f->login->codePage();
        QTest::keyClicks(codePage->codeField(), u"000000"_s);
        QTest::mouseClick(codePage->verifyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(codePage->isErrorVisible(), 10000);
        QCOMPARE(f->push->state(), PushLogin::State::NeedsSecondFactor);
        codePage->codeField()->setText(otp::Totp::generate(m_alexSecret, serverTime()));
        QTest::mouseClick(codePage->verifyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->state(), SessionManager::State::SignedIn, 15000);
        QCOMPARE(f->sessions->account()->identity().email, Alex);
        f->sessions->logout();
    }

    void aReportBlocksFurtherPushes()
    {
        const int reportsBefore = mailCount(Jimin, u"push_reported"_s);
        auto f = requestPush(JiminPersonal);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        const QString requestId =
            requestIdIn(phone(m_jiminPhone, {u"pending"_s}).out, u"Sign-in"_s);
        const PhoneRun report = phone(m_jiminPhone, {u"deny"_s, requestId, u"--report"_s});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QVERIFY2(report.out.contains(u"reported"_s), qPrintable(report.out));
        QVERIFY(waitFor(f->push, PushLogin::State::Denied));
        QCOMPARE(f->push->endReason(), PushLogin::EndReason::Reported);
        QVERIFY2(f->login->pushPage()->statusText().contains(u"reported"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(mailCount(Jimin, u"push_reported"_s), reportsBefore + 1, 10000);

        // Further pushes to that personal account are refused, and the page says why.
        f->login->showPage(LoginWindow::Page::Push);
        QTest::mouseClick(f->login->pushPage()->sendButton(), Qt::LeftButton);
        QVERIFY(waitFor(f->push, PushLogin::State::Failed));
        QCOMPARE(f->push->error().code, ApiError::Code::PushBlocked);
        QVERIFY2(f->login->pushPage()->statusText().contains(u"paused"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        QVERIFY(phone(m_jiminPhone, {u"pending"_s}).out.contains(u"No pending requests"_s));

        // An hour later the block is over.
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"3601"_s}), 0);
        f->login->showPage(LoginWindow::Page::Push);
        QTest::mouseClick(f->login->pushPage()->sendButton(), Qt::LeftButton);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
    }

    void unlinkingEndsPushSignIn()
    {
        const int unlinksBefore = mailCount(Jimin, u"personal_unlinked"_s);
        {
            auto f = openLoginWindow();
            MyAccountPage *page = signInAndOpenMyAccount(*f, Jimin);
            QVERIFY(page);
            PersonalLink *link = f->sessions->account()->security()->personalLink();
            QVERIFY(waitFor(link, PersonalLink::State::Linked));
            QCOMPARE(page->linkedIdLabel()->text(), JiminPersonal);
            QTest::mouseClick(page->unlinkButton(), Qt::LeftButton);
            QVERIFY(waitFor(link, PersonalLink::State::NotLinked));
            QCOMPARE(link->lastOutcome(), PersonalLink::Outcome::Unlinked);
            QTRY_VERIFY(page->linkButton()->isVisible());
            QTRY_COMPARE_WITH_TIMEOUT(mailCount(Jimin, u"personal_unlinked"_s), unlinksBefore + 1,
                                      10000);
            f->sessions->logout();
        }

        // The desktop cannot tell (nobody can probe links), but the phone never gets the request.
        auto f = requestPush(JiminPersonal);
        QVERIFY(waitFor(f->push, PushLogin::State::WaitingForPhone));
        const PhoneRun pending = phone(m_jiminPhone, {u"pending"_s});
        QVERIFY2(pending.out.contains(u"No pending requests"_s), qPrintable(pending.out));
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"61"_s}), 0);
        QVERIFY(waitFor(f->push, PushLogin::State::Expired));
        QCOMPARE(f->sessions->state(), SessionManager::State::SignedOut);
    }

    void badInputGetsClearAnswers()
    {
        auto f = requestPush(u"no"_s);
        QVERIFY(waitFor(f->push, PushLogin::State::Failed));
        QCOMPARE(f->push->error().code, ApiError::Code::InvalidInput);
        QVERIFY2(f->login->pushPage()->statusText().contains(u"at least 3 characters"_s),
                 qPrintable(f->login->pushPage()->statusText()));
        // The id typed stays, for the user to fix.
        QCOMPARE(f->login->pushPage()->idField()->text(), u"no"_s);

        const PhoneRun nonsense =
            phone(m_jiminPhone, {u"approve"_s, u"x_123"_s, u"--code"_s, u"12"_s});
        QCOMPARE(nonsense.exitCode, 2);
        QVERIFY2(nonsense.err.contains(u"not a request id"_s), qPrintable(nonsense.err));
        const PhoneRun qrReport = phone(m_jiminPhone, {u"deny"_s, u"r_123"_s, u"--report"_s});
        QCOMPARE(qrReport.exitCode, 2);
        QTemporaryDir signedOut;
        const PhoneRun noSession = phone(signedOut, {u"pending"_s});
        QVERIFY(noSession.exitCode != 0);
        QVERIFY2(noSession.err.contains(u"login --personal"_s), qPrintable(noSession.err));
    }

private:
    QByteArray m_alexSecret;
};

QTEST_MAIN(TestE2ePush)
#include "test_e2e_push.moc"
