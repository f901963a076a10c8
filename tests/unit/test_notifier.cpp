// The notifier between chat and a sink, with messages arriving as the event stream delivers
// them: a burst becomes a few popups and one summary that grows in place, each workspace's
// settings apply to that workspace only, and quiet hours read the clock of the zone given.
#include "account/account.h"
#include "chat/chat.h"
#include "net/api_client.h"
#include "notify/notification_preferences.h"
#include "notify/notification_sink.h"
#include "notify/notification_texts.h"
#include "notify/notifier.h"
#include "storage/local_cache.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Verdict = NotificationDecision::Verdict;

namespace {

class RecordingSink : public NotificationSink
{
public:
    void show(const DesktopNotification &notification) override { shown.append(notification); }
    QList<DesktopNotification> shown;
    // Popups: notifications that did not take the place of one in the same slot.
    int popups() const
    {
        QSet<QString> slots;
        int count = 0;
        for (const DesktopNotification &notification : shown) {
            if (notification.slot.isEmpty() || !slots.contains(notification.slot))
                ++count;
            slots.insert(notification.slot);
        }
        return count;
    }
};

// Plain words, so the test reads what was decided.
class PlainTexts : public NotificationTexts
{
public:
    QString title(const NotificationDecision &d) const override
    {
        return d.direct ? d.author : d.conversationName + u'@' + d.workspaceName;
    }
    QString body(const NotificationDecision &d) const override
    {
        return d.preview.isEmpty() ? u"(hidden) "_s + d.author : d.author + u": "_s + d.preview;
    }
    QString summaryTitle(int count) const override { return u"summary of %1"_s.arg(count); }
    QString summaryBody(const QList<NotificationDecision> &held) const override
    {
        return held.last().conversationName;
    }
    QString openAction() const override { return u"Open"_s; }
};

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Account> m_account;
    RecordingSink m_sink;
    PlainTexts m_texts;
    std::unique_ptr<Notifier> m_notifier;
    qint64 m_seq = 100;

    void arrive(const QString &workspaceId, const QString &conversationId, const QString &body,
                const QString &authorId = u"u_alex"_s, const QString &kind = u"channel"_s,
                const QJsonArray &entities = {})
    {
        ++m_seq;
        QJsonObject message{
            {u"id"_s, u"m_%1"_s.arg(m_seq)},
            {u"conversation_id"_s, conversationId},
            {u"seq"_s, m_seq},
            {u"author"_s, QJsonObject{{u"id"_s, authorId}, {u"display_name"_s, u"Alex Park"_s}}},
            {u"body"_s, body},
            {u"created_at"_s, 1795000000}};
        if (!entities.isEmpty())
            message.insert(u"entities"_s, entities);
        m_account->chat()->handleEvent(
            u"message.created"_s,
            {{u"type"_s, u"message.created"_s},
             {u"workspace_id"_s, workspaceId},
             {u"conversation_kind"_s, kind},
             {u"conversation_name"_s, kind == "channel"_L1 ? conversationId : QString()},
             {u"message"_s, message}});
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sink.shown.clear();
        // Nothing listens there: the account stays offline, changes stay local.
        m_api = std::make_unique<ApiClient>(ServerAddress::parse(u"http://127.0.0.1:9"_s),
                                            u"moim-desktop"_s, u"0.1.0"_s);
        auto cache = std::make_unique<LocalCache>();
        static int caches = 0;
        QVERIFY(cache->open(m_dir.filePath(u"cache-%1.sqlite"_s.arg(++caches))) !=
                LocalCache::OpenResult::Failed);
        m_account = std::make_unique<Account>(
            AccountIdentity{u"u_jimin"_s, u"jimin.kim@moim.example"_s, u"김지민"_s}, m_api.get(),
            std::move(cache));
        Workspace hq;
        hq.id = u"w_hq"_s;
        hq.name = u"모임 본사"_s;
        Workspace design;
        design.id = u"w_design"_s;
        design.name = u"디자인 스튜디오"_s;
        m_account->workspaces()->setWorkspaces({hq, design});
        m_notifier = std::make_unique<Notifier>(m_account.get(), &m_sink, &m_texts);
        m_notifier->setLimits({3, 10s, 50ms, 300ms});
    }

    void cleanup()
    {
        m_notifier.reset();
        m_account.reset();
    }

