// TokenService: issue, rotation, the reuse grace period, reuse detection, the 30-day limit,
// logout and revocation by proof — all driven by moving the server Clock.
#include "clock.h"
#include "database.h"
#include "token_service.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <protocol/protocol.h>

using namespace moim::server;
namespace limits = moim::protocol::limits;

class TestTokenService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<Clock>();
        m_database = std::make_unique<Database>();
        QString error;
        QVERIFY2(m_database->open(m_dir->filePath(QStringLiteral("t.sqlite")), &error),
                 qPrintable(error));
        QSqlQuery query(m_database->handle());
        QVERIFY(query.exec(
            QStringLiteral("INSERT INTO users (id, email, display_name, password_hash, created_at) "
                           "VALUES ('u_1', 'a@b.example', 'A', 'x', 0)")));
        m_tokens = std::make_unique<TokenService>(*m_database, *m_clock);
    }

    void cleanup()
    {
        m_tokens.reset();
        m_database.reset();
        m_dir.reset();
    }

    void issue()
    {
        const auto grant = createSession();
        QVERIFY(grant.sessionId.startsWith(QStringLiteral("s_")));
        QCOMPARE(grant.accessExpiresIn, limits::AccessTokenSeconds);
        QCOMPARE(grant.refreshExpiresAt, m_clock->now() + limits::SessionMaxSeconds);
        // 256 bits in base64url without padding.
        QCOMPARE(grant.accessToken.size(), 43);
        QCOMPARE(grant.refreshToken.size(), 43);
        QVERIFY(!grant.accessToken.contains(QLatin1Char('=')));
        const auto session = m_tokens->authenticate(grant.accessToken);
        QVERIFY(session);
        QCOMPARE(session->sessionId, grant.sessionId);
        QCOMPARE(session->userId, QStringLiteral("u_1"));
        QVERIFY(!m_tokens->authenticate(grant.refreshToken)); // not interchangeable
        QVERIFY(!storedAnywhere(grant.accessToken));
        QVERIFY(!storedAnywhere(grant.refreshToken));
    }

    void accessTokenExpires()
    {
        const auto grant = createSession();
        m_clock->advance(limits::AccessTokenSeconds - 1);
        QVERIFY(m_tokens->authenticate(grant.accessToken));
        m_clock->advance(1);
        QVERIFY(!m_tokens->authenticate(grant.accessToken));
        QVERIFY(m_tokens->isLive(grant.sessionId)); // the session itself lives on
    }

    void rotate()
    {
        const auto first = createSession();
        const auto second = m_tokens->refresh(first.refreshToken);
        QVERIFY(second);
        QCOMPARE(second->sessionId, first.sessionId);
        QVERIFY(second->refreshToken != first.refreshToken);
        QVERIFY(second->accessToken != first.accessToken);
        QVERIFY(m_tokens->authenticate(second->accessToken));
        const auto third = m_tokens->refresh(second->refreshToken);
        QVERIFY(third);
        QVERIFY(third->refreshToken != second->refreshToken);
        QVERIFY(!m_tokens->refresh(QStringLiteral("not-a-token")));
    }

    void reuseWithinGraceReturnsSameSuccessor()
    {
        const auto first = createSession();
        const auto second = m_tokens->refresh(first.refreshToken);
        QVERIFY(second);
        // The successor is kept only encrypted, never in plain text.
        QVERIFY(!storedAnywhere(second->refreshToken));
        m_clock->advance(limits::RefreshGraceSeconds);
        const auto again = m_tokens->refresh(first.refreshToken);
        QVERIFY(again);
        QCOMPARE(again->refreshToken, second->refreshToken);
        QVERIFY(again->accessToken != second->accessToken);
        QVERIFY(m_tokens->authenticate(again->accessToken));
        QVERIFY(m_tokens->isLive(first.sessionId));
        // The successor still rotates normally.
        QVERIFY(m_tokens->refresh(second->refreshToken));
    }

    void reuseAfterTheSuccessorWasUsedRevokesChain()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        const auto first = createSession();
        const auto second = m_tokens->refresh(first.refreshToken);
        QVERIFY(second);
        const auto third = m_tokens->refresh(second->refreshToken);
        QVERIFY(third);
        // Still within the grace period, but the chain has moved on: a replay is a theft.
        QVERIFY(!m_tokens->refresh(first.refreshToken));
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(revoked.at(0).at(2).toString(), QStringLiteral("reuse_detected"));
        QVERIFY(!m_tokens->refresh(third->refreshToken));
        QVERIFY(!m_tokens->authenticate(third->accessToken));
    }

    void reuseAfterGraceRevokesChain()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        const auto first = createSession();
        const auto second = m_tokens->refresh(first.refreshToken);
        QVERIFY(second);
        m_clock->advance(limits::RefreshGraceSeconds + 1);
        QVERIFY(!m_tokens->refresh(first.refreshToken));
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(revoked.at(0).at(0).toString(), first.sessionId);
        QCOMPARE(revoked.at(0).at(2).toString(), QStringLiteral("reuse_detected"));
        QVERIFY(!m_tokens->isLive(first.sessionId));
        QVERIFY(!m_tokens->refresh(second->refreshToken));
        QVERIFY(!m_tokens->authenticate(second->accessToken));
    }

    void thirtyDayLimit()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        auto grant = createSession();
        // Refreshing every few days does not extend the session.
        for (int week = 0; week < 4; ++week) {
            m_clock->advance(7 * 24 * 3600);
            const auto next = m_tokens->refresh(grant.refreshToken);
            QVERIFY(next);
            QCOMPARE(next->refreshExpiresAt, grant.refreshExpiresAt);
            grant = *next;
        }
        m_clock->setOffset(limits::SessionMaxSeconds - 1);
        QVERIFY(m_tokens->refresh(grant.refreshToken));
        m_clock->setOffset(limits::SessionMaxSeconds);
        const auto last = m_tokens->refresh(grant.refreshToken);
        QVERIFY(!last);
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(revoked.at(0).at(2).toString(), QStringLiteral("expired"));
    }

    void sweepEndsExpiredSessions()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        const auto grant = createSession();
        m_tokens->sweepExpired();
        QCOMPARE(revoked.size(), 0);
        m_clock->advance(limits::SessionMaxSeconds);
        m_tokens->sweepExpired();
        QCOMPARE(revoked.size(), 1);
        QVERIFY(!m_tokens->isLive(grant.sessionId));
    }

    void logout()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        const auto grant = createSession();
        const auto viaRefresh = m_tokens->sessionForRefreshToken(grant.refreshToken);
        QVERIFY(viaRefresh);
        QCOMPARE(viaRefresh->sessionId, grant.sessionId);
        m_tokens->revokeSession(grant.sessionId, moim::protocol::revokeReason::Logout);
        QCOMPARE(revoked.size(), 1);
        QCOMPARE(revoked.at(0).at(2).toString(), QStringLiteral("logout"));
        QVERIFY(!m_tokens->authenticate(grant.accessToken));
        QVERIFY(!m_tokens->refresh(grant.refreshToken));
        QVERIFY(!m_tokens->sessionForRefreshToken(grant.refreshToken));
        // Idempotent, and silent the second time.
        m_tokens->revokeSession(grant.sessionId, moim::protocol::revokeReason::Logout);
        QCOMPARE(revoked.size(), 1);
    }

    void revokeByProof()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        const auto first = createSession();
        const auto second = m_tokens->refresh(first.refreshToken);
        QVERIFY(second);
        // Wrong proofs, including the proof of a superseded token, change nothing.
        m_tokens->revokeByProof(first.sessionId, QStringLiteral("nonsense"));
        m_tokens->revokeByProof(first.sessionId, TokenService::proofFor(first.refreshToken));
        m_tokens->revokeByProof(QStringLiteral("s_unknown"),
                                TokenService::proofFor(second->refreshToken));
        QVERIFY(m_tokens->isLive(first.sessionId));
        QCOMPARE(revoked.size(), 0);
        m_tokens->revokeByProof(first.sessionId, TokenService::proofFor(second->refreshToken));
        QVERIFY(!m_tokens->isLive(first.sessionId));
        QCOMPARE(revoked.size(), 1);
    }

    void revokeAllForUser()
    {
        QSignalSpy revoked(m_tokens.get(), &TokenService::sessionRevoked);
        const auto a = createSession();
        const auto b = createSession();
        m_tokens->revokeAllForUser(QStringLiteral("u_1"),
                                   moim::protocol::revokeReason::Deactivated);
        QCOMPARE(revoked.size(), 2);
        QVERIFY(!m_tokens->isLive(a.sessionId));
        QVERIFY(!m_tokens->isLive(b.sessionId));
    }

private:
    TokenService::Grant createSession()
    {
        const auto grant = m_tokens->createSession(
            QStringLiteral("u_1"),
            {QStringLiteral("laptop"), QStringLiteral("Debian"), QStringLiteral("desktop")});
        if (!grant)
            qFatal("createSession failed");
        return *grant;
    }

    // Whether a secret appears in any stored column of the token tables.
    bool storedAnywhere(const QString &secret) const
    {
        for (const auto *table : {"sessions", "access_tokens", "refresh_tokens"}) {
            QSqlQuery query(m_database->handle());
            if (!query.exec(QStringLiteral("SELECT * FROM %1").arg(QLatin1StringView(table))))
                qFatal("query failed");
            while (query.next()) {
                for (int i = 0; i < query.record().count(); ++i) {
                    const QByteArray value = query.value(i).toByteArray();
                    if (value.contains(secret.toLatin1()))
                        return true;
                }
            }
        }
        return false;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Clock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TokenService> m_tokens;
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "test_token_service.moc"
