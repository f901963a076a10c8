// A client process for test_e2e_shared_computer: signs in with "This is a shared computer",
// sends messages that carry a marker, waits until the marker is in the account's files on disk,
// says READY and then waits to be killed — the session that never gets to clean up after itself.
// Usage: shared_computer_session SERVER_URL EMAIL PASSWORD MARKER
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "net/api_client.h"
#include "secrets/memory_secret_store.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QTextStream>
#include <QTimer>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

// True when any file under `dir` holds `marker`: the session's data really reached the disk.
bool markerOnDisk(const QString &dir, const QByteArray &marker)
{
    QDirIterator files(dir, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(marker))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    if (args.size() != 5) {
        out << "usage: shared_computer_session SERVER_URL EMAIL PASSWORD MARKER" << Qt::endl;
        return 2;
    }
    const QString marker = args.at(4);

    ApiClient api(ServerAddress::parse(args.at(1)), u"moim-desktop"_s, u"0.1.0"_s);
    MemorySecretStore secrets;
    SessionManager sessions(Profile(), &api, &secrets);
    PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
    QObject::connect(&login, &PasswordLogin::stateChanged, &app, [&](PasswordLogin::State state) {
        if (state != PasswordLogin::State::Failed)
            return;
        out << "FAILED sign-in: " << login.error().message << Qt::endl;
        QCoreApplication::exit(1);
    });
    login.submit(args.at(2), args.at(3), false, true);

    // Steps, polled: online → conversations known → messages sent → marker on disk.
    QString workspace, conversation;
    bool sent = false;
    QTimer step;
    step.setInterval(50);
    QObject::connect(&step, &QTimer::timeout, &app, [&] {
        Account *account = sessions.account();
        if (!account || account->connection() != Account::Connection::Online)
            return;
        if (workspace.isEmpty()) {
            workspace = account->workspaces()->workspaces().value(0).id;
            account->fetchConversations(workspace);
            return;
        }
        if (conversation.isEmpty()) {
            conversation = account->conversations(workspace).value(0).id;
            return;
        }
        if (!sent) {
            for (int i = 0; i < 3; ++i)
                account->chat()->send(conversation, u"%1 message %2"_s.arg(marker).arg(i));
            sent = true;
            return;
        }
        account->chat()->flush();
        const QString dir = sessions.profile().accountDir(account->identity().id);
        if (markerOnDisk(dir, marker.toUtf8())) {
            step.stop();
            out << "READY " << dir << Qt::endl;
        }
    });
    step.start();
    return QCoreApplication::exec();
}
