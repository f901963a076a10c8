#pragma once

#include <QMetaType>
#include <QString>

namespace moim {

// One desktop notification, worded and ready to show: what a sink puts on screen and what its
// action opens.
struct DesktopNotification
{
    QString title;       // plain text
    QString body;        // plain text; a sink escapes it where the server reads markup
    QString actionLabel; // the action that opens the conversation ("Open")
    QString workspaceId;
    QString conversationId;
    bool sound = false;
    // A notification with the same non-empty slot replaces the one still shown there, so a
    // burst summary is updated in place instead of stacking up.
    QString slot;
};

} // namespace moim

Q_DECLARE_METATYPE(moim::DesktopNotification)
