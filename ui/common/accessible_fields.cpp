#include "accessible_fields.h"

#include <QAccessible>
#include <QAction>
#include <QLineEdit>
#include <QToolButton>
#include <memory>

namespace moim::ui {

namespace {

QAccessible::UpdateHandler previousHandler = nullptr;
bool maskInstalled = false;

bool isSecretField(QObject *object)
{
    const auto *field = qobject_cast<QLineEdit *>(object);
    return field && field->echoMode() != QLineEdit::Normal;
}

QString stars(const QString &text)
{
    return QString(text.size(), u'*');
}

// A copy of a text event from a password field with its characters masked; null for any other
// event, which goes on as it is.
std::unique_ptr<QAccessibleEvent> maskedCopy(QAccessibleEvent *event)
{
    if (!isSecretField(event->object()))
        return nullptr;
    switch (event->type()) {
    case QAccessible::TextInserted: {
        auto *inserted = static_cast<QAccessibleTextInsertEvent *>(event);
        return std::make_unique<QAccessibleTextInsertEvent>(
            event->object(), inserted->changePosition(), stars(inserted->textInserted()));
    }
    case QAccessible::TextRemoved: {
        auto *removed = static_cast<QAccessibleTextRemoveEvent *>(event);
        return std::make_unique<QAccessibleTextRemoveEvent>(
            event->object(), removed->changePosition(), stars(removed->textRemoved()));
    }
    case QAccessible::TextUpdated: {
        auto *updated = static_cast<QAccessibleTextUpdateEvent *>(event);
        return std::make_unique<QAccessibleTextUpdateEvent>(
            event->object(), updated->changePosition(), stars(updated->textRemoved()),
            stars(updated->textInserted()));
    }
    default:
        return nullptr;
    }
}

void maskingHandler(QAccessibleEvent *event)
{
    const std::unique_ptr<QAccessibleEvent> masked = maskedCopy(event);
    QAccessibleEvent *forwarded = masked ? masked.get() : event;
    if (previousHandler) {
        previousHandler(forwarded);
        return;
    }
    // Without a handler before this one, Qt hands events to the platform's bridge (AT-SPI) in
    // updateAccessibility itself: step aside for the one call.
    QAccessible::installUpdateHandler(nullptr);
    QAccessible::updateAccessibility(forwarded);
    QAccessible::installUpdateHandler(maskingHandler);
}

} // namespace

void installPasswordEventMask()
{
    if (maskInstalled)
        return;
    maskInstalled = true;
    previousHandler = QAccessible::installUpdateHandler(maskingHandler);
}

void makeFieldButtonsAccessible(QLineEdit *field, const QString &clearName)
{
    if (!clearName.isEmpty()) {
        // Qt's own clear action, made by setClearButtonEnabled, carries no text.
        if (auto *clear = field->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction"))) {
            clear->setText(clearName);
            clear->setToolTip(clearName);
        }
    }
    for (QToolButton *button : field->findChildren<QToolButton *>()) {
        button->setFocusPolicy(Qt::TabFocus);
        if (QAction *action = button->defaultAction())
            button->setAccessibleName(action->text());
    }
}

} // namespace moim::ui
