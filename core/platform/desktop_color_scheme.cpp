#include "desktop_color_scheme.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcColorScheme, "moim.core.colorscheme")

namespace moim {

using namespace Qt::StringLiterals;

namespace {
// A running portal answers in milliseconds; a hung one must not hold up the first window.
constexpr int ReadTimeoutMs = 500;

// Read() wraps the value in a variant, and older portals wrap it twice.
QVariant unwrap(QVariant value)
{
    while (value.metaType() == QMetaType::fromType<QDBusVariant>())
        value = qvariant_cast<QDBusVariant>(value).variant();
    return value;
}
} // namespace

DesktopColorScheme::DesktopColorScheme(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    if (!m_bus.isConnected())
        return;
    const QString service = QLatin1StringView(PortalService);
    // QtDBus finds the slot by its exact normalized signature (no spaces, hence no format), and
    // its argument types by name: QDBusVariant must be registered before, or the hook fails.
    qRegisterMetaType<QDBusVariant>();
    // clang-format off
    if (!m_bus.connect(service, QLatin1StringView(PortalPath), QLatin1StringView(SettingsInterface),
                       u"SettingChanged"_s, this,
                       SLOT(onSettingChanged(QString,QString,QDBusVariant))))
        qCWarning(lcColorScheme) << "cannot follow the desktop's colour scheme";
    // clang-format on

    // Asked only when it already runs: a call to a name nobody owns makes the bus start its
    // service, and where the desktop runs no portal that wakes a chain of them (portal,
    // document store, permission store, ~135 MiB) for one colour. A portal started later by
    // someone else is read when it appears.
    const bool running = m_bus.interface() && m_bus.interface()->isServiceRegistered(service);
    if (running) {
        const QDBusMessage reply = m_bus.call(readRequest(), QDBus::Block, ReadTimeoutMs);
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty())
            setPreference(reply.arguments().constFirst());
        else
            qCInfo(lcColorScheme) << "the desktop portal did not say:" << reply.errorMessage();
        return;
    }
    auto *appearance =
        new QDBusServiceWatcher(service, m_bus, QDBusServiceWatcher::WatchForRegistration, this);
    connect(appearance, &QDBusServiceWatcher::serviceRegistered, this, [this, appearance] {
        appearance->deleteLater();
        auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(readRequest()), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this](QDBusPendingCallWatcher *call) {
                    call->deleteLater();
                    const QDBusMessage reply = call->reply();
                    // A SettingChanged that came first knows better.
                    if (!m_portalAnswered && reply.type() == QDBusMessage::ReplyMessage &&
                        !reply.arguments().isEmpty())
                        setPreference(reply.arguments().constFirst());
                });
    });
}

QDBusMessage DesktopColorScheme::readRequest()
{
    QDBusMessage read = QDBusMessage::createMethodCall(
        QLatin1StringView(PortalService), QLatin1StringView(PortalPath),
        QLatin1StringView(SettingsInterface), u"Read"_s);
    read << QLatin1StringView(AppearanceNamespace) << QLatin1StringView(ColorSchemeKey);
    // Never the one to start a portal (see the constructor).
    read.setAutoStartService(false);
    return read;
}

void DesktopColorScheme::onSettingChanged(const QString &group, const QString &key,
                                          const QDBusVariant &value)
{
    if (group == QLatin1StringView(AppearanceNamespace) && key == QLatin1StringView(ColorSchemeKey))
        setPreference(value.variant());
}

void DesktopColorScheme::setPreference(const QVariant &value)
{
    m_portalAnswered = true;
    bool ok = false;
    const uint number = unwrap(value).toUInt(&ok);
    Preference preference = Preference::NoPreference;
    if (ok && number == uint(Preference::PreferDark))
        preference = Preference::PreferDark;
    else if (ok && number == uint(Preference::PreferLight))
        preference = Preference::PreferLight;
    if (preference == m_preference)
        return;
    m_preference = preference;
    Q_EMIT preferenceChanged(preference);
}

ColorScheme DesktopColorScheme::resolve(Preferences::Appearance choice, Preference desktop,
                                        ColorScheme fallback)
{
    switch (choice) {
    case Preferences::Appearance::Light:
        return ColorScheme::Light;
    case Preferences::Appearance::Dark:
        return ColorScheme::Dark;
    case Preferences::Appearance::System:
        break;
    }
    if (desktop == Preference::PreferDark)
        return ColorScheme::Dark;
    if (desktop == Preference::PreferLight)
        return ColorScheme::Light;
    return fallback;
}

} // namespace moim
