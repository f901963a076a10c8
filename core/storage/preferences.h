#pragma once

#include "net/proxy_settings.h"

#include <QObject>
#include <memory>

class QSettings;

namespace moim {

// What the user chose in Preferences, kept in the profile's settings file: close to the tray,
// light/dark/system appearance, language, text size, and the proxy. Whoever applies a choice
// listens to its signal. (Starting at log-in is not here: the autostart entry itself is that
// setting.)
class Preferences : public QObject
{
    Q_OBJECT

public:
    enum class Appearance
    {
        System,
        Light,
        Dark
    };
    Q_ENUM(Appearance)

    explicit Preferences(const QString &settingsFile, QObject *parent = nullptr);
    ~Preferences() override;

    // Closing the main window keeps Moim in the tray (when there is one). On by default, as in
    // the messengers people know; without a tray, closing always quits.
    bool closeToTray() const;
    void setCloseToTray(bool enabled);

    Appearance appearance() const;
    void setAppearance(Appearance appearance);

    // "ko" or "en", or empty to follow the system. A start with --lang overrides it for that run.
    QString language() const;
    // False for anything but "ko", "en" and empty.
    bool setLanguage(const QString &language);

    // Text size in percent of the normal size, one of textSizeSteps(); 100 by default.
    int textSize() const;
    void setTextSize(int percent);
    // The sizes offered, smallest first: WCAG asks for text that grows to 200 %.
    static QList<int> textSizeSteps();
    // The next step up (direction > 0) or down from a size, or the same at either end.
    static int steppedTextSize(int percent, int direction);

    ProxySettings proxy() const;
    // Stores and announces a valid choice; an invalid manual proxy is refused (false).
    bool setProxy(const ProxySettings &proxy);

    // Asked once: whether Moim already told the user it keeps running in the tray.
    bool trayHintShown() const;
    void setTrayHintShown();

Q_SIGNALS:
    void closeToTrayChanged(bool enabled);
    void appearanceChanged(moim::Preferences::Appearance appearance);
    void languageChanged(const QString &language);
    void textSizeChanged(int percent);
    void proxyChanged(const moim::ProxySettings &proxy);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace moim
