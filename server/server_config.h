// Everything that configures one server instance. The command line fills it for the real
// program; tests fill it directly (port 0, a temporary data folder, cheaper argon2 limits).
#pragma once

#include "password_hasher.h"

#include <QString>
#include <chrono>

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
    std::chrono::milliseconds pingInterval{30'000};
    // Per-IP caps on anonymous login channels (open at once) and QR sessions (per window).
    int loginChannelsPerIp = 5;
    int qrSessionsPerIp = 30;
    // Push sign-in requests one IP address may start per 10 minutes.
    int pushSignInsPerIp = 30;

    bool servesDevMailbox() const { return demo || devMailbox; }
};

} // namespace moim::server
