#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace moim::otp {

// RFC 6238 time-based one-time passwords with HMAC-SHA-1 (what every authenticator app
// supports), over liboath. Secrets are raw bytes; base32 is only their written form.
class Totp
{
public:
    static constexpr int Digits = 6;
    static constexpr int StepSeconds = 30;
    static constexpr int SecretBytes = 20; // 160 bits, RFC 4226's recommendation

    // The code for the time step that contains unixTime; empty if liboath refuses.
    static QString generate(const QByteArray &secret, qint64 unixTime, int digits = Digits);

    // The time step (counter) whose code equals code, searching steps within `window` of the
    // one containing unixTime; nullopt when none matches. The caller decides what an older match
    // means (accepted, or "expired").
    static std::optional<qint64> matchingStep(const QByteArray &secret, qint64 unixTime,
                                              const QString &code, int window);
    static qint64 stepOf(qint64 unixTime) { return unixTime / StepSeconds; }

    // True for exactly `digits` ASCII digits.
    static bool isWellFormedCode(const QString &code, int digits = Digits);

    static QString toBase32(const QByteArray &secret);
    // Accepts upper or lower case, spaces and missing padding (as authenticator apps do);
    // nullopt when it is not base32.
    static std::optional<QByteArray> fromBase32(const QString &text);
};

} // namespace moim::otp
