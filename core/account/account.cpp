#include "account.h"

#include "account_security.h"
#include "chat/chat.h"
#include "chat/file_downloads.h"
#include "net/api_client.h"
#include "net/authorized_api.h"
#include "net/connectivity_monitor.h"
#include "notify/notification_preferences.h"
#include "protocol/protocol.h"
#include "storage/outbox_store.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcAccount, "moim.core.account")

namespace moim {

using namespace Qt::StringLiterals;
namespace wire = protocol;

Account::Account(AccountIdentity identity, ApiClient *api, std::unique_ptr<LocalCache> cache,
                 std::unique_ptr<OutboxStore> outbox, QObject *parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_api(api)
    , m_cache(cache ? std::move(cache) : std::make_unique<LocalCache>())
    , m_outboxStore(outbox ? std::move(outbox) : std::make_unique<OutboxStore>())
    , m_authorized(new AuthorizedApi(api, this))
    , m_events(new EventStream(api->server().eventsUrl(), api->clientIdentity(), this))
    , m_connectivity(new ConnectivityMonitor(this))
    , m_security(new AccountSecurity(m_authorized, this))
    , m_chat(new Chat(m_authorized, m_cache.get(), m_outboxStore.get(), m_identity.id,
                      m_identity.displayName, this))
    , m_downloads(new FileDownloads(m_authorized, FileDownloads::cacheDirFor(m_identity.id), this))
    , m_notificationSettings(
          new NotificationPreferences(m_authorized, m_cache.get(), m_outboxStore.get(), this))
{
    // One refresh for every call that met an expired token, however many there were.
    connect(m_authorized, &AuthorizedApi::refreshNeeded, this, &Account::refreshSession);
    // A workspace whose badge does not count toward the total leaves it in chat and in the
    // sidebar's model alike, so every view of "the total" agrees.
    const auto applySettings = [this](const QString &workspaceId) {
        const NotificationSettings settings = m_notificationSettings->settings(workspaceId);
        m_chat->setCountedInTotal(workspaceId, settings.countInTotal);
        m_workspaces.setNotificationSettings(workspaceId, settings);
    };
    connect(m_notificationSettings, &NotificationPreferences::settingsChanged, this, applySettings);
    connect(&m_workspaces, &QAbstractItemModel::modelReset, this, [this, applySettings] {
        for (const Workspace &workspace : m_workspaces.workspaces())
            applySettings(workspace.id);
    });
    // Unread counts live in chat; the sidebar shows them per workspace.
    connect(m_chat, &Chat::unreadChanged, this,
            [this](const QString &, const QString &workspaceId) {
                m_workspaces.setUnread(workspaceId, m_chat->workspaceUnread(workspaceId));
            });
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &Account::refreshSession);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Account::refreshSession);

    connect(m_events, &EventStream::eventReceived, this, &Account::onEvent);
    connect(m_events, &EventStream::stateChanged, this, &Account::onStreamState);
    connect(m_events, &EventStream::tokenRejected, this, &Account::refreshSession);
    connect(m_events, &EventStream::updateRequired, this,
            [this] { setConnection(Connection::UpdateRequired); });
    // A dead socket rarely dies alone: the HTTP connections kept for reuse go too.
    connect(m_events, &EventStream::silenceDetected, m_api, &ApiClient::dropConnections);
    connect(m_connectivity, &ConnectivityMonitor::checkRequested, m_api,
            &ApiClient::dropConnections);
    connect(m_connectivity, &ConnectivityMonitor::checkRequested, m_events, &EventStream::checkNow);
    connect(m_connectivity, &ConnectivityMonitor::checkRequested, this,
            &Account::connectionCheckRequested);
    // The same moment is a good one for what waits elsewhere: the outbox, a token refresh.
    connect(m_connectivity, &ConnectivityMonitor::checkRequested, this, &Account::retryNow);
    m_connectivity->watchSystem();
}

