#pragma once

#include <QStringList>

namespace moim::server {

// `moim-mock-server admin [--data DIR] deactivate EMAIL | reactivate EMAIL |
//  remove-member EMAIL WORKSPACE_ID | clock [--advance SECONDS | --offset SECONDS] |
//  mail [--to EMAIL] [--json] | …` (see --help):
// reads <data>/server-url and <data>/admin-token, calls the running server's admin API and
// prints the result. Returns the process exit code (0 on success, 1 otherwise).
class AdminCommand
{
public:
    // arguments start with the program name, followed by "admin".
    static int run(const QStringList &arguments);
};

} // namespace moim::server
