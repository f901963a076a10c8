#include "language.h"

#include "common/date_text.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
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
    if (!moim->load(u"moim_"_s + language, u":/moim/translations"_s)) {
        delete moim;
        // Dates in the language the words are shown in: English, the source text.
        DateText::setLanguage(u"en"_s);
        englishNames() = true;
        nameTheApplication();
        // English is the source language; its file only adds the plural forms ("1 message").
        return language == "en"_L1;
    }
    DateText::setLanguage(language);
    englishNames() = language == "en"_L1;
    QCoreApplication::installTranslator(moim);
    nameTheApplication();
    if (language == "en"_L1)
        return true; // Qt's own strings are English already
    // Qt's own dialogs and context menus (copy, paste…) in the same language.
    auto *qt = new QTranslator(&app);
    if (qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return true;
}

} // namespace moim::ui