    void aBurstIsAFewPopupsAndOneGrowingSummary()
    {
        QSignalSpy decided(m_notifier.get(), &Notifier::decided);
        for (int i = 0; i < 200; ++i)
            arrive(u"w_hq"_s, u"general"_s, u"burst %1"_s.arg(i));
        QCOMPARE(decided.size(), 200);
        // The first few at once, one by one.
        QCOMPARE(m_sink.shown.size(), 3);
        QCOMPARE(m_sink.shown.at(0).body, u"Alex Park: burst 0"_s);
        QCOMPARE(m_sink.shown.at(2).conversationId, u"general"_s);
        // The rest in one summary once the burst calms down.
        QTRY_COMPARE(m_sink.shown.size(), 4);
        const DesktopNotification summary = m_sink.shown.last();
        QCOMPARE(summary.title, u"summary of 197"_s);
        QCOMPARE(summary.slot, u"summary"_s);
        QCOMPARE(summary.workspaceId, u"w_hq"_s);
        QCOMPARE(summary.conversationId, u"general"_s);

        // More while it is on screen: the same summary, grown, in the same place.
        for (int i = 0; i < 50; ++i)
            arrive(u"w_design"_s, u"review"_s, u"more %1"_s.arg(i));
        QTRY_COMPARE(m_sink.shown.size(), 5);
        QCOMPARE(m_sink.shown.last().title, u"summary of 247"_s);
        QCOMPARE(m_sink.shown.last().slot, u"summary"_s);
        QCOMPARE(m_sink.shown.last().conversationId, u"review"_s);
        QCOMPARE(m_sink.popups(), 4);
        QCOMPARE(m_notifier->shownCount(), 5);
    }

