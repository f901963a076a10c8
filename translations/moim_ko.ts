<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>moim::search::SearchQuery</name>
    <message>
        <source>Add a value after %1:</source>
        <translation>%1: 뒤에 찾을 값을 입력하세요</translation>
    </message>
    <message>
        <source>‘%1’ is not a date. Write dates like 2026-12-03.</source>
        <translation>‘%1’은(는) 날짜 형식이 아닙니다. 2026-12-03처럼 입력하세요.</translation>
    </message>
    <message>
        <source>No day is both after %1 and before %2.</source>
        <translation>%1 이후이면서 %2 이전인 날이 없습니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::AttachmentChip</name>
    <message>
        <source>Waiting for the network…</source>
        <translation>네트워크 연결을 기다리는 중…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 삭제</translation>
    </message>
    <message>
        <source>%1, %2, uploading %3%</source>
        <extracomment>An attached file uploading, for a screen reader: &quot;보고서.hwp, 한글 문서, 업로드 중 42%&quot;.</extracomment>
        <translation>%1, %2, 업로드 중 %3%</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>moim::ui::AttachmentStrip</name>
    <message>
        <source>Attached files</source>
        <translation>첨부한 파일</translation>
    </message>
</context>
<context>
    <name>moim::ui::AttachmentTiles</name>
    <message>
        <source>Download failed</source>
        <translation>다운로드하지 못했습니다</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>Hangul document</source>
        <translation>한글 문서</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 통합 문서</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word 문서</translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation>PowerPoint 프레젠테이션</translation>
    </message>
    <message>
        <source>ZIP archive</source>
        <translation>ZIP 압축 파일</translation>
    </message>
    <message>
        <source>Text file</source>
        <translation>텍스트 파일</translation>
    </message>
    <message>
        <source>Image (%1)</source>
        <translation>이미지 (%1)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>A file in a message, for a screen reader: name, kind, size.</extracomment>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>A file moving: &quot;1.2 MB of 4.5 MB&quot;.</extracomment>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>moim::ui::BrowseChannelsDialog</name>
    <message>
        <source>Browse channels</source>
        <translation>채널 둘러보기</translation>
    </message>
    <message>
        <source>Search channels</source>
        <translation>채널 검색</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>참여</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>멤버 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>참여 중</translation>
    </message>
    <message>
        <source>There are no public channels yet.</source>
        <translation>아직 공개 채널이 없습니다.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Public channels</source>
        <translation>공개 채널</translation>
    </message>
</context>
<context>
    <name>moim::ui::ChannelDialog</name>
    <message>
        <source>A channel with this name already exists in this workspace.</source>
        <translation>이 워크스페이스에 같은 이름의 채널이 이미 있습니다.</translation>
    </message>
    <message>
        <source>A channel name needs 1 to 80 characters, without line breaks or control characters.</source>
        <translation>채널 이름은 줄바꿈이나 제어 문자 없이 1~80자여야 합니다.</translation>
    </message>
    <message>
        <source>A description can have up to 500 characters.</source>
        <translation>설명은 500자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>You are not allowed to do this here.</source>
        <translation>이 작업을 할 권한이 없습니다.</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>이 대화는 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>Could not reach the server. Try again.</source>
        <translation>서버에 연결하지 못했습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Edit channel</source>
        <translation>채널 편집</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>새 채널</translation>
    </message>
    <message>
        <source>e.g. launch-plans</source>
        <translation>예: 출시-준비</translation>
    </message>
    <message>
        <source>What is this channel about? (optional)</source>
        <translation>어떤 이야기를 나누는 채널인가요? (선택)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Private: only its members can see it</source>
        <translation>비공개: 채널 멤버만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>Moim</source>
        <translation>모임</translation>
    </message>
</context>
<context>
    <name>moim::ui::CodePage</name>
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
    <message>
        <source>Enter one of the recovery codes you saved when you turned on 2-step verification. Each code works once.</source>
        <translation>2단계 인증을 켤 때 저장해 둔 복구 코드 중 하나를 입력하세요. 각 코드는 한 번만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Your phone approved. Open your authenticator app and enter the 6-digit code for your Moim work account.</source>
        <translation>휴대폰에서 승인했습니다. 인증 앱을 열고 모임 업무 계정의 6자리 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>시도 횟수가 너무 많습니다. %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Use a recovery code instead</source>
        <translation>복구 코드로 인증하기</translation>
    </message>
</context>
<context>
    <name>moim::ui::ComposerContextBar</name>
    <message>
        <source>Replying to %1</source>
        <translation>%1 님에게 답장</translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation>%1 님에게 답장: %2</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>메시지 수정 중</translation>
    </message>
    <message>
        <source>Editing message: %1</source>
        <translation>메시지 수정 중: %1</translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation>답장 취소</translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation>수정 취소</translation>
    </message>
    <message>
        <source>Cancel reply (Esc)</source>
        <translation>답장 취소 (Esc)</translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation>수정 취소 (Esc)</translation>
    </message>
</context>
<context>
    <name>moim::ui::ConversationActions</name>
    <message>
        <source>&amp;Conversation</source>
        <translation>대화(&amp;C)</translation>
    </message>
    <message>
        <source>New channel…</source>
        <translation>새 채널…</translation>
    </message>
    <message>
        <source>Browse channels…</source>
        <translation>채널 둘러보기…</translation>
    </message>
    <message>
        <source>New message…</source>
        <translation>새 메시지…</translation>
    </message>
    <message>
        <source>Rename or describe channel…</source>
        <translation>채널 이름·설명 바꾸기…</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>As the workspace</source>
        <translation>워크스페이스 설정 따르기</translation>
    </message>
    <message>
        <source>All messages</source>
        <translation>모든 메시지</translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation>멘션만</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>알림 끄기</translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation>채널 나가기</translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation>모두 읽음으로 표시</translation>
    </message>
    <message>
        <source>Leave #%1? It is private: you cannot join it again on your own.</source>
        <translation>#%1 채널에서 나갈까요? 비공개 채널이라 스스로 다시 참여할 수 없습니다.</translation>
    </message>
    <message>
        <source>Leave #%1? You can join it again from Browse channels.</source>
        <translation>#%1 채널에서 나갈까요? 채널 둘러보기에서 언제든 다시 참여할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::ConversationIntro</name>
    <message>
        <source>This is the start of your conversation with %1. Say hello.</source>
        <translation>%1님과의 대화가 여기서 시작됩니다. 인사를 건네 보세요.</translation>
    </message>
    <message>
        <source>This is the start of #%1</source>
        <translation>#%1의 시작입니다</translation>
    </message>
    <message>
        <source>Everything said in #%1 appears here.</source>
        <translation>#%1에서 나누는 모든 대화가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>%1 created this channel on %2.</source>
        <translation>%1 님이 %2에 만든 채널입니다.</translation>
    </message>
    <message>
        <source>%1 created this channel.</source>
        <translation>%1 님이 만든 채널입니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::ConversationListModel</name>
    <message>
        <source>channel %1</source>
        <translation>채널 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>읽지 않은 메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation>알림 꺼짐</translation>
    </message>
    <message>
        <source>You</source>
        <translation>나</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation>다이렉트 메시지</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
