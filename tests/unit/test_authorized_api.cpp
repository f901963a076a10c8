// The one path for calls on an account's behalf, against a fake transport: the token is
// attached; calls that meet an expired token share one refresh and are replayed once with the
// new token; a failed refresh ends them with the reason; and through a real Account, a refused
// refresh ends the session exactly once however many calls were waiting.
#include "account/account.h"
#include "auth/session_grant.h"
#include "fake_api_client.h"
#include "net/authorized_api.h"
#include "protocol/protocol.h"

#include <QSignalSpy>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using test::FakeApiClient;

class TestAuthorizedApi : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        int calls = 0;
        ApiResult last;
    };

private Q_SLOTS:
    void attachesTheToken()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"token-1"_s);
        Outcome outcome;
        authorized.get(u"/api/v1/sync"_s, this, [&](const ApiResult &result) {
            ++outcome.calls;
            outcome.last = result;
        });
        QCOMPARE(api.calls.size(), 1);
        QCOMPARE(api.calls.first().accessToken, u"token-1"_s);
        api.answerOk(0, {{u"ok"_s, true}});
        QCOMPARE(outcome.calls, 1);
        QVERIFY(outcome.last.ok());
    }

    void concurrentCallsShareOneRefreshAndAreReplayed()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"old"_s);
        QSignalSpy refreshNeeded(&authorized, &AuthorizedApi::refreshNeeded);
        Outcome outcomes[3];
        for (Outcome &outcome : outcomes) {
            authorized.post(u"/api/v1/conversations/c/messages"_s, {}, this,
                            [&outcome](const ApiResult &result) {
                                ++outcome.calls;
                                outcome.last = result;
                            });
        }
        for (int i = 0; i < 3; ++i)
            api.answerError(i, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        // One refresh for all three; nobody has been answered yet.
        QCOMPARE(refreshNeeded.size(), 1);
        QVERIFY(authorized.isRefreshing());
        for (const Outcome &outcome : outcomes)
            QCOMPARE(outcome.calls, 0);
        // A call made meanwhile waits for the new token instead of collecting a refusal.
        Outcome later;
        authorized.get(u"/api/v1/sync"_s, this, [&](const ApiResult &result) {
            ++later.calls;
            later.last = result;
        });
        QCOMPARE(api.calls.size(), 3);

        authorized.setAccessToken(u"new"_s);
        QCOMPARE(api.calls.size(), 7);
        for (int i = 3; i < 7; ++i) {
            QCOMPARE(api.calls.at(i).accessToken, u"new"_s);
            api.answerOk(i, {});
        }
        for (const Outcome &outcome : outcomes) {
            QCOMPARE(outcome.calls, 1);
            QVERIFY(outcome.last.ok());
        }
        QCOMPARE(later.calls, 1);
        QCOMPARE(refreshNeeded.size(), 1);
    }

    void aPieceThatMetAnExpiredTokenIsReplayedWithItsBytes()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"token-1"_s);
        QSignalSpy refreshNeeded(&authorized, &AuthorizedApi::refreshNeeded);
        std::optional<PieceResult> answer;
        const QByteArray piece(100, 'x');
        authorized.sendPiece(u"/api/v1/uploads/up_1"_s, 65536, piece, this, {},
                             [&](const PieceResult &result) { answer = result; });
        QCOMPARE(api.calls.size(), 1);
        QCOMPARE(api.calls.first().method, ApiClient::Method::Patch);
        QCOMPARE(api.calls.first().offset, 65536);
        api.answerError(0, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        QCOMPARE(refreshNeeded.size(), 1);
        QVERIFY(!answer);

        authorized.setAccessToken(u"token-2"_s);
        QCOMPARE(api.calls.size(), 2);
        QCOMPARE(api.calls.at(1).accessToken, u"token-2"_s);
        QCOMPARE(api.calls.at(1).offset, 65536);
        QCOMPARE(api.calls.at(1).bytes, piece);
        api.answerPiece(1, 65636);
        QVERIFY(answer && answer->result.ok());
        QCOMPARE(answer->uploadOffset, std::optional<qint64>(65636));
    }

    void aCallIsReplayedAtMostOnce()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"old"_s);
        QSignalSpy refreshNeeded(&authorized, &AuthorizedApi::refreshNeeded);
        Outcome outcome;
        authorized.get(u"/api/v1/account/security"_s, this, [&](const ApiResult &result) {
            ++outcome.calls;
            outcome.last = result;
        });
        api.answerError(0, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        authorized.setAccessToken(u"new"_s);
        // Refused again with the fresh token: the caller hears it; no loop of refreshes.
        api.answerError(1, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.last.error.code, ApiError::Code::InvalidToken);
        QCOMPARE(refreshNeeded.size(), 1);
        QCOMPARE(api.calls.size(), 2);
    }

    void aCallThatMetAnOldTokenAfterARefreshIsReplayedAtOnce()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"old"_s);
        QSignalSpy refreshNeeded(&authorized, &AuthorizedApi::refreshNeeded);
        Outcome outcome;
        authorized.get(u"/api/v1/sessions"_s, this, [&](const ApiResult &result) {
            ++outcome.calls;
            outcome.last = result;
        });
        // Renewed on schedule while the call was out with the old token.
        authorized.setAccessToken(u"new"_s);
        api.answerError(0, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        QCOMPARE(refreshNeeded.size(), 0);
        QCOMPARE(api.calls.size(), 2);
        QCOMPARE(api.calls.at(1).accessToken, u"new"_s);
        api.answerOk(1, {});
        QCOMPARE(outcome.calls, 1);
        QVERIFY(outcome.last.ok());
    }

    void aFailedRefreshEndsTheWaitingCallsWithTheReason()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"old"_s);
        Outcome outcomes[2];
        for (Outcome &outcome : outcomes) {
            authorized.get(u"/api/v1/sync"_s, this, [&outcome](const ApiResult &result) {
                ++outcome.calls;
                outcome.last = result;
            });
        }
        api.answerError(0, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        api.answerError(1, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        // No network for the refresh: transient, so the callers retry on their own later.
        authorized.refreshFailed(ApiError::fromCode(ApiError::Code::Network));
        for (const Outcome &outcome : outcomes) {
            QCOMPARE(outcome.calls, 1);
            QCOMPARE(outcome.last.error.code, ApiError::Code::Network);
        }
        QVERIFY(!authorized.isRefreshing());
        QCOMPARE(api.calls.size(), 2);
    }

    void aCallWhoseOwnerIsGoneIsNotAnswered()
    {
        FakeApiClient api;
        AuthorizedApi authorized(&api);
        authorized.setAccessToken(u"old"_s);
        int calls = 0;
        auto owner = std::make_unique<QObject>();
        authorized.get(u"/api/v1/sync"_s, owner.get(), [&](const ApiResult &) { ++calls; });
        api.answerError(0, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        owner.reset();
        authorized.setAccessToken(u"new"_s);
        QCOMPARE(api.calls.size(), 1); // not replayed for nobody
        QCOMPARE(calls, 0);
    }

    void aRefusedRefreshSignsTheAccountOutExactlyOnce()
    {
        FakeApiClient api;
        Account account(AccountIdentity{u"u_me"_s, u"me@moim.example"_s, u"나"_s}, &api, nullptr);
        SessionGrant grant;
        grant.sessionId = u"s_1"_s;
        grant.accessToken = u"old"_s;
        grant.accessExpiresIn = 900;
        grant.refreshToken = u"refresh-1"_s;
        grant.account = account.identity();
        account.applyGrant(grant);
        QSignalSpy ended(&account, &Account::sessionEnded);
        api.calls.clear(); // what going online asked for is not this test's business

        Outcome outcomes[3];
        for (Outcome &outcome : outcomes) {
            account.api()->get(u"/api/v1/account/security"_s, this,
                               [&outcome](const ApiResult &result) {
                                   ++outcome.calls;
                                   outcome.last = result;
                               });
        }
        for (int i = 0; i < 3; ++i)
            api.answerError(i, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        // Exactly one refresh went out, with the refresh token.
        QCOMPARE(api.calls.size(), 4);
        QCOMPARE(api.calls.at(3).path, QString(protocol::path::Refresh));
        QCOMPARE(api.calls.at(3).body.value("refresh_token"_L1).toString(), u"refresh-1"_s);
        // The session was ended elsewhere: the refresh is refused.
        api.answerError(3, ApiError::Code::InvalidToken, 401, u"invalid_token"_s);
        QCOMPARE(ended.size(), 1);
        for (const Outcome &outcome : outcomes) {
            QCOMPARE(outcome.calls, 1);
            QCOMPARE(outcome.last.error.code, ApiError::Code::InvalidToken);
        }
        // Later calls meet the same refusal without a second "signed out".
        Outcome late;
        account.api()->get(u"/api/v1/sync"_s, this, [&](const ApiResult &result) {
            ++late.calls;
            late.last = result;
        });
        api.answerError(api.calls.size() - 1, ApiError::Code::InvalidToken, 401,
                        u"invalid_token"_s);
        QCOMPARE(late.calls, 1);
        QCOMPARE(ended.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuthorizedApi)
#include "test_authorized_api.moc"