QString Account::accessToken() const
{
    return m_authorized->accessToken();
}

Account::~Account()
{
    shutDown();
    // Before the cache (a member) goes: chat (a child) would outlive it otherwise.
    m_chat->flush();
}

void Account::setConnection(Connection connection)
{
    if (m_connection == connection)
        return;
    m_connection = connection;
    Q_EMIT connectionChanged(connection);
}

void Account::loadFromCache()
{
    if (!m_cache || !m_cache->isOpen())
        return;
    const AccountIdentity cached = m_cache->identity();
    if (cached.isValid() && cached.id == m_identity.id)
        m_identity = cached;
    QList<Workspace> workspaces = m_cache->workspaces();
    for (Workspace &workspace : workspaces)
        workspace.unread = m_chat->workspaceUnread(workspace.id);
    m_workspaces.setWorkspaces(workspaces);
}

void Account::setWorkspaces(const QList<Workspace> &workspaces)
{
    for (const Workspace &old : m_workspaces.workspaces()) {
        const bool stillMember = std::any_of(workspaces.cbegin(), workspaces.cend(),
                                             [&](const Workspace &w) { return w.id == old.id; });
        if (!stillMember)
            Q_EMIT workspaceRemoved(old.id);
    }
    QList<Workspace> withUnread = workspaces;
    for (Workspace &workspace : withUnread)
        workspace.unread = m_chat->workspaceUnread(workspace.id);
    m_workspaces.setWorkspaces(withUnread);
    if (m_cache && m_cache->isOpen())
        m_cache->storeWorkspaces(workspaces);
}

void Account::applyGrant(const SessionGrant &grant)
{
    if (m_ended)
        return;
    m_sessionId = grant.sessionId;
    const bool rotated = m_refreshToken != grant.refreshToken;
    m_refreshToken = grant.refreshToken;
    m_identity = grant.account;
    m_lastError = {};
    m_retryBackoff.reset();
    if (m_cache && m_cache->isOpen())
        m_cache->storeIdentity(m_identity);
    setWorkspaces(grant.workspaces);

    // Renew a minute early so a slow network never leaves us holding an expired token.
    const int renewIn = std::max(grant.accessExpiresIn - 60, grant.accessExpiresIn / 2);
    m_refreshTimer.start(std::chrono::seconds(renewIn));

    if (rotated)
        Q_EMIT refreshTokenChanged(m_refreshToken);

    // Calls that waited for a fresh token go out now.
    m_authorized->setAccessToken(grant.accessToken);
    m_events->setAccessToken(grant.accessToken);
    m_events->stop();
    m_events->start();
    setConnection(Connection::Connecting);
}

void Account::resumeWithRefreshToken(const QString &refreshToken)
{
    m_refreshToken = refreshToken;
    refreshSession();
}

void Account::retryNow()
{
    m_chat->outbox()->tryNow();
    m_chat->uploads()->tryNow();
    if (m_events->state() == EventStream::State::WaitingToRetry) {
        m_events->retryNow();
    } else if (m_retryTimer.isActive()) {
        m_retryTimer.stop();
        refreshSession();
    }
}

void Account::shutDown()
{
    m_refreshTimer.stop();
    m_retryTimer.stop();
    m_events->stop();
}

