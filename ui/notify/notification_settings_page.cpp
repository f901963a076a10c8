#include "notification_settings_page.h"

#include "account/account.h"
#include "common/notice.h"
#include "language.h"
#include "mute_description.h"
#include "net/api_error.h"
#include "notify/notification_preferences.h"
#include "theme/theme.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeEdit>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;
using Level = NotificationSettings::Level;
using Mute = NotificationPolicy::MuteDuration;

namespace {

QFrame *divider(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::HLine);
    setRole(line, "divider");
    line->setFixedHeight(1);
    return line;
}

QTime timeOf(int minutes)
{
    return QTime(minutes / 60, minutes % 60);
}

int minutesOf(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

} // namespace

NotificationSettingsPage::NotificationSettingsPage(Account *account, QString workspaceId,
                                                   QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_workspaceId(std::move(workspaceId))
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_syncState(new QLabel(this))
    , m_done(new QPushButton(this))
    , m_timeCommit(new QTimer(this))
{
    setObjectName(u"NotificationSettingsPage"_s);
    setAttribute(Qt::WA_StyledBackground);
    resize(520, 680);

    m_icon->setPixmap(QIcon(u":/moim/icons/bell.svg"_s).pixmap(QSize(32, 32), devicePixelRatioF()));
    m_icon->setFixedSize(40, 40);
    m_icon->setAlignment(Qt::AlignCenter);
    setRole(m_icon, "iconTile");
    setRole(m_title, "heading");
    setRole(m_subtitle, "muted");
    setRole(m_syncState, "caption");
    setRole(m_done, "primary");
    m_title->setTextFormat(Qt::PlainText); // the workspace's name comes from the server
    m_title->setWordWrap(true);
    m_subtitle->setWordWrap(true);
    m_syncState->setWordWrap(true);
    m_done->setDefault(true);
    m_done->setMinimumWidth(96);

    auto *headerText = new QVBoxLayout;
    headerText->setSpacing(2);
    headerText->addWidget(m_title);
    headerText->addWidget(m_subtitle);
    auto *header = new QHBoxLayout;
    header->setSpacing(Theme::SpaceM);
    header->addWidget(m_icon, 0, Qt::AlignTop);
    header->addLayout(headerText, 1);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_syncState, 1);
    footer->addWidget(m_done, 0, Qt::AlignRight | Qt::AlignBottom);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(Theme::SpaceXL, Theme::SpaceXL, Theme::SpaceXL, Theme::SpaceL);
    layout->setSpacing(Theme::SpaceM);
    layout->addLayout(header);
    layout->addSpacing(Theme::SpaceS);
    layout->addWidget(buildLevelSection());
    layout->addWidget(divider(this));
    layout->addWidget(buildMuteSection());
    layout->addWidget(divider(this));
    layout->addWidget(buildQuietSection());
    layout->addWidget(divider(this));
    layout->addWidget(buildOptionsSection());
    layout->addStretch(1);
    layout->addLayout(footer);

    connect(m_done, &QPushButton::clicked, this, &QDialog::accept);
    m_timeCommit->setSingleShot(true);
    m_timeCommit->setInterval(700);
    connect(m_timeCommit, &QTimer::timeout, this, &NotificationSettingsPage::commit);

    if (m_account) {
        NotificationPreferences *preferences = m_account->notificationSettings();
        connect(preferences, &NotificationPreferences::settingsChanged, this,
                [this](const QString &id) {
                    if (id == m_workspaceId)
                        showSettings();
                });
        connect(preferences, &NotificationPreferences::changeSaved, this,
                [this](const QString &id) {
                    if (id == m_workspaceId)
                        showSaved();
                });
        connect(preferences, &NotificationPreferences::changeRefused, this,
                [this](const QString &id, const ApiError &error) {
                    if (id == m_workspaceId)
                        showRefused(error);
                });
        connect(m_account->workspaces(), &QAbstractItemModel::modelReset, this,
                &NotificationSettingsPage::retranslate);
    }
    fitToTextSize();
    retranslate();
    showSettings();
}

