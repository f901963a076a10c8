#include "preferences_dialog.h"

#include "appearance_controller.h"
#include "common/notice.h"
#include "language.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace moim::ui {

using namespace Qt::StringLiterals;

namespace {

QLabel *caption(QWidget *parent)
{
    auto *label = new QLabel(parent);
    setRole(label, "caption");
    label->setWordWrap(true);
    // Lined up under the text of the check box above it.
    label->setContentsMargins(28, 0, 0, 0);
    return label;
}

QFrame *section(QWidget *parent)
{
    auto *frame = new QFrame(parent);
    setRole(frame, "section");
    return frame;
}

} // namespace

PreferencesDialog::PreferencesDialog(Preferences *preferences, AutostartEntry autostart,
                                     bool trayAvailable, AppearanceController *appearance,
                                     QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_autostartEntry(std::move(autostart))
    , m_trayAvailable(trayAvailable)
    , m_appearance(appearance)
    , m_title(new QLabel(this))
    , m_close(new QPushButton(this))
{
    setObjectName(u"PreferencesDialog"_s);
    setAttribute(Qt::WA_StyledBackground);
    setRole(m_title, "title");
    setRole(m_close, "secondary");
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(buildStartupSection());
    layout->addWidget(buildAppearanceSection());
    layout->addWidget(buildProxySection());
    layout->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    if (m_appearance)
        connect(m_appearance, &AppearanceController::schemeChanged, this,
                &PreferencesDialog::updateAppearanceCaption);
    retranslate();
    fitPortField();
    resize(560, 0);
    fitHeight();
}

void PreferencesDialog::fitPortField()
{
    // Five digits and the field's padding, at whatever size the text is.
    m_proxyPort->setFixedWidth(m_proxyPort->fontMetrics().horizontalAdvance(u"655350"_s) + 32);
}

void PreferencesDialog::fitHeight()
{
    // Wrapped text makes the height depend on the width, which a window's minimum size does
    // not follow by itself: grow to fit a notice that appeared, rather than squeeze the fields.
    layout()->activate();
    // Larger text can also need more width than the dialog was opened with.
    const int width = std::max(this->width(), minimumSizeHint().width());
    const int needed = hasHeightForWidth() ? heightForWidth(width) : sizeHint().height();
    if (height() < needed || width > this->width())
        resize(width, std::max(height(), needed));
}

QWidget *PreferencesDialog::buildStartupSection()
{
    QFrame *frame = section(this);
    m_startupHeading = new QLabel(frame);
    setRole(m_startupHeading, "heading");
    m_autostart = new QCheckBox(frame);
    m_autostartCaption = caption(frame);
    m_closeToTray = new QCheckBox(frame);
    m_closeToTrayCaption = caption(frame);
    m_startupNotice = new Notice(Notice::Kind::Error, frame);
    m_startupNotice->hide();

    // The entry on disk is the setting: the desktop's own start-up settings may have changed it.
    m_autostart->setChecked(m_autostartEntry.isEnabled());
    connect(m_autostart, &QCheckBox::toggled, this, [this](bool enabled) {
        QString error;
        if (m_autostartEntry.setEnabled(enabled, &error)) {
            m_startupNotice->hide();
            return;
        }
        m_startupNotice->setMessage(
            enabled ? tr("Moim could not add itself to the programs that start when you log in "
                         "(%1).")
                          .arg(error)
                    : tr("Moim could not remove itself from the programs that start when you "
                         "log in (%1).")
                          .arg(error));
        m_startupNotice->show();
        fitHeight();
        const QSignalBlocker blocker(m_autostart);
        m_autostart->setChecked(m_autostartEntry.isEnabled());
    });

    // Without a tray, closing the window has to quit: the choice is shown but cannot be made.
    m_closeToTray->setEnabled(m_trayAvailable);
    m_closeToTray->setChecked(m_trayAvailable && m_preferences->closeToTray());
    connect(m_closeToTray, &QCheckBox::toggled, m_preferences, &Preferences::setCloseToTray);

    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(4);
    layout->addWidget(m_startupHeading);
    layout->addSpacing(6);
    layout->addWidget(m_autostart);
    layout->addWidget(m_autostartCaption);
    layout->addSpacing(8);
    layout->addWidget(m_closeToTray);
    layout->addWidget(m_closeToTrayCaption);
    layout->addWidget(m_startupNotice);
    return frame;
}

QWidget *PreferencesDialog::buildAppearanceSection()
{
    QFrame *frame = section(this);
    m_appearanceHeading = new QLabel(frame);
    setRole(m_appearanceHeading, "heading");
    m_appearanceGroup = new QButtonGroup(frame);
    auto *choices = new QHBoxLayout;
    choices->setSpacing(20);
    for (const auto appearance : {Preferences::Appearance::System, Preferences::Appearance::Light,
                                  Preferences::Appearance::Dark}) {
        auto *button = new QRadioButton(frame);
        m_appearanceGroup->addButton(button, int(appearance));
        choices->addWidget(button);
    }
    choices->addStretch(1);
    m_appearanceGroup->button(int(m_preferences->appearance()))->setChecked(true);
    // Toggled, not clicked: a screen reader's Toggle action and the arrow keys check a radio
    // button without clicking it, and must act the same.
    connect(m_appearanceGroup, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (!checked)
            return;
        m_preferences->setAppearance(Preferences::Appearance(id));
        updateAppearanceCaption();
    });
    m_appearanceCaption = caption(frame);
    m_appearanceCaption->setContentsMargins(0, 0, 0, 0);

    m_languageLabel = new QLabel(frame);
    m_language = new QComboBox(frame);
    m_textSizeLabel = new QLabel(frame);
    m_textSize = new QComboBox(frame);
    m_textSizeCaption = caption(frame);
    m_textSizeCaption->setContentsMargins(0, 0, 0, 0);
    for (QLabel *label : {m_languageLabel, m_textSizeLabel})
        setRole(label, "fieldLabel");
    m_languageLabel->setBuddy(m_language);
    m_textSizeLabel->setBuddy(m_textSize);
    // Applied at once, like the colours: every screen retranslates itself.
    // Any change of choice, by mouse, keys or a screen reader, not only a click in the list.
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { m_preferences->setLanguage(m_language->currentData().toString()); });
    connect(m_textSize, &QComboBox::currentIndexChanged, this,
            [this] { m_preferences->setTextSize(m_textSize->currentData().toInt()); });
    // Ctrl+= and Ctrl+- change it from anywhere, this dialog included.
    connect(m_preferences, &Preferences::textSizeChanged, this, [this] {
        fillTextSizes();
        fitPortField();
        fitHeight();
    });
    auto *choiceGrid = new QGridLayout;
    choiceGrid->setHorizontalSpacing(12);
    choiceGrid->setVerticalSpacing(4);
    choiceGrid->addWidget(m_languageLabel, 0, 0);
    choiceGrid->addWidget(m_textSizeLabel, 0, 1);
    choiceGrid->addWidget(m_language, 1, 0);
    choiceGrid->addWidget(m_textSize, 1, 1);
    choiceGrid->setColumnStretch(0, 3);
    choiceGrid->setColumnStretch(1, 2);

    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(4);
    layout->addWidget(m_appearanceHeading);
    layout->addSpacing(6);
    layout->addLayout(choices);
    layout->addWidget(m_appearanceCaption);
    layout->addSpacing(10);
    layout->addLayout(choiceGrid);
    layout->addWidget(m_textSizeCaption);
    return frame;
}

