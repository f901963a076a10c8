#pragma once

#include "net/api_client.h"
#include "phone_session.h"

namespace moim::phone {

// The phone's authenticated calls: uses the saved session and, when the access token has
// expired, rotates the refresh token once (saving the new grant) and tries again.
class PhoneClient
{
public:
    PhoneClient(ApiClient &api, PhoneSession session);

    bool isSignedIn() const { return m_grant.has_value(); }
    void post(QLatin1StringView path, const QJsonObject &body, QObject *context,
              ApiClient::Callback done);

private:
    void send(QLatin1StringView path, const QJsonObject &body, QObject *context,
              ApiClient::Callback done, bool mayRefresh);

    ApiClient &m_api;
    PhoneSession m_session;
    std::optional<SessionGrant> m_grant;
};

} // namespace moim::phone