</context>
<context>
    <name>moim::ui::DateText</name>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>어제</translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation>오늘 %1</translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation>어제 %1</translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation>내일 %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>a day, then a time</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n시간</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An hour count and a minute count, as in &quot;1 hour 5 minutes&quot; / &quot;1시간 5분&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>moim::ui::EmojiCatalogue</name>
    <message>
        <source>grinning</source>
        <translation>활짝 웃음</translation>
    </message>
    <message>
        <source>grin</source>
        <translation>싱글벙글</translation>
    </message>
    <message>
        <source>sweat smile</source>
        <translation>진땀 웃음</translation>
    </message>
    <message>
        <source>joy</source>
        <translation>웃음</translation>
    </message>
    <message>
        <source>rolling on the floor laughing</source>
        <translation>빵 터짐</translation>
    </message>
    <message>
        <source>slightly smiling</source>
        <translation>살짝 미소</translation>
    </message>
    <message>
        <source>wink</source>
        <translation>윙크</translation>
    </message>
    <message>
        <source>blush</source>
        <translation>수줍은 미소</translation>
    </message>
    <message>
        <source>smiling with hearts</source>
        <translation>사랑스러워</translation>
    </message>
    <message>
        <source>heart eyes</source>
        <translation>하트 눈</translation>
    </message>
    <message>
        <source>yum</source>
        <translation>맛있다</translation>
    </message>
    <message>
        <source>hug</source>
        <translation>포옹</translation>
    </message>
    <message>
        <source>shush</source>
        <translation>쉿</translation>
    </message>
    <message>
        <source>thinking</source>
        <translation>생각 중</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>무표정</translation>
    </message>
    <message>
        <source>smirk</source>
        <translation>씩 웃음</translation>
    </message>
    <message>
        <source>eye roll</source>
        <translation>눈 굴리기</translation>
    </message>
    <message>
        <source>grimace</source>
        <translation>어색</translation>
    </message>
    <message>
        <source>pensive</source>
        <translation>시무룩</translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation>졸려요</translation>
    </message>
    <message>
        <source>mind blown</source>
        <translation>충격</translation>
    </message>
    <message>
        <source>party face</source>
        <translation>신나요</translation>
    </message>
    <message>
        <source>cool</source>
        <translation>멋져요</translation>
    </message>
    <message>
        <source>confused</source>
        <translation>갸우뚱</translation>
    </message>
    <message>
        <source>worried</source>
        <translation>걱정</translation>
    </message>
    <message>
        <source>surprised</source>
        <translation>놀람</translation>
    </message>
    <message>
        <source>pleading</source>
        <translation>부탁해요</translation>
    </message>
    <message>
        <source>crying</source>
        <translation>눈물</translation>
    </message>
    <message>
        <source>sobbing</source>
        <translation>엉엉</translation>
    </message>
    <message>
        <source>scream</source>
        <translation>비명</translation>
    </message>
    <message>
        <source>disappointed</source>
        <translation>실망</translation>
    </message>
    <message>
        <source>weary</source>
        <translation>지쳤어요</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>화남</translation>
    </message>
    <message>
        <source>robot</source>
        <translation>로봇</translation>
    </message>
    <message>
        <source>thumbs up</source>
        <translation>좋아요</translation>
    </message>
    <message>
        <source>thumbs down</source>
        <translation>별로예요</translation>
    </message>
    <message>
        <source>ok hand</source>
        <translation>오케이</translation>
    </message>
    <message>
        <source>victory</source>
        <translation>브이</translation>
    </message>
    <message>
        <source>fingers crossed</source>
        <translation>행운을 빌어요</translation>
    </message>
    <message>
        <source>handshake</source>
        <translation>악수</translation>
    </message>
    <message>
        <source>clapping</source>
        <translation>박수</translation>
    </message>
    <message>
        <source>raised hands</source>
        <translation>만세</translation>
    </message>
    <message>
        <source>folded hands</source>
        <translation>감사</translation>
    </message>
    <message>
        <source>waving hand</source>
        <translation>안녕</translation>
    </message>
    <message>
        <source>raised hand</source>
        <translation>손 들기</translation>
    </message>
    <message>
        <source>fist bump</source>
        <translation>주먹 인사</translation>
    </message>
    <message>
        <source>raised fist</source>
        <translation>파이팅</translation>
    </message>
    <message>
        <source>flexed biceps</source>
        <translation>힘내요</translation>
    </message>
    <message>
        <source>pointing left</source>
        <translation>왼쪽</translation>
    </message>
    <message>
        <source>pointing right</source>
        <translation>오른쪽</translation>
    </message>
    <message>
        <source>pointing up</source>
        <translation>위쪽</translation>
    </message>
    <message>
        <source>pointing down</source>
        <translation>아래쪽</translation>
    </message>
    <message>
        <source>writing</source>
        <translation>작성 중</translation>
    </message>
    <message>
        <source>eyes</source>
        <translation>눈</translation>
    </message>
    <message>
        <source>raising hand</source>
        <translation>저요</translation>
    </message>
    <message>
        <source>bowing</source>
        <translation>꾸벅</translation>
    </message>
    <message>
        <source>shrug</source>
        <translation>글쎄요</translation>
    </message>
    <message>
        <source>facepalm</source>
        <translation>아이고</translation>
    </message>
    <message>
        <source>technologist</source>
        <translation>개발자</translation>
    </message>
    <message>
        <source>running</source>
        <translation>달려가요</translation>
    </message>
    <message>
        <source>red heart</source>
        <translation>하트</translation>
    </message>
    <message>
        <source>orange heart</source>
        <translation>주황 하트</translation>
    </message>
    <message>
        <source>yellow heart</source>
        <translation>노란 하트</translation>
    </message>
    <message>
        <source>green heart</source>
        <translation>초록 하트</translation>
    </message>
    <message>
        <source>blue heart</source>
        <translation>파란 하트</translation>
    </message>
    <message>
        <source>purple heart</source>
        <translation>보라 하트</translation>
    </message>
    <message>
        <source>black heart</source>
        <translation>검은 하트</translation>
    </message>
    <message>
        <source>white heart</source>
        <translation>하얀 하트</translation>
    </message>
    <message>
        <source>broken heart</source>
        <translation>깨진 하트</translation>
    </message>
    <message>
        <source>two hearts</source>
        <translation>두 개의 하트</translation>
    </message>
    <message>
        <source>check</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>check mark</source>
        <translation>체크 표시</translation>
    </message>
    <message>
        <source>ballot box with check</source>
        <translation>체크 상자</translation>
    </message>
    <message>
        <source>cross mark</source>
        <translation>엑스</translation>
    </message>
    <message>
        <source>circle</source>
        <translation>동그라미</translation>
    </message>
    <message>
        <source>exclamation mark</source>
        <translation>느낌표</translation>
    </message>
    <message>
        <source>question mark</source>
        <translation>물음표</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>주의</translation>
    </message>
    <message>
        <source>prohibited</source>
        <translation>금지</translation>
    </message>
    <message>
        <source>hundred points</source>
        <translation>백 점</translation>
    </message>
    <message>
        <source>fire</source>
        <translation>불</translation>
    </message>
    <message>
        <source>sparkles</source>
        <translation>반짝반짝</translation>
    </message>
    <message>
        <source>star</source>
        <translation>별</translation>
    </message>
    <message>
        <source>light bulb</source>
        <translation>아이디어</translation>
    </message>
    <message>
        <source>speech balloon</source>
        <translation>말풍선</translation>
    </message>
    <message>
        <source>bell</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>plus</source>
        <translation>더하기</translation>
    </message>
    <message>
        <source>red circle</source>
        <translation>빨간 원</translation>
    </message>
    <message>
        <source>green circle</source>
        <translation>초록 원</translation>
    </message>
    <message>
        <source>party popper</source>
        <translation>축하</translation>
    </message>
    <message>
        <source>confetti ball</source>
        <translation>꽃가루</translation>
    </message>
    <message>
        <source>birthday cake</source>
        <translation>생일 케이크</translation>
    </message>
    <message>
        <source>gift</source>
        <translation>선물</translation>
    </message>
    <message>
        <source>balloon</source>
        <translation>풍선</translation>
    </message>
    <message>
        <source>trophy</source>
        <translation>트로피</translation>
    </message>
    <message>
        <source>first place medal</source>
        <translation>1등</translation>
    </message>
    <message>
        <source>crown</source>
        <translation>왕관</translation>
    </message>
    <message>
        <source>rocket</source>
        <translation>로켓</translation>
    </message>
    <message>
        <source>bullseye</source>
        <translation>명중</translation>
    </message>
    <message>
        <source>toast</source>
        <translation>축배</translation>
    </message>
    <message>
        <source>bouquet</source>
        <translation>꽃다발</translation>
    </message>
    <message>
        <source>music</source>
        <translation>음악</translation>
    </message>
    <message>
        <source>paperclip</source>
        <translation>클립</translation>
    </message>
    <message>
        <source>calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <source>pushpin</source>
        <translation>압정</translation>
    </message>
    <message>
        <source>memo</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>클립보드</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>bar chart</source>
        <translation>막대 그래프</translation>
    </message>
    <message>
        <source>chart increasing</source>
        <translation>상승</translation>
    </message>
    <message>
        <source>briefcase</source>
        <translation>서류 가방</translation>
    </message>
    <message>
        <source>laptop</source>
        <translation>노트북</translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation>휴대폰</translation>
    </message>
    <message>
        <source>phone call</source>
        <translation>통화</translation>
    </message>
    <message>
        <source>email</source>
        <translation>이메일</translation>
    </message>
    <message>
        <source>package</source>
        <translation>택배</translation>
    </message>
    <message>
        <source>announcement</source>
        <translation>공지</translation>
    </message>
    <message>
        <source>magnifying glass</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>잠금</translation>
    </message>
    <message>
        <source>key</source>
        <translation>열쇠</translation>
    </message>
    <message>
        <source>tools</source>
        <translation>도구</translation>
    </message>
    <message>
        <source>bug</source>
        <translation>버그</translation>
    </message>
    <message>
        <source>pencil</source>
        <translation>연필</translation>
    </message>
    <message>
        <source>books</source>
        <translation>책</translation>
    </message>
    <message>
        <source>alarm clock</source>
        <translation>알람</translation>
    </message>
    <message>
        <source>hourglass</source>
        <translation>모래시계</translation>
    </message>
    <message>
        <source>office building</source>
        <translation>회사</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>비행기</translation>
    </message>
    <message>
        <source>money bag</source>
        <translation>돈</translation>
    </message>
    <message>
        <source>coffee</source>
        <translation>커피</translation>
    </message>
    <message>
        <source>tea</source>
        <translation>차</translation>
    </message>
    <message>
        <source>bubble tea</source>
        <translation>버블티</translation>
    </message>
    <message>
        <source>beer</source>
        <translation>맥주</translation>
    </message>
    <message>
        <source>cheers</source>
        <translation>건배</translation>
    </message>
    <message>
        <source>wine</source>
        <translation>와인</translation>
    </message>
    <message>
        <source>rice</source>
        <translation>밥</translation>
    </message>
    <message>
        <source>noodles</source>
        <translation>라면</translation>
    </message>
    <message>
        <source>stew</source>
        <translation>찌개</translation>
    </message>
    <message>
        <source>lunch box</source>
        <translation>도시락</translation>
    </message>
    <message>
        <source>dumpling</source>
        <translation>만두</translation>
    </message>
    <message>
        <source>pizza</source>
        <translation>피자</translation>
    </message>
    <message>
        <source>chicken</source>
        <translation>치킨</translation>
    </message>
    <message>
        <source>bread</source>
        <translation>빵</translation>
    </message>
    <message>
        <source>doughnut</source>
        <translation>도넛</translation>
    </message>
    <message>
        <source>cake</source>
        <translation>케이크</translation>
    </message>
    <message>
        <source>ice cream</source>
        <translation>아이스크림</translation>
    </message>
    <message>
        <source>sun</source>
        <translation>해</translation>
    </message>
    <message>
        <source>umbrella</source>
        <translation>우산</translation>
    </message>
    <message>
        <source>snowflake</source>
        <translation>눈송이</translation>
    </message>
    <message>
        <source>rainbow</source>
        <translation>무지개</translation>
    </message>
    <message>
        <source>lightning</source>
        <translation>번개</translation>
    </message>
    <message>
        <source>seedling</source>
        <translation>새싹</translation>
    </message>
    <message>
        <source>four leaf clover</source>
        <translation>네잎클로버</translation>
    </message>
    <message>
        <source>cherry blossom</source>
        <translation>벚꽃</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>강아지</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>고양이</translation>
    </message>
    <message>
        <source>bear</source>
        <translation>곰</translation>
    </message>
    <message>
        <source>penguin</source>
        <translation>펭귄</translation>
    </message>
    <message>
        <source>turtle</source>
        <translation>거북이</translation>
    </message>
    <message>
        <source>Smileys</source>
        <translation>표정</translation>
    </message>
    <message>
        <source>Hands and people</source>
        <translation>손짓과 사람</translation>
    </message>
    <message>
        <source>Hearts and symbols</source>
        <translation>하트와 기호</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>축하</translation>
    </message>
    <message>
        <source>Work and travel</source>
        <translation>업무와 이동</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>음식과 음료</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>자연</translation>
    </message>