void Account::refreshSession()
{
    if (m_refreshing)
        return;
    if (m_ended || m_refreshToken.isEmpty()) {
        // Nothing to renew with: whoever waits for a token hears that none comes.
        m_authorized->refreshFailed(
            ApiError::fromCode(ApiError::Code::InvalidToken, u"the session is over"_s));
        return;
    }
    m_refreshing = true;
    setConnection(Connection::Connecting);
    m_api->post(wire::path::Refresh, {{u"refresh_token"_s, m_refreshToken}}, {}, this,
                [this](const ApiResult &result) {
                    m_refreshing = false;
                    if (result.ok()) {
                        if (const auto grant = SessionGrant::fromJson(result.body)) {
                            applyGrant(*grant);
                            return;
                        }
                        m_lastError = ApiError::fromCode(ApiError::Code::InvalidResponse,
                                                         u"refresh returned no grant"_s);
                        m_authorized->refreshFailed(m_lastError);
                        scheduleRetry();
                        return;
                    }
                    m_lastError = result.error;
                    // Calls waiting for the token end with the reason; those that retry on
                    // their own (the outbox) try again later.
                    m_authorized->refreshFailed(result.error);
                    switch (result.error.code) {
                    case ApiError::Code::InvalidToken:
                        endSession(EndReason::Expired);
                        return;
                    case ApiError::Code::UnauthorizedUser:
                        endSession(EndReason::Deactivated);
                        return;
                    case ApiError::Code::UpdateRequired:
                        shutDown();
                        setConnection(Connection::UpdateRequired);
                        return;
                    default:
                        scheduleRetry();
                    }
                });
}

void Account::endSession(EndReason reason)
{
    shutDown();
    if (m_ended)
        return;
    m_ended = true;
    Q_EMIT sessionEnded(reason);
}

void Account::scheduleRetry()
{
    setConnection(Connection::Offline);
    const auto delay = m_retryBackoff.nextDelay();
    qCInfo(lcAccount) << "cannot reach the server; retrying in" << delay.count() << "ms";
    m_retryTimer.start(delay);
}

void Account::onStreamState(EventStream::State state)
{
    switch (state) {
    case EventStream::State::Connected:
        setConnection(Connection::Online);
        m_chat->setOnline(true);
        m_downloads->setOnline(true);
        m_notificationSettings->setOnline(true);
        break;
    case EventStream::State::WaitingToRetry:
        setConnection(Connection::Offline);
        m_chat->setOnline(false);
        m_downloads->setOnline(false);
        m_notificationSettings->setOnline(false);
        break;
    case EventStream::State::Connecting:
    case EventStream::State::Authenticating:
        if (m_connection != Connection::Online)
            setConnection(Connection::Connecting);
        break;
    case EventStream::State::Stopped:
        break;
    }
}

void Account::onEvent(const QString &type, const QJsonObject &event)
{
    if (m_chat->handleEvent(type, event) || m_notificationSettings->handleEvent(type, event))
        return;
    if (type == wire::event::SessionRevoked) {
        const QString reason = event.value("reason"_L1).toString();
        EndReason endReason = EndReason::Revoked;
        if (reason == wire::revokeReason::Deactivated)
            endReason = EndReason::Deactivated;
        else if (reason == wire::revokeReason::PasswordReset ||
                 reason == wire::revokeReason::PasswordChanged)
            endReason = EndReason::PasswordReset; // either way: the password is new, sign in
        else if (reason == wire::revokeReason::SignedOutByUser)
            endReason = EndReason::LoggedOutElsewhere;
        else if (reason == wire::revokeReason::Logout)
            endReason = EndReason::LoggedOutElsewhere;
        else if (reason == wire::revokeReason::Expired)
            endReason = EndReason::Expired;
        else if (reason == wire::revokeReason::TwoStepEnabled)
            endReason = EndReason::TwoStepEnabled;
        endSession(endReason);
    } else if (type == wire::event::WorkspacesChanged) {
        setWorkspaces(Workspace::listFromJson(event.value("workspaces"_L1)));
    } else if (type == wire::event::ConversationCreated ||
               type == wire::event::ConversationUpdated) {
        applyConversation(event.value("conversation"_L1).toObject());
    } else if (type == wire::event::MembershipChanged) {
        const bool me = event.value("user_id"_L1).toString() == m_identity.id;
        if (me && event.value("change"_L1).toString() == "left"_L1)
            dropConversation(event.value("workspace_id"_L1).toString(),
                             event.value("conversation_id"_L1).toString());
        else
            applyConversation(event.value("conversation"_L1).toObject());
    }
}

