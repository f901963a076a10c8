#include "phone_client.h"

#include "protocol/protocol.h"

namespace moim::phone {

using namespace Qt::StringLiterals;

PhoneClient::PhoneClient(ApiClient &api, PhoneSession session)
    : m_api(api)
    , m_session(std::move(session))
    , m_grant(m_session.load())
{}

void PhoneClient::post(QLatin1StringView path, const QJsonObject &body, QObject *context,
                       ApiClient::Callback done)
{
    send(path, body, context, std::move(done), true);
}

void PhoneClient::send(QLatin1StringView path, const QJsonObject &body, QObject *context,
                       ApiClient::Callback done, bool mayRefresh)
{
    const QString token = m_grant ? m_grant->accessToken : QString();
    m_api.post(path, body, token, context,
               [this, path, body, context, done, mayRefresh](const ApiResult &result) {
                   if (result.error.code != ApiError::Code::InvalidToken || !mayRefresh || !m_grant)
                       return done(result);
                   // Access tokens live 15 minutes; a phone app refreshes quietly.
                   m_api.post(protocol::path::Refresh,
                              {{u"refresh_token"_s, m_grant->refreshToken}}, {}, context,
                              [this, path, body, context, done, result](const ApiResult &renewed) {
                                  const auto grant = renewed.ok()
                                                         ? SessionGrant::fromJson(renewed.body)
                                                         : std::nullopt;
                                  if (!grant)
                                      return done(result);
                                  m_grant = grant;
                                  m_session.save(*grant);
                                  send(path, body, context, done, false);
                              });
               });
}

} // namespace moim::phone