</context>
<context>
    <name>moim::ui::EmojiPicker</name>
    <message>
        <source>Recently used</source>
        <translation>최근 사용</translation>
    </message>
    <message>
        <source>No emoji matches “%1”.</source>
        <translation>“%1”에 맞는 이모지가 없습니다.</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>이모지 검색</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>이모지</translation>
    </message>
    <message>
        <source>Emoji picker</source>
        <translation>이모지 선택</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>검색어 지우기</translation>
    </message>
</context>
<context>
    <name>moim::ui::ErrorText</name>
    <message>
        <source>The server is getting too many requests. Try again in a moment.</source>
        <translation>서버에 요청이 너무 많습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again in a moment.</source>
        <translation>서버에 문제가 생겼습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The request took too long to reach the server. Check your connection and try again.</source>
        <translation>요청이 서버에 도착하는 데 너무 오래 걸렸습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood. If you are on a public Wi-Fi, sign in to the network in your web browser first, then try again.</source>
        <translation>서버의 응답을 이해할 수 없습니다. 공용 Wi-Fi를 사용 중이라면 먼저 웹 브라우저에서 해당 네트워크에 로그인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>That is too large for the server to accept.</source>
        <translation>서버가 받기에는 내용이 너무 큽니다.</translation>
    </message>
    <message>
        <source>The server could not accept Moim&apos;s request (%1). If this keeps happening, update Moim or tell your admin.</source>
        <translation>서버가 모임의 요청을 받을 수 없습니다(%1). 이 문제가 계속되면 모임을 업데이트하거나 관리자에게 알려 주세요.</translation>
    </message>
    <message>
        <source>The server is busy. Try again in %1.</source>
        <translation>서버가 바쁩니다. %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The server is getting too many requests. Try again in %1.</source>
        <translation>서버에 요청이 너무 많습니다. %1 후에 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::ForgotPasswordPage</name>
    <message>
        <source>Reset your password</source>
        <translation>비밀번호 재설정</translation>
    </message>
    <message>
        <source>Enter the work email you sign in with. We&apos;ll mail you a link to choose a new password; it is valid for 30 minutes.</source>
        <translation>로그인할 때 쓰는 업무용 이메일을 입력하세요. 새 비밀번호를 정할 수 있는 링크를 메일로 보내 드립니다. 링크는 30분 동안 유효합니다.</translation>
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
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Send reset link</source>
        <translation>재설정 링크 보내기</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>로그인으로 돌아가기</translation>
    </message>
    <message>
        <source>If %1 has a Moim account, a reset link is on its way. Check your inbox and spam folder; the link works for 30 minutes.</source>
        <translation>%1에 모임 계정이 있다면 재설정 링크를 보냈습니다. 받은편지함과 스팸함을 확인하세요. 링크는 30분 동안 유효합니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::ImageViewer</name>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>이미지 뷰어</translation>
    </message>
    <message>
        <source>Previous image (←)</source>
        <translation>이전 이미지 (←)</translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation>이전 이미지</translation>
    </message>
    <message>
        <source>Next image (→)</source>
        <translation>다음 이미지 (→)</translation>
    </message>
    <message>
        <source>Next image</source>
        <translation>다음 이미지</translation>
    </message>
    <message>
        <source>Save the image as a file</source>
        <translation>이미지를 파일로 저장</translation>
    </message>
    <message>
        <source>Open the image in another app</source>
        <translation>다른 앱에서 이미지 열기</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
    <message>
        <source>Close the image viewer</source>
        <translation>이미지 뷰어 닫기</translation>
    </message>
    <message>
        <source>Download of the original image</source>
        <translation>원본 이미지 내려받기</translation>
    </message>
    <message>
        <source>The original image could not be loaded.</source>
        <translation>원본 이미지를 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>The original image could not be shown.</source>
        <translation>원본 이미지를 표시하지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>%2개 중 %1번째 이미지</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Zoom %1 percent</source>
        <translation>배율 %1퍼센트</translation>
    </message>
</context>
<context>
    <name>moim::ui::InvitePage</name>
    <message>
        <source>Back to sign in</source>
        <translation>로그인으로 돌아가기</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>As your colleagues will see it</source>
        <translation>동료에게 보일 이름</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Password of your Moim account</source>
        <translation>모임 계정 비밀번호</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>로그인 상태 유지</translation>
    </message>
    <message>
        <source>Opening your invitation…</source>
        <translation>초대를 여는 중…</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>참여하기</translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation>%1에 참여하기</translation>
    </message>
    <message>
        <source>%1 invited %2 to the %3 workspace.
This invitation is valid until %4 and works once.</source>
        <translation>%1님이 %2 주소로 %3 워크스페이스에 초대했습니다.
이 초대는 %4까지 유효하며 한 번만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 already has a Moim account. Enter its password to add %2 to it.</source>
        <translation>%1 주소에는 이미 모임 계정이 있습니다. 계정 비밀번호를 입력하면 %2 워크스페이스가 추가됩니다.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>참여하는 중…</translation>
    </message>
    <message>
        <source>Enter the password of your Moim account.</source>
        <translation>모임 계정의 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter your name as your colleagues will see it.</source>
        <translation>동료에게 보일 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>2-step verification code</source>
        <translation>2단계 인증 코드</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>인증 앱에 표시된 6자리 숫자</translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation>인증 앱에 표시된 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>Also link my personal account (optional)</source>
        <translation>개인 계정도 연결하기 (선택)</translation>
    </message>
    <message>
        <source>Then you can sign in by approving on your phone, without a password. Your phone confirms the link once you have joined.</source>
        <translation>연결하면 비밀번호 없이 휴대폰에서 승인해 로그인할 수 있습니다. 참여한 뒤 휴대폰에서 연결을 확인합니다.</translation>
    </message>
    <message>
        <source>Personal account ID</source>
        <translation>개인 계정 ID</translation>
    </message>
    <message>
        <source>Personal account ID, e.g. name@personal.example</source>
        <translation>개인 계정 ID (예: name@personal.example)</translation>
    </message>
    <message>
        <source>Enter the ID of the personal account to link (at least 3 characters, without spaces), or untick the option.</source>
        <translation>연결할 개인 계정 ID를 입력하세요(공백 없이 3자 이상). 연결하지 않으려면 선택을 해제하세요.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>moim::ui::LoginWindow</name>
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
    <message>
        <source>That is not a Moim invitation or reset link. Copy the whole link from the mail; it starts with moim://</source>
        <translation>모임 초대 링크나 비밀번호 재설정 링크가 아닙니다. 메일에 있는 링크 전체를 복사하세요. 링크는 moim://으로 시작합니다.</translation>
    </message>
    <message>
        <source>This link doesn&apos;t work</source>
        <translation>이 링크는 열 수 없습니다</translation>
    </message>
    <message>
        <source>It may be incomplete or mistyped. Links from Moim start with moim://</source>
        <translation>링크가 잘렸거나 잘못 입력되었을 수 있습니다. 모임 링크는 moim://으로 시작합니다.</translation>
    </message>
    <message>
        <source>Open the link straight from the mail, or copy it whole.</source>
        <translation>메일에서 링크를 바로 열거나 링크 전체를 복사하세요.</translation>
    </message>
    <message>
        <source>Look in your spam or junk folder for a newer mail from Moim.</source>
        <translation>스팸함이나 정크 메일함에 모임에서 보낸 최신 메일이 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>Ask your workspace admin to resend the invitation.</source>
        <translation>워크스페이스 관리자에게 초대 메일 재발송을 요청하세요.</translation>
    </message>
    <message>
        <source>This invitation has expired</source>
        <translation>초대가 만료되었습니다</translation>
    </message>
    <message>
        <source>Invitations are valid for 24 hours.</source>
        <translation>초대는 24시간 동안만 유효합니다.</translation>
    </message>
    <message>
        <source>This invitation was already used</source>
        <translation>이미 사용된 초대입니다</translation>
    </message>
    <message>
        <source>Each invitation link works once.</source>
        <translation>초대 링크는 한 번만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>If you already joined, sign in with your work email and password.</source>
        <translation>이미 가입했다면 업무용 이메일과 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>If you didn&apos;t use it, ask your workspace admin to resend the invitation.</source>
        <translation>직접 사용하지 않았다면 워크스페이스 관리자에게 초대 재발송을 요청하세요.</translation>
    </message>
    <message>
        <source>This invitation was withdrawn</source>
        <translation>취소된 초대입니다</translation>
    </message>
    <message>
        <source>The workspace admin cancelled this invitation.</source>
        <translation>워크스페이스 관리자가 이 초대를 취소했습니다.</translation>
    </message>
    <message>
        <source>Ask your workspace admin whether you should have a new one.</source>
        <translation>새 초대가 필요한지 워크스페이스 관리자에게 문의하세요.</translation>
    </message>
    <message>
        <source>A newer invitation replaced this link</source>
        <translation>새 초대로 대체된 링크입니다</translation>
    </message>
    <message>
        <source>Your admin sent the invitation again, so only the newest link works.</source>
        <translation>관리자가 초대를 다시 보내서 가장 최근 링크만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Open the most recent invitation mail from Moim.</source>
        <translation>모임에서 받은 가장 최근 초대 메일을 여세요.</translation>
    </message>
    <message>
        <source>Look in your spam or junk folder if you can&apos;t find it.</source>
        <translation>찾을 수 없다면 스팸함이나 정크 메일함을 확인하세요.</translation>
    </message>
    <message>
        <source>This reset link has expired</source>
        <translation>재설정 링크가 만료되었습니다</translation>
    </message>
    <message>
        <source>Reset links are valid for 30 minutes.</source>
        <translation>재설정 링크는 30분 동안만 유효합니다.</translation>
    </message>
    <message>
        <source>Ask for a new link and use it within 30 minutes.</source>
        <translation>새 링크를 요청하고 30분 안에 사용하세요.</translation>
    </message>
    <message>
        <source>This reset link was already used</source>
        <translation>이미 사용된 재설정 링크입니다</translation>
    </message>
    <message>
        <source>Each reset link works once.</source>
        <translation>재설정 링크는 한 번만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>If you changed your password, sign in with the new one.</source>
        <translation>비밀번호를 바꿨다면 새 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>Otherwise ask for a new link.</source>
        <translation>그렇지 않다면 새 링크를 요청하세요.</translation>
    </message>
    <message>
        <source>This reset link doesn&apos;t work</source>
        <translation>이 재설정 링크는 열 수 없습니다</translation>
    </message>
    <message>
        <source>It may be incomplete, mistyped, or from an older mail.</source>
        <translation>링크가 잘렸거나, 잘못 입력되었거나, 예전 메일의 링크일 수 있습니다.</translation>
    </message>
    <message>
        <source>Open the link straight from the newest mail, or ask for a new link.</source>
        <translation>가장 최근 메일에서 링크를 바로 열거나 새 링크를 요청하세요.</translation>
    </message>
    <message>
        <source>This invitation link doesn&apos;t work</source>
        <translation>이 초대 링크는 열 수 없습니다</translation>
    </message>
    <message>
        <source>Ask for a new link</source>
        <translation>새 링크 요청하기</translation>
    </message>
    <message>
        <source>That password is too short: use at least 12 characters.</source>
        <translation>비밀번호가 너무 짧습니다. 12자 이상으로 정하세요.</translation>
    </message>
    <message>
        <source>That password is too long: at most 256 characters.</source>
        <translation>비밀번호가 너무 깁니다. 256자 이하로 정하세요.</translation>
    </message>
    <message>
        <source>That password is too easy to guess. Add a few unrelated words.</source>
        <translation>추측하기 쉬운 비밀번호입니다. 서로 관계없는 단어를 몇 개 더해 보세요.</translation>
    </message>
    <message>
        <source>That password is not right for this account. Try again, or reset it from the sign-in page.</source>
        <translation>이 계정의 비밀번호가 아닙니다. 다시 시도하거나 로그인 화면에서 비밀번호를 재설정하세요.</translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation>서버에 연결할 수 없습니다. 네트워크 연결을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Enter a valid work email address.</source>
        <translation>올바른 업무용 이메일 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server. Update Moim with your package manager or software centre.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원하지 않습니다. 패키지 관리자나 소프트웨어 센터에서 모임을 업데이트하세요.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try again in a moment.</source>
        <translation>문제가 발생했습니다(%1). 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Your password was changed and every device was signed out. Sign in with the new password.</source>
        <translation>비밀번호가 변경되어 모든 기기에서 로그아웃되었습니다. 새 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>This account has 2-step verification: enter the code from your authenticator app with the password.</source>
        <translation>이 계정은 2단계 인증을 사용합니다. 비밀번호와 함께 인증 앱의 코드를 입력하세요.</translation>
    </message>
    <message>
        <source>That code is not right. Check the authenticator app and try again.</source>
        <translation>코드가 올바르지 않습니다. 인증 앱을 확인하고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>That code was already used. Wait for the next one.</source>
        <translation>이미 사용한 코드입니다. 다음 코드가 나올 때까지 기다리세요.</translation>
    </message>
    <message>
        <source>That code has expired. Use the current one.</source>
        <translation>만료된 코드입니다. 지금 표시된 코드를 사용하세요.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>시도 횟수가 너무 많습니다. %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
