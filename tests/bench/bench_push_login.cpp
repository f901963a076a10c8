// Push sign-in benchmark: the time from the approval on the personal account's phone to the
// desktop signed in, which the product requires to be a push, not a polling interval. Each run
// sends a fresh request from the desktop's PushLogin to the real server process, lists and
// approves it as the phone does (REST, with the phone's personal session), and stops the clock
// when the desktop's SessionManager is signed in. Prints the median (and the range); it asserts
// only that every run signed in.
#include "auth/push_login.h"
#include "auth/session_manager.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>
#include <algorithm>
#include <cstdio>

using namespace moim;
using namespace Qt::StringLiterals;

class BenchPushLogin : public QObject
{
    Q_OBJECT

    static constexpr int Runs = 9;

    static ApiResult call(ApiClient &api, QLatin1StringView path,
                          const std::optional<QJsonObject> &body, const QString &token)
    {
        ApiResult answer;
        bool done = false;
        const auto finished = [&](const ApiResult &result) {
            answer = result;
            done = true;
        };
        if (body)
            api.post(path, *body, token, &api, finished);
        else
            api.get(path, token, &api, finished);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 20000); }();
        return answer;
    }

private Q_SLOTS:
    void approvalToSignedIn()
    {
        test::MockServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.output()));
        test::IsolatedHome home;
        const ServerAddress address = ServerAddress::parse(server.url().toString());

        ApiClient phoneApi(address, u"moim-phone"_s, u"0.1.0"_s);
        const ApiResult login =
            call(phoneApi, protocol::path::PersonalLogin,
                 QJsonObject{{u"personal_account"_s, u"jimin@personal.example"_s},
                             {u"password"_s, u"han-river-evening-walk"_s}},
                 {});
        QVERIFY2(login.ok(), qPrintable(login.error.message));
        const QString phoneToken = login.body.value("token"_L1).toString();

        QList<qint64> samples;
        QList<qint64> pushSamples; // approval sent → push.approved received by the desktop
        for (int run = 0; run < Runs; ++run) {
            ApiClient desktopApi(address, u"moim-desktop"_s, u"0.1.0"_s);
            MemorySecretStore secrets;
            SessionManager sessions(Profile(), &desktopApi, &secrets);
            PushLogin push(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
            push.start(u"jimin@personal.example"_s, false, false);
            QTRY_COMPARE_WITH_TIMEOUT(push.state(), PushLogin::State::WaitingForPhone, 15000);
            const ApiResult pending =
                call(phoneApi, protocol::path::PersonalRequests, std::nullopt, phoneToken);
            const QJsonArray requests = pending.body.value("requests"_L1).toArray();
            QCOMPARE(requests.size(), 1);
            const QString requestId = requests.first().toObject().value("request_id"_L1).toString();

            QElapsedTimer clock;
            qint64 signedInAfterUs = -1;
            qint64 pushedAfterUs = -1;
            connect(&push, &PushLogin::stateChanged, &push, [&](PushLogin::State state) {
                if (state == PushLogin::State::SigningIn && pushedAfterUs < 0)
                    pushedAfterUs = clock.nsecsElapsed() / 1000;
            });
            // Stamped in the signal itself: a QTRY poll would add up to its 50 ms interval.
            connect(&sessions, &SessionManager::stateChanged, &sessions,
                    [&](SessionManager::State state) {
                        if (state == SessionManager::State::SignedIn && signedInAfterUs < 0)
                            signedInAfterUs = clock.nsecsElapsed() / 1000;
                    });
            clock.start();
            phoneApi.post(protocol::path::PersonalApprove,
                          {{u"request_id"_s, requestId}, {u"check_code"_s, push.checkCode()}},
                          phoneToken, &phoneApi, [](const ApiResult &) {});
            QTRY_VERIFY_WITH_TIMEOUT(signedInAfterUs >= 0, 15000);
            samples.append(signedInAfterUs);
            pushSamples.append(pushedAfterUs);
            sessions.logout();
        }
        std::sort(samples.begin(), samples.end());
        std::sort(pushSamples.begin(), pushSamples.end());
        std::printf("\nPush sign-in, %d runs: phone approval sent → desktop signed in (by push, "
                    "then one redeem round trip)\n",
                    Runs);
        std::printf("  median %7.2f ms   min %7.2f ms   max %7.2f ms\n",
                    samples.at(Runs / 2) / 1000.0, samples.first() / 1000.0,
                    samples.last() / 1000.0);
        std::printf(
            "  of which the push (approval sent → push.approved received): median %7.2f ms\n",
            pushSamples.at(Runs / 2) / 1000.0);
    }
};

QTEST_GUILESS_MAIN(BenchPushLogin)
#include "bench_push_login.moc"
