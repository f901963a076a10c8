#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace moim::server {

// The texts of the mails onboarding, recovery and account security send, in Korean and English (one
// mail holds both: the server does not know which language the reader prefers).
struct OnboardingMail
{
    QString subject;
    QString body;
    QStringList links;

    static OnboardingMail invite(const QUrl &server, const QString &token,
                                 const QString &workspaceName, const QString &inviterName,
                                 qint64 expiresAt);
    static OnboardingMail passwordReset(const QString &token, qint64 expiresAt);
    // After a reset: every session ended.
    static OnboardingMail passwordChanged();
    // Changes made in My account, from the device and address that made them.
    static OnboardingMail passwordChangedInAccount(const QString &deviceName, const QString &ip,
                                                   qint64 at);
    // Turning 2-step on also ends every other session (they have not passed it).
    static OnboardingMail twoStepEnabled(const QString &deviceName, const QString &ip, qint64 at);
    static OnboardingMail twoStepDisabled(const QString &deviceName, const QString &ip, qint64 at);
    static OnboardingMail recoveryCodesRegenerated(const QString &deviceName, const QString &ip,
                                                   qint64 at);
    static OnboardingMail newSignIn(const QString &deviceName, const QString &deviceOs,
                                    const QString &ip, qint64 at);
    // A personal account was linked to, or unlinked from, the work account.
    static OnboardingMail personalLinked(const QString &personalId, const QString &deviceName,
                                         const QString &ip, qint64 at);
    static OnboardingMail personalUnlinked(const QString &personalId, const QString &deviceName,
                                           const QString &ip, qint64 at);
    // The owner reported a push sign-in request they did not make.
    static OnboardingMail pushReported(const QString &personalId, const QString &deviceName,
                                       const QString &deviceOs, const QString &ip, qint64 at,
                                       qint64 blockedUntil);
};

} // namespace moim::server
