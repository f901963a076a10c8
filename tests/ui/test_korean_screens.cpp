// A Korean user on an English system: with --lang ko under LANG=C.UTF-8, every screen is walked
// and what it shows (labels, buttons, placeholders, lists, tabs, titles, and what a screen reader
// is told) is checked against the English catalogue: no English sentence or word of Moim's, and
// no date or time in the system locale's words. Every control a keyboard reaches has a name, and
// the name carries any number the control shows.

#include "account/account.h"
#include "account/my_account_page.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/attachment_strip.h"
#include "chat/attachment_tiles.h"
#include "chat/composer.h"
#include "chat/history_model.h"
#include "chat/image_viewer.h"
#include "chat/message_files.h"
#include "chat/outgoing_files.h"
#include "conversations/conversation_actions.h"
#include "conversations/conversation_dialogs.h"
#include "desktop/appearance_controller.h"
#include "desktop/preferences_dialog.h"
#include "language.h"
#include "login/invite_page.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "notify/notification_settings_page.h"
#include "search/quick_switcher.h"
#include "search/search_panel.h"
#include "secrets/memory_secret_store.h"
#include "storage/preferences.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>
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

// A screen that fails ends the test function there, so its windows are not checked again later.
#define STOP_IF_FAILED(check)                                                                      \
    do {                                                                                           \
        check;                                                                                     \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)
#define CHECK_SCREEN(root, screen) STOP_IF_FAILED(checkScreen(root, screen))
#define CHECK_TEXTS(texts, screen) STOP_IF_FAILED(checkTexts(texts, screen))

