// Managing conversations in the window, offscreen against the real mock server: the
// "Conversation" menu and its dialogs (new channel, browse and join, new message), what may be
// edited by whom, a refused name shown in the dialog, the notice bar folding, and Korean.
#include "account/account.h"
#include "auth/session_manager.h"
#include "chat/conversation_intro.h"
#include "chat/history_model.h"
#include "chat/message_view.h"
#include "conversations/conversation_actions.h"
#include "conversations/conversation_dialogs.h"
#include "conversations/pinned_notice_bar.h"
#include "language.h"
#include "main/main_window.h"
#include "main/workspace_sidebar.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestConversationDialogs : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    QString m_design;

    MainWindow *main() const { return m_windows->mainWindow(); }
    Account *account() const { return m_sessions->account(); }

    template<typename Dialog> Dialog *openDialog()
    {
        Dialog *found = nullptr;
        [&] { QTRY_VERIFY_WITH_TIMEOUT((found = visible<Dialog>()) != nullptr, 5000); }();
        return found;
    }

    template<typename Dialog> Dialog *visible() const
    {
        for (Dialog *dialog : main()->findChildren<Dialog *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }

    static QPushButton *okButton(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    std::optional<Conversation> named(const QString &name) const
    {
        for (const Conversation &conversation : account()->conversations(m_design)) {
            if (conversation.name == name)
                return conversation;
        }
        return std::nullopt;
    }

    static void save(QWidget *widget, const QString &name)
    {
        if (qEnvironmentVariableIsSet("MOIM_SCREENSHOT_DIR"))
            widget->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, qEnvironmentVariable("MOIM_THEME") == "dark"_L1 ? Theme::Scheme::Dark
                                                                            : Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
        m_windows = std::make_unique<WindowController>(m_sessions.get());
        m_windows->start();
        m_windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(main() && main()->isVisible(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(account()->connection(), Account::Connection::Online, 10000);
        for (const Workspace &workspace : account()->workspaces()->workspaces()) {
            if (workspace.nameEn == "Design Studio"_L1)
                m_design = workspace.id;
        }
        QVERIFY(main()->sidebar()->selectWorkspace(m_design));
        QTRY_VERIFY_WITH_TIMEOUT(named(u"general"_s).has_value(), 10000);
        main()->resize(1100, 720);
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
    }

    void theMenuSaysWhatMayBeDone()
    {
        QMenu *menu = main()->conversationActions()->menu();
        QVERIFY(main()->menuBar()->actions().contains(menu->menuAction()));
        QCOMPARE(menu->title(), u"&Conversation"_s);
        main()->openConversation(named(u"general"_s)->id);
        const auto enabled = [menu](const QString &text) {
            for (QAction *action : menu->actions()) {
                if (action->text() == text)
                    return action->isEnabled();
            }
            return false;
        };
        // Jimin neither created #general nor administers Design Studio.
        QVERIFY(!enabled(u"Rename or describe channel…"_s));
        QVERIFY(enabled(u"Leave channel"_s));
        QVERIFY(enabled(u"New channel…"_s));
        QVERIFY(enabled(u"Mark all as read"_s));
    }

    void aNewChannelIsCreatedAndOpened()
    {
        main()->conversationActions()->newChannel();
        auto *dialog = openDialog<ChannelDialog>();
        QVERIFY(dialog);
        QVERIFY(!okButton(dialog)->isEnabled());
        dialog->findChild<QLineEdit *>()->setText(u"general"_s);
        QVERIFY(okButton(dialog)->isEnabled());
        okButton(dialog)->click();
        // Refused: the reason shows and the dialog stays, with what was typed.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QLabel *label : dialog->findChildren<QLabel *>()) {
                    if (label->isVisible() && label->text().contains(u"already exists"_s))
                        return true;
                }
                return false;
            }(),
            10000);
        QVERIFY(dialog->isVisible());
        dialog->findChild<QLineEdit *>()->setText(u"ui-launch"_s);
        dialog->findChild<QPlainTextEdit *>()->setPlainText(u"Plans for the launch"_s);
        save(dialog, u"new-channel.png"_s);
        okButton(dialog)->click();
        QTRY_VERIFY_WITH_TIMEOUT(named(u"ui-launch"_s).has_value(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(), named(u"ui-launch"_s)->id, 10000);
        // Empty yet: it introduces itself with its description and who started it.
        ConversationIntro *intro = main()->findChild<MessageView *>()->intro();
        QTRY_VERIFY_WITH_TIMEOUT(intro->isVisible(), 10000);
        QCOMPARE(intro->title(), u"This is the start of #ui-launch"_s);
        QVERIFY2(intro->text().contains(u"Plans for the launch"_s), qPrintable(intro->text()));
        QVERIFY2(intro->text().contains(u"김지민 created this channel on "_s),
                 qPrintable(intro->text()));
        // Its creator may edit it.
        for (QAction *action : main()->conversationActions()->menu()->actions()) {
            if (action->text() == u"Rename or describe channel…"_s)
                QVERIFY(action->isEnabled());
        }
    }

    void browsingJoinsAndOpens()
    {
        // Jimin leaves #general first, so it is one to join again.
        std::optional<ApiResult> left;
        const QString general = named(u"general"_s)->id;
        account()->leaveChannel(general, this, [&left](const ApiResult &r) { left = r; });
        QTRY_VERIFY_WITH_TIMEOUT(left.has_value(), 10000);
        QVERIFY(left->ok());
        QVERIFY(!named(u"general"_s));

        main()->conversationActions()->browseChannels();
        auto *dialog = openDialog<BrowseChannelsDialog>();
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>();
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 3, 10000);
        QListWidgetItem *generalItem = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(u"# general"_s))
                generalItem = list->item(i);
        }
        QVERIFY(generalItem);
        QVERIFY(!generalItem->text().contains(u"Joined"_s));
        dialog->findChild<QLineEdit *>()->setText(u"gen"_s);
        QVERIFY(!generalItem->isHidden());
        dialog->findChild<QLineEdit *>()->setText(QString());
        list->setCurrentItem(generalItem);
        QCOMPARE(okButton(dialog)->text(), u"Join"_s);
        save(dialog, u"browse-channels.png"_s);
        okButton(dialog)->click();
        QTRY_VERIFY_WITH_TIMEOUT(named(u"general"_s).has_value(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(main()->openConversationId(), general, 10000);
    }

    void aDirectConversationStartsFromChosenPeople()
    {
        main()->conversationActions()->newDirect();
        auto *dialog = openDialog<NewDirectDialog>();
        QVERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>();
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 3, 10000); // everyone in Design Studio but Jimin
        for (int i = 0; i < list->count(); ++i)
            QVERIFY(list->item(i)->text() != u"김지민"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text() == u"Daniel Cho"_s || list->item(i)->text() == u"정하윤"_s)
                list->item(i)->setCheckState(Qt::Checked);
        }
        QVERIFY(okButton(dialog)->isEnabled());
        save(dialog, u"new-message.png"_s);
        okButton(dialog)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!main()->openConversationId().isEmpty() &&
                                     account()->conversation(main()->openConversationId()) &&
                                     account()->conversation(main()->openConversationId())->kind ==
                                         Conversation::Kind::Direct,
                                 10000);
    }

    void theNoticeShowsAndFolds()
    {
        const QString general = named(u"general"_s)->id;
        main()->openConversation(general);
        PinnedNoticeBar *bar = main()->pinnedNotice();
        QVERIFY(!bar->isVisible());
        QString output;
        QCOMPARE(
            m_server.admin({u"post"_s, u"alex.park@moim.example"_s, general,
                            u"공지: 이번 주 금요일은 전원 재택입니다.\n회의는 화상으로 합니다."_s},
                           &output),
            0);
        const QString messageId = output.section(u' ', 1, 1);
        QVERIFY(messageId.startsWith(u"m_"_s));
        // As the message's context menu does.
        Q_EMIT main()->findChild<MessageView *>()->pinRequested(messageId);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
        // The change rebuilt the list: the conversation stays open and selected under it.
        QCOMPARE(main()->openConversationId(), general);
        QVERIFY(main()->findChild<QListView *>(u"ConversationList"_s)->currentIndex().isValid());
        QLabel *text = nullptr;
        for (QLabel *label : bar->findChildren<QLabel *>()) {
            if (label->text().contains(u"재택"_s))
                text = label;
        }
        QVERIFY(text);
        QVERIFY(text->text().contains(u"화상"_s));
        save(main(), u"main-window-notice.png"_s);
        bar->setFolded(true);
        QVERIFY(!text->text().contains(u"화상"_s));
        QVERIFY(bar->isFolded());
        bar->setFolded(false);
        QVERIFY(text->text().contains(u"화상"_s));
        // "Go to message" finds it in the timeline and highlights it.
        for (QToolButton *button : bar->findChildren<QToolButton *>()) {
            if (button->text() == u"Go to message"_s)
                button->click();
        }
        auto *view = main()->findChild<MessageView *>();
        QTRY_VERIFY_WITH_TIMEOUT(!view->highlightedMessage().isEmpty(), 10000);
        QAbstractItemModel *history = view->model();
        bool highlightedIsTheNotice = false;
        for (int row = 0; row < history->rowCount(); ++row) {
            const QModelIndex index = history->index(row, 0);
            if (index.data(HistoryModel::LocalIdRole).toString() == view->highlightedMessage())
                highlightedIsTheNotice =
                    index.data(HistoryModel::BodyRole).toString().contains(u"재택"_s);
        }
        QVERIFY(highlightedIsTheNotice);
        // Unpinned: the bar goes.
        for (QToolButton *button : bar->findChildren<QToolButton *>()) {
            if (button->text() == u"Unpin"_s)
                button->click();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 10000);
        QCOMPARE(main()->openConversationId(), general);
    }

    // Last: it switches the application to Korean.
    void inKorean()
    {
        QVERIFY(installLanguage(*qApp, u"ko"_s));
        QTRY_COMPARE(main()->conversationActions()->menu()->title(), u"대화(&C)"_s);
        main()->conversationActions()->newChannel();
        auto *dialog = openDialog<ChannelDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"새 채널"_s);
        QCOMPARE(okButton(dialog)->text(), u"만들기"_s);
        QCOMPARE(dialog->findChild<QCheckBox *>()->text(), u"비공개: 채널 멤버만 볼 수 있습니다"_s);
        QCoreApplication::sendPostedEvents();
        save(dialog, u"new-channel-ko.png"_s);
        dialog->reject();
        main()->conversationActions()->browseChannels();
        auto *browse = openDialog<BrowseChannelsDialog>();
        QTRY_VERIFY_WITH_TIMEOUT(browse->findChild<QListWidget *>()->count() >= 3, 10000);
        QVERIFY(browse->findChild<QListWidget *>()->item(0)->text().contains(u"멤버"_s));
        save(browse, u"browse-channels-ko.png"_s);
        browse->reject();
        save(main(), u"main-window-ko.png"_s);
        main()->conversationActions()->menu()->popup(main()->mapToGlobal(QPoint(200, 20)));
        QCoreApplication::sendPostedEvents();
        save(main()->conversationActions()->menu(), u"conversation-menu-ko.png"_s);
        main()->conversationActions()->menu()->close();
    }
};

QTEST_MAIN(TestConversationDialogs)
#include "test_conversation_dialogs.moc"
