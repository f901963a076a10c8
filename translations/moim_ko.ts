<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>moim::ui::CodePage</name>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>시도 횟수가 너무 많습니다. %n초 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use a recovery code</source>
        <translation>복구 코드 사용</translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation>2단계 인증</translation>
    </message>
    <message>
        <source>Enter one of the recovery codes you saved when you turned on 2-step verification for %1. Each code works once.</source>
        <translation>%1의 2단계 인증을 켤 때 저장해 둔 복구 코드 중 하나를 입력하세요. 각 코드는 한 번만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Open your authenticator app and enter the 6-digit code for %1.</source>
        <translation>인증 앱을 열고 %1의 6자리 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>복구 코드</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>인증 코드</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>확인하는 중…</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Use the authenticator app instead</source>
        <translation>인증 앱으로 인증하기</translation>
    </message>
    <message>
        <source>Can&apos;t use your authenticator? Use a recovery code</source>
        <translation>인증 앱을 쓸 수 없나요? 복구 코드 사용</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>로그인으로 돌아가기</translation>
    </message>
    <message>
        <source>Enter one of your recovery codes.</source>
        <translation>복구 코드 중 하나를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator.</source>
        <translation>인증 앱에 표시된 6자리 코드를 입력하세요.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>%n번 더 시도할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>That recovery code is not right, or it was already used.</source>
        <translation>복구 코드가 올바르지 않거나 이미 사용된 코드입니다.</translation>
    </message>
    <message>
        <source>That code is not right. Check that it is the code for Moim and try again.</source>
        <translation>코드가 올바르지 않습니다. 모임용 코드인지 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>That code was already used. Wait for your authenticator to show a new one.</source>
        <translation>이미 사용된 코드입니다. 인증 앱에 새 코드가 표시될 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>That code has expired. Enter the code your authenticator shows now; if this keeps happening, check that your phone&apos;s clock is set automatically.</source>
        <translation>만료된 코드입니다. 인증 앱에 지금 표시된 코드를 입력하세요. 이런 일이 반복되면 휴대폰 시계가 자동으로 맞춰지도록 설정되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Verification failed unexpectedly (%1). Try again.</source>
        <translation>인증 중 예기치 않은 오류가 발생했습니다(%1). 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::LoginWindow</name>
    <message>
        <source>Moim — Sign in</source>
        <translation>모임 — 로그인</translation>
    </message>
    <message>
        <source>Moim</source>
        <translation>모임</translation>
    </message>
    <message>
        <source>Moim logo</source>
        <translation>모임 로고</translation>
    </message>
    <message>
        <source>Unauthorized user</source>
        <translation>승인되지 않은 사용자</translation>
    </message>
    <message>
        <source>Your email and password are right, but this account has no active workspace.</source>
        <translation>이메일과 비밀번호는 맞지만, 이 계정에는 활성화된 워크스페이스가 없습니다.</translation>
    </message>
    <message>
        <source>Check that the address matches the account your workspace invited.</source>
        <translation>입력한 주소가 워크스페이스에 등록된 계정과 일치하는지 확인하세요.</translation>
    </message>
    <message>
        <source>Ask your workspace admin whether your account was deactivated.</source>
        <translation>워크스페이스 관리자에게 계정이 비활성화되지 않았는지 문의하세요.</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>로그인으로 돌아가기</translation>
    </message>
    <message>
        <source>Invited but no mail?</source>
        <translation>초대 메일을 받지 못하셨나요?</translation>
    </message>
    <message>
        <source>Everyone joins Moim through an invitation from a workspace admin.</source>
        <translation>모임에는 워크스페이스 관리자의 초대를 받아 가입합니다.</translation>
    </message>
    <message>
        <source>Look in your spam or junk folder for a mail from Moim.</source>
        <translation>스팸함이나 정크 메일함에 모임에서 보낸 메일이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>An invitation link works once and expires after 24 hours.</source>
        <translation>초대 링크는 한 번만 쓸 수 있으며 24시간이 지나면 만료됩니다.</translation>
    </message>
    <message>
        <source>Ask your workspace admin to resend the invitation; the new link replaces the old one.</source>
        <translation>워크스페이스 관리자에게 초대 메일 재발송을 요청하세요. 새 링크를 받으면 이전 링크는 더 이상 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::MainWindow</name>
    <message>
        <source>Moim</source>
        <translation>모임</translation>
    </message>
    <message>
        <source>&amp;Moim</source>
        <translation>모임(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation>워크스페이스(&amp;W)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>로그아웃(&amp;L)</translation>
    </message>
    <message>
        <source>Log out and &amp;delete local data</source>
        <translation>로그아웃하고 로컬 데이터 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Next workspace</source>
        <translation>다음 워크스페이스(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous workspace</source>
        <translation>이전 워크스페이스(&amp;P)</translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation>계정: %1</translation>
    </message>
    <message>
        <source>Account menu for %1</source>
        <translation>%1 계정 메뉴</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>대화</translation>
    </message>
    <message>
        <source>Pick a conversation on the left.
Messages arrive here.</source>
        <translation>왼쪽에서 대화를 고르세요.
메시지가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>워크스페이스 없음</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation>%1에 오신 것을 환영합니다</translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>대화 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>You are no longer a member of %1.</source>
        <translation>더 이상 %1의 멤버가 아닙니다.</translation>
    </message>
    <message numerus="yes">
        <source>Offline. Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>오프라인입니다. %n초 후 다시 연결합니다…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. Reconnecting…</source>
        <translation>오프라인입니다. 다시 연결하는 중…</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>지금 다시 시도</translation>
    </message>
    <message>
        <source>This version of Moim is too old for the server. Update Moim with your package manager or software centre.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원하지 않습니다. 패키지 관리자나 소프트웨어 센터에서 모임을 업데이트하세요.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer, so Moim cannot remember you. You will sign in again next time.</source>
        <translation>이 컴퓨터에서 사용할 수 있는 키체인이 없어 로그인 상태를 기억할 수 없습니다. 다음에 다시 로그인해야 합니다.</translation>
    </message>
    <message>
        <source>No messages here yet.</source>
        <translation>아직 메시지가 없습니다.</translation>
    </message>
    <message>
        <source>My account…</source>
        <translation>내 계정…</translation>
    </message>
    <message>
        <source>Turn on 2-step verification</source>
        <translation>2단계 인증 켜기</translation>
    </message>
    <message>
        <source>%1 is locked</source>
        <translation>%1 워크스페이스가 잠겨 있습니다</translation>
    </message>
    <message>
        <source>This workspace requires 2-step verification.</source>
        <translation>이 워크스페이스는 2단계 인증이 필요합니다.</translation>
    </message>
    <message>
        <source>Turn on 2-step verification for your account to open it. It takes a minute with an authenticator app.</source>
        <translation>계정에 2단계 인증을 켜면 열 수 있습니다. 인증 앱만 있으면 1분이면 됩니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::MyAccountPage</name>
    <message>
        <source>Copied</source>
        <translation>복사됨</translation>
    </message>
    <message>
        <source>My account</source>
        <translation>내 계정</translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation>2단계 인증</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>기기</translation>
    </message>
    <message numerus="yes">
        <source>On. Signing in asks for a code from your authenticator app after your password. %n recovery code(s) left.</source>
        <translation>
            <numerusform>켜져 있습니다. 로그인할 때 비밀번호 다음에 인증 앱의 코드를 묻습니다. 남은 복구 코드 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <source>Off. Anyone who learns your password can sign in as you.</source>
        <translation>꺼져 있습니다. 비밀번호를 아는 사람은 누구나 내 계정으로 로그인할 수 있습니다.</translation>
    </message>
    <message>
        <source>A workspace you belong to requires 2-step verification. It stays locked until you turn it on.</source>
        <translation>소속된 워크스페이스 중 2단계 인증이 필요한 곳이 있습니다. 2단계 인증을 켤 때까지 그 워크스페이스는 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>2-step verification is the surest shield for your account. Turning it on takes a minute with an authenticator app such as the Moim phone app.</source>
        <translation>2단계 인증은 계정을 지키는 가장 확실한 방법입니다. 모임 휴대폰 앱 같은 인증 앱이 있으면 1분이면 켤 수 있습니다.</translation>
    </message>
    <message>
        <source>Turn on 2-step verification</source>
        <translation>2단계 인증 켜기</translation>
    </message>
    <message>
        <source>Current code from your authenticator</source>
        <translation>인증 앱의 현재 코드</translation>
    </message>
    <message>
        <source>New recovery codes</source>
        <translation>복구 코드 새로 만들기</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <source>Turn off 2-step verification</source>
        <translation>2단계 인증 끄기</translation>
    </message>
    <message>
        <source>1. Open your authenticator app (the Moim phone app works too).
2. Scan this QR code, or type the key below.
3. Enter the 6-digit code the app shows.</source>
        <translation>1. 인증 앱을 여세요 (모임 휴대폰 앱도 됩니다).
2. 이 QR 코드를 스캔하거나 아래 키를 입력하세요.
3. 앱에 표시된 6자리 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>인증 앱용 QR 코드</translation>
    </message>
    <message>
        <source>Can&apos;t scan? Enter this key:</source>
        <translation>스캔할 수 없나요? 이 키를 입력하세요:</translation>
    </message>
    <message>
        <source>Setup key</source>
        <translation>설정 키</translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation>앱에 표시된 코드</translation>
    </message>
    <message>
        <source>Confirm and turn on</source>
        <translation>확인하고 켜기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Save your recovery codes</source>
        <translation>복구 코드를 저장하세요</translation>
    </message>
    <message>
        <source>If you lose your phone, each of these codes signs you in once. They are shown only now: copy or save them somewhere safe.</source>
        <translation>휴대폰을 잃어버리면 이 코드로 각각 한 번씩 로그인할 수 있습니다. 지금 한 번만 표시되니 복사하거나 안전한 곳에 저장하세요.</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>복구 코드</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy recovery codes</source>
        <translation>복구 코드 복사</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save recovery codes to a file</source>
        <translation>복구 코드를 파일로 저장</translation>
    </message>
    <message>
        <source>I saved them</source>
        <translation>저장했습니다</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <source>Use at least 12 characters. Changing it signs you out on every other device.</source>
        <translation>12자 이상으로 정하세요. 비밀번호를 바꾸면 다른 모든 기기에서 로그아웃됩니다.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <source>Code from your authenticator</source>
        <translation>인증 앱의 코드</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>로그인된 기기</translation>
    </message>
    <message>
        <source>Sign out a device you don&apos;t recognise, then change your password.</source>
        <translation>모르는 기기가 있으면 로그아웃시킨 후 비밀번호를 바꾸세요.</translation>
    </message>
    <message>
        <source>Sign out the selected device</source>
        <translation>선택한 기기 로그아웃</translation>
    </message>
    <message>
        <source>Sign out everywhere else</source>
        <translation>다른 모든 기기에서 로그아웃</translation>
    </message>
    <message>
        <source>2-step verification is off.</source>
        <translation>2단계 인증이 꺼졌습니다.</translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation>복구 코드 저장</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>텍스트 파일 (*.txt)</translation>
    </message>
    <message>
        <source>Moim recovery codes for %1</source>
        <translation>%1의 모임 복구 코드</translation>
    </message>
    <message>
        <source>Password changed. Every other device has been signed out.</source>
        <translation>비밀번호가 변경되었습니다. 다른 모든 기기에서 로그아웃되었습니다.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 — this device</source>
        <translation>%1 — 이 기기</translation>
    </message>
    <message>
        <source>%1 — last active %2</source>
        <translation>%1 — 마지막 활동 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>%n번 더 시도할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>That code is not right.</source>
        <translation>코드가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>That code was already used. Wait for your authenticator to show a new one.</source>
        <translation>이미 사용된 코드입니다. 인증 앱에 새 코드가 표시될 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>That code has expired. Enter the code your authenticator shows now.</source>
        <translation>만료된 코드입니다. 인증 앱에 지금 표시된 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the current code from your authenticator.</source>
        <translation>인증 앱에 지금 표시된 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>현재 비밀번호가 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>Choose a new password of at least 12 characters.</source>
        <translation>12자 이상의 새 비밀번호를 정하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>시도 횟수가 너무 많습니다. %n초 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation>파일을 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>That did not work (%1). Try again in a moment.</source>
        <translation>처리하지 못했습니다(%1). 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Sign out selected device</source>
        <translation>선택한 기기 로그아웃</translation>
    </message>
</context>
<context>
    <name>moim::ui::PasswordPage</name>
    <message>
        <source>Sign in to Moim</source>
        <translation>모임에 로그인</translation>
    </message>
    <message>
        <source>Use the work email address your workspace invited.</source>
        <translation>워크스페이스에서 초대받은 업무용 이메일 주소를 사용하세요.</translation>
    </message>
    <message>
        <source>Work email</source>
        <translation>업무용 이메일</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>name@company.com</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>비밀번호 표시</translation>
    </message>
    <message>
        <source>Hide password</source>
        <translation>비밀번호 숨기기</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>로그인 상태 유지</translation>
    </message>
    <message>
        <source>This is a shared computer</source>
        <translation>공용 컴퓨터입니다</translation>
    </message>
    <message>
        <source>Moim will not remember you and deletes its local data when you log out.</source>
        <translation>로그인 상태를 기억하지 않으며, 로그아웃할 때 이 컴퓨터에 저장된 데이터를 삭제합니다.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>로그인하는 중…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Invited but no mail?</source>
        <translation>초대 메일을 받지 못하셨나요?</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>서버: %1</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>시도 횟수가 너무 많습니다. %n초 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter your work email and password.</source>
        <translation>업무용 이메일과 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>The email or password is incorrect. Check that the address is the one your workspace invited, then try again.</source>
        <translation>이메일 또는 비밀번호가 올바르지 않습니다. 워크스페이스에서 초대받은 주소가 맞는지 확인한 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server. Update Moim with your package manager or software centre, then sign in again.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원하지 않습니다. 패키지 관리자나 소프트웨어 센터에서 모임을 업데이트한 후 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server. Update Moim to version %1 or later with your package manager or software centre, then sign in again.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원하지 않습니다. 패키지 관리자나 소프트웨어 센터에서 모임을 %1 이상으로 업데이트한 후 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again in a moment.</source>
        <translation>서버에 문제가 생겼습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Unauthorized user.</source>
        <translation>승인되지 않은 사용자입니다.</translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly (%1). Try again, or ask your admin if it keeps happening.</source>
        <translation>로그인 중 예기치 않은 오류가 발생했습니다(%1). 다시 시도하고, 계속되면 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>2-step verification ended after too many wrong codes or a long wait. Sign in again with your password.</source>
        <translation>잘못된 코드를 너무 많이 입력했거나 시간이 너무 오래 지나 2단계 인증이 종료되었습니다. 비밀번호로 다시 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::WindowController</name>
    <message>
        <source>Your password was changed, so every session ended. Sign in with the new password.</source>
        <translation>비밀번호가 변경되어 모든 세션이 종료되었습니다. 새 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue.</source>
        <translation>세션이 종료되었습니다. 계속하려면 다시 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::WorkspaceSidebar</name>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>워크스페이스 %1</translation>
    </message>
    <message>
        <source>Workspace %1, you are no longer a member</source>
        <translation>워크스페이스 %1 (더 이상 멤버가 아님)</translation>
    </message>
    <message>
        <source>Locked: this workspace requires 2-step verification.</source>
        <translation>잠김: 이 워크스페이스는 2단계 인증이 필요합니다.</translation>
    </message>
    <message>
        <source>Workspace %1, locked until you turn on 2-step verification</source>
        <translation>워크스페이스 %1 (2단계 인증을 켤 때까지 잠김)</translation>
    </message>
</context>
</TS>