class TestKoreanScreens : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    Catalogue m_catalogue;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<AppearanceController> m_appearance;
    std::unique_ptr<WindowController> m_windows;
    QTemporaryDir m_files;

    void checkScreen(QWidget *root, const QString &screen)
    {
        QCoreApplication::processEvents();
        CHECK_TEXTS(shownTexts(root), screen);
        const QStringList unnamed = unnamedControls(root);
        QVERIFY2(unnamed.isEmpty(), qPrintable(screen + u": "_s + unnamed.join(u" | "_s)));
    }
    void checkTexts(const QStringList &texts, const QString &screen)
    {
        const QStringList english = englishIn(texts, m_catalogue);
        QVERIFY2(english.isEmpty(),
                 qPrintable(screen + u" shows English: "_s + english.join(u" | "_s)));
    }
    MainWindow *main() const { return m_windows->mainWindow(); }
    // The open conversation's row whose text is `body`, newest first.
    int rowWithBody(const QString &body) const
    {
        const QList<Message> &rows = main()->history()->messages();
        for (qsizetype row = rows.size() - 1; row >= 0; --row) {
            if (rows.at(row).body == body)
                return int(row);
        }
        return -1;
    }
    QString openConversationName() const
    {
        const std::optional<Conversation> open =
            main()->account()->conversation(main()->openConversationId());
        return open ? open->name : QString();
    }
    template<typename Dialog> Dialog *openDialog()
    {
        for (Dialog *dialog : main()->findChildren<Dialog *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
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
        QVERIFY(m_files.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        const Profile profile;
        m_sessions = std::make_unique<SessionManager>(profile, m_api.get(), &m_secrets);
        m_preferences = std::make_unique<Preferences>(profile.settingsFile());
        m_appearance = std::make_unique<AppearanceController>(*qApp, m_preferences.get());
        m_windows = std::make_unique<WindowController>(m_sessions.get(), m_preferences.get());
        m_windows->setAppearance(m_appearance.get());
        m_windows->start();
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
    }

    void signInPages()
    {
        LoginWindow *login = m_windows->loginWindow();
        QVERIFY(login && login->isVisible());
        for (const auto page :
             {LoginWindow::Page::Password, LoginWindow::Page::Unauthorized,
              LoginWindow::Page::InviteHelp, LoginWindow::Page::ForgotPassword,
              LoginWindow::Page::PasteLink, LoginWindow::Page::Qr, LoginWindow::Page::Push,
              LoginWindow::Page::SecondFactor, LoginWindow::Page::ResetPassword}) {
            login->showPage(page);
            CHECK_SCREEN(login,
                         QString::fromLatin1(
                             QMetaEnum::fromType<LoginWindow::Page>().valueToKey(int(page))));
        }
        // A link that is not one, as pasted from a mail that cut it.
        m_windows->openLink(u"moim://invite/"_s);
        QTRY_COMPARE(login->currentPage(), LoginWindow::Page::LinkProblem);
        CHECK_SCREEN(login, u"link problem"_s);
    }

    // A real invitation, for a new person and for one who has an account already.
    void invitationPages()
    {
        LoginWindow *login = m_windows->loginWindow();
        const QString workspace = m_server.createWorkspace(u"제주 팀"_s, u"Jeju Team"_s);
        for (const QString &email : {u"sora.han@moim.example"_s, Jimin}) {
            m_windows->openLink(m_server.invite(email, workspace));
            QTRY_COMPARE_WITH_TIMEOUT(login->currentPage(), LoginWindow::Page::Invite, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(login->inviteFlow()->state(), InviteFlow::State::Ready,
                                      10000);
            QVERIFY(login->invitePage()->summaryText().contains(u"제주 팀"_s));
            CHECK_SCREEN(login, u"invitation for "_s + email);
        }
        login->showPage(LoginWindow::Page::Password);
    }

    void mainWindowAndConversation()
    {
        m_windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(main() && main()->isVisible(), 20000);
        main()->sidebar()->selectIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(main()->conversationList()->model()->rowCount() > 0, 10000);
        CHECK_SCREEN(main(), u"main window"_s);
        const QModelIndex first = main()->conversationList()->model()->index(0, 0);
        main()->conversationList()->setCurrentIndex(first);
        Q_EMIT main()->conversationList()->activated(first);
        QTRY_VERIFY_WITH_TIMEOUT(!main()->openConversationId().isEmpty(), 10000);
        CHECK_SCREEN(main(), u"a conversation"_s);

        QuickSwitcher *switcher = main()->openQuickSwitcher();
        QVERIFY(switcher);
        CHECK_SCREEN(switcher, u"quick switcher"_s);
        switcher->close();
    }

    // Search everywhere with results: the rows, what they say to a screen reader, the status.
    void searchResults()
    {
        main()->startSearch(true);
        SearchPanel *panel = main()->searchPanel();
        panel->field()->setText(u"아침"_s);
        panel->searchNow();
        QTRY_VERIFY(panel->isVisibleTo(main()));
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->state() == SearchPanel::State::Done && panel->model()->rowCount() > 0, 10000);
        CHECK_SCREEN(main(), u"search results"_s);
        QStringList rows;
        for (int row = 0; row < panel->model()->rowCount(); ++row) {
            const QModelIndex index = panel->model()->index(row, 0);
            rows << index.data(Qt::DisplayRole).toString()
                 << index.data(Qt::AccessibleTextRole).toString()
                 << index.data(Qt::ToolTipRole).toString();
        }
        CHECK_TEXTS(rows, u"search result rows"_s);
        QTest::keyClick(panel->field(), Qt::Key_Escape);
        QTRY_VERIFY(!panel->isVisibleTo(main()));
    }

    // Making, editing, browsing and leaving channels, and starting a direct conversation.
    void conversationDialogs()
    {
        ConversationActions *actions = main()->conversationActions();
        actions->newChannel();
        // Guarded: the dialog deletes itself once the server has made the channel.
        const QPointer<ChannelDialog> create = openDialog<ChannelDialog>();
        QVERIFY(create);
        CHECK_SCREEN(create, u"new channel"_s);
        create->findChild<QLineEdit *>()->setText(u"제주-준비"_s);
        create->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!create, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(openConversationName(), u"제주-준비"_s, 10000);

        actions->editChannel();
        auto *edit = openDialog<ChannelDialog>();
        QVERIFY(edit);
        CHECK_SCREEN(edit, u"edit channel"_s);
        edit->reject();

        // The two lists of the workspace, with what their rows say.
        actions->browseChannels();
        QDialog *browse = openDialog<BrowseChannelsDialog>();
        actions->newDirect();
        QDialog *direct = openDialog<NewDirectDialog>();
        for (QDialog *dialog : {browse, direct}) {
            QVERIFY(dialog);
            auto *list = dialog->findChild<QListWidget *>();
            QTRY_VERIFY_WITH_TIMEOUT(list->count() > 0, 10000);
            CHECK_SCREEN(dialog, dialog->windowTitle());
            QStringList rows;
            for (int row = 0; row < list->count(); ++row) {
                rows << list->item(row)->text() << list->item(row)->toolTip()
                     << list->item(row)->data(Qt::AccessibleTextRole).toString();
            }
            CHECK_TEXTS(rows, dialog->windowTitle() + u" rows"_s);
            dialog->reject();
        }

        // Leaving asks first; the question is read, then declined.
        QStringList question;
        QTimer::singleShot(0, this, [&question] {
            QWidget *box = QApplication::activeModalWidget();
            if (!box)
                return;
            question = shownTexts(box);
            question.prepend(u"shown"_s);
            QMetaObject::invokeMethod(box, "reject", Qt::QueuedConnection);
        });
        actions->leaveChannel();
        QCOMPARE(question.value(0), u"shown"_s);
        question.removeFirst();
        CHECK_TEXTS(question, u"leave channel question"_s);
        QVERIFY(question.join(u' ').contains(u"제주-준비"_s));
    }

    // A photo attached (its chip above the composer), sent, and opened in the viewer.
    void filesAndTheViewer()
    {
        const QString photo = m_files.filePath(u"현장 사진.png"_s);
        QImage image(QSize(640, 480), QImage::Format_RGB32);
        image.fill(QColor(0x2e, 0x7d, 0x32));
        QVERIFY(image.save(photo, "PNG"));
        main()->outgoingFiles()->attach({photo});
        AttachmentStrip *strip = main()->attachmentStrip();
        QCOMPARE(strip->files().size(), 1);
        CHECK_SCREEN(main(), u"a file attached"_s);
        QTRY_VERIFY_WITH_TIMEOUT(strip->files().first().stage == OutgoingFile::Stage::Done, 15000);
        Composer *composer = main()->composer();
        composer->setFocus();
        composer->insertPlainText(u"현장 사진입니다"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWithBody(u"현장 사진입니다"_s) >= 0 &&
                main()->history()->messages().at(rowWithBody(u"현장 사진입니다"_s)).seq > 0,
            15000);
        const int row = rowWithBody(u"현장 사진입니다"_s);
        const QModelIndex index = main()->history()->index(row, 0);
        CHECK_TEXTS({index.data(Qt::AccessibleTextRole).toString()}, u"a message with a file"_s);

        main()->messageFiles()->activate(main()->history()->messages().at(row), 0,
                                         AttachmentTiles::Part::Image);
        ImageViewer *viewer = main()->messageFiles()->viewer();
        QVERIFY(viewer && viewer->isVisible());
        // The dialogs before took the activation; the viewer's keys work in the active window.
        main()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(main()));
        CHECK_SCREEN(viewer, u"image viewer"_s);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->isFullImageShown(), 15000);
        CHECK_SCREEN(viewer, u"image viewer, full size"_s);
        QTest::keyClick(viewer, Qt::Key_Escape);
        QVERIFY(!viewer->isVisible());
    }

    void accountPreferencesAndNotifications()
    {
        MyAccountPage *account = main()->openMyAccount();
        for (int tab = 0; tab < account->tabs()->count(); ++tab) {
            account->tabs()->setCurrentIndex(tab);
            CHECK_SCREEN(account, u"My account, tab "_s + QString::number(tab));
        }
        account->close();
        CHECK_SCREEN(m_windows->openPreferences(), u"Preferences"_s);
        CHECK_SCREEN(main()->openNotificationSettings(main()->currentWorkspaceId()),
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