QWidget *NotificationSettingsPage::buildLevelSection()
{
    auto *section = new QWidget(this);
    m_levelTitle = new QLabel(section);
    m_levelAll = new QRadioButton(section);
    m_levelMentions = new QRadioButton(section);
    m_levelNothing = new QRadioButton(section);
    m_levels = new QButtonGroup(section);
    m_levels->addButton(m_levelAll, int(Level::All));
    m_levels->addButton(m_levelMentions, int(Level::MentionsAndDirect));
    m_levels->addButton(m_levelNothing, int(Level::Nothing));
    setRole(m_levelTitle, "sectionTitle");
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpaceS);
    layout->addWidget(m_levelTitle);
    for (QRadioButton *button : {m_levelAll, m_levelMentions, m_levelNothing})
        layout->addWidget(button);
    connect(m_levels, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked && !m_showing)
            commit();
    });
    return section;
}

QWidget *NotificationSettingsPage::buildMuteSection()
{
    auto *section = new QWidget(this);
    m_muteTitle = new QLabel(section);
    m_muteIcon = new QLabel(section);
    m_muteState = new QLabel(section);
    m_muteDuration = new QComboBox(section);
    m_mute = new QPushButton(section);
    m_unmute = new QPushButton(section);
    setRole(m_muteTitle, "sectionTitle");
    setRole(m_muteState, "muted");
    setRole(m_mute, "secondary");
    setRole(m_unmute, "secondary");
    m_muteIcon->setFixedSize(20, 20);
    m_muteState->setWordWrap(true);
    // A list to choose from and a button, rather than a button with a popup menu: Qt 6.4 leaves
    // popup menus out of the accessibility tree, and a screen reader must reach every duration.
    for (const auto duration :
         {Mute::OneHour, Mute::EightHours, Mute::UntilTomorrow, Mute::UntilTurnedOn})
        m_muteDuration->addItem(QString(), int(duration));
    m_muteDuration->setCurrentIndex(m_muteDuration->findData(int(Mute::OneHour)));
    connect(m_mute, &QPushButton::clicked, this,
            [this] { mute(Mute(m_muteDuration->currentData().toInt())); });
    connect(m_unmute, &QPushButton::clicked, this, &NotificationSettingsPage::unmute);

    auto *state = new QHBoxLayout;
    state->setSpacing(Theme::SpaceS);
    state->addWidget(m_muteIcon, 0, Qt::AlignVCenter);
    state->addWidget(m_muteState, 1);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(Theme::SpaceS);
    buttons->addWidget(m_muteDuration);
    buttons->addWidget(m_mute);
    buttons->addWidget(m_unmute);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpaceS);
    layout->addWidget(m_muteTitle);
    layout->addLayout(state);
    layout->addLayout(buttons);
    return section;
}