QWidget *PreferencesDialog::buildProxySection()
{
    QFrame *frame = section(this);
    m_proxyHeading = new QLabel(frame);
    setRole(m_proxyHeading, "heading");
    m_proxyGroup = new QButtonGroup(frame);
    auto *modes = new QVBoxLayout;
    modes->setSpacing(6);
    for (const auto mode :
         {ProxySettings::Mode::System, ProxySettings::Mode::None, ProxySettings::Mode::Manual}) {
        auto *button = new QRadioButton(frame);
        m_proxyGroup->addButton(button, int(mode));
        modes->addWidget(button);
    }

    m_manualFields = new QWidget(frame);
    m_proxyTypeLabel = new QLabel(m_manualFields);
    m_proxyType = new QComboBox(m_manualFields);
    m_proxyType->addItem(u"HTTP"_s, int(ProxySettings::Type::Http));
    m_proxyType->addItem(u"SOCKS5"_s, int(ProxySettings::Type::Socks5));
    m_proxyHostLabel = new QLabel(m_manualFields);
    m_proxyHost = new QLineEdit(m_manualFields);
    m_proxyPortLabel = new QLabel(m_manualFields);
    m_proxyPort = new QLineEdit(m_manualFields);
    m_proxyPort->setValidator(new QIntValidator(1, 65535, m_proxyPort));
    m_proxyPort->setMaxLength(5);
    m_proxyHost->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhUrlCharactersOnly);
    m_proxyPort->setInputMethodHints(Qt::ImhDigitsOnly);
    m_applyProxy = new QPushButton(m_manualFields);
    setRole(m_applyProxy, "primary");
    for (QLabel *label : {m_proxyTypeLabel, m_proxyHostLabel, m_proxyPortLabel})
        setRole(label, "fieldLabel");
    m_proxyTypeLabel->setBuddy(m_proxyType);
    m_proxyHostLabel->setBuddy(m_proxyHost);
    m_proxyPortLabel->setBuddy(m_proxyPort);
    auto *grid = new QGridLayout(m_manualFields);
    grid->setContentsMargins(24, 4, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    grid->addWidget(m_proxyTypeLabel, 0, 0);
    grid->addWidget(m_proxyHostLabel, 0, 1);
    grid->addWidget(m_proxyPortLabel, 0, 2);
    grid->addWidget(m_proxyType, 1, 0);
    grid->addWidget(m_proxyHost, 1, 1);
    grid->addWidget(m_proxyPort, 1, 2);
    grid->setColumnStretch(1, 1);
    auto *applyRow = new QHBoxLayout;
    applyRow->addStretch(1);
    applyRow->addWidget(m_applyProxy);
    grid->addLayout(applyRow, 2, 0, 1, 3);

    m_proxyNotice = new Notice(Notice::Kind::Error, frame);
    m_proxyNotice->hide();

    // The fields show the stored manual proxy even while another mode is chosen.
    const ProxySettings stored = m_preferences->proxy();
    m_proxyGroup->button(int(stored.mode))->setChecked(true);
    m_proxyType->setCurrentIndex(m_proxyType->findData(int(stored.type)));
    m_proxyHost->setText(stored.host);
    m_proxyPort->setText(stored.port > 0 ? QString::number(stored.port) : QString());
    connect(m_proxyGroup, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            onProxyModeChosen();
    });
    connect(m_applyProxy, &QPushButton::clicked, this, &PreferencesDialog::applyManualProxy);
    connect(m_proxyHost, &QLineEdit::returnPressed, this, &PreferencesDialog::applyManualProxy);
    connect(m_proxyPort, &QLineEdit::returnPressed, this, &PreferencesDialog::applyManualProxy);
    for (QLineEdit *field : {m_proxyHost, m_proxyPort}) {
        connect(field, &QLineEdit::textEdited, this, [this] {
            m_proxyNotice->hide(); // the complaint was about what is being corrected now
            updateProxyFields();
        });
    }
    connect(m_proxyType, &QComboBox::currentIndexChanged, this,
            &PreferencesDialog::updateProxyFields);

    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(4);
    layout->addWidget(m_proxyHeading);
    layout->addSpacing(6);
    layout->addLayout(modes);
    layout->addWidget(m_manualFields);
    layout->addSpacing(4);
    layout->addWidget(m_proxyNotice);
    return frame;
}

