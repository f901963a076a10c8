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

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// A '%' that does not start an escape makes QUrl read every other '%' of the text as a literal
// one too, so the same text would decode one way here and another way once built again.
bool hasStrayPercent(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'%' &&
            (i + 2 >= text.size() || !isHexDigit(text.at(i + 1)) || !isHexDigit(text.at(i + 2))))
            return true;
    }
    return false;
}

// Noncharacters and lone surrogates do not survive UTF-8 and back, so a name holding one could
// not be written into a URI that reads the same; they stand as U+FFFD, as any decoder shows them.
QString withReplacementCharacters(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (QChar::isNonCharacter(code)) {
                clean += QChar::ReplacementCharacter;
            } else {
                clean += c;
                clean += text.at(i + 1);
            }
            ++i;
        } else if (c.isSurrogate() || c.isNonCharacter()) {
            clean += QChar::ReplacementCharacter;
        } else {
            clean += c;
        }
    }
    return clean;
}

} // namespace

std::optional<OtpauthUri> OtpauthUri::parse(const QString &text, Error *error)
{
    if (error)
        *error = Error::None;
    const QString trimmed = text.trimmed();
    if (trimmed.size() > MaxLength)
        return failWith(Error::TooLong, error);
    if (hasStrayPercent(trimmed))
        return failWith(Error::NotOtpauth, error);
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

    QString label = withReplacementCharacters(url.path(QUrl::FullyDecoded));
    if (label.startsWith(u'/'))
        label.remove(0, 1);
    if (label.size() > MaxLabelLength)
        return failWith(Error::TooLong, error);
    OtpauthUri uri;
    uri.m_issuer =
        withReplacementCharacters(query.queryItemValue(u"issuer"_s, QUrl::FullyDecoded)).trimmed();
    // The label is "ISSUER:ACCOUNT". An issuer may itself hold a colon ("Moim: HQ"), so the
    // issuer parameter, when the label starts with it, says where the account begins.
    qsizetype colon = label.indexOf(u':');
    if (!uri.m_issuer.isEmpty() && label.startsWith(uri.m_issuer + u':'))
        colon = uri.m_issuer.size();
    uri.m_account = (colon >= 0 ? label.mid(colon + 1) : label).trimmed();
    if (uri.m_issuer.isEmpty() && colon >= 0)
        uri.m_issuer = label.left(colon).trimmed();
    // What is accepted builds back to a URI that reads the same: build() writes the label as
    // "issuer:account" (":account" when the account holds a colon), so that must fit too, not
    // only the label as it came.
    const qsizetype builtLabel = uri.m_issuer.isEmpty()
                                     ? uri.m_account.size() + (uri.m_account.contains(u':') ? 1 : 0)
                                     : uri.m_issuer.size() + 1 + uri.m_account.size();
    if (uri.m_issuer.size() > MaxLabelLength || builtLabel > MaxLabelLength)
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
    // Without an issuer the label is the account alone: a leading colon would make the label
    // longer than the one it was read from, and no longer the same. Unless the account holds a
    // colon itself: then only the leading colon (an empty issuer) keeps it whole, as it was read.
    QString label = issuer + u':' + account;
    if (issuer.isEmpty() && !account.contains(u':'))
        label = account;
    // Every character but the unreserved ones (and the label's ':' and '@') is escaped here, by
    // hand: QUrlQuery would take a '%' in a name for the start of an escape.
    QByteArray uri = "otpauth://totp/" + QUrl::toPercentEncoding(label, ":@") +
                     "?secret=" + Totp::toBase32(secret).toLatin1();
    if (!issuer.isEmpty())
        uri += "&issuer=" + QUrl::toPercentEncoding(issuer);
    uri += "&algorithm=SHA1&digits=6&period=30";
    return QString::fromLatin1(uri);
}

QString OtpauthUri::label() const
{
    return m_issuer.isEmpty() ? m_account : m_issuer + u':' + m_account;
}

} // namespace moim::otp
