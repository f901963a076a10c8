// Whatever a server (or something pretending to be one) answers: every reader of its JSON takes
// any document without crashing, and an error body always maps to a code.
#include "account/workspace.h"
#include "auth/session_grant.h"
#include "chat/message.h"
#include "net/api_error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdlib>

using namespace moim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const int status : {200, 400, 401, 403, 409, 422, 429, 500, 503}) {
        const ApiError error = ApiError::fromHttpAnswer(status, body);
        if (error.code == ApiError::Code::None || error.httpStatus != status ||
            error.message.isEmpty())
            std::abort();
    }

    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    const auto grant = SessionGrant::fromJson(object);
    if (grant && (grant->accessToken.isEmpty() || grant->refreshToken.isEmpty()))
        std::abort(); // a grant without its tokens is no grant
    (void)AccountIdentity::fromJson(object);
    (void)Workspace::fromJson(object);
    (void)Conversation::fromJson(object, QStringLiteral("w_fuzz"));
    const QString ownAccount = QStringLiteral("u_fuzz");
    const Message message = Message::fromJson(object, ownAccount);
    (void)message.mentions(QStringLiteral("u_jimin"));
    // Kept under the server's id; a client id only on the account's own message.
    if (message.localId != message.id ||
        (!message.clientId.isEmpty() && message.authorId != ownAccount))
        std::abort();
    // Lists of them, as pages and sync answers carry.
    const QJsonArray items = document.isArray()
                                 ? document.array()
                                 : object.value(QLatin1StringView("messages")).toArray();
    for (const QJsonValue &value : items) {
        (void)Message::fromJson(value.toObject(), ownAccount);
        (void)Workspace::fromJson(value.toObject());
    }
    return 0;
}
