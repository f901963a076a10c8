#pragma once

#include <QString>

class QCoreApplication;

namespace moim::ui {

// The language Moim speaks when none is asked for: Korean on a Korean system, else English.
QString systemLanguage();
// Installs Moim's and Qt's translations for "ko" (English is the source and needs none).
// False when a translation could not be loaded.
bool installLanguage(QCoreApplication &app, const QString &language);

} // namespace moim::ui
