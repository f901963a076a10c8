// Names on the wire between Moim clients and the server (docs/protocol.md).
// Header-only and dependency-free beyond QtCore, so that both core and the mock server share one
// spelling of every path, field and code.
#pragma once

#include <QLatin1StringView>

namespace moim::protocol {

using namespace Qt::StringLiterals;

inline constexpr auto ClientHeader = "X-Moim-Client";
// The confirmed length of an upload (docs/protocol.md "Files").
inline constexpr auto UploadOffsetHeader = "Upload-Offset";
inline constexpr auto UploadPieceType = "application/offset+octet-stream";
inline constexpr int DefaultPort = 8765;

namespace path {
inline constexpr auto Server = "/api/v1/server"_L1;
inline constexpr auto Login = "/api/v1/auth/login"_L1;
inline constexpr auto Refresh = "/api/v1/auth/refresh"_L1;
inline constexpr auto Logout = "/api/v1/auth/logout"_L1;
inline constexpr auto Revoke = "/api/v1/auth/revoke"_L1;
inline constexpr auto SecondFactor = "/api/v1/auth/second-factor"_L1;
inline constexpr auto AccountSecurity = "/api/v1/account/security"_L1;
inline constexpr auto TwoStepSetup = "/api/v1/account/two-step/setup"_L1;
inline constexpr auto TwoStepEnable = "/api/v1/account/two-step/enable"_L1;
inline constexpr auto TwoStepDisable = "/api/v1/account/two-step/disable"_L1;
inline constexpr auto RecoveryCodes = "/api/v1/account/two-step/recovery-codes"_L1;
inline constexpr auto ChangePassword = "/api/v1/account/password"_L1;
inline constexpr auto Sessions = "/api/v1/account/sessions"_L1;
inline constexpr auto SessionsRevoke = "/api/v1/account/sessions/revoke"_L1;
inline constexpr auto SessionsRevokeOthers = "/api/v1/account/sessions/revoke-others"_L1;
inline constexpr auto Me = "/api/v1/me"_L1;
inline constexpr auto Events = "/api/v1/events"_L1;
// The pre-sign-in login channel (WebSocket) of a desktop that is not signed in yet.
inline constexpr auto LoginChannel = "/api/v1/login"_L1;
inline constexpr auto QrRedeem = "/api/v1/auth/qr/redeem"_L1;
inline constexpr auto QrScan = "/api/v1/qr/scan"_L1;
inline constexpr auto QrApprove = "/api/v1/qr/approve"_L1;
inline constexpr auto QrDeny = "/api/v1/qr/deny"_L1;
// GET Workspaces + <workspace_id> + Conversations
inline constexpr auto Workspaces = "/api/v1/workspaces/"_L1;
inline constexpr auto Conversations = "/conversations"_L1;
inline constexpr auto AdminDeactivate = "/api/v1/admin/members/deactivate"_L1;
inline constexpr auto AdminReactivate = "/api/v1/admin/members/reactivate"_L1;
inline constexpr auto AdminRemoveMembership = "/api/v1/admin/memberships/remove"_L1;
inline constexpr auto AdminClock = "/api/v1/admin/clock"_L1;
inline constexpr auto InvitePreview = "/api/v1/invites/preview"_L1;
inline constexpr auto InviteAccept = "/api/v1/invites/accept"_L1;
inline constexpr auto PasswordResetRequest = "/api/v1/auth/password-reset"_L1;
inline constexpr auto PasswordResetPreview = "/api/v1/auth/password-reset/preview"_L1;
inline constexpr auto PasswordResetComplete = "/api/v1/auth/password-reset/complete"_L1;
inline constexpr auto AdminWorkspaces = "/api/v1/admin/workspaces"_L1;
inline constexpr auto AdminInvites = "/api/v1/admin/invites"_L1;
inline constexpr auto AdminInviteResend = "/api/v1/admin/invites/resend"_L1;
inline constexpr auto AdminInviteRevoke = "/api/v1/admin/invites/revoke"_L1;
// Chat: ConversationsBase + <conversation_id> + MessagesSuffix | ReadSuffix.
inline constexpr auto ConversationsBase = "/api/v1/conversations/"_L1;
inline constexpr auto MessagesSuffix = "/messages"_L1;
inline constexpr auto ReadSuffix = "/read"_L1;
// Acting on one message: ConversationsBase + <conversation_id> + MessagesSuffix + "/" +
// <message_id> (PATCH edits, DELETE deletes), + ReactionsSuffix (POST adds or removes one).
inline constexpr auto ReactionsSuffix = "/reactions"_L1;
// ConversationsBase + <conversation_id> + TypingSuffix (POST) | ReadsSuffix (GET).
inline constexpr auto TypingSuffix = "/typing"_L1;
inline constexpr auto ReadsSuffix = "/reads"_L1;
inline constexpr auto Sync = "/api/v1/sync"_L1;
// GET Search ?q=…: messages of every conversation the user may read (docs/protocol.md).
inline constexpr auto Search = "/api/v1/search"_L1;
// Managing conversations: POST Workspaces + <workspace_id> + Conversations creates a channel;
// Workspaces + <workspace_id> + DirectSuffix | ChannelsSuffix | MembersSuffix | ReadSuffix; and
// ConversationsBase + <conversation_id> + JoinSuffix | LeaveSuffix | DetailsSuffix |
// NotificationLevelSuffix | PinSuffix.
inline constexpr auto DirectSuffix = "/direct"_L1;
inline constexpr auto ChannelsSuffix = "/channels"_L1;
inline constexpr auto MembersSuffix = "/members"_L1;
inline constexpr auto JoinSuffix = "/join"_L1;
inline constexpr auto LeaveSuffix = "/leave"_L1;
inline constexpr auto DetailsSuffix = "/details"_L1;
inline constexpr auto NotificationLevelSuffix = "/notification-level"_L1;
inline constexpr auto PinSuffix = "/pin"_L1;
inline constexpr auto AdminMessages = "/api/v1/admin/messages"_L1;
// Notification settings: GET NotificationSettings (every workspace), and GET/PUT
// Workspaces + <workspace_id> + NotificationSettingsSuffix (one workspace).
inline constexpr auto NotificationSettings = "/api/v1/notification-settings"_L1;
inline constexpr auto NotificationSettingsSuffix = "/notification-settings"_L1;
// Pages for people, not clients: the invite landing page, and the mock server's dev mailbox
// (only with --demo or --dev-mailbox, and behind the admin gate like the admin API).
inline constexpr auto JoinPage = "/join"_L1;
inline constexpr auto DevMail = "/dev/mail"_L1;
inline constexpr auto DevMailJson = "/dev/mail.json"_L1;
inline constexpr auto AdminWorkspacePolicy = "/api/v1/admin/workspaces/policy"_L1;
// Personal accounts (docs/protocol.md "Personal accounts"): the provider's own sign-in and the
// phone's inbox of push requests, authenticated by a personal session token.
inline constexpr auto PersonalLogin = "/api/v1/personal/login"_L1;
inline constexpr auto PersonalRequests = "/api/v1/personal/requests"_L1;
inline constexpr auto PersonalApprove = "/api/v1/personal/requests/approve"_L1;
inline constexpr auto PersonalDeny = "/api/v1/personal/requests/deny"_L1;
// The work account's link to a personal account ("My account"), and push sign-in.
inline constexpr auto PersonalLink = "/api/v1/account/personal-link"_L1;
inline constexpr auto PersonalLinkCancel = "/api/v1/account/personal-link/cancel"_L1;
inline constexpr auto PersonalLinkRemove = "/api/v1/account/personal-link/remove"_L1;
inline constexpr auto PushRedeem = "/api/v1/auth/push/redeem"_L1;
inline constexpr auto AdminPersonalAccounts = "/api/v1/admin/personal-accounts"_L1;
// Files (docs/protocol.md "Files"): POST ConversationsBase + <conversation_id> + UploadsSuffix
// starts an upload; UploadsBase + <upload_id> (GET, PATCH, DELETE) goes on with it; FilesBase +
// <file_id> (+ PreviewSuffix) downloads.
inline constexpr auto UploadsSuffix = "/uploads"_L1;
inline constexpr auto UploadsBase = "/api/v1/uploads/"_L1;
inline constexpr auto FilesBase = "/api/v1/files/"_L1;
inline constexpr auto PreviewSuffix = "/preview"_L1;
} // namespace path

// Deep links: moim://invite/<token>, moim://reset/<token>.
namespace link {
inline constexpr auto Scheme = "moim"_L1;
inline constexpr auto Invite = "invite"_L1;
inline constexpr auto Reset = "reset"_L1;
// Tokens are 256 bits, base64url without padding.
inline constexpr int TokenLength = 43;
} // namespace link

namespace error {
inline constexpr auto BadRequest = "bad_request"_L1;
inline constexpr auto InvalidCredentials = "invalid_credentials"_L1;
inline constexpr auto InvalidToken = "invalid_token"_L1;
inline constexpr auto UnauthorizedUser = "unauthorized_user"_L1;
inline constexpr auto Forbidden = "forbidden"_L1;
inline constexpr auto NotFound = "not_found"_L1;
inline constexpr auto UpdateRequired = "update_required"_L1;
inline constexpr auto TooManyAttempts = "too_many_attempts"_L1;
inline constexpr auto ServerError = "server_error"_L1;
inline constexpr auto WeakPassword = "weak_password"_L1;
inline constexpr auto InviteInvalid = "invite_invalid"_L1;
inline constexpr auto InviteExpired = "invite_expired"_L1;
inline constexpr auto InviteUsed = "invite_used"_L1;
inline constexpr auto InviteRevoked = "invite_revoked"_L1;
inline constexpr auto InviteReplaced = "invite_replaced"_L1;
inline constexpr auto ResetInvalid = "reset_invalid"_L1;
inline constexpr auto ResetExpired = "reset_expired"_L1;
inline constexpr auto ResetUsed = "reset_used"_L1;
inline constexpr auto QrExpired = "qr_expired"_L1;
inline constexpr auto QrUsed = "qr_used"_L1;
inline constexpr auto WrongCode = "wrong_code"_L1;
// 2-step verification (docs/protocol.md "2-step verification").
inline constexpr auto SecondFactorRequired = "second_factor_required"_L1;
inline constexpr auto InvalidCode = "invalid_code"_L1;
inline constexpr auto CodeReused = "code_reused"_L1;
inline constexpr auto CodeExpired = "code_expired"_L1;
inline constexpr auto ChallengeEnded = "challenge_ended"_L1;
inline constexpr auto TwoStepRequired = "two_step_required"_L1;
// A notification setting out of range or ill-typed; `field` names it ("quiet_hours.start").
inline constexpr auto InvalidSettings = "invalid_settings"_L1;
// Push requests to a personal account's phone (sign-in and linking).
inline constexpr auto TooManyPending = "too_many_pending"_L1;
inline constexpr auto PushBlocked = "push_blocked"_L1;
inline constexpr auto PushExpired = "push_expired"_L1;
inline constexpr auto PushUsed = "push_used"_L1;
inline constexpr auto AlreadyLinked = "already_linked"_L1;
// Transport limits (docs/protocol.md "Transport"), answered before any handler runs.
inline constexpr auto PayloadTooLarge = "payload_too_large"_L1;
inline constexpr auto HeadersTooLarge = "headers_too_large"_L1;
inline constexpr auto LengthRequired = "length_required"_L1;
inline constexpr auto RequestTimeout = "request_timeout"_L1;
// Every password check slot is taken; `retry_after` says when to try again.
inline constexpr auto ServerBusy = "server_busy"_L1;
// The event stream cap (per session or per IP address); the close reason of 4029.
inline constexpr auto TooManyStreams = "too_many_streams"_L1;
// The request is well-formed but clashes with what exists (a channel name already taken);
// `field` names the field.
inline constexpr auto Conflict = "conflict"_L1;
// A deleted message can be neither edited nor reacted to.
inline constexpr auto NotEditable = "not_editable"_L1;
// A message carries at most limits::MaxReactionsPerMessage different emoji.
inline constexpr auto TooManyReactions = "too_many_reactions"_L1;
// The answer would be too long to list (a conversation's read marks beyond
// limits::MaxReadsMembers members).
inline constexpr auto TooLarge = "too_large"_L1;
// Files: a piece sent for another offset than the confirmed one (`offset` says which), more
// unfinished uploads than limits::MaxUnfinishedUploads, and a finished upload whose bytes do not
// have the SHA-256 announced (the upload starts again at 0).
inline constexpr auto OffsetMismatch = "offset_mismatch"_L1;
inline constexpr auto TooManyUploads = "too_many_uploads"_L1;
inline constexpr auto ChecksumMismatch = "checksum_mismatch"_L1;
} // namespace error

namespace event {
inline constexpr auto Auth = "auth"_L1;
inline constexpr auto Ready = "ready"_L1;
inline constexpr auto Error = "error"_L1;
inline constexpr auto SessionRevoked = "session.revoked"_L1;
inline constexpr auto WorkspacesChanged = "workspaces.changed"_L1;
inline constexpr auto MessageCreated = "message.created"_L1;
inline constexpr auto ReadUpdated = "read.updated"_L1;
// An edit, a delete or a reaction changed a message (it carries a higher version).
inline constexpr auto MessageUpdated = "message.updated"_L1;
inline constexpr auto Typing = "typing"_L1;
// Another member's read mark moved (read counts); the member's own devices get read.updated.
inline constexpr auto ReadMarkMoved = "read_mark.moved"_L1;
inline constexpr auto NotificationSettingsChanged = "notification_settings.changed"_L1;
inline constexpr auto ConversationCreated = "conversation.created"_L1;
inline constexpr auto ConversationUpdated = "conversation.updated"_L1;
inline constexpr auto MembershipChanged = "membership.changed"_L1;
inline constexpr auto Ping = "ping"_L1;
inline constexpr auto Pong = "pong"_L1;
// On the login channel (docs/protocol.md, "Login channel").
inline constexpr auto QrStart = "qr.start"_L1;
inline constexpr auto QrRefresh = "qr.refresh"_L1;
inline constexpr auto QrCode = "qr.code"_L1;
inline constexpr auto QrScanned = "qr.scanned"_L1;
inline constexpr auto QrApproved = "qr.approved"_L1;
inline constexpr auto QrEnded = "qr.ended"_L1;
// Push sign-in on the login channel.
inline constexpr auto PushStart = "push.start"_L1;
inline constexpr auto PushPending = "push.pending"_L1;
inline constexpr auto PushApproved = "push.approved"_L1;
inline constexpr auto PushEnded = "push.ended"_L1;
// On the event stream: the account's personal-account link.
inline constexpr auto PersonalLinkChanged = "personal_link.changed"_L1;
inline constexpr auto PersonalLinkEnded = "personal_link.ended"_L1;
} // namespace event

// Why a QR session ended (qr.ended).
namespace qrEndReason {
inline constexpr auto Denied = "denied"_L1;
inline constexpr auto WrongCode = "wrong_code"_L1;
inline constexpr auto Expired = "expired"_L1;
inline constexpr auto Refused = "refused"_L1;
// The approving phone has not passed 2-step verification on an account that has it.
inline constexpr auto TwoStepRequired = "two_step_required"_L1;
} // namespace qrEndReason

// Why a push request (sign-in or link) ended (push.ended, personal_link.ended).
namespace pushEndReason {
inline constexpr auto Denied = "denied"_L1;
inline constexpr auto Reported = "reported"_L1; // denied with "I didn't request this"
inline constexpr auto WrongCode = "wrong_code"_L1;
inline constexpr auto Expired = "expired"_L1;
inline constexpr auto Refused = "refused"_L1;              // the approval was not accepted
inline constexpr auto AlreadyLinked = "already_linked"_L1; // link: linked elsewhere meanwhile
inline constexpr auto Cancelled = "cancelled"_L1;          // link: the desktop withdrew it
} // namespace pushEndReason

// Request ids the phone sees: QR sign-ins start with "r_", push requests with "p_".
namespace requestPrefix {
inline constexpr auto Qr = "r_"_L1;
inline constexpr auto Push = "p_"_L1;
} // namespace requestPrefix

// The QR code's only content: moim://qr-login?s=<qr session id>&n=<nonce>.
namespace qrUri {
inline constexpr auto Scheme = "moim"_L1;
inline constexpr auto Host = "qr-login"_L1;
inline constexpr auto SessionKey = "s"_L1;
inline constexpr auto NonceKey = "n"_L1;
} // namespace qrUri

namespace revokeReason {
inline constexpr auto Logout = "logout"_L1;
inline constexpr auto Deactivated = "deactivated"_L1;
inline constexpr auto PasswordReset = "password_reset"_L1;
inline constexpr auto ReuseDetected = "reuse_detected"_L1;
inline constexpr auto Expired = "expired"_L1;
inline constexpr auto PasswordChanged = "password_changed"_L1;
inline constexpr auto SignedOutByUser = "signed_out_by_user"_L1;
// 2-step verification was turned on from another device: a session from before has not passed it.
inline constexpr auto TwoStepEnabled = "two_step_enabled"_L1;
} // namespace revokeReason

// WebSocket close codes the server uses (4000–4999 is the application range).
namespace closeCode {
inline constexpr int NoAuth = 4000;
inline constexpr int InvalidToken = 4001;
inline constexpr int SessionRevoked = 4003;
inline constexpr int UpdateRequired = 4026;
inline constexpr int QrEnded = 4010; // the QR session is over (see qr.ended)
// Per-IP cap on login channels or QR sessions, and the event stream caps per session and per IP.
inline constexpr int TooManyChannels = 4029;
} // namespace closeCode

namespace limits {
inline constexpr int AccessTokenSeconds = 15 * 60;
inline constexpr int RefreshGraceSeconds = 30;
inline constexpr int SessionMaxSeconds = 30 * 24 * 3600;
// Free failures per throttle key (a device proof, an IP address, a session), and for all the
// anonymous callers of one account together (see docs/protocol.md "Throttling").
inline constexpr int FreeFailedAttempts = 5;
inline constexpr int FreeFailedAttemptsPerAccount = 20;
// A device proof lives 180 days from its sign-in, an account keeps at most 20, and one whose
// failures reach 10 is withdrawn (its holder counts as anonymous again).
inline constexpr int DeviceProofSeconds = 180 * 24 * 3600;
inline constexpr int MaxDeviceProofsPerAccount = 20;
inline constexpr int MaxDeviceProofFailures = 10;
inline constexpr int MaxThrottleSeconds = 15 * 60;
inline constexpr int EventAuthTimeoutSeconds = 10;
// The event stream's keep-alive: the server pings this often unless its `ready` frame says
// otherwise (ping_interval_ms); a client that hears nothing for twice the interval reconnects.
inline constexpr int PingIntervalSeconds = 30;
inline constexpr int QrNonceSeconds = 30;
inline constexpr int QrSessionSeconds = 5 * 60;
inline constexpr int SecondFactorChallengeSeconds = 5 * 60;
inline constexpr int MaxWrongCodesPerChallenge = 5;
inline constexpr int RecoveryCodeCount = 10;
// A code from further back than the accepted ±1 step but within this many steps is reported as
// expired (a clock or a slow typist), not as wrong; it still counts as a failure.
inline constexpr int ExpiredCodeSteps = 10;
inline constexpr int MinPasswordLength = 12;
inline constexpr int MaxPasswordLength = 256;
// Push requests: 60 s to answer, at most 3 waiting per personal account, and an hour without
// pushes after the owner reports one ("I didn't request this").
inline constexpr int PushRequestSeconds = 60;
inline constexpr int MaxPendingPushRequests = 3;
inline constexpr int PushBlockSeconds = 3600;
inline constexpr int PersonalSessionSeconds = 30 * 24 * 3600;
inline constexpr int MaxPersonalAccountIdLength = 100;
// Transport (docs/protocol.md "Transport"): request sizes, read timeouts and stream caps.
inline constexpr int MaxHeaderBytes = 16 * 1024;
inline constexpr int MaxJsonBodyBytes = 16 * 1024;
inline constexpr int MaxMessageBodyBytes = 64 * 1024; // posting a message (10,000 characters)
inline constexpr int MaxWebSocketMessageBytes = 64 * 1024;
inline constexpr int HeaderTimeoutSeconds = 10;
inline constexpr int BodyTimeoutSeconds = 30;
inline constexpr int IdleTimeoutSeconds = 60;
inline constexpr int EventStreamsPerSession = 8;
inline constexpr int EventStreamsPerIp = 64;
// Messages (docs/protocol.md "Chat").
inline constexpr int MaxReactionsPerMessage = 20; // different emoji
inline constexpr int MaxEmojiLength = 32;         // UTF-16 units
inline constexpr int ReplySnippetLength = 100;    // characters of the original's first line
inline constexpr int TypingIntervalSeconds =
    2;                                      // at most one typing event per user and conversation
inline constexpr int MaxReadsMembers = 500; // read marks listed per conversation
// Files (docs/protocol.md "Files").
inline constexpr qint64 MaxFileBytes = 100 * 1024 * 1024;
inline constexpr int MaxUploadPieceBytes = 8 * 1024 * 1024; // one PATCH body
inline constexpr int UploadPieceBytes = 4 * 1024 * 1024;    // what a client sends at a time
inline constexpr int MaxFileNameLength = 255;               // UTF-16 units
inline constexpr int MaxUnfinishedUploads = 20;             // per user
inline constexpr int UploadExpirySeconds = 24 * 3600;       // after the last piece
inline constexpr int MaxAttachmentsPerMessage = 10;
inline constexpr int PreviewMaxSide = 320; // pixels, the long side
} // namespace limits

// The value of a workspace's "locked" field.
namespace lock {
inline constexpr auto TwoStepRequired = "two_step_required"_L1;
}

// The device proof of docs/protocol.md "Throttling": issued in every sign-in grant, presented in
// later sign-in requests for the same account.
namespace field {
inline constexpr auto DeviceProof = "device_proof"_L1;
// In the event stream's `ready` frame: how often the server pings, in milliseconds.
inline constexpr auto PingIntervalMs = "ping_interval_ms"_L1;
} // namespace field

} // namespace moim::protocol
