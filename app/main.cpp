// Moim, the desktop client: parses the command line, loads the translation, wires core to the
// windows. Everything else lives in core (what Moim knows) and ui (what Moim shows).
#include "account/account.h"
#include "auth/session_manager.h"
#include "desktop/appearance_controller.h"
#include "first_paint_probe.h"
#include "language.h"
#include "net/api_client.h"
#include "net/server_address.h"
#include "platform/log_file.h"
#include "platform/single_instance.h"
#include "secrets/keychain_secret_store.h"
#include "storage/preferences.h"
#include "storage/profile.h"
#include "window_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int terminationSockets[2] = {-1, -1};

void onTerminationSignal(int)
{
    // Only what is async-signal-safe: the event loop does the rest.
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(terminationSockets[1], &byte, 1);
}

// SIGTERM (the desktop session ending, a system shutdown, `kill`), SIGINT and SIGHUP quit like
// Quit in the tray does, so that everything a clean exit does happens: above all, a
// shared-computer session deletes its local data then instead of at the next start.
void quitOnTerminationSignals(moim::ui::WindowController *windows)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, terminationSockets) != 0)
        return;
    auto *notifier = new QSocketNotifier(terminationSockets[0], QSocketNotifier::Read, windows);
    QObject::connect(notifier, &QSocketNotifier::activated, windows, [windows] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(terminationSockets[0], &byte, 1);
        windows->quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int number : {SIGTERM, SIGINT, SIGHUP})
        sigaction(number, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    moim::ui::FirstPaintProbe::mark("main");
    QCoreApplication::setApplicationName(u"moim"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MOIM_VERSION));
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Moim, a desktop messenger for work."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s,
        u"Server URL (default %1). Plain http only to this computer."_s.arg(
            QLatin1StringView(moim::ServerAddress::DefaultUrl)),
        u"URL"_s, QLatin1StringView(moim::ServerAddress::DefaultUrl));
    const QCommandLineOption profileOption(
        u"profile"_s,
        u"Profile: separate settings, cache and keychain entries (default: default)."_s, u"NAME"_s,
        QLatin1StringView(moim::Profile::DefaultName));
    const QCommandLineOption languageOption(
        u"lang"_s,
        u"Language for this run: ko or en (default: as chosen in Preferences, else the "
        "system's)."_s,
        u"LANG"_s);
    const QCommandLineOption backgroundOption(
        u"background"_s,
        u"Start in the tray without opening a window (as at log-in); minimised without a tray."_s);
    const QCommandLineOption verboseOption(u"verbose"_s,
                                           u"Log more detail, and copy the log to the terminal."_s);
    parser.addOptions(
        {serverOption, profileOption, languageOption, backgroundOption, verboseOption});
    parser.addPositionalArgument(u"link"_s,
                                 u"An invitation or password reset link: moim://invite/… or "
                                 "moim://reset/…"_s,
                                 u"[link]"_s);
    // Help and version need no display: answer them before QApplication connects to one. The
    // full parse comes after it, once Qt has taken its own options (-platform, -style…) out.
    if (parser.parse(arguments) && (parser.isSet(helpOption) || parser.isSet(versionOption))) {
        QCoreApplication terminalOnly(argc, argv);
        if (parser.isSet(versionOption))
            parser.showVersion();
        parser.showHelp(0);
    }
    QApplication app(argc, argv);
    moim::ui::FirstPaintProbe::mark("application");
    QApplication::setApplicationDisplayName(u"Moim"_s);
    QApplication::setDesktopFileName(u"moim"_s);
    parser.process(app);
    if (parser.positionalArguments().size() > 1) {
        QTextStream(stderr) << "moim: give at most one link." << Qt::endl;
        return 2;
    }
    const QString link = parser.positionalArguments().value(0);

    QTextStream err(stderr);
    const auto server = moim::ServerAddress::parse(parser.value(serverOption));
    if (!server.isValid()) {
        err << "moim: " << parser.value(serverOption) << " is not a usable server address"
            << (server.problem() == moim::ServerAddress::Problem::InsecureRemote
                    ? ": plain http is allowed only to this computer; use https."
                    : ".")
            << Qt::endl;
        return 2;
    }
    const QString profileName = parser.value(profileOption);
    if (!moim::Profile::isValidName(profileName)) {
        err << "moim: profile names use letters, digits, '-' and '_' only." << Qt::endl;
        return 2;
    }
    // One Moim per profile: a second start hands its link to the first and leaves.
    moim::SingleInstance instance(profileName);
    if (!instance.becomePrimary()) {
        if (instance.sendToPrimary(link))
            return 0;
        err << "moim: another Moim is running for profile " << profileName
            << " but does not answer." << Qt::endl;
        return 1;
    }

    const moim::Profile profile(profileName);
    moim::Preferences preferences(profile.settingsFile());
    // --lang for this run, else the language chosen in Preferences, else the system's.
    QString language = parser.value(languageOption);
    if (!language.isEmpty() && language != "ko"_L1 && language != "en"_L1) {
        err << "moim: --lang takes ko or en." << Qt::endl;
        return 2;
    }
    if (language.isEmpty())
        language = preferences.language();
    if (language.isEmpty())
        language = moim::ui::systemLanguage();
    if (!moim::ui::installLanguage(app, language))
        err << "moim: the " << language << " translation is missing; showing English." << Qt::endl;
    moim::ui::followLanguageChoice(app, &preferences);
    moim::ui::FirstPaintProbe::mark("language");
    moim::LogFile log(moim::LogFile::defaultDirectory(profileName));
    if (!log.open())
        err << "moim: cannot write the log in " << log.filePath() << Qt::endl;
    log.install(parser.isSet(verboseOption));

    // Before the first window: its colours, and the proxy its first request goes through.
    moim::ui::AppearanceController appearance(app, &preferences);
    preferences.proxy().apply();
    moim::ui::FirstPaintProbe::installIfRequested();
    moim::ui::FirstPaintProbe::mark("theme");

    moim::ApiClient api(server, u"moim-desktop"_s, QStringLiteral(MOIM_VERSION));
    moim::KeychainSecretStore secrets(moim::SessionManager::keychainService(profile, &api));
    moim::SessionManager sessions(profile, &api, &secrets);
    QObject::connect(&preferences, &moim::Preferences::proxyChanged, &sessions,
                     [&sessions](const moim::ProxySettings &proxy) {
                         proxy.apply();
                         // Offline because of the old proxy? Try the new one at once.
                         if (sessions.account())
                             sessions.account()->retryNow();
                     });
    moim::ui::WindowController windows(&sessions, &preferences);
    moim::ui::FirstPaintProbe::mark("session");
    windows.setAppearance(&appearance);
    QObject::connect(&windows, &moim::ui::WindowController::quitRequested, &app,
                     &QCoreApplication::quit, Qt::QueuedConnection);
    quitOnTerminationSignals(&windows);
    windows.start(parser.isSet(backgroundOption));
    QObject::connect(&instance, &moim::SingleInstance::activationRequested, &windows,
                     &moim::ui::WindowController::openLink);
    if (!link.isEmpty())
        windows.openLink(link);
    return QApplication::exec();
}
