// Opening a conversation at a message far back in its history (a search result, a link): the
// window loads around the message instead of paging back from the newest, shows it highlighted,
// and scrolling on from there loads newer pages down to the live end and older pages up, with
// the window capped both ways.
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "chat/history_model.h"
#include "chat/message_view.h"
#include "login/login_window.h"
#include "main/main_window.h"
#include "mock_server_process.h"
#include "net/api_client.h"
#include "protocol/protocol.h"
#include "secrets/memory_secret_store.h"
#include "theme/theme.h"
#include "window_controller.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QtTest>

using namespace moim;
using namespace moim::ui;
using namespace Qt::StringLiterals;

namespace {
const auto Jimin = u"jimin.kim@moim.example"_s;
const auto Password = u"seoul-spring-gathering"_s;
// Well past the window's cap, so the old message cannot be reached by growing the window.
constexpr int Posted = HistoryModel::MaxRows + 60;
constexpr int TargetIndex = 9;

// The number a posted body ends with ("이전 기록 17" -> 17), or -1 for other messages.
int postedNumber(const QString &body)
{
    static const QString prefix = u"이전 기록 "_s;
    return body.startsWith(prefix) ? body.mid(prefix.size()).toInt() : -1;
}
} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

    test::MockServerProcess m_server;
    std::unique_ptr<test::IsolatedHome> m_home;
    QNetworkAccessManager m_network;

    // Posts as a member through the admin API: hundreds of messages in a few seconds.
    QJsonObject post(const QString &conversationId, const QString &body)
    {
        QNetworkRequest request(
            m_server.url().resolved(QUrl(QString(protocol::path::AdminMessages))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + m_server.adminToken().toLatin1());
        QNetworkReply *reply = m_network.post(
            request, QJsonDocument(QJsonObject{{u"email"_s, Jimin},
                                               {u"conversation_id"_s, conversationId},
                                               {u"body"_s, body}})
                         .toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10'000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object().value("message"_L1).toObject();
    }

    // Consecutive posted messages follow each other in the window: no gap, no repeat.
    static bool isUnbroken(const HistoryModel *history, QString *problem)
    {
        int previous = -1;
        qint64 previousSeq = 0;
        for (const Message &message : history->messages()) {
            if (message.seq <= previousSeq) {
                *problem = u"seq %1 after %2"_s.arg(message.seq).arg(previousSeq);
                return false;
            }
            previousSeq = message.seq;
            const int number = postedNumber(message.body);
            if (number < 0)
                continue;
            if (previous >= 0 && number != previous + 1) {
                *problem = u"%1 after %2"_s.arg(number).arg(previous);
                return false;
            }
            previous = number;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Theme::apply(*qApp, Theme::Scheme::Light);
        QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    }

    void init() { m_home = std::make_unique<test::IsolatedHome>(); }

    void jumpsToAnOldMessageAndScrollsBothWays()
    {
        MemorySecretStore secrets;
        ApiClient api(ServerAddress::parse(m_server.url().toString()), u"moim-desktop"_s,
                      u"0.1.0"_s);
        SessionManager sessions(Profile(), &api, &secrets);
        WindowController windows(&sessions);
        windows.start();
        windows.loginWindow()->passwordLogin()->submit(Jimin, Password, true, false);
        QTRY_VERIFY_WITH_TIMEOUT(windows.mainWindow() && windows.mainWindow()->isVisible(), 20000);
        MainWindow *main = windows.mainWindow();
        main->resize(1000, 600);
        QTRY_VERIFY_WITH_TIMEOUT(main->conversationList()->model()->rowCount() > 1, 10000);
        const QAbstractItemModel *list = main->conversationList()->model();
        const QString target = list->index(0, 0).data(ConversationModel::IdRole).toString();
        const QString other = list->index(1, 0).data(ConversationModel::IdRole).toString();
        QVERIFY(!target.isEmpty() && !other.isEmpty() && target != other);

        // A long history, written while another conversation is open.
        main->openConversation(other);
        QString targetId;
        qint64 targetSeq = 0;
        QString newestBody;
        for (int i = 0; i < Posted; ++i) {
            const QJsonObject message = post(target, u"이전 기록 %1"_s.arg(i));
            QVERIFY2(!message.isEmpty(), "the admin API refused a message");
            if (i == TargetIndex) {
                targetId = message.value("id"_L1).toString();
                targetSeq = message.value("seq"_L1).toInteger();
            }
            newestBody = message.value("body"_L1).toString();
        }

        main->openConversation(target);
        HistoryModel *history = main->history();
        MessageView *view = main->messageView();
        QTRY_VERIFY_WITH_TIMEOUT(
            history->rowCount() > 0 && history->messages().last().body == newestBody, 10000);
        QVERIFY(history->rowOfMessage(targetId, targetSeq) < 0);

        // One window around it, not a walk back through hundreds of messages.
        view->jumpToMessage(targetId, targetSeq);
        QTRY_COMPARE_WITH_TIMEOUT(view->highlightedMessage(), targetId, 10000);
        const int row = history->rowOfMessage(targetId, targetSeq);
        QVERIFY(row >= 0);
        QVERIFY2(history->rowCount() <= HistoryModel::PageSize,
                 qPrintable(QString::number(history->rowCount())));
        QVERIFY(!history->isAtNewest());
        QVERIFY(history->hasOlder());
        QTRY_VERIFY(view->viewport()->rect().intersects(view->visualRect(history->index(row))));
        QVERIFY(!view->notFoundLabel()->isVisible());
        QString problem;
        QVERIFY2(isUnbroken(history, &problem), qPrintable(problem));

        // Down: newer pages while the reader reaches the bottom, each keeping the reader where
        // they were, until the live end; the top is let go past the cap.
        QScrollBar *bar = view->verticalScrollBar();
        int pages = 0;
        while (!history->isAtNewest() && pages < 40) {
            const QString lastBefore = history->messages().last().localId;
            QTRY_VERIFY(!history->isLoadingNewer());
            bar->setValue(bar->maximum());
            // What the reader sees at the bottom when the page is asked for.
            const QString seen =
                view->indexAt(QPoint(view->viewport()->width() / 2, view->viewport()->height() - 2))
                    .data(HistoryModel::LocalIdRole)
                    .toString();
            QVERIFY(!seen.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(
                history->isAtNewest() || history->messages().last().localId != lastBefore, 10000);
            ++pages;
            QVERIFY2(isUnbroken(history, &problem), qPrintable(problem));
            QVERIFY(history->rowCount() <= HistoryModel::MaxRows);
            // What the reader saw stays in sight: the new rows came below it.
            int lastSeen = -1;
            for (int r = 0; r < history->rowCount(); ++r) {
                if (history->messages().at(r).localId == seen)
                    lastSeen = r;
            }
            QVERIFY(lastSeen >= 0);
            QTRY_VERIFY(
                view->viewport()->rect().intersects(view->visualRect(history->index(lastSeen))));
        }
        QVERIFY(history->isAtNewest());
        QVERIFY2(pages >= (Posted - TargetIndex) / HistoryModel::PageSize,
                 qPrintable(QString::number(pages)));
        QCOMPARE(history->messages().last().body, newestBody);
        QCOMPARE(history->rowCount(), HistoryModel::MaxRows);
        QCOMPARE(history->rowOfMessage(targetId, targetSeq), -1);
        QVERIFY(history->hasOlder());

        // Live again: a new message joins the end.
        QVERIFY(!post(target, u"이전 기록 %1"_s.arg(Posted)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(history->messages().last().body, u"이전 기록 %1"_s.arg(Posted),
                                  10000);

        // Up: back to the message, then older pages to the start of the conversation.
        view->jumpToMessage(targetId, targetSeq);
        QTRY_COMPARE_WITH_TIMEOUT(history->rowOfMessage(targetId, targetSeq) >= 0, true, 10000);
        QVERIFY(!history->isAtNewest());
        while (history->hasOlder() && pages < 80) {
            const QString firstBefore = history->messages().first().localId;
            QTRY_VERIFY(!history->isLoadingOlder());
            bar->setValue(bar->minimum());
            QTRY_VERIFY_WITH_TIMEOUT(
                !history->hasOlder() || history->messages().first().localId != firstBefore, 10000);
            ++pages;
            QVERIFY2(isUnbroken(history, &problem), qPrintable(problem));
        }
        QVERIFY(!history->hasOlder());
        QVERIFY(history->rowOfMessage(targetId, targetSeq) >= 0);
        // The conversation's start: an older message of its own, or the first one posted here.
        QVERIFY(postedNumber(history->messages().first().body) <= 0);
    }
};

QTEST_MAIN(TestHistoryWindow)
#include "test_history_window.moc"