QWidget *NotificationSettingsPage::buildQuietSection()
{
    auto *section = new QWidget(this);
    m_quietTitle = new QLabel(section);
    m_quietEnabled = new QCheckBox(section);
    m_fromLabel = new QLabel(section);
    m_quietStart = new QTimeEdit(section);
    m_toLabel = new QLabel(section);
    m_quietEnd = new QTimeEdit(section);
    m_quietHint = new QLabel(section);
    m_daysLabel = new QLabel(section);
    setRole(m_quietTitle, "sectionTitle");
    setRole(m_quietHint, "caption");
    m_quietHint->setWordWrap(true);
    for (QTimeEdit *edit : {m_quietStart, m_quietEnd}) {
        edit->setDisplayFormat(u"HH:mm"_s);
        // Typed, or stepped with the arrow keys and the wheel: the spin arrows only add noise.
        edit->setButtonSymbols(QAbstractSpinBox::NoButtons);
        edit->setAlignment(Qt::AlignCenter);
        edit->setWrapping(true);
        connect(edit, &QTimeEdit::timeChanged, this, [this] {
            updateQuietHints();
            if (!m_showing)
                m_timeCommit->start();
        });
    }
    m_fromLabel->setBuddy(m_quietStart);
    m_toLabel->setBuddy(m_quietEnd);

    auto *times = new QHBoxLayout;
    times->setSpacing(Theme::SpaceS);
    times->addWidget(m_fromLabel);
    times->addWidget(m_quietStart);
    times->addSpacing(Theme::SpaceS);
    times->addWidget(m_toLabel);
    times->addWidget(m_quietEnd);
    times->addStretch(1);

    auto *days = new QHBoxLayout;
    days->setSpacing(6);
    for (int weekday = 1; weekday <= 7; ++weekday) {
        auto *day = new QPushButton(section);
        setRole(day, "dayToggle");
        day->setCheckable(true);
        day->setCursor(Qt::PointingHandCursor);
        connect(day, &QPushButton::toggled, this, [this, day](bool checked) {
            if (m_showing)
                return;
            // Quiet hours on no day at all would be off in disguise: the last day stays.
            if (!checked && std::none_of(m_days.cbegin(), m_days.cend(),
                                         [](QPushButton *b) { return b->isChecked(); })) {
                const QSignalBlocker blocker(day);
                day->setChecked(true);
                return;
            }
            commit();
        });
        m_days.append(day);
        days->addWidget(day);
    }
    days->addStretch(1);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpaceS);
    layout->addWidget(m_quietTitle);
    layout->addWidget(m_quietEnabled);
    layout->addLayout(times);
    layout->addWidget(m_daysLabel);
    layout->addLayout(days);
    layout->addWidget(m_quietHint);
    connect(m_quietEnabled, &QCheckBox::toggled, this, [this] {
        updateQuietHints();
        if (!m_showing)
            commit();
    });
    return section;
}

QWidget *NotificationSettingsPage::buildOptionsSection()
{
    auto *section = new QWidget(this);
    m_optionsTitle = new QLabel(section);
    m_preview = new QCheckBox(section);
    m_sound = new QCheckBox(section);
    m_countInTotal = new QCheckBox(section);
    setRole(m_optionsTitle, "sectionTitle");
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(Theme::SpaceS);
    layout->addWidget(m_optionsTitle);
    for (QCheckBox *box : {m_preview, m_sound, m_countInTotal}) {
        layout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_showing)
                commit();
        });
    }
    return section;
}

void NotificationSettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::FontChange)
        fitToTextSize();
    QDialog::changeEvent(event);
}

void NotificationSettingsPage::fitToTextSize()
{
    // The times and the day buttons are as wide as their text at the user's text size.
    for (QTimeEdit *edit : {m_quietStart, m_quietEnd})
        edit->setFixedWidth(Theme::scaled(84));
    for (QPushButton *day : std::as_const(m_days))
        day->setFixedSize(Theme::scaled(40), Theme::scaled(32));
}

