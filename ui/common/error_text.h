#pragma once

#include "net/api_error.h"

#include <QCoreApplication>
#include <QString>

namespace moim::ui {

// The wording of failures that read the same on every page: the server's load and limits, and
// answers that are not Moim's protocol. Pages word their own refusals (a wrong password, an
// expired link) and ask here for the rest.
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(moim::ui::ErrorText)

public:
    // Empty for a code the caller words itself.
    static QString forServerAnswer(const ApiError &error);
};

} // namespace moim::ui