std::optional<Conversation> Account::conversation(const QString &conversationId) const
{
    for (const QList<Conversation> &list : m_conversations) {
        for (const Conversation &conversation : list) {
            if (conversation.id == conversationId)
                return conversation;
        }
    }
    return std::nullopt;
}

void Account::storeConversations(const QString &workspaceId,
                                 const QList<Conversation> &conversations)
{
    if (m_cache && m_cache->isOpen())
        m_cache->storeConversations(workspaceId, conversations);
    m_conversations.insert(workspaceId, conversations);
    for (const Conversation &conversation : conversations)
        m_chat->setMuted(conversation.id, conversation.isMuted());
}

void Account::applyConversation(const QJsonObject &object)
{
    const QString workspaceId = object.value("workspace_id"_L1).toString();
    const Conversation conversation = Conversation::fromJson(object, workspaceId);
    if (conversation.id.isEmpty() || workspaceId.isEmpty())
        return;
    m_chat->setMuted(conversation.id, conversation.isMuted());
    QList<Conversation> list = conversations(workspaceId);
    // A workspace whose list was never loaded keeps none: one conversation alone would pass for
    // the whole list until the real one arrives.
    if (list.isEmpty() && !m_conversations.contains(workspaceId))
        return;
    const auto found = std::find_if(list.begin(), list.end(), [&](const Conversation &known) {
        return known.id == conversation.id;
    });
    if (found != list.end()) {
        if (*found == conversation)
            return;
        *found = conversation;
    } else {
        list.append(conversation);
    }
    storeConversations(workspaceId, list);
    Q_EMIT conversationsChanged(workspaceId);
    Q_EMIT conversationUpdated(conversation);
}

void Account::dropConversation(const QString &workspaceId, const QString &conversationId)
{
    QList<Conversation> list = conversations(workspaceId);
    const auto removed =
        list.removeIf([&](const Conversation &known) { return known.id == conversationId; });
    m_chat->forgetConversation(conversationId);
    if (removed == 0)
        return;
    storeConversations(workspaceId, list);
    Q_EMIT conversationsChanged(workspaceId);
    Q_EMIT conversationRemoved(workspaceId, conversationId);
}

namespace {

QString workspacePath(const QString &workspaceId, QLatin1StringView suffix)
{
    return wire::path::Workspaces + QString::fromLatin1(QUrl::toPercentEncoding(workspaceId)) +
           suffix;
}

QString conversationPath(const QString &conversationId, QLatin1StringView suffix)
{
    return wire::path::ConversationsBase +
           QString::fromLatin1(QUrl::toPercentEncoding(conversationId)) + suffix;
}

// `done` when the caller's context still lives.
ApiClient::Callback guarded(QObject *context, Account::Done done)
{
    return [context = QPointer<QObject>(context), hadContext = context != nullptr,
            done = std::move(done)](const ApiResult &result) {
        if (done && (!hadContext || context))
            done(result);
    };
}

} // namespace

void Account::callForConversation(AuthorizedApi::Method method, const QString &path,
                                  const QJsonObject &body, QObject *context, Done done)
{
    m_authorized->call(method, path, body, this,
                       [this, handOn = guarded(context, std::move(done))](const ApiResult &result) {
                           if (result.ok())
                               applyConversation(result.body.value("conversation"_L1).toObject());
                           handOn(result);
                       });
}

void Account::createChannel(const QString &workspaceId, const QString &name, const QString &topic,
                            bool isPrivate, QObject *context, Done done)
{
    callForConversation(AuthorizedApi::Method::Post,
                        workspacePath(workspaceId, wire::path::Conversations),
                        {{u"name"_s, name}, {u"topic"_s, topic}, {u"private"_s, isPrivate}},
                        context, std::move(done));
}

