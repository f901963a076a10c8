// A minimal Moim client in its own process, for tests that kill the client with SIGKILL: it
// starts from the remembered session in the real keychain (as the app does), writes every line of
// its standard input into one conversation, and reports on standard output what it did:
//   ready                 the session is restored (the outbox works from here, online or not)
//   queued <body>         Chat::send returned for that line
//   sent <body>           the server confirmed that message
//   failed <body>         the message was marked "not sent"
//   pending <n>           the outbox holds n messages (after every change)
//   signed out            the remembered session was refused
// With --sign-in it signs in with the password instead, waits until the session is remembered in
// the keychain, prints "remembered" and quits.
#include "auth/device_info.h"
#include "auth/password_login.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "net/api_client.h"
#include "secrets/keychain_secret_store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

using namespace moim;
using namespace Qt::StringLiterals;

namespace {

void report(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

// Reads the keychain until it holds the account's current refresh token: only then would a
// killed process come back signed in.
void reportWhenRemembered(SessionManager *sessions, KeychainSecretStore *secrets)
{
    Account *account = sessions->account();
    secrets->read(sessions->keychainKey(account->identity().id), sessions,
                  [sessions, secrets, account](const SecretStore::Result &result) {
                      if (result.status == SecretStore::Status::Ok &&
                          result.secret == account->refreshToken()) {
                          report(u"remembered"_s);
                          QCoreApplication::quit();
                          return;
                      }
                      QTimer::singleShot(50, sessions, [sessions, secrets] {
                          reportWhenRemembered(sessions, secrets);
                      });
                  });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption serverOption(u"server"_s, u"Server URL."_s, u"url"_s);
    const QCommandLineOption conversationOption(u"conversation"_s, u"Conversation id."_s, u"id"_s);
    const QCommandLineOption signInOption(u"sign-in"_s, u"Sign in with the password and quit."_s);
    const QCommandLineOption emailOption(u"email"_s, u"Email for --sign-in."_s, u"email"_s);
    const QCommandLineOption passwordOption(u"password"_s, u"Password for --sign-in."_s,
                                            u"password"_s);
    parser.addOptions(
        {serverOption, conversationOption, signInOption, emailOption, passwordOption});
    parser.process(app);

    ApiClient api(ServerAddress::parse(parser.value(serverOption)), u"moim-desktop"_s, u"0.1.0"_s);
    const Profile profile;
    KeychainSecretStore secrets(SessionManager::keychainService(profile, &api));
    SessionManager sessions(profile, &api, &secrets);

    if (parser.isSet(signInOption)) {
        PasswordLogin login(&sessions, DeviceInfo::thisMachine(u"desktop"_s));
        QObject::connect(&sessions, &SessionManager::stateChanged, &app,
                         [&](SessionManager::State state) {
                             if (state == SessionManager::State::SignedIn)
                                 reportWhenRemembered(&sessions, &secrets);
                         });
        login.submit(parser.value(emailOption), parser.value(passwordOption), true, false);
        return app.exec();
    }

    QObject::connect(&sessions, &SessionManager::signedOut, &app, [] {
        report(u"signed out"_s);
        QCoreApplication::exit(3);
    });
    if (!sessions.restore()) {
        report(u"no session"_s);
        return 2;
    }
    Chat *chat = sessions.account()->chat();
    const QString conversation = parser.value(conversationOption);
    QObject::connect(chat, &Chat::messageChanged, &app, [chat](const Message &message) {
        if (!message.clientId.isEmpty() && message.state == Message::State::Sent)
            report(u"sent "_s + message.body);
        else if (message.state == Message::State::Failed)
            report(u"failed "_s + message.body);
        report(u"pending %1"_s.arg(chat->outbox()->pendingCount()));
    });
    report(u"ready"_s);
    report(u"pending %1"_s.arg(chat->outbox()->pendingCount()));

    QByteArray input;
    QSocketNotifier stdinReady(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinReady, &QSocketNotifier::activated, &app, [&] {
        char chunk[4096];
        const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (got <= 0) {
            stdinReady.setEnabled(false); // the test closed its end; keep draining
            return;
        }
        input.append(chunk, got);
        for (qsizetype end = input.indexOf('\n'); end >= 0; end = input.indexOf('\n')) {
            const QString body = QString::fromUtf8(input.left(end));
            input.remove(0, end + 1);
            chat->send(conversation, body);
            report(u"queued "_s + body);
        }
    });
    return app.exec();
}
