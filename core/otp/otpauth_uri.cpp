#include "otpauth_uri.h"

#include "totp.h"

#include <QUrl>
#include <QUrlQuery>

namespace moim::otp {

using namespace Qt::StringLiterals;

namespace {

// Secrets shorter than 80 bits are not worth trusting; longer than 512 bits is not a TOTP key.
constexpr qsizetype MinSecretBytes = 10;
constexpr qsizetype MaxSecretBytes = 64;

std::optional<OtpauthUri> failWith(OtpauthUri::Error reason, OtpauthUri::Error *error)
{
    if (error)
        *error = reason;
    return std::nullopt;
}

} // namespace

std::optional<OtpauthUri> OtpauthUri::parse(const QString &text, Error *error)
{
    if (error)
        *error = Error::None;
    const QString trimmed = text.trimmed();
    if (trimmed.size() > MaxLength)
        return failWith(Error::TooLong, error);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().compare(u"otpauth"_s, Qt::CaseInsensitive) != 0)
        return failWith(Error::NotOtpauth, error);
    if (url.host().compare(u"totp"_s, Qt::CaseInsensitive) != 0)
        return failWith(Error::NotTotp, error);

    const QUrlQuery query(url);
    const QString secretText = query.queryItemValue(u"secret"_s, QUrl::FullyDecoded);
    if (secretText.isEmpty())
        return failWith(Error::MissingSecret, error);
    const auto secret = Totp::fromBase32(secretText);
    if (!secret || secret->size() < MinSecretBytes || secret->size() > MaxSecretBytes)
        return failWith(Error::MalformedSecret, error);
    if (query.hasQueryItem(u"algorithm"_s) &&
        query.queryItemValue(u"algorithm"_s).compare(u"SHA1"_s, Qt::CaseInsensitive) != 0)
        return failWith(Error::UnsupportedAlgorithm, error);
    if (query.hasQueryItem(u"digits"_s) && query.queryItemValue(u"digits"_s) != u"6"_s)
        return failWith(Error::UnsupportedDigits, error);
    if (query.hasQueryItem(u"period"_s) && query.queryItemValue(u"period"_s) != u"30"_s)
        return failWith(Error::UnsupportedPeriod, error);

    QString label = url.path(QUrl::FullyDecoded);
    if (label.startsWith(u'/'))
        label.remove(0, 1);
    if (label.size() > MaxLabelLength)
        return failWith(Error::TooLong, error);
    OtpauthUri uri;
    uri.m_issuer = query.queryItemValue(u"issuer"_s, QUrl::FullyDecoded).trimmed();
    // The label is "ISSUER:ACCOUNT". An issuer may itself hold a colon ("Moim: HQ"), so the
    // issuer parameter, when the label starts with it, says where the account begins.
    qsizetype colon = label.indexOf(u':');
    if (!uri.m_issuer.isEmpty() && label.startsWith(uri.m_issuer + u':'))
        colon = uri.m_issuer.size();
    uri.m_account = (colon >= 0 ? label.mid(colon + 1) : label).trimmed();
    if (uri.m_issuer.isEmpty() && colon >= 0)
        uri.m_issuer = label.left(colon).trimmed();
    if (uri.m_issuer.size() > MaxLabelLength)
        return failWith(Error::TooLong, error);
    if (uri.m_account.isEmpty())
        return failWith(Error::MissingAccount, error);
    uri.m_secret = *secret;
    return uri;
}

QString OtpauthUri::describe(Error error)
{
    switch (error) {
    case Error::None:
        return {};
    case Error::TooLong:
        return u"the otpauth URI is too long"_s;
    case Error::NotOtpauth:
        return u"not an otpauth:// URI"_s;
    case Error::NotTotp:
        return u"only time-based (totp) codes are supported"_s;
    case Error::MissingSecret:
        return u"the URI has no secret"_s;
    case Error::MalformedSecret:
        return u"the secret is not valid base32 of 80 to 512 bits"_s;
    case Error::UnsupportedAlgorithm:
        return u"only the SHA1 algorithm is supported"_s;
    case Error::UnsupportedDigits:
        return u"only 6-digit codes are supported"_s;
    case Error::UnsupportedPeriod:
        return u"only a 30-second period is supported"_s;
    case Error::MissingAccount:
        return u"the URI names no account"_s;
    }
    return {};
}

QString OtpauthUri::build(const QString &issuer, const QString &account, const QByteArray &secret)
{
    QUrl url;
    url.setScheme(u"otpauth"_s);
    url.setHost(u"totp"_s);
    // Without an issuer the label is the account alone: a leading colon would make the label
    // longer than the one it was read from, and no longer the same. Unless the account holds a
    // colon itself: then only the leading colon (an empty issuer) keeps it whole, as it was read.
    QString label = issuer + u':' + account;
    if (issuer.isEmpty() && !account.contains(u':'))
        label = account;
    url.setPath(u'/' + label);
    QUrlQuery query;
    query.addQueryItem(u"secret"_s, Totp::toBase32(secret));
    if (!issuer.isEmpty())
        query.addQueryItem(u"issuer"_s, issuer);
    query.addQueryItem(u"algorithm"_s, u"SHA1"_s);
    query.addQueryItem(u"digits"_s, u"6"_s);
    query.addQueryItem(u"period"_s, u"30"_s);
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString OtpauthUri::label() const
{
    return m_issuer.isEmpty() ? m_account : m_issuer + u':' + m_account;
}

} // namespace moim::otp
