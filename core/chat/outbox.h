#pragma once

#include "chat/message.h"
#include "net/api_error.h"

#include <QObject>
#include <functional>

namespace moim {

class ApiClient;
class LocalCache;

// Messages written here, on their way out. Each gets a client id and is stored before the first
// attempt, so a lost connection or a crash loses nothing; they are sent one at a time, in the
// order written, and the server's deduplication by client id makes every retry safe: each
// message arrives exactly once.
class Outbox : public QObject
{
    Q_OBJECT

public:
    using TokenProvider = std::function<QString()>;

    Outbox(ApiClient *api, LocalCache *cache, TokenProvider accessToken, QString authorId,
           QString authorName, QObject *parent = nullptr);

    // Stores the message as pending and starts sending if online.
    Message queue(const QString &conversationId, const QString &body);
    // Sends what is pending (no-op while offline or already sending).
    void flush();
    // Puts a failed message back in line.
    void retry(const QString &localId);
    void setOnline(bool online);
    bool isSending() const { return m_sending; }
    int pendingCount() const;

Q_SIGNALS:
    // A message changed state (queued, sent, failed).
    void messageChanged(const moim::Message &message);
    // The server refused our token mid-send: refresh, then flush again.
    void tokenRejected();

private:
    void sendNext();

    ApiClient *m_api;
    LocalCache *m_cache;
    TokenProvider m_accessToken;
    QString m_authorId;
    QString m_authorName;
    bool m_online = false;
    bool m_sending = false;
};

} // namespace moim
