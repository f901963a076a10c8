<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
        <source>Sign in with QR code</source>
        <translation>QR 코드로 로그인</translation>
    </message>
    <message>
        <source>Scan a code with Moim on your phone instead of typing a password.</source>
        <translation>비밀번호를 입력하는 대신 휴대폰의 모임 앱으로 코드를 스캔하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::QrPage</name>
    <message>
        <source>Sign in with QR code</source>
        <translation>QR 코드로 로그인</translation>
    </message>
    <message>
        <source>Scan this code with Moim on your phone, where you are already signed in.</source>
        <translation>이미 로그인되어 있는 휴대폰의 모임 앱으로 이 코드를 스캔하세요.</translation>
    </message>
    <message>
        <source>Open Moim on your phone and tap Scan QR code.</source>
        <translation>휴대폰에서 모임을 열고 QR 코드 스캔을 누르세요.</translation>
    </message>
    <message>
        <source>Point the phone at this code.</source>
        <translation>휴대폰 카메라를 이 코드에 비추세요.</translation>
    </message>
    <message>
        <source>Check the computer shown on the phone, then enter the number that appears here.</source>
        <translation>휴대폰에 표시된 컴퓨터 정보를 확인한 뒤, 여기에 나타나는 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>%1단계: %2</translation>
    </message>
    <message>
        <source>QR code for signing in</source>
        <translation>로그인용 QR 코드</translation>
    </message>
    <message>
        <source>Scan it with Moim on your phone. It changes every 30 seconds.</source>
        <translation>휴대폰의 모임 앱으로 스캔하세요. 코드는 30초마다 바뀝니다.</translation>
    </message>
    <message>
        <source>Confirm on your phone</source>
        <translation>휴대폰에서 확인하세요</translation>
    </message>
    <message>
        <source>Enter this number on your phone to finish signing in.</source>
        <translation>휴대폰에 이 숫자를 입력하면 로그인이 완료됩니다.</translation>
    </message>
    <message>
        <source>Show a new code</source>
        <translation>새 코드 표시</translation>
    </message>
    <message>
        <source>Sign in with email instead</source>
        <translation>이메일로 로그인</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>로그인 코드</translation>
    </message>
    <message>
        <source>Getting a code…</source>
        <translation>코드를 받는 중…</translation>
    </message>
    <message>
        <source>Waiting for your phone. The code refreshes by itself.</source>
        <translation>휴대폰을 기다리는 중입니다. 코드는 자동으로 새로 고쳐집니다.</translation>
    </message>
    <message>
        <source>Confirm on your phone: %1</source>
        <translation>휴대폰에서 확인할 숫자: %1</translation>
    </message>
    <message>
        <source>Enter the number %1 on your phone to finish signing in.</source>
        <translation>휴대폰에 숫자 %1을(를) 입력하면 로그인이 완료됩니다.</translation>
    </message>
    <message>
        <source>Scanned. Confirm on your phone.</source>
        <translation>스캔되었습니다. 휴대폰에서 확인하세요.</translation>
    </message>
    <message>
        <source>Approved. Signing in…</source>
        <translation>승인되었습니다. 로그인하는 중…</translation>
    </message>
    <message>
        <source>The numbers didn&apos;t match</source>
        <translation>숫자가 일치하지 않습니다</translation>
    </message>
    <message>
        <source>The phone entered a different number, so this sign-in was stopped.</source>
        <translation>휴대폰에 다른 숫자가 입력되어 이 로그인 요청을 중단했습니다.</translation>
    </message>
    <message>
        <source>Sign-in not allowed</source>
        <translation>로그인이 허용되지 않았습니다</translation>
    </message>
    <message>
        <source>The server did not accept this approval. Ask your admin whether your account is active.</source>
        <translation>서버가 이 승인을 받아들이지 않았습니다. 계정이 활성 상태인지 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>Sign-in denied</source>
        <translation>로그인이 거부되었습니다</translation>
    </message>
    <message>
        <source>The sign-in was denied on the phone.</source>
        <translation>휴대폰에서 로그인을 거부했습니다.</translation>
    </message>
    <message>
        <source>The code expired</source>
        <translation>코드가 만료되었습니다</translation>
    </message>
    <message>
        <source>For your safety a code works for 5 minutes.</source>
        <translation>안전을 위해 코드는 5분 동안만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>You&apos;re offline</source>
        <translation>오프라인 상태입니다</translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection.</source>
        <translation>모임이 서버에 연결할 수 없습니다. 네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>로그인하지 못했습니다</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>시도 횟수가 너무 많습니다. %n초 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원되지 않습니다.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try a new code.</source>
        <translation>문제가 발생했습니다(%1). 새 코드로 다시 시도하세요.</translation>
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
</context>
</TS>