</context>
<context>
    <name>moim::ui::MainWindow</name>
    <message>
        <source>&amp;Sort conversations</source>
        <translation>대화 정렬(&amp;S)</translation>
    </message>
    <message>
        <source>By recent &amp;activity</source>
        <translation>최근 활동순(&amp;A)</translation>
    </message>
    <message>
        <source>By &amp;name</source>
        <translation>이름순(&amp;N)</translation>
    </message>
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
    <message>
        <source>Message %1</source>
        <translation>%1에 메시지 보내기</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>N&amp;otification settings…</source>
        <translation>알림 설정(&amp;O)…</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not sent yet.</source>
        <translation>
            <numerusform>아직 보내지 못한 메시지가 %n개 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n second(s)…</source>
        <translation>
            <numerusform>%n초 후 다시 시도합니다…</numerusform>
        </translation>
    </message>
    <message>
        <source>Couldn&apos;t save your message, so it was not sent. Your text is still in the message box: check that the disk has free space, then press Enter again.</source>
        <translation>메시지를 저장하지 못해 보내지 않았습니다. 입력한 내용은 입력창에 그대로 있으니, 디스크 여유 공간을 확인한 뒤 Enter를 다시 누르세요.</translation>
    </message>
    <message>
        <source>&amp;Jump to…</source>
        <translation>바로 가기(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Find in conversation</source>
        <translation>대화에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <source>Find in &amp;all workspaces</source>
        <translation>모든 워크스페이스에서 찾기(&amp;A)</translation>
    </message>
    <message>
        <source>Notify everyone?</source>
        <translation>모두에게 알릴까요?</translation>
    </message>
    <message numerus="yes">
        <source>This message notifies all %n members of the channel.</source>
        <translation>
            <numerusform>이 메시지는 채널 멤버 %n명 모두에게 알림을 보냅니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send and notify</source>
        <translation>보내고 알리기</translation>
    </message>
    <message>
        <source>Messages in %1</source>
        <extracomment>The message list&apos;s name for screen readers: &quot;#일반 메시지&quot; / &quot;Messages in #general&quot;.</extracomment>
        <translation>%1 메시지</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(%1) Moim</source>
        <extracomment>The main window&apos;s title with the unread total: &quot;(31) 모임&quot;.</extracomment>
        <translation>(%1) 모임</translation>
    </message>
    <message>
        <source>Notification settings for %1</source>
        <translation>%1 알림 설정</translation>
    </message>
    <message>
        <source>Notifications and mute for this workspace</source>
        <translation>이 워크스페이스의 알림과 일시 중지</translation>
    </message>
</context>
<context>
    <name>moim::ui::MentionPicker</name>
    <message>
        <source>People to mention</source>
        <translation>멘션할 사람</translation>
    </message>
    <message>
        <source>Notify everyone in this channel</source>
        <translation>이 채널의 모두에게 알림</translation>
    </message>
    <message>
        <source>Notify everyone who is online</source>
        <translation>접속 중인 모두에게 알림</translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageActions</name>
    <message>
        <source>The message was deleted, so it can no longer be changed.</source>
        <translation>삭제된 메시지라서 더 이상 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>This message has as many different reactions as it can hold.</source>
        <translation>이 메시지에는 더 이상 다른 반응을 남길 수 없습니다.</translation>
    </message>
    <message>
        <source>Only the author can change this message.</source>
        <translation>보낸 사람만 이 메시지를 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>The change could not be made. Try again in a moment.</source>
        <translation>변경하지 못했습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageDelegate</name>
    <message>
        <source>New messages</source>
        <translation>새 메시지</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Not sent: %1 Click to retry, or right-click to delete.</source>
        <translation>보내지 못함: %1 클릭하면 다시 보내고, 오른쪽 클릭으로 삭제할 수 있습니다.</translation>
    </message>
    <message>
        <source>you are not a member of this conversation.</source>
        <translation>이 대화의 멤버가 아닙니다.</translation>
    </message>
    <message>
        <source>this conversation no longer exists.</source>
        <translation>이 대화가 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>this workspace requires 2-step verification.</source>
        <translation>이 워크스페이스는 2단계 인증이 필요합니다.</translation>
    </message>
    <message>
        <source>the message is too long.</source>
        <translation>메시지가 너무 깁니다.</translation>
    </message>
    <message>
        <source>the server does not accept this message (it may be too long).</source>
        <translation>서버가 이 메시지를 받지 않습니다(너무 길 수 있습니다).</translation>
    </message>
    <message>
        <source>the server refused it.</source>
        <translation>서버가 거부했습니다.</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(수정됨)</translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation>삭제된 메시지입니다.</translation>
    </message>
    <message>
        <source>A message</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>The original message was deleted.</source>
        <translation>원본 메시지가 삭제되었습니다.</translation>
    </message>
    <message>
        <source>a file it carries could not be uploaded.</source>
        <translation>첨부한 파일을 올리지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageFiles</name>
    <message>
        <source>Saved to %1</source>
        <translation>%1에 저장했습니다</translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <extracomment>&quot;보고서.hwp: the file is no longer on the server.&quot;</extracomment>
        <translation>%1 파일을 내려받지 못했습니다: %2</translation>
    </message>
    <message>
        <source>the file is no longer on the server.</source>
        <translation>서버에 더 이상 없는 파일입니다.</translation>
    </message>
    <message>
        <source>this workspace requires 2-step verification.</source>
        <translation>이 워크스페이스는 2단계 인증이 필요합니다.</translation>
    </message>
    <message>
        <source>the connection was lost.</source>
        <translation>연결이 끊어졌습니다.</translation>
    </message>
    <message>
        <source>it could not be written to the disk, or the server refused it.</source>
        <translation>디스크에 쓰지 못했거나 서버가 거부했습니다.</translation>
    </message>
    <message>
        <source>Open %1?</source>
        <translation>%1 파일을 열까요?</translation>
    </message>
    <message>
        <source>Moim could not tell what kind of file this is. It may be a program that can change your computer. Open it only if you trust %1.</source>
        <translation>어떤 종류의 파일인지 알 수 없습니다. 컴퓨터를 바꿀 수 있는 프로그램일 수도 있습니다. %1 파일을 믿을 수 있을 때만 여세요.</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>파일 저장</translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageView</name>
    <message>
        <source>Open link</source>
        <translation>링크 열기</translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation>링크 주소 복사</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>텍스트 복사</translation>
    </message>
    <message>
        <source>Copy link to message</source>
        <translation>메시지 링크 복사</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <comment>author, time: message</comment>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>That message could not be found. It may have been deleted.</source>
        <translation>메시지를 찾을 수 없습니다. 삭제되었을 수 있습니다.</translation>
    </message>
    <message>
        <source>Jump to latest ↓ (%1)</source>
        <translation>최신 메시지로 ↓ (%1)</translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation>최신 메시지로 ↓</translation>
    </message>
    <message numerus="yes">
        <source>Jump to the latest message, %n new</source>
        <translation>
            <numerusform>최신 메시지로 이동, 새 메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation>최신 메시지로 이동</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>다시 보내기</translation>
    </message>
    <message>
        <source>Delete unsent message</source>
        <translation>보내지 않은 메시지 삭제</translation>
    </message>
    <message>
        <source>Unpin notice</source>
        <translation>공지 내리기</translation>
    </message>
    <message>
        <source>Pin as notice</source>
        <translation>공지로 등록</translation>
    </message>
    <message>
        <source>In reply to %1: %2</source>
        <translation>%1 님의 메시지에 답장: %2</translation>
    </message>
    <message numerus="yes">
        <source>Not read by %n member(s).</source>
        <translation>
            <numerusform>%n명이 아직 읽지 않았습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation>%1에 수정됨</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>답장</translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation>반응 남기기…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>외 %n명</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read yet (%1): %2</source>
        <translation>안 읽음 (%1명): %2</translation>
    </message>
    <message>
        <source>Read (%1): %2</source>
        <translation>읽음 (%1명): %2</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>메시지 삭제</translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation>모든 사람에게서 이 메시지를 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Attachment: %1.</source>
        <translation>첨부 파일: %1.</translation>
    </message>
    <message>
        <source>Mentions you.</source>
        <translation>나를 멘션했습니다.</translation>
    </message>
    <message>
        <source>New message: %1</source>
        <translation>새 메시지: %1</translation>
    </message>
</context>
<context>
    <name>moim::ui::MuteDescription</name>
    <message>
        <source>Muted until you turn them back on</source>
        <translation>다시 켤 때까지 알림 일시 중지됨</translation>
    </message>
    <message>
        <source>Muted until %1</source>
        <translation>%1까지 알림 일시 중지됨</translation>
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
        <source>Current password</source>
        <translation>현재 비밀번호</translation>
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
        <source>Sign out selected device</source>
        <translation>선택한 기기 로그아웃</translation>
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
    <message numerus="yes">
        <source>The request expires in %n second(s).</source>
        <translation>
            <numerusform>요청이 %n초 후에 만료됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Unlinking…</source>
        <translation>연결 해제하는 중…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>연결 해제</translation>
    </message>
    <message>
        <source>Enter on your phone: %1</source>
        <translation>휴대폰에 입력할 숫자: %1</translation>
    </message>
    <message>
        <source>On the phone signed in to %1, open the link request and enter this number. Only that approval makes the link.</source>
        <translation>%1 계정으로 로그인한 휴대폰에서 연결 요청을 열고 이 숫자를 입력하세요. 휴대폰에서 승인해야만 연결됩니다.</translation>
    </message>
    <message>
        <source>%1 · linked on %2</source>
        <translation>%1 · %2에 연결됨</translation>
    </message>
    <message>
        <source>To sign in, choose &quot;Personal account&quot; on the sign-in page and approve on the phone signed in to it: no password on the computer.</source>
        <translation>로그인할 때 로그인 화면에서 [개인 계정]을 선택하고, 이 계정으로 로그인한 휴대폰에서 승인하세요. 컴퓨터에서 비밀번호를 입력할 필요가 없습니다.</translation>
    </message>
    <message>
        <source>Linked. A confirmation mail went to your work address.</source>
        <translation>연결되었습니다. 업무용 이메일로 확인 메일을 보냈습니다.</translation>
    </message>
    <message>
        <source>Unlinked. The personal account can no longer sign you in; a mail went to your work address.</source>
        <translation>연결을 해제했습니다. 이제 이 개인 계정으로는 로그인할 수 없으며, 업무용 이메일로 안내 메일을 보냈습니다.</translation>
    </message>
    <message>
        <source>The link was denied on the phone.</source>
        <translation>휴대폰에서 연결 요청을 거부했습니다.</translation>
    </message>
    <message>
        <source>The request was reported on the phone as not made by its owner, so requests to that personal account are paused for a while.</source>
        <translation>휴대폰에서 본인이 보내지 않은 요청으로 신고되어, 한동안 이 개인 계정으로 요청을 보낼 수 없습니다.</translation>
    </message>
    <message>
        <source>The numbers didn&apos;t match, so nothing was linked. Try again and enter the number shown here.</source>
        <translation>숫자가 일치하지 않아 연결되지 않았습니다. 다시 시도하고 여기에 표시된 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>The request expired after 60 seconds. If nothing appeared on the phone, check the ID and that the phone is signed in to that personal account.</source>
        <translation>60초가 지나 요청이 만료되었습니다. 휴대폰에 아무것도 나타나지 않았다면 ID가 맞는지, 휴대폰이 그 개인 계정으로 로그인되어 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>That personal account is already linked to another work account. Unlink it there first.</source>
        <translation>이 개인 계정은 이미 다른 업무 계정에 연결되어 있습니다. 먼저 그 계정에서 연결을 해제하세요.</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>개인 계정</translation>
    </message>
    <message>
        <source>Linked personal account</source>
        <translation>연결된 개인 계정</translation>
    </message>
    <message>
        <source>Link your personal account to sign in by approving on your phone, with no password on the computer. It is only a way to sign in: your work data stays in the workspace. Every link and unlink is mailed to your work address.</source>
        <translation>개인 계정을 연결하면 컴퓨터에서 비밀번호를 입력하지 않고 휴대폰에서 승인해 로그인할 수 있습니다. 개인 계정은 로그인 수단일 뿐이며 업무 데이터는 워크스페이스에만 저장됩니다. 연결하거나 해제할 때마다 업무용 이메일로 알려 드립니다.</translation>
    </message>
    <message>
        <source>Personal account ID</source>
        <translation>개인 계정 ID</translation>
    </message>
    <message>
        <source>name@personal.example</source>
        <translation>name@personal.example</translation>
    </message>
    <message>
        <source>Link personal account</source>
        <translation>개인 계정 연결</translation>
    </message>
    <message>
        <source>Enter this number on your phone</source>
        <translation>휴대폰에 이 숫자를 입력하세요</translation>
    </message>
    <message>
        <source>Cancel the link request</source>
        <translation>연결 요청 취소</translation>
    </message>
    <message>
        <source>Unlink personal account</source>
        <translation>개인 계정 연결 해제</translation>
    </message>
    <message>
        <source>Enter the personal account ID: at least 3 characters, without spaces.</source>
        <translation>개인 계정 ID를 입력하세요(공백 없이 3자 이상).</translation>
    </message>
    <message>
        <source>This work account already has a linked personal account. Unlink it first.</source>
        <translation>이 업무 계정에는 이미 연결된 개인 계정이 있습니다. 먼저 연결을 해제하세요.</translation>
    </message>
    <message numerus="yes">
        <source>Requests to that personal account are paused after a report. Try again in %n minute(s).</source>
        <translation>
            <numerusform>신고로 인해 이 개인 계정으로 보내는 요청이 일시 중지되었습니다. %n분 후에 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>시도 횟수가 너무 많습니다. %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Three requests already wait on that phone. Answer them there, or try again in %1.</source>
        <translation>그 휴대폰에 이미 요청 3개가 기다리고 있습니다. 휴대폰에서 응답하거나 %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Setup key: %1</source>
        <translation>설정 키: %1</translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation>키 복사</translation>
    </message>
    <message>
        <source>Copy the setup key</source>
        <translation>설정 키 복사</translation>
    </message>
    <message>
        <source>Copy setup link</source>
        <translation>설정 링크 복사</translation>
    </message>
    <message>
        <source>Copy the setup link (otpauth)</source>
        <translation>설정 링크(otpauth) 복사</translation>
    </message>
    <message>
        <source>For a password manager or an authenticator that takes a link instead of a QR code.</source>
        <translation>QR 코드 대신 링크를 받는 비밀번호 관리자나 인증 앱에 붙여 넣을 때 쓰세요.</translation>
    </message>
    <message>
        <source>Changing it signs you out on every other device.</source>
        <translation>비밀번호를 바꾸면 다른 모든 기기에서 로그아웃됩니다.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>현재 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>휴대폰: %1</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>환경설정…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <source>Log out and delete local data</source>
        <translation>로그아웃하고 로컬 데이터 삭제</translation>
    </message>
    <message>
        <source>Account sections</source>
        <translation>계정 설정 항목</translation>
    </message>
</context>
<context>
    <name>moim::ui::NewDirectDialog</name>
    <message>
        <source>New message</source>
        <translation>새 메시지</translation>
    </message>
    <message>
        <source>Choose one or more people (up to 8).</source>
        <translation>대화할 사람을 한 명 이상 고르세요 (최대 8명).</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>사람 검색</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>People</source>
        <translation>구성원</translation>
    </message>
</context>
<context>
    <name>moim::ui::NewPasswordFields</name>
    <message>
        <source>New password</source>
        <translation>새 비밀번호</translation>
    </message>
    <message>
        <source>Confirm the password</source>
        <translation>비밀번호 확인</translation>
    </message>
    <message>
        <source>At least %1 characters. No special characters needed: a few unrelated words are strong and easy to remember. Avoid your name, email and workspace names.</source>
        <translation>%1자 이상이면 됩니다. 특수문자는 필요 없습니다. 서로 관계없는 단어 몇 개를 이으면 강력하고 기억하기도 쉽습니다. 이름, 이메일, 워크스페이스 이름은 피하세요.</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>비밀번호 강도</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>%1자 이상의 비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>Too short: %1 of %2 characters.</source>
        <translation>너무 짧음: %2자 중 %1자</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation>너무 김: 최대 %1자</translation>
    </message>
    <message>
        <source>Too easy to guess</source>
        <translation>추측하기 쉬움</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>매우 강함</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>강함</translation>
    </message>
    <message>
        <source>Good enough</source>
        <translation>괜찮음</translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation>비밀번호를 정하세요.</translation>
    </message>
    <message>
        <source>That password is too long: at most %1 characters.</source>
        <translation>비밀번호가 너무 깁니다. 최대 %1자까지 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>That password is too short: use at least %1 characters.</source>
        <translation>비밀번호가 너무 짧습니다. %1자 이상으로 정하세요.</translation>
    </message>
    <message>
        <source>That password is too easy to guess. Add a few unrelated words.</source>
        <translation>추측하기 쉬운 비밀번호입니다. 서로 관계없는 단어를 몇 개 더해 보세요.</translation>
    </message>
    <message>
        <source>The two passwords don&apos;t match.</source>
        <translation>두 비밀번호가 일치하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::NotificationSettingsPage</name>
    <message>
        <source>For 1 hour</source>
        <translation>1시간 동안</translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation>8시간 동안</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>내일 아침까지</translation>
    </message>
    <message>
        <source>Until I turn them back on</source>
        <translation>다시 켤 때까지</translation>
    </message>
    <message>
        <source>Notifications for %1</source>
        <translation>%1 알림 설정</translation>
    </message>
    <message>
        <source>These settings apply to this workspace only, and follow you to your other devices.</source>
        <translation>이 설정은 이 워크스페이스에만 적용되며, 다른 기기에서도 그대로 유지됩니다.</translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation>알림 받을 메시지</translation>
    </message>
    <message>
        <source>All new messages</source>
        <translation>새 메시지 모두</translation>
    </message>
    <message>
        <source>Only mentions and direct messages</source>
        <translation>멘션과 개인 메시지만</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>받지 않음</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>알림 일시 중지</translation>
    </message>
    <message>
        <source>Mute notifications of this workspace</source>
        <translation>이 워크스페이스의 알림 일시 중지</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>다시 켜기</translation>
    </message>
    <message>
        <source>Unmute notifications of this workspace</source>
        <translation>이 워크스페이스의 알림 다시 켜기</translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation>방해 금지 시간</translation>
    </message>
    <message>
        <source>Pause notifications on a schedule</source>
        <translation>정해진 시간에 알림 멈추기</translation>
    </message>
    <message>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>to</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>방해 금지 시작 시각</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>방해 금지 종료 시각</translation>
    </message>
    <message>
        <source>On these days</source>
        <translation>적용할 요일</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>화</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>목</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>토</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>월요일</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>화요일</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>수요일</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>목요일</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>금요일</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>토요일</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>일요일</translation>
    </message>
    <message>
        <source>Quiet hours on %1</source>
        <translation>%1 방해 금지</translation>
    </message>
    <message>
        <source>When a notification is shown</source>
        <translation>알림이 표시될 때</translation>
    </message>
    <message>
        <source>Show a preview of the message</source>
        <translation>메시지 미리보기 표시</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>알림음 재생</translation>
    </message>
    <message>
        <source>Count this workspace&apos;s unread messages in the total</source>
        <translation>이 워크스페이스의 읽지 않은 메시지를 전체 개수에 포함</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Saved on this computer. Your other devices get it when Moim is back online.</source>
        <translation>이 컴퓨터에 저장했습니다. 모임이 다시 온라인이 되면 다른 기기에도 반영됩니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Not muted. Mute to pause this workspace for a while.</source>
        <translation>알림이 켜져 있습니다. 일시 중지하면 이 워크스페이스의 알림을 잠시 멈춥니다.</translation>
    </message>
    <message>
        <source>Quiet all day on the days chosen.</source>
        <translation>선택한 요일에는 하루 종일 알림이 울리지 않습니다.</translation>
    </message>
    <message>
        <source>Each quiet period ends the next day at %1.</source>
        <translation>방해 금지 시간은 다음 날 %1에 끝납니다.</translation>
    </message>
    <message>
        <source>Times are in this computer&apos;s time zone (%1).</source>
        <translation>시간은 이 컴퓨터의 시간대(%1)를 기준으로 합니다.</translation>
    </message>
    <message>
        <source>Saved. Your other devices follow.</source>
        <translation>저장했습니다. 다른 기기에도 반영됩니다.</translation>
    </message>
    <message>
        <source>The server did not accept this change (%1), so the settings are as they were.</source>
        <translation>서버가 이 변경(%1)을 받아들이지 않아 설정을 이전대로 되돌렸습니다.</translation>
    </message>
    <message>
        <source>The server did not accept this change, so the settings are as they were.</source>
        <translation>서버가 이 변경을 받아들이지 않아 설정을 이전대로 되돌렸습니다.</translation>
    </message>
    <message>
        <source>How long to mute</source>
        <translation>일시 중지할 기간</translation>
    </message>
    <message>
        <source>Mute again</source>
        <translation>다시 일시 중지</translation>
    </message>
</context>
<context>
    <name>moim::ui::OutgoingFiles</name>
    <message>
        <source>Attach files</source>
        <translation>파일 첨부</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>파일을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Folders cannot be sent; compress it into a ZIP file first.</source>
        <translation>폴더는 보낼 수 없습니다. 먼저 ZIP 파일로 압축해 주세요.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>빈 파일입니다.</translation>
    </message>
    <message>
        <source>Files can be at most %1 MB.</source>
        <translation>파일은 %1MB까지 보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>The file could not be kept for sending: the disk may be full.</source>
        <translation>보낼 파일을 저장하지 못했습니다. 디스크가 가득 찼을 수 있습니다.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Attach it again.</source>
        <translation>보내는 동안 파일이 바뀌었습니다. 다시 첨부해 주세요.</translation>
    </message>
    <message>
        <source>The file was moved or deleted before it was sent.</source>
        <translation>보내기 전에 파일이 옮겨지거나 삭제되었습니다.</translation>
    </message>
    <message>
        <source>The server did not accept the file.</source>
        <translation>서버가 파일을 받지 않았습니다.</translation>
    </message>
    <message>
        <source>Screenshot %1.png</source>
        <extracomment>The name of a pasted screenshot; %1 is the date and time, written for a file name.</extracomment>
        <translation>스크린샷 %1.png</translation>
    </message>
    <message numerus="yes">
        <source>A message can carry at most %n files.</source>
        <translation>
            <numerusform>메시지 하나에 파일을 %n개까지 첨부할 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Why a file could not be attached: &quot;보고서.hwp: The file is empty.&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 could not be uploaded: %2 Remove it to send the message.</source>
        <translation>%1 파일을 올리지 못했습니다: %2 메시지를 보내려면 이 파일을 빼 주세요.</translation>
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
        <source>Keep me signed in</source>
        <translation>로그인 상태 유지</translation>
    </message>
    <message>
        <source>This is a shared computer</source>
        <translation>공용 컴퓨터입니다</translation>
    </message>
    <message>
        <source>Moim will not remember you and deletes its local data when you log out or quit.</source>
        <translation>로그인 상태를 기억하지 않으며, 로그아웃하거나 종료할 때 이 컴퓨터에 저장된 데이터를 삭제합니다.</translation>
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
        <source>Forgot password?</source>
        <translation>비밀번호를 잊으셨나요?</translation>
    </message>
    <message>
        <source>Have an invitation or reset link?</source>
        <translation>초대 링크나 재설정 링크가 있으신가요?</translation>
    </message>
    <message>
        <source>Sign in with QR code</source>
        <translation>QR 코드로 로그인</translation>
    </message>
    <message>
        <source>Scan a code with Moim on your phone instead of typing a password.</source>
        <translation>비밀번호를 입력하는 대신 휴대폰의 모임 앱으로 코드를 스캔하세요.</translation>
    </message>
    <message>
        <source>2-step verification ended after too many wrong codes or a long wait. Sign in again with your password.</source>
        <translation>잘못된 코드를 너무 많이 입력했거나 시간이 너무 오래 지나 2단계 인증이 종료되었습니다. 비밀번호로 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Or sign in with your phone</source>
        <translation>또는 휴대폰으로 로그인</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR 코드</translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation>개인 계정</translation>
    </message>
    <message>
        <source>Sign in with personal account</source>
        <translation>개인 계정으로 로그인</translation>
    </message>
    <message>
        <source>Approve on the phone signed in to your linked personal account; no password on this computer.</source>
        <translation>연결된 개인 계정으로 로그인한 휴대폰에서 승인하세요. 이 컴퓨터에서는 비밀번호가 필요 없습니다.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>시도 횟수가 너무 많습니다. %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Clear email</source>
        <translation>이메일 지우기</translation>
    </message>
</context>
<context>
    <name>moim::ui::PasswordReveal</name>
    <message>
        <source>Hide password</source>
        <translation>비밀번호 숨기기</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>비밀번호 표시</translation>
    </message>
</context>
<context>
    <name>moim::ui::PasteLinkPage</name>
    <message>
        <source>Open a link from a mail</source>
        <translation>메일의 링크 열기</translation>
    </message>
    <message>
        <source>Paste the invitation or password reset link from your mail. It starts with moim://</source>
        <translation>메일에 있는 초대 링크나 비밀번호 재설정 링크를 붙여 넣으세요. 링크는 moim://으로 시작합니다.</translation>
    </message>
    <message>
        <source>moim://invite/…</source>
        <translation>moim://invite/…</translation>
    </message>
    <message>
        <source>Invitation or reset link</source>
        <translation>초대 링크 또는 재설정 링크</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>링크 열기</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>로그인으로 돌아가기</translation>
    </message>
</context>
<context>
    <name>moim::ui::PinnedNoticeBar</name>
    <message>
        <source>Show the whole notice</source>
        <translation>공지 전체 보기</translation>
    </message>
    <message>
        <source>Fold the notice</source>
        <translation>공지 접기</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>공지</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>공지 내리기</translation>
    </message>
    <message>
        <source>Take this notice down for everyone</source>
        <translation>모든 멤버에게서 이 공지를 내립니다</translation>
    </message>
    <message>
        <source>Go to message</source>
        <translation>메시지로 이동</translation>
    </message>
    <message>
        <source>Show the pinned message in the conversation</source>
        <translation>대화에서 공지 메시지 보기</translation>
    </message>
</context>
<context>
    <name>moim::ui::PreferencesDialog</name>
    <message>
        <source>Moim could not add itself to the programs that start when you log in (%1).</source>
        <translation>로그인할 때 시작되는 프로그램에 모임을 추가하지 못했습니다(%1).</translation>
    </message>
    <message>
        <source>Moim could not remove itself from the programs that start when you log in (%1).</source>
        <translation>로그인할 때 시작되는 프로그램에서 모임을 빼지 못했습니다(%1).</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or IP address.</source>
        <translation>프록시의 호스트 이름이나 IP 주소를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter only the proxy&apos;s host name or IP address, without http:// or a port, for example proxy.example.com.</source>
        <translation>http://나 포트 번호 없이 프록시의 호스트 이름이나 IP 주소만 입력하세요. 예: proxy.example.com</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port, a number from 1 to 65535.</source>
        <translation>프록시 포트를 1부터 65535 사이의 숫자로 입력하세요.</translation>
    </message>
    <message>
        <source>Moim now connects through %1:%2.</source>
        <translation>이제 모임은 %1:%2 프록시를 거쳐 연결합니다.</translation>
    </message>
    <message>
        <source>Moim stays light, whatever your desktop uses.</source>
        <translation>데스크톱 설정과 관계없이 모임을 밝게 표시합니다.</translation>
    </message>
    <message>
        <source>Moim stays dark, whatever your desktop uses.</source>
        <translation>데스크톱 설정과 관계없이 모임을 어둡게 표시합니다.</translation>
    </message>
    <message>
        <source>Moim follows your desktop&apos;s light or dark style.</source>
        <translation>데스크톱의 밝은 모드나 어두운 모드를 따릅니다.</translation>
    </message>
    <message>
        <source>Your desktop prefers dark, so Moim is dark.</source>
        <translation>데스크톱이 어두운 모드를 사용하므로 모임도 어둡게 표시합니다.</translation>
    </message>
    <message>
        <source>Your desktop prefers light, so Moim is light.</source>
        <translation>데스크톱이 밝은 모드를 사용하므로 모임도 밝게 표시합니다.</translation>
    </message>
    <message>
        <source>Your desktop does not say which it prefers; its colours are dark, so Moim is dark.</source>
        <translation>데스크톱에 선호 모드가 지정되어 있지 않지만 색상이 어두워서 모임도 어둡게 표시합니다.</translation>
    </message>
    <message>
        <source>Your desktop does not say which it prefers, so Moim is light.</source>
        <translation>데스크톱에 선호 모드가 지정되어 있지 않아 모임을 밝게 표시합니다.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation>시작과 종료</translation>
    </message>
    <message>
        <source>Start Moim when I log in</source>
        <translation>로그인할 때 모임 시작</translation>
    </message>
    <message>
        <source>Moim starts in the background, so messages reach you from the moment you log in.</source>
        <translation>모임이 백그라운드에서 시작되어, 로그인하자마자 메시지를 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>Keep Moim running in the tray when I close the window</source>
        <translation>창을 닫아도 트레이에서 모임 계속 실행</translation>
    </message>
    <message>
        <source>Messages keep arriving. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>메시지는 계속 도착합니다. 끝내려면 트레이 메뉴를 쓰거나 Ctrl+Q를 누르세요.</translation>
    </message>
    <message>
        <source>Your desktop shows no tray icons, so closing the window quits Moim.</source>
        <translation>이 데스크톱에는 트레이 아이콘이 표시되지 않으므로, 창을 닫으면 모임이 끝납니다.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>프록시</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>시스템 프록시 설정 사용</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>프록시 사용 안 함</translation>
    </message>
    <message>
        <source>Manual proxy</source>
        <translation>프록시 직접 설정</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>포트</translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation>프록시 종류</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>프록시 호스트</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>프록시 포트</translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <source>Use this proxy</source>
        <translation>이 프록시 사용</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation>시스템 설정 따름(%1)</translation>
    </message>
    <message>
        <source>%1% (normal)</source>
        <translation>%1%(기본)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>글자 크기</translation>
    </message>
    <message>
        <source>Ctrl+= makes text larger, Ctrl+- smaller and Ctrl+0 normal, in every window.</source>
        <translation>어느 창에서나 Ctrl+=로 글자를 크게, Ctrl+-로 작게, Ctrl+0으로 기본 크기로 되돌립니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::PushPage</name>
    <message>
        <source>Sign in with personal account</source>
        <translation>개인 계정으로 로그인</translation>
    </message>
    <message>
        <source>No password on this computer: approve the sign-in on the phone signed in to your linked personal account.</source>
        <translation>이 컴퓨터에서는 비밀번호가 필요 없습니다. 연결된 개인 계정으로 로그인한 휴대폰에서 승인하세요.</translation>
    </message>
    <message>
        <source>Personal account ID</source>
        <translation>개인 계정 ID</translation>
    </message>
    <message>
        <source>name@personal.example</source>
        <translation>name@personal.example</translation>
    </message>
    <message>
        <source>Send request to my phone</source>
        <translation>휴대폰으로 요청 보내기</translation>
    </message>
    <message>
        <source>Send the request: it goes to the phone signed in to that personal account.</source>
        <translation>요청을 보내면 그 개인 계정으로 로그인한 휴대폰에 도착합니다.</translation>
    </message>
    <message>
        <source>On the phone, check which computer is asking and from where.</source>
        <translation>휴대폰에서 어떤 컴퓨터가 어디에서 요청했는지 확인하세요.</translation>
    </message>
    <message>
        <source>Enter on the phone the number this page shows.</source>
        <translation>이 화면에 표시되는 숫자를 휴대폰에 입력하세요.</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>%1단계: %2</translation>
    </message>
    <message>
        <source>Not linked yet? Sign in with your work email once, then link your personal account under My account.</source>
        <translation>아직 연결하지 않았나요? 업무용 이메일로 한 번 로그인한 뒤 [내 계정]에서 개인 계정을 연결하세요.</translation>
    </message>
    <message>
        <source>Enter this number on your phone</source>
        <translation>휴대폰에 이 숫자를 입력하세요</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>요청 취소</translation>
    </message>
    <message>
        <source>Send a new request</source>
        <translation>새 요청 보내기</translation>
    </message>
    <message>
        <source>Use a different personal account</source>
        <translation>다른 개인 계정 사용</translation>
    </message>
    <message>
        <source>Sign in with email instead</source>
        <translation>이메일로 로그인</translation>
    </message>
    <message>
        <source>Sign-in request</source>
        <translation>로그인 요청</translation>
    </message>
    <message numerus="yes">
        <source>The request expires in %n second(s).</source>
        <translation>
            <numerusform>요청이 %n초 후에 만료됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Enter on your phone: %1</source>
        <translation>휴대폰에 입력할 숫자: %1</translation>
    </message>
    <message>
        <source>On the phone signed in to %1, open the sign-in request and enter %2.</source>
        <translation>%1 계정으로 로그인한 휴대폰에서 로그인 요청을 열고 %2을(를) 입력하세요.</translation>
    </message>
    <message>
        <source>On the phone signed in to %1, open the sign-in request from this computer and enter this number.</source>
        <translation>%1 계정으로 로그인한 휴대폰에서 이 컴퓨터의 로그인 요청을 열고 이 숫자를 입력하세요.</translation>
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
        <source>The phone entered a different number, so this request was stopped.</source>
        <translation>휴대폰에 다른 숫자가 입력되어 이 요청을 중단했습니다.</translation>
    </message>
    <message>
        <source>Denied and reported</source>
        <translation>거부 및 신고됨</translation>
    </message>
    <message>
        <source>The request was reported on the phone as not made by its owner, so requests to this personal account are paused for a while. Sign in with email and password instead.</source>
        <translation>휴대폰에서 본인이 보내지 않은 요청으로 신고되어, 한동안 이 개인 계정으로 요청을 보낼 수 없습니다. 대신 이메일과 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>Sign-in not allowed</source>
        <translation>로그인이 허용되지 않았습니다</translation>
    </message>
    <message>
        <source>The server did not accept this approval: the personal account may no longer be linked, or your work account may be inactive.</source>
        <translation>서버가 이 승인을 받아들이지 않았습니다. 개인 계정 연결이 해제되었거나 업무 계정이 비활성 상태일 수 있습니다.</translation>
    </message>
    <message>
        <source>Sign-in denied</source>
        <translation>로그인이 거부되었습니다</translation>
    </message>
    <message>
        <source>The request was denied on the phone.</source>
        <translation>휴대폰에서 요청을 거부했습니다.</translation>
    </message>
    <message>
        <source>The request expired</source>
        <translation>요청이 만료되었습니다</translation>
    </message>
    <message>
        <source>A request waits 60 seconds. If nothing appeared on your phone, check the ID and that the personal account is linked to your work account.</source>
        <translation>요청은 60초 동안 유효합니다. 휴대폰에 아무것도 나타나지 않았다면 ID가 맞는지, 개인 계정이 업무 계정에 연결되어 있는지 확인하세요.</translation>
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
        <source>Enter your personal account ID: at least 3 characters, without spaces.</source>
        <translation>개인 계정 ID를 입력하세요(공백 없이 3자 이상).</translation>
    </message>
    <message>
        <source>Requests are already waiting</source>
        <translation>이미 대기 중인 요청이 있습니다</translation>
    </message>
    <message>
        <source>Push sign-in is paused</source>
        <translation>휴대폰 승인 로그인이 일시 중지되었습니다</translation>
    </message>
    <message numerus="yes">
        <source>A request to this personal account was reported as not made by its owner. Requests are paused for %n more minute(s); sign in with email and password meanwhile.</source>
        <translation>
            <numerusform>이 개인 계정으로 보낸 요청이 본인이 보내지 않은 요청으로 신고되었습니다. 앞으로 %n분 동안 요청을 보낼 수 없으니 그동안은 이메일과 비밀번호로 로그인하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation>시도 횟수가 너무 많습니다</translation>
    </message>
    <message>
        <source>2-step verification ended</source>
        <translation>2단계 인증이 종료되었습니다</translation>
    </message>
    <message>
        <source>Too many wrong codes or a long wait. Send a new request to start over.</source>
        <translation>잘못된 코드를 너무 많이 입력했거나 시간이 너무 오래 지났습니다. 새 요청을 보내 처음부터 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Update required</source>
        <translation>업데이트가 필요합니다</translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원되지 않습니다.</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>로그인하지 못했습니다</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try again.</source>
        <translation>문제가 발생했습니다(%1). 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Three requests already wait on your phone. Approve or deny them there, or try again in %1.</source>
        <translation>휴대폰에 이미 요청 3개가 기다리고 있습니다. 휴대폰에서 승인하거나 거부하거나, %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Try again in %1.</source>
        <translation>%1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
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
    <message>
        <source>This version of Moim is no longer supported by the server.</source>
        <translation>이 버전의 모임은 서버에서 더 이상 지원되지 않습니다.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try a new code.</source>
        <translation>문제가 발생했습니다(%1). 새 코드로 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation>시도 횟수가 너무 많습니다. %1 후에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The phone must finish 2-step verification</source>
        <translation>휴대폰에서 2단계 인증을 먼저 완료해야 합니다</translation>
    </message>
    <message>
        <source>This account uses 2-step verification, and Moim on your phone has not passed it yet. Sign in on the phone again with your verification code, then scan a new code.</source>
        <translation>이 계정은 2단계 인증을 사용하는데, 휴대폰의 모임 앱이 아직 2단계 인증을 거치지 않았습니다. 휴대폰에서 인증 코드로 다시 로그인한 뒤 새 코드를 스캔하세요.</translation>
    </message>
</context>
<context>
    <name>moim::ui::QuickSwitcher</name>
    <message>
        <source>Opening the conversation with %1…</source>
        <translation>%1님과의 대화를 여는 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>결과 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to open, Esc to close</source>
        <translation>↑↓ 선택, Enter 열기, Esc 닫기</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>“%1”에 맞는 항목이 없습니다.</translation>
    </message>
    <message>
        <source>Jump to a conversation, person or workspace</source>
        <translation>대화, 사람, 워크스페이스로 바로 가기</translation>
    </message>
    <message>
        <source>Jump to</source>
        <translation>바로 가기</translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation>빠른 전환</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
</context>
<context>
    <name>moim::ui::ReactionChips</name>
    <message numerus="yes">
        <source>%1 and %n other(s)</source>
        <comment>people who reacted</comment>
        <translation>
            <numerusform>%1 외 %n명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n: %2</source>
        <comment>an emoji, how many reacted with it, who</comment>
        <translation>
            <numerusform>%1 %n명: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, including you</source>
        <translation>%1 (내 반응 포함)</translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation>반응 추가</translation>
    </message>
</context>
<context>
    <name>moim::ui::ResetPasswordPage</name>
    <message>
        <source>Checking your reset link…</source>
        <translation>재설정 링크를 확인하는 중…</translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation>새 비밀번호 정하기</translation>
    </message>
    <message>
        <source>For %1. Every device signed in to this account will be signed out.</source>
        <translation>%1 계정의 비밀번호입니다. 이 계정으로 로그인한 모든 기기에서 로그아웃됩니다.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Save new password</source>
        <translation>새 비밀번호 저장</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>로그인으로 돌아가기</translation>
    </message>
</context>
<context>
    <name>moim::ui::SearchPanel</name>
    <message>
        <source>No one called “%1” is in this workspace.</source>
        <translation>이 워크스페이스에 “%1”(이)라는 사람이 없습니다.</translation>
    </message>
    <message>
        <source>No one called “%1” is in your workspaces.</source>
        <translation>내 워크스페이스에 “%1”(이)라는 사람이 없습니다.</translation>
    </message>
    <message>
        <source>There is no conversation called “%1”.</source>
        <translation>“%1”(이)라는 대화가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Search results: %n message(s)</source>
        <translation>
            <numerusform>검색 결과: 메시지 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>사람 %n명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Type words to find. Narrow with from:name, in:channel, before:2026-12-01 or after:2026-11-01.</source>
        <translation>찾을 단어를 입력하세요. from:이름, in:채널, before:2026-12-01, after:2026-11-01로 범위를 좁힐 수 있습니다.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>검색 중…</translation>
    </message>
    <message>
        <source>Searching the server…</source>
        <translation>서버에서 검색하는 중…</translation>
    </message>
    <message>
        <source>Showing messages on this computer only</source>
        <translation>이 컴퓨터에 있는 메시지만 표시합니다</translation>
    </message>
    <message>
        <source>The server could not search just now. Showing messages on this computer only.</source>
        <translation>지금은 서버에서 검색할 수 없습니다. 이 컴퓨터에 있는 메시지만 표시합니다.</translation>
    </message>
    <message>
        <source>No messages match “%1”.</source>
        <translation>“%1”에 맞는 메시지가 없습니다.</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>%1 안에서</translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation>%1에서 검색</translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation>모든 워크스페이스</translation>
    </message>
    <message>
        <source>Search all workspaces</source>
        <translation>모든 워크스페이스에서 검색</translation>
    </message>
    <message>
        <source>Add a word to find as well as the filters.</source>
        <translation>필터와 함께 찾을 단어도 입력하세요.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>검색어 지우기</translation>
    </message>
</context>
<context>
    <name>moim::ui::SearchResultDelegate</name>
    <message>
        <source>Message</source>
        <translation>메시지 보내기</translation>
    </message>
</context>
<context>
    <name>moim::ui::SearchResultsModel</name>
    <message>
        <source>%1, person in %2. Press Enter to send a message.</source>
        <translation>%1, %2 구성원. Enter를 누르면 메시지를 보냅니다.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>사람</translation>
    </message>
    <message>
        <source>%1 in %2, %3, %4: %5</source>
        <translation>%1, %2(%3), %4: %5</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>메시지</translation>
    </message>
    <message>
        <source>%1, %2, person in %3. Press Enter to send a message.</source>
        <translation>%1, %2, %3 구성원. Enter를 누르면 메시지를 보냅니다.</translation>
    </message>
</context>
<context>
    <name>moim::ui::SwitcherDelegate</name>
    <message>
        <source>Workspace</source>
        <translation>워크스페이스</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>다이렉트 메시지</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>사람</translation>
    </message>
</context>
<context>
    <name>moim::ui::SwitcherModel</name>
    <message>
        <source>%1, workspace</source>
        <translation>%1, 워크스페이스</translation>
    </message>
    <message>
        <source>%1, direct message in %2</source>
        <translation>%1, %2의 다이렉트 메시지</translation>
    </message>
    <message>
        <source>%1, channel in %2</source>
        <translation>%1, %2의 채널</translation>
    </message>
    <message>
        <source>%1, person in %2</source>
        <translation>%1, %2 구성원</translation>
    </message>
</context>
<context>
    <name>moim::ui::TranslatedNotificationTexts</name>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>conversation · workspace</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>author: message</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1님이 나를 멘션했습니다</translation>
    </message>
    <message>
        <source>New direct message</source>
        <translation>새 개인 메시지</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>%1님의 새 메시지</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>새 메시지 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: 메시지 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more conversation(s)</source>
        <translation>
            <numerusform>외 대화 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
</context>
<context>
    <name>moim::ui::TrayIcon</name>
    <message>
        <source>&amp;Open Moim</source>
        <translation>모임 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>로그아웃(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit Moim</source>
        <translation>모임 끝내기(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>Moim: %n unread message(s)</source>
        <translation>
            <numerusform>모임: 읽지 않은 메시지 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Moim</source>
        <translation>모임</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (읽지 않음 %n개)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>moim::ui::TypingLine</name>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 님이 입력 중…</translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation>%1 님과 %2 님이 입력 중…</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1 님 외 %n명이 입력 중…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>moim::ui::WindowController</name>
    <message>
        <source>Your password was changed, so every session ended. Sign in with the new password.</source>
        <translation>비밀번호가 변경되어 모든 세션이 종료되었습니다. 새 비밀번호로 로그인하세요.</translation>
    </message>
    <message>
        <source>2-step verification was turned on for your account, so this session ended. Sign in again with your password and a code from your authenticator.</source>
        <translation>계정에 2단계 인증이 켜져서 이 세션이 종료되었습니다. 비밀번호와 인증 앱의 코드로 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue.</source>
        <translation>세션이 종료되었습니다. 계속하려면 다시 로그인하세요.</translation>
    </message>
    <message>
        <source>Moim is still running</source>
        <translation>모임이 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>Messages keep arriving. Open Moim from its icon in the tray, or quit from the tray menu.</source>
        <translation>메시지는 계속 도착합니다. 트레이의 모임 아이콘으로 다시 열거나, 트레이 메뉴에서 끝낼 수 있습니다.</translation>
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
    <message>
        <source>, %1</source>
        <comment>appended to the workspace&apos;s accessible name</comment>
        <translation>, %1</translation>
    </message>
    <message>
        <source>Notifications muted until you turn them back on</source>
        <translation>다시 켤 때까지 알림 일시 중지됨</translation>
    </message>
    <message>
        <source>Notifications muted until %1</source>
        <translation>%1까지 알림 일시 중지됨</translation>
    </message>
    <message>
        <source>Notifications off</source>
        <translation>알림 받지 않음</translation>
    </message>
    <message>
        <source>Notification settings…</source>
        <translation>알림 설정…</translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation>알림 다시 켜기</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>알림 일시 중지</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1시간 동안</translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation>8시간 동안</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>내일 아침까지</translation>
    </message>
    <message>
        <source>Until I turn them back on</source>
        <translation>다시 켤 때까지</translation>
    </message>
    <message numerus="yes">
        <source>, %n unread message(s)</source>
        <translation>
            <numerusform>, 읽지 않은 메시지 %n개</numerusform>
        </translation>
    </message>
</context>
</TS>
