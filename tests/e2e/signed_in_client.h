#pragma once

#include "account/account.h"
#include "auth/session_manager.h"
#include "chat/chat.h"
#include "net/api_client.h"

#include <QUrl>
#include <memory>

namespace moim {
class SecretStore;
}

namespace moim::test {

// A desktop as the app wires it (API client, session manager, account), signed in with email and
// password against a real server.
struct SignedInClient
{
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<SessionManager> sessions;
    Account *account() const { return sessions->account(); }
    Chat *chat() const { return sessions->account()->chat(); }
    bool isSignedIn() const { return sessions && sessions->account(); }
};

// Signs in and waits until the account is online. `profile` keeps several desktops of one user
// apart; a client that did not get there fails the calling test (check QTest::currentTestFailed()).
SignedInClient signInWithPassword(const QUrl &server, SecretStore *secrets, const QString &email,
                                  const QString &password, const QString &profile = {});

// A new start of a profile signed in before: its remembered session restored, then online.
SignedInClient restartSignedIn(const QUrl &server, SecretStore *secrets, const QString &profile);

// The conversations of a workspace as the server lists them.
QList<Conversation> fetchedConversations(const SignedInClient &client, const QString &workspaceId);

// The id of the channel `channelName` of the workspace named `workspaceNameEn` in English, as
// `client` finds it; empty when there is none. `workspaceId` receives its workspace's id.
QString channelNamed(const SignedInClient &client, const QString &workspaceNameEn,
                     const QString &channelName, QString *workspaceId = nullptr);

} // namespace moim::test
