// QR sign-in end to end, offscreen: the real mock server process, the real login window and the
// real moim-phone, which decodes a screenshot of the desktop's QR view with ZXing.
#include "auth/qr_login.h"
#include "auth/qr_login_uri.h"
#include "auth/session_manager.h"
#include "login/login_window.h"
#include "login/password_page.h"
#include "login/qr_code_view.h"
#include "login/qr_page.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

struct PhoneRun
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QString out;
    QString err;
};
} // namespace

class TestE2eQr : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    QTemporaryDir m_phoneProfile;
    QTemporaryDir m_images;
    int m_imageCount = 0;

    struct Fixture
    {
        std::unique_ptr<ApiClient> api;
        MemorySecretStore secrets;
        std::unique_ptr<SessionManager> sessions;
        std::unique_ptr<WindowController> windows;
        LoginWindow *login = nullptr;
        QrLogin *qr = nullptr;
    };

    std::unique_ptr<Fixture> openQrPage(QUrl server = {})
    {
        if (server.isEmpty())
            server = m_server.url();
        auto f = std::make_unique<Fixture>();
        f->api = std::make_unique<ApiClient>(ServerAddress::parse(server.toString()),
                                             u"moim-desktop"_s, u"0.1.0"_s);
        f->sessions = std::make_unique<SessionManager>(Profile(), f->api.get(), &f->secrets);
        f->windows = std::make_unique<WindowController>(f->sessions.get());
        f->windows->start();
        f->login = f->windows->loginWindow();
        f->qr = f->login->qrLogin();
        // As a user does: the QR button on the sign-in page.
        QTest::mouseClick(f->login->passwordPage()->qrButton(), Qt::LeftButton);
        return f;
    }

    // Every control a keyboard can reach on the QR page has a name a screen reader can say.
    static void verifyAccessibleNames(LoginWindow *login)
    {
        QrPage *page = login->qrPage();
        for (QWidget *widget : page->findChildren<QWidget *>()) {
            if (widget->isVisibleTo(page) && widget->focusPolicy() & Qt::TabFocus)
                QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
        QVERIFY(!page->codeView()->accessibleName().isEmpty());
    }

    static bool waitFor(QrLogin *qr, QrLogin::State state)
    {
        bool reached = false;
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(qr->state(), state, 15000);
            reached = true;
        }();
        return reached;
    }

    // The QR view as the screen shows it, saved where the phone can read it.
    QString grabCode(LoginWindow *login)
    {
        const QString path = m_images.filePath(u"code-%1.png"_s.arg(++m_imageCount));
        login->qrPage()->codeView()->grab().save(path);
        return path;
    }

    PhoneRun phone(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        process.start(test::MockServerProcess::phoneBinary(),
                      QStringList{u"--server"_s, m_server.url().toString(), u"--profile"_s,
                                  m_phoneProfile.path()} +
                          arguments);
        process.write(input);
        process.closeWriteChannel();
        PhoneRun run;
        if (!process.waitForFinished(30000))
            return run;
        run.exitCode = process.exitCode();
        run.status = process.exitStatus();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static QString requestIdIn(const QString &scanOutput)
    {
        static const QRegularExpression id(u"Sign-in request (r_[0-9a-f]+)"_s);
        return id.match(scanOutput).captured(1);
    }

    static QString otherCode(const QString &code)
    {
        return u"%1"_s.arg((code.toInt() + 37) % 100, 2, 10, QChar(u'0'));
    }

    QPair<int, QByteArray> post(const QString &path, const QJsonObject &body)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(m_server.url().resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader(protocol::ClientHeader, "moim-desktop/0.1.0");
        QNetworkReply *reply = network.post(request, QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] { QVERIFY(finished.wait(20000)); }();
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                reply->readAll()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        const PhoneRun login =
            phone({u"login"_s, u"--email"_s, Jimin, u"--password-stdin"_s}, Password.toUtf8());
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        // Like a phone's app storage: private to its owner.
        const QFileInfo saved(m_phoneProfile.filePath(u"session.json"_s));
        QVERIFY(saved.exists());
        QCOMPARE(saved.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void scanAndApproveSignsTheDesktopIn()
    {
        auto f = openQrPage();
        QCOMPARE(f->login->currentPage(), LoginWindow::Page::Qr);
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        // The QR holds a session id and a nonce, nothing secret.
        QVERIFY(QrLoginUri::parse(f->qr->uri()).has_value());
        verifyAccessibleNames(f->login);

        const PhoneRun scan = phone({u"scan"_s, u"--image"_s, grabCode(f->login)});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err));
        const QString requestId = requestIdIn(scan.out);
        QVERIFY2(!requestId.isEmpty(), qPrintable(scan.out));
        // What the phone shows: the IP the server saw, the time, and the claimed device.
        QVERIFY2(scan.out.contains(u"IP address seen by the server: 127.0.0.1"_s),
                 qPrintable(scan.out));
        QVERIFY2(scan.out.contains(u"(as it claims): "_s + QSysInfo::machineHostName()),
                 qPrintable(scan.out));
        QVERIFY(scan.out.contains(u"Requested at: "_s));

        // The desktop shows the number to confirm, big and readable by a screen reader.
        QVERIFY(waitFor(f->qr, QrLogin::State::Scanned));
        QLabel *check = f->login->qrPage()->checkCodeLabel();
        const QString code = check->text();
        QVERIFY2(QRegularExpression(u"^[0-9]{2}$"_s).match(code).hasMatch(), qPrintable(code));
        QTRY_VERIFY(check->isVisible());
        QVERIFY(check->accessibleName().contains(code.at(0)));
        QVERIFY(check->accessibleDescription().contains(code));
        verifyAccessibleNames(f->login);

        const PhoneRun approve = phone({u"approve"_s, requestId, u"--code"_s, code});
        QVERIFY2(approve.exitCode == 0, qPrintable(approve.err));
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->state(), SessionManager::State::SignedIn, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(f->windows->mainWindow() && f->windows->mainWindow()->isVisible(),
                                 15000);
        QCOMPARE(f->windows->mainWindow()->sidebar()->count(), 3);
        QCOMPARE(f->sessions->account()->identity().email, Jimin);
        f->sessions->logout();
    }

    void aWrongCodeEndsTheRequest()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        const PhoneRun scan = phone({u"scan"_s, u"--image"_s, grabCode(f->login)});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err));
        QVERIFY(waitFor(f->qr, QrLogin::State::Scanned));
        const QString right = f->qr->checkCode();

        const PhoneRun wrong =
            phone({u"approve"_s, requestIdIn(scan.out), u"--code"_s, otherCode(right)});
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.err.contains(u"not the number the computer shows"_s), qPrintable(wrong.err));
        QVERIFY(waitFor(f->qr, QrLogin::State::Denied));
        QCOMPARE(f->qr->endReason(), QrLogin::EndReason::WrongCode);
        QVERIFY2(f->login->qrPage()->statusText().contains(u"didn't match"_s),
                 qPrintable(f->login->qrPage()->statusText()));
        QTRY_VERIFY(f->login->qrPage()->newCodeButton()->isVisible());

        // The right number afterwards is too late: that request is over.
        const PhoneRun late = phone({u"approve"_s, requestIdIn(scan.out), u"--code"_s, right});
        QVERIFY(late.exitCode != 0);
        QVERIFY2(late.err.contains(u"already used"_s), qPrintable(late.err));
        QCOMPARE(f->sessions->state(), SessionManager::State::SignedOut);

        // "Show a new code" starts over with a fresh code.
        const QString oldUri = f->qr->uri();
        QTest::mouseClick(f->login->qrPage()->newCodeButton(), Qt::LeftButton);
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        QVERIFY(f->qr->uri() != oldUri);
    }

    void aDenialIsShown()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        const PhoneRun scan = phone({u"scan"_s, u"--image"_s, grabCode(f->login)});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err));
        const PhoneRun denied = phone({u"deny"_s, requestIdIn(scan.out)});
        QVERIFY2(denied.exitCode == 0, qPrintable(denied.err));
        QVERIFY(waitFor(f->qr, QrLogin::State::Denied));
        QCOMPARE(f->qr->endReason(), QrLogin::EndReason::Denied);
        QVERIFY(f->login->qrPage()->statusText().contains(u"denied"_s));
    }

    void anImageFromBeforeARotationNoLongerWorks()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        const QString before = grabCode(f->login);
        const QString oldUri = f->qr->uri();
        // What the refresh timer does when the server's 30 s are up.
        f->qr->refreshCode();
        QTRY_VERIFY_WITH_TIMEOUT(f->qr->uri() != oldUri, 10000);
        const QString after = grabCode(f->login);

        const PhoneRun stale = phone({u"scan"_s, u"--image"_s, before});
        QVERIFY(stale.exitCode != 0);
        QVERIFY2(stale.err.contains(u"expired or was replaced"_s), qPrintable(stale.err));
        QCOMPARE(f->qr->state(), QrLogin::State::Waiting);
        const PhoneRun fresh = phone({u"scan"_s, u"--image"_s, after});
        QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.err));
        QVERIFY(waitFor(f->qr, QrLogin::State::Scanned));
    }

    void theRefreshIsArmedFromTheServersExpiry()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        // 30 s nonce, refreshed a moment before it lapses.
        QVERIFY2(f->qr->msUntilRefresh() > 25000 && f->qr->msUntilRefresh() <= 30000,
                 qPrintable(QString::number(f->qr->msUntilRefresh())));
    }

    void aCodeOlderThan30SecondsIsRefused()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        const QString image = grabCode(f->login);
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"31"_s}), 0);
        const PhoneRun late = phone({u"scan"_s, u"--image"_s, image});
        QVERIFY(late.exitCode != 0);
        QVERIFY2(late.err.contains(u"expired"_s), qPrintable(late.err));
    }

    void afterFiveMinutesTheDesktopOffersANewCode()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        QCOMPARE(m_server.admin({u"clock"_s, u"--advance"_s, u"301"_s}), 0);
        f->qr->refreshCode();
        QVERIFY(waitFor(f->qr, QrLogin::State::Expired));
        QVERIFY(f->login->qrPage()->statusText().contains(u"expired"_s));
        QPushButton *newCode = f->login->qrPage()->newCodeButton();
        QTRY_VERIFY(newCode->isVisible());
        QCOMPARE(newCode->text(), u"Show a new code"_s);
        QTest::mouseClick(newCode, Qt::LeftButton);
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
    }

    void aCopiedQrGivesASecondClientNothing()
    {
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        const auto copied = QrLoginUri::parse(f->qr->uri());
        QVERIFY(copied);
        const PhoneRun scan = phone({u"scan"_s, u"--image"_s, grabCode(f->login)});
        QVERIFY2(scan.exitCode == 0, qPrintable(scan.err));
        QVERIFY(waitFor(f->qr, QrLogin::State::Scanned));
        const PhoneRun approve =
            phone({u"approve"_s, requestIdIn(scan.out), u"--code"_s, f->qr->checkCode()});
        QVERIFY2(approve.exitCode == 0, qPrintable(approve.err));

        // Someone who copied the QR tries to redeem the approved session: without the desktop's
        // secret there is nothing to get, before or after the desktop itself redeems.
        const QJsonObject attempt{{u"qr_session"_s, copied->session},
                                  {u"secret"_s, u"guessed-secret-0123456789abcdef"_s}};
        const auto first = post(QString(protocol::path::QrRedeem), attempt);
        QCOMPARE(first.first, 401);
        QVERIFY(!first.second.contains("access_token"));
        QTRY_COMPARE_WITH_TIMEOUT(f->sessions->state(), SessionManager::State::SignedIn, 15000);
        const auto second = post(QString(protocol::path::QrRedeem), attempt);
        QCOMPARE(second.first, 401);
        QVERIFY(!second.second.contains("access_token"));
        f->sessions->logout();
    }

    void foreignAndReusedCodesGiveClearMessages()
    {
        // A well-formed Moim code this server never issued (another server's, say).
        const QString foreign = m_images.filePath(u"foreign.png"_s);
        QVERIFY(QrCodeView::render(u"moim://qr-login?s=q_0123456789abcdef01234567&n="
                                   "n0123456789abcdef01234567"_s,
                                   6)
                    .save(foreign));
        const PhoneRun unknown = phone({u"scan"_s, u"--image"_s, foreign});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(u"another Moim server"_s), qPrintable(unknown.err));

        // A code scanned once cannot be scanned again.
        auto f = openQrPage();
        QVERIFY(waitFor(f->qr, QrLogin::State::Waiting));
        const QString image = grabCode(f->login);
        QCOMPARE(phone({u"scan"_s, u"--image"_s, image}).exitCode, 0);
        const PhoneRun again = phone({u"scan"_s, u"--image"_s, image});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(u"already used"_s), qPrintable(again.err));
    }

    void withoutTheServerThePageSaysOffline()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        QUrl nowhere;
        nowhere.setScheme(u"http"_s);
        nowhere.setHost(u"127.0.0.1"_s);
        nowhere.setPort(probe.serverPort());
        probe.close();
        auto f = openQrPage(nowhere);
        QVERIFY(waitFor(f->qr, QrLogin::State::Offline));
        QVERIFY2(f->login->qrPage()->statusText().contains(u"offline"_s),
                 qPrintable(f->login->qrPage()->statusText()));
        QTRY_VERIFY(f->login->qrPage()->newCodeButton()->isVisible());
    }

    void loginChannelsAreCappedPerIp()
    {
        // A fresh server, so that the other tests' channels do not count.
        test::MockServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        QUrl url = server.url();
        url.setScheme(u"ws"_s);
        url.setPath(QString(protocol::path::LoginChannel));
        std::vector<std::unique_ptr<QWebSocket>> sockets;
        for (int i = 0; i < 6; ++i) {
            auto socket = std::make_unique<QWebSocket>();
            QSignalSpy connected(socket.get(), &QWebSocket::connected);
            socket->open(url);
            QVERIFY(connected.wait(10000));
            sockets.push_back(std::move(socket));
        }
        // The sixth anonymous channel from one address is refused and closed.
        QWebSocket *extra = sockets.back().get();
        QTRY_COMPARE_WITH_TIMEOUT(extra->state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(int(extra->closeCode()), protocol::closeCode::TooManyChannels);
        QCOMPARE(sockets.front()->state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_MAIN(TestE2eQr)
#include "test_e2e_qr.moc"