void NotificationSettingsPage::retranslate()
{
    QString name;
    if (m_account) {
        const int row = m_account->workspaces()->indexOf(m_workspaceId);
        if (row >= 0)
            name = m_account->workspaces()->workspaces().at(row).shownName(showsEnglishNames());
    }
    setWindowTitle(tr("Notifications for %1").arg(name));
    m_title->setText(tr("Notifications for %1").arg(name));
    m_subtitle->setText(tr("These settings apply to this workspace only, and follow you to your "
                           "other devices."));
    m_levelTitle->setText(tr("Notify me about"));
    m_levelAll->setText(tr("All new messages"));
    m_levelMentions->setText(tr("Only mentions and direct messages"));
    m_levelNothing->setText(tr("Nothing"));
    m_muteTitle->setText(tr("Mute"));
    const std::pair<Mute, QString> durations[] = {
        {Mute::OneHour, tr("For 1 hour")},
        {Mute::EightHours, tr("For 8 hours")},
        {Mute::UntilTomorrow, tr("Until tomorrow")},
        {Mute::UntilTurnedOn, tr("Until I turn them back on")}};
    for (const auto &[duration, label] : durations)
        m_muteDuration->setItemText(m_muteDuration->findData(int(duration)), label);
    m_muteDuration->setAccessibleName(tr("How long to mute"));
    m_mute->setText(tr("Mute"));
    m_mute->setAccessibleName(tr("Mute notifications of this workspace"));
    m_unmute->setText(tr("Unmute"));
    m_unmute->setAccessibleName(tr("Unmute notifications of this workspace"));
    m_quietTitle->setText(tr("Quiet hours"));
    m_quietEnabled->setText(tr("Pause notifications on a schedule"));
    m_fromLabel->setText(tr("From"));
    m_toLabel->setText(tr("to"));
    m_quietStart->setAccessibleName(tr("Quiet hours start"));
    m_quietEnd->setAccessibleName(tr("Quiet hours end"));
    m_daysLabel->setText(tr("On these days"));
    const QString shortDays[] = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"),
                                 tr("Fri"), tr("Sat"), tr("Sun")};
    const QString longDays[] = {tr("Monday"), tr("Tuesday"),  tr("Wednesday"), tr("Thursday"),
                                tr("Friday"), tr("Saturday"), tr("Sunday")};
    for (qsizetype i = 0; i < m_days.size(); ++i) {
        m_days.at(i)->setText(shortDays[i]);
        m_days.at(i)->setAccessibleName(tr("Quiet hours on %1").arg(longDays[i]));
        m_days.at(i)->setToolTip(longDays[i]);
    }
    m_optionsTitle->setText(tr("When a notification is shown"));
    m_preview->setText(tr("Show a preview of the message"));
    m_sound->setText(tr("Play a sound"));
    m_countInTotal->setText(tr("Count this workspace's unread messages in the total"));
    m_done->setText(tr("Done"));
    updateMuteState();
    updateQuietHints();
}

QRadioButton *NotificationSettingsPage::levelButton(Level level) const
{
    return qobject_cast<QRadioButton *>(m_levels->button(int(level)));
}

QAbstractButton *NotificationSettingsPage::dayButton(int isoWeekday) const
{
    return isoWeekday >= 1 && isoWeekday <= 7 ? m_days.at(isoWeekday - 1) : nullptr;
}

void NotificationSettingsPage::showSettings()
{
    if (!m_account)
        return;
    const NotificationSettings settings =
        m_account->notificationSettings()->settings(m_workspaceId);
    m_showing = true;
    if (QAbstractButton *level = m_levels->button(int(settings.level)))
        level->setChecked(true);
    m_quietEnabled->setChecked(settings.quietHours.enabled);
    m_quietStart->setTime(timeOf(settings.quietHours.startMinute));
    m_quietEnd->setTime(timeOf(settings.quietHours.endMinute));
    for (int weekday = 1; weekday <= 7; ++weekday)
        m_days.at(weekday - 1)->setChecked(settings.quietHours.startsOn(weekday));
    m_preview->setChecked(settings.preview);
    m_sound->setChecked(settings.sound);
    m_countInTotal->setChecked(settings.countInTotal);
    m_showing = false;
    updateMuteState();
    updateQuietHints();
}

NotificationSettings NotificationSettingsPage::shownSettings() const
{
    NotificationSettings settings = m_account
                                        ? m_account->notificationSettings()->settings(m_workspaceId)
                                        : NotificationSettings();
    settings.level = Level(std::max(0, m_levels->checkedId()));
    settings.quietHours.enabled = m_quietEnabled->isChecked();
    settings.quietHours.startMinute = minutesOf(m_quietStart->time());
    settings.quietHours.endMinute = minutesOf(m_quietEnd->time());
    settings.quietHours.days.clear();
    for (int weekday = 1; weekday <= 7; ++weekday) {
        if (m_days.at(weekday - 1)->isChecked())
            settings.quietHours.days.append(weekday);
    }
    settings.preview = m_preview->isChecked();
    settings.sound = m_sound->isChecked();
    settings.countInTotal = m_countInTotal->isChecked();
    return settings;
}

