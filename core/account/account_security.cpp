#include "account_security.h"

#include "account.h"
#include "net/authorized_api.h"
#include "personal_link.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <protocol/device_label.h>

namespace moim {

using namespace Qt::StringLiterals;
namespace path = protocol::path;

namespace {

QStringList codesOf(const QJsonObject &body)
{
    QStringList codes;
    const QJsonArray array = body.value("recovery_codes"_L1).toArray();
    for (const QJsonValue &value : array)
        codes.append(value.toString());
    return codes;
}

} // namespace

AccountSecurity::AccountSecurity(AuthorizedApi *api, Account *account)
    : QObject(account)
    , m_api(api)
    , m_account(account)
    , m_personalLink(new PersonalLink(api, account, this))
{}

void AccountSecurity::post(QLatin1StringView apiPath, const QJsonObject &body, QObject *context,
                           std::function<void(const ApiResult &)> done)
{
    m_api->post(apiPath, body, context, std::move(done));
}

void AccountSecurity::fetchStatus(QObject *context, Done<Status> done)
{
    m_api->get(path::AccountSecurity, context, [done = std::move(done)](const ApiResult &result) {
        Status status;
        status.twoStepEnabled = result.body.value("two_step_enabled"_L1).toBool();
        status.recoveryCodesLeft = result.body.value("recovery_codes_left"_L1).toInt();
        status.twoStepRequired = result.body.value("two_step_required"_L1).toBool();
        done(status, result.error);
    });
}

void AccountSecurity::beginSetup(QObject *context, Done<Setup> done)
{
    post(path::TwoStepSetup, {}, context, [done = std::move(done)](const ApiResult &result) {
        Setup setup{result.body.value("secret"_L1).toString(),
                    result.body.value("uri"_L1).toString()};
        ApiError error = result.error;
        if (!error.isError() && (setup.secret.isEmpty() || setup.uri.isEmpty()))
            error = ApiError::fromCode(ApiError::Code::InvalidResponse, u"no secret"_s);
        done(setup, error);
    });
}

void AccountSecurity::enable(const QString &code, QObject *context, Done<QStringList> done)
{
    post(path::TwoStepEnable, {{u"code"_s, code.trimmed()}}, context,
         [done = std::move(done)](const ApiResult &result) {
             done(codesOf(result.body), result.error);
         });
}

void AccountSecurity::disable(const QString &code, QObject *context, Finished done)
{
    post(path::TwoStepDisable, {{u"code"_s, code.trimmed()}}, context,
         [done = std::move(done)](const ApiResult &result) { done(result.error); });
}

void AccountSecurity::regenerateRecoveryCodes(const QString &code, QObject *context,
                                              Done<QStringList> done)
{
    post(path::RecoveryCodes, {{u"code"_s, code.trimmed()}}, context,
         [done = std::move(done)](const ApiResult &result) {
             done(codesOf(result.body), result.error);
         });
}

void AccountSecurity::changePassword(const QString &currentPassword, const QString &newPassword,
                                     const QString &code, QObject *context, Finished done)
{
    QJsonObject body{{u"current_password"_s, currentPassword}, {u"new_password"_s, newPassword}};
    if (!code.trimmed().isEmpty())
        body.insert(u"code"_s, code.trimmed());
    post(path::ChangePassword, body, context,
         [done = std::move(done)](const ApiResult &result) { done(result.error); });
}

void AccountSecurity::fetchSessions(QObject *context, Done<QList<DeviceSession>> done)
{
    m_api->get(path::Sessions, context, [done = std::move(done)](const ApiResult &result) {
        QList<DeviceSession> sessions;
        const QJsonArray array = result.body.value("sessions"_L1).toArray();
        for (const QJsonValue &value : array) {
            const QJsonObject object = value.toObject();
            const QJsonObject device = object.value("device"_L1).toObject();
            sessions.append(
                {object.value("id"_L1).toString(),
                 // What a device said about itself is shown as data only,
                 // also when a server did not clean it.
                 protocol::cleanLabel(device.value("name"_L1).toString()),
                 protocol::cleanLabel(device.value("os"_L1).toString()),
                 device.value("kind"_L1).toString(), object.value("created_at"_L1).toInteger(),
                 object.value("last_active"_L1).toInteger(), object.value("current"_L1).toBool()});
        }
        done(sessions, result.error);
    });
}

void AccountSecurity::signOutSession(const QString &sessionId, QObject *context, Finished done)
{
    post(path::SessionsRevoke, {{u"session_id"_s, sessionId}}, context,
         [done = std::move(done)](const ApiResult &result) { done(result.error); });
}

void AccountSecurity::signOutOtherSessions(QObject *context, Finished done)
{
    post(path::SessionsRevokeOthers, {}, context,
         [done = std::move(done)](const ApiResult &result) { done(result.error); });
}

} // namespace moim
