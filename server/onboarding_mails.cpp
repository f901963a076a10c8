#include "onboarding_mails.h"

#include <QDateTime>

namespace moim::server {

using namespace Qt::StringLiterals;

namespace {
QString when(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch).toString(u"yyyy-MM-dd HH:mm"_s);
}
} // namespace

OnboardingMail OnboardingMail::invite(const QUrl &server, const QString &token,
                                      const QString &workspaceName, const QString &inviterName,
                                      qint64 expiresAt)
{
    const QString appLink = u"moim://invite/"_s + token;
    // The landing page gets the token in the fragment, which browsers never send to a server.
    QUrl landing = server;
    landing.setPath(u"/join"_s);
    landing.setFragment(token);
    OnboardingMail mail;
    mail.subject =
        u"[모임] %1 워크스페이스에 초대되었습니다 / You're invited to %1"_s.arg(workspaceName);
    mail.body = u"%1님이 %2 워크스페이스에 초대했습니다.\n"
                "아래 [가입하기] 링크로 모임을 열어 비밀번호를 설정하세요. 링크는 한 번만 쓸 수 "
                "있으며 %3까지 유효합니다.\n\n"
                "%1 invited you to the %2 workspace on Moim.\n"
                "Open the link below in Moim to set your password. It works once and expires "
                "at %3.\n\n"
                "가입하기 / Join: %4\n"
                "모임이 열리지 않으면 / If Moim does not open: %5\n"_s.arg(
                    inviterName, workspaceName, when(expiresAt), appLink,
                    landing.toString(QUrl::FullyEncoded));
    mail.links = {appLink, landing.toString(QUrl::FullyEncoded)};
    return mail;
}

OnboardingMail OnboardingMail::passwordReset(const QString &token, qint64 expiresAt)
{
    const QString appLink = u"moim://reset/"_s + token;
    OnboardingMail mail;
    mail.subject = u"[모임] 비밀번호 재설정 / Reset your Moim password"_s;
    mail.body = u"비밀번호 재설정을 요청하셨습니다. 아래 링크를 모임에서 열어 새 비밀번호를 "
                "설정하세요. 링크는 한 번만 쓸 수 있으며 %1까지 유효합니다.\n"
                "요청하지 않았다면 이 메일을 무시하세요.\n\n"
                "Someone asked to reset your Moim password. Open the link below in Moim to "
                "choose a new one. It works once and expires at %1.\n"
                "If it wasn't you, ignore this mail.\n\n%2\n"_s.arg(when(expiresAt), appLink);
    mail.links = {appLink};
    return mail;
}

OnboardingMail OnboardingMail::passwordChanged()
{
    OnboardingMail mail;
    mail.subject = u"[모임] 비밀번호가 변경되었습니다 / Your Moim password was changed"_s;
    mail.body = u"모임 계정의 비밀번호가 변경되어 모든 기기에서 로그아웃되었습니다.\n"
                "본인이 변경하지 않았다면 즉시 워크스페이스 관리자에게 알리세요.\n\n"
                "The password of your Moim account was changed and every device was signed "
                "out.\nIf you didn't do this, tell your workspace admin at once.\n"_s;
    return mail;
}

namespace {
// Where a change in My account came from, and what to do if it was not the owner.
QString madeFrom(const QString &deviceName, const QString &ip, qint64 at)
{
    return u"기기 / Device: %1\nIP: %2\n시각 / Time: %3\n\n"
           "본인이 아니라면 즉시 비밀번호를 재설정하고 워크스페이스 관리자에게 알리세요.\n"
           "If this wasn't you, reset your password at once and tell your workspace admin.\n"_s.arg(
               deviceName, ip, when(at));
}
} // namespace

OnboardingMail OnboardingMail::passwordChangedInAccount(const QString &deviceName,
                                                        const QString &ip, qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 비밀번호가 변경되었습니다 / Your Moim password was changed"_s;
    mail.body = u"[내 계정]에서 모임 계정의 비밀번호가 변경되었습니다. 변경한 기기를 제외한 "
                "모든 기기에서 로그아웃되었고, 아직 쓰지 않은 비밀번호 재설정 링크는 더 이상 "
                "쓸 수 없습니다.\n"
                "The password of your Moim account was changed in My account. Every other "
                "device was signed out, and password reset links not used yet no longer "
                "work.\n\n"_s +
                madeFrom(deviceName, ip, at);
    return mail;
}

OnboardingMail OnboardingMail::twoStepEnabled(const QString &deviceName, const QString &ip,
                                              qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 2단계 인증이 켜졌습니다 / 2-step verification turned on"_s;
    mail.body = u"모임 계정에 2단계 인증이 켜졌습니다. 켠 기기를 제외한 모든 기기에서 "
                "로그아웃되었습니다. 다시 로그인할 때 인증 앱의 코드를 입력하세요.\n"
                "2-step verification was turned on for your Moim account. Every other device "
                "was signed out; sign in there again with a code from your authenticator.\n\n"_s +
                madeFrom(deviceName, ip, at);
    return mail;
}

