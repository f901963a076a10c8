#include "server_options.h"

#include "client_version.h"

#include <QCommandLineParser>
#include <QDir>

namespace moim::server {

bool ServerOptions::parseListen(const QString &value, QString *host, quint16 *port)
{
    QString hostPart = value;
    QString portPart;
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        hostPart = value.mid(1, close - 1);
        const QString rest = value.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            portPart = rest.mid(1);
        }
    } else if (const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
               colon >= 0 && value.count(QLatin1Char(':')) == 1) {
        hostPart = value.left(colon);
        portPart = value.mid(colon + 1);
    }
    if (hostPart.isEmpty())
        return false;
    *host = hostPart;
    if (!portPart.isEmpty()) {
        bool ok = false;
        const uint parsed = portPart.toUInt(&ok);
        if (!ok || parsed > 65535)
            return false;
        *port = quint16(parsed);
    }
    return true;
}

bool ServerOptions::parse(const QStringList &arguments, ServerConfig *config, QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Moim mock server. Admin calls: moim-mock-server admin --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on (port 0: any free port)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8765"));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data folder."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Seed the demo company if the database is empty."));
    const QCommandLineOption devMailbox(
        QStringLiteral("dev-mailbox"),
        QStringLiteral("Keep the mails the server sends for the admin to read (implied by "
                       "--demo): moim-mock-server admin mail."));
    const QCommandLineOption minVersion(
        QStringLiteral("min-client-version"),
        QStringLiteral("Answer older clients with update_required."), QStringLiteral("V"));
    const QCommandLineOption clockOffset(QStringLiteral("clock-offset"),
                                         QStringLiteral("Shift the server clock (seconds)."),
                                         QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption allowRemote(
        QStringLiteral("allow-remote"),
        QStringLiteral("Allow listening on a non-loopback address (plain http, admin API stays "
                       "loopback-only)."));
    const QCommandLineOption chatter(
        QStringLiteral("chatter"),
        QStringLiteral("Demo members post a message every SECONDS (with mentions)."),
        QStringLiteral("SECONDS"), QStringLiteral("0"));
    const QCommandLineOption pingInterval(
        QStringLiteral("ping-interval-ms"),
        QStringLiteral("Ping event streams every MS milliseconds (told to clients in ready)."),
        QStringLiteral("MS"), QString::number(config->pingInterval.count()));
    parser.addOptions({listen, data, demo, devMailbox, minVersion, clockOffset, allowRemote,
                       chatter, pingInterval});

    if (!parser.parse(arguments)) {
        *message = parser.errorText() + QLatin1Char('\n') + parser.helpText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *message = parser.helpText();
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        *message = QStringLiteral("moim-mock-server " MOIM_VERSION);
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = QStringLiteral("unexpected argument: %1\n%2")
                       .arg(parser.positionalArguments().constFirst(), parser.helpText());
        return false;
    }
    if (!parseListen(parser.value(listen), &config->host, &config->port)) {
        *message = QStringLiteral("--listen expects HOST:PORT, got %1").arg(parser.value(listen));
        return false;
    }
    if (parser.isSet(data))
        config->dataDir = QDir(parser.value(data)).absolutePath();
    config->demo = parser.isSet(demo);
    config->devMailbox = parser.isSet(devMailbox);
    config->allowRemote = parser.isSet(allowRemote);
    if (parser.isSet(minVersion)) {
        config->minClientVersion = parser.value(minVersion);
        if (!ClientVersion::isValid(config->minClientVersion)) {
            *message = QStringLiteral("--min-client-version expects a version like 0.2.0");
            return false;
        }
    }
    bool chatterOk = false;
    config->chatterSeconds = parser.value(chatter).toInt(&chatterOk);
    if (!chatterOk || config->chatterSeconds < 0) {
        *message = QStringLiteral("--chatter expects a number of seconds");
        return false;
    }
    bool pingOk = false;
    const qint64 pingMs = parser.value(pingInterval).toLongLong(&pingOk);
    // Below 100 ms the pings would be most of the traffic; above an hour no proxy keeps the
    // connection open.
    if (!pingOk || pingMs < 100 || pingMs > 3'600'000) {
        *message = QStringLiteral("--ping-interval-ms expects milliseconds from 100 to 3600000");
        return false;
    }
    config->pingInterval = std::chrono::milliseconds(pingMs);
    bool ok = false;
    config->clockOffsetSeconds = parser.value(clockOffset).toLongLong(&ok);
    if (!ok) {
        *message = QStringLiteral("--clock-offset expects a number of seconds");
        return false;
    }
    return true;
}

} // namespace moim::server
