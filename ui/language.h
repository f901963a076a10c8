#pragma once

#include <QString>

class QCoreApplication;

namespace moim::ui {

// The language Moim speaks when none is asked for: Korean on a Korean system, else English.
QString systemLanguage();
// Installs Moim's and Qt's translations for "ko"; for "en" (the source language) only the
// plural forms ("1 message", "2 messages").
// False when a translation could not be loaded.
bool installLanguage(QCoreApplication &app, const QString &language);

} // namespace moim::ui
