#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace moim::otp {

// An `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…` URI (the Key Uri Format that
// authenticator apps share), limited to what Moim's server issues: TOTP, SHA-1, 6 digits, 30 s.
// Parsing is strict and bounded, since the text comes from a scanned image anyone could make.
class OtpauthUri
{
public:
    enum class Error
    {
        None,
        TooLong,
        NotOtpauth,
        NotTotp,
        MissingSecret,
        MalformedSecret,
        UnsupportedAlgorithm,
        UnsupportedDigits,
        UnsupportedPeriod,
        MissingAccount,
    };

    // Longer than any real URI (a 160-bit secret is 32 characters); more is someone's mischief.
    static constexpr qsizetype MaxLength = 2048;
    // The label ("ISSUER:ACCOUNT") and the issuer each, in characters once decoded.
    static constexpr qsizetype MaxLabelLength = 256;

    static std::optional<OtpauthUri> parse(const QString &text, Error *error = nullptr);
    // A message for the command line and logs (the phone is not translated).
    static QString describe(Error error);

    static QString build(const QString &issuer, const QString &account, const QByteArray &secret);

    QString issuer() const { return m_issuer; }
    QString account() const { return m_account; }
    QByteArray secret() const { return m_secret; }
    // "Moim:jimin.kim@moim.example": how the phone names the entry.
    QString label() const;

private:
    QString m_issuer;
    QString m_account;
    QByteArray m_secret;
};

} // namespace moim::otp
