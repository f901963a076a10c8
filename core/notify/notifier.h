#pragma once

#include "account/workspace.h"
#include "chat/message.h"
#include "notification_policy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <functional>

namespace moim {

class Account;
class NotificationSink;
class NotificationTexts;

// Turns the account's arriving messages into desktop notifications: asks NotificationPolicy
// about each (with the workspace's own settings), words it with NotificationTexts and hands it
// to a sink. A burst is coalesced: after a few popups in a short time, further messages wait
// and come out as one summary that updates in place, so a flood never becomes a storm.
class Notifier : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int popupsPerWindow = 3;                     // single popups before holding back
        std::chrono::milliseconds window{10000};     // … within this time
        std::chrono::milliseconds settle{1500};      // a summary waits for the burst to calm
        std::chrono::milliseconds longestHold{5000}; // … but never longer than this
    };

    Notifier(Account *account, NotificationSink *sink, const NotificationTexts *texts,
             QObject *parent = nullptr);

    // The conversation open in the window that has focus, empty when none does.
    void setFocusedConversation(const QString &conversationId);
    QString focusedConversation() const { return m_focused; }

    // For tests: a fixed zone instead of the system's (read at each message, so moving the
    // computer to another zone takes effect at once), and a clock.
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void setLimits(const Limits &limits) { m_limits = limits; }

    // Notifications handed to the sink so far (singles and summaries).
    int shownCount() const { return m_shownCount; }

Q_SIGNALS:
    // The user activated a notification: open this workspace and conversation.
    void openRequested(const QString &workspaceId, const QString &conversationId);
    // Every message looked at, with the verdict (for logs and tests).
    void decided(const moim::NotificationDecision &decision);

private:
    struct Held
    {
        NotificationDecision decision;
        QString workspaceId;
        QString conversationId;
    };

    void onMessageArrived(const Message &message, const Conversation &conversation);
    void showSingle(const Held &held);
    void flushHeld();
    bool withinBudget();

    QPointer<Account> m_account;
    QPointer<NotificationSink> m_sink;
    const NotificationTexts *m_texts;
    QString m_focused;
    QTimeZone m_zone;
    std::function<QDateTime()> m_clock;
    Limits m_limits;
    QElapsedTimer m_elapsed;
    QList<qint64> m_recentPopups; // m_elapsed times of popups within the window
    QList<Held> m_held;           // waiting for the next summary
    QList<Held> m_summarised;     // in the summary on screen
    qint64 m_lastSummaryAt = -1;
    qint64 m_holdStarted = 0;
    QTimer m_holdTimer;
    int m_shownCount = 0;
};

} // namespace moim
