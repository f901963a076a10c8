// The notification decision as a table: level, mute, quiet hours (also across midnight, over a
// daylight-saving change and read in another time zone), focus, preview and sound; and mutes
// "until tomorrow" in different zones.
#include "notify/notification_policy.h"

#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;
using Verdict = NotificationDecision::Verdict;
using Level = NotificationSettings::Level;
using Mute = NotificationPolicy::MuteDuration;

Q_DECLARE_METATYPE(moim::NotificationSettings)
Q_DECLARE_METATYPE(moim::IncomingMessage)

namespace {

const QTimeZone Seoul("Asia/Seoul");
const QTimeZone Berlin("Europe/Berlin");
const QTimeZone LosAngeles("America/Los_Angeles");

// A moment given on the wall clock of a zone.
QDateTime at(const QString &local, const QTimeZone &zone)
{
    QDateTime time = QDateTime::fromString(local, Qt::ISODate);
    time.setTimeZone(zone);
    return time;
}

QDateTime utc(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

IncomingMessage channelMessage(const QString &body = u"배포 끝났습니다"_s)
{
    IncomingMessage incoming;
    incoming.message.id = u"m_1"_s;
    incoming.message.conversationId = u"c_general"_s;
    incoming.message.authorId = u"u_alex"_s;
    incoming.message.authorName = u"Alex Park"_s;
    incoming.message.body = body;
    incoming.workspaceId = u"w_hq"_s;
    incoming.workspaceName = u"모임 본사"_s;
    incoming.conversationName = u"general"_s;
    return incoming;
}

IncomingMessage mention()
{
    IncomingMessage incoming = channelMessage(u"@김지민 리뷰 부탁해요"_s);
    incoming.mentionsMe = true;
    return incoming;
}

IncomingMessage direct()
{
    IncomingMessage incoming = channelMessage(u"점심 같이 해요?"_s);
    incoming.direct = true;
    incoming.conversationName.clear();
    return incoming;
}

NotificationSettings with(Level level)
{
    NotificationSettings settings;
    settings.level = level;
    return settings;
}

NotificationSettings quiet(const QString &start, const QString &end,
                           QList<int> days = {1, 2, 3, 4, 5, 6, 7})
{
    NotificationSettings settings;
    settings.quietHours.enabled = true;
    settings.quietHours.startMinute = *NotificationSettings::minutesFromText(start);
    settings.quietHours.endMinute = *NotificationSettings::minutesFromText(end);
    settings.quietHours.days = days;
    return settings;
}

// Monday 10 March 2025, 13:30 UTC: 22:30 in Seoul, 14:30 in Berlin, 06:30 in Los Angeles.
const auto Instant = u"2025-03-10T13:30:00"_s;

} // namespace

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(Seoul.isValid() && Berlin.isValid() && LosAngeles.isValid(),
                 "the system's time zone data is missing");
    }

    void decides_data()
    {
        QTest::addColumn<NotificationSettings>("settings");
        QTest::addColumn<IncomingMessage>("message");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QTimeZone>("zone");
        QTest::addColumn<int>("verdict");

        const NotificationSettings defaults;
        const QDateTime noon = at(u"2025-03-10T12:00:00"_s, Seoul); // a Monday
        auto row = [](const char *name) -> QTestData & { return QTest::newRow(name); };

        row("defaults: a channel message notifies")
            << defaults << channelMessage() << noon << Seoul << int(Verdict::Notify);
        IncomingMessage mine = channelMessage();
        mine.fromMe = true;
        row("own message from another device")
            << defaults << mine << noon << Seoul << int(Verdict::OwnMessage);
        IncomingMessage looking = channelMessage();
        looking.focused = true;
        row("open and focused conversation")
            << defaults << looking << noon << Seoul << int(Verdict::Focused);

        // Level
        row("level nothing: channel") << with(Level::Nothing) << channelMessage() << noon << Seoul
                                      << int(Verdict::LevelNothing);
        row("level nothing: even a mention")
            << with(Level::Nothing) << mention() << noon << Seoul << int(Verdict::LevelNothing);
        row("level nothing: even a direct message")
            << with(Level::Nothing) << direct() << noon << Seoul << int(Verdict::LevelNothing);

        // A conversation's own level wins over the workspace's, both ways.
        IncomingMessage mutedChannel = channelMessage();
        mutedChannel.conversationLevel = Level::Nothing;
        row("muted conversation in a loud workspace")
            << defaults << mutedChannel << noon << Seoul << int(Verdict::LevelNothing);
        IncomingMessage mutedMention = mention();
        mutedMention.conversationLevel = Level::Nothing;
        row("muted conversation: even a mention")
            << defaults << mutedMention << noon << Seoul << int(Verdict::LevelNothing);
        IncomingMessage loudChannel = channelMessage();
        loudChannel.conversationLevel = Level::All;
        row("loud conversation in a silent workspace")
            << with(Level::Nothing) << loudChannel << noon << Seoul << int(Verdict::Notify);
        IncomingMessage mentionsOnly = channelMessage();
        mentionsOnly.conversationLevel = Level::MentionsAndDirect;
        row("conversation on mentions only: a plain line")
            << defaults << mentionsOnly << noon << Seoul << int(Verdict::NotForMe);
        IncomingMessage mentionedThere = mention();
        mentionedThere.conversationLevel = Level::MentionsAndDirect;
        row("conversation on mentions only: a mention")
            << defaults << mentionedThere << noon << Seoul << int(Verdict::Notify);
        NotificationSettings mutedWorkspace;
        mutedWorkspace.mutedForever = true;
        row("a loud conversation stays quiet while the workspace is muted")
            << mutedWorkspace << loudChannel << noon << Seoul << int(Verdict::Muted);
        row("mentions level: plain channel message stays silent")
            << with(Level::MentionsAndDirect) << channelMessage() << noon << Seoul
            << int(Verdict::NotForMe);
        row("mentions level: a mention notifies")
            << with(Level::MentionsAndDirect) << mention() << noon << Seoul << int(Verdict::Notify);
        row("mentions level: a direct message notifies")
            << with(Level::MentionsAndDirect) << direct() << noon << Seoul << int(Verdict::Notify);

        // Mute
        NotificationSettings mutedHour = defaults;
        mutedHour.mutedUntil = noon.toSecsSinceEpoch() + 3600;
        row("muted for an hour") << mutedHour << channelMessage() << noon << Seoul
                                 << int(Verdict::Muted);
        row("muted: a mention too")
            << mutedHour << mention() << noon << Seoul << int(Verdict::Muted);
        row("mute over: an hour later")
            << mutedHour << channelMessage() << noon.addSecs(3600) << Seoul << int(Verdict::Notify);
        row("mute still on a second before its end")
            << mutedHour << channelMessage() << noon.addSecs(3599) << Seoul << int(Verdict::Muted);
        NotificationSettings forever = defaults;
        forever.mutedForever = true;
        row("muted until turned back on")
            << forever << direct() << noon.addYears(1) << Seoul << int(Verdict::Muted);
        NotificationSettings pastMute = defaults;
        pastMute.mutedUntil = noon.toSecsSinceEpoch() - 60;
        row("a mute in the past") << pastMute << channelMessage() << noon << Seoul
                                  << int(Verdict::Notify);
        // A mute is an instant: moving to another time zone does not end it early or late.
        NotificationSettings instantMute = defaults;
        instantMute.mutedUntil = utc(u"2025-03-10T14:00:00"_s).toSecsSinceEpoch();
        row("mute read in Seoul") << instantMute << channelMessage() << utc(Instant) << Seoul
                                  << int(Verdict::Muted);
        row("same mute read in Los Angeles")
            << instantMute << channelMessage() << utc(Instant) << LosAngeles << int(Verdict::Muted);

        // Quiet hours crossing midnight, 22:00–08:00 every day
        const NotificationSettings night = quiet(u"22:00"_s, u"08:00"_s);
        row("quiet: 23:30") << night << channelMessage() << at(u"2025-03-10T23:30:00"_s, Seoul)
                            << Seoul << int(Verdict::QuietHours);
        row("quiet: 22:00 exactly (start counts)")
            << night << channelMessage() << at(u"2025-03-10T22:00:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("quiet: 00:00 after midnight")
            << night << channelMessage() << at(u"2025-03-11T00:00:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("quiet: 07:59 next morning")
            << night << channelMessage() << at(u"2025-03-11T07:59:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("quiet over: 08:00 (end does not count)")
            << night << channelMessage() << at(u"2025-03-11T08:00:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);
        row("not yet quiet: 21:59")
            << night << channelMessage() << at(u"2025-03-10T21:59:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);
        row("quiet silences mentions and direct messages too")
            << night << direct() << at(u"2025-03-10T23:00:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        NotificationSettings off = night;
        off.quietHours.enabled = false;
        row("quiet hours switched off")
            << off << channelMessage() << at(u"2025-03-10T23:30:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);

        // The night belongs to the day it starts on: Fridays only (14 March 2025 is a Friday).
        const NotificationSettings friday = quiet(u"22:00"_s, u"08:00"_s, {5});
        row("Friday night, 23:00")
            << friday << channelMessage() << at(u"2025-03-14T23:00:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("Saturday 03:00 still Friday's night")
            << friday << channelMessage() << at(u"2025-03-15T03:00:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("Saturday 23:00 is not quiet")
            << friday << channelMessage() << at(u"2025-03-15T23:00:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);
        row("Friday 03:00 belongs to Thursday's night, which is not quiet")
            << friday << channelMessage() << at(u"2025-03-14T03:00:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);
        row("Sunday night into Monday wraps the week")
            << quiet(u"23:00"_s, u"06:00"_s, {7}) << channelMessage()
            << at(u"2025-03-10T05:00:00"_s, Seoul) << Seoul << int(Verdict::QuietHours);

        // Within one day: office focus time on weekdays
        const NotificationSettings focus = quiet(u"09:00"_s, u"12:00"_s, {1, 2, 3, 4, 5});
        row("weekday focus time") << focus << channelMessage()
                                  << at(u"2025-03-12T10:15:00"_s, Seoul) << Seoul
                                  << int(Verdict::QuietHours);
        row("weekday after focus time")
            << focus << channelMessage() << at(u"2025-03-12T12:00:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);
        row("Saturday at the same hour")
            << focus << channelMessage() << at(u"2025-03-15T10:15:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);

        // Equal start and end: the whole day (Sunday 16 March 2025)
        const NotificationSettings sunday = quiet(u"00:00"_s, u"00:00"_s, {7});
        row("all-day Sunday, 00:00")
            << sunday << channelMessage() << at(u"2025-03-16T00:00:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("all-day Sunday, 23:59")
            << sunday << channelMessage() << at(u"2025-03-16T23:59:00"_s, Seoul) << Seoul
            << int(Verdict::QuietHours);
        row("all-day Sunday over on Monday")
            << sunday << channelMessage() << at(u"2025-03-17T00:00:00"_s, Seoul) << Seoul
            << int(Verdict::Notify);

        // Time zones: quiet hours follow the wall clock where the computer is now.
        row("one instant in Seoul: 22:30, quiet")
            << night << channelMessage() << utc(Instant) << Seoul << int(Verdict::QuietHours);
        row("same instant in Berlin: 14:30, not quiet")
            << night << channelMessage() << utc(Instant) << Berlin << int(Verdict::Notify);
        row("same instant in Los Angeles: 06:30, quiet")
            << night << channelMessage() << utc(Instant) << LosAngeles << int(Verdict::QuietHours);

        // Daylight saving: Berlin jumps from 02:00 to 03:00 on 30 March 2025; the quiet period
        // ends at 03:30 on the wall clock all the same.
        const NotificationSettings early = quiet(u"22:00"_s, u"03:30"_s);
        row("DST night, 03:20 CEST") << early << channelMessage() << utc(u"2025-03-30T01:20:00"_s)
                                     << Berlin << int(Verdict::QuietHours);
        row("DST night, 03:35 CEST") << early << channelMessage() << utc(u"2025-03-30T01:35:00"_s)
                                     << Berlin << int(Verdict::Notify);
        // …and back from 03:00 to 02:00 on 26 October 2025: 02:30 happens twice, quiet twice.
        const NotificationSettings twice = quiet(u"02:00"_s, u"03:00"_s);
        row("DST end, first 02:30 (CEST)")
            << twice << channelMessage() << utc(u"2025-10-26T00:30:00"_s) << Berlin
            << int(Verdict::QuietHours);
        row("DST end, second 02:30 (CET)")
            << twice << channelMessage() << utc(u"2025-10-26T01:30:00"_s) << Berlin
            << int(Verdict::QuietHours);
        row("DST end, 03:00 CET") << twice << channelMessage() << utc(u"2025-10-26T02:00:00"_s)
                                  << Berlin << int(Verdict::Notify);
    }

    void decides()
    {
        QFETCH(NotificationSettings, settings);
        QFETCH(IncomingMessage, message);
        QFETCH(QDateTime, now);
        QFETCH(QTimeZone, zone);
        QFETCH(int, verdict);
        const NotificationDecision decision =
            NotificationPolicy::decide(settings, message, now, zone);
        QCOMPARE(int(decision.verdict), verdict);
        QCOMPARE(decision.notify(), verdict == int(Verdict::Notify));
        if (decision.notify()) {
            QCOMPARE(decision.author, message.message.authorName);
            QCOMPARE(decision.workspaceName, message.workspaceName);
            QCOMPARE(decision.direct, message.direct);
        } else {
            // Nothing to show leaks out of a silent decision.
            QVERIFY(decision.preview.isEmpty());
            QVERIFY(decision.author.isEmpty());
        }
    }

    void content_data()
    {
        QTest::addColumn<NotificationSettings>("settings");
        QTest::addColumn<IncomingMessage>("message");
        QTest::addColumn<QString>("preview");
        QTest::addColumn<bool>("sound");
        QTest::addColumn<QString>("conversation");

        NotificationSettings noPreview;
        noPreview.preview = false;
        NotificationSettings silent;
        silent.sound = false;
        const QString longBody = QString(200, u'가');
        QTest::newRow("preview on") << NotificationSettings() << channelMessage()
                                    << u"배포 끝났습니다"_s << true << u"general"_s;
        QTest::newRow("preview off hides the text")
            << noPreview << channelMessage() << QString() << true << u"general"_s;
        QTest::newRow("sound off")
            << silent << mention() << u"@김지민 리뷰 부탁해요"_s << false << u"general"_s;
        QTest::newRow("direct: no channel name")
            << NotificationSettings() << direct() << u"점심 같이 해요?"_s << true << QString();
        QTest::newRow("lines folded into one")
            << NotificationSettings() << channelMessage(u"첫 줄\n\n  둘째 줄\t끝"_s)
            << u"첫 줄 둘째 줄 끝"_s << true << u"general"_s;
        QTest::newRow("markup stays text (the sink escapes it)")
            << NotificationSettings() << channelMessage(u"<b>bold</b> & <a href=x>link</a>"_s)
            << u"<b>bold</b> & <a href=x>link</a>"_s << true << u"general"_s;
        QTest::newRow("long text shortened")
            << NotificationSettings() << channelMessage(longBody)
            << QString(NotificationPolicy::PreviewLength - 1, u'가') + u'…' << true << u"general"_s;
    }

    void content()
    {
        QFETCH(NotificationSettings, settings);
        QFETCH(IncomingMessage, message);
        QFETCH(QString, preview);
        QFETCH(bool, sound);
        QFETCH(QString, conversation);
        const NotificationDecision decision = NotificationPolicy::decide(
            settings, message, at(u"2025-03-10T12:00:00"_s, Seoul), Seoul);
        QVERIFY(decision.notify());
        QCOMPARE(decision.preview, preview);
        QCOMPARE(decision.sound, sound);
        QCOMPARE(decision.conversationName, conversation);
        QCOMPARE(decision.mention, message.mentionsMe);
    }

    void previewNeverSplitsAnEmoji()
    {
        // 158 letters, then emoji (two UTF-16 units each) across the cut.
        const QString body = QString(NotificationPolicy::PreviewLength - 2, u'a') + u"😀😀😀😀"_s;
        const QString preview = NotificationPolicy::previewText(body);
        QVERIFY(preview.endsWith(u'…'));
        QVERIFY(!preview.at(preview.size() - 2).isHighSurrogate());
        QVERIFY(preview.size() <= NotificationPolicy::PreviewLength);
    }

    void mutes_data()
    {
        QTest::addColumn<int>("duration");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QTimeZone>("zone");
        QTest::addColumn<QDateTime>("until");

        const QDateTime evening = at(u"2025-03-10T21:00:00"_s, Seoul);
        QTest::newRow("one hour") << int(Mute::OneHour) << evening << Seoul
                                  << evening.addSecs(3600);
        QTest::newRow("eight hours")
            << int(Mute::EightHours) << evening << Seoul << evening.addSecs(8 * 3600);
        QTest::newRow("tomorrow from the evening")
            << int(Mute::UntilTomorrow) << evening << Seoul << at(u"2025-03-11T08:00:00"_s, Seoul);
        QTest::newRow("tomorrow from the morning")
            << int(Mute::UntilTomorrow) << at(u"2025-03-10T09:30:00"_s, Seoul) << Seoul
            << at(u"2025-03-11T08:00:00"_s, Seoul);
        QTest::newRow("tomorrow at 02:30 means this morning")
            << int(Mute::UntilTomorrow) << at(u"2025-03-11T02:30:00"_s, Seoul) << Seoul
            << at(u"2025-03-11T08:00:00"_s, Seoul);
        // The same instant muted in two zones ends at each zone's own 08:00.
        QTest::newRow("tomorrow, in Berlin") << int(Mute::UntilTomorrow) << utc(Instant) << Berlin
                                             << at(u"2025-03-11T08:00:00"_s, Berlin);
        QTest::newRow("tomorrow, in Los Angeles (06:30 there)")
            << int(Mute::UntilTomorrow) << utc(Instant) << LosAngeles
            << at(u"2025-03-11T08:00:00"_s, LosAngeles);
        // Over the spring-forward night the morning still comes at 08:00 on the wall clock.
        QTest::newRow("tomorrow across daylight saving")
            << int(Mute::UntilTomorrow) << at(u"2025-03-29T23:00:00"_s, Berlin) << Berlin
            << utc(u"2025-03-30T06:00:00"_s);
    }

    void mutes()
    {
        QFETCH(int, duration);
        QFETCH(QDateTime, now);
        QFETCH(QTimeZone, zone);
        QFETCH(QDateTime, until);
        NotificationSettings settings;
        settings.mutedForever = true; // a new mute replaces whatever was there
        const NotificationSettings muted =
            NotificationPolicy::muted(settings, Mute(duration), now, zone);
        QCOMPARE(muted.mutedUntil, until.toSecsSinceEpoch());
        QVERIFY(!muted.mutedForever);
        QVERIFY(muted.isMutedAt(now.toSecsSinceEpoch()));
        QVERIFY(!muted.isMutedAt(until.toSecsSinceEpoch()));
        QVERIFY(NotificationPolicy::isSilenced(muted, now));
    }

    void muteUntilTurnedOnAndUnmute()
    {
        const QDateTime now = utc(Instant);
        NotificationSettings settings;
        settings.mutedUntil = now.toSecsSinceEpoch() + 60;
        const NotificationSettings forever =
            NotificationPolicy::muted(settings, Mute::UntilTurnedOn, now, Seoul);
        QVERIFY(forever.mutedForever);
        QCOMPARE(forever.mutedUntil, qint64(0));
        QVERIFY(forever.isMutedAt(now.addYears(10).toSecsSinceEpoch()));
        const NotificationSettings back = NotificationPolicy::unmuted(forever);
        QVERIFY(!back.isMutedAt(now.toSecsSinceEpoch()));
        QVERIFY(!NotificationPolicy::isSilenced(back, now));
        // Unmuting touches nothing else.
        NotificationSettings other = forever;
        other.level = Level::MentionsAndDirect;
        other.preview = false;
        const NotificationSettings otherBack = NotificationPolicy::unmuted(other);
        QCOMPARE(otherBack.level, Level::MentionsAndDirect);
        QCOMPARE(otherBack.preview, false);
    }

    void levelNothingIsSilenced()
    {
        QVERIFY(NotificationPolicy::isSilenced(with(Level::Nothing), utc(Instant)));
        QVERIFY(!NotificationPolicy::isSilenced(with(Level::MentionsAndDirect), utc(Instant)));
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "test_notification_policy.moc"
