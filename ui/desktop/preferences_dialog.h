#pragma once

#include "net/proxy_settings.h"
#include "platform/autostart_entry.h"
#include "storage/preferences.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace moim::ui {

class AppearanceController;
class Notice;

// Preferences, from the account menu (and Ctrl+,): starting at log-in and closing to the tray,
// Light/Dark/System, language and text size, and the proxy. Toggles take effect at once; a manual
// proxy is applied with its button once it is complete, and what was typed stays in the fields even
// when it is wrong.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(Preferences *preferences, AutostartEntry autostart, bool trayAvailable,
                      AppearanceController *appearance = nullptr, QWidget *parent = nullptr);

    QCheckBox *autostartBox() const { return m_autostart; }
    QCheckBox *closeToTrayBox() const { return m_closeToTray; }
    QRadioButton *appearanceButton(Preferences::Appearance appearance) const;
    QLabel *appearanceCaption() const { return m_appearanceCaption; }
    QComboBox *languageBox() const { return m_language; }
    QComboBox *textSizeBox() const { return m_textSize; }
    QRadioButton *proxyModeButton(ProxySettings::Mode mode) const;
    QComboBox *proxyTypeBox() const { return m_proxyType; }
    QLineEdit *proxyHostField() const { return m_proxyHost; }
    QLineEdit *proxyPortField() const { return m_proxyPort; }
    QPushButton *applyProxyButton() const { return m_applyProxy; }
    Notice *startupNotice() const { return m_startupNotice; }
    Notice *proxyNotice() const { return m_proxyNotice; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildStartupSection();
    QWidget *buildAppearanceSection();
    QWidget *buildProxySection();
    void retranslate();
    void fitHeight();
    void fitPortField();
    void updateAppearanceCaption();
    void fillLanguages();
    void fillTextSizes();
    void updateProxyFields();
    ProxySettings proxyFromFields() const;
    void onProxyModeChosen();
    void applyManualProxy();

    Preferences *m_preferences;
    AutostartEntry m_autostartEntry;
    bool m_trayAvailable;
    QPointer<AppearanceController> m_appearance;

    QLabel *m_title;
    QLabel *m_startupHeading;
    QCheckBox *m_autostart;
    QLabel *m_autostartCaption;
    QCheckBox *m_closeToTray;
    QLabel *m_closeToTrayCaption;
    Notice *m_startupNotice;
    QLabel *m_appearanceHeading;
    QButtonGroup *m_appearanceGroup;
    QLabel *m_appearanceCaption;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QLabel *m_textSizeLabel;
    QComboBox *m_textSize;
    QLabel *m_textSizeCaption;
    QLabel *m_proxyHeading;
    QButtonGroup *m_proxyGroup;
    QWidget *m_manualFields;
    QLabel *m_proxyTypeLabel;
    QComboBox *m_proxyType;
    QLabel *m_proxyHostLabel;
    QLineEdit *m_proxyHost;
    QLabel *m_proxyPortLabel;
    QLineEdit *m_proxyPort;
    QPushButton *m_applyProxy;
    Notice *m_proxyNotice;
    QPushButton *m_close;
};

} // namespace moim::ui