void Account::openDirect(const QString &workspaceId, const QStringList &memberIds, QObject *context,
                         Done done)
{
    callForConversation(
        AuthorizedApi::Method::Post, workspacePath(workspaceId, wire::path::DirectSuffix),
        {{u"member_ids"_s, QJsonArray::fromStringList(memberIds)}}, context, std::move(done));
}

void Account::browseChannels(const QString &workspaceId, QObject *context, Done done)
{
    m_authorized->get(workspacePath(workspaceId, wire::path::ChannelsSuffix), this,
                      guarded(context, std::move(done)));
}

void Account::fetchMembers(const QString &workspaceId, QObject *context, Done done)
{
    m_authorized->get(workspacePath(workspaceId, wire::path::MembersSuffix), this,
                      guarded(context, std::move(done)));
}

void Account::joinChannel(const QString &conversationId, QObject *context, Done done)
{
    callForConversation(AuthorizedApi::Method::Post,
                        conversationPath(conversationId, wire::path::JoinSuffix), {}, context,
                        std::move(done));
}

void Account::leaveChannel(const QString &conversationId, QObject *context, Done done)
{
    const std::optional<Conversation> known = conversation(conversationId);
    m_authorized->post(conversationPath(conversationId, wire::path::LeaveSuffix), {}, this,
                       [this, known, conversationId,
                        handOn = guarded(context, std::move(done))](const ApiResult &result) {
                           if (result.ok() && known)
                               dropConversation(known->workspaceId, conversationId);
                           handOn(result);
                       });
}

void Account::editChannel(const QString &conversationId, const std::optional<QString> &name,
                          const std::optional<QString> &topic, QObject *context, Done done)
{
    QJsonObject body;
    if (name)
        body.insert(u"name"_s, *name);
    if (topic)
        body.insert(u"topic"_s, *topic);
    callForConversation(AuthorizedApi::Method::Put,
                        conversationPath(conversationId, wire::path::DetailsSuffix), body, context,
                        std::move(done));
}

void Account::setMuteLevel(const QString &conversationId, Conversation::MuteLevel level,
                           QObject *context, Done done)
{
    callForConversation(AuthorizedApi::Method::Put,
                        conversationPath(conversationId, wire::path::NotificationLevelSuffix),
                        {{u"level"_s, Conversation::muteLevelName(level)}}, context,
                        std::move(done));
}

void Account::setPinned(const QString &conversationId, const QString &messageId, QObject *context,
                        Done done)
{
    callForConversation(
        AuthorizedApi::Method::Put, conversationPath(conversationId, wire::path::PinSuffix),
        {{u"message_id"_s, messageId.isEmpty() ? QJsonValue(QJsonValue::Null) : messageId}},
        context, std::move(done));
}

void Account::markAllRead(const QString &workspaceId, QObject *context, Done done)
{
    m_authorized->post(workspacePath(workspaceId, wire::path::ReadSuffix), {}, this,
                       guarded(context, std::move(done)));
}

QList<Conversation> Account::conversations(const QString &workspaceId) const
{
    const auto fetched = m_conversations.constFind(workspaceId);
    if (fetched != m_conversations.cend())
        return fetched.value();
    return m_cache && m_cache->isOpen() ? m_cache->conversations(workspaceId)
                                        : QList<Conversation>{};
}

void Account::fetchConversations(const QString &workspaceId)
{
    const QString path = u"/api/v1/workspaces/%1/conversations"_s.arg(
        QString::fromLatin1(QUrl::toPercentEncoding(workspaceId)));
    m_authorized->get(path, this, [this, workspaceId](const ApiResult &result) {
        if (!result.ok())
            return;
        QList<Conversation> conversations;
        for (const QJsonValue &value : result.body.value("conversations"_L1).toArray()) {
            Conversation conversation = Conversation::fromJson(value.toObject(), workspaceId);
            if (!conversation.id.isEmpty())
                conversations.append(std::move(conversation));
        }
        storeConversations(workspaceId, conversations);
        Q_EMIT conversationsChanged(workspaceId);
    });
}

} // namespace moim