QRadioButton *PreferencesDialog::appearanceButton(Preferences::Appearance appearance) const
{
    return qobject_cast<QRadioButton *>(m_appearanceGroup->button(int(appearance)));
}

QRadioButton *PreferencesDialog::proxyModeButton(ProxySettings::Mode mode) const
{
    return qobject_cast<QRadioButton *>(m_proxyGroup->button(int(mode)));
}

ProxySettings PreferencesDialog::proxyFromFields() const
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode(m_proxyGroup->checkedId());
    proxy.type = ProxySettings::Type(m_proxyType->currentData().toInt());
    proxy.host = m_proxyHost->text().trimmed();
    proxy.port = m_proxyPort->text().toInt();
    return proxy;
}

void PreferencesDialog::onProxyModeChosen()
{
    m_proxyNotice->hide();
    const ProxySettings proxy = proxyFromFields();
    if (proxy.mode == ProxySettings::Mode::Manual) {
        // Applied with its button, once complete: half a host name is no proxy to switch to.
        updateProxyFields();
        m_proxyHost->setFocus(Qt::OtherFocusReason);
        return;
    }
    // The manual fields are kept as they are; only the mode changes.
    ProxySettings stored = m_preferences->proxy();
    stored.mode = proxy.mode;
    m_preferences->setProxy(stored);
    updateProxyFields();
}

