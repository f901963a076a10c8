// moim-phone: signs in like the mobile app, from a terminal.
#include "auth/device_info.h"
#include "auth/session_grant.h"
#include "net/api_client.h"
#include "phone_session.h"
#include "protocol/protocol.h"
#include "storage/profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace moim;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

// Reads one line from standard input; without echo when it is a terminal.
QString readSecretLine(const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    return line;
}

QString describe(const ApiError &error)
{
    switch (error.code) {
    case ApiError::Code::InvalidCredentials:
        return u"The email or password is not right. Check that the address is the one your "
               "workspace invited."_s;
    case ApiError::Code::UnauthorizedUser:
        return u"Unauthorized user: the account has no active workspace. Ask your admin whether "
               "it was deactivated."_s;
    case ApiError::Code::TooManyAttempts:
        return u"Too many attempts. Try again in %1 s."_s.arg(error.retryAfterSeconds);
    case ApiError::Code::UpdateRequired:
        return u"This moim-phone is too old for the server (needs %1 or later)."_s.arg(
            error.minimumVersion);
    case ApiError::Code::Network:
        return u"Cannot reach the server: %1"_s.arg(error.message);
    default:
        return u"Sign-in failed (%1): %2"_s.arg(errorName(error.code), error.message);
    }
}

int login(ApiClient &api, const QString &profileDir, const QString &email, bool passwordFromStdin)
{
    if (email.isEmpty()) {
        err() << "moim-phone login: --email is required" << Qt::endl;
        return 2;
    }
    const QString password = passwordFromStdin ? QTextStream(stdin).readLine()
                                               : readSecretLine(u"Password for %1: "_s.arg(email));
    if (password.isEmpty()) {
        err() << "moim-phone login: no password given" << Qt::endl;
        return 2;
    }

    int exitCode = 1;
    const QJsonObject body{
        {u"email"_s, email},
        {u"password"_s, password},
        {u"device"_s, DeviceInfo{u"moim-phone"_s, u"Phone companion"_s, u"mobile"_s}.toJson()}};
    api.post(protocol::path::Login, body, {}, &api, [&](const ApiResult &result) {
        if (!result.ok()) {
            err() << describe(result.error) << Qt::endl;
        } else if (const auto grant = SessionGrant::fromJson(result.body)) {
            const phone::PhoneSession session(profileDir);
            if (!session.save(*grant)) {
                err() << "Signed in, but could not save the session in " << profileDir << Qt::endl;
            } else {
                out() << "Signed in on this phone as " << grant->account.displayName << " <"
                      << grant->account.email << ">" << Qt::endl;
                for (const Workspace &workspace : grant->workspaces)
                    out() << "  workspace: " << workspace.name << Qt::endl;
                exitCode = 0;
            }
        } else {
            err() << "The server answered with something that is not a session." << Qt::endl;
        }
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"moim-phone"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MOIM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A command-line stand-in for the Moim mobile app.\n\n"
        "Commands:\n"
        "  login --email EMAIL [--password-stdin]   sign in as a phone"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        u"server"_s,
        u"Server URL (default %1)."_s.arg(QLatin1StringView(ServerAddress::DefaultUrl)), u"URL"_s,
        QLatin1StringView(ServerAddress::DefaultUrl));
    const QCommandLineOption profileOption(u"profile"_s,
                                           u"Folder that keeps this phone's session."_s, u"DIR"_s);
    const QCommandLineOption emailOption(u"email"_s, u"Work email to sign in with."_s, u"EMAIL"_s);
    const QCommandLineOption passwordStdinOption(u"password-stdin"_s,
                                                 u"Read the password from standard input."_s);
    parser.addOptions({serverOption, profileOption, emailOption, passwordStdinOption});
    parser.addPositionalArgument(u"command"_s, u"login"_s);
    parser.process(app);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty()) {
        parser.showHelp(2);
    }

    const ServerAddress server = ServerAddress::parse(parser.value(serverOption));
    if (!server.isValid()) {
        err() << "moim-phone: " << parser.value(serverOption)
              << " is not a usable server address (plain http only to this computer)." << Qt::endl;
        return 2;
    }
    QString profileDir = parser.value(profileOption);
    if (profileDir.isEmpty()) {
        profileDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                     u"/moim-phone/default"_s;
    }

    ApiClient api(server, u"moim-phone"_s, QStringLiteral(MOIM_VERSION));
    const QString command = arguments.first();
    if (command == "login"_L1)
        return login(api, profileDir, parser.value(emailOption), parser.isSet(passwordStdinOption));

    err() << "moim-phone: unknown command " << command << " (see --help)" << Qt::endl;
    return 2;
}
