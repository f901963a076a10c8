#include "server_logging.h"

namespace moim::server {
Q_LOGGING_CATEGORY(lcHttp, "moim.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "moim.server.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEvents, "moim.server.events", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "moim.server.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "moim.server.admin", QtInfoMsg)
} // namespace moim::server
