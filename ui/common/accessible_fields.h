#pragma once

#include <QString>

class QLineEdit;

namespace moim::ui {

// What Qt 6.4 gets wrong for screen readers in text fields, put right in one place.

// Qt sends every character typed into a password field, and the whole password when the field
// is cleared, in AT-SPI text events (the characters are masked on screen only). Installed once
// per process, this passes such events on with each character replaced by '*', so a screen
// reader says "star" or the count, never the password. Safe to call more than once.
void installPasswordEventMask();

// The buttons inside a line edit (show password, clear) have no focus and, for the clear
// button, no name: this names each after its action and lets Tab reach it. The clear button is
// named `clearName` when the field has one. Call it again when the actions' texts change (a
// retranslation, a toggle).
void makeFieldButtonsAccessible(QLineEdit *field, const QString &clearName = {});

} // namespace moim::ui
