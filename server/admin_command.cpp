#include "admin_command.h"

#include "admin_token.h"
#include "email_address.h"
#include "mock_server.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <protocol/protocol.h>

namespace moim::server {

namespace path = moim::protocol::path;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "moim-mock-server admin: " << message << Qt::endl;
    return 1;
}

// The dev mailbox for a person at a terminal: oldest first, so the newest mail ends next to the
// prompt; or as JSON, newest first, as the server lists it.
void printMails(QTextStream &out, const QJsonArray &mails, const QString &recipient, bool asJson)
{
    QJsonArray chosen;
    for (const QJsonValue &value : mails) {
        if (recipient.isEmpty() ||
            value.toObject().value(QStringLiteral("to")).toString() == recipient)
            chosen.append(value);
    }
    if (asJson) {
        out << QString::fromUtf8(QJsonDocument(chosen).toJson(QJsonDocument::Indented));
        out.flush();
        return;
    }
    if (chosen.isEmpty())
        out << "No mail." << Qt::endl;
    for (qsizetype i = chosen.size() - 1; i >= 0; --i) {
        const QJsonObject mail = chosen.at(i).toObject();
        out << "── "
            << QDateTime::fromSecsSinceEpoch(mail.value(QStringLiteral("sent_at")).toInteger())
                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            << " · " << mail.value(QStringLiteral("kind")).toString() << " · to "
            << mail.value(QStringLiteral("to")).toString() << '\n'
            << mail.value(QStringLiteral("subject")).toString() << "\n\n"
            << mail.value(QStringLiteral("body")).toString() << Qt::endl;
    }
}

} // namespace

int AdminCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Calls the admin API of a running moim-mock-server.\n"
        "Commands: deactivate EMAIL | reactivate EMAIL | remove-member EMAIL WORKSPACE_ID | "
        "clock [--advance SECONDS | --offset SECONDS] | create-workspace NAME [NAME_EN] | "
        "invite EMAIL WORKSPACE_ID [--inviter NAME] | invites | resend INVITE_ID | "
        "revoke INVITE_ID | require-2sv WORKSPACE [--off] | "
        "post EMAIL CONVERSATION_ID TEXT | mail [--to EMAIL] [--json] | "
        "create-personal ID NAME (the password is read from standard input)"));
    parser.addHelpOption();
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Data folder."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption advance(QStringLiteral("advance"),
                                     QStringLiteral("clock: move the clock forward (seconds)."),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption offset(QStringLiteral("offset"),
                                    QStringLiteral("clock: set the clock offset (seconds)."),
                                    QStringLiteral("SECONDS"));
    const QCommandLineOption inviter(QStringLiteral("inviter"),
                                     QStringLiteral("invite: who the mail names as inviting."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption off(QStringLiteral("off"),
                                 QStringLiteral("require-2sv: lift the requirement instead."));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("mail: only the mails to this address."),
                                QStringLiteral("EMAIL"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("mail: print the mails as JSON, newest first."));
    parser.addOptions({data, advance, offset, inviter, off, to, json});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do."));

    QStringList args = arguments;
    args.removeAt(1); // "admin"
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    QString apiPath;
    QJsonObject body;
    bool get = false;
    if ((command == QLatin1StringView("deactivate") ||
         command == QLatin1StringView("reactivate")) &&
        positional.size() == 2) {
        apiPath = command == QLatin1StringView("deactivate") ? QString(path::AdminDeactivate)
                                                             : QString(path::AdminReactivate);
        body.insert(QStringLiteral("email"), positional.at(1));
    } else if (command == QLatin1StringView("remove-member") && positional.size() == 3) {
        apiPath = path::AdminRemoveMembership;
        body.insert(QStringLiteral("email"), positional.at(1));
        body.insert(QStringLiteral("workspace_id"), positional.at(2));
    } else if (command == QLatin1StringView("create-workspace") &&
               (positional.size() == 2 || positional.size() == 3)) {
        apiPath = path::AdminWorkspaces;
        body.insert(QStringLiteral("name"), positional.at(1));
        body.insert(QStringLiteral("name_en"), positional.value(2));
    } else if (command == QLatin1StringView("invite") && positional.size() == 3) {
        apiPath = path::AdminInvites;
        body.insert(QStringLiteral("email"), positional.at(1));
        body.insert(QStringLiteral("workspace_id"), positional.at(2));
        if (parser.isSet(inviter))
            body.insert(QStringLiteral("inviter"), parser.value(inviter));
    } else if (command == QLatin1StringView("mail") && positional.size() == 1) {
        apiPath = path::DevMailJson;
        get = true;
    } else if (command == QLatin1StringView("invites") && positional.size() == 1) {
        apiPath = path::AdminInvites;
        get = true;
    } else if ((command == QLatin1StringView("resend") || command == QLatin1StringView("revoke")) &&
               positional.size() == 2) {
        apiPath = command == QLatin1StringView("resend") ? QString(path::AdminInviteResend)
                                                         : QString(path::AdminInviteRevoke);
        body.insert(QStringLiteral("invite_id"), positional.at(1));
    } else if (command == QLatin1StringView("post") && positional.size() == 4) {
        apiPath = path::AdminMessages;
        body.insert(QStringLiteral("email"), positional.at(1));
        body.insert(QStringLiteral("conversation_id"), positional.at(2));
        body.insert(QStringLiteral("body"), positional.at(3));
    } else if (command == QLatin1StringView("require-2sv") && positional.size() == 2) {
        // WORKSPACE is an id or the workspace's exact Korean or English name.
        apiPath = path::AdminWorkspacePolicy;
        body.insert(QStringLiteral("workspace"), positional.at(1));
        body.insert(QStringLiteral("require_two_step"), !parser.isSet(off));
    } else if (command == QLatin1StringView("create-personal") && positional.size() == 3) {
        // A personal account of the mock provider; the password never goes on a command line.
        apiPath = path::AdminPersonalAccounts;
        body.insert(QStringLiteral("id"), positional.at(1));
        body.insert(QStringLiteral("display_name"), positional.at(2));
        const QString password = QTextStream(stdin).readLine();
        if (password.isEmpty())
            return fail(QStringLiteral("create-personal reads the password from standard input"));
        body.insert(QStringLiteral("password"), password);
    } else if (command == QLatin1StringView("clock") && positional.size() == 1) {
        apiPath = path::AdminClock;
        bool ok = true;
        if (parser.isSet(advance) && parser.isSet(offset))
            return fail(QStringLiteral("give either --advance or --offset"));
        if (parser.isSet(advance))
            body.insert(QStringLiteral("advance"), parser.value(advance).toLongLong(&ok));
        else if (parser.isSet(offset))
            body.insert(QStringLiteral("offset"), parser.value(offset).toLongLong(&ok));
        else
            get = true;
        if (!ok)
            return fail(QStringLiteral("SECONDS must be a whole number"));
    } else {
        return fail(QStringLiteral("unknown or incomplete command\n") + parser.helpText());
    }

    const QString dataDir =
        parser.isSet(data) ? QDir(parser.value(data)).absolutePath() : MockServer::defaultDataDir();
    QFile urlFile(QDir(dataDir).filePath(QStringLiteral("server-url")));
    const QString token = AdminToken::read(dataDir);
    if (!urlFile.open(QIODevice::ReadOnly) || token.isEmpty())
        return fail(QStringLiteral("no server data in %1 (start moim-mock-server first, or pass "
                                   "--data)")
                        .arg(dataDir));
    const QUrl base(QString::fromUtf8(urlFile.readAll().trimmed()));

    QNetworkAccessManager network;
    QNetworkRequest request(base.resolved(QUrl(apiPath)));
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10'000);
    QNetworkReply *reply =
        get ? network.get(request) : network.post(request, QJsonDocument(body).toJson());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 0)
        return fail(QStringLiteral("cannot reach the server at %1: %2")
                        .arg(base.toString(), reply->errorString()));
    if (status == 404 && command == QLatin1StringView("mail"))
        return fail(QStringLiteral("the server at %1 keeps no dev mailbox; start it with --demo or "
                                   "--dev-mailbox")
                        .arg(base.toString()));
    if (status != 200) {
        const QJsonObject err = answer.value(QStringLiteral("error")).toObject();
        return fail(QStringLiteral("%1 (%2): %3")
                        .arg(err.value(QStringLiteral("code")).toString())
                        .arg(status)
                        .arg(err.value(QStringLiteral("message")).toString()));
    }
    QTextStream out(stdout);
    if (command == QLatin1StringView("clock")) {
        out << "Server time " << answer.value(QStringLiteral("time")).toInteger() << " (offset "
            << answer.value(QStringLiteral("offset")).toInteger() << " s)" << Qt::endl;
    } else if (command == QLatin1StringView("deactivate")) {
        out << "Deactivated " << positional.at(1) << "; every session revoked." << Qt::endl;
    } else if (command == QLatin1StringView("create-workspace")) {
        const QJsonObject workspace = answer.value(QStringLiteral("workspace")).toObject();
        out << "Created workspace " << workspace.value(QStringLiteral("id")).toString() << " ("
            << workspace.value(QStringLiteral("name")).toString() << ")." << Qt::endl;
    } else if (command == QLatin1StringView("invite") || command == QLatin1StringView("resend")) {
        const QJsonObject invite = answer.value(QStringLiteral("invite")).toObject();
        out << "Invitation " << invite.value(QStringLiteral("id")).toString() << " mailed to "
            << invite.value(QStringLiteral("email")).toString()
            << "; read it with: moim-mock-server admin mail --to "
            << invite.value(QStringLiteral("email")).toString() << Qt::endl;
    } else if (command == QLatin1StringView("mail")) {
        printMails(out, answer.value(QStringLiteral("mails")).toArray(),
                   EmailAddress::normalise(parser.value(to)), parser.isSet(json));
    } else if (command == QLatin1StringView("invites")) {
        const QJsonArray invites = answer.value(QStringLiteral("invites")).toArray();
        if (invites.isEmpty())
            out << "No pending invitations." << Qt::endl;
        for (const QJsonValue &value : invites) {
            const QJsonObject invite = value.toObject();
            out << invite.value(QStringLiteral("id")).toString() << "  "
                << invite.value(QStringLiteral("email")).toString() << "  "
                << invite.value(QStringLiteral("workspace_id")).toString() << "  expires "
                << invite.value(QStringLiteral("expires_at")).toInteger() << Qt::endl;
        }
    } else if (command == QLatin1StringView("revoke")) {
        out << "Revoked " << positional.at(1) << "." << Qt::endl;
    } else if (command == QLatin1StringView("reactivate")) {
        out << "Reactivated " << positional.at(1) << "." << Qt::endl;
    } else if (command == QLatin1StringView("post")) {
        const QJsonObject message = answer.value(QStringLiteral("message")).toObject();
        out << "Posted " << message.value(QStringLiteral("id")).toString() << " (seq "
            << message.value(QStringLiteral("seq")).toInteger() << ")." << Qt::endl;
    } else if (command == QLatin1StringView("create-personal")) {
        const QJsonObject personal = answer.value(QStringLiteral("personal_account")).toObject();
        out << "Created personal account " << personal.value(QStringLiteral("id")).toString()
            << " (" << personal.value(QStringLiteral("display_name")).toString() << ")."
            << Qt::endl;
    } else if (command == QLatin1StringView("require-2sv")) {
        out << "Workspace " << positional.at(1)
            << (parser.isSet(off) ? " no longer requires" : " now requires")
            << " 2-step verification." << Qt::endl;
    } else {
        out << "Removed " << positional.at(1) << " from " << positional.at(2) << "." << Qt::endl;
    }
    return 0;
}

} // namespace moim::server
