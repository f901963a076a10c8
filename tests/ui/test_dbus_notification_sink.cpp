// The D-Bus notification sink against a notification service on a private session bus: what
// the service receives (escaped body where it reads markup, the open action, sound hints), the
// action coming back, summaries replacing themselves, and the fallback when no service exists,
// down to the tray sink without a tray.
#include "notification_recorder.h"
#include "notify/dbus_notification_sink.h"
#include "notify/notification_router.h"
#include "notify/tray_notification_sink.h"

#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

// The seam's other side in a test: remembers what it was asked to show.
class RecordingSink : public NotificationSink
{
public:
    void show(const DesktopNotification &notification) override { shown.append(notification); }
    QList<DesktopNotification> shown;
};

DesktopNotification message(const QString &body = u"배포 끝났습니다"_s)
{
    DesktopNotification notification;
    notification.title = u"#일반 · 모임 본사"_s;
    notification.body = body;
    notification.actionLabel = u"Open"_s;
    notification.workspaceId = u"w_hq"_s;
    notification.conversationId = u"c_general"_s;
    notification.sound = true;
    return notification;
}

// Counts NotificationClosed signals as they reach this process.
class ClosedWatcher : public QObject
{
    Q_OBJECT

public:
    int count = 0;

public Q_SLOTS:
    void onClosed(uint, uint) { ++count; }
};

QStringList g_trayLog;
QtMessageHandler g_previousHandler = nullptr;

void captureTrayLog(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (context.category && QByteArrayView(context.category) == "moim.ui.notify.tray")
        g_trayLog.append(text);
    g_previousHandler(type, context, text);
}

} // namespace

class TestDBusNotificationSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "run under tests/support/with-private-bus.sh");
    }

    void theServiceGetsAnEscapedBodyAndTheOpenAction()
    {
        test::NotificationRecorder service;
        QVERIFY(service.start());
        DBusNotificationSink sink;
        const QString text = u"<b>굵게</b> & <a href=\"https://evil.example\">link</a>"_s;
        sink.show(message(text));
        QTRY_COMPARE(service.calls().size(), 1);
        const auto &call = service.calls().first();
        QCOMPARE(call.appName, u"Moim"_s);
        QCOMPARE(call.summary, u"#일반 · 모임 본사"_s);
        // Markup from a message is shown as text: no tag survives, entities are escaped.
        QVERIFY2(!call.body.contains(u'<') && !call.body.contains(u'>'), qPrintable(call.body));
        QVERIFY(call.body.contains(u"&lt;b&gt;굵게&lt;/b&gt;"_s));
        QVERIFY(call.body.contains(u" &amp; "_s));
        QCOMPARE(call.actions, (QStringList{u"default"_s, u"Open"_s}));
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.hints.value(u"desktop-entry"_s).toString(), u"moim"_s);
        QCOMPARE(call.hints.value(u"category"_s).toString(), u"im.received"_s);
        QCOMPARE(call.hints.value(u"sound-name"_s).toString(), u"message-new-instant"_s);
        QVERIFY(!call.hints.contains(u"suppress-sound"_s));
        QVERIFY(sink.capabilities().contains(u"body-markup"_s));
    }

    void plainServiceGetsPlainTextAndNoActions()
    {
        test::NotificationRecorder service({u"body"_s});
        QVERIFY(service.start());
        DBusNotificationSink sink;
        DesktopNotification quiet = message(u"a < b & c"_s);
        quiet.sound = false;
        sink.show(quiet);
        QTRY_COMPARE(service.calls().size(), 1);
        QCOMPARE(service.calls().first().body, u"a < b & c"_s);
        QVERIFY(service.calls().first().actions.isEmpty());
        QCOMPARE(service.calls().first().hints.value(u"suppress-sound"_s).toBool(), true);
        QVERIFY(!service.calls().first().hints.contains(u"sound-name"_s));
    }

    void clickingOpensItsConversation()
    {
        test::NotificationRecorder service;
        QVERIFY(service.start());
        DBusNotificationSink sink;
        QSignalSpy activated(&sink, &NotificationSink::activated);
        DesktopNotification second = message(u"second"_s);
        second.workspaceId = u"w_design"_s;
        second.conversationId = u"c_review"_s;
        sink.show(message());
        sink.show(second);
        QTRY_COMPARE(service.calls().size(), 2);
        // Another action key is not "open".
        service.invokeAction(service.calls().at(0).id, u"something-else"_s);
        service.invokeAction(service.calls().at(1).id);
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), u"w_design"_s);
        QCOMPARE(activated.first().at(1).toString(), u"c_review"_s);
    }

    void aSummaryReplacesItselfWhileShown()
    {
        test::NotificationRecorder service;
        QVERIFY(service.start());
        DBusNotificationSink sink;
        DesktopNotification summary = message(u"3 new messages"_s);
        summary.slot = u"summary"_s;
        sink.show(summary);
        QTRY_COMPARE(service.calls().size(), 1);
        sink.show(summary);
        QTRY_COMPARE(service.calls().size(), 2);
        QCOMPARE(service.calls().at(1).replacesId, service.calls().at(0).id);
        QCOMPARE(service.popupCount(), 1);
        QVERIFY(service.calls().at(1).replaced);
        // Once the user dismissed it, the next summary is a new popup, asked for as one.
        ClosedWatcher closed;
        QVERIFY(QDBusConnection::sessionBus().connect(
            QString::fromLatin1(DBusNotificationSink::Service),
            QString::fromLatin1(DBusNotificationSink::Path),
            QString::fromLatin1(DBusNotificationSink::Interface), u"NotificationClosed"_s, &closed,
            SLOT(onClosed(uint, uint))));
        service.close(service.calls().at(0).id);
        QTRY_COMPARE(closed.count, 1);
        // Qt D-Bus posts a signal to each receiver together, in no promised order: once the
        // watcher has it, the sink's delivery is run or waiting, and draining runs it.
        QCoreApplication::sendPostedEvents();
        sink.show(summary);
        QTRY_COMPARE(service.calls().size(), 3);
        QCOMPARE(service.calls().last().replacesId, 0u);
        QCOMPARE(service.popupCount(), 2);
    }

    void withoutAServiceTheFallbackShowsIt()
    {
        DBusNotificationSink dbus;
        RecordingSink fallback;
        NotificationRouter router(&dbus, &fallback);
        QSignalSpy failed(&router, &NotificationSink::failed);
        QSignalSpy activated(&router, &NotificationSink::activated);
        router.show(message(u"첫 번째"_s));
        router.show(message(u"두 번째"_s));
        QTRY_COMPARE(fallback.shown.size(), 2);
        QCOMPARE(fallback.shown.at(0).body, u"첫 번째"_s);
        QCOMPARE(fallback.shown.at(1).conversationId, u"c_general"_s);
        QCOMPARE(failed.size(), 0);
        // The fallback's clicks open conversations too.
        Q_EMIT fallback.activated(u"w_hq"_s, u"c_general"_s);
        QCOMPARE(activated.size(), 1);

        // A notification service that starts later is used from then on.
        test::NotificationRecorder service;
        QVERIFY(service.start());
        router.show(message(u"세 번째"_s));
        QTRY_COMPARE(service.calls().size(), 1);
        QCOMPARE(service.calls().first().body, u"세 번째"_s);
        QCOMPARE(fallback.shown.size(), 2);
    }

    void trayFallbackWithoutATraySaysSoOnce()
    {
        g_trayLog.clear();
        g_previousHandler = qInstallMessageHandler(captureTrayLog);
        ui::TrayNotificationSink tray;
        tray.show(message());
        tray.show(message(u"again"_s));
        tray.show(message(u"and again"_s));
        qInstallMessageHandler(g_previousHandler);
        QCOMPARE(g_trayLog.size(), 1);
        QVERIFY(g_trayLog.first().contains(u"no tray icon"_s));
    }

    void trayBalloonClickOpensTheLastConversation()
    {
        QSystemTrayIcon icon;
        ui::TrayNotificationSink tray;
        tray.setTrayIcon(&icon);
        QCOMPARE(tray.trayIcon(), &icon);
        QSignalSpy activated(&tray, &NotificationSink::activated);
        DesktopNotification last = message();
        last.workspaceId = u"w_design"_s;
        last.conversationId = u"c_review"_s;
        tray.show(message());
        tray.show(last);
        Q_EMIT icon.messageClicked();
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(1).toString(), u"c_review"_s);
    }
};

QTEST_MAIN(TestDBusNotificationSink)
#include "test_dbus_notification_sink.moc"
