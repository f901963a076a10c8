#include "signed_in_client.h"

#include "auth/password_login.h"
#include "secrets/secret_store.h"

#include <QtTest>

namespace moim::test {

using namespace Qt::StringLiterals;

SignedInClient signInWithPassword(const QUrl &server, SecretStore *secrets, const QString &email,
                                  const QString &password, const QString &profile)
{
    SignedInClient client;
    client.api = std::make_unique<ApiClient>(ServerAddress::parse(server.toString()),
                                             u"moim-desktop"_s, u"0.1.0"_s);
    client.sessions = std::make_unique<SessionManager>(
        profile.isEmpty() ? Profile() : Profile(profile), client.api.get(), secrets);
    PasswordLogin login(client.sessions.get(), DeviceInfo::thisMachine(u"desktop"_s));
    login.submit(email, password, true, false);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(login.state(), PasswordLogin::State::SignedIn, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(client.account()->connection(), Account::Connection::Online,
                                  10000);
    }();
    return client;
}

SignedInClient restartSignedIn(const QUrl &server, SecretStore *secrets, const QString &profile)
{
    SignedInClient client;
    client.api = std::make_unique<ApiClient>(ServerAddress::parse(server.toString()),
                                             u"moim-desktop"_s, u"0.1.0"_s);
    client.sessions = std::make_unique<SessionManager>(
        profile.isEmpty() ? Profile() : Profile(profile), client.api.get(), secrets);
    [&] {
        QVERIFY(client.sessions->restore());
        QTRY_COMPARE_WITH_TIMEOUT(client.account()->connection(), Account::Connection::Online,
                                  20000);
    }();
    return client;
}

QList<Conversation> fetchedConversations(const SignedInClient &client, const QString &workspaceId)
{
    client.account()->fetchConversations(workspaceId);
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(!client.account()->conversations(workspaceId).isEmpty(), 10000);
    }();
    return client.account()->conversations(workspaceId);
}

QString channelNamed(const SignedInClient &client, const QString &workspaceNameEn,
                     const QString &channelName, QString *workspaceId)
{
    for (const Workspace &workspace : client.account()->workspaces()->workspaces()) {
        if (workspace.nameEn != workspaceNameEn)
            continue;
        for (const Conversation &conversation : fetchedConversations(client, workspace.id)) {
            if (conversation.kind == Conversation::Kind::Channel &&
                conversation.name == channelName) {
                if (workspaceId)
                    *workspaceId = workspace.id;
                return conversation.id;
            }
        }
    }
    return {};
}

} // namespace moim::test
