<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>moim::search::SearchQuery</name>
    <message>
        <source>Add a value after %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ is not a date. Write dates like 2026-12-03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No day is both after %1 and before %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::AttachmentChip</name>
    <message>
        <source>Waiting for the network…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, uploading %3%</source>
        <extracomment>An attached file uploading, for a screen reader: &quot;보고서.hwp, 한글 문서, 업로드 중 42%&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::AttachmentStrip</name>
    <message>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::AttachmentTiles</name>
    <message>
        <source>Download failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hangul document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PowerPoint presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>A file in a message, for a screen reader: name, kind, size.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>A file moving: &quot;1.2 MB of 4.5 MB&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::BrowseChannelsDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Browse channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no public channels yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public channels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ChannelDialog</name>
    <message>
        <source>Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A channel with this name already exists in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A channel name needs 1 to 80 characters, without line breaks or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A description can have up to 500 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. launch-plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is this channel about? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private: only its members can see it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::CodePage</name>
    <message>
        <source>Use a recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter one of the recovery codes you saved when you turned on 2-step verification for %1. Each code works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your authenticator app and enter the 6-digit code for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the authenticator app instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter one of your recovery codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>%n attempt left.</numerusform>
            <numerusform>%n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <source>That recovery code is not right, or it was already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right. Check that it is the code for Moim and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code was already used. Wait for your authenticator to show a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code has expired. Enter the code your authenticator shows now; if this keeps happening, check that your phone&apos;s clock is set automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification failed unexpectedly (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter one of the recovery codes you saved when you turned on 2-step verification. Each code works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone approved. Open your authenticator app and enter the 6-digit code for your Moim work account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a recovery code instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ComposerContextBar</name>
    <message>
        <source>Replying to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replying to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reply (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel editing (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ConversationActions</name>
    <message>
        <source>&amp;Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse channels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename or describe channel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave #%1? It is private: you cannot join it again on your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave #%1? You can join it again from Browse channels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ConversationIntro</name>
    <message>
        <source>This is the start of your conversation with %1. Say hello.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the start of #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything said in #%1 appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created this channel on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created this channel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ConversationListModel</name>
    <message>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::DateText</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <comment>a day, then a time</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An hour count and a minute count, as in &quot;1 hour 5 minutes&quot; / &quot;1시간 5분&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::EmojiCatalogue</name>
    <message>
        <source>grinning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sweat smile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling on the floor laughing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slightly smiling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smiling with hearts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>heart eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smirk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eye roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grimace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pensive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sleeping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mind blown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>party face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>surprised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pleading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sobbing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disappointed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>angry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>robot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thumbs up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thumbs down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>victory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fingers crossed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folded hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waving hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fist bump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raised fist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flexed biceps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pointing left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pointing right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pointing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pointing down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raising hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bowing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shrug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>facepalm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>technologist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orange heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yellow heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blue heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purple heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>black heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>white heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken heart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two hearts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ballot box with check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exclamation mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prohibited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hundred points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sparkles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light bulb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speech balloon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>red circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>green circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>party popper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confetti ball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>birthday cake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balloon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trophy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first place medal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rocket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bullseye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>toast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bouquet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>music</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paperclip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bar chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chart increasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>briefcase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>magnifying glass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pencil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alarm clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hourglass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office building</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>airplane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>money bag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>coffee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bubble tea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>beer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cheers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>noodles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lunch box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dumpling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pizza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chicken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doughnut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ice cream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>umbrella</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snowflake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rainbow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lightning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seedling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>four leaf clover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cherry blossom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>penguin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turtle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smileys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands and people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hearts and symbols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work and travel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::EmojiPicker</name>
    <message>
        <source>Recently used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No emoji matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ErrorText</name>
    <message>
        <source>The server is getting too many requests. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request took too long to reach the server. Check your connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood. If you are on a public Wi-Fi, sign in to the network in your web browser first, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too large for the server to accept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not accept Moim&apos;s request (%1). If this keeps happening, update Moim or tell your admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is getting too many requests. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ForgotPasswordPage</name>
    <message>
        <source>Reset your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the work email you sign in with. We&apos;ll mail you a link to choose a new password; it is valid for 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reset link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If %1 has a Moim account, a reset link is on its way. Check your inbox and spam folder; the link works for 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ImageViewer</name>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous image (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next image (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the image as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the image in another app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download of the original image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original image could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original image could not be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom %1 percent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::InvitePage</name>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As your colleagues will see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of your Moim account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your invitation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 invited %2 to the %3 workspace.
This invitation is valid until %4 and works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a Moim account. Enter its password to add %2 to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of your Moim account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name as your colleagues will see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also link my personal account (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then you can sign in by approving on your phone, without a password. Your phone confirms the link once you have joined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal account ID, e.g. name@personal.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the ID of the personal account to link (at least 3 characters, without spaces), or untick the option.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::LoginWindow</name>
    <message>
        <source>Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email and password are right, but this account has no active workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the address matches the account your workspace invited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your workspace admin whether your account was deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited but no mail?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone joins Moim through an invitation from a workspace admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in your spam or junk folder for a mail from Moim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invitation link works once and expires after 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your workspace admin to resend the invitation; the new link replaces the old one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a Moim invitation or reset link. Copy the whole link from the mail; it starts with moim://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link doesn&apos;t work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may be incomplete or mistyped. Links from Moim start with moim://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the link straight from the mail, or copy it whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in your spam or junk folder for a newer mail from Moim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your workspace admin to resend the invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations are valid for 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation was already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each invitation link works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you already joined, sign in with your work email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you didn&apos;t use it, ask your workspace admin to resend the invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation was withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace admin cancelled this invitation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your workspace admin whether you should have a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer invitation replaced this link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your admin sent the invitation again, so only the newest link works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the most recent invitation mail from Moim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in your spam or junk folder if you can&apos;t find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reset link has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset links are valid for 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a new link and use it within 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reset link was already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each reset link works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you changed your password, sign in with the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Otherwise ask for a new link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reset link doesn&apos;t work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may be incomplete, mistyped, or from an older mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the link straight from the newest mail, or ask for a new link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This invitation link doesn&apos;t work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for a new link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is too short: use at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is too long: at most 256 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is too easy to guess. Add a few unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is not right for this account. Try again, or reset it from the sign-in page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a valid work email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server. Update Moim with your package manager or software centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed and every device was signed out. Sign in with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has 2-step verification: enter the code from your authenticator app with the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right. Check the authenticator app and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code was already used. Wait for the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code has expired. Use the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MainWindow</name>
    <message>
        <source>&amp;Sort conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By recent &amp;activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out and &amp;delete local data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account menu for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a conversation on the left.
Messages arrive here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n conversation</numerusform>
            <numerusform>%n conversations</numerusform>
        </translation>
    </message>
    <message>
        <source>You are no longer a member of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline. Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>Offline. Reconnecting in %n second…</numerusform>
            <numerusform>Offline. Reconnecting in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline. Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Moim is too old for the server. Update Moim with your package manager or software centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available on this computer, so Moim cannot remember you. You will sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on 2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace requires 2-step verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on 2-step verification for your account to open it. It takes a minute with an authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otification settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not sent yet.</source>
        <translation>
            <numerusform>%n message not sent yet.</numerusform>
            <numerusform>%n messages not sent yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n second(s)…</source>
        <translation>
            <numerusform>Trying again in %n second…</numerusform>
            <numerusform>Trying again in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <source>Couldn&apos;t save your message, so it was not sent. Your text is still in the message box: check that the disk has free space, then press Enter again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jump to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;all workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify everyone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This message notifies all %n members of the channel.</source>
        <translation>
            <numerusform>This message notifies the %n member of the channel.</numerusform>
            <numerusform>This message notifies all %n members of the channel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send and notify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages in %1</source>
        <extracomment>The message list&apos;s name for screen readers: &quot;#일반 메시지&quot; / &quot;Messages in #general&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1) Moim</source>
        <extracomment>The main window&apos;s title with the unread total: &quot;(31) 모임&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification settings for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications and mute for this workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MentionPicker</name>
    <message>
        <source>People to mention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify everyone in this channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify everyone who is online</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageActions</name>
    <message>
        <source>The message was deleted, so it can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message has as many different reactions as it can hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the author can change this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be made. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageDelegate</name>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1 Click to retry, or right-click to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you are not a member of this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this conversation no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this workspace requires 2-step verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not accept this message (it may be too long).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The original message was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file it carries could not be uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageFiles</name>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be downloaded: %2</source>
        <extracomment>&quot;보고서.hwp: the file is no longer on the server.&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is no longer on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this workspace requires 2-step verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be written to the disk, or the server refused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim could not tell what kind of file this is. It may be a program that can change your computer. Open it only if you trust %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MessageView</name>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete unsent message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <comment>author, time: message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That message could not be found. It may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to latest ↓ (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to latest ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Jump to the latest message, %n new</source>
        <translation>
            <numerusform>Jump to the latest message, %n new</numerusform>
            <numerusform>Jump to the latest message, %n new</numerusform>
        </translation>
    </message>
    <message>
        <source>Jump to the latest message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy link to message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin as notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In reply to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not read by %n member(s).</source>
        <translation>
            <numerusform>Not read by %n member.</numerusform>
            <numerusform>Not read by %n members.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edited %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add reaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read yet (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this message for everyone? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mentions you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MuteDescription</name>
    <message>
        <source>Muted until you turn them back on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Muted until %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::MyAccountPage</name>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>On. Signing in asks for a code from your authenticator app after your password. %n recovery code(s) left.</source>
        <translation>
            <numerusform>On. Signing in asks for a code from your authenticator app after your password. %n recovery code left.</numerusform>
            <numerusform>On. Signing in asks for a code from your authenticator app after your password. %n recovery codes left.</numerusform>
        </translation>
    </message>
    <message>
        <source>Off. Anyone who learns your password can sign in as you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace you belong to requires 2-step verification. It stays locked until you turn it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification is the surest shield for your account. Turning it on takes a minute with an authenticator app such as the Moim phone app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on 2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current code from your authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off 2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Open your authenticator app (the Moim phone app works too).
2. Scan this QR code, or type the key below.
3. Enter the 6-digit code the app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t scan? Enter this key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm and turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you lose your phone, each of these codes signs you in once. They are shown only now: copy or save them somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save recovery codes to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I saved them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from your authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out a device you don&apos;t recognise, then change your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out selected device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out the selected device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out everywhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim recovery codes for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed. Every other device has been signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — last active %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) left.</source>
        <translation>
            <numerusform>%n attempt left.</numerusform>
            <numerusform>%n attempts left.</numerusform>
        </translation>
    </message>
    <message>
        <source>That code is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code was already used. Wait for your authenticator to show a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code has expired. Enter the code your authenticator shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the current code from your authenticator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password of at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That did not work (%1). Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The request expires in %n second(s).</source>
        <translation>
            <numerusform>The request expires in %n second.</numerusform>
            <numerusform>The request expires in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter on your phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the phone signed in to %1, open the link request and enter this number. Only that approval makes the link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · linked on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To sign in, choose &quot;Personal account&quot; on the sign-in page and approve on the phone signed in to it: no password on the computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked. A confirmation mail went to your work address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked. The personal account can no longer sign you in; a mail went to your work address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link was denied on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was reported on the phone as not made by its owner, so requests to that personal account are paused for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers didn&apos;t match, so nothing was linked. Try again and enter the number shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request expired after 60 seconds. If nothing appeared on the phone, check the ID and that the phone is signed in to that personal account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That personal account is already linked to another work account. Unlink it there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link your personal account to sign in by approving on your phone, with no password on the computer. It is only a way to sign in: your work data stays in the workspace. Every link and unlink is mailed to your work address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@personal.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this number on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the link request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the personal account ID: at least 3 characters, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This work account already has a linked personal account. Unlink it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Requests to that personal account are paused after a report. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Requests to that personal account are paused after a report. Try again in %n minute.</numerusform>
            <numerusform>Requests to that personal account are paused after a report. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three requests already wait on that phone. Answer them there, or try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the setup key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy setup link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the setup link (otpauth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a password manager or an authenticator that takes a link instead of a QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing it signs you out on every other device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out and delete local data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account sections</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::NewDirectDialog</name>
    <message>
        <source>New message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one or more people (up to 8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::NewPasswordFields</name>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters. No special characters needed: a few unrelated words are strong and easy to remember. Avoid your name, email and workspace names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short: %1 of %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too easy to guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good enough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is too short: use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is too easy to guess. Add a few unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords don&apos;t match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::NotificationSettingsPage</name>
    <message>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until I turn them back on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings apply to this workspace only, and follow you to your other devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only mentions and direct messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute notifications of this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute notifications of this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause notifications on a schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On these days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a notification is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a preview of the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count this workspace&apos;s unread messages in the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on this computer. Your other devices get it when Moim is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not muted. Mute to pause this workspace for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet all day on the days chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each quiet period ends the next day at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in this computer&apos;s time zone (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Your other devices follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this change (%1), so the settings are as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this change, so the settings are as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long to mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::OutgoingFiles</name>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders cannot be sent; compress it into a ZIP file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files can be at most %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be kept for sending: the disk may be full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file changed while it was being sent. Attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was moved or deleted before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot %1.png</source>
        <extracomment>The name of a pasted screenshot; %1 is the date and time, written for a file name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A message can carry at most %n files.</source>
        <translation>
            <numerusform>A message can carry at most %n file.</numerusform>
            <numerusform>A message can carry at most %n files.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Why a file could not be attached: &quot;보고서.hwp: The file is empty.&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be uploaded: %2 Remove it to send the message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::PasswordPage</name>
    <message>
        <source>Sign in to Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the work email address your workspace invited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a shared computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim will not remember you and deletes its local data when you log out or quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited but no mail?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your work email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email or password is incorrect. Check that the address is the one your workspace invited, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server. Update Moim with your package manager or software centre, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server. Update Moim to version %1 or later with your package manager or software centre, then sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed unexpectedly (%1). Try again, or ask your admin if it keeps happening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have an invitation or reset link?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a code with Moim on your phone instead of typing a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification ended after too many wrong codes or a long wait. Sign in again with your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or sign in with your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve on the phone signed in to your linked personal account; no password on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear email</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::PasswordReveal</name>
    <message>
        <source>Hide password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::PasteLinkPage</name>
    <message>
        <source>Open a link from a mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the invitation or password reset link from your mail. It starts with moim://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moim://invite/…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation or reset link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::PinnedNoticeBar</name>
    <message>
        <source>Show the whole notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the pinned message in the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this notice down for everyone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::PreferencesDialog</name>
    <message>
        <source>Moim could not add itself to the programs that start when you log in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim could not remove itself from the programs that start when you log in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name or IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter only the proxy&apos;s host name or IP address, without http:// or a port, for example proxy.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port, a number from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim now connects through %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim stays light, whatever your desktop uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim stays dark, whatever your desktop uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim follows your desktop&apos;s light or dark style.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop prefers dark, so Moim is dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop prefers light, so Moim is light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop does not say which it prefers; its colours are dark, so Moim is dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop does not say which it prefers, so Moim is light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting and closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Moim when I log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim starts in the background, so messages reach you from the moment you log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Moim running in the tray when I close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages keep arriving. Quit from the tray menu or with Ctrl+Q.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your desktop shows no tray icons, so closing the window quits Moim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1% (normal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+= makes text larger, Ctrl+- smaller and Ctrl+0 normal, in every window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::PushPage</name>
    <message>
        <source>Sign in with personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password on this computer: approve the sign-in on the phone signed in to your linked personal account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal account ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@personal.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request to my phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request: it goes to the phone signed in to that personal account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the phone, check which computer is asking and from where.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter on the phone the number this page shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not linked yet? Sign in with your work email once, then link your personal account under My account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this number on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a new request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a different personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with email instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in request</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The request expires in %n second(s).</source>
        <translation>
            <numerusform>The request expires in %n second.</numerusform>
            <numerusform>The request expires in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter on your phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the phone signed in to %1, open the sign-in request and enter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the phone signed in to %1, open the sign-in request from this computer and enter this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved. Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers didn&apos;t match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone entered a different number, so this request was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied and reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was reported on the phone as not made by its owner, so requests to this personal account are paused for a while. Sign in with email and password instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this approval: the personal account may no longer be linked, or your work account may be inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was denied on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A request waits 60 seconds. If nothing appeared on your phone, check the ID and that the personal account is linked to your work account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your personal account ID: at least 3 characters, without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are already waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push sign-in is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A request to this personal account was reported as not made by its owner. Requests are paused for %n more minute(s); sign in with email and password meanwhile.</source>
        <translation>
            <numerusform>A request to this personal account was reported as not made by its owner. Requests are paused for %n more minute; sign in with email and password meanwhile.</numerusform>
            <numerusform>A request to this personal account was reported as not made by its owner. Requests are paused for %n more minutes; sign in with email and password meanwhile.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong codes or a long wait. Send a new request to start over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Three requests already wait on your phone. Approve or deny them there, or try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::QrPage</name>
    <message>
        <source>Sign in with QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this code with Moim on your phone, where you are already signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Moim on your phone and tap Scan QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point the phone at this code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the computer shown on the phone, then enter the number that appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan it with Moim on your phone. It changes every 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm on your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter this number on your phone to finish signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with email instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting a code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your phone. The code refreshes by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm on your phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the number %1 on your phone to finish signing in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned. Confirm on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved. Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The numbers didn&apos;t match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone entered a different number, so this sign-in was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not accept this approval. Ask your admin whether your account is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was denied on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For your safety a code works for 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim can&apos;t reach the server. Check your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Moim is no longer supported by the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone must finish 2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account uses 2-step verification, and Moim on your phone has not passed it yet. Sign in on the phone again with your verification code, then scan a new code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::QuickSwitcher</name>
    <message>
        <source>Opening the conversation with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to open, Esc to close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to a conversation, person or workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick switcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ReactionChips</name>
    <message numerus="yes">
        <source>%1 and %n other(s)</source>
        <comment>people who reacted</comment>
        <translation>
            <numerusform>%1 and %n other</numerusform>
            <numerusform>%1 and %n others</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %n: %2</source>
        <comment>an emoji, how many reacted with it, who</comment>
        <translation>
            <numerusform>%1 %n: %2</numerusform>
            <numerusform>%1 %n: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, including you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::ResetPasswordPage</name>
    <message>
        <source>Checking your reset link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For %1. Every device signed in to this account will be signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::SearchPanel</name>
    <message>
        <source>No one called “%1” is in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one called “%1” is in your workspaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no conversation called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Search results: %n message(s)</source>
        <translation>
            <numerusform>Search results: %n message</numerusform>
            <numerusform>Search results: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Type words to find. Narrow with from:name, in:channel, before:2026-12-01 or after:2026-11-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing messages on this computer only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not search just now. Showing messages on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages match “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search all workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a word to find as well as the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::SearchResultDelegate</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::SearchResultsModel</name>
    <message>
        <source>%1, person in %2. Press Enter to send a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2, %3, %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, person in %3. Press Enter to send a message.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::SwitcherDelegate</name>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::SwitcherModel</name>
    <message>
        <source>%1, workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, direct message in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, channel in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, person in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::TranslatedNotificationTexts</name>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>conversation · workspace</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>author: message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New direct message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more conversation(s)</source>
        <translation>
            <numerusform>and %n more conversation</numerusform>
            <numerusform>and %n more conversations</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::TrayIcon</name>
    <message>
        <source>&amp;Open Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moim: %n unread message(s)</source>
        <translation>
            <numerusform>Moim: %n unread message</numerusform>
            <numerusform>Moim: %n unread messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Moim</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n unread)</source>
        <translation>
            <numerusform>%1 (%n unread)</numerusform>
            <numerusform>%1 (%n unread)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>moim::ui::TypingLine</name>
    <message>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) are typing…</source>
        <translation>
            <numerusform>%1 and %n other are typing…</numerusform>
            <numerusform>%1 and %n others are typing…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>moim::ui::WindowController</name>
    <message>
        <source>Your password was changed, so every session ended. Sign in with the new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2-step verification was turned on for your account, so this session ended. Sign in again with your password and a code from your authenticator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session ended. Sign in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moim is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages keep arriving. Open Moim from its icon in the tray, or quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>moim::ui::WorkspaceSidebar</name>
    <message>
        <source>Ctrl+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1, you are no longer a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: this workspace requires 2-step verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace %1, locked until you turn on 2-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1</source>
        <comment>appended to the workspace&apos;s accessible name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications muted until you turn them back on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications muted until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notification settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unmute notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until I turn them back on</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, %n unread message(s)</source>
        <translation>
            <numerusform>, %n unread message</numerusform>
            <numerusform>, %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
