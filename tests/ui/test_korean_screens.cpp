// A Korean user on an English system: with --lang ko under LANG=C.UTF-8, every screen is walked
// and what it shows (labels, buttons, placeholders, lists, tabs, titles, and what a screen reader
// is told) is checked against the English catalogue: no English sentence or word of Moim's, and
// no date or time in the system locale's words. Every control a keyboard reaches has a name, and
// the name carries any number the control shows.

#include "account/my_account_page.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "desktop/appearance_controller.h"
#include "desktop/preferences_dialog.h"
#include "language.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/notification_settings_page.h"
#include "search/quick_switcher.h"
#include "secrets/memory_secret_store.h"
#include "storage/preferences.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextDocument>
#include <QXmlStreamReader>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;

struct Catalogue
{
    // Whole English texts (single words too) and the longer literal parts of sentences with
    // arguments ("Notifications for %1" gives "Notifications for").
    QSet<QString> wholeTexts;
    QStringList sentenceParts;
};

Catalogue englishCatalogue()
{
    Catalogue catalogue;
    QFile file(QStringLiteral(MOIM_KO_CATALOGUE));
    if (!file.open(QIODevice::ReadOnly))
        return catalogue;
    QXmlStreamReader xml(&file);
    QString source;
    static const QRegularExpression placeholder(uR"(%(?:L?\d|n))"_s);
    static const QRegularExpression twoWords(uR"([A-Za-z]{2,}[^A-Za-z%]+[A-Za-z]{2,})"_s);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "source"_L1) {
            source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            // Words that are the same in both ("HTTP", "%1%") are not English left behind.
            if (translation == source || !source.contains(QRegularExpression(u"[A-Za-z]{2,}"_s)))
                continue;
            if (!source.contains(placeholder))
                catalogue.wholeTexts.insert(source.trimmed());
            for (const QString &part : source.split(placeholder)) {
                if (part.trimmed().size() >= 8 && part.contains(twoWords))
                    catalogue.sentenceParts.append(part.trimmed());
            }
        }
    }
    return catalogue;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// What a widget and its visible children show and tell a screen reader.
QStringList shownTexts(QWidget *root)
{
    QStringList texts{root->windowTitle()};
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        if (!widget->isVisibleTo(root) && widget != root)
            continue;
        texts << widget->accessibleName() << widget->accessibleDescription();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << plain(label->text());
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << QString(button->text()).remove(u'&');
        else if (auto *field = qobject_cast<QLineEdit *>(widget))
            texts << field->placeholderText();
        else if (auto *box = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < box->count(); ++i)
                texts << box->itemText(i);
        } else if (auto *tabs = qobject_cast<QTabWidget *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << QString(tabs->tabText(i)).remove(u'&');
        }
    }
    texts.removeAll(QString());
    return texts;
}

QStringList englishIn(const QStringList &texts, const Catalogue &catalogue)
{
    // The system locale's words for times and days, had a date been written with it.
    static const QRegularExpression systemDate(
        uR"(\b(AM|PM|Yesterday|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)"_s);
    QStringList found;
    for (const QString &text : texts) {
        const QString trimmed = text.trimmed();
        if (catalogue.wholeTexts.contains(trimmed))
            found << trimmed;
        for (const QString &part : catalogue.sentenceParts) {
            if (trimmed.contains(part))
                found << u"%1 (in \"%2\")"_s.arg(part, trimmed);
        }
        if (const auto match = systemDate.match(trimmed); match.hasMatch())
            found << u"%1 (in \"%2\")"_s.arg(match.captured(), trimmed);
    }
    found.removeDuplicates();
    return found;
}

// Every control a keyboard reaches has a name, and where it shows a number, the name says it.
QStringList unnamedControls(QWidget *root)
{
    static const QRegularExpression number(u"\\d+"_s);
    QStringList problems;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        // The parts of a control (a field's clear button, a time's text) speak through it.
        QWidget *parent = widget->parentWidget();
        if (!widget->isVisibleTo(root) || !(widget->focusPolicy() & Qt::TabFocus) ||
            qobject_cast<QLineEdit *>(parent) || qobject_cast<QAbstractSpinBox *>(parent) ||
            qobject_cast<QComboBox *>(parent))
            continue;
        QAccessibleInterface *control = QAccessible::queryAccessibleInterface(widget);
        const QString name = control ? control->text(QAccessible::Name) : QString();
        const QString what =
            QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
        if (name.trimmed().isEmpty()) {
            problems << what + u" has no name"_s;
            continue;
        }
        // The number may be in the name or, for a field, in its value.
        const QString told = name + u' ' + control->text(QAccessible::Value) + u' ' +
                             control->text(QAccessible::Description);
        const QString shown = widget->property("text").toString();
        for (auto match = number.globalMatch(shown); match.hasNext();) {
            const QString digits = match.next().captured();
            if (!told.contains(digits))
                problems << u"%1 shows %2 but is named \"%3\""_s.arg(what, digits, name);
        }
    }
    return problems;
}
} // namespace

