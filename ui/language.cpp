#include "language.h"

#include "common/date_text.h"
#include "storage/preferences.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace moim::ui {

using namespace Qt::StringLiterals;

QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Korean ? u"ko"_s : u"en"_s;
}

namespace {

// Qt appends the display name to every window title ("Preferences — Moim"): in the language of
// the rest of the title, so a Korean screen never reads "환경설정 — Moim".
void nameTheApplication()
{
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("moim::ui::MainWindow", "Moim"));
}

bool &englishNames()
{
    static bool english = false;
    return english;
}

} // namespace

bool showsEnglishNames()
{
    return englishNames();
}

bool installLanguage(QCoreApplication &app, const QString &language)
{
    auto *moim = new QTranslator(&app);
    const bool loaded = moim->load(u"moim_"_s + language, u":/moim/translations"_s);
    // Without its catalogue a language shows as English, the source text, with English dates.
    const QString shown = loaded ? language : u"en"_s;
    // Dates and names first: the screens read them as they retranslate.
    DateText::setLanguage(shown);
    englishNames() = shown == "en"_L1;

    // Again from Preferences while running: what the last language installed goes. Each change
    // of translators has every window retranslate itself, with no restart.
    // Guarded: whoever else removed and deleted one of them leaves no dangling pointer here.
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator> &translator : std::as_const(installed)) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed.clear();
    if (!loaded) {
        delete moim;
        nameTheApplication();
        // English is the source language; its file only adds the plural forms ("1 message").
        return language == "en"_L1;
    }
    QCoreApplication::installTranslator(moim);
    installed.append(moim);
    if (language != "en"_L1) {
        // Qt's own dialogs and context menus (copy, paste…) in the same language; English ones
        // are Qt's source text.
        auto *qt = new QTranslator(&app);
        if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            installed.append(qt);
        } else {
            delete qt;
        }
    }
    nameTheApplication();
    return true;
}

void followLanguageChoice(QCoreApplication &app, Preferences *preferences)
{
    // Queued: the combo box the choice was made in retranslates with everything else, and is
    // better not refilled from inside its own signal.
    QObject::connect(
        preferences, &Preferences::languageChanged, &app,
        [&app](const QString &chosen) {
            installLanguage(app, chosen.isEmpty() ? systemLanguage() : chosen);
        },
        Qt::QueuedConnection);
}

} // namespace moim::ui
