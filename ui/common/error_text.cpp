#include "error_text.h"

#include "date_text.h"

#include <algorithm>

namespace moim::ui {

QString ErrorText::forServerAnswer(const ApiError &error)
{
    switch (error.code) {
    case ApiError::Code::ServerBusy:
        return tr("The server is busy. Try again in %1.")
            .arg(DateText::waitLength(error.retryAfterSeconds));
    case ApiError::Code::RateLimited:
        if (error.retryAfterSeconds > 0)
            return tr("The server is getting too many requests. Try again in %1.")
                .arg(DateText::waitLength(error.retryAfterSeconds));
        return tr("The server is getting too many requests. Try again in a moment.");
    case ApiError::Code::ServerError:
        return tr("The server ran into a problem. Try again in a moment.");
    case ApiError::Code::RequestTimeout:
        return tr("The request took too long to reach the server. Check your connection and try "
                  "again.");
    case ApiError::Code::InvalidResponse:
        // Most often a public network's sign-in page answering in the server's place.
        return tr("The server's answer could not be understood. If you are on a public Wi-Fi, "
                  "sign in to the network in your web browser first, then try again.");
    case ApiError::Code::PayloadTooLarge:
        return tr("That is too large for the server to accept.");
    case ApiError::Code::HeadersTooLarge:
    case ApiError::Code::LengthRequired:
        return tr("The server could not accept Moim's request (%1). If this keeps happening, "
                  "update Moim or tell your admin.")
            .arg(errorName(error.code));
    default:
        return {};
    }
}

} // namespace moim::ui
