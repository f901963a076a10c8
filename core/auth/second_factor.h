#pragma once

#include "net/api_client.h"

#include <QLatin1StringView>
#include <QString>

namespace moim {

// The second step of a sign-in where 2-step verification applies (POST /auth/second-factor),
// the same for every sign-in flow that can meet it (password, push).
namespace secondFactor {

// Sends `code` as `field` ("code" or "recovery_code") for the challenge; false, and nothing
// sent, when the code is empty.
bool answer(ApiClient *api, const QString &challengeId, QLatin1StringView field,
            const QString &code, QObject *context, ApiClient::Callback done);

// Whether the server refused a code but left the challenge open: the user is asked again and
// told why (wrong, reused or expired code, or a wait before the next try).
bool leavesChallengeOpen(ApiError::Code code);

} // namespace secondFactor
} // namespace moim