void PreferencesDialog::applyManualProxy()
{
    if (m_proxyGroup->checkedId() != int(ProxySettings::Mode::Manual))
        return;
    const ProxySettings proxy = proxyFromFields();
    QString problem;
    switch (proxy.problem()) {
    case ProxySettings::Problem::MissingHost:
        problem = tr("Enter the proxy's host name or IP address.");
        break;
    case ProxySettings::Problem::InvalidHost:
        problem = tr("Enter only the proxy's host name or IP address, without http:// or a "
                     "port, for example proxy.example.com.");
        break;
    case ProxySettings::Problem::InvalidPort:
        problem = tr("Enter the proxy's port, a number from 1 to 65535.");
        break;
    case ProxySettings::Problem::None:
        break;
    }
    if (!problem.isEmpty()) {
        m_proxyNotice->setKind(Notice::Kind::Error);
        m_proxyNotice->setMessage(problem);
        m_proxyNotice->show();
        fitHeight();
        (proxy.problem() == ProxySettings::Problem::InvalidPort ? m_proxyPort : m_proxyHost)
            ->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_preferences->setProxy(proxy);
    m_proxyNotice->setKind(Notice::Kind::Info);
    m_proxyNotice->setMessage(
        tr("Moim now connects through %1:%2.").arg(proxy.host).arg(proxy.port));
    m_proxyNotice->show();
    fitHeight();
    updateProxyFields();
}

void PreferencesDialog::updateProxyFields()
{
    const bool manual = m_proxyGroup->checkedId() == int(ProxySettings::Mode::Manual);
    m_manualFields->setEnabled(manual);
    const ProxySettings stored = m_preferences->proxy();
    // Nothing to apply when the fields already say what is in use.
    m_applyProxy->setEnabled(manual && !(stored == proxyFromFields()));
}

void PreferencesDialog::updateAppearanceCaption()
{
    const auto choice = Preferences::Appearance(m_appearanceGroup->checkedId());
    if (choice == Preferences::Appearance::Light) {
        m_appearanceCaption->setText(tr("Moim stays light, whatever your desktop uses."));
        return;
    }
    if (choice == Preferences::Appearance::Dark) {
        m_appearanceCaption->setText(tr("Moim stays dark, whatever your desktop uses."));
        return;
    }
    if (!m_appearance) {
        m_appearanceCaption->setText(tr("Moim follows your desktop's light or dark style."));
        return;
    }
    const bool dark = m_appearance->scheme() == Theme::Scheme::Dark;
    switch (m_appearance->desktopPreference()) {
    case DesktopColorScheme::Preference::PreferDark:
        m_appearanceCaption->setText(tr("Your desktop prefers dark, so Moim is dark."));
        break;
    case DesktopColorScheme::Preference::PreferLight:
        m_appearanceCaption->setText(tr("Your desktop prefers light, so Moim is light."));
        break;
    case DesktopColorScheme::Preference::NoPreference:
        m_appearanceCaption->setText(
            dark ? tr("Your desktop does not say which it prefers; its colours are dark, so "
                      "Moim is dark.")
                 : tr("Your desktop does not say which it prefers, so Moim is light."));
        break;
    }
}

void PreferencesDialog::fillLanguages()
{
    // Each language by its own name, so it can be found by whoever cannot read the other.
    const QString korean = u"한국어"_s;
    const QString english = u"English"_s;
    const QString system =
        tr("Same as the system (%1)").arg(systemLanguage() == "ko"_L1 ? korean : english);
    // Only the texts change once filled: this runs again while the box announces a choice.
    if (m_language->count() == 0) {
        const QSignalBlocker blocker(m_language);
        m_language->addItem(system, QString());
        m_language->addItem(korean, u"ko"_s);
        m_language->addItem(english, u"en"_s);
        m_language->setCurrentIndex(m_language->findData(m_preferences->language()));
    }
    m_language->setItemText(0, system);
}

void PreferencesDialog::fillTextSizes()
{
    const QSignalBlocker blocker(m_textSize);
    const QList<int> steps = Preferences::textSizeSteps();
    if (m_textSize->count() == 0) {
        for (const int percent : steps)
            m_textSize->addItem(QString(), percent);
    }
    for (int i = 0; i < steps.size(); ++i) {
        m_textSize->setItemText(i, steps[i] == 100 ? tr("%1% (normal)").arg(steps[i])
                                                   : tr("%1%").arg(steps[i]));
    }
    m_textSize->setCurrentIndex(m_textSize->findData(m_preferences->textSize()));
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void PreferencesDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    m_title->setText(tr("Preferences"));
    m_startupHeading->setText(tr("Starting and closing"));
    m_autostart->setText(tr("Start Moim when I log in"));
    m_autostartCaption->setText(
        tr("Moim starts in the background, so messages reach you from the moment you log in."));
    m_closeToTray->setText(tr("Keep Moim running in the tray when I close the window"));
    m_closeToTrayCaption->setText(
        m_trayAvailable
            ? tr("Messages keep arriving. Quit from the tray menu or with Ctrl+Q.")
            : tr("Your desktop shows no tray icons, so closing the window quits Moim."));
    m_appearanceHeading->setText(tr("Appearance"));
    m_appearanceGroup->button(int(Preferences::Appearance::System))->setText(tr("System"));
    m_appearanceGroup->button(int(Preferences::Appearance::Light))->setText(tr("Light"));
    m_appearanceGroup->button(int(Preferences::Appearance::Dark))->setText(tr("Dark"));
    m_proxyHeading->setText(tr("Proxy"));
    m_proxyGroup->button(int(ProxySettings::Mode::System))
        ->setText(tr("Use the system's proxy settings"));
    m_proxyGroup->button(int(ProxySettings::Mode::None))->setText(tr("No proxy"));
    m_proxyGroup->button(int(ProxySettings::Mode::Manual))->setText(tr("Manual proxy"));
    m_proxyTypeLabel->setText(tr("Type"));
    m_proxyHostLabel->setText(tr("Host"));
    m_proxyPortLabel->setText(tr("Port"));
    m_proxyType->setAccessibleName(tr("Proxy type"));
    m_proxyHost->setAccessibleName(tr("Proxy host"));
    m_proxyPort->setAccessibleName(tr("Proxy port"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyPort->setPlaceholderText(u"3128"_s);
    m_applyProxy->setText(tr("Use this proxy"));
    m_close->setText(tr("Close"));
    m_languageLabel->setText(tr("Language"));
    m_textSizeLabel->setText(tr("Text size"));
    m_textSizeCaption->setText(tr("Ctrl+= makes text larger, Ctrl+- smaller and Ctrl+0 normal, "
                                  "in every window."));
    fillLanguages();
    fillTextSizes();
    updateAppearanceCaption();
    updateProxyFields();
}

} // namespace moim::ui
