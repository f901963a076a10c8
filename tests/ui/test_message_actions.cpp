// Replying, editing, deleting, reacting and mentioning from the main window, as a user does it,
// against the real mock server: the change reaches the server, comes back as a newer version of
// the message and shows in the timeline; the composer and the bar above it follow.
#include "account/conversation_model.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "chat/composer.h"
#include "chat/composer_context_bar.h"
#include "chat/emoji_picker.h"
#include "chat/history_model.h"
#include "chat/mention_picker.h"
#include "chat/message_actions.h"
#include "chat/message_delegate.h"
#include "chat/message_view.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QListView>
#include <QListWidget>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Daniel = u"daniel.cho@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
} // namespace

class TestMessageActions : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    MemorySecretStore m_secrets;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SessionManager> m_sessions;
    std::unique_ptr<WindowController> m_windows;
    MainWindow *m_main = nullptr;
    QString m_channel;

    // The row of the newest message whose body is `body`, or -1.
    int rowWithBody(const QString &body) const
    {
        const QList<Message> &rows = m_main->history()->messages();
        for (qsizetype row = rows.size() - 1; row >= 0; --row) {
            if (rows.at(row).body == body)
                return int(row);
        }
        return -1;
    }
    Message messageAt(int row) const { return m_main->history()->messages().at(row); }

    bool post(const QString &author, const QString &body)
    {
        QString output;
        const bool posted = m_server.admin({u"post"_s, author, m_channel, body}, &output) == 0;
        if (!posted)
            qWarning() << output;
        return posted;
    }

    void type(const QString &text)
    {
        Composer *composer = m_main->composer();
        composer->setFocus();
        // Hangul comes from an input method, not from key clicks.
        composer->insertPlainText(text);
        QTest::keyClick(composer, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
        m_home = std::make_unique<test::IsolatedHome>();
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(m_server.url().toString()),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        m_sessions = std::make_unique<SessionManager>(Profile(), m_api.get(), &m_secrets);
        m_windows = std::make_unique<WindowController>(m_sessions.get());
        m_windows->start();
        m_windows->loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(m_windows->mainWindow() && m_windows->mainWindow()->isVisible(),
                                 20000);
        m_main = m_windows->mainWindow();
        QAbstractItemModel *list = m_main->conversationList()->model();
        QTRY_VERIFY_WITH_TIMEOUT(list->rowCount() > 0, 10000);
        // The first channel of the first workspace.
        for (int row = 0; row < list->rowCount() && m_channel.isEmpty(); ++row) {
            const QModelIndex index = list->index(row, 0);
            if (!index.data(ConversationModel::IsDirectRole).toBool()) {
                m_channel = index.data(ConversationModel::IdRole).toString();
                m_main->conversationList()->setCurrentIndex(index);
            }
        }
        QVERIFY(!m_channel.isEmpty());
        QTRY_COMPARE(m_main->history()->conversationId(), m_channel);
    }

    void cleanupTestCase()
    {
        m_windows.reset();
        m_sessions.reset();
    }

    void replyQuotesTheMessageAndJumpsToIt()
    {
        QVERIFY(post(Daniel, u"내일 회의는 3시에 시작합니다\n자료는 오늘 올릴게요"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            rowWithBody(u"내일 회의는 3시에 시작합니다\n자료는 오늘 올릴게요"_s) >= 0, 10000);
        const Message original =
            messageAt(rowWithBody(u"내일 회의는 3시에 시작합니다\n자료는 오늘 올릴게요"_s));
        m_main->messageActions()->startReply(original.localId);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::Reply);
        QVERIFY(m_main->composerBar()->text().contains(u"내일 회의는 3시에 시작합니다"_s));
        QVERIFY(!m_main->composerBar()->text().contains(u"자료는"_s));
        type(u"네, 참석할게요"_s);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::None);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"네, 참석할게요"_s) >= 0 &&
                                     messageAt(rowWithBody(u"네, 참석할게요"_s)).seq > 0,
                                 10000);
        const Message reply = messageAt(rowWithBody(u"네, 참석할게요"_s));
        QVERIFY(reply.replyTo);
        QCOMPARE(reply.replyTo->id, original.id);
        QCOMPARE(reply.replyTo->authorId, original.authorId);

        // The quote is a link to the original: a click there highlights it.
        MessageView *view = m_main->messageView();
        view->scrollToBottom();
        const QModelIndex replyIndex =
            m_main->history()->index(rowWithBody(u"네, 참석할게요"_s), 0);
        QTRY_VERIFY(view->visualRect(replyIndex).isValid());
        const QRect rect = view->visualRect(replyIndex);
        // The quote sits above the body: find it by walking down the row.
        QPoint onQuote;
        for (int y = rect.top(); y < rect.bottom() && onQuote.isNull(); y += 2) {
            for (int x = rect.left(); x < rect.right(); x += 20) {
                QStyleOptionViewItem option;
                option.rect = rect;
                option.font = view->font();
                option.widget = view;
                const auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
                if (delegate->hitAt(option, replyIndex, QPoint(x, y)).kind ==
                    MessageDelegate::Hit::Kind::Quote) {
                    onQuote = QPoint(x, y);
                    break;
                }
            }
        }
        QVERIFY(!onQuote.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onQuote);
        QTRY_COMPARE(view->highlightedMessage(), original.localId);
    }

    void upInAnEmptyComposerEditsTheLastOwnMessage()
    {
        type(u"회의실은 3층입니다"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"회의실은 3층입니다"_s) >= 0 &&
                                     messageAt(rowWithBody(u"회의실은 3층입니다"_s)).seq > 0,
                                 10000);
        const Message sent = messageAt(rowWithBody(u"회의실은 3층입니다"_s));
        Composer *composer = m_main->composer();
        // A draft is set aside while editing and comes back afterwards.
        composer->clear();
        QTest::keyClick(composer, Qt::Key_Up);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::Edit);
        QCOMPARE(composer->toPlainText(), sent.body);
        composer->selectAll();
        composer->insertPlainText(u"회의실은 5층입니다"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::None);
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"회의실은 5층입니다"_s) >= 0, 10000);
        const Message edited = messageAt(rowWithBody(u"회의실은 5층입니다"_s));
        QCOMPARE(edited.localId, sent.localId);
        QTRY_VERIFY_WITH_TIMEOUT(messageAt(rowWithBody(u"회의실은 5층입니다"_s)).editedAt > 0,
                                 10000);
        QVERIFY(messageAt(rowWithBody(u"회의실은 5층입니다"_s)).version > sent.version);
        QCOMPARE(rowWithBody(u"회의실은 3층입니다"_s), -1);
        const QModelIndex index = m_main->history()->index(rowWithBody(u"회의실은 5층입니다"_s), 0);
        QVERIFY(
            index.data(Qt::AccessibleTextRole).toString().contains(MessageDelegate::editedText()));

        // Esc gives the draft back untouched.
        composer->insertPlainText(u"초안"_s);
        m_main->messageActions()->startEdit(edited.localId);
        QCOMPARE(composer->toPlainText(), u"회의실은 5층입니다"_s);
        QTest::keyClick(composer, Qt::Key_Escape);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::None);
        QCOMPARE(composer->toPlainText(), u"초안"_s);
        composer->clear();
    }

    void reactingTogglesAChipUnderTheMessage()
    {
        QVERIFY(post(Daniel, u"점심 같이 드실 분?"_s));
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"점심 같이 드실 분?"_s) >= 0, 10000);
        const Message message = messageAt(rowWithBody(u"점심 같이 드실 분?"_s));
        m_main->messageActions()->openReactionPicker(message.localId, QRect(100, 100, 1, 1));
        EmojiPicker *picker = m_main->messageActions()->picker();
        QVERIFY(picker);
        picker->pick(u"👍"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            messageAt(rowWithBody(u"점심 같이 드실 분?"_s)).reactions.size() == 1, 10000);
        Message reacted = messageAt(rowWithBody(u"점심 같이 드실 분?"_s));
        QCOMPARE(reacted.reactions.first().emoji, u"👍"_s);
        QVERIFY(reacted.hasReacted(u"👍"_s, m_main->account()->chat()->myId()));

        // The chip is drawn where a click finds it; a click takes the reaction back.
        MessageView *view = m_main->messageView();
        view->scrollToBottom();
        const QModelIndex index = m_main->history()->index(rowWithBody(u"점심 같이 드실 분?"_s), 0);
        const auto *delegate = qobject_cast<MessageDelegate *>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.rect = view->visualRect(index);
        option.font = view->font();
        option.widget = view;
        QPoint onChip;
        for (int y = option.rect.top(); y < option.rect.bottom() && onChip.isNull(); y += 2) {
            for (int x = option.rect.left(); x < option.rect.right(); x += 4) {
                if (delegate->hitAt(option, index, QPoint(x, y)).kind ==
                    MessageDelegate::Hit::Kind::Reaction) {
                    onChip = QPoint(x, y);
                    break;
                }
            }
        }
        QVERIFY(!onChip.isNull());
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(u"👍"_s));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onChip);
        QTRY_VERIFY_WITH_TIMEOUT(
            messageAt(rowWithBody(u"점심 같이 드실 분?"_s)).reactions.isEmpty(), 10000);
    }

    void deletingLeavesAPlaceholder()
    {
        type(u"잘못 보낸 메시지"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"잘못 보낸 메시지"_s) >= 0 &&
                                     messageAt(rowWithBody(u"잘못 보낸 메시지"_s)).seq > 0,
                                 10000);
        const Message sent = messageAt(rowWithBody(u"잘못 보낸 메시지"_s));
        m_main->account()->chat()->remove(sent.localId);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"잘못 보낸 메시지"_s) == -1, 10000);
        int row = -1;
        const QList<Message> &rows = m_main->history()->messages();
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).localId == sent.localId)
                row = int(i);
        }
        QVERIFY(row >= 0);
        QVERIFY(messageAt(row).deleted);
        QVERIFY(messageAt(row).body.isEmpty());
        const QModelIndex index = m_main->history()->index(row, 0);
        QVERIFY(
            index.data(Qt::AccessibleTextRole).toString().contains(MessageDelegate::deletedText()));
        // A deleted message can be neither edited nor replied to.
        m_main->messageActions()->startEdit(sent.localId);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::None);
        m_main->messageActions()->startReply(sent.localId);
        QCOMPARE(m_main->composerBar()->mode(), ComposerContextBar::Mode::None);
    }

    void ownMessagesCountThoseWhoHaveNotReadThem()
    {
        type(u"공지: 금요일은 재택입니다"_s);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"공지: 금요일은 재택입니다"_s) >= 0 &&
                                     messageAt(rowWithBody(u"공지: 금요일은 재택입니다"_s)).seq > 0,
                                 10000);
        const Message sent = messageAt(rowWithBody(u"공지: 금요일은 재택입니다"_s));
        Chat *chat = m_main->account()->chat();
        chat->fetchReadMarks(m_channel);
        QTRY_VERIFY_WITH_TIMEOUT(!chat->readMarks(m_channel).isEmpty(), 10000);
        int others = 0;
        for (const ReadMarkEntry &entry : chat->readMarks(m_channel)) {
            if (entry.userId != chat->myId() && entry.lastReadSeq < sent.seq)
                ++others;
        }
        QVERIFY(others > 0);
        QCOMPARE(chat->unreadBy(m_channel, sent.seq, sent.authorId), others);
        const QModelIndex index =
            m_main->history()->index(rowWithBody(u"공지: 금요일은 재택입니다"_s), 0);
        QVERIFY(index.data(Qt::AccessibleTextRole).toString().contains(QString::number(others)));
        QVERIFY(m_main->messageView()->readersText(index).contains(QString::number(others)));

        if (!qEnvironmentVariableIsEmpty("MOIM_SCREENSHOT_DIR")) {
            // A reaction and a reply in sight, for the picture in the README.
            const int lunch = rowWithBody(u"점심 같이 드실 분?"_s);
            chat->react(messageAt(lunch).localId, u"👍"_s, true);
            QTRY_VERIFY_WITH_TIMEOUT(!messageAt(lunch).reactions.isEmpty(), 10000);
            m_main->resize(1180, 760);
            m_main->messageView()->scrollToBottom();
            QTest::qWait(200);
            m_main->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") +
                                u"/rich-messages.png"_s);
        }
    }

    // "@" offers the people of the conversation; 초성 and email find them; Enter binds the
    // mention to the member's id, and the message reaches the server with it.
    void aMentionIsChosenFromTheListAndSentBoundToItsMember()
    {
        Composer *composer = m_main->composer();
        MentionPicker *picker = m_main->mentionPicker();
        composer->clear();
        composer->setFocus();
        composer->insertPlainText(u"@"_s);
        QTRY_VERIFY_WITH_TIMEOUT(picker->isVisible() && picker->list()->count() > 1, 10000);
        QVERIFY(!picker->list()->accessibleName().isEmpty());
        const auto names = [picker] {
            QStringList shown;
            for (const MentionPicker::Candidate &candidate : picker->shown())
                shown.append(candidate.name);
            return shown;
        };
        // Not oneself.
        QVERIFY(!names().contains(u"김지민"_s));
        if (!qEnvironmentVariableIsEmpty("MOIM_SCREENSHOT_DIR")) {
            m_main->resize(1180, 760);
            m_main->messageView()->scrollToBottom();
            QTest::qWait(200);
            m_main->grab().save(qEnvironmentVariable("MOIM_SCREENSHOT_DIR") + u"/mentions.png"_s);
        }

        composer->insertPlainText(u"ㅊㅁ"_s);
        QTRY_COMPARE(names().value(0), u"최민지"_s);
        const QString minjiId = picker->shown().first().userId;
        QVERIFY(!minjiId.isEmpty());
        // The email tells people apart (once the workspace's members are in) and finds them too.
        QTRY_VERIFY_WITH_TIMEOUT(picker->list()
                                     ->item(0)
                                     ->data(Qt::AccessibleTextRole)
                                     .toString()
                                     .contains(u"minji.choi@moim.example"_s),
                                 10000);
        composer->clear();
        composer->insertPlainText(u"@minji.ch"_s);
        QTRY_COMPARE(names().value(0), u"최민지"_s);

        // Esc closes it for this "@"; a new "@" opens it again.
        QTest::keyClick(composer, Qt::Key_Escape);
        QVERIFY(!picker->isVisible());
        composer->insertPlainText(u"o"_s);
        QVERIFY(!picker->isVisible());
        composer->clear();
        composer->insertPlainText(u"@ㅊㅁ"_s);
        QTRY_VERIFY(picker->isVisible());
        // Leaving the composer closes it; coming back to the "@" opens it again.
        m_main->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_main));
        composer->setFocus();
        QTRY_VERIFY(composer->hasFocus());
        QVERIFY(picker->isVisible());
        m_main->messageView()->setFocus();
        QTRY_VERIFY(!composer->hasFocus());
        QVERIFY(!picker->isVisible());
        composer->setFocus();
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(names().value(0), u"최민지"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(!picker->isVisible());
        QCOMPARE(composer->toPlainText(), u"@최민지 "_s);
        QCOMPARE(composer->content().mentions.size(), 1);
        QCOMPARE(composer->content().mentions.first().userId, minjiId);

        composer->insertPlainText(u"회의 자료 부탁해요"_s);
        QTest::keyClick(composer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(u"@최민지 회의 자료 부탁해요"_s) >= 0 &&
                                     messageAt(rowWithBody(u"@최민지 회의 자료 부탁해요"_s)).seq >
                                         0,
                                 10000);
        const Message sent = messageAt(rowWithBody(u"@최민지 회의 자료 부탁해요"_s));
        QCOMPARE(sent.entities.size(), 1);
        QCOMPARE(sent.entities.first().userId, minjiId);
        QCOMPARE(sent.entities.first().offset, 0);
        QCOMPARE(sent.entities.first().length, 4);
    }

    // A mention whose words are edited names nobody; text typed after it stays plain; a name
    // typed by hand is only text.
    void editingAMentionUnbindsIt()
    {
        Composer *composer = m_main->composer();
        using moim::protocol::MessageEntity;
        const QList<MessageEntity> bound{{MessageEntity::Type::Mention, 3, 4, u"u_someone"_s}};
        composer->setContent({u"cc @최민지"_s, bound});
        QCOMPARE(composer->content().mentions, bound);
        // Typed right after it: the mention stays as it was.
        composer->insertPlainText(u"님"_s);
        QCOMPARE(composer->content().mentions, bound);
        QVERIFY(!composer->isMentionAt(7));
        // A letter inside it: bound no more.
        QTextCursor cursor = composer->textCursor();
        cursor.setPosition(5);
        cursor.insertText(u"x"_s);
        QVERIFY(composer->content().mentions.isEmpty());
        // Leading white space is trimmed when sending, and the mention moves with the text.
        composer->setContent({u"  @최민지 hi"_s, {{MessageEntity::Type::Mention, 2, 4, u"u_1"_s}}});
        QSignalSpy sent(composer, &Composer::sendRequested);
        m_main->mentionPicker()->hide();
        QTest::keyClick(composer, Qt::Key_Return);
        if (sent.isEmpty()) // the list may have opened over "hi": Enter closed it first
            QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().at(0).toString(), u"@최민지 hi"_s);
        const auto mentions = sent.first().at(1).value<QList<MessageEntity>>();
        QCOMPARE(mentions.size(), 1);
        QCOMPARE(mentions.first().offset, 0);
    }
};

QTEST_MAIN(TestMessageActions)
#include "test_message_actions.moc"