    void aLongBurstIsStillSummarisedInTime()
    {
        // A message every 40 ms never lets the burst calm down (settle is 50 ms); the summary
        // comes out after the longest hold all the same.
        for (int i = 0; i < 4; ++i)
            arrive(u"w_hq"_s, u"general"_s, u"first %1"_s.arg(i));
        QCOMPARE(m_sink.shown.size(), 3);
        QTimer steady;
        steady.setInterval(40);
        connect(&steady, &QTimer::timeout, this,
                [this] { arrive(u"w_hq"_s, u"general"_s, u"steady"_s); });
        steady.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_sink.shown.size(), 4, 1500);
        QVERIFY(steady.isActive()); // it came while the messages kept coming
        QVERIFY(m_sink.shown.last().title.startsWith(u"summary of"_s));
    }

    void eachWorkspaceHasItsOwnSettings()
    {
        NotificationSettings nothing;
        nothing.level = NotificationSettings::Level::Nothing;
        m_account->notificationSettings()->change(u"w_design"_s, nothing);
        NotificationSettings noPreview;
        noPreview.preview = false;
        m_account->notificationSettings()->change(u"w_hq"_s, noPreview);
        QSignalSpy decided(m_notifier.get(), &Notifier::decided);

        arrive(u"w_design"_s, u"review"_s, u"silent here"_s);
        arrive(u"w_hq"_s, u"general"_s, u"shown there"_s);
        QCOMPARE(decided.size(), 2);
        QCOMPARE(decided.at(0).first().value<NotificationDecision>().verdict,
                 Verdict::LevelNothing);
        QCOMPARE(m_sink.shown.size(), 1);
        QCOMPARE(m_sink.shown.first().workspaceId, u"w_hq"_s);
        QCOMPARE(m_sink.shown.first().body, u"(hidden) Alex Park"_s);
        QCOMPARE(m_sink.shown.first().title, u"general@모임 본사"_s);
        // Neither setting leaked into the other workspace.
        QCOMPARE(m_account->notificationSettings()->settings(u"w_hq"_s).level,
                 NotificationSettings::Level::All);
        QVERIFY(m_account->notificationSettings()->settings(u"w_design"_s).preview);
    }

    // At "mentions and direct messages", only a mention bound to this account's id (or
    // @channel/@here) notifies: a name typed by hand, or a mention of a namesake, does not.
    void onlyAMentionBoundToThisAccountNotifies()
    {
        NotificationSettings mentionsOnly;
        mentionsOnly.level = NotificationSettings::Level::MentionsAndDirect;
        m_account->notificationSettings()->change(u"w_hq"_s, mentionsOnly);
        const auto mention = [](const QString &userId) {
            return QJsonArray{QJsonObject{{u"type"_s, u"mention"_s},
                                          {u"offset"_s, 0},
                                          {u"length"_s, 4},
                                          {u"user_id"_s, userId}}};
        };
        arrive(u"w_hq"_s, u"general"_s, u"@김지민 typed by hand"_s);
        arrive(u"w_hq"_s, u"general"_s, u"@김지민 the other one"_s, u"u_alex"_s, u"channel"_s,
               mention(u"u_jimin_namesake"_s));
        QCOMPARE(m_sink.shown.size(), 0);
        arrive(u"w_hq"_s, u"general"_s, u"@김지민 review please"_s, u"u_alex"_s, u"channel"_s,
               mention(u"u_jimin"_s));
        QCOMPARE(m_sink.shown.size(), 1);
        QCOMPARE(m_sink.shown.last().body, u"Alex Park: @김지민 review please"_s);
        arrive(u"w_hq"_s, u"general"_s, u"@here standup"_s, u"u_alex"_s, u"channel"_s,
               QJsonArray{QJsonObject{{u"type"_s, u"here"_s}, {u"offset"_s, 0}, {u"length"_s, 5}}});
        QCOMPARE(m_sink.shown.size(), 2);
    }

    void quietHoursReadTheZoneGiven()
    {
        NotificationSettings night;
        night.quietHours.enabled = true; // 22:00–08:00 every day
        m_account->notificationSettings()->change(u"w_hq"_s, night);
        // 13:30 UTC: 22:30 in Seoul, 14:30 in Berlin.
        m_notifier->setClock(
            [] { return QDateTime(QDate(2025, 3, 10), QTime(13, 30), QTimeZone::utc()); });
        QSignalSpy decided(m_notifier.get(), &Notifier::decided);
        m_notifier->setTimeZone(QTimeZone("Asia/Seoul"));
        arrive(u"w_hq"_s, u"general"_s, u"late in Seoul"_s);
        m_notifier->setTimeZone(QTimeZone("Europe/Berlin"));
        arrive(u"w_hq"_s, u"general"_s, u"afternoon in Berlin"_s);
        QCOMPARE(decided.size(), 2);
        QCOMPARE(decided.at(0).first().value<NotificationDecision>().verdict, Verdict::QuietHours);
        QCOMPARE(m_sink.shown.size(), 1);
        QCOMPARE(m_sink.shown.first().body, u"Alex Park: afternoon in Berlin"_s);
    }

    void ownAndFocusedMessagesStaySilent()
    {
        QSignalSpy decided(m_notifier.get(), &Notifier::decided);
        arrive(u"w_hq"_s, u"general"_s, u"from my phone"_s, u"u_jimin"_s);
        m_notifier->setFocusedConversation(u"general"_s);
        arrive(u"w_hq"_s, u"general"_s, u"while I look"_s);
        m_notifier->setFocusedConversation(QString());
        arrive(u"w_hq"_s, u"dm_alex"_s, u"점심?"_s, u"u_alex"_s, u"direct"_s);
        // Our own message never reaches the policy (chat knows it is not new to us).
        QCOMPARE(decided.size(), 2);
        QCOMPARE(decided.at(0).first().value<NotificationDecision>().verdict, Verdict::Focused);
        QCOMPARE(m_sink.shown.size(), 1);
        QCOMPARE(m_sink.shown.first().title, u"Alex Park"_s);
        QCOMPARE(m_sink.shown.first().body, u"Alex Park: 점심?"_s);
    }

    void aMuteRunsOutByItself()
    {
        NotificationPreferences *preferences = m_account->notificationSettings();
        NotificationSettings shortMute;
        shortMute.mutedUntil = QDateTime::currentSecsSinceEpoch() + 1;
        preferences->change(u"w_design"_s, shortMute);
        WorkspaceModel *model = m_account->workspaces();
        const QModelIndex design = model->index(model->indexOf(u"w_design"_s));
        QVERIFY(design.data(WorkspaceModel::MutedRole).toBool());
        arrive(u"w_design"_s, u"review"_s, u"while muted"_s);
        QCOMPARE(m_sink.shown.size(), 0);

        // When it ends the sidebar hears of it (the tile drops its muted bell) and messages
        // notify again; nobody had to touch the settings.
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(
            !design.data(WorkspaceModel::MutedRole).toBool() && !changed.isEmpty(), 5000);
        QCOMPARE(changed.last().at(0).value<QModelIndex>(), design);
        arrive(u"w_design"_s, u"review"_s, u"after the mute"_s);
        QCOMPARE(m_sink.shown.size(), 1);
    }

    void activatingOpensTheConversation()
    {
        QSignalSpy open(m_notifier.get(), &Notifier::openRequested);
        Q_EMIT m_sink.activated(u"w_design"_s, u"review"_s);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), u"w_design"_s);
        QCOMPARE(open.first().at(1).toString(), u"review"_s);
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "test_notifier.moc"
