#pragma once

#include "notification_policy.h"

#include <QList>
#include <QString>

namespace moim {

// The words of desktop notifications. Core decides what a notification says; the user
// interface, which owns translations, says it (see ui/notify/translated_notification_texts.h).
class NotificationTexts
{
public:
    virtual ~NotificationTexts() = default;

    // One message: the title names where it was posted, the body carries the preview, or a
    // line without the message when previews are off.
    virtual QString title(const NotificationDecision &decision) const = 0;
    virtual QString body(const NotificationDecision &decision) const = 0;
    // Several messages held back during a burst, in one notification.
    virtual QString summaryTitle(int count) const = 0;
    virtual QString summaryBody(const QList<NotificationDecision> &held) const = 0;
    virtual QString openAction() const = 0;
};

} // namespace moim
