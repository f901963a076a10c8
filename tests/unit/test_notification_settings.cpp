// Notification settings on the wire: what both sides accept, and the field named for each
// refusal (the server answers 422 with it).
#include "protocol/notification_settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

QJsonObject valid()
{
    NotificationSettings settings;
    settings.level = NotificationSettings::Level::MentionsAndDirect;
    settings.mutedUntil = 1795000000;
    settings.quietHours = {true, {1, 5}, 22 * 60 + 30, 7 * 60 + 5};
    settings.preview = false;
    settings.sound = false;
    settings.countInTotal = false;
    return settings.toJson();
}

// `valid()` with one value replaced; a path "quiet_hours.start" reaches inside.
QJsonObject withValue(const QString &path, const QJsonValue &value)
{
    QJsonObject object = valid();
    const QStringList parts = path.split(u'.');
    if (parts.size() == 1) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    QJsonObject inner = object.value(parts.first()).toObject();
    if (value.isUndefined())
        inner.remove(parts.last());
    else
        inner.insert(parts.last(), value);
    object.insert(parts.first(), inner);
    return object;
}

} // namespace

class TestNotificationSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const auto parsed = NotificationSettings::fromJson(valid());
        QVERIFY(parsed);
        QCOMPARE(parsed->level, NotificationSettings::Level::MentionsAndDirect);
        QCOMPARE(parsed->mutedUntil, qint64(1795000000));
        QCOMPARE(parsed->quietHours.days, (QList<int>{1, 5}));
        QCOMPARE(parsed->quietHours.startMinute, 22 * 60 + 30);
        QCOMPARE(parsed->quietHours.endMinute, 7 * 60 + 5);
        QCOMPARE(parsed->toJson(), valid());
        const QJsonObject quiet = valid().value("quiet_hours"_L1).toObject();
        QCOMPARE(quiet.value("start"_L1).toString(), u"22:30"_s);
        QCOMPARE(quiet.value("end"_L1).toString(), u"07:05"_s);
        QCOMPARE(quiet.value("days"_L1).toArray(), (QJsonArray{u"mon"_s, u"fri"_s}));
    }

    void defaultsAreAValidValue()
    {
        const NotificationSettings defaults;
        const auto parsed = NotificationSettings::fromJson(defaults.toJson());
        QVERIFY(parsed);
        QCOMPARE(*parsed, defaults);
        QCOMPARE(defaults.level, NotificationSettings::Level::All);
        QVERIFY(defaults.preview && defaults.sound && defaults.countInTotal);
        QVERIFY(!defaults.quietHours.enabled);
    }

    void daysAreSortedWhateverTheOrder()
    {
        const auto parsed = NotificationSettings::fromJson(
            withValue(u"quiet_hours.days"_s, QJsonArray{u"sun"_s, u"wed"_s, u"mon"_s}));
        QVERIFY(parsed);
        QCOMPARE(parsed->quietHours.days, (QList<int>{1, 3, 7}));
    }

    void noDaysIsFineWhileQuietHoursAreOff()
    {
        QJsonObject object = withValue(u"quiet_hours.days"_s, QJsonArray());
        QJsonObject quiet = object.value("quiet_hours"_L1).toObject();
        quiet.insert(u"enabled"_s, false);
        object.insert(u"quiet_hours"_s, quiet);
        QVERIFY(NotificationSettings::fromJson(object));
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QString>("field");

        const auto row = [](const char *name, const QString &path, const QJsonValue &value,
                            const QString &field) {
            QTest::newRow(name) << withValue(path, value) << field;
        };
        row("level missing", u"level"_s, QJsonValue::Undefined, u"level"_s);
        row("level unknown", u"level"_s, u"loud"_s, u"level"_s);
        row("level in capitals", u"level"_s, u"ALL"_s, u"level"_s);
        row("level as a number", u"level"_s, 0, u"level"_s);
        row("muted_until negative", u"muted_until"_s, -5, u"muted_until"_s);
        row("muted_until fractional", u"muted_until"_s, 1.5, u"muted_until"_s);
        row("muted_until a string", u"muted_until"_s, u"tomorrow"_s, u"muted_until"_s);
        row("muted_until after year 9999", u"muted_until"_s, 1e13, u"muted_until"_s);
        row("muted_forever a number", u"muted_forever"_s, 1, u"muted_forever"_s);
        row("quiet_hours not an object", u"quiet_hours"_s, u"22-08"_s, u"quiet_hours"_s);
        row("quiet_hours.enabled missing", u"quiet_hours.enabled"_s, QJsonValue::Undefined,
            u"quiet_hours.enabled"_s);
        row("start 24:00", u"quiet_hours.start"_s, u"24:00"_s, u"quiet_hours.start"_s);
        row("start 8:00 (one digit)", u"quiet_hours.start"_s, u"8:00"_s, u"quiet_hours.start"_s);
        row("start 08:60", u"quiet_hours.start"_s, u"08:60"_s, u"quiet_hours.start"_s);
        row("start with seconds", u"quiet_hours.start"_s, u"08:00:00"_s, u"quiet_hours.start"_s);
        row("start letters", u"quiet_hours.start"_s, u"ab:cd"_s, u"quiet_hours.start"_s);
        row("start as minutes", u"quiet_hours.start"_s, 480, u"quiet_hours.start"_s);
        row("start empty", u"quiet_hours.start"_s, QString(), u"quiet_hours.start"_s);
        row("end with a space", u"quiet_hours.end"_s, u" 7:00"_s, u"quiet_hours.end"_s);
        row("end missing", u"quiet_hours.end"_s, QJsonValue::Undefined, u"quiet_hours.end"_s);
        row("days not an array", u"quiet_hours.days"_s, u"mon"_s, u"quiet_hours.days"_s);
        row("days unknown name", u"quiet_hours.days"_s, QJsonArray{u"monday"_s},
            u"quiet_hours.days"_s);
        row("days as numbers", u"quiet_hours.days"_s, QJsonArray{1, 2}, u"quiet_hours.days"_s);
        row("days twice", u"quiet_hours.days"_s, QJsonArray{u"mon"_s, u"mon"_s},
            u"quiet_hours.days"_s);
        row("no days while on", u"quiet_hours.days"_s, QJsonArray(), u"quiet_hours.days"_s);
        row("preview a string", u"preview"_s, u"yes"_s, u"preview"_s);
        row("sound missing", u"sound"_s, QJsonValue::Undefined, u"sound"_s);
        row("count_in_total null", u"count_in_total"_s, QJsonValue::Null, u"count_in_total"_s);
    }

    void refusals()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QString, field);
        NotificationSettings::Problem problem;
        QVERIFY2(!NotificationSettings::fromJson(object, &problem),
                 QJsonDocument(object).toJson().constData());
        QCOMPARE(problem.field, field);
        QVERIFY(!problem.message.isEmpty());
    }

    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("minutes");
        QTest::newRow("midnight") << u"00:00"_s << 0;
        QTest::newRow("last minute") << u"23:59"_s << 23 * 60 + 59;
        QTest::newRow("morning") << u"07:05"_s << 7 * 60 + 5;
        QTest::newRow("fullwidth digits refused") << u"０８:００"_s << -1;
        QTest::newRow("dot refused") << u"08.00"_s << -1;
    }

    void times()
    {
        QFETCH(QString, text);
        QFETCH(int, minutes);
        const auto parsed = NotificationSettings::minutesFromText(text);
        QCOMPARE(parsed.value_or(-1), minutes);
        if (minutes >= 0)
            QCOMPARE(NotificationSettings::timeText(minutes), text);
    }
};

QTEST_GUILESS_MAIN(TestNotificationSettings)
#include "test_notification_settings.moc"
