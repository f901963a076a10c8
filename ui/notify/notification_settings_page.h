#pragma once

#include "notify/notification_policy.h"
#include "protocol/notification_settings.h"

#include <QDialog>
#include <QPointer>

class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTimeEdit;
class QTimer;

namespace moim {
class Account;
struct ApiError;
} // namespace moim

namespace moim::ui {

// One workspace's notification settings: what to be told about, muting for a while, quiet
// hours, preview, sound and whether its badge counts toward the total. Every change applies at
// once (through NotificationPreferences, which keeps it until the server has it); nothing here
// talks to the network. Another workspace's settings are never touched.
class NotificationSettingsPage : public QDialog
{
    Q_OBJECT

public:
    NotificationSettingsPage(Account *account, QString workspaceId, QWidget *parent = nullptr);

    QString workspaceId() const { return m_workspaceId; }
    // The settings as this page shows them.
    NotificationSettings shownSettings() const;

    QRadioButton *levelButton(NotificationSettings::Level level) const;
    QComboBox *muteDurationBox() const { return m_muteDuration; }
    QPushButton *muteButton() const { return m_mute; }
    QPushButton *unmuteButton() const { return m_unmute; }
    QLabel *muteState() const { return m_muteState; }
    QCheckBox *quietHoursBox() const { return m_quietEnabled; }
    QTimeEdit *quietStartEdit() const { return m_quietStart; }
    QTimeEdit *quietEndEdit() const { return m_quietEnd; }
    QAbstractButton *dayButton(int isoWeekday) const;
    QLabel *quietHint() const { return m_quietHint; }
    QCheckBox *previewBox() const { return m_preview; }
    QCheckBox *soundBox() const { return m_sound; }
    QCheckBox *countInTotalBox() const { return m_countInTotal; }
    QLabel *syncState() const { return m_syncState; }

    void mute(NotificationPolicy::MuteDuration duration);
    void unmute();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildLevelSection();
    QWidget *buildMuteSection();
    QWidget *buildQuietSection();
    QWidget *buildOptionsSection();
    void retranslate();
    void fitToTextSize();
    // Shows the stored settings (at start, and when they change elsewhere).
    void showSettings();
    void updateMuteState();
    void updateQuietHints();
    // Applies what the page shows.
    void commit();
    void showSaved();
    void showRefused(const ApiError &error);

    QPointer<Account> m_account;
    QString m_workspaceId;
    bool m_showing = false; // filling the controls: their signals are not the user's

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_levelTitle;
    QButtonGroup *m_levels;
    QRadioButton *m_levelAll;
    QRadioButton *m_levelMentions;
    QRadioButton *m_levelNothing;
    QLabel *m_muteTitle;
    QLabel *m_muteIcon;
    QLabel *m_muteState;
    QComboBox *m_muteDuration;
    QPushButton *m_mute;
    QPushButton *m_unmute;
    QLabel *m_quietTitle;
    QCheckBox *m_quietEnabled;
    QLabel *m_fromLabel;
    QTimeEdit *m_quietStart;
    QLabel *m_toLabel;
    QTimeEdit *m_quietEnd;
    QLabel *m_quietHint;
    QLabel *m_daysLabel;
    QList<QPushButton *> m_days; // Monday first
    QLabel *m_optionsTitle;
    QCheckBox *m_preview;
    QCheckBox *m_sound;
    QCheckBox *m_countInTotal;
    QLabel *m_syncState;
    QPushButton *m_done;
    QTimer *m_timeCommit; // typing a time commits once it settles
};

} // namespace moim::ui
