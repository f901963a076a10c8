// Logging categories of the mock server, one per area, so a test or a developer can enable
// exactly the chatter they need (QT_LOGGING_RULES="moim.server.auth.debug=true").
#pragma once

#include <QLoggingCategory>

namespace moim::server {
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcEvents)
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
} // namespace moim::server
