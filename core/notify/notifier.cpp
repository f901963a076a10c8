#include "notifier.h"

#include "account/account.h"
#include "chat/chat.h"
#include "notification_preferences.h"
#include "notification_sink.h"
#include "notification_texts.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcNotifier, "moim.core.notify")

namespace moim {

using namespace Qt::StringLiterals;

namespace {
const auto SummarySlot = u"summary"_s;
} // namespace

Notifier::Notifier(Account *account, NotificationSink *sink, const NotificationTexts *texts,
                   QObject *parent)
    : QObject(parent)
    , m_account(account)
    , m_sink(sink)
    , m_texts(texts)
{
    m_elapsed.start();
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &Notifier::flushHeld);
    connect(account->chat(), &Chat::messageArrived, this, &Notifier::onMessageArrived);
    if (sink)
        connect(sink, &NotificationSink::activated, this, &Notifier::openRequested);
}

void Notifier::setFocusedConversation(const QString &conversationId)
{
    m_focused = conversationId;
}

void Notifier::onMessageArrived(const Message &message, const Conversation &conversation)
{
    if (!m_account || !m_sink)
        return;
    const QString workspaceId = conversation.workspaceId;
    WorkspaceModel *workspaces = m_account->workspaces();
    const int row = workspaces->indexOf(workspaceId);

    IncomingMessage incoming;
    incoming.message = message;
    incoming.workspaceId = workspaceId;
    incoming.workspaceName =
        row >= 0 ? workspaces->workspaces().at(row).shownName(workspaces->englishNames())
                 : QString();
    incoming.direct = conversation.kind == Conversation::Kind::Direct;
    incoming.conversationName = conversation.name;
    for (const Conversation &known : m_account->conversations(workspaceId)) {
        if (known.id != message.conversationId)
            continue;
        // An older server may not name it in the event; the cached list usually does.
        if (incoming.conversationName.isEmpty() && !incoming.direct)
            incoming.conversationName = known.name;
        switch (known.muteLevel) {
        case Conversation::MuteLevel::Inherit:
            break;
        case Conversation::MuteLevel::All:
            incoming.conversationLevel = NotificationSettings::Level::All;
            break;
        case Conversation::MuteLevel::MentionsAndDirect:
            incoming.conversationLevel = NotificationSettings::Level::MentionsAndDirect;
            break;
        case Conversation::MuteLevel::Nothing:
            incoming.conversationLevel = NotificationSettings::Level::Nothing;
            break;
        }
    }
    incoming.mentionsMe = message.mentions(m_account->identity().id);
    incoming.fromMe = message.authorId == m_account->identity().id;
    incoming.focused = !m_focused.isEmpty() && m_focused == message.conversationId;

    const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
    const QTimeZone zone = m_zone.isValid() ? m_zone : QTimeZone::systemTimeZone();
    const NotificationDecision decision = NotificationPolicy::decide(
        m_account->notificationSettings()->settings(workspaceId), incoming, now, zone);
    Q_EMIT decided(decision);
    if (!decision.notify())
        return;

    const Held held{decision, workspaceId, message.conversationId};
    if (m_held.isEmpty() && withinBudget()) {
        showSingle(held);
        return;
    }
    // Held for the summary: it goes out once the burst calms down, or after the longest hold.
    if (m_held.isEmpty())
        m_holdStarted = m_elapsed.elapsed();
    m_held.append(held);
    const qint64 heldFor = m_elapsed.elapsed() - m_holdStarted;
    const qint64 left = m_limits.longestHold.count() - heldFor;
    m_holdTimer.start(std::chrono::milliseconds(
        std::max<qint64>(0, std::min<qint64>(m_limits.settle.count(), left))));
}

bool Notifier::withinBudget()
{
    const qint64 now = m_elapsed.elapsed();
    m_recentPopups.erase(
        std::remove_if(m_recentPopups.begin(), m_recentPopups.end(),
                       [&](qint64 at) { return now - at >= m_limits.window.count(); }),
        m_recentPopups.end());
    return m_recentPopups.size() < m_limits.popupsPerWindow;
}

void Notifier::showSingle(const Held &held)
{
    DesktopNotification notification;
    notification.title = m_texts->title(held.decision);
    notification.body = m_texts->body(held.decision);
    notification.actionLabel = m_texts->openAction();
    notification.workspaceId = held.workspaceId;
    notification.conversationId = held.conversationId;
    notification.sound = held.decision.sound;
    m_recentPopups.append(m_elapsed.elapsed());
    ++m_shownCount;
    m_sink->show(notification);
}

void Notifier::flushHeld()
{
    if (m_held.isEmpty() || !m_sink)
        return;
    const qint64 now = m_elapsed.elapsed();
    // A summary still fresh on screen grows: it replaces itself with everything so far, so no
    // count is lost when a burst goes on.
    if (m_lastSummaryAt < 0 || now - m_lastSummaryAt >= m_limits.window.count())
        m_summarised.clear();
    if (m_summarised.isEmpty() && m_held.size() == 1) {
        showSingle(std::exchange(m_held, {}).first());
        return;
    }
    m_summarised += std::exchange(m_held, {});
    m_lastSummaryAt = now;
    const QList<Held> &held = m_summarised;
    QList<NotificationDecision> decisions;
    bool sound = false;
    for (const Held &one : held) {
        decisions.append(one.decision);
        sound = sound || one.decision.sound;
    }
    DesktopNotification summary;
    summary.title = m_texts->summaryTitle(int(held.size()));
    summary.body = m_texts->summaryBody(decisions);
    summary.actionLabel = m_texts->openAction();
    // Opening a summary goes to the newest of its messages.
    summary.workspaceId = held.last().workspaceId;
    summary.conversationId = held.last().conversationId;
    summary.sound = sound;
    summary.slot = SummarySlot;
    m_recentPopups.append(now);
    ++m_shownCount;
    qCInfo(lcNotifier) << "coalesced" << held.size() << "messages into one notification";
    m_sink->show(summary);
}

} // namespace moim
