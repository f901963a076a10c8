#include "translated_notification_texts.h"

#include <QStringList>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {
constexpr int SummaryPlaces = 3; // places named in a summary before "and N more"
} // namespace

QString TranslatedNotificationTexts::place(const NotificationDecision &decision) const
{
    const QString where = decision.direct || decision.conversationName.isEmpty()
                              ? decision.author
                              : tr("#%1").arg(decision.conversationName);
    if (decision.workspaceName.isEmpty())
        return where;
    return tr("%1 · %2", "conversation · workspace").arg(where, decision.workspaceName);
}

QString TranslatedNotificationTexts::title(const NotificationDecision &decision) const
{
    return place(decision);
}

QString TranslatedNotificationTexts::body(const NotificationDecision &decision) const
{
    if (!decision.preview.isEmpty()) {
        // In a channel the title names the channel, so the body says who wrote.
        return decision.direct
                   ? decision.preview
                   : tr("%1: %2", "author: message").arg(decision.author, decision.preview);
    }
    // Previews off: who and where, never what.
    if (decision.mention)
        return tr("%1 mentioned you").arg(decision.author);
    if (decision.direct)
        return tr("New direct message");
    return tr("New message from %1").arg(decision.author);
}

QString TranslatedNotificationTexts::summaryTitle(int count) const
{
    return tr("%n new message(s)", nullptr, count);
}

QString TranslatedNotificationTexts::summaryBody(const QList<NotificationDecision> &held) const
{
    // Newest place first, with how many messages each got.
    QStringList places;
    QHash<QString, int> counts;
    for (auto it = held.crbegin(); it != held.crend(); ++it) {
        const QString where = place(*it);
        if (!counts.contains(where))
            places.append(where);
        ++counts[where];
    }
    QStringList lines;
    for (qsizetype i = 0; i < places.size() && i < SummaryPlaces; ++i)
        lines.append(
            tr("%1: %n message(s)", nullptr, counts.value(places.at(i))).arg(places.at(i)));
    if (places.size() > SummaryPlaces)
        lines.append(
            tr("and %n more conversation(s)", nullptr, int(places.size()) - SummaryPlaces));
    return lines.join(u'\n');
}

QString TranslatedNotificationTexts::openAction() const
{
    return tr("Open");
}

} // namespace moim::ui
