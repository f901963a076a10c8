#pragma once

#include "notify/notification_texts.h"

#include <QCoreApplication>

namespace moim::ui {

// The words of desktop notifications, in the user's language.
class TranslatedNotificationTexts : public NotificationTexts
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::TranslatedNotificationTexts)

public:
    QString title(const NotificationDecision &decision) const override;
    QString body(const NotificationDecision &decision) const override;
    QString summaryTitle(int count) const override;
    QString summaryBody(const QList<NotificationDecision> &held) const override;
    QString openAction() const override;

private:
    // Where a message was posted, as a title names it: "#general · Moim HQ", "김지민 · Design".
    QString place(const NotificationDecision &decision) const;
};

} // namespace moim::ui
