// moim-mock-server: parses the command line and runs one MockServer (or the admin subcommand).
#include "admin_command.h"
#include "demo_seeder.h"
#include "http_listener.h"
#include "mock_server.h"
#include "server_options.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {

// The usual soft limit of 1024 descriptors is below what the connection caps allow (512 HTTP
// connections plus WebSockets and the database); out of descriptors, a server cannot even accept
// the connection that would tell it to close another. The hard limit is the system's to set.
void raiseDescriptorLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? rlim_t(65536) : limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("moim-mock-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOIM_VERSION));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1StringView("admin"))
        return moim::server::AdminCommand::run(arguments);

    moim::server::ServerConfig config;
    QString message;
    if (!moim::server::ServerOptions::parse(arguments, &config, &message)) {
        const bool informational = arguments.contains(QStringLiteral("--help")) ||
                                   arguments.contains(QStringLiteral("-h")) ||
                                   arguments.contains(QStringLiteral("--version")) ||
                                   arguments.contains(QStringLiteral("-v"));
        QTextStream(informational ? stdout : stderr) << message << Qt::endl;
        return informational ? 0 : 2;
    }

    raiseDescriptorLimit();
    moim::server::HttpListener::keepLargeBuffers();
    moim::server::MockServer server(config);
    QString error;
    if (!server.start(&error)) {
        QTextStream(stderr) << "moim-mock-server: " << error << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    if (config.demo) {
        const QString mailCommand = QCoreApplication::applicationFilePath() +
                                    QStringLiteral(" admin --data ") + server.config().dataDir +
                                    QStringLiteral(" mail");
        out << moim::server::DemoSeeder::credentialsText(server.url().toString(), mailCommand)
            << '\n';
    }
    // Exactly one line in this form; tests and scripts parse it to find the port.
    out << "Listening on " << server.url().toString() << Qt::endl;
    std::fflush(stdout);
    return app.exec();
}
