#include "second_factor.h"

#include "protocol/protocol.h"

#include <QJsonObject>

namespace moim::secondFactor {

using namespace Qt::StringLiterals;

bool answer(ApiClient *api, const QString &challengeId, QLatin1StringView field,
            const QString &code, QObject *context, ApiClient::Callback done)
{
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return false;
    const QJsonObject body{{u"challenge_id"_s, challengeId}, {QString(field), trimmed}};
    api->post(protocol::path::SecondFactor, body, {}, context, std::move(done));
    return true;
}

bool leavesChallengeOpen(ApiError::Code code)
{
    return code == ApiError::Code::InvalidCode || code == ApiError::Code::CodeReused ||
           code == ApiError::Code::CodeExpired || code == ApiError::Code::TooManyAttempts;
}

} // namespace moim::secondFactor