OnboardingMail OnboardingMail::twoStepDisabled(const QString &deviceName, const QString &ip,
                                               qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 2단계 인증이 꺼졌습니다 / 2-step verification turned off"_s;
    mail.body = u"모임 계정의 2단계 인증이 꺼졌습니다. 이제 비밀번호만으로 로그인할 수 있고, "
                "2단계 인증을 요구하는 워크스페이스는 다시 켤 때까지 잠깁니다.\n"
                "2-step verification was turned off for your Moim account. The password alone "
                "now signs you in, and workspaces that require 2-step stay locked until you turn "
                "it on again.\n\n"_s +
                madeFrom(deviceName, ip, at);
    return mail;
}

OnboardingMail OnboardingMail::recoveryCodesRegenerated(const QString &deviceName,
                                                        const QString &ip, qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 복구 코드를 새로 만들었습니다 / New recovery codes"_s;
    mail.body = u"모임 계정의 2단계 인증 복구 코드를 새로 만들었습니다. 이전 복구 코드는 더 "
                "이상 쓸 수 없습니다.\n"
                "New recovery codes were made for your Moim account's 2-step verification. The "
                "old ones no longer work.\n\n"_s +
                madeFrom(deviceName, ip, at);
    return mail;
}

OnboardingMail OnboardingMail::newSignIn(const QString &deviceName, const QString &deviceOs,
                                         const QString &ip, qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 새 기기에서 로그인 / New sign-in to Moim"_s;
    mail.body = u"새 기기에서 모임 계정에 로그인했습니다.\n"
                "A new device signed in to your Moim account.\n\n"
                "기기 / Device: %1 (%2)\nIP: %3\n시각 / Time: %4\n\n"
                "본인이 아니라면 비밀번호를 재설정하고 관리자에게 알리세요.\n"
                "If this wasn't you, reset your password and tell your admin.\n"_s.arg(
                    deviceName, deviceOs, ip, when(at));
    return mail;
}

OnboardingMail OnboardingMail::personalLinked(const QString &personalId, const QString &deviceName,
                                              const QString &ip, qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 개인 계정이 연결되었습니다 / A personal account was linked"_s;
    mail.body =
        u"모임 계정에 개인 계정 %1이(가) 연결되었습니다. 이제 이 개인 계정으로 로그인한 "
        "휴대폰에서 승인하여 모임에 로그인할 수 있습니다.\n"
        "The personal account %1 was linked to your Moim account. The phone signed in to "
        "it can now approve sign-ins to Moim.\n\n"
        "요청한 기기 / Requested from: %2\nIP: %3\n시각 / Time: %4\n\n"
        "본인이 연결하지 않았다면 [내 계정]에서 연결을 해제하고 비밀번호를 변경하세요.\n"
        "If you didn't link it, unlink it under My account and change your password.\n"_s.arg(
            personalId, deviceName, ip, when(at));
    return mail;
}

OnboardingMail OnboardingMail::personalUnlinked(const QString &personalId,
                                                const QString &deviceName, const QString &ip,
                                                qint64 at)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 개인 계정 연결이 해제되었습니다 / A personal account was unlinked"_s;
    mail.body = u"모임 계정에서 개인 계정 %1의 연결이 해제되었습니다. 이 개인 계정으로는 더 이상 "
                "모임에 로그인할 수 없습니다.\n"
                "The personal account %1 was unlinked from your Moim account. It can no longer "
                "sign you in to Moim.\n\n"
                "요청한 기기 / Requested from: %2\nIP: %3\n시각 / Time: %4\n\n"
                "본인이 해제하지 않았다면 비밀번호를 변경하고 관리자에게 알리세요.\n"
                "If you didn't do this, change your password and tell your admin.\n"_s.arg(
                    personalId, deviceName, ip, when(at));
    return mail;
}

OnboardingMail OnboardingMail::pushReported(const QString &personalId, const QString &deviceName,
                                            const QString &deviceOs, const QString &ip, qint64 at,
                                            qint64 blockedUntil)
{
    OnboardingMail mail;
    mail.subject = u"[모임] 요청하지 않은 로그인 요청을 신고했습니다 / You reported a sign-in "
                   "request"_s;
    mail.body = u"개인 계정 %1의 휴대폰에서 요청하지 않은 모임 로그인 요청을 신고했습니다. "
                "%6까지 이 개인 계정으로 보내는 로그인 요청이 차단됩니다.\n"
                "The phone of your personal account %1 reported a Moim sign-in request you "
                "didn't make. Requests to that personal account are blocked until %6.\n\n"
                "요청한 기기(자칭) / Device (as it claimed): %2 (%3)\nIP: %4\n"
                "시각 / Time: %5\n\n"
                "누군가 계정에 접근하려 했을 수 있습니다. 비밀번호를 변경하고 2단계 인증을 "
                "켜 두세요.\n"
                "Someone may be trying to get in: change your password and keep 2-step "
                "verification on.\n"_s.arg(personalId, deviceName, deviceOs, ip, when(at),
                                           when(blockedUntil));
    return mail;
}

} // namespace moim::server
