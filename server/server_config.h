// Everything that configures one server instance. The command line fills it for the real
// program; tests fill it directly (port 0, a temporary data folder, cheaper argon2 limits).
#pragma once

#include "password_hasher.h"

#include <QString>
#include <chrono>
#include <protocol/protocol.h>

namespace moim::server {

struct ServerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8765;
    QString dataDir;
    bool demo = false;
    // Keep the mails the server "sends" and serve them to admin-token holders (the dev
    // mailbox). --demo implies it; without it mails are only logged.
    bool devMailbox = false;
    bool allowRemote = false;
    QString minClientVersion; // empty: no minimum
    qint64 clockOffsetSeconds = 0;
    int chatterSeconds = 0; // > 0: demo members post every this many seconds
    PasswordHasher::Limits hashLimits = PasswordHasher::Limits::interactive();
    std::chrono::milliseconds eventAuthTimeout{10'000};
    std::chrono::milliseconds pingInterval{moim::protocol::limits::PingIntervalSeconds * 1000};
    // Per-IP caps on anonymous login channels (open at once) and QR sessions (per window).
    int loginChannelsPerIp = 5;
    int qrSessionsPerIp = 30;
    // Push sign-in requests one IP address may start per 10 minutes.
    int pushSignInsPerIp = 30;

    bool servesDevMailbox() const { return demo || devMailbox; }

    // Transport limits (docs/protocol.md "Transport"); tests shorten the timeouts.
    qint64 maxHeaderBytes = moim::protocol::limits::MaxHeaderBytes;
    qint64 maxJsonBodyBytes = moim::protocol::limits::MaxJsonBodyBytes;
    qint64 maxMessageBodyBytes = moim::protocol::limits::MaxMessageBodyBytes;
    qint64 maxUploadPieceBytes = moim::protocol::limits::MaxUploadPieceBytes;
    std::chrono::milliseconds headerTimeout{moim::protocol::limits::HeaderTimeoutSeconds * 1000};
    std::chrono::milliseconds bodyTimeout{moim::protocol::limits::BodyTimeoutSeconds * 1000};
    std::chrono::milliseconds idleTimeout{moim::protocol::limits::IdleTimeoutSeconds * 1000};
    int connections = 512;
    int connectionsPerIp = 128;
    qint64 maxWebSocketMessageBytes = moim::protocol::limits::MaxWebSocketMessageBytes;
    int eventStreamsPerSession = moim::protocol::limits::EventStreamsPerSession;
    int eventStreamsPerIp = moim::protocol::limits::EventStreamsPerIp;
    // Password checks: hashing threads, checks waiting overall, and checks per IP address
    // (waiting or running).
    int hashThreads = 2;
    int hashesWaiting = 32;
    int hashesPerIp = 4;
};

} // namespace moim::server
