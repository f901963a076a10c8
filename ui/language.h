#pragma once

#include <QString>

class QCoreApplication;

namespace moim {
class Preferences;
}

namespace moim::ui {

// The language Moim speaks when none is asked for: Korean on a Korean system, else English.
QString systemLanguage();
// Installs Moim's and Qt's translations for the language. English is the source text; its
// catalogue only adds the plural forms ("1 second", "2 seconds"). False when it could not load.
bool installLanguage(QCoreApplication &app, const QString &language);
// Applies the language chosen in Preferences as soon as it is chosen: every window retranslates
// itself, no restart. An empty choice follows the system.
void followLanguageChoice(QCoreApplication &app, Preferences *preferences);
// Whether the installed language is English, so workspaces show their English names where they
// have one. False until a language is installed: the company's own names.
bool showsEnglishNames();

} // namespace moim::ui
