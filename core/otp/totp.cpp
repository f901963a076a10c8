#include "totp.h"

#include <liboath/oath.h>
#include <mutex>

namespace moim::otp {

namespace {

void initialiseOath()
{
    // oath_init is cheap but not documented as thread-safe; run it once.
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
}

} // namespace

QString Totp::generate(const QByteArray &secret, qint64 unixTime, int digits)
{
    initialiseOath();
    if (secret.isEmpty() || digits < 6 || digits > 8 || unixTime < 0)
        return {};
    char buffer[16] = {};
    const int rc = oath_totp_generate(secret.constData(), size_t(secret.size()), time_t(unixTime),
                                      StepSeconds, 0, unsigned(digits), buffer);
    if (rc != OATH_OK)
        return {};
    return QString::fromLatin1(buffer);
}

std::optional<qint64> Totp::matchingStep(const QByteArray &secret, qint64 unixTime,
                                         const QString &code, int window)
{
    initialiseOath();
    if (secret.isEmpty() || !isWellFormedCode(code) || window < 0 || unixTime < 0)
        return std::nullopt;
    const QByteArray otp = code.toLatin1();
    int position = 0;
    uint64_t counter = 0;
    const int rc =
        oath_totp_validate3(secret.constData(), size_t(secret.size()), time_t(unixTime),
                            StepSeconds, 0, size_t(window), &position, &counter, otp.constData());
    if (rc < 0)
        return std::nullopt;
    return qint64(counter);
}

bool Totp::isWellFormedCode(const QString &code, int digits)
{
    if (code.size() != digits)
        return false;
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

QString Totp::toBase32(const QByteArray &secret)
{
    initialiseOath();
    char *out = nullptr;
    size_t outLength = 0;
    if (oath_base32_encode(secret.constData(), size_t(secret.size()), &out, &outLength) != OATH_OK)
        return {};
    QString text = QString::fromLatin1(out, qsizetype(outLength));
    free(out);
    // Padding is optional in otpauth URIs and only clutters what a user may type by hand.
    while (text.endsWith(u'='))
        text.chop(1);
    return text;
}

std::optional<QByteArray> Totp::fromBase32(const QString &text)
{
    initialiseOath();
    QByteArray input;
    input.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (c == u' ' || c == u'-')
            continue;
        if (c.unicode() > 127)
            return std::nullopt;
        input.append(char(c.toUpper().unicode()));
    }
    while (input.endsWith('='))
        input.chop(1);
    if (input.isEmpty())
        return std::nullopt;
    // liboath wants canonical padding to a multiple of 8 characters.
    while (input.size() % 8 != 0)
        input.append('=');
    char *out = nullptr;
    size_t outLength = 0;
    if (oath_base32_decode(input.constData(), size_t(input.size()), &out, &outLength) != OATH_OK)
        return std::nullopt;
    QByteArray bytes(out, qsizetype(outLength));
    free(out);
    if (bytes.isEmpty())
        return std::nullopt;
    return bytes;
}

} // namespace moim::otp
