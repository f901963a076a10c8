#pragma once

#include "chat/message.h"
#include "protocol/notification_settings.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <optional>

namespace moim {

// A message as it arrives, with what the client knows around it.
struct IncomingMessage
{
    Message message;
    QString workspaceId;
    QString workspaceName;
    QString conversationName; // the channel's name; empty for a direct conversation
    bool direct = false;
    bool mentionsMe = false;
    bool fromMe = false;  // written by this account (on any device)
    bool focused = false; // its conversation is open in the window that has focus
    // The user's own level for this conversation, when it does not follow the workspace's.
    std::optional<NotificationSettings::Level> conversationLevel;
};

// Whether a message becomes a desktop notification, and what that notification carries.
struct NotificationDecision
{
    enum class Verdict
    {
        Notify,
        OwnMessage,
        Focused,      // the user is looking at it already
        LevelNothing, // the level is "nothing" (the conversation's, or else the workspace's)
        NotForMe,     // level "mentions and direct messages", and it is neither
        Muted,
        QuietHours
    };

    Verdict verdict = Verdict::Notify;
    // The content, filled when verdict is Notify.
    QString author;
    QString conversationName; // empty for a direct conversation
    QString workspaceName;
    bool direct = false;
    bool mention = false;
    QString preview; // the message as one line, shortened; empty when previews are off
    bool sound = false;

    bool notify() const { return verdict == Verdict::Notify; }
};

// The pure rules of desktop notifications: no clock, no time zone and no state of its own, so
// every case is a line in a table of unit tests.
class NotificationPolicy
{
public:
    // How long the user asked for quiet: 1 h, 8 h, until tomorrow morning, or until they turn
    // notifications back on.
    enum class MuteDuration
    {
        OneHour,
        EightHours,
        UntilTomorrow,
        UntilTurnedOn
    };

    static constexpr int PreviewLength = 160; // characters before the preview is shortened
    static constexpr int TomorrowHour = 8;    // "until tomorrow" ends at 08:00 local time

    static NotificationDecision decide(const NotificationSettings &settings,
                                       const IncomingMessage &message, const QDateTime &now,
                                       const QTimeZone &zone);

    // Whether `now` falls in a quiet period, read on the wall clock of `zone`.
    static bool isQuietAt(const NotificationSettings::QuietHours &quiet, const QDateTime &now,
                          const QTimeZone &zone);

    // The settings with a mute of `duration` starting at `now`. "Until tomorrow" ends at 08:00
    // of the next day on the wall clock of `zone`; before 04:00 the night still belongs to the
    // day before, so it ends at 08:00 the same day.
    static NotificationSettings muted(NotificationSettings settings, MuteDuration duration,
                                      const QDateTime &now, const QTimeZone &zone);
    static NotificationSettings unmuted(NotificationSettings settings);

    // Whether the workspace is silent for the user right now (muted or level "nothing"), as the
    // sidebar shows it.
    static bool isSilenced(const NotificationSettings &settings, const QDateTime &now);

    // A message body as one notification line: whitespace folded, shortened with an ellipsis.
    static QString previewText(const QString &body);
};

} // namespace moim

Q_DECLARE_METATYPE(moim::NotificationDecision)