class TestKoreanScreens : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    Catalogue m_catalogue;

    void checkScreen(QWidget *root, const QString &screen)
    {
        QCoreApplication::processEvents();
        const QStringList english = englishIn(shownTexts(root), m_catalogue);
        QVERIFY2(english.isEmpty(),
                 qPrintable(screen + u" shows English: "_s + english.join(u" | "_s)));
        const QStringList unnamed = unnamedControls(root);
        QVERIFY2(unnamed.isEmpty(), qPrintable(screen + u": "_s + unnamed.join(u" | "_s)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QLocale::system().language(), QLocale::C);
        m_catalogue = englishCatalogue();
        QVERIFY2(m_catalogue.wholeTexts.size() > 300, "the catalogue was not read");
        // The check finds English where it is left: a Korean screen with one English word.
        QVERIFY(!englishIn({u"환경설정"_s, u"Preferences"_s}, m_catalogue).isEmpty());
        QVERIFY(englishIn({u"환경설정"_s, u"모임 본사"_s}, m_catalogue).isEmpty());
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
    }

    void everyScreenIsKorean()
    {
        MemorySecretStore secrets;
        ApiClient api(ServerAddress::parse(m_server.url().toString()), u"moim-desktop"_s,
                      u"0.1.0"_s);
        const Profile profile;
        SessionManager sessions(profile, &api, &secrets);
        Preferences preferences(profile.settingsFile());
        AppearanceController appearance(*qApp, &preferences);
        WindowController windows(&sessions, &preferences);
        windows.setAppearance(&appearance);
        windows.start();

        LoginWindow *login = windows.loginWindow();
        QVERIFY(login && login->isVisible());
        for (const auto page :
             {LoginWindow::Page::Password, LoginWindow::Page::Unauthorized,
              LoginWindow::Page::InviteHelp, LoginWindow::Page::ForgotPassword,
              LoginWindow::Page::PasteLink, LoginWindow::Page::Qr, LoginWindow::Page::Push,
              LoginWindow::Page::SecondFactor, LoginWindow::Page::ResetPassword}) {
            login->showPage(page);
            checkScreen(login, QString::fromLatin1(
                                   QMetaEnum::fromType<LoginWindow::Page>().valueToKey(int(page))));
        }
        // A link that is not one, as pasted from a mail that cut it.
        windows.openLink(u"moim://invite/"_s);
        QTRY_COMPARE(login->currentPage(), LoginWindow::Page::LinkProblem);
        checkScreen(login, u"link problem"_s);
        login->showPage(LoginWindow::Page::Password);
        login->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(windows.mainWindow() && windows.mainWindow()->isVisible(), 20000);
        MainWindow *main = windows.mainWindow();
        main->sidebar()->selectIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 0, 10000);
        checkScreen(main, u"main window"_s);
        const QModelIndex first = main->conversationList()->model()->index(0, 0);
        main->conversationList()->setCurrentIndex(first);
        Q_EMIT main->conversationList()->activated(first);
        QTRY_VERIFY_WITH_TIMEOUT(!main->openConversationId().isEmpty(), 10000);
        checkScreen(main, u"a conversation"_s);

        QuickSwitcher *switcher = main->openQuickSwitcher();
        QVERIFY(switcher);
        checkScreen(switcher, u"quick switcher"_s);
        switcher->close();

        MyAccountPage *account = main->openMyAccount();
        for (int tab = 0; tab < account->tabs()->count(); ++tab) {
            account->tabs()->setCurrentIndex(tab);
            checkScreen(account, u"My account, tab "_s + QString::number(tab));
        }
        account->close();
        checkScreen(windows.openPreferences(), u"Preferences"_s);
        checkScreen(main->openNotificationSettings(main->currentWorkspaceId()),
                    u"notification settings"_s);
    }
};

int main(int argc, char *argv[])
{
    // An English system, whatever the machine running the test uses.
    qputenv("LANG", "C.UTF-8");
    qputenv("LC_ALL", "C.UTF-8");
    qputenv("LANGUAGE", "");
    QApplication app(argc, argv);
    TestKoreanScreens test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_korean_screens.moc"