void NotificationSettingsPage::commit()
{
    m_timeCommit->stop();
    if (!m_account)
        return;
    NotificationPreferences *preferences = m_account->notificationSettings();
    const NotificationSettings settings = shownSettings();
    if (settings == preferences->settings(m_workspaceId) && preferences->isKnown(m_workspaceId))
        return;
    preferences->change(m_workspaceId, settings);
    // Until the server says yes, say where the change is.
    if (preferences->isPending(m_workspaceId) &&
        m_account->connection() != Account::Connection::Online)
        m_syncState->setText(tr("Saved on this computer. Your other devices get it when Moim "
                                "is back online."));
    else if (preferences->isPending(m_workspaceId))
        m_syncState->setText(tr("Saving…"));
}

void NotificationSettingsPage::mute(Mute duration)
{
    if (!m_account)
        return;
    m_timeCommit->stop();
    NotificationPreferences *preferences = m_account->notificationSettings();
    preferences->change(m_workspaceId, NotificationPolicy::muted(shownSettings(), duration,
                                                                 QDateTime::currentDateTimeUtc(),
                                                                 QTimeZone::systemTimeZone()));
}

void NotificationSettingsPage::unmute()
{
    if (!m_account)
        return;
    m_timeCommit->stop();
    m_account->notificationSettings()->change(m_workspaceId,
                                              NotificationPolicy::unmuted(shownSettings()));
}

void NotificationSettingsPage::updateMuteState()
{
    const NotificationSettings settings =
        m_account ? m_account->notificationSettings()->settings(m_workspaceId)
                  : NotificationSettings();
    const QString state = MuteDescription::state(settings, QDateTime::currentDateTime());
    const bool muted = !state.isEmpty();
    m_muteState->setText(muted ? state
                               : tr("Not muted. Mute to pause this workspace for a while."));
    m_muteIcon->setPixmap(QIcon(muted ? u":/moim/icons/bell-off.svg"_s : u":/moim/icons/bell.svg"_s)
                              .pixmap(QSize(18, 18), devicePixelRatioF()));
    m_unmute->setVisible(muted);
    // Muted already: the same button mutes again for the duration now chosen.
    m_mute->setText(muted ? tr("Mute again") : tr("Mute"));
}

void NotificationSettingsPage::updateQuietHints()
{
    const bool on = m_quietEnabled->isChecked();
    for (QWidget *widget : {static_cast<QWidget *>(m_quietStart),
                            static_cast<QWidget *>(m_quietEnd), static_cast<QWidget *>(m_fromLabel),
                            static_cast<QWidget *>(m_toLabel), static_cast<QWidget *>(m_daysLabel)})
        widget->setEnabled(on);
    for (QPushButton *day : std::as_const(m_days))
        day->setEnabled(on);
    const int start = minutesOf(m_quietStart->time());
    const int end = minutesOf(m_quietEnd->time());
    QString span;
    if (start == end)
        span = tr("Quiet all day on the days chosen.");
    else if (end < start)
        span = tr("Each quiet period ends the next day at %1.")
                   .arg(m_quietEnd->time().toString(u"HH:mm"_s));
    const QString zone = tr("Times are in this computer's time zone (%1).")
                             .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    m_quietHint->setText(span.isEmpty() ? zone : span + u' ' + zone);
}

void NotificationSettingsPage::showSaved()
{
    m_syncState->setText(tr("Saved. Your other devices follow."));
}

void NotificationSettingsPage::showRefused(const ApiError &error)
{
    m_syncState->setText(error.code == ApiError::Code::InvalidSettings
                             ? tr("The server did not accept this change (%1), so the settings "
                                  "are as they were.")
                                   .arg(error.field)
                             : tr("The server did not accept this change, so the settings are "
                                  "as they were."));
}

} // namespace moim::ui
