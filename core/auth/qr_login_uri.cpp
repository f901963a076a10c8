#include "qr_login_uri.h"

#include "protocol/protocol.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace moim {

using namespace Qt::StringLiterals;
namespace qrUri = protocol::qrUri;

namespace {

// Ids and nonces are short ASCII tokens; anything else did not come from a Moim server.
bool isToken(const QString &value)
{
    static const QRegularExpression token(u"^[A-Za-z0-9_-]{4,128}$"_s);
    return token.match(value).hasMatch();
}

} // namespace

std::optional<QrLoginUri> QrLoginUri::parse(const QString &text, Problem *problem)
{
    Problem dummy = Problem::None;
    Problem &why = problem ? *problem : dummy;
    why = Problem::None;
    const QString prefix = qrUri::Scheme + u"://"_s + qrUri::Host;
    if (!text.startsWith(prefix, Qt::CaseInsensitive)) {
        why = Problem::NotMoim;
        return std::nullopt;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QUrlQuery query(url);
    QrLoginUri uri;
    uri.session = query.queryItemValue(QString(qrUri::SessionKey));
    uri.nonce = query.queryItemValue(QString(qrUri::NonceKey));
    if (!url.isValid() || url.host() != qrUri::Host || !isToken(uri.session) ||
        !isToken(uri.nonce)) {
        why = Problem::Incomplete;
        return std::nullopt;
    }
    return uri;
}

QString QrLoginUri::toString() const
{
    QUrl url;
    url.setScheme(QString(qrUri::Scheme));
    url.setHost(QString(qrUri::Host));
    QUrlQuery query;
    query.addQueryItem(QString(qrUri::SessionKey), session);
    query.addQueryItem(QString(qrUri::NonceKey), nonce);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace moim
